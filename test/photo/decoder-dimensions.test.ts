import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { decodeImage } from '../../src/photo/codecs.js';
import { imageSize } from 'image-size';
import {
  checkDecoderDimensions,
  gifFirstFrameSize,
  heicImageSize,
} from '../../src/photo/decoder-dimensions.js';
import { jpegFrameSize } from '../../src/photo/jpeg-markers.js';
import { DEFAULT_DIMENSION_LIMITS, readImageHeader } from '../../src/photo/image-header.js';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import {
  animatedWebp,
  BLUE,
  colourAt,
  decodeReference,
  encodeJpeg,
  gifWithHiddenFrame,
  jpegWithHiddenFrame,
  near,
  photoLike,
  pngWithSecondIhdr,
  solid,
  webpStillInCanvas,
  withFrameSize,
} from '../helpers/images.js';

const heicFixture = new URL('../fixtures/quadrants-480x360.heic', import.meta.url);

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'no refusal',
    (error: unknown) => (error as { code?: unknown }).code,
  );
}

/**
 * Runs `work` and returns how far the process's resident memory rose while it ran, in MB. The decoders this file
 * guards against allocate hundreds of MB (inside WebAssembly memory or in Buffers) for each hostile file; a refusal
 * before decoding allocates next to nothing.
 */
async function memoryRiseMb(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(sample);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return (peak - before) / (1024 * 1024);
}

/** A small real JPEG to build hostile ones from. */
function smallJpeg(): Promise<Buffer> {
  return encodeJpeg(photoLike(128, 128));
}

describe('JPEG: the frame libjpeg decodes, not the one image-size finds', () => {
  it('refuses a 9000x9000 frame hidden behind a fake 100x100 one, before decoding', async () => {
    const bomb = jpegWithHiddenFrame(
      await smallJpeg(),
      { width: 9000, height: 9000 },
      { width: 100, height: 100 },
    );
    expect(bomb.length).toBeLessThan(10_000);
    // image-size, which the header check used to read JPEGs with, is fooled; libjpeg's rules find the real frame.
    expect(imageSize(bomb)).toMatchObject({ width: 100, height: 100 });
    expect(jpegFrameSize(bomb)).toEqual({ width: 9000, height: 9000 });
    let code: unknown;
    const rise = await memoryRiseMb(async () => {
      code = await refusal(preparePhoto(bomb));
    });
    expect(code).toBe('ImageDimensionsTooLarge');
    // Decoding it would take 9000 x 9000 x 4 bytes = 324 MB of output alone.
    expect(rise).toBeLessThan(100);
  });

  it('reads the header of a hidden frame within the limits as libjpeg decodes it', async () => {
    const hidden = jpegWithHiddenFrame(
      await smallJpeg(),
      { width: 3000, height: 2000 },
      { width: 100, height: 100 },
    );
    expect(readImageHeader(hidden, 'jpeg')).toMatchObject({ width: 3000, height: 2000 });
  });

  it('refuses a frame without a height (deferred to a DNL marker, which libjpeg cannot decode) as corrupt', async () => {
    const dnl = withFrameSize(await smallJpeg(), { width: 128, height: 0 });
    expect(await refusal(preparePhoto(dnl))).toBe('CorruptImage');
  });

  it("holds the header to libjpeg-turbo's own reading", async () => {
    const jpeg = await smallJpeg();
    const limits = DEFAULT_DIMENSION_LIMITS;
    await expect(
      checkDecoderDimensions(jpeg, 'jpeg', { width: 128, height: 128 }, limits),
    ).resolves.toBeUndefined();
    expect(await refusal(checkDecoderDimensions(jpeg, 'jpeg', { width: 128, height: 100 }, limits))).toBe(
      'CorruptImage',
    );
    // libjpeg-turbo's size is held to the limits too, here tighter than the file.
    expect(
      await refusal(
        checkDecoderDimensions(jpeg, 'jpeg', { width: 128, height: 128 }, { ...limits, minSide: 200 }),
      ),
    ).toBe('ImageTooSmall');
  });

  it('has libjpeg-turbo refuse, by its own reading, a frame past the limits even when called directly', async () => {
    const bomb = withFrameSize(await smallJpeg(), { width: 9000, height: 9000 });
    // No pipeline check in front: the decoder's own guard must hold.
    expect(await refusal(decodeImage('jpeg', bomb, 1))).toBe('ImageDimensionsTooLarge');
  });

  it('binds jpeg-js, the CMYK decoder, by its own limit', async () => {
    const cmyk = await sharp(photoLike(128, 128).data, { raw: { width: 128, height: 128, channels: 3 } })
      .toColourspace('cmyk')
      .jpeg()
      .toBuffer();
    // 56 megapixels: past the pipeline's 50, under jpeg-js's own default of 100.
    const bomb = withFrameSize(cmyk, { width: 7500, height: 7500 });
    expect(await refusal(decodeImage('jpeg', bomb, 1))).toBe('ImageDimensionsTooLarge');
  });
});

describe('WebP: the bitstream libwebp decodes, inside its canvas', () => {
  it('refuses an animation whose first frame is far larger than its canvas, before decoding', async () => {
    const bomb = animatedWebp(
      { width: 200, height: 200 },
      { width: 200, height: 200 },
      { width: 10_000, height: 10_000 },
      BLUE,
    );
    expect(bomb.length).toBeLessThan(200);
    expect(readImageHeader(bomb, 'webp')).toMatchObject({ width: 200, height: 200 });
    let code: unknown;
    const rise = await memoryRiseMb(async () => {
      code = await refusal(preparePhoto(bomb));
    });
    expect(code).toBe('ImageDimensionsTooLarge');
    expect(rise).toBeLessThan(100);
  });

  it('refuses a frame within the limits that is larger than its box or its canvas', async () => {
    const canvas = { width: 200, height: 200 };
    const large = { width: 600, height: 600 };
    expect(await refusal(preparePhoto(animatedWebp(canvas, canvas, large, BLUE)))).toBe('CorruptImage');
    expect(await refusal(preparePhoto(animatedWebp(canvas, large, large, BLUE)))).toBe('CorruptImage');
  });

  it('refuses a still picture whose bitstream is not the size its VP8X header names', async () => {
    const still = webpStillInCanvas({ width: 200, height: 200 }, { width: 600, height: 600 }, BLUE);
    expect(readImageHeader(still, 'webp')).toMatchObject({ width: 200, height: 200 });
    expect(await refusal(preparePhoto(still))).toBe('CorruptImage');
    const fine = webpStillInCanvas({ width: 300, height: 200 }, { width: 300, height: 200 }, BLUE);
    await expect(preparePhoto(fine)).resolves.toMatchObject({ width: 200 });
  });

  it('still takes the first frame of a well-formed animation', async () => {
    const size = { width: 300, height: 200 };
    const photo = await preparePhoto(animatedWebp(size, size, size, BLUE));
    expect(photo.width).toBe(200);
    expect(near(colourAt(await decodeReference(photo.jpeg), 100, 100), BLUE)).toBe(true);
  });
});

describe('GIF: the frame omggif decodes', () => {
  it('refuses a 20000x20000 frame that an odd-sized application extension hides, before decoding', async () => {
    const bomb = gifWithHiddenFrame({ width: 200, height: 200 }, { width: 20_000, height: 20_000 });
    expect(bomb.length).toBeLessThan(100);
    expect(readImageHeader(bomb, 'gif')).toMatchObject({ width: 200, height: 200 });
    expect(await gifFirstFrameSize(bomb)).toEqual({ width: 20_000, height: 20_000 });
    let code: unknown;
    const rise = await memoryRiseMb(async () => {
      code = await refusal(preparePhoto(bomb));
    });
    expect(code).toBe('ImageDimensionsTooLarge');
    // omggif would allocate a 400 MB index buffer for that frame.
    expect(rise).toBeLessThan(100);
  });
});

describe('PNG: every IHDR pngjs reads', () => {
  it('refuses a second IHDR past the limits, or disagreeing with the first', async () => {
    const first = { width: 200, height: 200 };
    expect(readImageHeader(pngWithSecondIhdr(first, { width: 20_000, height: 20_000 }), 'png')).toMatchObject(
      first,
    );
    expect(await refusal(preparePhoto(pngWithSecondIhdr(first, { width: 20_000, height: 20_000 })))).toBe(
      'ImageDimensionsTooLarge',
    );
    expect(await refusal(preparePhoto(pngWithSecondIhdr(first, { width: 300, height: 300 })))).toBe(
      'CorruptImage',
    );
  });
});

describe('HEIC: the size libheif reports', () => {
  it('reads the image size from libheif and holds it to the limits and the header', async () => {
    const heic = await readFile(heicFixture);
    expect(await heicImageSize(heic)).toEqual({ width: 480, height: 360 });
    const header = { width: 480, height: 360 };
    await expect(
      checkDecoderDimensions(heic, 'heic', header, DEFAULT_DIMENSION_LIMITS),
    ).resolves.toBeUndefined();
    // A header that names fewer pixels than libheif will decode is refused.
    expect(
      await refusal(
        checkDecoderDimensions(heic, 'heic', { width: 200, height: 150 }, DEFAULT_DIMENSION_LIMITS),
      ),
    ).toBe('CorruptImage');
    const tight = { ...DEFAULT_DIMENSION_LIMITS, maxSide: 400 };
    expect(await refusal(checkDecoderDimensions(heic, 'heic', { width: 480, height: 480 }, tight))).toBe(
      'ImageDimensionsTooLarge',
    );
  });
});

describe('ordinary files pass', () => {
  it('accepts what sharp writes in every format', async () => {
    const raw = solid(320, 240, BLUE);
    const fromRaw = (): Sharp => sharp(raw.data, { raw: { width: 320, height: 240, channels: 3 } });
    for (const [format, bytes] of [
      ['jpeg', await fromRaw().jpeg().toBuffer()],
      ['png', await fromRaw().png().toBuffer()],
      ['gif', await fromRaw().gif().toBuffer()],
      ['webp', await fromRaw().webp().toBuffer()],
      ['webp', await fromRaw().webp({ lossless: true }).toBuffer()],
    ] as const) {
      await expect(
        checkDecoderDimensions(bytes, format, { width: 320, height: 240 }, DEFAULT_DIMENSION_LIMITS),
      ).resolves.toBeUndefined();
    }
  });
});
