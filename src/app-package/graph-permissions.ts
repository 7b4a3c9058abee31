/**
 * The Microsoft Graph permissions the app's Entra registration (`aad.manifest.json`) asks for, with their ids
 * (from Microsoft's Graph permissions reference) and why the app needs each. The README's permission table and
 * the check of aad.manifest.json both come from this list.
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
    why: "Set, read back and remove the signed-in person's own profile photo (the least privilege for /me/photo).",
  },
  {
    name: 'Group.ReadWrite.All',
    id: '4e46008b-f24c-477d-8fff-7bb4ec7aafe0',
    type: 'Scope',
    why: "Set a group's photo as one of its owners (Graph does not allow group photos with app-only tokens).",
  },
  {
    name: 'Contacts.ReadWrite',
    id: 'd56682ec-c09e-4743-aaf4-1a3aac4caa21',
    type: 'Scope',
    why: "Set the photo of a contact in the signed-in person's own Outlook contacts.",
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
    why: "Let admins set anyone's photo under the app's own identity: Graph allows another user's photo only with this application permission. Needs admin consent.",
  },
];

/** The scope the app exposes for Teams single sign-on (`api://botid-<bot id>/access_as_user`). */
export const SSO_SCOPE = 'access_as_user';

/** The Teams clients that may ask for that scope without a consent prompt. */
export const TEAMS_CLIENT_IDS: Readonly<Record<string, string>> = Object.freeze({
  'Teams desktop and mobile': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  'Teams web': '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
});
