/**
 * The convention that lets `my data` and `forget me` find a person's waiting items in the shared pending store
 * without knowing every feature that keeps one: an item kept for a person has the id
 * `<kind>-<encodeKeySegment(personId)>`, optionally followed by `-<suffix>`, where `<kind>` is lowercase ASCII
 * letters, words joined by `-` (`photo`, `recent`, `choice`, `command`, `admin-send`, `forget`, ...), and `<suffix>`
 * is made of `[A-Za-z0-9_-]` (a choice id, say). A feature that follows it is listed and deleted with no change here.
 *
 * Teams senders are Entra object ids (GUIDs): no GUID ends another id's `<kind>-...` part, so one person's items
 * are never taken for another's (test/privacy checks a neighbour's items are untouched).
 */
import { encodeKeySegment } from '../storage/storage.js';

const KIND = /^[a-z]+(?:-[a-z]+)*$/;
const SUFFIX = /^[A-Za-z0-9_-]+$/;

/** The pending id of a `kind` item kept for `personId` (and `suffix`, when a person has several of a kind). */
export function personPendingId(kind: string, personId: string, suffix?: string): string {
  if (!KIND.test(kind)) throw new RangeError('a pending kind is lowercase letters, words joined by "-"');
  if (suffix !== undefined && !SUFFIX.test(suffix)) throw new RangeError('a pending suffix is [A-Za-z0-9_-]');
  const id = `${kind}-${encodeKeySegment(personId)}`;
  return suffix === undefined ? id : `${id}-${suffix}`;
}

/** The kind of a pending id when it is one of `personId`'s by the convention above, else `undefined`. */
export function pendingKindFor(id: string, personId: string): string | undefined {
  const person = encodeKeySegment(personId);
  // Every place the person's segment could start after a `<kind>-`; the first whose kind and rest fit wins.
  for (let at = id.indexOf(`-${person}`); at > 0; at = id.indexOf(`-${person}`, at + 1)) {
    const kind = id.slice(0, at);
    const rest = id.slice(at + 1 + person.length);
    if (KIND.test(kind) && (rest === '' || (rest.startsWith('-') && SUFFIX.test(rest.slice(1))))) return kind;
  }
  return undefined;
}
