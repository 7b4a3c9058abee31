/**
 * The directory reads the app makes, Graph-shaped: users and groups by id (users by user principal name too),
 * listed with `$filter` / `$search` (see odata-query.ts), a group's owners and members, a user's owned groups and
 * memberships (directory roles included, so the app can tell an administrator), and a mailbox's contacts and
 * contact folders. Each exists for the signed-in user (`/me/...`) and for anyone (`/users/{id | upn}/...`).
 */
import {
  READ_CONTACTS,
  READ_GROUPS,
  READ_USERS,
  requireContacts,
  requireDirectory,
  requireMembershipRead,
  requireUserRead,
  signedInUser,
} from './auth-rules.js';
import type { Directory, DirectoryGroup, DirectoryUser } from './directory.js';
import { itemNotFound, ok, resourceNotFound, GraphFault, type GraphAnswer } from './graph-answers.js';
import {
  context,
  contactEntity,
  folderEntity,
  groupEntity,
  roleEntity,
  typed,
  userEntity,
  USER_SELECT_ONLY,
} from './graph-entities.js';
import { queryCollection, select, type Entity } from './odata-query.js';
import { route, type GraphRequest, type Handler, type Route } from './router.js';

const USER_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'mailNickname',
  'employeeId',
];
const GROUP_PROPERTIES = ['id', 'displayName', 'mail', 'mailNickname', 'groupTypes'];

/** The user a path names: the signed-in user for `/me/...`, else `{user}` by id or user principal name. */
export function subjectUser(request: GraphRequest, directory: Directory): DirectoryUser {
  const named = request.params['user'];
  if (named === undefined) return signedInUser(request.caller);
  const user = directory.findUser(named);
  if (!user) throw resourceNotFound(named);
  return user;
}

/** The group a path names. */
export function subjectGroup(request: GraphRequest, directory: Directory): DirectoryGroup {
  const groupId = request.params['group'] ?? '';
  const group = directory.findGroup(groupId);
  if (!group) throw resourceNotFound(groupId);
  return group;
}

/** A user whose photos and contacts live in Exchange: without a mailbox Graph answers this. */
export function mailboxNotEnabled(): GraphFault {
  return new GraphFault(
    404,
    'MailboxNotEnabledForRESTAPI',
    'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
  );
}

function single(
  request: GraphRequest,
  set: string,
  entity: Entity,
  selectOnly: readonly string[] = [],
): GraphAnswer {
  const [projected] = select([entity], request.query.get('$select'), selectOnly);
  return ok({ '@odata.context': context.entity(request.serviceRoot, set), ...projected });
}

/** A small collection (no paging needed), with `$select`. */
function collection(
  request: GraphRequest,
  set: string,
  items: readonly Entity[],
  selectOnly: readonly string[] = [],
): GraphAnswer {
  return ok({
    '@odata.context': context.collection(request.serviceRoot, set),
    value: select(items, request.query.get('$select'), selectOnly),
  });
}

/** A directory collection with the query options of odata-query.ts. */
function queried(
  request: GraphRequest,
  set: string,
  items: readonly Entity[],
  filterable: readonly string[],
  selectOnly: readonly string[] = [],
): GraphAnswer {
  const page = queryCollection(items, request.query, request.headers, {
    filterable,
    selectOnly,
    selfUrl: `${request.serviceRoot}/${request.path}`,
    pageSize: 100,
  });
  return ok({
    '@odata.context': context.collection(request.serviceRoot, set),
    ...(page.count === undefined ? {} : { '@odata.count': page.count }),
    ...(page.nextLink === undefined ? {} : { '@odata.nextLink': page.nextLink }),
    value: page.value,
  });
}

/** `memberOf` entries: groups the user is a member of, then the directory roles the user holds. */
function memberships(directory: Directory, user: DirectoryUser, only?: 'group' | 'directoryRole'): Entity[] {
  const groups =
    only === 'directoryRole'
      ? []
      : directory.groupsWithMember(user).map((group) => typed('group', groupEntity(group)));
  const roles = only === 'group' ? [] : directory.rolesOf(user).map(roleEntity);
  return [...groups, ...roles];
}

function contactFolder(
  request: GraphRequest,
  user: DirectoryUser,
  directory: Directory,
): DirectoryUser['contactFolders'][number] {
  const folder = directory.findFolder(user, request.params['folder'] ?? '');
  if (!folder) throw itemNotFound();
  return folder;
}

/** The mailbox owner for a contacts read, after the permission and mailbox checks. */
function contactsOwner(request: GraphRequest, directory: Directory): DirectoryUser {
  const user = subjectUser(request, directory);
  requireContacts(request.caller, user, READ_CONTACTS);
  if (!user.hasMailbox) throw mailboxNotEnabled();
  return user;
}

/** Routes for `me/<suffix>` and `users/:user/<suffix>`. */
function forSubjects(suffix: string, handler: Handler): Route[] {
  const tail = suffix === '' ? '' : `/${suffix}`;
  return [route(`me${tail}`, { GET: handler }), route(`users/:user${tail}`, { GET: handler })];
}

/** Every directory read route. */
export function directoryRoutes(): Route[] {
  return [
    ...forSubjects('', (request, { directory }) => {
      const user = subjectUser(request, directory);
      requireUserRead(request.caller, user);
      return single(request, 'users', userEntity(user), USER_SELECT_ONLY);
    }),
    route('users', {
      GET: (request, { directory }) => {
        requireDirectory(request.caller, READ_USERS);
        return queried(request, 'users', directory.users.map(userEntity), USER_PROPERTIES, USER_SELECT_ONLY);
      },
    }),
    route('groups', {
      GET: (request, { directory }) => {
        requireDirectory(request.caller, READ_GROUPS);
        return queried(request, 'groups', directory.groups.map(groupEntity), GROUP_PROPERTIES);
      },
    }),
    route('groups/:group', {
      GET: (request, { directory }) => {
        const group = subjectGroup(request, directory);
        requireDirectory(request.caller, READ_GROUPS);
        return single(request, 'groups', groupEntity(group));
      },
    }),
    ...(['owners', 'members'] as const).map((relation) =>
      route(`groups/:group/${relation}`, {
        GET: (request, { directory }) => {
          const group = subjectGroup(request, directory);
          requireDirectory(request.caller, READ_GROUPS);
          const users = directory.usersById(group[relation]).map((user) => typed('user', userEntity(user)));
          return collection(request, 'directoryObjects', users, USER_SELECT_ONLY);
        },
      }),
    ),
    ...['ownedObjects', 'ownedObjects/microsoft.graph.group'].flatMap((suffix) =>
      forSubjects(suffix, (request, { directory }) => {
        const user = subjectUser(request, directory);
        requireMembershipRead(request.caller, user);
        const owned = directory.groupsOwnedBy(user).map((group) => typed('group', groupEntity(group)));
        return collection(request, suffix.endsWith('group') ? 'groups' : 'directoryObjects', owned);
      }),
    ),
    ...['memberOf', 'transitiveMemberOf'].flatMap((relation) =>
      [undefined, 'group', 'directoryRole'].flatMap((cast) =>
        forSubjects(
          cast === undefined ? relation : `${relation}/microsoft.graph.${cast}`,
          (request, { directory }) => {
            const user = subjectUser(request, directory);
            requireMembershipRead(request.caller, user);
            const only = cast as 'group' | 'directoryRole' | undefined;
            return collection(
              request,
              only === undefined ? 'directoryObjects' : `${only}s`,
              memberships(directory, user, only),
            );
          },
        ),
      ),
    ),
    ...forSubjects('contacts', (request, { directory }) => {
      const user = contactsOwner(request, directory);
      const set = `${context.key('users', user.id)}/contacts`;
      return collection(
        request,
        set,
        user.contacts.map((contact) => contactEntity(contact, undefined)),
      );
    }),
    ...forSubjects('contacts/:contact', (request, { directory }) => {
      const user = contactsOwner(request, directory);
      const found = directory.findContact(user, request.params['contact'] ?? '');
      if (!found) throw itemNotFound();
      return single(
        request,
        `${context.key('users', user.id)}/contacts`,
        contactEntity(found.contact, found.folderId),
      );
    }),
    ...forSubjects('contactFolders', (request, { directory }) => {
      const user = contactsOwner(request, directory);
      return collection(
        request,
        `${context.key('users', user.id)}/contactFolders`,
        user.contactFolders.map(folderEntity),
      );
    }),
    ...forSubjects('contactFolders/:folder', (request, { directory }) => {
      const user = contactsOwner(request, directory);
      return single(
        request,
        `${context.key('users', user.id)}/contactFolders`,
        folderEntity(contactFolder(request, user, directory)),
      );
    }),
    ...forSubjects('contactFolders/:folder/contacts', (request, { directory }) => {
      const user = contactsOwner(request, directory);
      const folder = contactFolder(request, user, directory);
      const set = `${context.key('users', user.id)}/${context.key('contactFolders', folder.id)}/contacts`;
      return collection(
        request,
        set,
        folder.contacts.map((contact) => contactEntity(contact, folder.id)),
      );
    }),
    ...forSubjects('contactFolders/:folder/contacts/:contact', (request, { directory }) => {
      const user = contactsOwner(request, directory);
      const folder = contactFolder(request, user, directory);
      const found = directory.findContact(user, request.params['contact'] ?? '', folder.id);
      if (!found) throw itemNotFound();
      return single(
        request,
        `${context.key('users', user.id)}/contacts`,
        contactEntity(found.contact, folder.id),
      );
    }),
    route('organization', {
      GET: (request, { directory }) =>
        collection(request, 'organization', [
          { id: directory.tenant.id, displayName: directory.tenant.displayName },
        ]),
    }),
  ];
}
