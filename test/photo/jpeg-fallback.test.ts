import { jest } from '@jest/globals';
import { encodeJpeg, photoLike, withFrameSize } from '../helpers/images.js';

// libjpeg-turbo standing down, as it does for a file it cannot take: what reaches mozjpeg, the fallback, must be
// held to the limits by libjpeg's own reading of the header before mozjpeg allocates anything.
jest.unstable_mockModule('../../src/photo/jpeg-turbo.js', () => ({
  decodeJpegScaled: () => Promise.reject(new Error('libjpeg-turbo could not decode the JPEG')),
  readJpegSize: () => Promise.resolve(null),
}));
const { decodeImage } = await import('../../src/photo/codecs.js');

describe('the mozjpeg fallback', () => {
  it('decodes what libjpeg-turbo did not', async () => {
    const decoded = await decodeImage('jpeg', await encodeJpeg(photoLike(320, 240)), 4);
    expect([decoded.image.bitmap.width, decoded.image.bitmap.height, decoded.reduction]).toEqual([
      320, 240, 1,
    ]);
  });

  it('refuses a frame past the limits before mozjpeg decodes it', async () => {
    const bomb = withFrameSize(await encodeJpeg(photoLike(128, 128)), { width: 9000, height: 9000 });
    await expect(decodeImage('jpeg', bomb, 1)).rejects.toMatchObject({ code: 'ImageDimensionsTooLarge' });
  });
});
