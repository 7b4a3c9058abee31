/**
 * What choosing a group or a contact by name comes to, for the handler to answer with: the one meant, a choice
 * among several (a pick card), or nothing, with everything that could have been meant (to list in the refusal).
 */
import { byDisplayName, isBlankQuery, matchByName } from './name-match.js';

export type TargetMatch<T> =
  | { kind: 'one'; item: T }
  | { kind: 'several'; items: readonly T[] }
  | { kind: 'none'; available: readonly T[] };

/**
 * Exact matches win; when there are none, partial ones; when there are none either, `none` with every item in
 * display name order. A blank query names nothing, so it is `none` too rather than a choice among everything:
 * a photo is never set on something the person did not name.
 */
export function chooseByName<T>(
  query: string,
  items: readonly T[],
  namesOf: (item: T) => readonly string[],
): TargetMatch<T> {
  const { exact, partial } = isBlankQuery(query)
    ? { exact: [], partial: [] }
    : matchByName(query, items, namesOf);
  const chosen = exact.length > 0 ? exact : partial;
  const [first, ...rest] = chosen;
  if (first === undefined) return { kind: 'none', available: byDisplayName(items, namesOf) };
  return rest.length === 0 ? { kind: 'one', item: first } : { kind: 'several', items: chosen };
}
