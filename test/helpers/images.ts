/**
 * Real images for the tests, made with sharp (a dev dependency and an independent implementation: what the
 * pipeline decodes was not encoded by the pipeline's own code) or written byte by byte where a format detail
 * matters (EXIF orientation, APNG frames, forged headers).
 */
import { deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import type { Orientation } from '../../src/photo/orientation.js';

export interface Raw {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  readonly data: Buffer;
}

export type Rgb = readonly [number, number, number];

export const RED: Rgb = [220, 30, 30];
export const GREEN: Rgb = [30, 200, 40];
export const BLUE: Rgb = [30, 40, 220];
export const YELLOW: Rgb = [235, 220, 30];

/** An upright picture in four coloured quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right. */
export function quadrants(width: number, height: number): Raw {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = y < height / 2 ? (x < width / 2 ? RED : GREEN) : x < width / 2 ? BLUE : YELLOW;
      data.set(colour, (y * width + x) * 3);
    }
  }
  return { width, height, channels: 3, data };
}

/** A detailed, photo-like picture (gradients, texture and noise) that compresses like a real photo. */
export function photoLike(width: number, height: number, seed = 1): Raw {
  const data = Buffer.alloc(width * height * 3);
  let state = seed;
  const noise = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const texture = 40 * Math.sin(x / 7) * Math.cos(y / 11);
      data[i] = clamp((x * 200) / width + texture + noise() * 50);
      data[i + 1] = clamp((y * 200) / height - texture + noise() * 50);
      data[i + 2] = clamp(128 + texture * 1.5 + noise() * 50);
    }
  }
  return { width, height, channels: 3, data };
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

function fromRaw(raw: Raw): Sharp {
  return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
}

/**
 * The stored pixels a camera writes for `orientation`: the upright picture turned the opposite way, so that
 * turning them by the orientation stands them up again.
 */
export async function storedFor(upright: Raw, orientation: Orientation): Promise<Raw> {
  // [clockwise turn, then mirror left-right, then flip top-bottom], applied in that order in separate steps
  const steps: Record<Orientation, [number, boolean, boolean]> = {
    1: [0, false, false],
    2: [0, true, false],
    3: [180, false, false],
    4: [0, false, true],
    5: [90, true, false],
    6: [270, false, false],
    7: [90, false, true],
    8: [90, false, false],
  };
  const [turn, mirror, flip] = steps[orientation];
  let image = await toRaw(fromRaw(upright).rotate(turn));
  if (mirror) image = await toRaw(fromRaw(image).flop());
  if (flip) image = await toRaw(fromRaw(image).flip());
  return image;
}

async function toRaw(image: Sharp): Promise<Raw> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels as 3 | 4, data };
}

export function encodeJpeg(raw: Raw, quality = 92): Promise<Buffer> {
  return fromRaw(raw).jpeg({ quality }).toBuffer();
}

export function encodePng(raw: Raw): Promise<Buffer> {
  return fromRaw(raw).png().toBuffer();
}

export function encodeWebp(raw: Raw, lossless = false): Promise<Buffer> {
  return fromRaw(raw).webp({ lossless, quality: 90 }).toBuffer();
}

export function encodeGif(raw: Raw): Promise<Buffer> {
  return fromRaw(raw).gif().toBuffer();
}

export function solid(width: number, height: number, colour: Rgb, alpha?: number): Raw {
  const channels = alpha === undefined ? 3 : 4;
  const data = Buffer.alloc(width * height * channels);
  for (let i = 0; i < width * height; i++) {
    data.set(alpha === undefined ? colour : [...colour, alpha], i * channels);
  }
  return { width, height, channels, data };
}

/** A JPEG segment: marker, big-endian length, payload. */
function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** Inserts segments right after the JPEG's start-of-image marker. */
export function withSegments(jpeg: Buffer, ...segments: Buffer[]): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

/** An APP1 EXIF segment holding an orientation tag and, when asked, a GPS IFD with a latitude. */
export function exifSegment(orientation: Orientation, withGps = false): Buffer {
  // Little-endian TIFF: header, IFD0 with Orientation (and a GPS pointer), then the GPS IFD.
  const entries = withGps ? 2 : 1;
  const ifd0Size = 2 + entries * 12 + 4;
  const gpsOffset = 8 + ifd0Size;
  const tiff = Buffer.alloc(gpsOffset + (withGps ? 2 + 12 + 4 + 24 : 0));
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(entries, 8);
  tiff.writeUInt16LE(0x0112, 10); // Orientation, SHORT, 1 value
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(orientation, 18);
  if (withGps) {
    tiff.writeUInt16LE(0x8825, 22); // GPS IFD pointer, LONG
    tiff.writeUInt16LE(4, 24);
    tiff.writeUInt32LE(1, 26);
    tiff.writeUInt32LE(gpsOffset, 30);
    tiff.writeUInt32LE(0, 34);
    tiff.writeUInt16LE(1, gpsOffset);
    tiff.writeUInt16LE(0x0002, gpsOffset + 2); // GPSLatitude, RATIONAL x3
    tiff.writeUInt16LE(5, gpsOffset + 4);
    tiff.writeUInt32LE(3, gpsOffset + 6);
    tiff.writeUInt32LE(gpsOffset + 18, gpsOffset + 10);
    tiff.writeUInt32LE(0, gpsOffset + 14);
    [51, 1, 30, 1, 12, 1].forEach((value, index) => tiff.writeUInt32LE(value, gpsOffset + 18 + index * 4));
  } else {
    tiff.writeUInt32LE(0, 22);
  }
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

export function xmpSegment(): Buffer {
  const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>';
  return segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmp}`, 'latin1'));
}

export function commentSegment(text: string): Buffer {
  return segment(0xfe, Buffer.from(text, 'latin1'));
}

/** The markers of a JPEG's header segments, up to the first scan (e.g. 0xe0 for JFIF, 0xe1 for EXIF/XMP). */
export function jpegMarkers(jpeg: Uint8Array): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
  }
  return markers;
}

/** Decodes with sharp (not the pipeline) to RGB pixels. */
export async function decodeReference(image: Uint8Array): Promise<Raw> {
  return toRaw(sharp(image).removeAlpha());
}

/** The average colour of a small patch centred at (x, y). */
export function colourAt(raw: Raw, x: number, y: number, radius = 3): Rgb {
  const sum = [0, 0, 0];
  let count = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.min(raw.width - 1, Math.max(0, x + dx));
      const py = Math.min(raw.height - 1, Math.max(0, y + dy));
      const i = (py * raw.width + px) * raw.channels;
      for (let c = 0; c < 3; c++) sum[c]! += raw.data[i + c]!;
      count++;
    }
  }
  return [sum[0]! / count, sum[1]! / count, sum[2]! / count];
}

/** True when two colours are within `tolerance` on every channel. */
export function near(a: Rgb, b: Rgb, tolerance = 30): boolean {
  return a.every((value, i) => Math.abs(value - b[i]!) <= tolerance);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function ihdr(width: number, height: number, bitDepth = 8, colourType = 2): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = bitDepth;
  data[9] = colourType;
  return pngChunk('IHDR', data);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Filtered RGB scanlines (filter type 0) of a solid colour, deflated. */
function solidScanlines(width: number, height: number, colour: Rgb): Buffer {
  const line = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) line.set(colour, 1 + x * 3);
  return deflateSync(Buffer.concat(Array.from({ length: height }, () => line)));
}

/** A two-frame animated PNG: the default image (first frame) in `first`, the second frame in `second`. */
export function apng(width: number, height: number, first: Rgb, second: Rgb): Buffer {
  const actl = Buffer.alloc(8);
  actl.writeUInt32BE(2, 0);
  const fctl = (sequence: number): Buffer => {
    const data = Buffer.alloc(26);
    data.writeUInt32BE(sequence, 0);
    data.writeUInt32BE(width, 4);
    data.writeUInt32BE(height, 8);
    data.writeUInt16BE(1, 20);
    data.writeUInt16BE(10, 22);
    return pngChunk('fcTL', data);
  };
  const sequence = Buffer.alloc(4);
  sequence.writeUInt32BE(2);
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    pngChunk('acTL', actl),
    fctl(0),
    pngChunk('IDAT', solidScanlines(width, height, first)),
    fctl(1),
    pngChunk('fdAT', Buffer.concat([sequence, solidScanlines(width, height, second)])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG whose header claims `width` x `height` but holds only a few bytes of data: a decompression bomb's header. */
export function forgedPngHeader(width: number, height: number): Buffer {
  return Buffer.concat([PNG_SIGNATURE, ihdr(width, height), pngChunk('IDAT', deflateSync(Buffer.alloc(64)))]);
}

// Hostile files for the decoder-size checks (decoder-dimensions.ts): each is small, passes the header check with a
// small size, and makes its decoder allocate for a much larger picture.

export interface Dimensions {
  readonly width: number;
  readonly height: number;
}

/** Offset of a JPEG's first baseline/progressive frame header (SOF0-SOF2), walking its segments. */
function sofOffset(jpeg: Buffer): number {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xc2) return at;
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  throw new Error('no frame header');
}

/** The same JPEG with its frame header naming another size (the scan is then short, which libjpeg pads). */
export function withFrameSize(jpeg: Buffer, { width, height }: Dimensions): Buffer {
  const copy = Buffer.from(jpeg);
  const sof = sofOffset(copy);
  copy.writeUInt16BE(height, sof + 5);
  copy.writeUInt16BE(width, sof + 7);
  return copy;
}

/**
 * A JPEG whose real frame is `real` while `image-size` reads a fake `fake` frame: an APP15 segment of 256 bytes
 * hides a frame header, and one extraneous byte after it (libjpeg skips it with a warning) makes `image-size`'s
 * walk slip by a byte and land on the hidden header.
 */
export function jpegWithHiddenFrame(jpeg: Buffer, real: Dimensions, fake: Dimensions): Buffer {
  const payload = Buffer.alloc(254);
  // image-size, slipped by one byte, reads the length as payload[0] and finds a marker at payload[7].
  payload[0] = 8;
  payload.set([0xff, 0xc0, 0x00, 0x11, 0x08], 7);
  payload.writeUInt16BE(fake.height, 12);
  payload.writeUInt16BE(fake.width, 14);
  const app15 = Buffer.concat([Buffer.from([0xff, 0xef, 0x01, 0x00]), payload]);
  return Buffer.concat([
    jpeg.subarray(0, 2),
    app15,
    Buffer.from([0x00]),
    withFrameSize(jpeg, real).subarray(2),
  ]);
}

/** Extraneous bytes (not a marker) inserted before the JPEG's first marker after SOI, as some cameras write. */
export function withExtraneousBytes(jpeg: Buffer, extra: Buffer, beforeMarker = 0xdb): Buffer {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== beforeMarker) {
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return Buffer.concat([jpeg.subarray(0, at), extra, jpeg.subarray(at)]);
}

/** An APPn segment with arbitrary content, e.g. an unusual APP12 "Ducky" or APP15 block. */
export function appSegment(n: number, payload: Buffer): Buffer {
  return segment(0xe0 + n, payload);
}

/**
 * A lossless WebP bitstream (`VP8L` payload) of one colour at any size: five one-symbol prefix codes, so every
 * pixel costs no bits and a 10000x10000 picture fits in a dozen bytes.
 */
export function vp8lSolid({ width, height }: Dimensions, [r, g, b]: Rgb): Buffer {
  const bits: number[] = [];
  const put = (value: number, count: number): void => {
    for (let i = 0; i < count; i++) bits.push((value >> i) & 1);
  };
  put(0x2f, 8);
  put(width - 1, 14);
  put(height - 1, 14);
  put(0, 4); // no alpha, version 0
  put(0, 3); // no transform, no colour cache, no meta prefix codes
  for (const symbol of [g, r, b, 255, 0]) {
    put(1, 1); // simple code
    put(0, 1); // one symbol
    put(1, 1); // of 8 bits
    put(symbol, 8);
  }
  const out = Buffer.alloc(Math.ceil(bits.length / 8));
  bits.forEach((bit, i) => (out[i >> 3]! |= bit << (i & 7)));
  return out;
}

function riffChunk(id: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'latin1');
  head.writeUInt32LE(payload.length, 4);
  return Buffer.concat([head, payload, Buffer.alloc(payload.length & 1)]);
}

function riffWebp(...chunks: Buffer[]): Buffer {
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

/** A still lossless WebP of one colour. */
export function webpSolid(size: Dimensions, colour: Rgb): Buffer {
  return riffWebp(riffChunk('VP8L', vp8lSolid(size, colour)));
}

/**
 * An animated WebP with one frame: a `canvas` in its `VP8X` header, a frame box of `frame` at (0, 0) in its `ANMF`
 * chunk, and a `VP8L` bitstream of `bitstream` inside it. A valid file has all three equal here.
 */
export function animatedWebp(
  canvas: Dimensions,
  frame: Dimensions,
  bitstream: Dimensions,
  colour: Rgb,
): Buffer {
  const u24 = (value: number): number[] => [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff];
  const vp8x = Buffer.from([0x02, 0, 0, 0, ...u24(canvas.width - 1), ...u24(canvas.height - 1)]);
  const anim = Buffer.from([255, 255, 255, 255, 0, 0]);
  const anmf = Buffer.concat([
    Buffer.from([...u24(0), ...u24(0), ...u24(frame.width - 1), ...u24(frame.height - 1), ...u24(100), 0]),
    riffChunk('VP8L', vp8lSolid(bitstream, colour)),
  ]);
  return riffWebp(riffChunk('VP8X', vp8x), riffChunk('ANIM', anim), riffChunk('ANMF', anmf));
}

/**
 * A GIF whose logical screen and visible first frame are `screen`, but whose application extension has a block size
 * of 3 instead of 11: the standard walk (and `image-size`) follows its sub-blocks to the `screen` frame, while omggif
 * (jimp's GIF decoder) skips a fixed 17 bytes and lands on a second image descriptor of `hidden`.
 */
export function gifWithHiddenFrame(screen: Dimensions, hidden: Dimensions): Buffer {
  const u16 = (value: number): number[] => [value & 0xff, value >> 8];
  return Buffer.from([
    ...Buffer.from('GIF89a', 'latin1'),
    ...u16(screen.width),
    ...u16(screen.height),
    0x80, // global colour table of 2 entries
    0,
    0,
    ...[0, 0, 0, 255, 255, 255],
    0x21, // extension
    0xff, // application
    0x03, // block size 3 (the standard says 11): omggif skips 17 bytes from here
    ...Buffer.from('abc', 'latin1'),
    0x00,
    0x2c, // what the standard walk finds: a `screen` frame
    ...u16(0),
    ...u16(0),
    ...u16(screen.width),
    ...u16(screen.height),
    0x00,
    0x02, // LZW minimum code size
    0x00, // omggif lands right after this byte
    0x2c, // what omggif finds: a `hidden` frame, its data a clear code and an end code
    ...u16(0),
    ...u16(0),
    ...u16(hidden.width),
    ...u16(hidden.height),
    0x00,
    0x02,
    0x01,
    0x2c,
    0x00,
    0x3b,
  ]);
}

/** A PNG with a second `IHDR` (pngjs takes the later one, `image-size` the first), then a little image data. */
export function pngWithSecondIhdr(first: Dimensions, second: Dimensions): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(first.width, first.height),
    ihdr(second.width, second.height),
    pngChunk('IDAT', solidScanlines(first.width, first.height, RED)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A still WebP with a `VP8X` header naming `canvas` in front of a `VP8L` bitstream of `bitstream`. */
export function webpStillInCanvas(canvas: Dimensions, bitstream: Dimensions, colour: Rgb): Buffer {
  const u24 = (value: number): number[] => [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff];
  const vp8x = Buffer.from([0, 0, 0, 0, ...u24(canvas.width - 1), ...u24(canvas.height - 1)]);
  return riffWebp(riffChunk('VP8X', vp8x), riffChunk('VP8L', vp8lSolid(bitstream, colour)));
}
