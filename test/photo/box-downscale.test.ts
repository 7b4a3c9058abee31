import { Jimp } from 'jimp';
import { boxDownscale } from '../../src/photo/box-downscale.js';

function image(
  width: number,
  height: number,
  pixel: (x: number, y: number) => number[],
): InstanceType<typeof Jimp> {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return Jimp.fromBitmap({ width, height, data }) as InstanceType<typeof Jimp>;
}

const rgbaAt = (picture: InstanceType<typeof Jimp>, x: number, y: number): number[] => {
  const i = (y * picture.bitmap.width + x) * 4;
  return [...picture.bitmap.data.subarray(i, i + 4)];
};

describe('boxDownscale', () => {
  it('averages each block of a region into one pixel', () => {
    // Columns alternate 0 and 200: every 2x2 block averages to 100; the region skips the first row and column.
    const source = image(7, 7, (x) => [x % 2 ? 200 : 0, 50, 10, 255]);
    for (const opaque of [true, false]) {
      const small = boxDownscale(source, { x: 1, y: 1, width: 6, height: 6 }, 2, opaque);
      expect([small.bitmap.width, small.bitmap.height]).toEqual([3, 3]);
      expect(rgbaAt(small, 0, 0)).toEqual([100, 50, 10, 255]);
      expect(rgbaAt(small, 2, 2)).toEqual([100, 50, 10, 255]);
    }
  });

  it('drops the pixels that do not fill a whole block', () => {
    const small = boxDownscale(
      image(10, 9, () => [1, 2, 3, 255]),
      { x: 0, y: 0, width: 10, height: 9 },
      4,
    );
    expect([small.bitmap.width, small.bitmap.height]).toEqual([2, 2]);
  });

  it('blends transparent pixels onto white', () => {
    const source = image(2, 2, (x, y) => (x === 0 && y === 0 ? [0, 0, 0, 0] : [0, 0, 0, 255]));
    expect(rgbaAt(boxDownscale(source, { x: 0, y: 0, width: 2, height: 2 }, 1), 0, 0)).toEqual([
      255, 255, 255, 255,
    ]);
    // One white (transparent) pixel and three black ones average to a quarter of white.
    expect(rgbaAt(boxDownscale(source, { x: 0, y: 0, width: 2, height: 2 }, 2), 0, 0)).toEqual([
      64, 64, 64, 255,
    ]);
    const half = image(1, 1, () => [0, 0, 200, 51]);
    expect(rgbaAt(boxDownscale(half, { x: 0, y: 0, width: 1, height: 1 }, 1), 0, 0)).toEqual([
      204, 204, 244, 255,
    ]);
  });
});
