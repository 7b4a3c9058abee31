/**
 * The emulator's tenant: users, groups, directory roles, each user's contacts, and the chats, channel messages and
 * shared files that hold images (see directory-content.ts), read from
 * `<dataDir>/emulator/directory.json`. The file is written from the built-in seed the first time anything needs it
 * (the emulator or `profile-photo token`), then it is the user's to edit; a running emulator picks edits up at
 * its next request (see directory-source.ts).
 *
 * Ids are opaque strings (Agents Playground's are not UUIDs). Like Graph, look-ups of users, groups and roles by
 * id or user principal name ignore case; Teams and OneDrive ids (chats, channels, messages, drive items) do not.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/v4';
import { ConfigError } from '../config.js';
import {
  channelSchema,
  chatSchema,
  checkContent,
  driveItemSchema,
  webUrlKey,
  type DirectoryChannel,
  type DirectoryChat,
  type DirectoryDriveItem,
} from './directory-content.js';
import { SEED_DIRECTORY } from './seed-directory.js';
import { writeIfAbsent } from './write-once.js';

export type {
  DirectoryChannel,
  DirectoryChannelMessage,
  DirectoryChat,
  DirectoryDriveItem,
  DirectoryHostedContent,
  DirectoryMessage,
} from './directory-content.js';

const id = z.string().trim().min(1);

const contactSchema = z.object({
  id,
  displayName: z.string(),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  companyName: z.string().optional(),
  emailAddresses: z.array(z.object({ name: z.string().optional(), address: z.string() })).default([]),
});

const userSchema = z.object({
  id,
  userPrincipalName: z.string().trim().min(3),
  displayName: z.string(),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  mail: z.string().nullable().optional(),
  jobTitle: z.string().optional(),
  /** The mail alias (the part before `@` for most users); Graph returns it only when `$select`ed. */
  mailNickname: z.string().nullable().optional(),
  /** The HR system's employee number; Graph returns it only when `$select`ed. */
  employeeId: z.string().nullable().optional(),
  /** False for an account with no Exchange Online mailbox: Graph refuses photo writes for it. */
  hasMailbox: z.boolean().default(true),
  /** Contacts in the default Contacts folder. */
  contacts: z.array(contactSchema).default([]),
  contactFolders: z
    .array(z.object({ id, displayName: z.string(), contacts: z.array(contactSchema).default([]) }))
    .default([]),
});

const groupSchema = z.object({
  id,
  displayName: z.string(),
  description: z.string().optional(),
  mailNickname: z.string().trim().min(1),
  mail: z.string().optional(),
  visibility: z.enum(['Public', 'Private']).default('Public'),
  owners: z.array(id).default([]),
  members: z.array(id).default([]),
});

const roleSchema = z.object({
  id,
  displayName: z.string(),
  roleTemplateId: z.string(),
  members: z.array(id).default([]),
});

const directorySchema = z
  .object({
    tenant: z.object({ id, displayName: z.string() }),
    users: z.array(userSchema),
    groups: z.array(groupSchema).default([]),
    directoryRoles: z.array(roleSchema).default([]),
    chats: z.array(chatSchema).default([]),
    channels: z.array(channelSchema).default([]),
    driveItems: z.array(driveItemSchema).default([]),
  })
  .check((payload) => {
    const directory = payload.value;
    const problem = (where: (string | number)[], message: string): void => {
      payload.issues.push({ code: 'custom', input: directory, path: where, message });
    };
    const userIds = new Set<string>();
    const upns = new Set<string>();
    // Ids and user principal names are separate keys, but `/users/{id | userPrincipalName}` takes either: a UPN
    // spelled like another user's id would make that path (and anything else that looks users up by either)
    // ambiguous, so such a directory is refused rather than resolved one way or the other.
    const idOwners = new Map(directory.users.map((user) => [user.id.toLowerCase(), user.id]));
    directory.users.forEach((user, index) => {
      const sameAsId = idOwners.get(user.userPrincipalName.toLowerCase());
      if (sameAsId !== undefined && sameAsId.toLowerCase() !== user.id.toLowerCase()) {
        problem(
          ['users', index, 'userPrincipalName'],
          `${user.userPrincipalName} is also the id of another user (${sameAsId})`,
        );
      }
      const key = user.id.toLowerCase();
      if (userIds.has(key)) problem(['users', index, 'id'], `duplicate user id ${user.id}`);
      userIds.add(key);
      const upn = user.userPrincipalName.toLowerCase();
      if (upns.has(upn))
        problem(['users', index, 'userPrincipalName'], `duplicate ${user.userPrincipalName}`);
      upns.add(upn);
      const contactIds = new Set<string>();
      for (const contact of [...user.contacts, ...user.contactFolders.flatMap((folder) => folder.contacts)]) {
        if (contactIds.has(contact.id)) problem(['users', index], `duplicate contact id ${contact.id}`);
        contactIds.add(contact.id);
      }
    });
    const groupIds = new Set<string>();
    directory.groups.forEach((group, index) => {
      if (groupIds.has(group.id.toLowerCase()))
        problem(['groups', index, 'id'], `duplicate group id ${group.id}`);
      groupIds.add(group.id.toLowerCase());
      for (const field of ['owners', 'members'] as const) {
        group[field].forEach((member, at) => {
          if (!userIds.has(member.toLowerCase())) problem(['groups', index, field, at], `no user ${member}`);
        });
      }
    });
    directory.directoryRoles.forEach((role, index) => {
      role.members.forEach((member, at) => {
        if (!userIds.has(member.toLowerCase()))
          problem(['directoryRoles', index, 'members', at], `no user ${member}`);
      });
    });
    checkContent(directory, userIds, groupIds, problem);
  });

/** directory.json as a person writes it (defaults may be left out). */
export type DirectoryFile = z.input<typeof directorySchema>;

/** A user, with defaults filled in. */
export type DirectoryUser = z.output<typeof userSchema>;
/** A Microsoft 365 group with its owners' and members' user ids. */
export type DirectoryGroup = z.output<typeof groupSchema>;
/** A directory role (e.g. User Administrator) with its holders' user ids. */
export type DirectoryRole = z.output<typeof roleSchema>;
/** An Outlook contact in a user's mailbox. */
export type DirectoryContact = z.output<typeof contactSchema>;

/** A contact found in a user's mailbox, with the folder it is in (undefined: the default Contacts folder). */
export interface ContactLocation {
  readonly contact: DirectoryContact;
  readonly folderId: string | undefined;
}

/** The path of the directory file inside a data folder. */
export function directoryFile(dataDir: string): string {
  return path.join(dataDir, 'emulator', 'directory.json');
}

/** The tenant, read-only, with Graph's look-ups. */
export class Directory {
  readonly tenant: { readonly id: string; readonly displayName: string };
  readonly users: readonly DirectoryUser[];
  readonly groups: readonly DirectoryGroup[];
  readonly roles: readonly DirectoryRole[];
  readonly chats: readonly DirectoryChat[];
  readonly channels: readonly DirectoryChannel[];
  readonly driveItems: readonly DirectoryDriveItem[];
  readonly #usersById = new Map<string, DirectoryUser>();
  readonly #usersByUpn = new Map<string, DirectoryUser>();
  readonly #groupsById = new Map<string, DirectoryGroup>();

  /**
   * @param data a directory in directory.json's shape; validated here
   * @throws ConfigError listing every problem (unknown member ids, duplicates, missing fields)
   */
  constructor(data: unknown, source = 'directory') {
    const parsed = directorySchema.safeParse(data);
    if (!parsed.success) {
      throw new ConfigError(
        parsed.error.issues.map(
          (issue) => `${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
        ),
      );
    }
    const directory = parsed.data;
    this.tenant = directory.tenant;
    this.users = directory.users;
    this.groups = directory.groups;
    this.roles = directory.directoryRoles;
    this.chats = directory.chats;
    this.channels = directory.channels;
    this.driveItems = directory.driveItems;
    for (const user of this.users) {
      this.#usersById.set(user.id.toLowerCase(), user);
      this.#usersByUpn.set(user.userPrincipalName.toLowerCase(), user);
    }
    for (const group of this.groups) this.#groupsById.set(group.id.toLowerCase(), group);
  }

  /** A user by object id or user principal name, as `/users/{id | userPrincipalName}` takes either. */
  findUser(idOrUpn: string): DirectoryUser | undefined {
    const key = idOrUpn.toLowerCase();
    return this.#usersById.get(key) ?? this.#usersByUpn.get(key);
  }

  /**
   * A user by object id only: what a token's `oid`, a group's owners and a role's members name. Never by user
   * principal name, so that a token cannot act as whoever's UPN its `oid` happens to spell.
   */
  findUserById(userId: string): DirectoryUser | undefined {
    return this.#usersById.get(userId.toLowerCase());
  }

  findGroup(groupId: string): DirectoryGroup | undefined {
    return this.#groupsById.get(groupId.toLowerCase());
  }

  /** The users among `ids` (owners or members of a group, members of a role), in that order. */
  usersById(ids: readonly string[]): DirectoryUser[] {
    return ids.flatMap((userId) => this.findUserById(userId) ?? []);
  }

  isOwner(user: DirectoryUser, group: DirectoryGroup): boolean {
    return group.owners.some((owner) => sameId(owner, user.id));
  }

  groupsOwnedBy(user: DirectoryUser): DirectoryGroup[] {
    return this.groups.filter((group) => this.isOwner(user, group));
  }

  groupsWithMember(user: DirectoryUser): DirectoryGroup[] {
    return this.groups.filter((group) => this.isGroupMember(user, group));
  }

  rolesOf(user: DirectoryUser): DirectoryRole[] {
    return this.roles.filter((role) => role.members.some((member) => sameId(member, user.id)));
  }

  /** A chat by its Teams id (exact, case included). */
  findChat(chatId: string): DirectoryChat | undefined {
    return this.chats.find((chat) => chat.id === chatId);
  }

  /** A channel of the team `teamId` (a group id, any case) by its Teams id (exact). */
  findChannel(teamId: string, channelId: string): DirectoryChannel | undefined {
    return this.channels.find((channel) => channel.id === channelId && sameId(channel.teamId, teamId));
  }

  /** A drive item by its id (exact). */
  findDriveItem(itemId: string): DirectoryDriveItem | undefined {
    return this.driveItems.find((item) => item.id === itemId);
  }

  /**
   * A drive item by its web URL, as a message's `reference` attachment names it (see {@link webUrlKey} for what
   * counts as the same URL).
   */
  findDriveItemByWebUrl(url: string): DirectoryDriveItem | undefined {
    const key = webUrlKey(url);
    return this.driveItems.find((item) => webUrlKey(item.webUrl) === key);
  }

  isChatMember(user: DirectoryUser, chat: DirectoryChat): boolean {
    return chat.members.some((member) => sameId(member, user.id));
  }

  isGroupMember(user: DirectoryUser, group: DirectoryGroup): boolean {
    return group.members.some((member) => sameId(member, user.id));
  }

  ownsDriveItem(user: DirectoryUser, item: DirectoryDriveItem): boolean {
    return sameId(item.owner, user.id);
  }

  /** True when `item` is shared with `user`: with the whole organisation, or with them by name. */
  isSharedWith(user: DirectoryUser, item: DirectoryDriveItem): boolean {
    return item.sharedWith === 'organization' || item.sharedWith.some((reader) => sameId(reader, user.id));
  }

  /** A contact folder of `user` by id. */
  findFolder(user: DirectoryUser, folderId: string): DirectoryUser['contactFolders'][number] | undefined {
    return user.contactFolders.find((folder) => folder.id === folderId);
  }

  /**
   * A contact of `user`. Without `folderId`, any of the user's contacts (Graph's `/contacts/{id}` finds a contact
   * wherever it is filed); with one, only a contact in that folder.
   */
  findContact(user: DirectoryUser, contactId: string, folderId?: string): ContactLocation | undefined {
    if (folderId === undefined) {
      const inDefault = user.contacts.find((contact) => contact.id === contactId);
      if (inDefault) return { contact: inDefault, folderId: undefined };
    }
    for (const folder of user.contactFolders) {
      if (folderId !== undefined && folder.id !== folderId) continue;
      const contact = folder.contacts.find((candidate) => candidate.id === contactId);
      if (contact) return { contact, folderId: folder.id };
    }
    return undefined;
  }
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Reads `<dataDir>/emulator/directory.json`, first writing the built-in seed there when it does not exist.
 * Like the signing key, the seed goes to a temporary file that is linked into place without overwriting, so
 * parallel first starts never clobber a file someone has just written or edited.
 * @throws ConfigError when the file is not valid JSON or not a valid directory
 */
export async function loadDirectory(dataDir: string): Promise<Directory> {
  const file = directoryFile(dataDir);
  await ensureSeeded(file);
  return readDirectoryFile(file);
}

/**
 * Reads and validates a directory file as it is now (no seeding).
 * @throws ConfigError when the file is not valid JSON or not a valid directory; the fs error when it is unreadable
 */
export async function readDirectoryFile(file: string): Promise<Directory> {
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError([`${file}: not valid JSON (${(error as Error).message})`]);
  }
  return new Directory(data, file);
}

function ensureSeeded(file: string): Promise<void> {
  return writeIfAbsent(file, () => `${JSON.stringify(SEED_DIRECTORY, null, 2)}\n`);
}
