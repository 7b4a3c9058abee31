/**
 * Huffman tables for the output encoder (jpeg-encoder.ts): the optimal table for a picture's symbol counts, limited to
 * 16-bit codes (ITU-T T.81 Annex K.2, as libjpeg's jpeg_gen_optimal_table does it), and the canonical codes of a
 * table (Annex C).
 */

/** A Huffman table as JPEG sends it (counts of codes per length 1-16, symbols) and as the encoder uses it. */
export interface HuffmanTable {
  readonly bits: Uint8Array; // 16 counts
  readonly values: Uint8Array;
  readonly code: Uint16Array; // by symbol
  readonly size: Uint8Array; // by symbol, 0 = unused
}

/**
 * The optimal Huffman table for the symbol frequencies, limited to 16-bit codes, with no all-ones code: the
 * procedure of ITU-T T.81 Annex K.2 as libjpeg implements it (jpeg_gen_optimal_table).
 */
export function optimalTable(counts: Uint32Array): HuffmanTable {
  const freq = new Float64Array(257);
  freq.set(counts.subarray(0, 256));
  freq[256] = 1; // a reserved symbol, so no real code is all ones
  const codesize = new Int32Array(257);
  const others = new Int32Array(257).fill(-1);
  for (;;) {
    // The two least frequent non-zero entries, c1 the smaller (ties to the larger symbol, as libjpeg).
    let c1 = -1;
    let v = Infinity;
    for (let i = 0; i <= 256; i++) {
      const f = freq[i] as number;
      if (f && f <= v) {
        v = f;
        c1 = i;
      }
    }
    let c2 = -1;
    v = Infinity;
    for (let i = 0; i <= 256; i++) {
      const f = freq[i] as number;
      if (f && f <= v && i !== c1) {
        v = f;
        c2 = i;
      }
    }
    if (c2 < 0) break;
    freq[c1] = (freq[c1] as number) + (freq[c2] as number);
    freq[c2] = 0;
    codesize[c1] = (codesize[c1] as number) + 1;
    while (others[c1] !== -1) {
      c1 = others[c1] as number;
      codesize[c1] = (codesize[c1] as number) + 1;
    }
    others[c1] = c2;
    codesize[c2] = (codesize[c2] as number) + 1;
    while (others[c2] !== -1) {
      c2 = others[c2] as number;
      codesize[c2] = (codesize[c2] as number) + 1;
    }
  }
  const lengths = new Int32Array(33);
  for (let i = 0; i <= 256; i++)
    if (codesize[i]) lengths[codesize[i] as number] = (lengths[codesize[i] as number] as number) + 1;
  // Limit code lengths to 16 bits (Annex K.3).
  for (let i = 32; i > 16; i--) {
    while ((lengths[i] as number) > 0) {
      let j = i - 2;
      while (lengths[j] === 0) j--;
      lengths[i] = (lengths[i] as number) - 2;
      lengths[i - 1] = (lengths[i - 1] as number) + 1;
      lengths[j + 1] = (lengths[j + 1] as number) + 2;
      lengths[j] = (lengths[j] as number) - 1;
    }
  }
  let longest = 16;
  while (lengths[longest] === 0) longest--;
  lengths[longest] = (lengths[longest] as number) - 1; // drop the reserved symbol's code
  const bits = Uint8Array.from(lengths.subarray(1, 17));
  const values: number[] = [];
  for (let length = 1; length <= 32; length++) {
    for (let symbol = 0; symbol < 256; symbol++) if (codesize[symbol] === length) values.push(symbol);
  }
  return withCodes(bits, Uint8Array.from(values));
}

/** Assigns the canonical codes of a table given as counts per length and symbols (Annex C). */
export function withCodes(bits: Uint8Array, values: Uint8Array): HuffmanTable {
  const code = new Uint16Array(256);
  const size = new Uint8Array(256);
  let next = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let n = 0; n < (bits[length - 1] as number); n++) {
      const symbol = values[k++] as number;
      code[symbol] = next++;
      size[symbol] = length;
    }
    next <<= 1;
  }
  return { bits, values, code, size };
}
