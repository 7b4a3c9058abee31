/**
 * Finds faces in a picture, offline. The network is face-api's Tiny Face Detector (a small YOLO-style net of
 * depthwise-separable convolutions, 190 KB of weights) with the weights that `@vladmandic/face-api` ships in its
 * `model/` folder, run on TensorFlow.js's core with its WebAssembly backend (SIMD, one thread). Nothing is fetched:
 * the backend's `.wasm` and the weights are read from the installed packages' folders.
 *
 * face-api's own Node builds need the whole `@tensorflow/tfjs` (or tfjs-node, a native build) and its browser bundle
 * does not start in Node, so the forward pass is written here from face-api's source (MIT): the same layers, the
 * same input normalisation and the same box decoding, checked against face-api's results on the same pictures.
 *
 * One detector per thread, loaded on first use and kept: each photo worker loads its own. A detector that fails to
 * load is remembered as missing, and the pipeline goes on without faces.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Tf from '@tensorflow/tfjs-core';
import type * as TfWasm from '@tensorflow/tfjs-backend-wasm';

/** A face found in a picture, in that picture's pixels (top-left corner, size) with the detector's confidence. */
export interface FaceBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** 0-1: how sure the detector is. Only faces of at least {@link FACE_MIN_SCORE} are reported. */
  readonly score: number;
}

/** RGBA pixels, row-major (a Jimp bitmap fits). */
export interface RgbaPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * The longer side of the picture the network looks at (the other side is padded to whole 32 px cells). At
 * 704 a face a twelfth of a 3:2 picture's shorter side is about 39 px there, which the net still finds (at 416 it
 * does not); larger inputs lose faces that fill the picture. A multiple of 32, the net's cell size.
 */
export const FACE_ANALYSIS_SIDE = 704;
/**
 * The shorter side of the picture the network looks at, where the longer side allows (it is at most
 * {@link FACE_ANALYSIS_SIDE}). A face a twelfth of it is 40 px, which the net finds (about 35 px is its limit); a 3:2
 * picture at 704 has 469, so squarer pictures (4:3 phone photos, square ones) are looked at this small rather than
 * larger, and the net's time, which grows with the area, shrinks with them.
 */
export const FACE_ANALYSIS_SHORT_SIDE = 480;
/** The confidence below which a detection is dropped (face-api's default for this net is 0.5). */
export const FACE_MIN_SCORE = 0.5;
/** Two detections overlapping by more than this (intersection over union) are one face (face-api's value). */
const IOU_THRESHOLD = 0.4;
/** The net's anchor boxes, in cells (face-api's BOX_ANCHORS for the Tiny Face Detector). */
const ANCHORS: readonly (readonly [number, number])[] = [
  [1.603231, 2.094468],
  [6.041143, 7.080126],
  [2.882459, 3.518061],
  [4.266906, 5.178857],
  [9.041765, 10.66308],
];
/** The mean the net was trained with, subtracted from each channel (face-api's MEAN_RGB). */
const MEAN_RGB = [117.001, 114.697, 97.404] as const;

/** A loaded detector: finds faces in a picture of at most {@link FACE_ANALYSIS_SIDE} on its longer side. */
export interface FaceDetector {
  /** @returns faces in the picture's pixels, clipped to it, the most confident first */
  detect(image: RgbaPixels): Promise<FaceBox[]>;
  /**
   * Readies the detector for its first picture, for a thread that has time before one arrives: the backend's
   * kernels set up on a tiny picture, and the memory a largest picture needs mapped (see {@link WARM_UP_HEAP_BYTES}).
   */
  warmUp(): Promise<void>;
}

/**
 * The backend's heap a detection of the largest picture ({@link FACE_ANALYSIS_SIDE} x
 * {@link FACE_ANALYSIS_SHORT_SIDE}) reaches: 31-35 MB measured (conv1's input, depthwise and pointwise outputs at half
 * the input's size, 16 + 16 + 32 channels, are most of it). A fresh heap's pages are each a page fault when first
 * written (about 16 µs each on the 2-core VM, so ~130 ms for this much), which is most of a first detection's time.
 * Writing them once ahead, without running the net, costs the faults alone; the allocator then hands the same,
 * already mapped memory to the tensors. Only a question of speed: a picture that needs more maps the rest itself.
 */
const WARM_UP_HEAP_BYTES = 32 * 1024 * 1024;

/** The parts of the WebAssembly backend's Emscripten module the warm-up uses. */
interface BackendHeap {
  readonly wasm: { _malloc(size: number): number; _free(pointer: number): void; readonly HEAPU8: Uint8Array };
}

type Weights = Record<string, Tf.Tensor>;

let loading: Promise<FaceDetector | null> | null = null;

/**
 * This thread's detector, loaded on the first call (about 100 ms, then the first detection compiles the net's
 * kernels) and kept. Resolves to null when it cannot load (a package missing, no WebAssembly SIMD...): the caller
 * then crops without faces. Never rejects.
 */
export function faceDetector(): Promise<FaceDetector | null> {
  loading ??= loadDetector().catch(() => null);
  return loading;
}

/** Forgets this thread's detector (tests that load it from other paths). */
export function resetFaceDetectorForTests(): void {
  loading = null;
}

/** Where the packages this module reads files from are installed (overridable so a test can break it). */
export const facePackages = {
  wasmDir: (): string => join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist'),
  modelDir: (): string => join(packageDir('@vladmandic/face-api'), 'model'),
};

function packageDir(name: string): string {
  return dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
}

async function loadDetector(): Promise<FaceDetector> {
  // Both are CommonJS bundles (1.2 MB and 0.4 MB): `require` compiles them; `import` would first have Node's
  // lexer read them whole for their export names, which took 0.3 s where require takes 0.12 s (issue #18).
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs-core') as typeof Tf;
  const { setWasmPaths } = require('@tensorflow/tfjs-backend-wasm') as typeof TfWasm;
  const modelDir = facePackages.modelDir();
  // The Node build of the backend reads the .wasm with fs from this folder (it must end with a separator).
  setWasmPaths(`${facePackages.wasmDir()}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  await tf.ready();
  const manifestText = await readFile(
    join(modelDir, 'tiny_face_detector_model-weights_manifest.json'),
    'utf8',
  );
  const manifest = JSON.parse(manifestText) as { weights: Tf.io.WeightsManifestEntry[] }[];
  const bin = await readFile(join(modelDir, 'tiny_face_detector_model.bin'));
  const buffer = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  const weights = tf.io.decodeWeights(
    buffer,
    manifest.flatMap((group) => group.weights),
  );
  return {
    detect: (image) => detect(tf, weights, image),
    warmUp: () => warmUp(tf, weights),
  };
}

/**
 * A detection on a small blank picture (the backend compiles and sets up its kernels on the first one), then the
 * heap a largest picture needs allocated, written and freed. Measured in a fresh thread: this and a first 480x640
 * detection 179-216 + 52-69 ms, against 229-313 + 63-74 ms when the warm-up was a detection of a blank 704x480
 * picture, which wrote the same memory but also ran the whole net on it.
 */
async function warmUp(tf: typeof Tf, weights: Weights): Promise<void> {
  await detect(tf, weights, { width: 64, height: 64, data: new Uint8Array(64 * 64 * 4) });
  const { wasm } = tf.backend() as unknown as BackendHeap;
  const at = wasm._malloc(WARM_UP_HEAP_BYTES);
  if (at === 0) return; // no room: the detections map what they need as they go
  // Read HEAPU8 after the malloc: a heap that grew has a new view.
  wasm.HEAPU8.fill(0, at, at + WARM_UP_HEAP_BYTES);
  wasm._free(at);
}

function weight(weights: Weights, name: string): Tf.Tensor {
  const tensor = weights[name];
  if (!tensor) throw new Error(`the face model has no ${name}`);
  return tensor;
}

/** Rows of conv0's output computed at a time (even, so each strip pools on its own exactly as the whole would). */
const CONV0_STRIP_ROWS = 128;

/**
 * face-api's TinyYolov2 "mobilenet" body with the Tiny Face Detector's layers (conv0 plain, conv1-5 separable), each
 * convolution with its bias in one kernel and followed by max pooling and a leaky ReLU (0.1).
 *
 * Memory, not arithmetic, is what a first detection pays for: every new page of the backend's heap is a page fault,
 * and on a virtual machine each costs microseconds. So:
 * - The leaky ReLU comes after the pooling, where face-api has it before: it only ever increases, so the largest of
 *   four values activated is the largest activated, and the result is the same number. It then runs on a quarter of
 *   the values, and the convolution writes its output once (the backend's fused leaky ReLU writes a second copy of
 *   the full-size output first).
 * - Each intermediate is freed as soon as the next step has it (tf.tidy would keep every layer's output until the
 *   end; here it only cleans up after a failure).
 * - conv0, whose output is the largest tensor (16 channels at the input's size), runs in strips of rows, each pooled
 *   at once, and its input is made a strip at a time (netInput). Strips start on even output rows and their input
 *   rows overlap by the 3x3 kernel's two, so the pooled strips joined are exactly the whole layer pooled.
 */
function forward(
  tf: typeof Tf,
  weights: Weights,
  image: RgbaPixels,
  inputWidth: number,
  inputHeight: number,
): Tf.Tensor4D {
  const w = (name: string): Tf.Tensor => weight(weights, name);
  /** Returns `step(x)` and frees `x`. */
  const then = (x: Tf.Tensor4D, step: (x: Tf.Tensor4D) => Tf.Tensor4D): Tf.Tensor4D => {
    const out = step(x);
    x.dispose();
    return out;
  };
  /** A 1x1 or 3x3 'valid' convolution with its bias, no activation. */
  const conv = (x: Tf.Tensor4D, filter: string, bias: string): Tf.Tensor4D =>
    tf.fused.conv2d({
      x,
      filter: w(filter) as Tf.Tensor4D,
      strides: [1, 1],
      pad: 'valid',
      bias: w(bias),
    });
  const separable = (x: Tf.Tensor4D, layer: string): Tf.Tensor4D =>
    then(tf.depthwiseConv2d(x, w(`${layer}/depthwise_filter`) as Tf.Tensor4D, [1, 1], 'same'), (depthwise) =>
      conv(depthwise, `${layer}/pointwise_filter`, `${layer}/bias`),
    );
  const halve = (x: Tf.Tensor4D): Tf.Tensor4D => tf.maxPool(x, [2, 2], [2, 2], 'same');
  /** Pooled, then activated: the same values as activated, then pooled (see above). */
  const pooledAndActivated = (x: Tf.Tensor4D, pool: (x: Tf.Tensor4D) => Tf.Tensor4D): Tf.Tensor4D =>
    then(then(x, pool), (pooled) => tf.leakyRelu(pooled, 0.1));

  return tf.tidy(() => {
    const convRows = inputHeight - 2; // 'valid' 3x3
    const strips: Tf.Tensor4D[] = [];
    for (let row = 0; row < convRows; row += CONV0_STRIP_ROWS) {
      const rows = Math.min(CONV0_STRIP_ROWS, convRows - row);
      // The backend copies the strip into its own memory at once: the next strip may reuse the buffer.
      const strip = tf.tensor4d(netInput(image, inputWidth, row, rows + 2), [1, rows + 2, inputWidth, 3]);
      strips.push(
        pooledAndActivated(
          then(strip, (x) => conv(x, 'conv0/filters', 'conv0/bias')),
          halve,
        ),
      );
    }
    let out = tf.concat(strips, 1); // one strip: the same data, shared
    for (const strip of strips) strip.dispose();
    for (const layer of ['conv1', 'conv2', 'conv3', 'conv4']) {
      out = pooledAndActivated(
        then(out, (x) => separable(x, layer)),
        halve,
      );
    }
    out = pooledAndActivated(
      then(out, (x) => separable(x, 'conv5')),
      (x) => tf.maxPool(x, [2, 2], [1, 1], 'same'),
    );
    return then(out, (x) => conv(x, 'conv8/filters', 'conv8/bias'));
  });
}

/** The net's input for one strip, reused from one strip and detection to the next on this thread (see netInput). */
let inputBuffer = new Float32Array(0);

/** A side rounded up to the net's cell size (32 px): the input is the picture padded that far, not to a square. */
const cellAligned = (side: number): number => Math.max(32, Math.ceil(side / 32) * 32);

/**
 * Rows `first` to `first + rows` of the net's input: the picture at the top-left of its size rounded up to whole
 * cells, the rest black (face-api pads to a square; the net is convolutional, so a 3:2 picture costs two thirds of
 * that), as RGB minus the mean, over 255. Written into this thread's one reusable buffer (a fresh buffer each time
 * costs page faults), which the caller hands to the backend (it copies) before anything else can run.
 */
function netInput(image: RgbaPixels, inputWidth: number, first: number, rows: number): Float32Array {
  const length = inputWidth * rows * 3;
  if (inputBuffer.length < length) inputBuffer = new Float32Array(length);
  const input = inputBuffer.subarray(0, length);
  const [mr, mg, mb] = MEAN_RGB;
  for (let i = 0; i < input.length; i += 3) {
    input[i] = -mr / 255;
    input[i + 1] = -mg / 255;
    input[i + 2] = -mb / 255;
  }
  const { width, height, data } = image;
  for (let y = first; y < Math.min(height, first + rows); y++) {
    let at = y * width * 4;
    let to = (y - first) * inputWidth * 3;
    for (let x = 0; x < width; x++, at += 4, to += 3) {
      input[to] = ((data[at] ?? 0) - mr) / 255;
      input[to + 1] = ((data[at + 1] ?? 0) - mg) / 255;
      input[to + 2] = ((data[at + 2] ?? 0) - mb) / 255;
    }
  }
  return input;
}

const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

async function detect(tf: typeof Tf, weights: Weights, image: RgbaPixels): Promise<FaceBox[]> {
  const side = FACE_ANALYSIS_SIDE;
  if (image.width > side || image.height > side)
    throw new RangeError(`the picture must fit in ${side}x${side}`);
  const inputWidth = cellAligned(image.width);
  const inputHeight = cellAligned(image.height);
  const output = forward(tf, weights, image, inputWidth, inputHeight);
  const [, rows, cols] = output.shape;
  const values = await output.data();
  output.dispose();
  const found: FaceBox[] = [];
  const at = (index: number): number => values[index] ?? 0;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      for (let anchor = 0; anchor < ANCHORS.length; anchor++) {
        const o = ((row * cols + col) * ANCHORS.length + anchor) * 5;
        const score = sigmoid(at(o + 4));
        if (score < FACE_MIN_SCORE) continue;
        const [aw, ah] = ANCHORS[anchor] ?? [1, 1];
        // A cell is 32 px of the input both ways.
        const cx = ((col + sigmoid(at(o))) / cols) * inputWidth;
        const cy = ((row + sigmoid(at(o + 1))) / rows) * inputHeight;
        const w = ((Math.exp(at(o + 2)) * aw) / cols) * inputWidth;
        const h = ((Math.exp(at(o + 3)) * ah) / rows) * inputHeight;
        const clipped = clip({ x: cx - w / 2, y: cy - h / 2, width: w, height: h, score }, image);
        if (clipped) found.push(clipped);
      }
    }
  }
  return nonMaxSuppression(found);
}

/** The part of a box inside the picture, or null when none is. */
function clip(box: FaceBox, size: { width: number; height: number }): FaceBox | null {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(size.width, box.x + box.width);
  const y1 = Math.min(size.height, box.y + box.height);
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0, score: box.score };
}

function iou(a: FaceBox, b: FaceBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

function holdsCentreOf(outer: FaceBox, inner: FaceBox): boolean {
  const cx = inner.x + inner.width / 2;
  const cy = inner.y + inner.height / 2;
  return cx > outer.x && cx < outer.x + outer.width && cy > outer.y && cy < outer.y + outer.height;
}

/**
 * The most confident of each group of detections of one face: boxes overlapping by more than the threshold (as
 * face-api), and also a box holding another's centre, which is the same head seen by a larger or smaller anchor
 * (two faces never hold each other's centre).
 */
function nonMaxSuppression(boxes: FaceBox[]): FaceBox[] {
  const kept: FaceBox[] = [];
  for (const box of [...boxes].sort((a, b) => b.score - a.score)) {
    const same = (other: FaceBox): boolean =>
      iou(box, other) > IOU_THRESHOLD || holdsCentreOf(box, other) || holdsCentreOf(other, box);
    if (!kept.some(same)) kept.push(box);
  }
  return kept;
}
