/**
 * Decides an image's format from its first bytes, never from a file name or a declared content type.
 */

/** The formats the pipeline accepts. */
export type SourceFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'heic';

/** HEIF brands that hold HEVC-coded stills or sequences (what iPhones write). */
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/**
 * Returns the format named by the magic bytes, or `null` for anything the pipeline does not accept
 * (TIFF, BMP, SVG, PDF, ICO, AVIF, text, HTML, empty input, ...).
 */
export function sniffFormat(bytes: Uint8Array): SourceFormat | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  const gif = ascii(bytes, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp' && isHeifFileType(bytes)) return 'heic';
  return null;
}

/**
 * An ISO-BMFF `ftyp` box is HEIC when its major brand or a compatible brand is an HEVC brand. The generic
 * brands `mif1`/`msf1` are HEIF too, unless the file also names AVIF, which is the same container with AV1.
 */
function isHeifFileType(bytes: Uint8Array): boolean {
  const boxSize =
    ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  const end = Math.min(boxSize, bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  if (brands.some((brand) => HEVC_BRANDS.has(brand))) return true;
  if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return false;
  return brands.some((brand) => brand === 'mif1' || brand === 'msf1');
}
