/**
 * The output encoder: RGBA pixels to a baseline JPEG (SOF0), 4:2:0, with the IJG quality scaling of the standard
 * (Annex K) quantisation tables and Huffman tables optimised for the picture, and nothing else: a JFIF APP0
 * header, the tables, the frame and the scan. No EXIF, ICC profile, XMP or comment segment exists to be copied.
 *
 * Why our own encoder: mozjpeg (the WebAssembly build in `@jsquash/jpeg`) always runs trellis quantisation, which
 * its options cannot turn off (`trellis_loops: 0` crashes it), and that made encoding 648x648 the largest step of
 * the pipeline (~60 ms); the WebAssembly libjpeg-turbo we decode with (`@cwasm/jpeg-turbo`) exports no compressor.
 * A plain baseline encoder in typed-array JavaScript does the same job, at the same quality setting and the same
 * quantisation libjpeg uses, several times faster at this size (figures in bench/README.md).
 *
 * The forward DCT is libjpeg's floating-point AAN transform (jfdctflt.c), with its scale factors folded into the
 * quantisation divisors, as libjpeg does.
 */

import {
  divisors,
  forwardDct,
  scaledTable,
  STANDARD_CHROMINANCE_TABLE,
  STANDARD_LUMINANCE_TABLE,
  ZIGZAG,
} from './jpeg-dct.js';
import { optimalTable, type HuffmanTable } from './jpeg-huffman.js';

/** Number of bits needed for |value| (JPEG's magnitude category); 0 for 0. */
function category(value: number): number {
  return 32 - Math.clz32(value < 0 ? -value : value);
}

function count(counts: Uint32Array, symbol: number): void {
  counts[symbol] = (counts[symbol] as number) + 1;
}

/** A growable byte buffer; the scan writer fills `bytes` directly. */
class ByteWriter {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  ensure(room: number): void {
    if (this.length + room <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + room));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(value: number): void {
    this.ensure(1);
    this.bytes[this.length++] = value;
  }

  word(value: number): void {
    this.byte(value >> 8);
    this.byte(value & 0xff);
  }

  array(values: ArrayLike<number>): void {
    this.ensure(values.length);
    this.bytes.set(values, this.length);
    this.length += values.length;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Pixels to encode: 8-bit RGBA, row-major, alpha ignored. */
export interface RgbaPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/**
 * Encodes RGBA pixels as a baseline (SOF0), 4:2:0 JPEG with a JFIF header and nothing else.
 * @param quality 1-100, IJG scaling of the standard tables
 */
export function encodeBaselineJpeg({ width, height, data }: RgbaPixels, quality: number): Uint8Array {
  if (!(width > 0 && height > 0 && width <= 65535 && height <= 65535)) {
    throw new RangeError(`cannot encode a ${width}x${height} picture`);
  }
  if (data.length < width * height * 4) throw new RangeError('pixel data is shorter than the picture');
  const lumaTable = scaledTable(STANDARD_LUMINANCE_TABLE, quality);
  const chromaTable = scaledTable(STANDARD_CHROMINANCE_TABLE, quality);
  const lumaDivisors = divisors(lumaTable);
  const chromaDivisors = divisors(chromaTable);

  // Pass 1: transform and quantise every block in scan order (per 16x16 MCU: 4 luma, Cb, Cr), counting the
  // symbols each table will code; pass 2 writes them with tables built from those counts.
  const mcuColumns = Math.ceil(width / 16);
  const mcuRows = Math.ceil(height / 16);
  const coefficients = coefficientSpace(mcuColumns * mcuRows * 6 * 64);
  const lumaDc = new Uint32Array(256);
  const lumaAc = new Uint32Array(256);
  const chromaDc = new Uint32Array(256);
  const chromaAc = new Uint32Array(256);
  // One MCU's samples: four luma blocks, then Cb, then Cr, level-shifted.
  const mcu = new Float64Array(6 * 64);
  const rowStart = new Int32Array(16);
  const columnStart = new Int32Array(16);
  const previousDc = new Int32Array(3);
  let at = 0;

  for (let my = 0; my < mcuRows; my++) {
    // Pixels past the edge repeat the last row and column, as libjpeg pads.
    for (let i = 0; i < 16; i++) rowStart[i] = Math.min(my * 16 + i, height - 1) * width * 4;
    for (let mx = 0; mx < mcuColumns; mx++) {
      for (let i = 0; i < 16; i++) columnStart[i] = Math.min(mx * 16 + i, width - 1) * 4;
      sampleMcu(data, rowStart, columnStart, mcu);
      for (let k = 0; k < 4; k++) {
        quantise(mcu, k * 64, lumaDivisors, coefficients, at, previousDc, 0, lumaDc, lumaAc);
        at += 64;
      }
      quantise(mcu, 256, chromaDivisors, coefficients, at, previousDc, 1, chromaDc, chromaAc);
      quantise(mcu, 320, chromaDivisors, coefficients, at + 64, previousDc, 2, chromaDc, chromaAc);
      at += 128;
    }
  }

  const dcTables = [optimalTable(lumaDc), optimalTable(chromaDc)];
  const acTables = [optimalTable(lumaAc), optimalTable(chromaAc)];
  const out = new ByteWriter();
  writeHeaders(out, width, height, lumaTable, chromaTable, dcTables, acTables);
  writeScan(out, coefficients, dcTables, acTables);
  out.word(0xffd9); // EOI
  return out.result();
}

/**
 * One MCU's samples into `mcu`, level-shifted: four luma blocks, then Cb, then Cr. Each 2x2 quad of pixels gives
 * four luma samples and one averaged chroma sample (4:2:0). A function of its own, called once per MCU, so that it
 * is optimised after a few dozen MCUs rather than waiting for the whole encode's loop to be replaced mid-run.
 */
function sampleMcu(
  data: Uint8Array | Uint8ClampedArray,
  rowStart: Int32Array,
  columnStart: Int32Array,
  mcu: Float64Array,
): void {
  for (let cy = 0; cy < 8; cy++) {
    const top = rowStart[cy * 2] as number;
    const bottom = rowStart[cy * 2 + 1] as number;
    const lumaRow = (cy >> 2) * 128 + ((cy * 2) & 7) * 8;
    for (let cx = 0; cx < 8; cx++) {
      const left = columnStart[cx * 2] as number;
      const right = columnStart[cx * 2 + 1] as number;
      const l = lumaRow + (cx >> 2) * 64 + ((cx * 2) & 7);
      let p = top + left;
      let r = data[p] as number;
      let g = data[p + 1] as number;
      let b = data[p + 2] as number;
      mcu[l] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
      let rs = r;
      let gs = g;
      let bs = b;
      p = top + right;
      r = data[p] as number;
      g = data[p + 1] as number;
      b = data[p + 2] as number;
      mcu[l + 1] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
      rs += r;
      gs += g;
      bs += b;
      p = bottom + left;
      r = data[p] as number;
      g = data[p + 1] as number;
      b = data[p + 2] as number;
      mcu[l + 8] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
      rs += r;
      gs += g;
      bs += b;
      p = bottom + right;
      r = data[p] as number;
      g = data[p + 1] as number;
      b = data[p + 2] as number;
      mcu[l + 9] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
      rs += r;
      gs += g;
      bs += b;
      const c = cy * 8 + cx;
      mcu[256 + c] = (-0.168735892 * rs - 0.331264108 * gs + 0.5 * bs) * 0.25;
      mcu[320 + c] = (0.5 * rs - 0.418687589 * gs - 0.081312411 * bs) * 0.25;
    }
  }
}

/** This thread's coefficient buffer, kept from one encode to the next (a fresh 1.3 MB each photo is page faults). */
let coefficientBuffer = new Int16Array(0);

/** Room for `length` coefficients; every one is written before it is read (quantise writes all 64 of a block). */
function coefficientSpace(length: number): Int16Array {
  if (coefficientBuffer.length < length) coefficientBuffer = new Int16Array(length);
  return coefficientBuffer.subarray(0, length);
}

/** Transforms and quantises one block into `coefficients` at `at` (zigzag order), counting its symbols. */
function quantise(
  block: Float64Array,
  offset: number,
  divisor: Float64Array,
  coefficients: Int16Array,
  at: number,
  previousDc: Int32Array,
  component: number,
  dc: Uint32Array,
  ac: Uint32Array,
): void {
  forwardDct(block, offset);
  const first = Math.round((block[offset] as number) * (divisor[0] as number));
  coefficients[at] = first;
  count(dc, category(first - (previousDc[component] as number)));
  previousDc[component] = first;
  let run = 0;
  for (let k = 1; k < 64; k++) {
    const natural = ZIGZAG[k] as number;
    const value = Math.round((block[offset + natural] as number) * (divisor[natural] as number));
    coefficients[at + k] = value;
    if (value === 0) {
      run++;
    } else {
      while (run > 15) {
        count(ac, 0xf0);
        run -= 16;
      }
      count(ac, (run << 4) | category(value));
      run = 0;
    }
  }
  if (run > 0) count(ac, 0);
}

/** The scan's bits, appended to a ByteWriter's bytes with byte stuffing; at most 7 bits wait in `buffer`. */
class BitWriter {
  buffer = 0;
  bitCount = 0;
  bytes: Uint8Array;
  length: number;

  constructor(readonly out: ByteWriter) {
    this.bytes = out.bytes;
    this.length = out.length;
  }

  /** Room for one more block: at most 27 bits a coefficient, doubled by stuffing, is well under 1 KiB. */
  roomForBlock(): void {
    if (this.length + 1024 <= this.bytes.length) return;
    this.out.length = this.length;
    this.out.ensure(1024);
    this.bytes = this.out.bytes;
  }

  /** Appends the low `size` bits of `value` (size at most 16): with at most 7 waiting, 23 fit in 32 bits. */
  put(value: number, size: number): void {
    let buffer = (this.buffer << size) | (value & ((1 << size) - 1));
    let bitCount = this.bitCount + size;
    while (bitCount >= 8) {
      bitCount -= 8;
      const byte = (buffer >>> bitCount) & 0xff;
      this.bytes[this.length++] = byte;
      if (byte === 0xff) this.bytes[this.length++] = 0;
    }
    buffer &= (1 << bitCount) - 1;
    this.buffer = buffer;
    this.bitCount = bitCount;
  }

  /** Pads the last byte with one bits, as the standard asks, and hands the length back to the ByteWriter. */
  finish(): void {
    if (this.bitCount > 0) this.put(0x7f, 8 - this.bitCount);
    this.out.length = this.length;
  }
}

/** Huffman-codes the blocks (in MCU order: 4 luma, Cb, Cr) into the scan, bit by bit, with byte stuffing. */
function writeScan(
  out: ByteWriter,
  coefficients: Int16Array,
  dcTables: HuffmanTable[],
  acTables: HuffmanTable[],
): void {
  const previousDc = new Int32Array(3);
  const bits = new BitWriter(out);
  const blocks = coefficients.length / 64;
  for (let n = 0; n < blocks; n++) {
    const inMcu = n % 6;
    const component = inMcu < 4 ? 0 : inMcu - 3;
    const table = component === 0 ? 0 : 1;
    const base = n * 64;
    const value = coefficients[base] as number;
    const diff = value - (previousDc[component] as number);
    previousDc[component] = value;
    bits.roomForBlock();
    writeBlock(
      bits,
      coefficients,
      base,
      diff,
      dcTables[table] as HuffmanTable,
      acTables[table] as HuffmanTable,
    );
  }
  bits.finish();
}

/**
 * One block's DC difference and run-length-coded AC coefficients. A function of its own, called once per block, so
 * that it is optimised after a few hundred blocks rather than waiting for the scan's loop to be replaced mid-run.
 */
function writeBlock(
  bits: BitWriter,
  coefficients: Int16Array,
  base: number,
  diff: number,
  dc: HuffmanTable,
  ac: HuffmanTable,
): void {
  const dcBits = category(diff);
  bits.put(dc.code[dcBits] as number, dc.size[dcBits] as number);
  if (dcBits) bits.put(diff < 0 ? diff - 1 : diff, dcBits);
  let run = 0;
  for (let k = 1; k < 64; k++) {
    const coefficient = coefficients[base + k] as number;
    if (coefficient === 0) {
      run++;
      continue;
    }
    while (run > 15) {
      bits.put(ac.code[0xf0] as number, ac.size[0xf0] as number);
      run -= 16;
    }
    const size = category(coefficient);
    const symbol = (run << 4) | size;
    bits.put(ac.code[symbol] as number, ac.size[symbol] as number);
    bits.put(coefficient < 0 ? coefficient - 1 : coefficient, size);
    run = 0;
  }
  if (run > 0) bits.put(ac.code[0] as number, ac.size[0] as number);
}

function writeHeaders(
  out: ByteWriter,
  width: number,
  height: number,
  lumaTable: Uint8Array,
  chromaTable: Uint8Array,
  dcTables: HuffmanTable[],
  acTables: HuffmanTable[],
): void {
  out.word(0xffd8); // SOI
  // APP0 JFIF 1.01, no density (aspect ratio 1:1), no thumbnail.
  out.word(0xffe0);
  out.word(16);
  out.array([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  // DQT: two 8-bit tables, in zigzag order.
  out.word(0xffdb);
  out.word(2 + 2 * 65);
  for (const [id, table] of [lumaTable, chromaTable].entries()) {
    out.byte(id);
    for (let k = 0; k < 64; k++) out.byte(table[ZIGZAG[k] as number] as number);
  }
  // SOF0: baseline, 8-bit, three components; Y sampled 2x2, Cb and Cr 1x1 (4:2:0).
  out.word(0xffc0);
  out.word(17);
  out.byte(8);
  out.word(height);
  out.word(width);
  out.byte(3);
  out.array([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  // DHT: DC and AC tables for luma (0) and chroma (1).
  const tables: [number, HuffmanTable][] = [
    [0x00, dcTables[0] as HuffmanTable],
    [0x10, acTables[0] as HuffmanTable],
    [0x01, dcTables[1] as HuffmanTable],
    [0x11, acTables[1] as HuffmanTable],
  ];
  out.word(0xffc4);
  out.word(2 + tables.reduce((sum, [, table]) => sum + 17 + table.values.length, 0));
  for (const [id, table] of tables) {
    out.byte(id);
    out.array(table.bits);
    out.array(table.values);
  }
  // SOS: all three components, full spectrum (baseline).
  out.word(0xffda);
  out.word(12);
  out.byte(3);
  out.array([1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
}
