/**
 * The pipeline's one hot loop where jimp has no equivalent: area-average resampling ("box" resampling with
 * fractional coverage). Each output pixel is the exact average of the source area it covers, which is the right
 * filter for a large reduction (jimp's resize modes interpolate between a few neighbours and alias when shrinking
 * 12 MP to 648 px). One pass reads the region once, composites transparency onto white on the way, and yields the
 * final size, replacing a full-resolution crop, flatten and resize (see bench/ for the figures).
 */
import { jimpOverPixels, type JimpImage } from './jimp-image.js';
import { takePixels } from './pixel-buffers.js';
import { swapsAxes, uprightPlacement, type Box, type Orientation } from './orientation.js';

export interface ResampleOptions {
  /** Every pixel is known to be opaque (a JPEG), which allows a faster loop. */
  readonly opaque?: boolean;
  /**
   * Read only every `step`-th pixel of every `step`-th row: a cheaper, rougher average, good enough for analysis.
   * Default 1, every pixel.
   */
  readonly step?: number;
  /**
   * The source's EXIF orientation: the result is written already turned upright by it (so 5 to 8 swap the
   * result's width and height), which costs nothing here and saves a separate rotation of the result.
   * Default 1, as stored.
   */
  readonly orientation?: Orientation;
}

const INVERSE_255 = 1 / 255;

/**
 * The source span of each output cell: cell c covers source positions [c * scale, (c + 1) * scale); `first` and
 * `last` are the positions it touches, `firstWeight` and `lastWeight` the parts of them it covers (the positions
 * between are covered whole).
 */
interface Spans {
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly firstWeight: Float64Array;
  readonly lastWeight: Float64Array;
}

function spans(sourceLength: number, outLength: number): Spans {
  const scale = sourceLength / outLength;
  const first = new Int32Array(outLength);
  const last = new Int32Array(outLength);
  const firstWeight = new Float64Array(outLength);
  const lastWeight = new Float64Array(outLength);
  for (let c = 0; c < outLength; c++) {
    const start = c * scale;
    const end = Math.min(sourceLength, (c + 1) * scale);
    const i0 = Math.floor(start);
    const i1 = Math.max(i0, Math.ceil(end) - 1);
    first[c] = i0;
    last[c] = i1;
    firstWeight[c] = Math.min(i0 + 1, end) - start;
    lastWeight[c] = i1 > i0 ? end - i1 : 0;
  }
  return { first, last, firstWeight, lastWeight };
}

/**
 * Resamples `region` of `source` to `outWidth` x `outHeight` opaque pixels (never larger than the region), turned
 * upright by `options.orientation`.
 * @param region in the source's (stored) pixels
 * @param outWidth the result's width before turning (the region's width is scaled to it)
 * @param outHeight the result's height before turning
 * @returns a new image, its pixels from this thread's spares (give them back with `givePixels` when done, or not)
 */
export function areaResample(
  source: JimpImage,
  region: Box,
  outWidth: number,
  outHeight: number,
  options: ResampleOptions = {},
): JimpImage {
  const step = Math.max(1, Math.floor(options.step ?? 1));
  const columns = Math.max(1, Math.floor(region.width / step));
  const rows = Math.max(1, Math.floor(region.height / step));
  const width = Math.min(outWidth, columns);
  const height = Math.min(outHeight, rows);
  const src = source.bitmap.data;
  const stride = source.bitmap.width * 4;
  const across = spans(columns, width);
  const down = spans(rows, height);
  const opaque = options.opaque === true;
  // Every pixel is written below, so a reused buffer (pixel-buffers.ts) needs no clearing.
  const out = takePixels(width * height * 4);
  const sums = new Float64Array(width * 3);
  // A source row that straddles two output rows is summed across once and kept for the second.
  let line = new Float64Array(width * 3);
  let spare = new Float64Array(width * 3);
  let lineRow = -1;
  const norm = (width / columns) * (height / rows);
  const orientation = options.orientation ?? 1;
  // Output pixel (x, y) as stored goes to pixel origin + x * dx + y * dy of the upright result.
  const { origin, dx, dy } = uprightPlacement(width, height, orientation);
  const dx4 = dx * 4;

  for (let y = 0; y < height; y++) {
    sums.fill(0);
    const i0 = down.first[y] as number;
    const i1 = down.last[y] as number;
    for (let j = i0; j <= i1; j++) {
      if (j !== lineRow) {
        [line, spare] = [spare, line];
        const start = (region.y + j * step) * stride + region.x * 4;
        sumAcross(src, start, step * 4, across, line, opaque);
        lineRow = j;
      }
      const weight =
        j === i0 ? (down.firstWeight[y] as number) : j === i1 ? (down.lastWeight[y] as number) : 1;
      addWeighted(sums, line, weight);
    }
    writeRow(out, sums, norm, (origin + y * dy) * 4, dx4);
  }
  return swapsAxes(orientation) ? jimpOverPixels(height, width, out) : jimpOverPixels(width, height, out);
}

// The loops over a row are functions of their own, called once per row: V8 optimises them after a few dozen rows,
// where loops inline in areaResample would wait to be replaced mid-run (a fresh process resamples only a few times).

/** sums += line * weight, element by element. */
function addWeighted(sums: Float64Array, line: Float64Array, weight: number): void {
  for (let k = 0; k < sums.length; k++) sums[k] = (sums[k] as number) + (line[k] as number) * weight;
}

/** One output row (r, g, b sums per pixel) scaled by `norm` into `out` from byte `o` on, a pixel every `step` bytes. */
function writeRow(out: Uint8Array, sums: Float64Array, norm: number, o: number, step: number): void {
  for (let s = 0; s < sums.length; s += 3, o += step) {
    out[o] = Math.min(255, (sums[s] as number) * norm + 0.5);
    out[o + 1] = Math.min(255, (sums[s + 1] as number) * norm + 0.5);
    out[o + 2] = Math.min(255, (sums[s + 2] as number) * norm + 0.5);
    out[o + 3] = 255;
  }
}

/**
 * Sums one source line over each output cell's span into `line` (r, g, b per cell): the whole pixels, then the
 * two partial ones at the span's ends. Transparent pixels are blended onto white first, unless `opaque`.
 */
function sumAcross(
  src: Uint8Array,
  start: number,
  pitch: number,
  { first, last, firstWeight, lastWeight }: Spans,
  line: Float64Array,
  opaque: boolean,
): void {
  for (let c = 0, o = 0; c < first.length; c++, o += 3) {
    const p0 = start + (first[c] as number) * pitch;
    const p1 = start + (last[c] as number) * pitch;
    const w0 = firstWeight[c] as number;
    const w1 = lastWeight[c] as number;
    let r = 0;
    let g = 0;
    let b = 0;
    if (opaque) {
      for (let p = p0 + pitch; p < p1; p += pitch) {
        r += src[p] as number;
        g += src[p + 1] as number;
        b += src[p + 2] as number;
      }
      r += (src[p0] as number) * w0 + (src[p1] as number) * w1;
      g += (src[p0 + 1] as number) * w0 + (src[p1 + 1] as number) * w1;
      b += (src[p0 + 2] as number) * w0 + (src[p1 + 2] as number) * w1;
    } else {
      // Straight alpha over white: c * a + 255 * (1 - a), with a in 0..1. The whole pixels between the ends come
      // first, opaque ones (most of any picture) without the blend.
      for (let p = p0 + pitch; p < p1; p += pitch) {
        const a = src[p + 3] as number;
        if (a === 255) {
          r += src[p] as number;
          g += src[p + 1] as number;
          b += src[p + 2] as number;
        } else {
          const t = a * INVERSE_255;
          const white = 255 - a;
          r += (src[p] as number) * t + white;
          g += (src[p + 1] as number) * t + white;
          b += (src[p + 2] as number) * t + white;
        }
      }
      // The partial pixels at the span's ends (one pixel when the span lies inside it).
      const a0 = src[p0 + 3] as number;
      const t0 = a0 * INVERSE_255 * w0;
      const white0 = (255 - a0) * w0;
      r += (src[p0] as number) * t0 + white0;
      g += (src[p0 + 1] as number) * t0 + white0;
      b += (src[p0 + 2] as number) * t0 + white0;
      if (p1 > p0) {
        const a1 = src[p1 + 3] as number;
        const t1 = a1 * INVERSE_255 * w1;
        const white1 = (255 - a1) * w1;
        r += (src[p1] as number) * t1 + white1;
        g += (src[p1 + 1] as number) * t1 + white1;
        b += (src[p1 + 2] as number) * t1 + white1;
      }
    }
    line[o] = r;
    line[o + 1] = g;
    line[o + 2] = b;
  }
}
