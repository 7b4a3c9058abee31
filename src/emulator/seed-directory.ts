/**
 * The directory the emulator writes to `<dataDir>/emulator/directory.json` on first start (after which the file
 * is the user's to edit).
 *
 * Its first six users, their tenant and the "My Team" group are Microsoft 365 Agents Playground's, with the ids
 * exactly as the Playground (`@microsoft/m365agentsplayground` 0.2.28) sends them in `from.aadObjectId`,
 * `conversation.tenantId` and the team's `aadGroupId`. They are not RFC 4122 UUIDs (the last group has 13 digits):
 * compare them as strings. Besides those it holds what exercises every rule of the emulator: a user with no
 * mailbox, directory role holders, groups whose owner and members differ, contacts and a contact folder; and, for
 * "Set as group photo" on a message, a chat and a channel thread with pasted images and a file in OneDrive shared
 * with the organisation. Their pictures are drawn into `<dataDir>/emulator/content/` (see seed-content.ts).
 */
import type { DirectoryFile } from './directory.js';

/** The Playground's tenant id (`conversation.tenantId` of its activities). */
export const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/** The Playground's default user, Alex Wilber: `from.aadObjectId` of its activities. */
export const PLAYGROUND_USER_ID = '00000000-0000-0000-0000-0000000000020';

/** The Playground's default user's user principal name. */
export const PLAYGROUND_USER_UPN = 'alexw@example.com';

/** The Playground team's `aadGroupId`. */
export const PLAYGROUND_TEAM_GROUP_ID = '00000000-0000-0000-0000-000000000031';

/** Seeded user without an Exchange mailbox: photo writes for it answer 404 `MailboxNotEnabledForRESTAPI`. */
export const NO_MAILBOX_USER_ID = '00000000-0000-0000-0000-000000000041';

const ids = {
  alex: PLAYGROUND_USER_ID,
  megan: '00000000-0000-0000-0000-0000000000021',
  adele: '00000000-0000-0000-0000-0000000000022',
  isaiah: '00000000-0000-0000-0000-0000000000023',
  patti: '00000000-0000-0000-0000-0000000000024',
  lynne: '00000000-0000-0000-0000-0000000000025',
  kiosk: NO_MAILBOX_USER_ID,
} as const;

/** The 1:1 chat of Alex and Megan, id spelled as Teams spells one-on-one chats. */
export const SEED_CHAT_ID = `19:${ids.alex}_${ids.megan}@unq.gbl.spaces`;

/** Megan's message in {@link SEED_CHAT_ID}, with one pasted image. */
export const SEED_CHAT_MESSAGE_ID = '1716371112345';

/** General channel of "My Team" ({@link PLAYGROUND_TEAM_GROUP_ID}). */
export const SEED_CHANNEL_ID = '19:general-myteam@thread.tacv2';

/** A message in {@link SEED_CHANNEL_ID} with a pasted image, and its reply with another. */
export const SEED_CHANNEL_MESSAGE_ID = '1716371200000';
export const SEED_CHANNEL_REPLY_ID = '1716371260000';

/**
 * A hosted content id as Teams makes them: base64 of the image's Skype object reference (the ids are opaque to
 * Graph's callers; this shape makes long, `=`-padded ids like the real ones).
 */
function hostedContentId(objectId: string): string {
  const reference = `id=x_${objectId},type=1,url=https://eu-api.asm.skype.com/v1/objects/${objectId}/views/imgo`;
  return Buffer.from(reference, 'utf8').toString('base64');
}

/** The image pasted into {@link SEED_CHAT_MESSAGE_ID}. */
export const SEED_CHAT_IMAGE_ID = hostedContentId('0-weu-d3-6c1f0b5e9a2d47c8b3e1f4a7d9c2e8b1');
/** The image pasted into {@link SEED_CHANNEL_MESSAGE_ID}. */
export const SEED_CHANNEL_IMAGE_ID = hostedContentId('0-weu-d5-2a9e7c4b1d8f46e3a0c5b7d2e9f1a4c6');
/** The image pasted into {@link SEED_CHANNEL_REPLY_ID}. */
export const SEED_CHANNEL_REPLY_IMAGE_ID = hostedContentId('0-weu-d5-8d3b6f1a4c9e42b7e5a0d8c3f6b1e9a2');

/** Alex's `headshot.jpg` in OneDrive, shared with the organisation. */
export const SEED_DRIVE_ITEM_ID = '01ALEXW7HEADSHOT2JPGQ4KZ3M5NB6VXR';
/** Its web URL: what a message sharing it carries as a `reference` attachment's `contentUrl`. */
export const SEED_HEADSHOT_URL =
  'https://contoso-my.sharepoint.com/personal/alexw_example_com/Documents/headshot.jpg';

/** The seed's picture files, relative to `<dataDir>/emulator/`; seed-content.ts draws each one. */
export const SEED_CONTENT_FILES = {
  chatImage: 'content/seed-chat-alex-megan.png',
  channelImage: 'content/seed-general-message.png',
  channelReplyImage: 'content/seed-general-reply.png',
  headshot: 'content/seed-headshot.jpg',
} as const;

/** A Playground user as the Playground describes it (its config spells the UPN `userPrincipleName`). */
function playgroundUser(
  id: string,
  givenName: string,
  surname: string,
  upn: string,
  mail: string,
  jobTitle: string,
) {
  return {
    id,
    userPrincipalName: upn,
    // Graph gives every user a mail nickname: the user principal name's local part unless an admin chose one.
    mailNickname: upn.slice(0, upn.indexOf('@')),
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    mail,
    jobTitle,
  };
}

/** The built-in seed. */
export const SEED_DIRECTORY: DirectoryFile = {
  tenant: { id: PLAYGROUND_TENANT_ID, displayName: 'Contoso (local)' },
  users: [
    {
      ...playgroundUser(
        ids.alex,
        'Alex',
        'Wilber',
        'alexw@example.com',
        'alexw@example.com',
        'Retail Manager',
      ),
      contacts: [
        {
          id: 'AAMkAGAlex-contact-ravi=',
          displayName: 'Ravi Kumar',
          givenName: 'Ravi',
          surname: 'Kumar',
          emailAddresses: [{ name: 'Ravi Kumar', address: 'ravi@fabrikam.example' }],
          companyName: 'Fabrikam',
        },
        {
          id: 'AAMkAGAlex-contact-hannah=',
          displayName: 'Hannah Schmidt',
          givenName: 'Hannah',
          surname: 'Schmidt',
          emailAddresses: [{ name: 'Hannah Schmidt', address: 'hannah@tailspin.example' }],
        },
      ],
      contactFolders: [
        {
          id: 'AAMkAGAlex-folder-suppliers=',
          displayName: 'Suppliers',
          contacts: [
            {
              id: 'AAMkAGAlex-contact-tomas=',
              displayName: 'Tomás García',
              givenName: 'Tomás',
              surname: 'García',
              emailAddresses: [{ name: 'Tomás García', address: 'tomas@wingtip.example' }],
              companyName: 'Wingtip Toys',
            },
          ],
        },
      ],
    },
    playgroundUser(
      ids.megan,
      'Megan',
      'Bowen',
      'meganb@example.com',
      'meganb@example.com',
      'Marketing Manager',
    ),
    playgroundUser(
      ids.adele,
      'Adele',
      'Vance',
      'adelev@example.com',
      'adelev@example.com',
      'IT Administrator',
    ),
    // The Playground gives Isaiah a UPN and a mail address that differ; kept as it sends them.
    playgroundUser(ids.isaiah, 'Isaiah', 'Langer', 'isaiah@example.com', 'isaiahl@example.com', 'Sales Rep'),
    playgroundUser(ids.patti, 'Patti', 'Fernandez', 'pattif@example.com', 'pattif@example.com', 'President'),
    playgroundUser(ids.lynne, 'Lynne', 'Robbins', 'lynner@example.com', 'lynner@example.com', 'Planner'),
    {
      id: ids.kiosk,
      userPrincipalName: 'kiosk@example.com',
      displayName: 'Front Desk Kiosk',
      mail: null,
      jobTitle: 'Shared device account (no mailbox)',
      hasMailbox: false,
    },
  ],
  groups: [
    {
      id: PLAYGROUND_TEAM_GROUP_ID,
      displayName: 'My Team',
      description: "Agents Playground's team",
      mailNickname: 'myteam',
      mail: 'myteam@example.com',
      owners: [ids.alex],
      members: [ids.alex, ids.megan, ids.adele, ids.isaiah, ids.patti, ids.lynne],
    },
    {
      id: '00000000-0000-0000-0000-000000000032',
      displayName: 'Marketing',
      description: 'Campaigns and brand',
      mailNickname: 'marketing',
      mail: 'marketing@example.com',
      owners: [ids.megan],
      members: [ids.megan, ids.adele, ids.alex],
    },
    {
      id: '00000000-0000-0000-0000-000000000033',
      displayName: 'Sales',
      description: 'Sales team',
      mailNickname: 'sales',
      mail: 'sales@example.com',
      visibility: 'Private',
      owners: [ids.patti],
      members: [ids.patti, ids.isaiah, ids.lynne],
    },
  ],
  directoryRoles: [
    {
      id: '00000000-0000-0000-0000-000000000051',
      displayName: 'Global Administrator',
      roleTemplateId: '62e90394-69f5-4237-9190-012177145e10',
      members: [ids.patti],
    },
    {
      id: '00000000-0000-0000-0000-000000000052',
      displayName: 'User Administrator',
      roleTemplateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
      members: [ids.adele],
    },
  ],
  chats: [
    {
      id: SEED_CHAT_ID,
      members: [ids.alex, ids.megan],
      messages: [
        {
          id: SEED_CHAT_MESSAGE_ID,
          hostedContents: [{ id: SEED_CHAT_IMAGE_ID, file: SEED_CONTENT_FILES.chatImage }],
        },
      ],
    },
  ],
  channels: [
    {
      teamId: PLAYGROUND_TEAM_GROUP_ID,
      id: SEED_CHANNEL_ID,
      displayName: 'General',
      messages: [
        {
          id: SEED_CHANNEL_MESSAGE_ID,
          hostedContents: [{ id: SEED_CHANNEL_IMAGE_ID, file: SEED_CONTENT_FILES.channelImage }],
          replies: [
            {
              id: SEED_CHANNEL_REPLY_ID,
              hostedContents: [
                { id: SEED_CHANNEL_REPLY_IMAGE_ID, file: SEED_CONTENT_FILES.channelReplyImage },
              ],
            },
          ],
        },
      ],
    },
  ],
  driveItems: [
    {
      id: SEED_DRIVE_ITEM_ID,
      name: 'headshot.jpg',
      webUrl: SEED_HEADSHOT_URL,
      owner: ids.alex,
      sharedWith: 'organization',
      file: SEED_CONTENT_FILES.headshot,
    },
  ],
};
