/**
 * The read-back's comparer (src/photo/photo-compare.ts) on real encoded pictures: a copy of the same photo that
 * Graph re-encoded (another JPEG quality, a smaller copy, PNG) is within the threshold; another photo, a
 * flipped one or a blank one is far beyond it. The figures are printed with TEST_LOG=1.
 */
import sharp from 'sharp';
import {
  createPhotoComparer,
  DEFAULT_MAX_MEAN_DIFFERENCE,
  photoDifference,
} from '../../src/photo/photo-compare.js';
import { encodeJpeg, encodePng, photoLike, quadrants, solid } from '../helpers/images.js';

describe('photo comparer', () => {
  it('takes re-encoded and smaller copies of a photo as the same, and other photos as not', async () => {
    const raw = photoLike(648, 648, 1);
    const sent = await encodeJpeg(raw, 90);
    const same = {
      'JPEG quality 60': await encodeJpeg(raw, 60),
      'JPEG quality 30': await encodeJpeg(raw, 30),
      PNG: await encodePng(raw),
      '240 px copy': await sharp(sent).resize(240, 240).jpeg({ quality: 75 }).toBuffer(),
      '96 px copy': await sharp(sent).resize(96, 96).jpeg({ quality: 75 }).toBuffer(),
    };
    const other = {
      'another picture': await encodeJpeg(quadrants(648, 648), 90),
      'the photo flipped': await sharp(sent).flop().flip().jpeg({ quality: 90 }).toBuffer(),
      'a grey square': await encodeJpeg(solid(648, 648, [128, 128, 128]), 90),
    };
    const figures: Record<string, number> = {};
    for (const [name, bytes] of Object.entries(same)) {
      figures[name] = await photoDifference(sent, bytes);
      expect(figures[name]).toBeLessThan(DEFAULT_MAX_MEAN_DIFFERENCE / 2);
    }
    for (const [name, bytes] of Object.entries(other)) {
      figures[name] = await photoDifference(sent, bytes);
      expect(figures[name]).toBeGreaterThan(DEFAULT_MAX_MEAN_DIFFERENCE * 2);
    }
    if (process.env.TEST_LOG) console.log(figures);
    const compare = createPhotoComparer();
    await expect(compare(sent, same['JPEG quality 30'])).resolves.toBe(true);
    await expect(compare(sent, other['the photo flipped'])).resolves.toBe(false);
  });

  it('takes anything undecodable as not the same, without throwing', async () => {
    const sent = await encodeJpeg(photoLike(200, 200, 2), 90);
    const compare = createPhotoComparer();
    await expect(compare(sent, Buffer.from('not an image'))).resolves.toBe(false);
    await expect(compare(sent, sent.subarray(0, sent.length / 2))).resolves.toBe(false);
    expect(await photoDifference(sent, Buffer.alloc(0))).toBe(Number.POSITIVE_INFINITY);
  });
});
