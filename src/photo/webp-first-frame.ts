/**
 * The first frame of an animated WebP as a still WebP, so the pipeline takes an animation's first frame as it does
 * for GIF and APNG (the WebP decoder decodes stills only). An animated WebP keeps each frame in an `ANMF` chunk:
 * 16 bytes of placement and timing, then the frame's own `ALPH`/`VP8 `/`VP8L` chunks, which make a still WebP once
 * wrapped in a RIFF header (with a `VP8X` header naming the alpha when there is one).
 */
import { PhotoError } from '../errors.js';

function fourCc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

function u32le(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] ?? 0) |
      ((bytes[at + 1] ?? 0) << 8) |
      ((bytes[at + 2] ?? 0) << 16) |
      ((bytes[at + 3] ?? 0) << 24)) >>>
    0
  );
}

function u24le(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
}

/** The chunks of a RIFF body from `start`: four-character code, payload offset and size. */
function* chunks(
  bytes: Uint8Array,
  start: number,
  end: number,
): Generator<{ id: string; at: number; size: number }> {
  for (let at = start; at + 8 <= end;) {
    const size = u32le(bytes, at + 4);
    if (at + 8 + size > end) return;
    yield { id: fourCc(bytes, at), at: at + 8, size };
    at += 8 + size + (size & 1); // chunks are padded to an even size
  }
}

/** True when the file's `VP8X` header has the animation flag. */
export function isAnimatedWebp(bytes: Uint8Array): boolean {
  const first = chunks(bytes, 12, bytes.length).next();
  return !first.done && first.value.id === 'VP8X' && ((bytes[first.value.at] ?? 0) & 0x02) !== 0;
}

/** The first frame as a still WebP, or `null` when the animation has no readable frame. */
export function firstWebpFrame(bytes: Uint8Array): Uint8Array | null {
  for (const chunk of chunks(bytes, 12, bytes.length)) {
    if (chunk.id !== 'ANMF' || chunk.size < 16) continue;
    const width = u24le(bytes, chunk.at + 6) + 1;
    const height = u24le(bytes, chunk.at + 9) + 1;
    const frame = bytes.subarray(chunk.at + 16, chunk.at + chunk.size);
    const parts = [...chunks(frame, 0, frame.length)];
    if (!parts.some((part) => part.id === 'VP8 ' || part.id === 'VP8L')) return null;
    const hasAlpha = parts.some((part) => part.id === 'ALPH');
    const header = hasAlpha ? vp8xChunk(width, height) : new Uint8Array(0);
    const body = new Uint8Array(4 + header.length + frame.length);
    body.set([0x57, 0x45, 0x42, 0x50]); // WEBP
    body.set(header, 4);
    body.set(frame, 4 + header.length);
    const riff = new Uint8Array(8 + body.length);
    riff.set([0x52, 0x49, 0x46, 0x46]); // RIFF
    new DataView(riff.buffer).setUint32(4, body.length, true);
    riff.set(body, 8);
    return riff;
  }
  return null;
}

/** A `VP8X` chunk naming alpha and the canvas size. */
function vp8xChunk(width: number, height: number): Uint8Array {
  const chunk = new Uint8Array(18);
  chunk.set([0x56, 0x50, 0x38, 0x58]); // VP8X
  const view = new DataView(chunk.buffer);
  view.setUint32(4, 10, true);
  chunk[8] = 0x10; // alpha
  view.setUint16(12, (width - 1) & 0xffff, true);
  chunk[14] = ((width - 1) >> 16) & 0xff;
  view.setUint16(15, (height - 1) & 0xffff, true);
  chunk[17] = ((height - 1) >> 16) & 0xff;
  return chunk;
}

/** Where the first frame of an animation sits on the canvas, and its size. */
export interface WebpFrameBox {
  readonly width: number;
  readonly height: number;
  /** Offset plus width: at most the canvas width in a valid file. */
  readonly right: number;
  /** Offset plus height. */
  readonly bottom: number;
}

/** The sizes a WebP names: the canvas, the first frame of an animation, and the bitstream libwebp will decode. */
export interface WebpSizes {
  readonly canvas: { readonly width: number; readonly height: number };
  /** Null for a still picture. */
  readonly frame: WebpFrameBox | null;
  /** From the `VP8 ` key frame or `VP8L` header itself, which is what libwebp sizes its buffers by. */
  readonly bitstream: { readonly width: number; readonly height: number };
}

/**
 * Reads the sizes without decoding: the canvas (`VP8X`, or the bitstream of a simple file), the first `ANMF` frame's
 * box, and the size inside the bitstream libwebp will decode (the still, or the first frame's).
 * @throws PhotoError `CorruptImage` when there is no readable `VP8 `/`VP8L` header
 */
export function webpBitstreamSize(bytes: Uint8Array): WebpSizes {
  const first = chunks(bytes, 12, bytes.length).next();
  if (first.done) throw new PhotoError('CorruptImage', 'webp has no chunks');
  if (first.value.id !== 'VP8X') {
    const bitstream = bitstreamSize(bytes, 12, bytes.length);
    return { canvas: bitstream, frame: null, bitstream };
  }
  const at = first.value.at;
  const canvas = { width: u24le(bytes, at + 4) + 1, height: u24le(bytes, at + 7) + 1 };
  if (!isAnimatedWebp(bytes))
    return { canvas, frame: null, bitstream: bitstreamSize(bytes, 12, bytes.length) };
  for (const chunk of chunks(bytes, 12, bytes.length)) {
    if (chunk.id !== 'ANMF' || chunk.size < 16) continue;
    const width = u24le(bytes, chunk.at + 6) + 1;
    const height = u24le(bytes, chunk.at + 9) + 1;
    const frame = {
      width,
      height,
      right: u24le(bytes, chunk.at) * 2 + width,
      bottom: u24le(bytes, chunk.at + 3) * 2 + height,
    };
    return { canvas, frame, bitstream: bitstreamSize(bytes, chunk.at + 16, chunk.at + chunk.size) };
  }
  throw new PhotoError('CorruptImage', 'animated webp has no frame');
}

/** The size in the first `VP8 ` or `VP8L` chunk between `start` and `end`. */
function bitstreamSize(bytes: Uint8Array, start: number, end: number): { width: number; height: number } {
  for (const chunk of chunks(bytes, start, end)) {
    const at = chunk.at;
    if (chunk.id === 'VP8L' && chunk.size >= 5 && bytes[at] === 0x2f) {
      const bits = u32le(bytes, at + 1);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (
      chunk.id === 'VP8 ' &&
      chunk.size >= 10 &&
      bytes[at + 3] === 0x9d &&
      bytes[at + 4] === 0x01 &&
      bytes[at + 5] === 0x2a
    ) {
      // 14 bits of size; the top two bits are an upscaling hint that decoders ignore.
      return {
        width: ((bytes[at + 6] ?? 0) | ((bytes[at + 7] ?? 0) << 8)) & 0x3fff,
        height: ((bytes[at + 8] ?? 0) | ((bytes[at + 9] ?? 0) << 8)) & 0x3fff,
      };
    }
  }
  throw new PhotoError('CorruptImage', 'webp has no readable VP8/VP8L header');
}
