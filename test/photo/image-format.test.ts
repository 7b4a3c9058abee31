import { sniffFormat } from '../../src/photo/image-format.js';
import { encodeGif, encodeJpeg, encodePng, encodeWebp, photoLike } from '../helpers/images.js';

function ftyp(major: string, ...compatible: string[]): Buffer {
  const size = 16 + 4 * compatible.length;
  const box = Buffer.alloc(size + 8);
  box.writeUInt32BE(size, 0);
  box.write(`ftyp${major}`, 4, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + i * 4, 'latin1'));
  return box;
}

describe('sniffFormat', () => {
  it('names the formats the pipeline accepts from their bytes', async () => {
    const picture = photoLike(120, 100);
    expect(sniffFormat(await encodeJpeg(picture))).toBe('jpeg');
    expect(sniffFormat(await encodePng(picture))).toBe('png');
    expect(sniffFormat(await encodeGif(picture))).toBe('gif');
    expect(sniffFormat(await encodeWebp(picture))).toBe('webp');
    expect(sniffFormat(ftyp('heic', 'mif1', 'heic'))).toBe('heic');
    expect(sniffFormat(ftyp('mif1', 'mif1', 'heic'))).toBe('heic');
  });

  it('refuses AVIF, which shares HEIF container brands', () => {
    expect(sniffFormat(ftyp('avif', 'mif1', 'avif'))).toBeNull();
    expect(sniffFormat(ftyp('mif1', 'mif1', 'avif'))).toBeNull();
  });

  it.each([
    ['TIFF', Buffer.from('II*\0\x08\0\0\0\0\0\0\0\0\0', 'latin1')],
    ['BMP', Buffer.from('BM\0\0\0\0\0\0\0\0\0\0\0\0', 'latin1')],
    ['text', Buffer.from('hello, this is a text file')],
    ['short', Buffer.from([0xff, 0xd8, 0xff])],
    ['empty', Buffer.alloc(0)],
  ])('returns null for %s', (_name, bytes) => {
    expect(sniffFormat(bytes)).toBeNull();
  });
});
