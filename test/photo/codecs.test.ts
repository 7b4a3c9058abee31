import sharp from 'sharp';
import { decodeImage } from '../../src/photo/codecs.js';
import {
  colourAt,
  decodeReference,
  encodeJpeg,
  near,
  photoLike,
  quadrants,
  RED,
  YELLOW,
} from '../helpers/images.js';

describe('decodeImage', () => {
  it('decodes a JPEG at the largest power-of-two reduction allowed, up to 8', async () => {
    const jpeg = await encodeJpeg(quadrants(1600, 1200));
    for (const [allowed, reduction] of [
      [0, 1],
      [1, 1],
      [3, 2],
      [4, 4],
      [7, 4],
      [20, 8],
    ] as const) {
      const decoded = await decodeImage('jpeg', jpeg, allowed);
      expect(decoded.reduction).toBe(reduction);
      expect([decoded.image.bitmap.width, decoded.image.bitmap.height]).toEqual([
        1600 / reduction,
        1200 / reduction,
      ]);
    }
    const quarter = (await decodeImage('jpeg', jpeg, 4)).image;
    const pixels = { width: 400, height: 300, channels: 4 as const, data: quarter.bitmap.data };
    expect(near(colourAt(pixels, 50, 50), RED)).toBe(true);
    expect(near(colourAt(pixels, 350, 250), YELLOW)).toBe(true);
  });

  it('decodes progressive and 4:4:4 JPEGs', async () => {
    const raw = photoLike(700, 500);
    const source = sharp(raw.data, { raw: { width: 700, height: 500, channels: 3 } });
    for (const jpeg of [
      await source.clone().jpeg({ progressive: true }).toBuffer(),
      await source.clone().jpeg({ chromaSubsampling: '4:4:4' }).toBuffer(),
    ]) {
      const decoded = await decodeImage('jpeg', jpeg);
      const reference = await decodeReference(jpeg);
      expect([decoded.image.bitmap.width, decoded.image.bitmap.height]).toEqual([700, 500]);
      const ours = { width: 700, height: 500, channels: 4 as const, data: decoded.image.bitmap.data };
      expect(near(colourAt(ours, 300, 200), colourAt(reference, 300, 200), 6)).toBe(true);
    }
  });
});
