/**
 * Reading a photo back after Graph accepted it (issue 18): a 200 from Graph says the request was taken, not that the
 * new photo is what Graph now serves. The change service reads the photo again and hands both to an injected
 * {@link PhotoComparer} (decoding lives outside the domain: src/photo/photo-compare.ts), since Graph re-encodes
 * what it stores and a byte comparison would never match there.
 *
 * The outcome never fails the change (it happened): a read-back that fails or shows another picture makes the
 * answer say "sent, not confirmed yet" instead of "set".
 */
import type { AccessTokenSource, GraphPhotoClient } from '../graph/graph-photo-client.js';
import type { PhotoTarget } from '../graph/photo-target.js';
import type { ChangeResult, PhotoComparer, ReadBackOutcome } from './change-types.js';

/** True when `a` holds exactly the bytes of `b`. */
export function sameBytes(a: Uint8Array | null, b: Uint8Array): boolean {
  return a !== null && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), b) === 0;
}

/**
 * Reads the target's photo and compares it with what was sent.
 * @returns `matched`, `differed` (another photo, or none), or `failed` (Graph could not be read)
 */
export async function readBack(
  graph: Pick<GraphPhotoClient, 'getPhoto'>,
  target: PhotoTarget,
  token: AccessTokenSource,
  sent: Uint8Array,
  compare: PhotoComparer,
): Promise<ReadBackOutcome> {
  let stored: Uint8Array | null;
  try {
    stored = await graph.getPhoto(target, token);
  } catch {
    return 'failed';
  }
  if (stored === null) return 'differed';
  if (sameBytes(stored, sent)) return 'matched';
  try {
    return (await compare(sent, stored)) ? 'matched' : 'differed';
  } catch {
    return 'differed';
  }
}

/**
 * A change's result with what reading the photo back showed: left as it is without a comparer, or when it was
 * already settled (a change retried after it was made).
 */
export async function withReadBack(
  deps: { readonly graph: Pick<GraphPhotoClient, 'getPhoto'>; readonly comparer?: PhotoComparer | undefined },
  made: ChangeResult,
  target: PhotoTarget,
  sent: Uint8Array,
  token: AccessTokenSource,
): Promise<ChangeResult> {
  if (!deps.comparer || made.readBack !== 'skipped' || made.resumed) return made;
  const outcome = await readBack(deps.graph, target, token, sent, deps.comparer);
  return { ...made, confirmed: outcome === 'matched', readBack: outcome };
}
