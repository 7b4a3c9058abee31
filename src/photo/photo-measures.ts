/**
 * Cheap measures of a prepared photo, for the quality checks (src/trust/quality-check.ts): how bright, how sharp,
 * how much of it is one flat colour, and how many source pixels its square came from. Pure: pixels in, numbers out.
 *
 * Everything but `cropSide` is measured on one small copy of the output: the output averaged down (a box average,
 * which keeps the mean) to {@link MEASURE_SIDE} pixels a side, or kept at its own size when smaller. A fixed size
 * makes the sharpness figure comparable between a 648-pixel photo and a 300-pixel one, and keeps the cost to a few
 * milliseconds.
 */
import type { JimpImage } from './jimp-image.js';

/** The side of the copy the measures are taken on. */
export const MEASURE_SIDE = 256;

/** Bits kept of each channel for {@link PhotoMeasures.flatShare}: 8 levels a channel, 512 colour bins. */
const FLAT_BIN_BITS = 3;

export interface PhotoMeasures {
  /** Mean luma (BT.601: 0.299 R + 0.587 G + 0.114 B), 0 (black) to 255 (white). */
  readonly brightness: number;
  /**
   * Variance of the Laplacian (4-neighbour kernel `[0 1 0; 1 -4 1; 0 1 0]`, over the interior pixels) of the grey
   * (luma, 0-255) copy at {@link MEASURE_SIDE} px a side. A sharp photo scores in the hundreds or more; a blurred
   * one a few dozen or less.
   */
  readonly sharpness: number;
  /**
   * Share (0-1) of the copy's pixels in its most common coarse colour: each channel cut to its top 3 bits (8 levels
   * of 32), so 512 bins. A studio backdrop behind a person stays well under 1; a blank wall is near 1.
   */
  readonly flatShare: number;
  /** The side of the kept square in the upright source picture's pixels (`photo.crop.width`). */
  readonly cropSide: number;
}

/**
 * This thread's working arrays, kept from one photo to the next (fresh ones are page faults). The sums are whole
 * numbers (a copy's pixel sums at most a few dozen output pixels of 255), so they are integers: exact, half the
 * memory of doubles, and nothing for a fresh process's unoptimised first pass to box (31 → 22 ms).
 */
let scratch = { sums: new Uint32Array(0), weights: new Uint32Array(0), grey: new Float32Array(0) };

/** Arrays for `count` pixels: the sums and weights cleared, the grey values (each written before it is read) not. */
function scratchFor(count: number): typeof scratch {
  if (scratch.grey.length < count) {
    scratch = {
      sums: new Uint32Array(count * 3),
      weights: new Uint32Array(count),
      grey: new Float32Array(count),
    };
  }
  const sums = scratch.sums.subarray(0, count * 3);
  const weights = scratch.weights.subarray(0, count);
  sums.fill(0);
  weights.fill(0);
  return { sums, weights, grey: scratch.grey.subarray(0, count) };
}

/**
 * Measures a prepared photo.
 * @param output the pipeline's output image (square, opaque)
 * @param cropSide the kept square's side in source pixels
 */
export function measurePhoto(output: JimpImage, cropSide: number): PhotoMeasures {
  const { width, height, data } = output.bitmap;
  const w = Math.min(width, MEASURE_SIDE);
  const h = Math.min(height, MEASURE_SIDE);
  const count = w * h;
  // One pass over the output: each of its pixels is added to the copy's pixel its centre falls in (a box average,
  // which keeps the mean); reading every pixel once costs a few ms at 648 px.
  const { sums, weights, grey } = scratchFor(count);
  const columnOf = new Uint32Array(width);
  for (let x = 0; x < width; x++) columnOf[x] = Math.floor(((x + 0.5) * w) / width);
  for (let y = 0; y < height; y++) {
    const rowStart = Math.floor(((y + 0.5) * h) / height) * w;
    let p = y * width * 4;
    for (let x = 0; x < width; x++, p += 4) {
      const i = rowStart + (columnOf[x] ?? 0);
      const s = i * 3;
      sums[s] = (sums[s] ?? 0) + (data[p] ?? 0);
      sums[s + 1] = (sums[s + 1] ?? 0) + (data[p + 1] ?? 0);
      sums[s + 2] = (sums[s + 2] ?? 0) + (data[p + 2] ?? 0);
      weights[i] = (weights[i] ?? 0) + 1;
    }
  }
  const bins = new Uint32Array(1 << (3 * FLAT_BIN_BITS));
  const levels = 1 << FLAT_BIN_BITS;
  let lumaSum = 0;
  for (let i = 0; i < count; i++) {
    const n = weights[i] || 1;
    const r = (sums[i * 3] ?? 0) / n;
    const g = (sums[i * 3 + 1] ?? 0) / n;
    const b = (sums[i * 3 + 2] ?? 0) / n;
    const luma = 0.299 * r + 0.587 * g + 0.114 * b;
    grey[i] = luma;
    lumaSum += luma;
    const bin = (binOf(r, levels) * levels + binOf(g, levels)) * levels + binOf(b, levels);
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  let most = 0;
  for (const n of bins) if (n > most) most = n;
  return {
    brightness: count === 0 ? 0 : lumaSum / count,
    sharpness: laplacianVariance(grey, w, h),
    flatShare: count === 0 ? 1 : most / count,
    cropSide,
  };
}

/** The coarse level (0 to `levels - 1`) of a channel value 0-255. */
function binOf(value: number, levels: number): number {
  return Math.min(levels - 1, Math.floor((value * levels) / 256));
}

/** Variance of the 4-neighbour Laplacian over the interior pixels (0 for a picture under 3x3). */
function laplacianVariance(grey: Float32Array, w: number, h: number): number {
  if (w < 3 || h < 3) return 0;
  let sum = 0;
  let sumSquares = 0;
  for (let y = 1; y < h - 1; y++) {
    const row = y * w;
    for (let x = 1; x < w - 1; x++) {
      const i = row + x;
      const value =
        (grey[i - 1] ?? 0) +
        (grey[i + 1] ?? 0) +
        (grey[i - w] ?? 0) +
        (grey[i + w] ?? 0) -
        4 * (grey[i] ?? 0);
      sum += value;
      sumSquares += value * value;
    }
  }
  const n = (w - 2) * (h - 2);
  const mean = sum / n;
  return sumSquares / n - mean * mean;
}
