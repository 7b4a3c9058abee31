/**
 * The subset of OData query options the emulator understands on directory collections (`/users`, `/groups`):
 *
 * - `$filter`: `startswith(prop,'text')` and `prop eq 'text'` on the collection's filterable properties, plus
 *   `groupTypes/any(x:x eq 'Unified')` on groups, combined with `and`, `or` and parentheses. Comparisons ignore
 *   case, as the directory's do. Anything else is 400 `Request_UnsupportedQuery`.
 * - `$search`: `"prop:text"` clauses joined by `OR` / `AND`, matching when a word of the property starts with the
 *   text; like Graph it needs the header `ConsistencyLevel: eventual`.
 * - `$count=true` (also needs `ConsistencyLevel: eventual`), `$orderby=displayName [asc|desc]`, `$top` (1..999,
 *   with `@odata.nextLink` carrying a `$skiptoken` for the rest) and `$select`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { GraphFault } from './graph-answers.js';

/** A Graph entity as JSON. */
export type Entity = Readonly<Record<string, unknown>>;

/** What a collection allows. */
export interface CollectionRules {
  /** Properties `$filter` and `$search` may name. */
  readonly filterable: readonly string[];
  /** The collection's own URL without query, for `@odata.nextLink`. */
  readonly selfUrl: string;
  /** Default page size. */
  readonly pageSize: number;
  /** Properties Graph returns only when `$select` names them (a user's `employeeId`, `mailNickname`). */
  readonly selectOnly?: readonly string[];
}

/** A page of a collection, before `@odata.context` is added. */
export interface CollectionPage {
  readonly value: Entity[];
  readonly count?: number;
  readonly nextLink?: string;
}

function unsupported(message: string): GraphFault {
  return new GraphFault(400, 'Request_UnsupportedQuery', message);
}

function badRequest(message: string): GraphFault {
  return new GraphFault(400, 'Request_BadRequest', message);
}

/** Applies `$filter`, `$search`, `$orderby`, `$count`, `$top`/`$skiptoken` and `$select` to `items`. */
export function queryCollection(
  items: readonly Entity[],
  query: URLSearchParams,
  headers: IncomingHttpHeaders,
  rules: CollectionRules,
): CollectionPage {
  const eventual = String(headers['consistencylevel'] ?? '').toLowerCase() === 'eventual';
  let result = [...items];
  const filter = query.get('$filter');
  if (filter !== null) {
    const predicate = parseFilter(filter, rules.filterable);
    result = result.filter(predicate);
  }
  const search = query.get('$search');
  if (search !== null) {
    if (!eventual) {
      throw badRequest(
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    }
    const predicate = parseSearch(search, rules.filterable);
    result = result.filter(predicate);
  }
  const orderBy = query.get('$orderby');
  if (orderBy !== null) result = order(result, orderBy);
  const wantCount = query.get('$count');
  if (wantCount !== null && wantCount !== 'true' && wantCount !== 'false')
    throw badRequest('$count takes true or false.');
  if (wantCount === 'true' && !eventual) {
    throw badRequest("$count requires the header 'ConsistencyLevel: eventual'.");
  }
  const count = result.length;
  const top = pageSize(query.get('$top'), rules.pageSize);
  const offset = skipToken(query.get('$skiptoken'));
  const page = result.slice(offset, offset + top);
  let nextLink: string | undefined;
  if (offset + top < result.length) {
    const next = new URLSearchParams(query);
    next.set('$skiptoken', Buffer.from(String(offset + top), 'utf8').toString('base64url'));
    nextLink = `${rules.selfUrl}?${next.toString()}`;
  }
  const selected = select(page, query.get('$select'), rules.selectOnly);
  return {
    value: selected,
    ...(wantCount === 'true' ? { count } : {}),
    ...(nextLink === undefined ? {} : { nextLink }),
  };
}

/**
 * Keeps only the `$select`ed properties (and `@odata.type`), as Graph does; without `$select`, every property but
 * those in `selectOnly` (which Graph leaves out of its default set).
 */
export function select(
  items: readonly Entity[],
  selectOption: string | null,
  selectOnly: readonly string[] = [],
): Entity[] {
  if (selectOption === null || selectOption.trim() === '') {
    if (selectOnly.length === 0) return [...items];
    return items.map((item) =>
      Object.fromEntries(Object.entries(item).filter(([name]) => !selectOnly.includes(name))),
    );
  }
  const wanted = selectOption.split(',').map((name) => name.trim().toLowerCase());
  return items.map((item) =>
    Object.fromEntries(
      Object.entries(item).filter(([name]) => name === '@odata.type' || wanted.includes(name.toLowerCase())),
    ),
  );
}

function pageSize(text: string | null, fallback: number): number {
  if (text === null) return fallback;
  const top = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(top >= 1 && top <= 999)) throw badRequest('Invalid page size specified: $top must be from 1 to 999.');
  return top;
}

function skipToken(text: string | null): number {
  if (text === null) return 0;
  const offset = Number(Buffer.from(text, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('Invalid $skiptoken.');
  return offset;
}

function order(items: Entity[], orderBy: string): Entity[] {
  const match = /^\s*displayName(?:\s+(asc|desc))?\s*$/i.exec(orderBy);
  if (!match) throw unsupported('Sorting is only supported on displayName here.');
  const direction = match[1]?.toLowerCase() === 'desc' ? -1 : 1;
  return items.sort((a, b) => direction * text(a, 'displayName').localeCompare(text(b, 'displayName')));
}

function text(item: Entity, property: string): string {
  const value = item[property];
  return typeof value === 'string' ? value.toLowerCase() : '';
}

type Predicate = (item: Entity) => boolean;

/** Tokens of a `$filter`: quoted strings (with `''` for a quote), words, parentheses, commas. */
function tokenize(filter: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*('(?:[^']|'')*'|[(),]|[^\s(),']+)/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  while ((match = pattern.exec(filter)) !== null) {
    if (match[1] === undefined) break;
    tokens.push(match[1]);
    at = pattern.lastIndex;
  }
  if (filter.slice(at).trim() !== '') throw badRequest(`Invalid filter clause: ${filter}`);
  return tokens;
}

/**
 * Parses `$filter` by recursive descent: `or` binds looser than `and`; a term is a parenthesised expression,
 * `startswith(p,'x')`, `p eq 'x'` or `groupTypes/any(v:v eq 'Unified')`.
 */
function parseFilter(filter: string, filterable: readonly string[]): Predicate {
  const tokens = tokenize(filter);
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (expected?: string): string => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token.toLowerCase() !== expected)) {
      throw badRequest(`Invalid filter clause: ${filter}`);
    }
    return token;
  };
  const property = (): string => {
    const name = take();
    const known = filterable.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (!known)
      throw unsupported(`Unsupported or invalid query filter clause specified for property '${name}'.`);
    return known;
  };
  const literal = (): string => {
    const token = take();
    if (!/^'.*'$/s.test(token)) throw badRequest(`Invalid filter clause: ${filter}`);
    return token.slice(1, -1).replaceAll("''", "'").toLowerCase();
  };
  const term = (): Predicate => {
    const token = peek();
    if (token === '(') {
      take('(');
      const inner = expression();
      take(')');
      return inner;
    }
    if (token?.toLowerCase() === 'startswith') {
      take();
      take('(');
      const name = property();
      take(',');
      const prefix = literal();
      take(')');
      return (item) => text(item, name).startsWith(prefix);
    }
    if (token?.toLowerCase() === 'grouptypes/any' && filterable.includes('groupTypes')) {
      take();
      take('(');
      if (!/^(\w+):\1$/.test(take())) throw badRequest(`Invalid filter clause: ${filter}`);
      take('eq');
      const wanted = literal();
      take(')');
      return (item) => {
        const types = item['groupTypes'];
        return Array.isArray(types) && types.some((type) => String(type).toLowerCase() === wanted);
      };
    }
    const name = property();
    const operator = take().toLowerCase();
    if (operator !== 'eq') throw unsupported(`Unsupported query operator '${operator}'.`);
    const value = literal();
    return (item) => text(item, name) === value;
  };
  const conjunction = (): Predicate => {
    let left = term();
    while (peek()?.toLowerCase() === 'and') {
      take();
      const right = term();
      const previous = left;
      left = (item) => previous(item) && right(item);
    }
    return left;
  };
  const expression = (): Predicate => {
    let left = conjunction();
    while (peek()?.toLowerCase() === 'or') {
      take();
      const right = conjunction();
      const previous = left;
      left = (item) => previous(item) || right(item);
    }
    return left;
  };
  const predicate = expression();
  if (at !== tokens.length) throw badRequest(`Invalid filter clause: ${filter}`);
  return predicate;
}

/** Parses `$search`: `"prop:text"` clauses joined by OR / AND (AND binds tighter, as in Graph). */
function parseSearch(search: string, searchable: readonly string[]): Predicate {
  const alternatives = search.split(/\s+OR\s+/).map((alternative) =>
    alternative.split(/\s+AND\s+/).map((clause): Predicate => {
      const match = /^\s*"([^":]+):([^"]*)"\s*$/.exec(clause);
      if (!match?.[1] || match[2] === undefined) {
        throw badRequest(`Syntax error: invalid $search clause ${clause.trim()}; use "property:text".`);
      }
      const name = searchable.find((candidate) => candidate.toLowerCase() === match[1]?.toLowerCase());
      if (!name) throw unsupported(`$search is not supported on property '${match[1]}'.`);
      const wanted = match[2].trim().toLowerCase();
      return (item) => {
        const value = text(item, name);
        return (
          value.startsWith(wanted) || value.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(wanted))
        );
      };
    }),
  );
  return (item) => alternatives.some((clauses) => clauses.every((clause) => clause(item)));
}
