import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { PhotoError } from '../../src/errors.js';
import { areaResample } from '../../src/photo/area-resample.js';
import { decodeImage, releaseDecoded } from '../../src/photo/codecs.js';
import { decodeSimplePng } from '../../src/photo/png-decoder.js';
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
  it('decodes a JPEG at the smallest eighth of its size allowed (but 7/8), down to 1/8', async () => {
    const jpeg = await encodeJpeg(quadrants(1600, 1200));
    for (const [allowed, eighths] of [
      [0, 8],
      [1, 8],
      [1.2, 8], // 7/8 is never used: it saves too little
      [1.4, 6],
      [1.7, 5],
      [3, 3],
      [4, 2],
      [7, 2],
      [20, 1],
    ] as const) {
      const decoded = await decodeImage('jpeg', jpeg, allowed);
      expect(decoded.reduction).toBeCloseTo(8 / eighths, 12);
      expect(decoded.reduction).toBeLessThanOrEqual(Math.max(1, allowed));
      expect([decoded.image.bitmap.width, decoded.image.bitmap.height]).toEqual([
        (1600 * eighths) / 8,
        (1200 * eighths) / 8,
      ]);
      releaseDecoded(decoded);
    }
    const quarter = (await decodeImage('jpeg', jpeg, 4)).image;
    const pixels = { width: 400, height: 300, channels: 4 as const, data: quarter.bitmap.data };
    expect(near(colourAt(pixels, 50, 50), RED)).toBe(true);
    expect(near(colourAt(pixels, 350, 250), YELLOW)).toBe(true);
  });

  it('decodes at 5/8 as the full decode averaged down to that size looks', async () => {
    // A 720 px side kept at 432 px is decoded at 5/8 (450 px), as a 1080 px one kept at 648: the DCT-domain scaling must give the same picture
    // as decoding every pixel and averaging it down, not a shifted, striped or wrongly strided one.
    const raw = photoLike(1280, 720);
    const jpeg = await sharp(raw.data, { raw: { width: 1280, height: 720, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer();
    const scaled = await decodeImage('jpeg', jpeg, 720 / 432);
    const whole = await decodeImage('jpeg', jpeg, 1);
    expect([scaled.image.bitmap.width, scaled.image.bitmap.height]).toEqual([800, 450]);
    const averaged = areaResample(whole.image, { x: 0, y: 0, width: 1280, height: 720 }, 800, 450, {
      opaque: true,
    });
    const a = scaled.image.bitmap.data;
    const b = averaged.bitmap.data;
    let sum = 0;
    for (let i = 0; i < a.length; i += 4) {
      for (let c = 0; c < 3; c++) sum += Math.abs(a[i + c]! - b[i + c]!);
    }
    const meanDifference = sum / ((a.length / 4) * 3);
    // Measured 3.1 on this noisy picture (the two filters treat its finest detail differently); the same decode
    // one pixel to the side measured 8.4.
    expect(meanDifference).toBeLessThan(5);
    releaseDecoded(scaled);
    releaseDecoded(whole);
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

/** A PNG chunk with its length and CRC. */
function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/**
 * An 8-bit RGB or RGBA PNG written byte by byte, each row with the filter `filterOf(y)` (0 none, 1 sub, 2 up,
 * 3 average, 4 Paeth), so every filter the decoder undoes is exercised; `raw` lets a test change the stream.
 */
function writePng(
  width: number,
  height: number,
  channels: 3 | 4,
  filterOf: (y: number) => number,
  raw: (rows: Buffer) => Buffer = (rows) => rows,
  extraHeader = false,
): { png: Buffer; pixels: Buffer } {
  const pixels = Buffer.alloc(width * height * channels);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + ((i / 7) | 0) * 11) & 0xff;
  const rowBytes = width * channels;
  const rows = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const type = filterOf(y);
    rows[y * (rowBytes + 1)] = type;
    for (let i = 0; i < rowBytes; i++) {
      const at = (k: number, row: number): number => (k < 0 || row < 0 ? 0 : pixels[row * rowBytes + k]!);
      const left = at(i - channels, y);
      const above = at(i, y - 1);
      const corner = at(i - channels, y - 1);
      const p = left + above - corner;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - above) && Math.abs(p - left) <= Math.abs(p - corner)
          ? left
          : Math.abs(p - above) <= Math.abs(p - corner)
            ? above
            : corner;
      const predictor = [0, left, above, (left + above) >> 1, paeth][type] ?? 0;
      rows[y * (rowBytes + 1) + 1 + i] = (at(i, y) - predictor) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(extraHeader ? [chunk('IHDR', ihdr)] : []),
    chunk('IDAT', deflateSync(raw(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { png, pixels };
}

async function sharpRgba(png: Buffer): Promise<Buffer> {
  return sharp(png).ensureAlpha().raw().toBuffer();
}

describe('decodeImage for PNG', () => {
  it.each([3, 4] as const)('undoes every row filter of an 8-bit PNG with %i channels', async (channels) => {
    const width = 37;
    const height = 23;
    const { png } = writePng(width, height, channels, (y) => y % 5);
    expect(decodeSimplePng(png, 1e6)).not.toBeNull(); // the fast path, not pngjs
    const decoded = await decodeImage('png', png);
    expect([decoded.image.bitmap.width, decoded.image.bitmap.height]).toEqual([width, height]);
    expect(Buffer.from(decoded.image.bitmap.data).equals(await sharpRgba(png))).toBe(true);
  });

  it.each([
    [1, 9, 3],
    [2, 9, 3],
    [1, 9, 4],
    [3, 1, 3],
  ] as const)(
    'unfilters a %ix%i picture with %i channels in the buffer its rows were inflated into',
    async (width, height, channels) => {
      // The narrowest pictures are where the pixels written come closest to the inflated rows not yet read.
      const { png } = writePng(width, height, channels, (y) => y % 5);
      expect(decodeSimplePng(png, 1e6)).not.toBeNull();
      const decoded = await decodeImage('png', png);
      expect(Buffer.from(decoded.image.bitmap.data).equals(await sharpRgba(png))).toBe(true);
    },
  );

  it('decodes right into a reused pixel buffer that still holds the last picture', async () => {
    // Large, then small (into the large one's buffer), then large again, each given back when done.
    const large = writePng(61, 47, 4, (y) => y % 5).png;
    const small = writePng(23, 17, 3, (y) => (y + 2) % 5).png;
    for (const png of [large, small, large, small]) {
      const decoded = await decodeImage('png', png);
      expect(decoded.image.bitmap.data.length).toBe(
        decoded.image.bitmap.width * decoded.image.bitmap.height * 4,
      );
      expect(Buffer.from(decoded.image.bitmap.data).equals(await sharpRgba(png))).toBe(true);
      releaseDecoded(decoded);
    }
  });

  it('hands palette, grey, 16-bit, interlaced and colour-keyed PNGs to pngjs, with the same pixels as sharp', async () => {
    const raw = photoLike(60, 40);
    const source = sharp(raw.data, { raw: { width: 60, height: 40, channels: 3 } });
    for (const png of [
      await source.clone().png({ palette: true, colours: 16, dither: 0 }).toBuffer(),
      await source.clone().toColourspace('b-w').png().toBuffer(),
      await source.clone().toColourspace('rgb16').png().toBuffer(),
      await source.clone().png({ progressive: true }).toBuffer(),
    ]) {
      expect(decodeSimplePng(png, 1e6)).toBeNull();
      const decoded = await decodeImage('png', png);
      const reference = await sharpRgba(png);
      // 16 bits become 8 by rounding in one and truncation in the other: one step apart at most.
      let largest = 0;
      reference.forEach(
        (value, i) => (largest = Math.max(largest, Math.abs(value - decoded.image.bitmap.data[i]!))),
      );
      expect(largest).toBeLessThanOrEqual(1);
    }
    // A colour key (tRNS on RGB) goes to pngjs too.
    const { png } = writePng(20, 20, 3, () => 0);
    const keyed = Buffer.concat([png.subarray(0, 33), chunk('tRNS', Buffer.alloc(6)), png.subarray(33)]);
    expect(decodeSimplePng(keyed, 1e6)).toBeNull();
  });

  it('refuses what it cannot vouch for: a damaged chunk, a stream of the wrong length, a second header', async () => {
    const { png } = writePng(40, 30, 4, (y) => y % 5);
    // One bit of the image data's CRC flipped (zlib's own check still passes): pngjs refuses it as well.
    const damaged = Buffer.from(png);
    const idatCrc = png.length - 12 - 4; // before IEND's 12 bytes
    damaged[idatCrc] = damaged[idatCrc]! ^ 0x01;
    expect(decodeSimplePng(damaged, 1e6)).toBeNull();
    await expect(decodeImage('png', damaged)).rejects.toEqual(expect.any(PhotoError));
    // A stream that inflates past the picture (the start of a decompression bomb) or stops short of it.
    const long = writePng(
      40,
      30,
      4,
      () => 0,
      (rows) => Buffer.concat([rows, Buffer.alloc(1 << 20)]),
    );
    expect(decodeSimplePng(long.png, 1e6)).toBeNull();
    const oneByteLong = writePng(
      40,
      30,
      4,
      () => 0,
      (rows) => Buffer.concat([rows, Buffer.alloc(1)]),
    );
    expect(decodeSimplePng(oneByteLong.png, 1e6)).toBeNull();
    const short = writePng(
      40,
      30,
      4,
      () => 0,
      (rows) => rows.subarray(0, rows.length - 10),
    );
    expect(decodeSimplePng(short.png, 1e6)).toBeNull();
    // A filter type the standard does not have.
    const unknown = writePng(40, 30, 4, (y) => (y === 7 ? 5 : 0));
    expect(decodeSimplePng(unknown.png, 1e6)).toBeNull();
    // Two headers, or more pixels than allowed.
    expect(decodeSimplePng(writePng(40, 30, 4, () => 0, undefined, true).png, 1e6)).toBeNull();
    expect(decodeSimplePng(png, 40 * 30 - 1)).toBeNull();
    expect(decodeSimplePng(png, 40 * 30)).not.toBeNull();
  });
});
