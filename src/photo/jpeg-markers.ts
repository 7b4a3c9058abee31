/**
 * Reads a JPEG's header the way libjpeg does (jdmarker.c), which is how every JPEG decoder here and the browsers
 * read it: after SOI, bytes that are not a marker are skipped (libjpeg only warns), as are 0xFF fill bytes, stuffed
 * zeros and markers without parameters; segments are skipped by their length. Reading the size this way, rather
 * than with a reader that gives up or slips on such bytes, is what keeps the checked size and the decoded size one.
 */
import type { Orientation } from './orientation.js';

/** A width and a height in pixels. */
export interface JpegSize {
  readonly width: number;
  readonly height: number;
}

interface Segment {
  readonly marker: number;
  /** Offset of the payload, just after the two length bytes. */
  readonly at: number;
  /** Payload length. */
  readonly length: number;
}

function u16be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

/** Start-of-frame markers: every 0xC0-0xCF but DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * The header's segments in order, up to the first scan or frame header (which is yielded and ends the walk).
 * @returns false from the generator when libjpeg's header read would fail (no SOI, EOI or a second SOI first,
 *   truncated)
 */
function* segments(bytes: Uint8Array): Generator<Segment, boolean> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let at = 2;
  for (;;) {
    while (at < bytes.length && bytes[at] !== 0xff) at++;
    while (at < bytes.length && bytes[at] === 0xff) at++;
    if (at >= bytes.length) return false;
    const marker = bytes[at++] ?? 0;
    if (marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd8 || marker === 0xd9) return false;
    if (at + 2 > bytes.length) return false;
    const length = u16be(bytes, at);
    if (length < 2 || at + length > bytes.length) return false;
    yield { marker, at: at + 2, length: length - 2 };
    if (marker === 0xda || isStartOfFrame(marker)) return true;
    at += length;
  }
}

/**
 * The frame size libjpeg will decode: the first start-of-frame before the first scan.
 * @returns null where libjpeg's header read fails
 */
export function jpegFrameSize(bytes: Uint8Array): JpegSize | null {
  for (const segment of segments(bytes)) {
    if (segment.marker === 0xda) return null; // a scan before any frame
    if (isStartOfFrame(segment.marker)) {
      if (segment.length < 5) return null;
      return { width: u16be(bytes, segment.at + 3), height: u16be(bytes, segment.at + 1) };
    }
  }
  return null;
}

/** The EXIF orientation in the first `Exif` APP1 segment before the frame; 1 when there is none or it is invalid. */
export function jpegOrientation(bytes: Uint8Array): Orientation {
  for (const segment of segments(bytes)) {
    if (segment.marker !== 0xe1 || segment.length < 14) continue;
    const exif = bytes.subarray(segment.at, segment.at + segment.length);
    if (String.fromCharCode(...exif.subarray(0, 6)) !== 'Exif\0\0') continue;
    return tiffOrientation(exif.subarray(6));
  }
  return 1;
}

/** Orientation (tag 0x0112, one SHORT) from IFD0 of a TIFF structure. */
function tiffOrientation(tiff: Uint8Array): Orientation {
  const order = String.fromCharCode(tiff[0] ?? 0, tiff[1] ?? 0);
  if (order !== 'II' && order !== 'MM') return 1;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = order === 'II';
  if (tiff.length < 8 || view.getUint16(2, little) !== 42) return 1;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    if (view.getUint16(entry, little) !== 0x0112) continue;
    if (view.getUint16(entry + 2, little) !== 3 || view.getUint32(entry + 4, little) !== 1) return 1;
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? (value as Orientation) : 1;
  }
  return 1;
}
