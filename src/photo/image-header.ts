/**
 * Reads an image's dimensions (and a JPEG's EXIF orientation) from its header, before any decoding, and refuses
 * sizes the pipeline will not decode. This is what keeps a decompression bomb away from the decoders; the sizes the
 * decoders themselves will use are checked against it next (decoder-dimensions.ts).
 *
 * A JPEG is read by libjpeg's own rules (jpeg-markers.ts), not by `image-size`: `image-size` gives up on, or slips
 * over, extraneous bytes before a marker that libjpeg and the browsers skip, so it both refused good photos and
 * could be shown a different frame from the one libjpeg decodes.
 */
import { GIF } from 'image-size/types/gif';
import { HEIF } from 'image-size/types/heif';
import type { IImage, ISizeCalculationResult } from 'image-size/types/interface';
import { PNG } from 'image-size/types/png';
import { WEBP } from 'image-size/types/webp';
import { PhotoError } from '../errors.js';
import type { SourceFormat } from './image-format.js';
import { jpegFrameSize, jpegOrientation } from './jpeg-markers.js';
import type { Orientation } from './orientation.js';

/** Size limits checked against the header. */
export interface DimensionLimits {
  /** Largest picture accepted, in megapixels (default 50). */
  readonly maxMegapixels: number;
  /** Longest side accepted, in pixels (default 20000). */
  readonly maxSide: number;
  /** Shortest side accepted, in pixels (default 96). */
  readonly minSide: number;
}

export const DEFAULT_DIMENSION_LIMITS: DimensionLimits = { maxMegapixels: 50, maxSide: 20_000, minSide: 96 };

/** What the header says about the stored picture. */
export interface ImageHeader {
  /** Stored width, before EXIF orientation. */
  readonly width: number;
  /** Stored height, before EXIF orientation. */
  readonly height: number;
  /** EXIF orientation of a JPEG (1 when absent or for other formats, whose decoders apply their own). */
  readonly orientation: Orientation;
}

/**
 * @throws PhotoError `CorruptImage` when the header cannot be read, `ImageDimensionsTooLarge` or `ImageTooSmall`
 */
export function readImageHeader(
  bytes: Uint8Array,
  format: SourceFormat,
  limits: DimensionLimits = DEFAULT_DIMENSION_LIMITS,
): ImageHeader {
  if (format === 'jpeg') {
    const frame = jpegFrameSize(bytes);
    if (!frame) throw new PhotoError('CorruptImage', 'jpeg has no frame header before its scan');
    // A height of 0 defers it to a DNL marker, which libjpeg does not support: the file cannot be decoded.
    if (!frame.width || !frame.height) throw new PhotoError('CorruptImage', 'jpeg frame has no size');
    checkDimensions(frame.width, frame.height, limits);
    return { ...frame, orientation: jpegOrientation(bytes) };
  }
  let size: ISizeCalculationResult;
  try {
    size = headerSize(bytes, format);
  } catch (cause) {
    throw new PhotoError('CorruptImage', `unreadable ${format} header`, { cause });
  }
  const { width, height } = size;
  if (!width || !height) throw new PhotoError('CorruptImage', `${format} header has no size`);
  checkDimensions(width, height, limits);
  if (format === 'gif') {
    // A GIF frame may be larger than the logical screen the header names, and the decoder sizes its buffer by the
    // frame: check the first frame too.
    const frame = firstGifFrameSize(bytes);
    if (!frame) throw new PhotoError('CorruptImage', 'gif has no image');
    checkDimensions(Math.max(frame.width, width), Math.max(frame.height, height), limits);
  }
  return { width, height, orientation: 1 };
}

/**
 * `image-size`'s reader for each format other than JPEG, imported one by one: its index loads readers for twenty
 * formats (26 modules, about 20 ms at every start) to detect a format that is already known here.
 */
const HEADER_READERS: Readonly<Record<Exclude<SourceFormat, 'jpeg'>, IImage>> = {
  png: PNG,
  gif: GIF,
  webp: WEBP,
  heic: HEIF,
};

/** The size `image-size` reads, as its `imageSize` gives it: the largest picture when the file holds several. */
function headerSize(bytes: Uint8Array, format: Exclude<SourceFormat, 'jpeg'>): ISizeCalculationResult {
  const reader = HEADER_READERS[format];
  if (!reader.validate(bytes)) throw new TypeError(`not a ${format} header`);
  const size = reader.calculate(bytes);
  const [first, ...others] = size.images ?? [];
  if (!first || others.length === 0) return size;
  const largest = others.reduce(
    (best, image) => (image.width * image.height > best.width * best.height ? image : best),
    first,
  );
  return { ...size, width: largest.width, height: largest.height };
}

function checkDimensions(width: number, height: number, limits: DimensionLimits): void {
  if (
    width > limits.maxSide ||
    height > limits.maxSide ||
    width * height > limits.maxMegapixels * 1_000_000
  ) {
    throw new PhotoError('ImageDimensionsTooLarge', `${width}x${height}`);
  }
  if (Math.min(width, height) < limits.minSide) {
    throw new PhotoError('ImageTooSmall', `${width}x${height}`);
  }
}

/** Walks the GIF blocks up to the first image descriptor and returns its size. */
function firstGifFrameSize(bytes: Uint8Array): { width: number; height: number } | null {
  const u16 = (at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  const packed = bytes[10] ?? 0;
  let at = 13 + (packed & 0x80 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);
  while (at < bytes.length) {
    const introducer = bytes[at];
    if (introducer === 0x2c) {
      if (at + 10 > bytes.length) return null;
      return { width: u16(at + 5), height: u16(at + 7) };
    }
    if (introducer !== 0x21) return null;
    at += 2; // extension introducer and label, then data sub-blocks up to a zero-length one
    while (at < bytes.length && bytes[at] !== 0) at += (bytes[at] ?? 0) + 1;
    at += 1;
  }
  return null;
}
