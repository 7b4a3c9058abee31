/**
 * The photo pipeline: whatever image a person sends in, a profile-photo JPEG out (upright, square, centred on
 * the subject, flattened onto white, metadata stripped, at most 648x648, well under Graph's 4 MiB limit).
 *
 * Pure: no network, no chat, no HTTP. Cheap checks come first (bytes, magic bytes, header dimensions), so a
 * refused input never reaches a decoder. The decoded picture is read at full size only by the area resampler
 * (a rough small copy to choose the square, then the square itself, straight to the output size and already
 * turned upright); only that small result is encoded.
 */
import { PhotoError } from '../errors.js';
import { areaResample } from './area-resample.js';
import { decodeImage, encodeJpeg, releaseDecoded } from './codecs.js';
import { measurePhoto, type PhotoMeasures } from './photo-measures.js';
import { facesAtSourceScale, startFaceAnalysis, type FaceAnalysis } from './face-analysis.js';
import { givePixels } from './pixel-buffers.js';
import { faceSquare } from './face-crop.js';
import type { FaceBox } from './face-detector.js';
import { checkDecoderDimensions } from './decoder-dimensions.js';
import type { JimpImage } from './jimp-image.js';
import { sniffFormat, type SourceFormat } from './image-format.js';
import { DEFAULT_DIMENSION_LIMITS, readImageHeader, type DimensionLimits } from './image-header.js';
import {
  storedBoxToUpright,
  uprightBoxToStored,
  uprightSize,
  type Box,
  type Orientation,
} from './orientation.js';
import { MAX_OUTPUT_SIZE, MIN_OUTPUT_SIZE } from './output-size.js';
import { ANALYSIS_SIDE, centerSquare, salientSquare, type CropMethod, type Square } from './square-crop.js';

export type { FaceBox } from './face-detector.js';
export { MAX_OUTPUT_SIZE, MIN_OUTPUT_SIZE } from './output-size.js';

/** Graph's request body limit for a photo, which the output always stays under. */
export const GRAPH_PHOTO_MAX_BYTES = 4 * 1024 * 1024;
/** Default cap on the input, in bytes. */
export const DEFAULT_MAX_INPUT_BYTES = 25 * 1024 * 1024;

/** The output's JPEG quality (IJG scale of the standard tables): profile photos look right at 85-90. */
export const OUTPUT_QUALITY = 88;
/** Lower qualities tried in turn should an output ever come out too large for Graph. */
export const FALLBACK_QUALITIES: readonly number[] = [75, 60, 40];

/** Which square to keep: chosen by the pipeline, the centre, or a box in the upright picture's pixels. */
export type CropRequest = 'auto' | 'center' | Box;

export interface PrepareOptions {
  /** Largest input accepted, in bytes (default 25 MiB). */
  readonly maxInputBytes?: number;
  /** Output side in pixels, 96-648 (default 648); a smaller source keeps its size, it is never upscaled. */
  readonly size?: number;
  /** Default `auto`. */
  readonly crop?: CropRequest;
  /** Header limits (defaults: 50 MP, 20000 px a side, 96 px the shortest side). */
  readonly limits?: DimensionLimits;
  /**
   * The output must be smaller than this many bytes, or it is encoded again at the fallback qualities (default
   * Graph's 4 MiB). A 648x648 JPEG never comes near that; tests lower it to see the fallback work.
   */
  readonly maxOutputBytes?: number;
  /**
   * Look for faces. Default: yes for `auto` (the square is then framed on them) and for an explicit box (so a
   * caller can count the faces in the square it chose); no for `center`, which previews use and must stay fast.
   */
  readonly detectFaces?: boolean;
}

/** A prepared photo but for the faces found. */
type Rendered = Omit<PreparedPhoto, 'faces' | 'facesLookedFor'>;

/** The square that was kept, in the upright source picture's pixels. */
export interface CropBox extends Box {
  readonly method: CropMethod;
}

export interface PreparedPhoto {
  /** The profile photo: a baseline JPEG with no metadata. */
  readonly jpeg: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** `jpeg.byteLength`. */
  readonly bytes: number;
  /** The JPEG quality it was encoded at: {@link OUTPUT_QUALITY}, or a fallback when that came out too large. */
  readonly quality: number;
  readonly sourceFormat: SourceFormat;
  /** The source picture's size once stood upright: the space {@link PreparedPhoto.crop} (and a crop box) lies in. */
  readonly source: { readonly width: number; readonly height: number };
  readonly crop: CropBox;
  /**
   * Every face found, in the upright source picture's pixels (the space of {@link PreparedPhoto.crop}), the most
   * confident first; empty when faces were not looked for (`center`) or the detector could not run.
   */
  readonly faces: readonly FaceBox[];
  /** Brightness, sharpness, flat share and kept side, for the quality checks (photo-measures.ts). */
  readonly measures: PhotoMeasures;
  /**
   * Whether faces were looked for and the detector ran: `faces` is then every face found (maybe none); `false` when
   * not asked (`center`, `detectFaces: false`) or the detector could not run, so an empty `faces` says nothing.
   */
  readonly facesLookedFor: boolean;
}

/**
 * Turns an image into a profile photo.
 * @throws PhotoError with code `ImageTooLarge`, `UnsupportedImage`, `ImageDimensionsTooLarge`, `ImageTooSmall`,
 *   `CorruptImage` or `InvalidCropBox`
 */
export async function preparePhoto(input: Uint8Array, options: PrepareOptions = {}): Promise<PreparedPhoto> {
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const size = options.size ?? MAX_OUTPUT_SIZE;
  if (!Number.isInteger(size) || size < MIN_OUTPUT_SIZE || size > MAX_OUTPUT_SIZE) {
    throw new RangeError(`size must be a whole number from ${MIN_OUTPUT_SIZE} to ${MAX_OUTPUT_SIZE}`);
  }
  const limits = options.limits ?? DEFAULT_DIMENSION_LIMITS;
  const request = options.crop ?? 'auto';

  if (input.byteLength > maxInputBytes) {
    throw new PhotoError('ImageTooLarge', `${input.byteLength} bytes, limit ${maxInputBytes}`);
  }
  const format = sniffFormat(input);
  if (!format) throw new PhotoError('UnsupportedImage', 'not JPEG, PNG, GIF, WebP or HEIC');
  const header = readImageHeader(input, format, limits);
  // The size each decoder will itself decode, before any of them allocates (see decoder-dimensions.ts).
  await checkDecoderDimensions(input, format, header, limits);
  const upright = uprightSize(header.width, header.height, header.orientation);
  const explicit = typeof request === 'object' ? checkCropBox(request, upright, limits.minSide) : null;

  // The side of the square that will be kept, in stored pixels: a JPEG may be decoded that many times smaller as
  // long as the square still has the output size.
  const keptSide = explicit ? explicit.width : Math.min(header.width, header.height);
  const first = await decodeImage(format, input, keptSide / size);
  // Each decoded picture's pixels go back to this thread's spare buffer when the job is done (pixel-buffers.ts).
  const decodes = [first];
  let analysis: FaceAnalysis | null = null;
  try {
    let { image: decoded, reduction } = first;
    const { orientation } = header;
    const opaque = format === 'jpeg';
    // Decoders return the size the header promised; should one disagree, its own size is the truth.
    const full =
      reduction === 1
        ? { width: decoded.bitmap.width, height: decoded.bitmap.height }
        : { width: header.width, height: header.height };
    const source = uprightSize(full.width, full.height, orientation);

    const maxOutputBytes = options.maxOutputBytes ?? GRAPH_PHOTO_MAX_BYTES;
    /** The photo cut from `square` (decoded pixels) and what is known of it but the faces. */
    const render = (square: Square, given: Box | null, method: CropMethod): Rendered => {
      // One pass over the kept square averages it down to the output size and writes it already turned upright.
      const outSide = Math.min(size, given ? given.width : Math.min(full.width, full.height));
      const region = { x: square.x, y: square.y, width: square.side, height: square.side };
      const photo = areaResample(decoded, region, outSide, outSide, { opaque, orientation });
      const { jpeg, quality } = encodeUnderLimit(photo, maxOutputBytes);
      const crop: CropBox = { ...(given ?? uprightSquare(square, reduction, full, orientation)), method };
      const measures = measurePhoto(photo, crop.width);
      givePixels(photo.bitmap.data);
      return {
        jpeg,
        width: outSide,
        height: outSide,
        bytes: jpeg.byteLength,
        quality,
        sourceFormat: format,
        source,
        crop,
        measures,
      };
    };

    const wantsFaces = options.detectFaces ?? request !== 'center';
    analysis = wantsFaces ? startFaceAnalysis(decoded, opaque, orientation) : null;
    // The photo as it is when no face frames it: cut on the salient square (the centre for a square picture, or
    // for `center`). For `auto` it is made while the face thread looks, on this thread's otherwise idle time, and
    // kept unless a face is found; an explicit box needs none.
    let fallback: Rendered | null = null;
    if (!explicit) {
      const salient =
        request === 'center' || full.width === full.height
          ? null
          : analysis
            ? await salientSquareFromCopy(analysis.copy, decoded, orientation)
            : await salientSquareOf(decoded, opaque);
      fallback = salient
        ? render(salient, null, 'salient')
        : render(centerSquare(decoded.bitmap.width, decoded.bitmap.height), null, 'center');
    }
    // null when not looked for or the detector could not run.
    const found = analysis ? await analysis.faces : null;
    const faces = found ? facesAtSourceScale(found, reduction, source) : [];
    // The face square, in the upright source's pixels: at least the output size, so the photo is never enlarged.
    const minSide = Math.min(size, source.width, source.height);
    const framed =
      !explicit && request === 'auto' ? faceSquare(faces, source.width, source.height, minSide) : null;
    const given = explicit ?? framed?.box ?? null;
    const facesLookedFor = found !== null;
    if (!given) {
      // Without an explicit box the fallback was made above.
      if (!fallback) throw new Error('no square to cut');
      return { ...fallback, faces, facesLookedFor };
    }

    if (framed && framed.box.width / size < reduction) {
      // A square smaller than the decode allowed for: decode again, less reduced, so it still has the output size.
      // Only photos framed on a face pay for this; the others keep the cheaper decode.
      const again = await decodeImage(format, input, framed.box.width / size);
      decodes.push(again);
      ({ image: decoded, reduction } = again);
    }
    const square = decodedSquare(
      uprightBoxToStored(given, full.width, full.height, orientation),
      reduction,
      decoded.bitmap,
    );
    return { ...render(square, given, explicit ? 'explicit' : 'face'), faces, facesLookedFor };
  } finally {
    for (const decode of decodes) releaseDecoded(decode);
    if (analysis) givePixels(analysis.copy.bitmap.data);
  }
}

/** Scores a small copy of the stored picture and returns the chosen square in the stored picture's pixels. */
async function salientSquareOf(image: JimpImage, opaque: boolean): Promise<Square> {
  const { width, height } = image.bitmap;
  const side = Math.min(width, height);
  const scale = Math.min(1, ANALYSIS_SIDE / side);
  // A rough average of every few pixels is enough to score: reading every pixel would cost more than the scoring.
  // Each analysis pixel still averages at least 2x2 of the pixels read.
  const step = Math.max(1, Math.floor(1 / scale / 2));
  const small = areaResample(
    image,
    { x: 0, y: 0, width, height },
    Math.max(1, Math.round(width * scale)),
    Math.max(1, Math.round(height * scale)),
    { opaque, step },
  );
  const chosen = await salientSquare(small);
  givePixels(small.bitmap.data); // only its size is read below
  return {
    x: place(chosen.x, width / small.bitmap.width, width - side),
    y: place(chosen.y, height / small.bitmap.height, height - side),
    side,
  };
}

/**
 * The salient square from the face detector's small upright copy of the picture, in the stored decoded picture's
 * pixels: the copy is scaled down to smartcrop's size (a cheap pass over a small picture) instead of reading the
 * whole decoded picture a second time. The scores do not depend on which way the picture is turned.
 */
async function salientSquareFromCopy(
  copy: JimpImage,
  decoded: JimpImage,
  orientation: Orientation,
): Promise<Square> {
  const { width, height } = copy.bitmap;
  const scale = Math.min(1, ANALYSIS_SIDE / Math.min(width, height));
  const small =
    scale === 1
      ? copy
      : areaResample(
          copy,
          { x: 0, y: 0, width, height },
          Math.max(1, Math.round(width * scale)),
          Math.max(1, Math.round(height * scale)),
          { opaque: true },
        );
  const chosen = await salientSquare(small);
  if (small !== copy) givePixels(small.bitmap.data);
  const stored = { width: decoded.bitmap.width, height: decoded.bitmap.height };
  const upright = uprightSize(stored.width, stored.height, orientation);
  const side = Math.min(upright.width, upright.height);
  const box = {
    x: place(chosen.x, upright.width / small.bitmap.width, upright.width - side),
    y: place(chosen.y, upright.height / small.bitmap.height, upright.height - side),
    width: side,
    height: side,
  };
  const turned = uprightBoxToStored(box, stored.width, stored.height, orientation);
  return { x: turned.x, y: turned.y, side };
}

/**
 * A square of the stored picture in the decoded picture's pixels (`reduction` times smaller, maybe a fraction such
 * as 8/5), kept inside the decoded picture whatever the rounding.
 */
function decodedSquare(box: Box, reduction: number, decoded: { width: number; height: number }): Square {
  // The small epsilon keeps 8/5 x 5 from rounding to 7.999...
  const shrink = (value: number): number => Math.floor(value / reduction + 1e-9);
  const side = Math.min(shrink(box.width), decoded.width, decoded.height);
  return {
    x: Math.min(shrink(box.x), decoded.width - side),
    y: Math.min(shrink(box.y), decoded.height - side),
    side,
  };
}

/** An offset scaled by `ratio` to whole pixels of a larger picture, kept within `0..room`. */
function place(offset: number, ratio: number, room: number): number {
  return Math.min(Math.max(0, Math.round(offset * ratio)), room);
}

/** Where a square of the decoded picture lies in the upright source, in its full-size pixels. */
function uprightSquare(
  square: Square,
  reduction: number,
  full: { width: number; height: number },
  orientation: Orientation,
): Box {
  const side = Math.min(full.width, full.height);
  const stored = {
    x: place(square.x, reduction, full.width - side),
    y: place(square.y, reduction, full.height - side),
    width: side,
    height: side,
  };
  const upright = uprightSize(full.width, full.height, orientation);
  return storedBoxToUpright(stored, upright.width, upright.height, orientation);
}

function checkCropBox(box: Box, upright: { width: number; height: number }, minSide: number): Box {
  const { x, y, width, height } = box;
  const whole = [x, y, width, height].every(Number.isInteger);
  if (
    !whole ||
    width !== height ||
    x < 0 ||
    y < 0 ||
    x + width > upright.width ||
    y + height > upright.height
  ) {
    throw new PhotoError(
      'InvalidCropBox',
      `${x},${y},${width},${height} in ${upright.width}x${upright.height}`,
    );
  }
  if (width < minSide) throw new PhotoError('InvalidCropBox', `crop side ${width} is under ${minSide}`);
  return box;
}

/**
 * Encodes at {@link OUTPUT_QUALITY}, then at each fallback quality in turn while the result is not under
 * `maxBytes`; the last try stands even if still too large (the Graph client refuses it before sending).
 */
export function encodeUnderLimit(image: JimpImage, maxBytes: number): { jpeg: Uint8Array; quality: number } {
  let quality = OUTPUT_QUALITY;
  let jpeg = encodeJpeg(image, { quality });
  for (const fallback of FALLBACK_QUALITIES) {
    if (jpeg.byteLength < maxBytes) break;
    quality = fallback;
    jpeg = encodeJpeg(image, { quality });
  }
  return { jpeg, quality };
}
