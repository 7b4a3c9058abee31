/**
 * Decoders and the encoder behind the pipeline. Every decoder hands back RGBA pixels in jimp's bitmap shape (see
 * jimp-image.ts). PNG and GIF go through jimp's own formats; JPEG uses libjpeg-turbo at reduced scale (see
 * jpeg-turbo.ts), WebP a WebAssembly build of libwebp, HEIC libheif (WebAssembly builds are many times faster than
 * JavaScript codecs here, see ../shared/docs/performance-notes.md and bench/). The output JPEG is written by
 * jpeg-encoder.ts.
 *
 * Each codec's library is imported on first use, so a process that decodes one format loads only that format's
 * codec: `profile-photo prepare` starts in a fraction of the time it took when every codec loaded up front. The
 * WebAssembly modules are compiled from the files in node_modules (their default loaders would fetch them, which
 * fails in Node) once per thread, on first use.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PhotoError } from '../errors.js';
import type { SourceFormat } from './image-format.js';
import { jimpFromRgba, jimpOverPixels, type JimpImage } from './jimp-image.js';
import { givePixels } from './pixel-buffers.js';
import { encodeBaselineJpeg } from './jpeg-encoder.js';
import { withinLimits } from './decoder-dimensions.js';
import { DEFAULT_DIMENSION_LIMITS } from './image-header.js';
import { jpegFrameSize } from './jpeg-markers.js';
import { decodeJpegScaled } from './jpeg-turbo.js';
import { withMemoryMaximum } from './wasm-memory.js';
import { firstWebpFrame, isAnimatedWebp } from './webp-first-frame.js';

const require = createRequire(import.meta.url);

/**
 * A WebAssembly codec whose instance is created on first use and created anew after a failure: an Emscripten
 * module that aborted on bad input is not safe to call again.
 */
class WasmCodec {
  private ready: Promise<void> | undefined;
  private compiled: Promise<WebAssembly.Module> | undefined;

  constructor(
    private readonly wasmPath: string,
    private readonly init: (module: WebAssembly.Module, overrides: object) => Promise<void>,
  ) {}

  async use<T>(call: () => Promise<T>): Promise<T> {
    // With the thread's memory ceiling in place of the module's own 2 GiB (see wasm-memory.ts).
    this.compiled ??= readFile(require.resolve(this.wasmPath)).then((bytes) =>
      WebAssembly.compile(withMemoryMaximum(bytes)),
    );
    // The codecs report warnings (such as a truncated file) on stderr; the pipeline checks for those itself.
    this.ready ??= this.compiled.then((module) => this.init(module, { print: ignore, printErr: ignore }));
    await this.ready;
    try {
      return await call();
    } catch (error) {
      this.ready = undefined;
      throw error;
    }
  }
}

function ignore(): void {
  // Deliberately empty: see WasmCodec.use.
}

type InitWithModule = (module: WebAssembly.Module, overrides: object) => Promise<void>;
/** The jSquash typings omit the `init(module, overrides)` form that their code supports and that Node needs. */
const withModule = (init: unknown): InitWithModule => init as InitWithModule;

/** A module imported on its first use and kept: the codecs' libraries load only for the formats a process meets. */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

const mozjpegLibrary = onFirstUse(() => import('@jsquash/jpeg/decode.js'));
const webpLibrary = onFirstUse(() => import('@jsquash/webp/decode.js'));
const jpegJsLibrary = onFirstUse(async () => (await import('jpeg-js')).default);
// jimp's own PNG and GIF formats (their decoders: pngjs, omggif), without jimp itself.
const pngFormat = onFirstUse(async () => (await import('@jimp/js-png')).default());
const gifFormat = onFirstUse(async () => (await import('@jimp/js-gif')).default());

const mozjpegDecode = new WasmCodec('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm', async (module, overrides) =>
  withModule((await mozjpegLibrary()).init)(module, overrides),
);
const webpDecode = new WasmCodec('@jsquash/webp/codec/dec/webp_dec.wasm', async (module, overrides) =>
  withModule((await webpLibrary()).init)(module, overrides),
);

/**
 * jpeg-js's own guards for the rare files mozjpeg cannot convert (CMYK and YCCK): it parses the file itself, so it
 * checks the frame it finds against the pipeline's largest limit before allocating.
 */
const JPEG_JS_LIMITS = {
  maxResolutionInMP: DEFAULT_DIMENSION_LIMITS.maxMegapixels,
  maxMemoryUsageInMB: 1024,
};

/** Decoded RGBA pixels before they become a Jimp image. */
interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

function toJimp({ width, height, data }: Rgba): JimpImage {
  return jimpFromRgba(width, height, data);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Copies the bytes into a fresh ArrayBuffer of their own, as the WebAssembly decoders take one. */
function ownArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/**
 * JPEG: libjpeg-turbo at reduced scale where the caller allows it; mozjpeg at full size should libjpeg-turbo
 * refuse a file; jpeg-js for four-channel (CMYK/YCCK) files, which neither WebAssembly build converts.
 */
async function decodeJpeg(bytes: Uint8Array, maxReduction: number): Promise<Decoded> {
  if (isCmykJpeg(bytes)) {
    let pixels: Rgba;
    try {
      pixels = (await jpegJsLibrary()).decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        ...JPEG_JS_LIMITS,
      });
    } catch (error) {
      // jpeg-js names its own limits in its message; anything else it throws is a broken file.
      if (error instanceof Error && /maxResolutionInMP|maxMemoryUsageInMB/.test(error.message)) {
        throw new PhotoError('ImageDimensionsTooLarge', 'jpeg-js limit', { cause: error });
      }
      throw error;
    }
    return { image: toJimp(pixels), reduction: 1 };
  }
  try {
    const { reduction, width, height, data } = await decodeJpegScaled(bytes, maxReduction);
    return { image: jimpOverPixels(width, height, data), reduction };
  } catch (error) {
    // A size limit or memory: mozjpeg would hit the same.
    if (error instanceof PhotoError) throw error;
    // mozjpeg reads the header by libjpeg's rules too: check that reading before it allocates anything.
    const frame = jpegFrameSize(bytes);
    if (!frame) throw new PhotoError('CorruptImage', 'jpeg has no frame header');
    withinLimits('mozjpeg', frame, DEFAULT_DIMENSION_LIMITS);
    // `preserveOrientation: false` keeps the stored pixels as they are (`true` turns them by the EXIF orientation):
    // the pipeline turns the picture once it is small.
    const pixels = await mozjpegDecode.use(async () =>
      (await mozjpegLibrary()).default(ownArrayBuffer(bytes), { preserveOrientation: false }),
    );
    return { image: toJimp(pixels), reduction: 1 };
  }
}

async function decodeHeic(bytes: Uint8Array): Promise<Rgba> {
  // libheif is large and only HEIC needs it: load it on first use.
  const { default: heicDecode } = await import('heic-decode');
  return heicDecode({ buffer: bytes });
}

/** A decoded picture and how much smaller than stored it was decoded. */
export interface Decoded {
  /** The stored picture's pixels (EXIF orientation not applied), possibly reduced. */
  readonly image: JimpImage;
  /** The stored picture is `reduction` times the decoded one on each side (8/M for M = 1-6 or 8; 1 unless JPEG). */
  readonly reduction: number;
}

/**
 * Decodes an image whose format and dimensions were already checked.
 * @param maxReduction how many times smaller than stored the picture may be decoded, when the decoder can do that
 *   cheaply (JPEG); others decode at full size
 * @throws PhotoError `CorruptImage` when the data cannot be decoded
 */
export async function decodeImage(
  format: SourceFormat,
  bytes: Uint8Array,
  maxReduction = 1,
): Promise<Decoded> {
  if (format === 'jpeg' && !hasEndOfImage(bytes)) throw new PhotoError('CorruptImage', 'jpeg is truncated');
  try {
    switch (format) {
      case 'jpeg':
        return await decodeJpeg(bytes, maxReduction);
      case 'webp': {
        // libwebp's still decoder refuses animations: take the first frame, as for GIF and APNG.
        const still = isAnimatedWebp(bytes) ? firstWebpFrame(bytes) : bytes;
        if (!still) throw new Error('animated WebP without a readable frame');
        return whole(await webpDecode.use(async () => (await webpLibrary()).default(ownArrayBuffer(still))));
      }
      case 'heic':
        return whole(await decodeHeic(bytes));
      // jimp's own PNG and GIF formats, called directly: the format is already known, and jimp's sniffing would
      // name an animated PNG `image/apng` and refuse it. Both give the first frame of an animation.
      case 'png': {
        // 8-bit RGB(A), the screenshots people send, on the fast path; everything else through pngjs.
        const maxPixels = DEFAULT_DIMENSION_LIMITS.maxMegapixels * 1e6;
        const { decodeSimplePng } = await import('./png-decoder.js'); // with its inflate (fflate, 90 KB)
        const simple = decodeSimplePng(bytes, maxPixels);
        if (simple) return { image: jimpOverPixels(simple.width, simple.height, simple.data), reduction: 1 };
        return whole((await pngFormat()).decode(asBuffer(bytes)));
      }
      case 'gif':
        return whole((await gifFormat()).decode(asBuffer(bytes)));
    }
  } catch (cause) {
    if (cause instanceof PhotoError) throw cause; // a decoder's own size check or memory, already typed
    throw new PhotoError('CorruptImage', `${format} could not be decoded`, { cause });
  }
}

/**
 * Gives a decoded picture's pixels back for the next decode on this thread (pixel-buffers.ts): the image must not be
 * used afterwards. Calling it is optional (unreturned pixels are garbage-collected as usual).
 */
export function releaseDecoded(decoded: Decoded): void {
  givePixels(decoded.image.bitmap.data);
}

function whole(pixels: Rgba): Decoded {
  return { image: toJimp(pixels), reduction: 1 };
}

/** Options of the output JPEG. */
export interface JpegOptions {
  /** 1-100; profile photos look right at 85-90. */
  readonly quality: number;
}

/**
 * Encodes RGBA pixels as a baseline (SOF0), 4:2:0 JPEG with no metadata: the encoder writes only the JFIF header,
 * so no EXIF, GPS, XMP, ICC profile or comment from the source can reach the output.
 */
export function encodeJpeg(image: JimpImage, { quality }: JpegOptions): Uint8Array {
  return encodeBaselineJpeg(image.bitmap, quality);
}

/** Walks the JPEG's segments to its first frame header and tells whether it is a four-channel (CMYK/YCCK) one. */
function isCmykJpeg(bytes: Uint8Array): boolean {
  const sof = findSegment(
    bytes,
    (marker) => marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker),
  );
  return sof !== -1 && bytes[sof + 9] === 4;
}

/** A JPEG is whole when an end-of-image marker follows its first scan. */
function hasEndOfImage(bytes: Uint8Array): boolean {
  const sos = findSegment(bytes, (marker) => marker === 0xda);
  if (sos === -1) return false;
  for (let at = bytes.length - 2; at > sos; at--) {
    if (bytes[at] === 0xff && bytes[at + 1] === 0xd9) return true;
  }
  return false;
}

/**
 * Offset of the 0xFF of the first marker matching `wanted`, walking the header as libjpeg does: bytes that are not
 * a marker are skipped (libjpeg warns and decodes, and browsers show such files), as are 0xFF fill bytes and
 * markers without parameters; segments are skipped by their length. -1 when the header ends first.
 */
function findSegment(bytes: Uint8Array, wanted: (marker: number) => boolean): number {
  let at = 2;
  while (at < bytes.length) {
    while (at < bytes.length && bytes[at] !== 0xff) at++;
    while (at + 1 < bytes.length && bytes[at + 1] === 0xff) at++; // fill bytes: keep the last 0xFF
    if (at + 1 >= bytes.length) return -1;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // stuffed zero, TEM, RSTn: no length follows
      continue;
    }
    if (wanted(marker)) return at;
    if (marker === 0xda || marker === 0xd9) return -1;
    at += 2 + (((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0));
  }
  return -1;
}

/** Re-exported for the photo worker's entry point; see library-console.ts. */
export { silenceLibraryConsole } from './library-console.js';
