/**
 * Matches an import's files to people: a file's name (without folder and extension) is a person's user principal
 * name, mail, mail nickname or employee id; a `mapping.csv` row's user is one of those or an object id. Compared
 * without letter case, after Unicode NFC normalisation (macOS writes names decomposed). Pure: no I/O.
 */
import type { DirectoryPerson } from './admin-contracts.js';
import { nameSegments } from './entry-names.js';

/** Whom a file or a mapping row names. */
export type PersonMatch =
  | { readonly kind: 'person'; readonly person: DirectoryPerson }
  | { readonly kind: 'none' }
  /** Several people share the key (two people with one mail nickname or employee id): nobody is chosen. */
  | { readonly kind: 'ambiguous'; readonly candidates: readonly DirectoryPerson[] };

/** Looks people up by the keys an import may name them by. */
export interface PersonIndex {
  /** By a file's name: its base name without extension against UPN, mail, mail nickname and employee id. */
  matchFile(fileName: string): PersonMatch;
  /** By a mapping row's user: UPN, mail, mail nickname, employee id or object id. */
  matchUser(text: string): PersonMatch;
}

/** How keys are compared: trimmed, NFC, lower case. */
export function matchKey(text: string): string {
  return text.trim().normalize('NFC').toLowerCase();
}

/** A file name's base name without its extension: `photos/Jane.Doe@contoso.com.jpg` → `Jane.Doe@contoso.com`. */
export function fileStem(fileName: string): string {
  const base = nameSegments(fileName).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Builds the index once for an import; lookups are then constant time. */
export function createPersonIndex(people: readonly DirectoryPerson[]): PersonIndex {
  const byName = new Map<string, Set<DirectoryPerson>>();
  const byId = new Map<string, DirectoryPerson>();
  const add = (key: string | null | undefined, person: DirectoryPerson): void => {
    if (key === null || key === undefined || key.trim() === '') return;
    const normal = matchKey(key);
    const found = byName.get(normal) ?? new Set<DirectoryPerson>();
    found.add(person);
    byName.set(normal, found);
  };
  for (const person of people) {
    add(person.userPrincipalName, person);
    add(person.mail, person);
    add(person.mailNickname, person);
    add(person.employeeId, person);
    byId.set(matchKey(person.id), person);
  }

  const lookup = (key: string, extra?: DirectoryPerson): PersonMatch => {
    const found = new Set(byName.get(key));
    if (extra !== undefined) found.add(extra);
    const [first, ...others] = [...found].sort(byUpn);
    if (first === undefined) return { kind: 'none' };
    if (others.length === 0) return { kind: 'person', person: first };
    return { kind: 'ambiguous', candidates: [first, ...others] };
  };

  return {
    matchFile: (fileName) => {
      const stem = matchKey(fileStem(fileName));
      return stem === '' ? { kind: 'none' } : lookup(stem);
    },
    matchUser: (text) => {
      const key = matchKey(text);
      return key === '' ? { kind: 'none' } : lookup(key, byId.get(key));
    },
  };
}

/** A stable order for candidates, the same on every machine (no locale). */
function byUpn(a: DirectoryPerson, b: DirectoryPerson): number {
  if (a.userPrincipalName === b.userPrincipalName) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return a.userPrincipalName < b.userPrincipalName ? -1 : 1;
}
