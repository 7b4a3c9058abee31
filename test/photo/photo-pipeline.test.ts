import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { PhotoError, type PhotoErrorCode } from '../../src/errors.js';
import type { Orientation } from '../../src/photo/orientation.js';
import { GRAPH_PHOTO_MAX_BYTES, preparePhoto, type PrepareOptions } from '../../src/photo/photo-pipeline.js';
import {
  BLUE,
  GREEN,
  RED,
  YELLOW,
  apng,
  colourAt,
  commentSegment,
  decodeReference,
  encodeGif,
  encodeJpeg,
  encodePng,
  encodeWebp,
  exifSegment,
  forgedPngHeader,
  jpegMarkers,
  near,
  photoLike,
  quadrants,
  solid,
  storedFor,
  withSegments,
  xmpSegment,
  type Raw,
  type Rgb,
} from '../helpers/images.js';

const fixture = (name: string): Promise<Buffer> => readFile(new URL(`../fixtures/${name}`, import.meta.url));

async function refusal(input: Uint8Array, options?: PrepareOptions): Promise<PhotoErrorCode> {
  try {
    await preparePhoto(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(PhotoError);
    return (error as PhotoError).code;
  }
  throw new Error('expected a refusal');
}

/** Checks the corners of an upright quadrant picture that was cropped to a square. */
function expectQuadrants(picture: Raw): void {
  const inset = Math.round(picture.width * 0.15);
  const far = picture.width - 1 - inset;
  expect(near(colourAt(picture, inset, inset), RED)).toBe(true);
  expect(near(colourAt(picture, far, inset), GREEN)).toBe(true);
  expect(near(colourAt(picture, inset, far), BLUE)).toBe(true);
  expect(near(colourAt(picture, far, far), YELLOW)).toBe(true);
}

describe('preparePhoto refusals', () => {
  it('refuses input over the byte cap before looking at it (ImageTooLarge)', async () => {
    const jpeg = await encodeJpeg(photoLike(400, 300));
    expect(await refusal(jpeg, { maxInputBytes: jpeg.length - 1 })).toBe('ImageTooLarge');
    await expect(preparePhoto(jpeg, { maxInputBytes: jpeg.length })).resolves.toBeDefined();
  });

  it.each([
    [
      'TIFF',
      () =>
        sharp(photoLike(200, 200).data, { raw: { width: 200, height: 200, channels: 3 } })
          .tiff()
          .toBuffer(),
    ],
    ['BMP', () => Promise.resolve(Buffer.concat([Buffer.from('BM'), Buffer.alloc(200, 1)]))],
    [
      'SVG',
      () =>
        Promise.resolve(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"/>')),
    ],
    ['PDF', () => Promise.resolve(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'))],
    ['ICO', () => Promise.resolve(Buffer.from([0, 0, 1, 0, 1, 0, 32, 32, 0, 0, 1, 0, 32, 0, 0, 0]))],
    ['text', () => Promise.resolve(Buffer.from('just some text, not a picture at all'))],
    [
      'HTML',
      () => Promise.resolve(Buffer.from('<!doctype html><html><body><img src="x.jpg"></body></html>')),
    ],
    ['empty', () => Promise.resolve(Buffer.alloc(0))],
    [
      'AVIF',
      () =>
        sharp(photoLike(200, 200).data, { raw: { width: 200, height: 200, channels: 3 } })
          .avif()
          .toBuffer(),
    ],
  ])('refuses %s (UnsupportedImage)', async (_name, make) => {
    expect(await refusal(await make())).toBe('UnsupportedImage');
  });

  it('refuses a header over 50 megapixels or 20000 px a side without decoding it (ImageDimensionsTooLarge)', async () => {
    expect(await refusal(forgedPngHeader(8000, 8000))).toBe('ImageDimensionsTooLarge');
    expect(await refusal(forgedPngHeader(20_001, 100))).toBe('ImageDimensionsTooLarge');
    expect(await refusal(forgedPngHeader(60_000, 60_000))).toBe('ImageDimensionsTooLarge');
    // A GIF whose logical screen is small but whose first frame claims 30000x30000.
    const gif = Buffer.from([
      ...Buffer.from('GIF89a', 'latin1'),
      200,
      0,
      200,
      0,
      0,
      0,
      0,
      0x2c,
      0,
      0,
      0,
      0,
      0x30,
      0x75,
      0x30,
      0x75,
      0,
      2,
      2,
      0x4c,
      0x01,
      0,
      0x3b,
    ]);
    expect(await refusal(gif)).toBe('ImageDimensionsTooLarge');
  });

  it('refuses a picture whose shortest side is under 96 px (ImageTooSmall)', async () => {
    expect(await refusal(await encodePng(photoLike(400, 95)))).toBe('ImageTooSmall');
    await expect(preparePhoto(await encodePng(photoLike(400, 96)))).resolves.toMatchObject({ width: 96 });
  });

  it('refuses truncated and corrupt data (CorruptImage)', async () => {
    const jpeg = await encodeJpeg(photoLike(400, 300));
    expect(await refusal(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)))).toBe('CorruptImage');
    const png = await encodePng(photoLike(400, 300));
    expect(await refusal(png.subarray(0, Math.floor(png.length * 0.6)))).toBe('CorruptImage');
    const garbage = Buffer.concat([png.subarray(0, 33), Buffer.alloc(4000, 0x5a)]);
    expect(await refusal(garbage)).toBe('CorruptImage');
    const webp = await encodeWebp(photoLike(400, 300));
    expect(await refusal(webp.subarray(0, Math.floor(webp.length * 0.5)))).toBe('CorruptImage');
    const heic = await fixture('quadrants-480x360.heic');
    expect(await refusal(heic.subarray(0, Math.floor(heic.length * 0.5)))).toBe('CorruptImage');
  });

  it('refuses a crop box that is not a square inside the upright picture (InvalidCropBox)', async () => {
    const jpeg = withSegments(await encodeJpeg(photoLike(400, 300)), exifSegment(6)); // upright: 300x400
    expect(await refusal(jpeg, { crop: { x: 0, y: 0, width: 200, height: 150 } })).toBe('InvalidCropBox');
    expect(await refusal(jpeg, { crop: { x: 0, y: 0, width: 350, height: 350 } })).toBe('InvalidCropBox');
    expect(await refusal(jpeg, { crop: { x: -1, y: 0, width: 200, height: 200 } })).toBe('InvalidCropBox');
    expect(await refusal(jpeg, { crop: { x: 0, y: 0, width: 50, height: 50 } })).toBe('InvalidCropBox');
    await expect(
      preparePhoto(jpeg, { crop: { x: 0, y: 100, width: 300, height: 300 } }),
    ).resolves.toBeDefined();
  });

  it('keeps pixel data out of error messages', async () => {
    const png = await encodePng(photoLike(400, 300));
    const broken = Buffer.concat([png.subarray(0, 33), Buffer.from('SECRET-PIXELS'.repeat(100))]);
    const error = (await preparePhoto(broken).catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain('SECRET');
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('preparePhoto output', () => {
  it('is a square JPEG of at most 648 px, under 4 MB, with no metadata', async () => {
    const jpeg = withSegments(
      await encodeJpeg(photoLike(1600, 1200), 95),
      exifSegment(1, true),
      xmpSegment(),
      commentSegment('taken at a secret place'),
    );
    const photo = await preparePhoto(jpeg);
    expect(photo).toMatchObject({ width: 648, height: 648, sourceFormat: 'jpeg' });
    expect(photo.bytes).toBe(photo.jpeg.byteLength);
    expect(photo.bytes).toBeLessThan(GRAPH_PHOTO_MAX_BYTES);
    const meta = await sharp(photo.jpeg).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 648, height: 648 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.comments ?? []).toHaveLength(0);
    // Only the JFIF header, tables, frame and scan: no APP1 (EXIF/XMP), APP2 (ICC) or COM segment.
    const markers = jpegMarkers(photo.jpeg);
    expect(markers.filter((m) => (m >= 0xe1 && m <= 0xef) || m === 0xfe)).toEqual([]);
    expect(Buffer.from(photo.jpeg).includes('secret place')).toBe(false);
  });

  it('never upscales: a smaller source keeps its size', async () => {
    const photo = await preparePhoto(await encodePng(photoLike(300, 200)));
    expect([photo.width, photo.height]).toEqual([200, 200]);
    expect(await sharp(photo.jpeg).metadata()).toMatchObject({ width: 200, height: 200 });
  });

  it('honours a smaller output size', async () => {
    const photo = await preparePhoto(await encodeJpeg(photoLike(1000, 800)), { size: 240 });
    expect(await sharp(photo.jpeg).metadata()).toMatchObject({ width: 240, height: 240 });
    await expect(preparePhoto(await encodeJpeg(photoLike(400, 300)), { size: 700 })).rejects.toThrow(
      RangeError,
    );
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8] as Orientation[])(
    'stands EXIF orientation %i upright',
    async (orientation) => {
      const upright = quadrants(480, 360);
      const stored = await storedFor(upright, orientation);
      const jpeg = withSegments(await encodeJpeg(stored), exifSegment(orientation));
      // The fixture itself is right: sharp, turning by the same EXIF tag, sees the upright picture.
      expectQuadrants(
        await decodeReference(
          await sharp(jpeg).rotate().extract({ left: 60, top: 0, width: 360, height: 360 }).toBuffer(),
        ),
      );

      const photo = await preparePhoto(jpeg, { crop: 'center' });
      expect(photo.crop).toEqual({ x: 60, y: 0, width: 360, height: 360, method: 'center' });
      expect(photo.source).toEqual({ width: 480, height: 360 });
      expectQuadrants(await decodeReference(photo.jpeg));
    },
  );

  it('decodes a large JPEG at reduced scale, stands it upright, and reports the crop in full-size pixels', async () => {
    const upright = quadrants(2000, 2700); // kept side 2000: decoded at 3/8 (750 px), still over 648
    const jpeg = withSegments(await encodeJpeg(await storedFor(upright, 6)), exifSegment(6));
    const photo = await preparePhoto(jpeg, { crop: 'center' });
    // The centre is placed in the decoded picture's pixels, each 8/3 full-size ones: 350 to within one of them.
    const { y, ...rest } = photo.crop;
    expect(rest).toEqual({ x: 0, width: 2000, height: 2000, method: 'center' });
    expect(Math.abs(y - 350)).toBeLessThanOrEqual(8 / 3);
    expect(photo.source).toEqual({ width: 2000, height: 2700 });
    expect([photo.width, photo.height]).toEqual([648, 648]);
    expectQuadrants(await decodeReference(photo.jpeg));

    const red = await preparePhoto(jpeg, { crop: { x: 100, y: 100, width: 800, height: 800 } });
    expect(red.crop).toEqual({ x: 100, y: 100, width: 800, height: 800, method: 'explicit' });
    const picture = await decodeReference(red.jpeg);
    for (const [x, y] of [
      [5, 5],
      [640, 5],
      [5, 640],
      [640, 640],
    ] as const) {
      expect(near(colourAt(picture, x, y, 2), RED)).toBe(true);
    }
  });

  it('maps an explicit crop box through the orientation', async () => {
    const upright = quadrants(480, 360);
    const jpeg = withSegments(await encodeJpeg(await storedFor(upright, 6)), exifSegment(6));
    // The top-left 180x180 of the upright picture is all red.
    const photo = await preparePhoto(jpeg, { crop: { x: 0, y: 0, width: 180, height: 180 } });
    expect(photo.crop).toEqual({ x: 0, y: 0, width: 180, height: 180, method: 'explicit' });
    const picture = await decodeReference(photo.jpeg);
    for (const [x, y] of [
      [10, 10],
      [170, 10],
      [10, 170],
      [170, 170],
      [90, 90],
    ] as const) {
      expect(near(colourAt(picture, x, y, 2), RED)).toBe(true);
    }
  });

  it('composites transparency onto white', async () => {
    // Left half transparent, right half half-transparent black.
    const width = 300;
    const height = 300;
    const data = Buffer.alloc(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++)
        data.set(x < width / 2 ? [0, 0, 0, 0] : [0, 0, 0, 128], (y * width + x) * 4);
    }
    const png = await encodePng({ width, height, channels: 4, data });
    const picture = await decodeReference((await preparePhoto(png)).jpeg);
    expect(near(colourAt(picture, 40, 150), [255, 255, 255], 6)).toBe(true);
    expect(near(colourAt(picture, 260, 150), [127, 127, 127], 8)).toBe(true);
  });

  it('reads every accepted format', async () => {
    const upright = quadrants(480, 360);
    const inputs: [string, Buffer][] = [
      ['jpeg', await encodeJpeg(upright)],
      ['png', await encodePng(upright)],
      ['gif', await encodeGif(upright)],
      ['webp', await encodeWebp(upright)],
      ['webp', await encodeWebp({ ...solid(480, 360, RED, 255), data: await rgba(upright) }, true)],
      ['heic', await fixture('quadrants-480x360.heic')],
    ];
    for (const [format, input] of inputs) {
      const photo = await preparePhoto(input, { crop: 'center' });
      expect(photo.sourceFormat).toBe(format);
      expectQuadrants(await decodeReference(photo.jpeg));
    }
  });

  it('takes the first frame of an animated WebP, with and without alpha', async () => {
    for (const channels of [3, 4] as const) {
      const first = channels === 3 ? solid(200, 200, RED).data : solid(200, 200, RED, 255).data;
      const second = channels === 3 ? solid(200, 200, BLUE).data : solid(200, 200, BLUE, 128).data;
      const animated = await sharp(Buffer.concat([first, second]), {
        raw: { width: 200, height: 400, channels, pageHeight: 200 },
      })
        .webp({ loop: 0, delay: [100, 100], lossless: channels === 4 })
        .toBuffer();
      expect((await sharp(animated).metadata()).pages).toBe(2);
      const photo = await preparePhoto(animated);
      expect(photo.sourceFormat).toBe('webp');
      expect(near(colourAt(await decodeReference(photo.jpeg), 100, 100), RED)).toBe(true);
    }
  });

  it('takes the first frame of an animated PNG and of an animated GIF', async () => {
    const animatedPng = apng(200, 200, RED, BLUE);
    const fromPng = await decodeReference((await preparePhoto(animatedPng)).jpeg);
    expect(near(colourAt(fromPng, 100, 100), RED)).toBe(true);

    const frames = await sharp(Buffer.concat([solid(200, 200, GREEN).data, solid(200, 200, BLUE).data]), {
      raw: { width: 200, height: 400, channels: 3, pageHeight: 200 },
    })
      .gif({ loop: 0, delay: [100, 100] })
      .toBuffer();
    expect((await sharp(frames).metadata()).pages).toBe(2);
    const fromGif = await decodeReference((await preparePhoto(frames)).jpeg);
    expect(near(colourAt(fromGif, 100, 100), GREEN)).toBe(true);
  });

  it('converts CMYK and greyscale JPEG and 16-bit and greyscale PNG to RGB', async () => {
    const base = sharp(solid(300, 300, RED).data, { raw: { width: 300, height: 300, channels: 3 } });
    const cmyk = await base.clone().toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const fromCmyk = await decodeReference((await preparePhoto(cmyk)).jpeg);
    expect(near(colourAt(fromCmyk, 150, 150), RED, 40)).toBe(true);

    const grey = sharp(solid(300, 300, [90, 90, 90]).data, { raw: { width: 300, height: 300, channels: 3 } });
    const greyJpeg = await grey.clone().greyscale().jpeg().toBuffer();
    const greyPng16 = await grey.clone().greyscale().toColourspace('grey16').png().toBuffer();
    expect((await sharp(greyPng16).metadata()).depth).toBe('ushort');
    const rgb16 = await base.clone().toColourspace('rgb16').png().toBuffer();
    for (const [input, colour] of [
      [greyJpeg, [90, 90, 90]],
      [greyPng16, [90, 90, 90]],
      [rgb16, RED],
    ] as [Buffer, Rgb][]) {
      const picture = await decodeReference((await preparePhoto(input)).jpeg);
      expect(picture.channels).toBe(3);
      expect(near(colourAt(picture, 150, 150), colour, 12)).toBe(true);
    }
  });

  it('places the square on the subject, not the centre', async () => {
    const { width } = subjectOnTheRight;
    const photo = await preparePhoto(await encodeJpeg(subjectOnTheRight));
    expect(photo.crop.method).toBe('salient');
    expect(photo.crop.width).toBe(500);
    expect(photo.crop.x).toBeGreaterThan(width / 2 - 250 + 200); // well right of the centred square (x = 350)
    expect(photo.crop.x + photo.crop.width).toBeGreaterThanOrEqual(1130);
  });

  it.each([3, 6, 8] as Orientation[])(
    'places the salient square on the subject of a picture stored turned (EXIF orientation %i)',
    async (orientation) => {
      // The same upright picture, stored turned, with the tag to stand it up. The salient square is scored on the
      // face detector's upright copy and mapped back to the stored pixels.
      const { width, height } = subjectOnTheRight;
      const stored = await storedFor(subjectOnTheRight, orientation);
      const photo = await preparePhoto(withSegments(await encodeJpeg(stored), exifSegment(orientation)));
      expect(photo.facesLookedFor).toBe(true);
      expect(photo.crop.method).toBe('salient');
      expect(photo.source).toEqual({ width, height });
      expect(photo.crop.y).toBe(0);
      expect(photo.crop.x).toBeGreaterThan(width / 2 - 250 + 200);
      expect(photo.crop.x + photo.crop.width).toBeGreaterThanOrEqual(1130);
      // And the photo shows the subject (skin tones where it lies in any square the checks above allow), not grey.
      const picture = await decodeReference(photo.jpeg);
      const [r, , b] = colourAt(picture, 365, 250, 4);
      expect(r - b).toBeGreaterThan(50);
    },
  );
});

/** A wide grey picture with a skin-toned, detailed "face" near its right edge (x 930-1130, y 120-380). */
const subjectOnTheRight: Raw = (() => {
  const width = 1200;
  const height = 500;
  const data = Buffer.alloc(width * height * 3, 110);
  for (let y = 120; y < 380; y++) {
    for (let x = 930; x < 1130; x++) {
      const shade = ((x >> 3) + (y >> 3)) % 2 === 0 ? 0 : 25;
      data.set([225 - shade, 170 - shade, 140 - shade], (y * width + x) * 3);
    }
  }
  return { width, height, channels: 3, data };
})();

async function rgba(raw: Raw): Promise<Buffer> {
  return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } })
    .ensureAlpha()
    .raw()
    .toBuffer();
}
