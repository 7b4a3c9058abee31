/**
 * A fast path for the PNGs people send most (screenshots): 8-bit RGB or RGBA, not interlaced. The chunks are
 * walked and checked (CRC, order), the image data inflated in one call to fflate (into memory this thread reuses:
 * Node's zlib can only return fresh buffers), and the rows unfiltered straight into RGBA in the same buffer. pngjs, which the pipeline otherwise uses, spends most of a 4K screenshot's decode copying
 * buffers and mapping pixels one at a time (bench/README.md has the figures).
 *
 * Anything else (palette, grey, 16-bit, interlaced, a transparency chunk, a second header, a damaged chunk)
 * returns null, and the caller decodes with pngjs as before, so every unusual file keeps pngjs's behaviour.
 */
import { crc32 } from 'node:zlib';
import { unzlibSync } from 'fflate';
import { givePixels, takePixels } from './pixel-buffers.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const COLOUR_RGB = 2;
const COLOUR_RGBA = 6;

/** RGBA pixels of a PNG's image. */
export interface PngPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * Decodes an 8-bit, non-interlaced RGB or RGBA PNG to RGBA; null for any other PNG or anything irregular.
 * @param maxPixels refuse (null) past this many pixels; the pipeline has checked the header's size already
 */
export function decodeSimplePng(bytes: Uint8Array, maxPixels: number): PngPixels | null {
  if (bytes.length < 8 + 25 || SIGNATURE.some((value, i) => bytes[i] !== value)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Uint8Array[] = [];
  let at = 8;
  let ended = false;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(
      bytes[at + 4] as number,
      bytes[at + 5] as number,
      bytes[at + 6] as number,
      bytes[at + 7] as number,
    );
    if (length > bytes.length - at - 12) return null;
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return null;
    at += 12 + length;
    if (type === 'IHDR') {
      // Exactly one header, first, as the standard requires; anything else goes to pngjs.
      if (width !== 0 || data.length > 0 || length !== 13) return null;
      const header = new DataView(body.buffer, body.byteOffset, 13);
      width = header.getUint32(0);
      height = header.getUint32(4);
      const [depth, colour, compression, filter, interlace] = body.subarray(8, 13);
      if (depth !== 8 || compression !== 0 || filter !== 0 || interlace !== 0) return null;
      if (colour === COLOUR_RGB) channels = 3;
      else if (colour === COLOUR_RGBA) channels = 4;
      else return null;
      if (width === 0 || height === 0 || width * height > maxPixels) return null;
    } else if (width === 0) {
      return null;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      ended = true;
      break;
    } else if (type === 'tRNS' || type === 'PLTE') {
      return null; // a transparent colour key (or a palette on RGB): pngjs knows what to do with them
    }
  }
  if (!ended || data.length === 0) return null;

  const rowBytes = width * channels;
  const expected = (rowBytes + 1) * height;
  // One buffer holds both the inflated rows (at its end) and the RGBA pixels (from its start): rows are unfiltered
  // front to back, and row y's pixels never reach the bytes of row y + 1 (see unfilter), so neither needs a second
  // picture-sized allocation. It comes from this thread's spare (pixel-buffers.ts), already mapped.
  const pixelBytes = width * height * 4;
  const total = Math.max(pixelBytes, expected + 1);
  const buffer = takePixels(total);
  const room = buffer.subarray(total - expected - 1);
  let raw: Uint8Array;
  try {
    // The inflated size is known exactly, and the output has room for one byte more: a stream that fills that byte
    // is longer than the picture and refused, so a small stream that would inflate to gigabytes (a decompression
    // bomb) never grows beyond it here.
    raw = unzlibSync(Buffer.concat(data), { out: room });
  } catch {
    raw = room.subarray(0, 0);
  }
  // Every pixel is written (or the decode gives up and hands the buffer back), so a reused buffer is fine.
  const out = buffer.subarray(0, pixelBytes);
  if (
    raw.length === expected &&
    raw.buffer === buffer.buffer &&
    unfilter(raw, width, height, channels, out)
  ) {
    return { width, height, data: out };
  }
  givePixels(buffer);
  return null;
}

/**
 * Undoes each row's filter (PNG filter types 0-4) and writes RGBA. RGBA rows are unfiltered in place in the
 * output, whose previous row is the filter's "above"; RGB rows go through two scratch rows and are expanded.
 *
 * `raw` may lie in the same buffer as `out`, ending where the buffer ends (decodeSimplePng): row y of `out` ends
 * at 4w(y + 1), and row y + 1 of `raw` starts no earlier (RGBA: the raw rows are one byte longer and start at
 * the buffer's start; RGB: they start h(w - 1) - 1 bytes in, and (y + 1)(w - 1) <= h(w - 1) - 1 for y + 1 < h).
 * Within an RGBA row each byte is read before the byte it lands on is written, as the write trails the read.
 */
function unfilter(
  raw: Uint8Array,
  width: number,
  height: number,
  channels: number,
  out: Uint8Array,
): boolean {
  const rowBytes = width * channels;
  const bpp = channels;
  let previous: Uint8Array = new Uint8Array(rowBytes); // all zeros above the first row
  let current: Uint8Array = channels === 4 ? out.subarray(0, rowBytes) : new Uint8Array(rowBytes);
  for (let y = 0; y < height; y++) {
    const start = y * (rowBytes + 1);
    const type = raw[start] as number;
    if (channels === 4) current = out.subarray(y * rowBytes, (y + 1) * rowBytes);
    const line = raw.subarray(start + 1, start + 1 + rowBytes);
    switch (type) {
      case 0:
        current.set(line);
        break;
      case 1:
        for (let i = 0; i < bpp; i++) current[i] = line[i] as number;
        for (let i = bpp; i < rowBytes; i++)
          current[i] = ((line[i] as number) + (current[i - bpp] as number)) & 0xff;
        break;
      case 2:
        for (let i = 0; i < rowBytes; i++)
          current[i] = ((line[i] as number) + (previous[i] as number)) & 0xff;
        break;
      case 3:
        for (let i = 0; i < bpp; i++)
          current[i] = ((line[i] as number) + ((previous[i] as number) >> 1)) & 0xff;
        for (let i = bpp; i < rowBytes; i++) {
          current[i] =
            ((line[i] as number) + (((current[i - bpp] as number) + (previous[i] as number)) >> 1)) & 0xff;
        }
        break;
      case 4:
        for (let i = 0; i < bpp; i++) current[i] = ((line[i] as number) + (previous[i] as number)) & 0xff;
        for (let i = bpp; i < rowBytes; i++) {
          const a = current[i - bpp] as number;
          const b = previous[i] as number;
          const c = previous[i - bpp] as number;
          const pa = Math.abs(b - c);
          const pb = Math.abs(a - c);
          const pc = Math.abs(a + b - 2 * c);
          const predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          current[i] = ((line[i] as number) + predictor) & 0xff;
        }
        break;
      default:
        return false;
    }
    if (channels === 3) {
      for (let x = 0, s = 0, o = y * width * 4; x < width; x++, s += 3, o += 4) {
        out[o] = current[s] as number;
        out[o + 1] = current[s + 1] as number;
        out[o + 2] = current[s + 2] as number;
        out[o + 3] = 255;
      }
      [previous, current] = [current, previous];
    } else {
      previous = current;
    }
  }
  return true;
}
