import sharp from 'sharp';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import {
  appSegment,
  commentSegment,
  encodeJpeg,
  exifSegment,
  photoLike,
  withExtraneousBytes,
  withSegments,
} from '../helpers/images.js';

/** Prepares at 240 px, so that a 2000x1500 JPEG is decoded by libjpeg-turbo at a quarter of its size. */
function prepare(jpeg: Uint8Array): ReturnType<typeof preparePhoto> {
  return preparePhoto(jpeg, { size: 240, crop: 'center' });
}

describe('JPEGs libjpeg decodes with only a warning', () => {
  let clean: Buffer;
  let expected: Uint8Array;
  beforeAll(async () => {
    // With an EXIF segment first, as cameras write, so that the stray bytes come after a segment.
    clean = withSegments(await encodeJpeg(photoLike(2000, 1500)), exifSegment(1));
    expected = (await prepare(clean)).jpeg;
  });

  it.each([
    [
      'bytes before the quantisation tables',
      (jpeg: Buffer) => withExtraneousBytes(jpeg, Buffer.from([0, 1, 2])),
    ],
    ['bytes before the frame header', (jpeg: Buffer) => withExtraneousBytes(jpeg, Buffer.from([0x20]), 0xc0)],
    ['bytes before the scan', (jpeg: Buffer) => withExtraneousBytes(jpeg, Buffer.from([0x0d, 0x0a]), 0xda)],
    [
      'unusual APPn and COM segments',
      (jpeg: Buffer) =>
        withSegments(
          jpeg,
          appSegment(12, Buffer.from('Ducky\0\x01\0\x04\0\0\0\x50\0\0', 'latin1')),
          appSegment(15, Buffer.alloc(3000, 0xab)),
          commentSegment('\x00\xff binary comment \xd9 with a marker-like byte pair'),
          appSegment(2, Buffer.from('not an ICC profile at all', 'latin1')),
        ),
    ],
  ])('accepts %s, exactly as the clean file', async (_name, spoil) => {
    const spoilt = spoil(clean);
    // An independent decoder (libvips with libjpeg-turbo, told to go on past warnings, as browsers do) shows it.
    expect((await sharp(spoilt, { failOn: 'none' }).metadata()).width).toBe(2000);
    await expect(sharp(spoilt, { failOn: 'none' }).raw().toBuffer()).resolves.toHaveLength(2000 * 1500 * 3);
    const photo = await prepare(spoilt);
    // The same pixels through the same fast path (libjpeg-turbo at a quarter size), so the same output bytes.
    expect(Buffer.from(photo.jpeg).equals(Buffer.from(expected))).toBe(true);
  });

  it('still refuses data cut off in the middle of the scan', async () => {
    const spoilt = withExtraneousBytes(clean, Buffer.from([0, 1, 2]));
    await expect(prepare(spoilt.subarray(0, Math.floor(spoilt.length * 0.6)))).rejects.toMatchObject({
      code: 'CorruptImage',
    });
  });
});
