/**
 * Whose photo: every target of Microsoft Graph's "Update profilePhoto" operation, as a typed value, and the
 * request path for each.
 */

/** Whose contacts: the signed-in user's, or a given user's (by id or user principal name). */
export type ContactOwner = { readonly kind: 'me' } | { readonly kind: 'user'; readonly user: string };

export type PhotoTarget =
  /** The signed-in user (delegated `User.ReadWrite`). */
  | { readonly kind: 'me' }
  /** A user by id or user principal name (another user needs the application permission `User.ReadWrite.All`). */
  | { readonly kind: 'user'; readonly user: string }
  /** A Microsoft 365 group (delegated `Group.ReadWrite.All`, as an owner). */
  | { readonly kind: 'group'; readonly groupId: string }
  /** A contact of `owner`, optionally inside a contact folder (`Contacts.ReadWrite`). */
  | {
      readonly kind: 'contact';
      readonly owner: ContactOwner;
      readonly contactId: string;
      readonly folderId?: string;
    };

function segment(value: string): string {
  if (value.length === 0) throw new RangeError('a Graph path segment cannot be empty');
  // `encodeURIComponent` leaves dots alone, and a URL parser resolves `.` and `..` (also as `%2E%2E`): a contact id
  // of `..` would turn `/me/contacts/../photo` into `/me/photo`.
  if (value === '.' || value === '..') throw new RangeError('a Graph path segment cannot be a dot segment');
  return encodeURIComponent(value);
}

function ownerPath(owner: ContactOwner): string {
  return owner.kind === 'me' ? '/me' : `/users/${segment(owner.user)}`;
}

/** The target's `.../photo` path, relative to the API version (e.g. `/users/ada%40contoso.com/photo`). */
export function photoPath(target: PhotoTarget): string {
  switch (target.kind) {
    case 'me':
      return '/me/photo';
    case 'user':
      return `/users/${segment(target.user)}/photo`;
    case 'group':
      return `/groups/${segment(target.groupId)}/photo`;
    case 'contact': {
      const folder = target.folderId === undefined ? '' : `/contactFolders/${segment(target.folderId)}`;
      return `${ownerPath(target.owner)}${folder}/contacts/${segment(target.contactId)}/photo`;
    }
  }
}
