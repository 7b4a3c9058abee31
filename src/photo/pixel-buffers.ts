/**
 * A thread's spare pixel buffer. A decoded picture is the largest allocation of a job (33 MB for a 4K screenshot),
 * and a fresh one each job is fresh memory, every page of it a page fault (about 18 us each on the 2-core VM the
 * bench runs on: 150 ms for that screenshot). The decoders write into a buffer taken from here, and the pipeline
 * gives it back when the job is done, so the next job on this thread reuses the same, already mapped memory.
 *
 * One spare is kept (the largest given back, up to {@link MAX_SPARE_BYTES}); jobs that run at the same time on one
 * thread simply get fresh buffers. Only buffers taken from here are ever kept: anything else given back is ignored.
 */

/** The largest buffer kept for reuse: a 12 MP picture at full size. Larger ones are left to the garbage collector. */
export const MAX_SPARE_BYTES = 12_000_000 * 4;

let spare: ArrayBuffer | null = null;
const ours = new WeakSet<ArrayBuffer>();

/**
 * `bytes` bytes for a decoder to fill: at the start of this thread's spare when it is large enough (its contents
 * are then whatever the last picture left), else a fresh zeroed buffer. Give it back with {@link givePixels}.
 */
export function takePixels(bytes: number): Uint8Array {
  if (spare && spare.byteLength >= bytes) {
    const reused = spare;
    spare = null;
    return new Uint8Array(reused, 0, bytes);
  }
  const buffer = new ArrayBuffer(bytes);
  ours.add(buffer);
  return new Uint8Array(buffer);
}

/** Hands back pixels from {@link takePixels}: nothing may use them afterwards. Other pixels are ignored. */
export function givePixels(pixels: Uint8Array): void {
  const { buffer } = pixels;
  if (!(buffer instanceof ArrayBuffer) || !ours.has(buffer) || buffer.byteLength > MAX_SPARE_BYTES) return;
  if (buffer === spare) return;
  if (!spare || spare.byteLength < buffer.byteLength) spare = buffer;
}
