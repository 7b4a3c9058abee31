/**
 * The Microsoft Graph permissions the app's Entra registration (`aad.manifest.json`) asks for, with their ids
 * (from Microsoft's Graph permissions reference) and why the app needs each. The README's permission table is
 * written from this list (`permission-table.ts`), and `checkAadManifest` holds aad.manifest.json to it. Every
 * scope in `DELEGATED_SCOPES` (src/auth/obo-token-provider.ts) is here (a test checks it); User.ReadBasic.All is
 * the one delegated permission besides, for the people picker.
 */

/** Microsoft Graph's application id, the resource of every permission below. */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** One Graph permission: `Scope` is delegated (on behalf of a signed-in person), `Role` is the app's own. */
export interface GraphPermission {
  readonly name: string;
  readonly id: string;
  readonly type: 'Scope' | 'Role';
  readonly why: string;
}

/** Every Graph permission the app asks for, and only those. */
export const GRAPH_PERMISSIONS: readonly GraphPermission[] = [
  {
    name: 'User.ReadWrite',
    id: 'b4e74841-8e56-480b-be8b-910348b18b4c',
    type: 'Scope',
    why: "Set, read back and remove the signed-in person's own photo (the least privilege for `/me/photo`).",
  },
  {
    name: 'Group.ReadWrite.All',
    id: '4e46008b-f24c-477d-8fff-7bb4ec7aafe0',
    type: 'Scope',
    why: "Set a group's photo as one of its owners (Graph refuses group photos with app-only tokens).",
  },
  {
    name: 'User.Read',
    id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
    type: 'Scope',
    why: 'List the groups the signed-in person owns (`/me/ownedObjects`), to pick the one whose photo to change.',
  },
  {
    name: 'Contacts.ReadWrite',
    id: 'd56682ec-c09e-4743-aaf4-1a3aac4caa21',
    type: 'Scope',
    why: "Set the photo of a contact in the person's own Outlook contacts.",
  },
  {
    name: 'Chat.Read',
    id: 'f501c180-9344-439a-bca0-6cbf209fd270',
    type: 'Scope',
    why: "Read an image pasted into a chat message, for the messaging extension's Set as group photo.",
  },
  {
    name: 'ChannelMessage.Read.All',
    id: '767156cb-16ae-4d10-8f8b-41b657c8c8c8',
    type: 'Scope',
    why: 'The same for a channel message: read the image pasted into it. Needs admin consent.',
  },
  {
    name: 'Files.Read.All',
    id: 'df85f4d6-205c-4ac5-a5ea-6bf408dba283',
    type: 'Scope',
    why: "Read an image file shared in a message (OneDrive or SharePoint, through `/shares`); `Files.Read` covers only a person's own files.",
  },
  {
    name: 'User.ReadBasic.All',
    id: 'b340eb25-3456-403f-be2f-af7a0d370277',
    type: 'Scope',
    why: 'Find people in the directory by name (the people picker) and show their names and photos.',
  },
  {
    name: 'User.ReadWrite.All',
    id: '741f803b-c850-494e-b5df-cde7c675a1ca',
    type: 'Role',
    why: "Let admins set anyone's photo under the app's own identity, the only way Graph allows another user's photo. Needs admin consent.",
  },
  {
    name: 'User.Read.All',
    id: 'df021288-bdef-4463-88db-98f22de89214',
    type: 'Role',
    why: "Find people for admins (the admin card's people picker, `set <upn or mail>`, matching a zip's files to people) with the app's own identity. Needs admin consent.",
  },
  {
    name: 'RoleManagement.Read.Directory',
    id: '483bed4a-2ad3-4361-a73b-c83ccdbdc53c',
    type: 'Role',
    why: 'Check on every admin action that the person holds one of the configured admin roles (ADMIN_ROLE_TEMPLATE_IDS). Needs admin consent.',
  },
  {
    name: 'GroupMember.Read.All',
    id: '98830695-27a2-44f7-8c18-0c3ebc9698f6',
    type: 'Role',
    why: 'Check that the person is a member of the configured admin group (ADMIN_GROUP_ID), nested groups included. Needs admin consent.',
  },
  {
    name: 'PeopleSettings.Read.All',
    id: 'ef02f2e7-e22d-4c77-8614-8f765683b86e',
    type: 'Role',
    why: "Read the organisation's photo rules (beta `photoUpdateSettings`: photos managed on-premises, roles allowed to change their photo) before a change, to refuse it with a clear answer instead of trying. Without it Graph still refuses, with a vaguer answer. Needs admin consent.",
  },
];

/** The scope the app exposes for Teams single sign-on (`api://<bot domain>/botid-<bot id>/access_as_user`). */
export const SSO_SCOPE = 'access_as_user';

/** The Teams clients that may ask for that scope without a consent prompt. */
export const TEAMS_CLIENT_IDS: Readonly<Record<string, string>> = Object.freeze({
  'Teams desktop and mobile': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  'Teams web': '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
});
