/**
 * The size each decoder will actually decode, read before any pixel buffer exists.
 *
 * `readImageHeader` reads sizes with `image-size`, but each decoder then parses the file its own way, and a file
 * can be built so that the two disagree: fill bytes before a JPEG marker that `image-size` walks differently from
 * libjpeg, an animated WebP frame far larger than its canvas, a GIF application extension that the GIF decoder
 * skips by a different amount than the standard does, a second PNG `IHDR`. Each check here reads the size the way
 * the decoder that will run reads it (libjpeg's marker reader and libjpeg-turbo's own header read, the frame's own
 * VP8/VP8L header, omggif's own frame table, pngjs's chunk order, libheif's image size) and refuses when it breaks
 * the limits or disagrees with the header that was checked.
 */
import type { GifReader } from 'omggif';
import { PhotoError } from '../errors.js';
import type { DimensionLimits } from './image-header.js';
import type { SourceFormat } from './image-format.js';
import { readJpegSize } from './jpeg-turbo.js';
import { webpBitstreamSize } from './webp-first-frame.js';

/** A width and a height in pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Refuses an image whose decoder would decode something other than what the header check passed.
 * @throws PhotoError `ImageDimensionsTooLarge` or `ImageTooSmall` when the decoder's own size breaks the limits,
 *   `CorruptImage` when it disagrees with the header or the decoder could not even read it
 */
export async function checkDecoderDimensions(
  bytes: Uint8Array,
  format: SourceFormat,
  header: Size,
  limits: DimensionLimits,
): Promise<void> {
  switch (format) {
    case 'jpeg': {
      // The header was read by libjpeg's rules already (jpeg-markers.ts), which mozjpeg, the fallback, follows
      // too; libjpeg-turbo's own header read is the last word on what it will decode. It is null when
      // libjpeg-turbo cannot read the header, and the file then goes to mozjpeg (bound in codecs.ts).
      const turbo = await readJpegSize(bytes);
      if (turbo) agree('libjpeg-turbo', turbo, header, limits);
      return;
    }
    case 'png':
      for (const ihdr of pngHeaderSizes(bytes)) agree('png IHDR', ihdr, header, limits);
      return;
    case 'gif': {
      const frame = await gifFirstFrameSize(bytes);
      // A first frame larger than the logical screen is drawn into the screen and cropped, as browsers do; what
      // matters is that the decoder's buffer for the frame stays within the limits.
      withinLimits('gif first frame', frame, limits);
      return;
    }
    case 'webp': {
      // A still's bitstream must match its VP8X canvas, which libwebp checks itself before allocating.
      const { canvas, frame, bitstream } = webpBitstreamSize(bytes);
      withinLimits('webp bitstream', bitstream, limits);
      if (frame) {
        if (!sameSize(bitstream, frame)) {
          throw new PhotoError('CorruptImage', `webp frame ${describe(frame)} holds ${describe(bitstream)}`);
        }
        if (frame.right > canvas.width || frame.bottom > canvas.height) {
          throw new PhotoError('CorruptImage', `webp frame reaches past its ${describe(canvas)} canvas`);
        }
      }
      return;
    }
    case 'heic': {
      const image = await heicImageSize(bytes);
      withinLimits('libheif', image, limits);
      // libheif applies the file's rotation and crop, so its size may be the header's turned or smaller, never
      // more pixels.
      if (
        image.width * image.height > header.width * header.height ||
        Math.max(image.width, image.height) > Math.max(header.width, header.height)
      ) {
        throw new PhotoError('CorruptImage', `heic header ${describe(header)}, image ${describe(image)}`);
      }
      return;
    }
  }
}

function describe({ width, height }: Size): string {
  return `${width}x${height}`;
}

function sameSize(a: Size, b: Size): boolean {
  return a.width === b.width && a.height === b.height;
}

/** The limits first (the more useful answer for a person), then agreement with the header. */
function agree(what: string, size: Size, header: Size, limits: DimensionLimits): void {
  withinLimits(what, size, limits);
  if (!sameSize(size, header)) {
    throw new PhotoError('CorruptImage', `header says ${describe(header)}, ${what} ${describe(size)}`);
  }
}

/**
 * The same rule as the header check, on the decoder's own size.
 * @throws PhotoError `ImageDimensionsTooLarge` or `ImageTooSmall`
 */
export function withinLimits(what: string, { width, height }: Size, limits: DimensionLimits): void {
  if (
    width > limits.maxSide ||
    height > limits.maxSide ||
    width * height > limits.maxMegapixels * 1_000_000
  ) {
    throw new PhotoError('ImageDimensionsTooLarge', `${what} ${width}x${height}`);
  }
  if (Math.min(width, height) < limits.minSide) {
    throw new PhotoError('ImageTooSmall', `${what} ${width}x${height}`);
  }
}

function u32be(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

/**
 * Every `IHDR` pngjs would read before the image data. pngjs wants `IHDR` first and takes each later one as the new
 * size, while `image-size` reads only the first.
 * @throws PhotoError `CorruptImage` when the first chunk is not `IHDR`
 */
export function pngHeaderSizes(bytes: Uint8Array): Size[] {
  const sizes: Size[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = u32be(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (sizes.length === 0 && type !== 'IHDR')
      throw new PhotoError('CorruptImage', 'png does not start with IHDR');
    if (type === 'IDAT' || type === 'IEND') break;
    if (type === 'IHDR') sizes.push({ width: u32be(bytes, at + 8), height: u32be(bytes, at + 12) });
    at += 12 + length;
  }
  if (sizes.length === 0) throw new PhotoError('CorruptImage', 'png has no IHDR');
  return sizes;
}

/**
 * The first frame's size as omggif, the GIF decoder jimp uses, finds it: its reader walks the blocks once (no pixel
 * is decoded) and skips some extensions by a fixed amount rather than by their sub-block sizes, so its frame table
 * is the only reliable account of what it will decode.
 * @throws PhotoError `CorruptImage` when omggif cannot read the blocks or finds no frame
 */
export async function gifFirstFrameSize(bytes: Uint8Array): Promise<Size> {
  // Loaded on first use, as the codecs are: only a GIF needs it.
  const { default: omggif } = await import('omggif');
  let reader: GifReader;
  try {
    reader = new omggif.GifReader(bytes);
  } catch (cause) {
    throw new PhotoError('CorruptImage', 'gif blocks unreadable', { cause });
  }
  if (reader.numFrames() === 0) throw new PhotoError('CorruptImage', 'gif has no image');
  const { width, height } = reader.frameInfo(0);
  return { width, height };
}

/** heic-decode's lazy form: sizes first, pixels only on request. */
interface HeicImages extends Array<Size> {
  dispose(): void;
}

/**
 * The size libheif gives the image heic-decode decodes (the first top-level image), with grids assembled and the
 * file's rotation and crop applied; nothing is decoded.
 * @throws PhotoError `CorruptImage` when libheif cannot read the file or it holds no image
 */
export async function heicImageSize(bytes: Uint8Array): Promise<Size> {
  // libheif is large and only HEIC needs it: load it on first use. `all` is heic-decode's lazy form, which the
  // shared typings leave out.
  const { default: heicDecode } = await import('heic-decode');
  const { all } = heicDecode as unknown as { all: (input: { buffer: Uint8Array }) => Promise<HeicImages> };
  let images: HeicImages;
  try {
    images = await all({ buffer: bytes });
  } catch (cause) {
    throw new PhotoError('CorruptImage', 'heic unreadable', { cause });
  }
  try {
    const first = images[0];
    if (!first) throw new PhotoError('CorruptImage', 'heic has no image');
    return { width: first.width, height: first.height };
  } finally {
    images.dispose();
  }
}
