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
