/**
 * The directory reads that choose whose photo a person may change besides their own: the Microsoft 365 groups they
 * own and their Outlook contacts (the default Contacts folder and every contact folder), plus one group by id to name
 * it in a refusal. For admin work, with the app's own token: a user's memberships (groups and directory roles, to
 * tell an admin) and the people of the directory ({@link PeopleDirectory}: everyone, one person, a search). Built on
 * {@link GraphTransport}, so these reads retry, time out and fail like the photo writes.
 *
 * Collections are read to the end by following `@odata.nextLink`, with two guards, because the link is whatever
 * the server wrote and the bearer token goes wherever we follow it:
 * - a link is followed only when it lies under the transport's own root (same scheme, host, port and API version
 *   path); anything else is refused before a request is sent, so a token never reaches another host;
 * - at most {@link MAX_PAGES} pages are read per collection ({@link MAX_PEOPLE_PAGES} for the whole directory), so a
 *   server that keeps sending links cannot keep a turn (and its token) busy for ever. Hitting the bound is an error
 *   rather than a short list: a short list of owned groups would turn an owner into a "not an owner" refusal
 *   without saying why, and a short list of people would leave an import's files unmatched.
 *
 * Text put into an OData string literal (`$filter`) has its single quotes doubled, as OData escapes them, so a name
 * such as O'Brien cannot end the literal and add clauses of its own.
 *
 * Ids are opaque (Exchange's hold `=`, `/`, `+`) and are percent-encoded as path segments; `.` and `..` cannot be
 * encoded (URL parsers resolve `%2E%2E` as a parent segment), so such an id is never sent.
 */
import { readCappedBody } from './capped-body.js';
import { GraphError } from './graph-errors.js';
import { GraphTransport, type AccessTokenSource, type GraphTransportOptions } from './graph-transport.js';
import type { DirectoryPerson, PeopleDirectory } from '../admin/admin-contracts.js';
import { mapLimited } from '../storage/concurrency.js';

export type { AccessTokenSource } from './graph-transport.js';

/** A Microsoft 365 group, as far as choosing it by name needs. */
export interface OwnedGroup {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string;
  readonly mailNickname?: string;
}

/** An Outlook contact and the folder it is filed in. */
export interface ContactEntry {
  readonly id: string;
  readonly displayName: string;
  readonly emails: readonly string[];
  /** undefined: the default Contacts folder */
  readonly folderId?: string;
  readonly folderName?: string;
}

/** Most pages read from one collection before giving up. */
export const MAX_PAGES = 50;

/**
 * Most pages of people read by {@link GraphDirectoryClient.allPeople}: 1000 pages of 999 is about a million users,
 * ten times a large tenant of 100,000, while still ending a server that never stops sending links.
 */
export const MAX_PEOPLE_PAGES = 1000;

/** A group or directory role the user belongs to, directly or through nested groups. */
export type Membership =
  | { readonly kind: 'role'; readonly roleTemplateId: string }
  | { readonly kind: 'group'; readonly id: string };

/**
 * Items asked for per page. Graph's own defaults are small (10 for contacts, 100 for directory objects); 999 is
 * within what both the directory and Outlook accept, so a typical mailbox takes one request per folder.
 */
const PAGE_SIZE = 999;

/** Folders whose contacts are read at the same time. */
const FOLDER_CONCURRENCY = 4;

const GROUP_SELECT = 'id,displayName,mail,mailNickname,groupTypes';
const CONTACT_SELECT = 'id,displayName,emailAddresses';
const FOLDER_SELECT = 'id,displayName';
const PERSON_SELECT = 'id,displayName,userPrincipalName,mail,mailNickname,employeeId';
const MEMBERSHIP_SELECT = 'id,roleTemplateId';

type Json = Readonly<Record<string, unknown>>;

export class GraphDirectoryClient implements PeopleDirectory {
  private readonly transport: GraphTransport;
  /** The root as a URL, to tell whether a next link lies under it. */
  private readonly root: URL;

  constructor(options: GraphTransportOptions) {
    this.transport = new GraphTransport(options);
    this.root = new URL(this.transport.root);
  }

  /**
   * The Microsoft 365 groups (`groupTypes` holds `Unified`) the signed-in user owns, every page. Security and
   * distribution groups are left out: Graph keeps no photo for them.
   * @throws GraphError
   */
  async ownedGroups(token: AccessTokenSource): Promise<OwnedGroup[]> {
    const items = await this.list(
      `/me/ownedObjects/microsoft.graph.group?$select=${GROUP_SELECT}&$top=${PAGE_SIZE}`,
      token,
    );
    return items.filter(isUnified).flatMap((item) => groupOf(item) ?? []);
  }

  /**
   * The signed-in user's contacts: the default Contacts folder's, then each contact folder's (with its id and
   * name), every page of each.
   * @throws GraphError
   */
  async contacts(token: AccessTokenSource): Promise<ContactEntry[]> {
    const query = `$select=${CONTACT_SELECT}&$top=${PAGE_SIZE}`;
    const [inDefault, folders] = await Promise.all([
      this.list(`/me/contacts?${query}`, token),
      this.list(`/me/contactFolders?$select=${FOLDER_SELECT}&$top=${PAGE_SIZE}`, token),
    ]);
    const named = folders.flatMap((folder) => {
      const id = text(folder['id']);
      return id === undefined || !sendable(id) ? [] : [{ id, name: text(folder['displayName']) }];
    });
    const perFolder = await mapLimited(named, FOLDER_CONCURRENCY, async (folder) => {
      const items = await this.list(
        `/me/contactFolders/${encodeURIComponent(folder.id)}/contacts?${query}`,
        token,
      );
      return items.flatMap((item) => contactOf(item, folder.id, folder.name) ?? []);
    });
    return [...inDefault.flatMap((item) => contactOf(item, undefined, undefined) ?? []), ...perFolder.flat()];
  }

  /**
   * One group by id, whoever owns it and whatever its type (to name it in a refusal); `null` when Graph does not
   * know it.
   * @throws GraphError
   */
  async group(groupId: string, token: AccessTokenSource): Promise<OwnedGroup | null> {
    if (!sendable(groupId)) return null;
    try {
      const answer = await this.transport.send(
        `/groups/${encodeURIComponent(groupId)}?$select=${GROUP_SELECT}`,
        token,
        { method: 'GET' },
        { absentCodes: ['Request_ResourceNotFound'] },
      );
      return answer ? groupOf(await readJson(answer.response, answer.requestId)) : null;
    } catch (error) {
      // Any 404 means the same here, whatever code a Graph version writes with it.
      if (error instanceof GraphError && error.status === 404) return null;
      throw error;
    }
  }

  /**
   * The groups and directory roles `userId` belongs to, directly or through nested groups (`transitiveMemberOf`),
   * every page. Ask with the app's token (`User.Read.All`): admin checks never depend on the caller's consent.
   * Other kinds of entry (administrative units) are left out.
   * @throws GraphError (`GraphNotFound` for a user Graph does not know)
   */
  async memberships(userId: string, token: AccessTokenSource): Promise<Membership[]> {
    if (!sendable(userId)) return [];
    const items = await this.list(
      `/users/${encodeURIComponent(userId)}/transitiveMemberOf?$select=${MEMBERSHIP_SELECT}&$top=${PAGE_SIZE}`,
      token,
    );
    return items.flatMap((item): Membership[] => {
      const type = text(item['@odata.type'])?.toLowerCase();
      if (type === '#microsoft.graph.directoryrole') {
        const roleTemplateId = text(item['roleTemplateId']);
        return roleTemplateId === undefined ? [] : [{ kind: 'role', roleTemplateId }];
      }
      const id = text(item['id']);
      return type === '#microsoft.graph.group' && id !== undefined ? [{ kind: 'group', id }] : [];
    });
  }

  /**
   * Every user of the directory, every page (at most {@link MAX_PEOPLE_PAGES}), for matching an import's files.
   * @throws GraphError
   */
  async allPeople(token: AccessTokenSource): Promise<DirectoryPerson[]> {
    const items = await this.list(
      `/users?$select=${PERSON_SELECT}&$top=${PAGE_SIZE}`,
      token,
      MAX_PEOPLE_PAGES,
    );
    return items.flatMap((item) => personOf(item) ?? []);
  }

  /**
   * One person by object id or user principal name; failing that, when the text looks like a mail address, by
   * `mail` (a user whose address differs from their UPN). `null` when there is none.
   * @throws GraphError
   */
  async person(idOrName: string, token: AccessTokenSource): Promise<DirectoryPerson | null> {
    const wanted = idOrName.trim();
    if (!sendable(wanted)) return null;
    try {
      const answer = await this.transport.send(
        `/users/${encodeURIComponent(wanted)}?$select=${PERSON_SELECT}`,
        token,
        { method: 'GET' },
        { absentCodes: ['Request_ResourceNotFound'] },
      );
      if (answer) {
        const found = personOf(await readJson(answer.response, answer.requestId));
        if (found) return found;
      }
    } catch (error) {
      // Any 404 means "no such id or UPN" here, whatever code a Graph version writes with it.
      if (!(error instanceof GraphError && error.status === 404)) throw error;
    }
    if (!/^[^@\s]+@[^@\s]+$/.test(wanted)) return null;
    const filter = `mail eq ${odataString(wanted)}`;
    const answer = await this.transport.require(
      `/users?$filter=${encodeURIComponent(filter)}&$select=${PERSON_SELECT}&$top=2`,
      token,
      { method: 'GET' },
    );
    const items = await pageItems(answer.response, answer.requestId);
    return items.map(personOf).find((person) => person !== null) ?? null;
  }

  /**
   * People whose display name, user principal name or mail starts with `text` (ignoring case, as the directory
   * does), at most `limit` (1 to 999), one request.
   * @throws GraphError
   */
  async searchPeople(text: string, limit: number, token: AccessTokenSource): Promise<DirectoryPerson[]> {
    const top = Math.min(PAGE_SIZE, Math.floor(limit));
    if (!(top >= 1)) return [];
    const prefix = odataString(text.trim());
    const filter = ['displayName', 'userPrincipalName', 'mail']
      .map((property) => `startswith(${property},${prefix})`)
      .join(' or ');
    const answer = await this.transport.require(
      `/users?$filter=${encodeURIComponent(filter)}&$select=${PERSON_SELECT}&$top=${top}`,
      token,
      { method: 'GET' },
    );
    const items = await pageItems(answer.response, answer.requestId);
    return items.flatMap((item) => personOf(item) ?? []).slice(0, top);
  }

  /** Every item of a collection, following next links under the root, at most `maxPages` pages. */
  private async list(firstPath: string, token: AccessTokenSource, maxPages = MAX_PAGES): Promise<Json[]> {
    const items: Json[] = [];
    let path: string | undefined = firstPath;
    for (let page = 1; path !== undefined; page++) {
      if (page > maxPages) throw untrusted('TooManyPages');
      const answer = await this.transport.require(path, token, { method: 'GET' });
      const body = await readJson(answer.response, answer.requestId);
      items.push(...valueOf(body, answer.requestId));
      const next = body['@odata.nextLink'];
      if (next !== undefined && next !== null && typeof next !== 'string') throw malformed(answer.requestId);
      path = typeof next === 'string' ? this.pathUnderRoot(next) : undefined;
    }
    return items;
  }

  /**
   * The path (after the root) of a next link, when it lies under the transport's root.
   * @throws GraphError `GraphUnavailable` for a link anywhere else; the link is not quoted (it may hold tokens)
   */
  private pathUnderRoot(link: string): string {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw untrusted('NextLinkNotUrl');
    }
    const rootPath = this.root.pathname;
    if (
      url.origin !== this.root.origin ||
      url.username !== '' ||
      url.password !== '' ||
      !url.pathname.startsWith(`${rootPath}/`)
    ) {
      throw untrusted('NextLinkOutsideGraph');
    }
    return `${url.pathname.slice(rootPath.length)}${url.search}`;
  }
}

/** The items of one collection page. */
function valueOf(body: Json, requestId: string | undefined): Json[] {
  const value = body['value'];
  if (!Array.isArray(value)) throw malformed(requestId);
  return (value as unknown[]).filter(isObject);
}

/** The items of the first page only (a search asks for no more than one page holds). */
async function pageItems(response: Response, requestId: string | undefined): Promise<Json[]> {
  return valueOf(await readJson(response, requestId), requestId);
}

/** `text` as an OData string literal: in single quotes, each quote inside doubled. */
export function odataString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function personOf(item: Json): DirectoryPerson | null {
  const id = text(item['id']);
  const userPrincipalName = text(item['userPrincipalName']);
  if (id === undefined || userPrincipalName === undefined) return null;
  return {
    id,
    displayName: text(item['displayName']) ?? userPrincipalName,
    userPrincipalName,
    mail: text(item['mail']) ?? null,
    mailNickname: text(item['mailNickname']) ?? null,
    employeeId: text(item['employeeId']) ?? null,
  };
}

/** True for an id that can travel as one path segment. */
function sendable(id: string): boolean {
  return id.length > 0 && id !== '.' && id !== '..';
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function isUnified(item: Json): boolean {
  const types = item['groupTypes'];
  return Array.isArray(types) && types.some((type) => String(type).toLowerCase() === 'unified');
}

function groupOf(item: Json): OwnedGroup | null {
  const id = text(item['id']);
  if (id === undefined) return null;
  const mail = text(item['mail']);
  const mailNickname = text(item['mailNickname']);
  return {
    id,
    displayName: text(item['displayName']) ?? mailNickname ?? mail ?? id,
    ...(mail === undefined ? {} : { mail }),
    ...(mailNickname === undefined ? {} : { mailNickname }),
  };
}

function contactOf(
  item: Json,
  folderId: string | undefined,
  folderName: string | undefined,
): ContactEntry | null {
  const id = text(item['id']);
  if (id === undefined) return null;
  const addresses = item['emailAddresses'];
  const emails = Array.isArray(addresses)
    ? (addresses as unknown[]).flatMap((entry) => (isObject(entry) ? (text(entry['address']) ?? []) : []))
    : [];
  // Outlook allows a contact with only an address; it shows the address as its name.
  const displayName = text(item['displayName']) ?? emails[0] ?? '';
  return {
    id,
    displayName,
    emails,
    ...(folderId === undefined ? {} : { folderId }),
    ...(folderName === undefined ? {} : { folderName }),
  };
}

/** The most of one answer read: a page of 999 groups with the few properties asked for is well under 1 MiB. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

async function readJson(response: Response, requestId: string | undefined): Promise<Json> {
  let body: unknown;
  try {
    const bytes = await readCappedBody(response, MAX_PAGE_BYTES, (detail) => new RangeError(detail));
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    // A body that broke off is Graph being unavailable; one too large or not JSON is not the answer Graph documents.
    if (error instanceof GraphError) throw error;
    throw malformed(requestId);
  }
  if (!isObject(body)) throw malformed(requestId);
  return body;
}

/** A 200 whose body is not the collection or entity Graph documents. */
function malformed(requestId: string | undefined): GraphError {
  return new GraphError('GraphUnavailable', {
    status: 200,
    graphCode: 'MalformedAnswer',
    ...(requestId === undefined ? {} : { requestId }),
  });
}

/** A paging answer the client refuses to follow; no request was sent for it. */
function untrusted(reason: 'TooManyPages' | 'NextLinkNotUrl' | 'NextLinkOutsideGraph'): GraphError {
  return new GraphError('GraphUnavailable', { status: 0, graphCode: reason });
}
