/**
 * Whether the photo Graph gives back is the photo that was sent. Not byte for byte: Graph re-encodes what it stores
 * (and may keep a smaller copy), so both are decoded with the pipeline's codecs, reduced to 32x32 grey by area
 * averaging, and compared by their mean absolute difference (0-255). A re-encoded copy of the same photo differs
 * by a point or two; another photo by tens (see test/photo/photo-compare.test.ts for the figures).
 *
 * Runs on the calling thread: the pictures are profile photos (at most 648 px from this app, and JPEG is decoded
 * up to 8 times smaller), a few milliseconds each. Anything undecodable counts as "not the same".
 */
import { decodeImage } from './codecs.js';
import { sniffFormat } from './image-format.js';
import { readImageHeader, type DimensionLimits } from './image-header.js';
import { areaResample } from './area-resample.js';
import { checkDecoderDimensions } from './decoder-dimensions.js';

/** Tells whether `readBack` shows the same picture as `sent`; never throws. */
export type PhotoComparer = (sent: Uint8Array, readBack: Uint8Array) => Promise<boolean>;

/** Side of the grey thumbnails compared. */
export const COMPARE_SIDE = 32;

/** Largest mean absolute difference (of 255) still taken as the same photo. */
export const DEFAULT_MAX_MEAN_DIFFERENCE = 10;

/** Graph keeps photos up to 648 px (larger uploads are scaled); anything far beyond is not a profile photo. */
const READ_BACK_LIMITS: DimensionLimits = { maxMegapixels: 50, maxSide: 20_000, minSide: 1 };

/**
 * The picture as {@link COMPARE_SIDE} x {@link COMPARE_SIDE} grey levels (row by row).
 * @throws PhotoError when it cannot be decoded
 */
export async function greyThumbnail(bytes: Uint8Array): Promise<Float64Array> {
  const format = sniffFormat(bytes);
  if (!format) throw new RangeError('not an image');
  const header = readImageHeader(bytes, format, READ_BACK_LIMITS);
  await checkDecoderDimensions(bytes, format, header, READ_BACK_LIMITS);
  const reduction = Math.max(1, Math.floor(Math.min(header.width, header.height) / (COMPARE_SIDE * 2)));
  const { image } = await decodeImage(format, bytes, reduction);
  const { width, height } = image.bitmap;
  const small = areaResample(image, { x: 0, y: 0, width, height }, COMPARE_SIDE, COMPARE_SIDE, {
    opaque: format === 'jpeg',
    orientation: header.orientation,
  });
  const { data } = small.bitmap;
  const grey = new Float64Array(small.bitmap.width * small.bitmap.height);
  for (let i = 0; i < grey.length; i++) {
    const r = data[i * 4] ?? 0;
    const g = data[i * 4 + 1] ?? 0;
    const b = data[i * 4 + 2] ?? 0;
    grey[i] = 0.299 * r + 0.587 * g + 0.114 * b;
  }
  return grey;
}

/**
 * Mean absolute difference of two grey thumbnails; `Infinity` when their sizes differ (a picture smaller than
 * {@link COMPARE_SIDE} on a side, or another shape).
 */
export function meanDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length || a.length === 0) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

/** The difference of two encoded pictures, `Infinity` when either cannot be decoded. */
export async function photoDifference(a: Uint8Array, b: Uint8Array): Promise<number> {
  try {
    const [first, second] = await Promise.all([greyThumbnail(a), greyThumbnail(b)]);
    return meanDifference(first, second);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** A {@link PhotoComparer} that takes pictures within `maxMeanDifference` of each other as the same. */
export function createPhotoComparer(maxMeanDifference = DEFAULT_MAX_MEAN_DIFFERENCE): PhotoComparer {
  return async (sent, readBack) => (await photoDifference(sent, readBack)) <= maxMeanDifference;
}
