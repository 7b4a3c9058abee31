/**
 * Finding what a person means by a name they typed: "marketing", "Equipe cafe", "tomas@wingtip.example". Pure.
 *
 * Names and the query are compared folded ({@link foldName}): without case, without accents (so a person typing on
 * a keyboard without "É" still finds "Équipe Café"), with runs of spaces as one and without the quotes a person may
 * put around a name. A match is either
 * - exact: the query is one of the item's names, or the part before `@` of one that is a mail address (so
 *   `marketing` is `marketing@example.com`); or
 * - partial: every word of the query starts a word of one of the names (so `sales em` finds "Sales EMEA"), words
 *   being split at spaces, punctuation, `@`, `.`, `-` and `_`.
 *
 * A query longer than {@link MAX_QUERY_LENGTH} matches nothing without being looked at: no name is that long, and a
 * huge message must cost nothing to refuse.
 */

/** Longest query looked at; Entra's display names are at most 256 characters. */
export const MAX_QUERY_LENGTH = 256;

/** What {@link matchByName} found, each list in display name order. */
export interface NameMatches<T> {
  /** Items one of whose names is the query. */
  readonly exact: T[];
  /** Items one of whose names starts a word with every word of the query (the exact ones included). */
  readonly partial: T[];
}

/** Quotes a person may put around a name, straight and typographic. */
const QUOTES =
  /^["'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]+|["'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]+$/gu;

/** What separates words: spaces, punctuation (which holds `@ . - _`) and symbols. */
const WORD_BREAK = /[\s\p{P}\p{S}]+/u;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * A name as it is compared: compatibility-decomposed (NFKD, so "ﬁ" is "fi" and full-width letters are plain),
 * without combining marks (accents), lower case in no particular language, runs of white space as one space, and
 * without surrounding quotes or spaces.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('und')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(QUOTES, '')
    .trim();
}

/** The words of a folded name. */
function wordsOf(folded: string): string[] {
  return folded.split(WORD_BREAK).filter((word) => word.length > 0);
}

/** A name folded, with its words and, for a mail address, its folded local part. */
interface FoldedName {
  readonly whole: string;
  readonly local: string | undefined;
  readonly words: readonly string[];
}

function folded(name: string): FoldedName {
  const whole = foldName(name);
  const at = whole.lastIndexOf('@');
  return { whole, local: at > 0 ? whole.slice(0, at) : undefined, words: wordsOf(whole) };
}

/**
 * Sorts by display name (the first name `namesOf` gives), in a collation that ignores case and accents and reads
 * numbers as numbers; items with equal names keep their order.
 */
export function byDisplayName<T>(items: readonly T[], namesOf: (item: T) => readonly string[]): T[] {
  return [...items].sort((a, b) => collator.compare(namesOf(a)[0] ?? '', namesOf(b)[0] ?? ''));
}

/** True when `query` holds no word at all (empty, spaces, quotes or punctuation only): it names nothing. */
export function isBlankQuery(query: string): boolean {
  return query.length <= MAX_QUERY_LENGTH && wordsOf(foldName(query)).length === 0;
}

/**
 * The items `query` names.
 * @param namesOf every name an item goes by, its display name first (used for the order)
 * @returns exact and partial matches in display name order; for a blank query no exact match and every item as a
 *   partial one (a blank query narrows nothing)
 */
export function matchByName<T>(
  query: string,
  items: readonly T[],
  namesOf: (item: T) => readonly string[],
): NameMatches<T> {
  if (query.length > MAX_QUERY_LENGTH) return { exact: [], partial: [] };
  const wanted = foldName(query);
  const wantedWords = wordsOf(wanted);
  if (wantedWords.length === 0) return { exact: [], partial: byDisplayName(items, namesOf) };
  const exact: T[] = [];
  const partial: T[] = [];
  for (const item of items) {
    const names = namesOf(item).map(folded);
    if (names.some((name) => name.whole === wanted || name.local === wanted)) exact.push(item);
    if (names.some((name) => wantedWords.every((word) => name.words.some((own) => own.startsWith(word))))) {
      partial.push(item);
    }
  }
  return { exact: byDisplayName(exact, namesOf), partial: byDisplayName(partial, namesOf) };
}
