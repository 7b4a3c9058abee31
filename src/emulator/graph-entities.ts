/**
 * Directory records as Graph's JSON: the properties Graph returns by default for users, groups, directory roles,
 * contacts and contact folders, and the `@odata.context` of each kind of answer.
 */
import type { DirectoryContact, DirectoryGroup, DirectoryRole, DirectoryUser } from './directory.js';
import type { Entity } from './odata-query.js';

/** User properties Graph returns only when `$select` names them; {@link userEntity} has them all the same. */
export const USER_SELECT_ONLY: readonly string[] = ['mailNickname', 'employeeId'];

/**
 * A user, as `GET /users/{id}` returns it, plus the properties of {@link USER_SELECT_ONLY} (left out again by
 * odata-query.ts's `select` unless asked for).
 */
export function userEntity(user: DirectoryUser): Entity {
  return {
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName ?? null,
    jobTitle: user.jobTitle ?? null,
    mail: user.mail ?? null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: user.surname ?? null,
    userPrincipalName: user.userPrincipalName,
    mailNickname: user.mailNickname ?? null,
    employeeId: user.employeeId ?? null,
  };
}

/** A group, as `GET /groups/{id}` returns it (every group here is a Microsoft 365 group). */
export function groupEntity(group: DirectoryGroup): Entity {
  return {
    id: group.id,
    description: group.description ?? null,
    displayName: group.displayName,
    groupTypes: ['Unified'],
    mail: group.mail ?? null,
    mailEnabled: true,
    mailNickname: group.mailNickname,
    securityEnabled: false,
    visibility: group.visibility,
  };
}

/** A member of a directory-object collection (owners, memberOf, ownedObjects) carries its type. */
export function typed(type: 'user' | 'group' | 'directoryRole', entity: Entity): Entity {
  return { '@odata.type': `#microsoft.graph.${type}`, ...entity };
}

/** A directory role as a `memberOf` entry. */
export function roleEntity(role: DirectoryRole): Entity {
  return typed('directoryRole', {
    id: role.id,
    deletedDateTime: null,
    description: null,
    displayName: role.displayName,
    roleTemplateId: role.roleTemplateId,
  });
}

/** A contact; `parentFolderId` only for one filed in a named folder. */
export function contactEntity(contact: DirectoryContact, folderId: string | undefined): Entity {
  return {
    id: contact.id,
    displayName: contact.displayName,
    givenName: contact.givenName ?? null,
    surname: contact.surname ?? null,
    companyName: contact.companyName ?? null,
    emailAddresses: contact.emailAddresses.map((address) => ({
      name: address.name ?? null,
      address: address.address,
    })),
    ...(folderId === undefined ? {} : { parentFolderId: folderId }),
  };
}

/** A contact folder. */
export function folderEntity(folder: DirectoryUser['contactFolders'][number]): Entity {
  return { id: folder.id, displayName: folder.displayName, parentFolderId: null };
}

/** `@odata.context` values, relative to a service root such as `http://127.0.0.1:3979/v1.0`. */
export const context = {
  entity: (root: string, set: string): string => `${root}/$metadata#${set}/$entity`,
  collection: (root: string, set: string): string => `${root}/$metadata#${set}`,
  /** `users('id')` or `groups('id')`, quoting as OData does (a quote doubled). */
  key: (set: 'users' | 'groups' | 'contacts' | 'contactFolders', id: string): string =>
    `${set}('${encodeURIComponent(id).replaceAll("'", "''")}')`,
};
