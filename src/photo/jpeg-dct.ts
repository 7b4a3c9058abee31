/**
 * The numbers of the JPEG encoder's transform: the zigzag order, the standard (Annex K) quantisation tables with
 * IJG quality scaling, and libjpeg's floating-point forward DCT (AAN, jfdctflt.c), whose output scale is folded
 * into the quantisation divisors, as libjpeg does.
 */

/** JPEG's zigzag order: `ZIGZAG[k]` is the natural (row-major) index of the k-th coefficient sent. */
export const ZIGZAG = Uint8Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63,
]);

/** The standard luminance quantisation table (ITU-T T.81 Annex K, table K.1), natural order. */
export const STANDARD_LUMINANCE_TABLE: readonly number[] = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22,
  29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
  121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/** The standard chrominance quantisation table (Annex K, table K.2), natural order. */
export const STANDARD_CHROMINANCE_TABLE: readonly number[] = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99,
  99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
  99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
];

/**
 * A standard table scaled to a quality of 1-100, as libjpeg's `jpeg_set_quality` does (force_baseline: entries
 * kept within 1-255, so the tables fit baseline's 8-bit precision).
 */
export function scaledTable(base: readonly number[], quality: number): Uint8Array {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  const scale = q < 50 ? Math.floor(5000 / q) : 200 - q * 2;
  return Uint8Array.from(base, (value) => Math.min(255, Math.max(1, Math.floor((value * scale + 50) / 100))));
}

/** The AAN transform's output scale per row and column (jfdctflt.c). */
const AAN_SCALE = [1.0, 1.387039845, 1.306562965, 1.175875602, 1.0, 0.785694958, 0.5411961, 0.275899379];

/** Multipliers that scale and quantise the AAN output in one step, in natural order. */
export function divisors(table: Uint8Array): Float64Array {
  const out = new Float64Array(64);
  for (let row = 0; row < 8; row++) {
    for (let col = 0; col < 8; col++) {
      const i = row * 8 + col;
      out[i] = 1 / ((table[i] as number) * (AAN_SCALE[row] as number) * (AAN_SCALE[col] as number) * 8);
    }
  }
  return out;
}

/** libjpeg's floating-point forward DCT (AAN) of the 8x8 block at `offset` in place, level shift already
 * applied: the rows, then the columns. */
export function forwardDct(d: Float64Array, offset: number): void {
  for (let p = offset; p < offset + 64; p += 8) dct8(d, p, 1);
  for (let p = offset; p < offset + 8; p++) dct8(d, p, 8);
}

/** One 8-point AAN pass over `d[p]`, `d[p + step]`, ... `d[p + 7 * step]` (a row with step 1, a column with 8). */
function dct8(d: Float64Array, p: number, step: number): void {
  const i0 = p;
  const i1 = p + step;
  const i2 = p + 2 * step;
  const i3 = p + 3 * step;
  const i4 = p + 4 * step;
  const i5 = p + 5 * step;
  const i6 = p + 6 * step;
  const i7 = p + 7 * step;
  const tmp0 = (d[i0] as number) + (d[i7] as number);
  const tmp7 = (d[i0] as number) - (d[i7] as number);
  const tmp1 = (d[i1] as number) + (d[i6] as number);
  const tmp6 = (d[i1] as number) - (d[i6] as number);
  const tmp2 = (d[i2] as number) + (d[i5] as number);
  const tmp5 = (d[i2] as number) - (d[i5] as number);
  const tmp3 = (d[i3] as number) + (d[i4] as number);
  const tmp4 = (d[i3] as number) - (d[i4] as number);
  const tmp10 = tmp0 + tmp3;
  const tmp13 = tmp0 - tmp3;
  const tmp11 = tmp1 + tmp2;
  const tmp12 = tmp1 - tmp2;
  d[i0] = tmp10 + tmp11;
  d[i4] = tmp10 - tmp11;
  const z1 = (tmp12 + tmp13) * 0.707106781;
  d[i2] = tmp13 + z1;
  d[i6] = tmp13 - z1;
  const t10 = tmp4 + tmp5;
  const t11 = tmp5 + tmp6;
  const t12 = tmp6 + tmp7;
  const z5 = (t10 - t12) * 0.382683433;
  const z2 = 0.5411961 * t10 + z5;
  const z4 = 1.306562965 * t12 + z5;
  const z3 = t11 * 0.707106781;
  const z11 = tmp7 + z3;
  const z13 = tmp7 - z3;
  d[i5] = z13 + z2;
  d[i3] = z13 - z2;
  d[i1] = z11 + z4;
  d[i7] = z11 - z4;
}
