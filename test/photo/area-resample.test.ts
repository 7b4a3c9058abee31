import { Jimp } from 'jimp';
import { areaResample } from '../../src/photo/area-resample.js';
import type { JimpImage } from '../../src/photo/jimp-image.js';
import { uprightBoxToStored, uprightSize, type Orientation } from '../../src/photo/orientation.js';

type Image = InstanceType<typeof Jimp>;

function image(width: number, height: number, pixel: (x: number, y: number) => number[]): Image {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return Jimp.fromBitmap({ width, height, data }) as Image;
}

const rgbaAt = (picture: JimpImage, x: number, y: number): number[] => {
  const i = (y * picture.bitmap.width + x) * 4;
  return [...picture.bitmap.data.subarray(i, i + 4)];
};

const whole = (picture: JimpImage) => ({
  x: 0,
  y: 0,
  width: picture.bitmap.width,
  height: picture.bitmap.height,
});

describe('areaResample', () => {
  it('averages whole blocks of a region', () => {
    // Columns alternate 0 and 200: every 2x2 block averages to 100; the region skips the first row and column.
    const source = image(7, 7, (x) => [x % 2 ? 200 : 0, 50, 10, 255]);
    for (const opaque of [true, false]) {
      const small = areaResample(source, { x: 1, y: 1, width: 6, height: 6 }, 3, 3, { opaque });
      expect([small.bitmap.width, small.bitmap.height]).toEqual([3, 3]);
      for (const [x, y] of [
        [0, 0],
        [1, 2],
        [2, 2],
      ] as const)
        expect(rgbaAt(small, x, y)).toEqual([100, 50, 10, 255]);
    }
  });

  it('weighs a source pixel that straddles two output pixels by its share of each', () => {
    // 3 source columns into 2: output 0 covers column 0 and half of column 1, output 1 the other half and column 2.
    const source = image(3, 1, (x) => [[0, 90, 180][x]!, 0, 0, 255]);
    const small = areaResample(source, whole(source), 2, 1);
    expect(rgbaAt(small, 0, 0)[0]).toBe(30); // (0 * 1 + 90 * 0.5) / 1.5
    expect(rgbaAt(small, 1, 0)[0]).toBe(150); // (90 * 0.5 + 180 * 1) / 1.5
  });

  it('keeps the mean of a large reduction and hits the exact size', () => {
    const source = image(3024, 2000, (x, y) => [(x * 7 + y * 3) % 256, 128, 255 - ((x + y) % 256), 255]);
    const small = areaResample(source, { x: 500, y: 0, width: 2000, height: 2000 }, 648, 648, {
      opaque: true,
    });
    expect([small.bitmap.width, small.bitmap.height]).toEqual([648, 648]);
    let sourceMean = 0;
    for (let y = 0; y < 2000; y++) for (let x = 500; x < 2500; x++) sourceMean += (x * 7 + y * 3) % 256;
    sourceMean /= 2000 * 2000;
    let mean = 0;
    for (let i = 0; i < small.bitmap.data.length; i += 4) mean += small.bitmap.data[i]!;
    mean /= 648 * 648;
    expect(Math.abs(mean - sourceMean)).toBeLessThan(1);
  });

  it('never enlarges', () => {
    const source = image(100, 80, () => [1, 2, 3, 255]);
    const same = areaResample(source, whole(source), 648, 648);
    expect([same.bitmap.width, same.bitmap.height]).toEqual([100, 80]);
    expect(rgbaAt(same, 99, 79)).toEqual([1, 2, 3, 255]);
  });

  it('blends transparent pixels onto white', () => {
    const source = image(2, 2, (x, y) => (x === 0 && y === 0 ? [0, 0, 0, 0] : [0, 0, 0, 255]));
    expect(rgbaAt(areaResample(source, whole(source), 2, 2), 0, 0)).toEqual([255, 255, 255, 255]);
    // One white (transparent) pixel and three black ones average to a quarter of white.
    expect(rgbaAt(areaResample(source, whole(source), 1, 1), 0, 0)).toEqual([64, 64, 64, 255]);
    const faint = image(1, 1, () => [0, 0, 200, 51]);
    expect(rgbaAt(areaResample(faint, whole(faint), 1, 1), 0, 0)).toEqual([204, 204, 244, 255]);
  });

  it('reads every step-th pixel when asked to', () => {
    // Only even columns and rows are red; a step of 2 reads only those.
    const source = image(8, 8, (x, y) => (x % 2 === 0 && y % 2 === 0 ? [255, 0, 0, 255] : [0, 0, 255, 255]));
    const rough = areaResample(source, whole(source), 2, 2, { step: 2 });
    expect(rgbaAt(rough, 1, 1)).toEqual([255, 0, 0, 255]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8] as Orientation[])(
    'writes the result already turned upright (orientation %i)',
    (orientation) => {
      // Every 2x2 block of the 12x8 source has its own colour, so each output pixel of the 6x4 result says which
      // block it averaged; it must sit where the upright picture has that block.
      const source = image(12, 8, (x, y) => [((x >> 1) * 40) % 256, (y >> 1) * 60, 7, 255]);
      const small = areaResample(source, whole(source), 6, 4, { opaque: true, orientation });
      const size = uprightSize(6, 4, orientation);
      expect([small.bitmap.width, small.bitmap.height]).toEqual([size.width, size.height]);
      for (let v = 0; v < size.height; v++) {
        for (let u = 0; u < size.width; u++) {
          const stored = uprightBoxToStored({ x: u, y: v, width: 1, height: 1 }, 6, 4, orientation);
          expect(rgbaAt(small, u, v)).toEqual([(stored.x * 40) % 256, stored.y * 60, 7, 255]);
        }
      }
    },
  );
});
