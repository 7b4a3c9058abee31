/**
 * Who is calling and what they may do, by the rules Microsoft Graph enforces for the calls this app makes.
 *
 * - Every Graph route needs a valid bearer token from the local issuer (else 401 `InvalidAuthenticationToken`).
 * - Photos: anyone with a valid token may read a user's or group's photo. A delegated token may change the
 *   signed-in user's own photo with `User.ReadWrite` or `User.ReadWrite.All`; another user's photo only an
 *   application token with the role `User.ReadWrite.All` may change. A group's photo only an owner of the group
 *   may change, with delegated `Group.ReadWrite.All`; an application token gets 403
 *   `AppOnlyTokenNotSupportedForGroupUpdate`, as in Graph.
 * - Contacts live in a mailbox: a delegated token reaches only its own user's (`Contacts.Read` to read,
 *   `Contacts.ReadWrite` to change a photo), an application token anyone's with the application permission.
 * - Directory reads need the least permission Graph documents (see the lists below).
 * - A chat message's hosted contents: delegated `Chat.Read` (or `Chat.ReadWrite`) and membership of the chat;
 *   application `Chat.Read.All` reaches every chat. A channel message's: `ChannelMessage.Read.All` and, delegated,
 *   membership of the team. Teams answers a refusal with 403 `Forbidden`.
 * - A shared file: delegated `Files.Read.All` (or `Files.ReadWrite.All`) reaches what the owner shared with the
 *   caller or with the organisation, `Files.Read` (or `Files.ReadWrite`) only the caller's own files; application
 *   `Files.Read.All` any file. OneDrive answers a refusal with 403 `accessDenied`.
 * Scopes and roles compare without case, as Entra's do.
 */
import type { LocalTokenClaims, LocalTokenIssuer, TokenRejection } from '../auth/local-token-issuer.js';
import type { Directory, DirectoryUser } from './directory.js';
import { accessDenied, directoryDenied, GraphFault } from './graph-answers.js';

/** The verified caller: a signed-in user (delegated token) or the app itself (application token). */
export type Caller =
  | {
      readonly kind: 'user';
      readonly user: DirectoryUser;
      readonly scopes: ReadonlySet<string>;
      readonly claims: LocalTokenClaims;
    }
  | { readonly kind: 'app'; readonly roles: ReadonlySet<string>; readonly claims: LocalTokenClaims };

/** A permission check: delegated scopes that suffice, and application roles that suffice. */
export interface Permission {
  readonly delegated: readonly string[];
  readonly application: readonly string[];
}

const DIRECTORY_READ = ['Directory.Read.All', 'Directory.ReadWrite.All'];

/** Reading the signed-in user's own profile, memberships and owned objects. */
export const READ_SELF: Permission = {
  delegated: [
    'User.Read',
    'User.ReadWrite',
    'User.ReadBasic.All',
    'User.Read.All',
    'User.ReadWrite.All',
    ...DIRECTORY_READ,
  ],
  application: [],
};

/** Reading, listing and searching users. */
export const READ_USERS: Permission = {
  delegated: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ],
  application: ['User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ],
};

/** Reading another user's group memberships, directory roles and owned objects. */
export const READ_MEMBERSHIPS: Permission = {
  delegated: ['User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ],
  application: ['User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ],
};

/** Reading, listing and searching groups, their owners and members. */
export const READ_GROUPS: Permission = {
  delegated: ['Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.Read.All', ...DIRECTORY_READ],
  application: ['Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.Read.All', ...DIRECTORY_READ],
};

/** Reading a mailbox's contacts and contact folders. */
export const READ_CONTACTS: Permission = {
  delegated: ['Contacts.Read', 'Contacts.ReadWrite'],
  application: ['Contacts.Read', 'Contacts.ReadWrite'],
};

/** Changing a contact's photo. */
export const WRITE_CONTACTS: Permission = {
  delegated: ['Contacts.ReadWrite'],
  application: ['Contacts.ReadWrite'],
};

/** Reading a chat's messages and their hosted contents (the least: Chat.Read). */
export const READ_CHAT_MESSAGES: Permission = {
  delegated: ['Chat.Read', 'Chat.ReadWrite'],
  application: ['Chat.Read.All', 'Chat.ReadWrite.All'],
};

/** Reading a channel's messages and their hosted contents. */
export const READ_CHANNEL_MESSAGES: Permission = {
  delegated: ['ChannelMessage.Read.All'],
  application: ['ChannelMessage.Read.All'],
};

/** Reading any file the caller can see (shared with them, or with the organisation); an app, any file. */
export const READ_FILES: Permission = {
  delegated: ['Files.Read.All', 'Files.ReadWrite.All'],
  application: ['Files.Read.All', 'Files.ReadWrite.All'],
};

/** Reading the signed-in user's own files. */
export const READ_OWN_FILES: Permission = {
  delegated: ['Files.Read', 'Files.ReadWrite', ...READ_FILES.delegated],
  application: [],
};

const OWN_PHOTO_WRITE = ['User.ReadWrite', 'User.ReadWrite.All'];
const ANY_PHOTO_WRITE = ['User.ReadWrite.All'];
const GROUP_PHOTO_WRITE = ['Group.ReadWrite.All'];

const REJECTION_TEXT: Record<TokenRejection, string> = {
  malformed: 'IDX14100: JWT is not well formed.',
  'unsupported-algorithm': 'Access token validation failure. Unsupported signing algorithm.',
  'bad-signature': 'Access token validation failure. Invalid signature.',
  'wrong-audience': 'Access token validation failure. Invalid audience.',
  'wrong-issuer': 'Access token validation failure. Invalid issuer.',
  'not-yet-valid': 'Access token validation failure. The token is not yet valid.',
  expired: 'Lifetime validation failed, the token is expired.',
};

function unauthorized(message: string): GraphFault {
  // Graph names the resource it wants a token for; a client may read it to know where to sign in.
  return new GraphFault(401, 'InvalidAuthenticationToken', message, {
    'www-authenticate':
      'Bearer realm="", authorization_uri="https://login.local.teams-photo/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });
}

/**
 * Verifies the `Authorization: Bearer` header and finds the caller.
 * @throws GraphFault 401 for no token, a token the issuer refuses, another tenant's token, or a user the
 *   directory does not have
 */
export function authenticate(
  header: string | undefined,
  issuer: LocalTokenIssuer,
  directory: Directory,
): Caller {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return throwFault(unauthorized('Access token is empty.'));
  const result = issuer.verify(match[1]);
  if (!result.ok) return throwFault(unauthorized(REJECTION_TEXT[result.reason]));
  const { claims } = result;
  if (claims.tid.toLowerCase() !== directory.tenant.id.toLowerCase()) {
    return throwFault(unauthorized('Access token validation failure. The token is for another tenant.'));
  }
  if (claims.idtyp === 'app') {
    return { kind: 'app', roles: lowerSet(claims.roles), claims };
  }
  // By id only: the token's `oid` must be the user's object id, never a user principal name.
  const user = directory.findUserById(claims.oid);
  if (!user)
    return throwFault(
      unauthorized("Access token validation failure. The token's user is not in this tenant."),
    );
  return { kind: 'user', user, scopes: lowerSet(claims.scp.split(' ')), claims };
}

/** True when the caller's token carries one of the permission's scopes (or roles). */
export function holds(caller: Caller, permission: Permission): boolean {
  const granted = caller.kind === 'user' ? caller.scopes : caller.roles;
  const wanted = caller.kind === 'user' ? permission.delegated : permission.application;
  return wanted.some((name) => granted.has(name.toLowerCase()));
}

/** True when the caller is the signed-in `user` itself. */
export function isSelf(caller: Caller, user: DirectoryUser): boolean {
  return caller.kind === 'user' && caller.user.id === user.id;
}

/** @throws GraphFault 403 `Authorization_RequestDenied` unless the token holds the permission */
export function requireDirectory(caller: Caller, permission: Permission): void {
  if (!holds(caller, permission)) throw directoryDenied();
}

/** Reading `user`'s profile: one's own with User.Read, anyone's with a users-read permission. */
export function requireUserRead(caller: Caller, user: DirectoryUser): void {
  requireDirectory(caller, isSelf(caller, user) ? READ_SELF : READ_USERS);
}

/** Reading `user`'s memberships or owned objects. */
export function requireMembershipRead(caller: Caller, user: DirectoryUser): void {
  requireDirectory(caller, isSelf(caller, user) ? READ_SELF : READ_MEMBERSHIPS);
}

/**
 * Reaching `owner`'s mailbox contacts: a delegated token only its own user's.
 * @throws GraphFault 403 `ErrorAccessDenied`
 */
export function requireContacts(caller: Caller, owner: DirectoryUser, permission: Permission): void {
  if (caller.kind === 'user' && !isSelf(caller, owner)) {
    throw accessDenied("Access is denied. A delegated token reaches only the signed-in user's mailbox.");
  }
  if (!holds(caller, permission)) throw accessDenied();
}

/**
 * Changing `user`'s profile photo.
 * @throws GraphFault 403 `ErrorAccessDenied` for another user's photo with a delegated token, or a token without
 *   the permission
 */
export function requireUserPhotoWrite(caller: Caller, user: DirectoryUser): void {
  if (caller.kind === 'user') {
    if (!isSelf(caller, user)) {
      throw accessDenied(
        "Access is denied. Another user's photo can only be changed by an application with User.ReadWrite.All.",
      );
    }
    if (!holds(caller, { delegated: OWN_PHOTO_WRITE, application: [] })) throw accessDenied();
    return;
  }
  if (!holds(caller, { delegated: [], application: ANY_PHOTO_WRITE })) throw accessDenied();
}

/**
 * Changing a group's photo: an owner of the group with delegated Group.ReadWrite.All.
 * @throws GraphFault 403 `AppOnlyTokenNotSupportedForGroupUpdate` for an application token, 403
 *   `ErrorAccessDenied` for someone who is not an owner or lacks the scope
 */
export function requireGroupPhotoWrite(caller: Caller, isOwner: boolean): void {
  if (caller.kind === 'app') {
    throw new GraphFault(
      403,
      'AppOnlyTokenNotSupportedForGroupUpdate',
      'App-only token is not supported for group photo updates. Use a delegated token of a group owner.',
    );
  }
  if (!holds(caller, { delegated: GROUP_PHOTO_WRITE, application: [] })) throw accessDenied();
  if (!isOwner)
    throw accessDenied("Access is denied. Only an owner of the group can change the group's photo.");
}

/** 403 as Teams' Graph routes answer it. */
export function teamsForbidden(message: string): GraphFault {
  return new GraphFault(403, 'Forbidden', message);
}

/**
 * Reading a chat's or channel's messages: asked before the chat is looked up, as Graph checks scopes first.
 * @throws GraphFault 403 `Forbidden` for a token without the permission
 */
export function requireMessageRead(caller: Caller, permission: Permission): void {
  if (holds(caller, permission)) return;
  const wanted = caller.kind === 'user' ? permission.delegated : permission.application;
  throw teamsForbidden(
    `Missing scope permissions on the request. API requires one of '${wanted.join(', ')}'.`,
  );
}

/**
 * Reading a message of a chat, or of a channel: a signed-in user must be a member (of the chat, or of the channel's
 * team); an application with the permission reads every conversation.
 * @throws GraphFault 403 `Forbidden`
 */
export function requireConversationMember(caller: Caller, isMember: (user: DirectoryUser) => boolean): void {
  if (caller.kind === 'user' && !isMember(caller.user)) {
    throw teamsForbidden('The signed-in user is not a member of this conversation.');
  }
}

function filesDenied(): GraphFault {
  return new GraphFault(403, 'accessDenied', 'Access denied');
}

/**
 * Reaching files at all: asked before the file is looked up.
 * @throws GraphFault 403 `accessDenied` for a token with no Files permission
 */
export function requireFilesScope(caller: Caller): void {
  if (!holds(caller, READ_OWN_FILES) && !holds(caller, READ_FILES)) throw filesDenied();
}

/**
 * Reading one file: an application with {@link READ_FILES} any file; a signed-in user their own files with
 * {@link READ_OWN_FILES}, and others' with {@link READ_FILES} when shared with them or with the organisation.
 * @param isOwner whether `user` owns the file
 * @param isSharedWith whether the file is shared with `user` (directly or through the organisation)
 * @throws GraphFault 403 `accessDenied`
 */
export function requireFileRead(
  caller: Caller,
  isOwner: (user: DirectoryUser) => boolean,
  isSharedWith: (user: DirectoryUser) => boolean,
): void {
  if (caller.kind === 'app') {
    if (holds(caller, READ_FILES)) return;
  } else if (isOwner(caller.user)) {
    if (holds(caller, READ_OWN_FILES)) return;
  } else if (holds(caller, READ_FILES) && isSharedWith(caller.user)) {
    return;
  }
  throw filesDenied();
}

/**
 * The signed-in user, for a `/me` path.
 * @throws GraphFault 400 for an application token, which has no signed-in user (Graph's own answer)
 */
export function signedInUser(caller: Caller): DirectoryUser {
  if (caller.kind === 'app') {
    throw new GraphFault(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  }
  return caller.user;
}

function lowerSet(values: readonly string[]): ReadonlySet<string> {
  return new Set(values.filter((value) => value.length > 0).map((value) => value.toLowerCase()));
}

function throwFault(fault: GraphFault): never {
  throw fault;
}
