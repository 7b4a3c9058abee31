/**
 * JPEG decoding at reduced scale with libjpeg-turbo (the WebAssembly build shipped in `@cwasm/jpeg-turbo`, called
 * through its TurboJPEG functions). Asking for M/8 of the size (M = 1-6, or 8: 7/8 saves too little) makes it
 * scale in the DCT domain, so a 12 MP photo that will become 648 px is decoded at 1008x756 (2/8) in about 80 ms
 * instead of 190 ms at full size, with a sixteenth of the memory, and a 1920x1080 one at 1200x675 (5/8) in about
 * 19 ms instead of 27 (see bench/ and performance-notes.md). This is sharp's "shrink-on-load", in eighths rather
 * than halvings.
 *
 * The module has no error reporting of its own: a fatal libjpeg error leaves through the `longjmp` import, which
 * throws, and leaves the instance's heap inconsistent, so the instance is replaced after any failure.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PhotoError } from '../errors.js';
import { DEFAULT_DIMENSION_LIMITS } from './image-header.js';
import { withMemoryMaximum } from './wasm-memory.js';
import { takePixels } from './pixel-buffers.js';

interface TurboExports {
  readonly memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  tjInitDecompress(): number;
  tjDestroy(handle: number): number;
  tjDecompressHeader3(
    handle: number,
    jpeg: number,
    size: number,
    width: number,
    height: number,
    subsampling: number,
    colourspace: number,
  ): number;
  tjDecompress2(
    handle: number,
    jpeg: number,
    size: number,
    out: number,
    width: number,
    pitch: number,
    height: number,
    pixelFormat: number,
    flags: number,
  ): number;
}

/** TurboJPEG's pixel format for RGBA, 8 bits each. */
const TJPF_RGBA = 7;

export interface ScaledJpeg {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
  /** The stored picture is this many times the decoded one on each side: 8/M for M = 1-6 or 8 (1, 4/3, ..., 8). */
  readonly reduction: number;
}

const require = createRequire(import.meta.url);
let compiled: Promise<WebAssembly.Module> | undefined;
let instance: TurboExports | undefined;

function fail(): never {
  throw new Error('libjpeg-turbo could not decode the JPEG');
}

function unsupported(): never {
  throw new Error('libjpeg-turbo called an unsupported system function');
}

async function turbo(): Promise<TurboExports> {
  // The module declares no maximum memory (so up to 4 GiB): give it the thread's ceiling.
  compiled ??= readFile(require.resolve('@cwasm/jpeg-turbo/jpeg-turbo.wasm')).then((bytes) =>
    WebAssembly.compile(withMemoryMaximum(bytes)),
  );
  const module = await compiled;
  instance ??= new WebAssembly.Instance(module, {
    // libjpeg's error exit longjmps back to TurboJPEG's setjmp; with no setjmp here, it becomes a throw.
    env: { setjmp: () => 0, longjmp: fail },
    wasi_snapshot_preview1: {
      environ_sizes_get: () => 0,
      environ_get: unsupported,
      proc_exit: unsupported,
      fd_close: unsupported,
      fd_seek: unsupported,
      fd_write: unsupported,
    },
  }).exports as unknown as TurboExports;
  return instance;
}

/**
 * Decodes a JPEG to RGBA at the smallest of 1/8, 2/8, ..., 6/8 or the whole of its size that is reduced by at most
 * `maxReduction` (a 1080 px side that must keep 648 px, at most 1.67 times smaller, is decoded at 5/8: 675 px).
 * @param maxReduction how much smaller the decoded picture may be than the stored one
 * @throws Error when libjpeg-turbo cannot decode the data (the caller decides what that means)
 */
export async function decodeJpegScaled(bytes: Uint8Array, maxReduction: number): Promise<ScaledJpeg> {
  const tj = await turbo();
  const input = tj.malloc(bytes.byteLength);
  const header = tj.malloc(16);
  if (input === 0 || header === 0) {
    instance = undefined;
    throw new PhotoError('ImageProcessingFailed', 'libjpeg-turbo out of memory');
  }
  const handle = tj.tjInitDecompress();
  try {
    new Uint8Array(tj.memory.buffer, input, bytes.byteLength).set(bytes);
    const stored = readHeader(tj, handle, input, bytes.byteLength, header);
    if (!stored) fail();
    const { width: storedWidth, height: storedHeight } = stored;
    // Whoever calls, libjpeg-turbo never decodes past the pipeline's largest limits: this is its own reading of
    // the size, checked before the output buffer exists (the pipeline checks its own limits earlier).
    const { maxSide, maxMegapixels } = DEFAULT_DIMENSION_LIMITS;
    if (storedWidth > maxSide || storedHeight > maxSide || storedWidth * storedHeight > maxMegapixels * 1e6) {
      throw new PhotoError('ImageDimensionsTooLarge', `libjpeg-turbo ${storedWidth}x${storedHeight}`);
    }
    // TurboJPEG takes the largest of its scaling factors that fits the size asked for, so asking for M/8 (rounded
    // up, as it rounds) gets exactly M/8.
    let eighths = 8;
    while (eighths > 1 && 8 / (eighths - 1) <= maxReduction) eighths -= 1;
    // 7/8 would save under a tenth of the decode (2 MP: 25 ms against 27; 6/8 takes 21, 5/8 19) and leave a
    // face-framed square, smaller than the whole picture, likely to need a second, full decode.
    if (eighths === 7) eighths = 8;
    const reduction = 8 / eighths;
    const width = Math.ceil((storedWidth * eighths) / 8);
    const height = Math.ceil((storedHeight * eighths) / 8);
    const output = tj.malloc(width * height * 4);
    // Past the memory ceiling malloc gives null: that is this job's memory, not a broken file.
    if (output === 0) throw new PhotoError('ImageProcessingFailed', 'libjpeg-turbo out of memory');
    // malloc may hand back memory an earlier job's picture used; should the decode stop early, none of it may show.
    new Uint8Array(tj.memory.buffer, output, width * height * 4).fill(0);
    // -1 without a throw means warnings only (see readHeader): libjpeg decoded the whole picture, as browsers do.
    tj.tjDecompress2(handle, input, bytes.byteLength, output, width, width * 4, height, TJPF_RGBA, 0);
    // Copied out of the heap (the next decode reuses it) into this thread's spare pixel buffer (pixel-buffers.ts).
    const data = takePixels(width * height * 4);
    data.set(new Uint8Array(tj.memory.buffer, output, width * height * 4));
    tj.free(output);
    tj.free(input);
    tj.free(header);
    tj.tjDestroy(handle);
    return { width, height, data, reduction };
  } catch (error) {
    // The heap may be inconsistent after libjpeg's error exit, and what it held is lost with it: start over with a
    // fresh instance.
    instance = undefined;
    throw error;
  }
}

/**
 * The size libjpeg-turbo's own header read (`tjDecompressHeader3`) finds, which is the size it will decode; null
 * when it refuses the header (the JPEG then goes to the fallback decoder). Nothing but the header is read.
 */
export async function readJpegSize(bytes: Uint8Array): Promise<{ width: number; height: number } | null> {
  const tj = await turbo();
  const input = tj.malloc(bytes.byteLength);
  const header = tj.malloc(16);
  if (input === 0 || header === 0) {
    instance = undefined;
    throw new PhotoError('ImageProcessingFailed', 'libjpeg-turbo out of memory');
  }
  const handle = tj.tjInitDecompress();
  try {
    new Uint8Array(tj.memory.buffer, input, bytes.byteLength).set(bytes);
    return readHeader(tj, handle, input, bytes.byteLength, header);
  } catch {
    // libjpeg's error exit (see the module comment): the instance is no longer safe to use.
    instance = undefined;
    return null;
  } finally {
    if (instance) {
      tj.tjDestroy(handle);
      tj.free(header);
      tj.free(input);
    }
  }
}

/**
 * Runs `tjDecompressHeader3` and returns the size libjpeg read. This TurboJPEG answers -1 for warnings too (an
 * extraneous byte before a marker, say), with the size filled in; a fatal libjpeg error never returns here (it
 * leaves through `longjmp`, which throws). So a size means libjpeg read the header, whatever the status.
 */
function readHeader(
  tj: TurboExports,
  handle: number,
  input: number,
  size: number,
  header: number,
): { width: number; height: number } | null {
  new Int32Array(tj.memory.buffer, header, 4).fill(0);
  tj.tjDecompressHeader3(handle, input, size, header, header + 4, header + 8, header + 12);
  const [width = 0, height = 0] = new Int32Array(tj.memory.buffer, header, 2);
  return width > 0 && height > 0 ? { width, height } : null;
}
