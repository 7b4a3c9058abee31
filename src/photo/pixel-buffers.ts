/**
 * A thread's spare pixel buffers. A job's pictures (the decoded one, 33 MB for a 4K screenshot; the detector's copy;
 * the photo itself) are its largest allocations, and fresh ones each job are fresh memory, every page of it a page
 * fault (about 18 us each on the 2-core VM the bench runs on: 150 ms for that screenshot). The decoders and the
 * area resampler take their buffers from here, and the pipeline gives them back when the job is done, so the next
 * job on this thread writes into memory that is already mapped.
 *
 * A few spares are kept (at most {@link MAX_SPARES}, {@link MAX_SPARE_BYTES} in all); jobs that run at the same
 * time on one thread simply get fresh buffers when the spares run out. Only buffers taken from here are ever kept:
 * anything else given back is ignored.
 */

/** Spares kept at once: one job's decoded picture, detector copy, salient copy and photo. */
export const MAX_SPARES = 4;
/** The most memory kept in spares: a 12 MP picture at full size. Larger buffers are left to the garbage collector. */
export const MAX_SPARE_BYTES = 12_000_000 * 4;

const spares: ArrayBuffer[] = [];
const ours = new WeakSet<ArrayBuffer>();

/**
 * `bytes` bytes to fill: at the start of the smallest spare that is large enough (its contents are then whatever
 * the last picture left there), else a fresh zeroed buffer. Give it back with {@link givePixels}.
 */
export function takePixels(bytes: number): Uint8Array {
  let best = -1;
  for (let i = 0; i < spares.length; i++) {
    const size = (spares[i] as ArrayBuffer).byteLength;
    if (size >= bytes && (best === -1 || size < (spares[best] as ArrayBuffer).byteLength)) best = i;
  }
  if (best !== -1) {
    const [reused] = spares.splice(best, 1) as [ArrayBuffer];
    return new Uint8Array(reused, 0, bytes);
  }
  const buffer = new ArrayBuffer(bytes);
  ours.add(buffer);
  return new Uint8Array(buffer);
}

/** Hands back pixels from {@link takePixels}: nothing may use them afterwards. Other pixels are ignored. */
export function givePixels(pixels: Uint8Array): void {
  const { buffer } = pixels;
  if (!(buffer instanceof ArrayBuffer) || !ours.has(buffer) || spares.includes(buffer)) return;
  spares.push(buffer);
  // Over the limits, the smallest spares go first: the large ones are the costly ones to map again.
  spares.sort((a, b) => b.byteLength - a.byteLength);
  let kept = 0;
  for (let i = 0; i < spares.length; i++) {
    kept += (spares[i] as ArrayBuffer).byteLength;
    if (i >= MAX_SPARES || kept > MAX_SPARE_BYTES) {
      spares.length = i;
      break;
    }
  }
}

/**
 * Keeps a buffer that came back from another thread (the face thread returns the copy it was sent) as a spare, as if
 * {@link takePixels} had handed it out.
 */
export function adoptPixels(buffer: ArrayBuffer): void {
  ours.add(buffer);
  givePixels(new Uint8Array(buffer));
}
