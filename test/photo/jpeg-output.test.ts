/**
 * What the README promises about the output JPEG, read from its bytes: the quality (estimated from its
 * quantisation tables), a baseline frame, no metadata segments, and the lower-quality retry that keeps a photo
 * under Graph's limit. The JPEG is parsed here by hand and decoded by sharp, never by the code under test.
 */
import sharp from 'sharp';
import { encodeJpeg } from '../../src/photo/codecs.js';
import { jimpFromRgba } from '../../src/photo/jimp-image.js';
import {
  FALLBACK_QUALITIES,
  OUTPUT_QUALITY,
  encodeUnderLimit,
  preparePhoto,
} from '../../src/photo/photo-pipeline.js';
import {
  commentSegment,
  decodeReference,
  encodeJpeg as encodeReferenceJpeg,
  exifSegment,
  photoLike,
  withSegments,
  xmpSegment,
} from '../helpers/images.js';

/** The quality range the README documents for the output (88, as low as 40 only to stay under the limit). */
const DOCUMENTED = { min: 85, max: 90 };

/** The IJG (libjpeg) luminance table, ITU-T T.81 Annex K table K.1, in natural order. */
const IJG_LUMINANCE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22,
  29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
  121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63,
];

interface Segment {
  readonly marker: number;
  readonly body: Buffer;
}

/** The header segments up to and including the first SOS, as written (fill bytes would fail the test). */
function segments(jpeg: Uint8Array): Segment[] {
  const bytes = Buffer.from(jpeg);
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
  const found: Segment[] = [];
  let at = 2;
  for (;;) {
    expect(bytes[at]).toBe(0xff);
    const marker = bytes[at + 1]!;
    const length = bytes.readUInt16BE(at + 2);
    found.push({ marker, body: bytes.subarray(at + 4, at + 2 + length) });
    if (marker === 0xda) return found;
    at += 2 + length;
  }
}

/** The luminance table (id 0) of the DQT segments, in natural order. */
function luminanceTable(jpeg: Uint8Array): number[] {
  for (const { body } of segments(jpeg).filter((s) => s.marker === 0xdb)) {
    let at = 0;
    while (at < body.length) {
      const precision = body[at]! >> 4;
      const id = body[at]! & 15;
      const size = precision ? 128 : 64;
      const zigzag = Array.from({ length: 64 }, (_, k) =>
        precision ? body.readUInt16BE(at + 1 + k * 2) : body[at + 1 + k]!,
      );
      if (id === 0) {
        const natural = new Array<number>(64);
        zigzag.forEach((value, k) => (natural[ZIGZAG[k]!] = value));
        return natural;
      }
      at += 1 + size;
    }
  }
  throw new Error('no luminance table');
}

/**
 * The IJG quality whose scaling of the standard table comes closest to `table` (libjpeg's jpeg_quality_scaling
 * and jpeg_add_quant_table), with how far off it is on average: 0 for a table libjpeg made at that quality.
 */
function estimateQuality(table: number[]): { quality: number; meanError: number } {
  let best = { quality: 0, meanError: Infinity };
  for (let quality = 1; quality <= 100; quality++) {
    const scale = quality < 50 ? Math.floor(5000 / quality) : 200 - quality * 2;
    let error = 0;
    IJG_LUMINANCE.forEach((base, i) => {
      const expected = Math.min(255, Math.max(1, Math.floor((base * scale + 50) / 100)));
      error += Math.abs(expected - table[i]!);
    });
    if (error / 64 < best.meanError) best = { quality, meanError: error / 64 };
  }
  return best;
}

function psnr(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return 10 * Math.log10((255 * 255) / (sum / a.length));
}

/** An ICC profile segment (APP2); its content is not looked at by anyone. */
function iccSegment(): Buffer {
  const payload = Buffer.concat([
    Buffer.from('ICC_PROFILE\0', 'latin1'),
    Buffer.from([1, 1]),
    Buffer.alloc(128, 7),
  ]);
  const head = Buffer.from([0xff, 0xe2, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

describe('the output JPEG', () => {
  let photo: Awaited<ReturnType<typeof preparePhoto>>;

  beforeAll(async () => {
    // A photo carrying every kind of metadata a phone or an editor writes.
    const source = withSegments(
      await encodeReferenceJpeg(photoLike(1200, 900), 95),
      exifSegment(6, true),
      xmpSegment(),
      iccSegment(),
      commentSegment('taken at a secret place'),
    );
    photo = await preparePhoto(source);
  });

  it('has the documented quality, read from its quantisation tables', () => {
    const estimate = estimateQuality(luminanceTable(photo.jpeg));
    expect(estimate.meanError).toBe(0); // IJG-scaled standard tables, exactly
    expect(estimate.quality).toBe(OUTPUT_QUALITY);
    expect(photo.quality).toBe(OUTPUT_QUALITY);
    expect(estimate.quality).toBeGreaterThanOrEqual(DOCUMENTED.min);
    expect(estimate.quality).toBeLessThanOrEqual(DOCUMENTED.max);
  });

  it('is baseline: one SOF0 frame, 8-bit, three components, 4:2:0', () => {
    const frames = segments(photo.jpeg).filter(
      (s) => s.marker >= 0xc0 && s.marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(s.marker),
    );
    expect(frames.map((s) => s.marker)).toEqual([0xc0]);
    const sof = frames[0]!.body;
    expect(sof[0]).toBe(8);
    expect([sof.readUInt16BE(3), sof.readUInt16BE(1)]).toEqual([648, 648]);
    expect(sof[5]).toBe(3);
    expect([sof[7], sof[10], sof[13]]).toEqual([0x22, 0x11, 0x11]);
    // A baseline scan covers the whole spectrum in one go.
    const sos = segments(photo.jpeg).at(-1)!.body;
    expect([...sos.subarray(-3)]).toEqual([0, 63, 0]);
  });

  it('has no metadata: the JFIF APP0 header and no other APPn or COM segment', () => {
    const markers = segments(photo.jpeg).map((s) => s.marker);
    expect(markers.filter((m) => m >= 0xe0 && m <= 0xef)).toEqual([0xe0]);
    expect(markers).not.toContain(0xfe);
    const app0 = segments(photo.jpeg).find((s) => s.marker === 0xe0)!.body;
    expect(app0.subarray(0, 5).toString('latin1')).toBe('JFIF\0');
    // Only what a baseline JPEG needs, in order.
    expect(markers).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xda]);
    const bytes = Buffer.from(photo.jpeg);
    for (const text of ['Exif', 'ICC_PROFILE', 'ns.adobe.com', 'secret place']) {
      expect(bytes.includes(text)).toBe(false);
    }
  });

  it('decodes elsewhere to the picture it was made from, at any size', async () => {
    for (const [width, height] of [
      [648, 648],
      [97, 131],
      [17, 9],
    ] as const) {
      const raw = photoLike(width, height, 5);
      const rgba = await sharp(raw.data, { raw: { width, height, channels: 3 } })
        .blur(1.2) // a photo's detail, without its sensor noise, so the PSNR measures the encoder
        .ensureAlpha()
        .raw()
        .toBuffer();
      const jpeg = encodeJpeg(jimpFromRgba(width, height, rgba), { quality: OUTPUT_QUALITY });
      const decoded = await decodeReference(jpeg);
      expect([decoded.width, decoded.height]).toEqual([width, height]);
      const rgb = await sharp(rgba, { raw: { width, height, channels: 4 } })
        .removeAlpha()
        .raw()
        .toBuffer();
      // libjpeg-turbo (sharp) at the same quality and subsampling gives the reference figure.
      const theirs = await decodeReference(
        await sharp(rgb, { raw: { width, height, channels: 3 } })
          .jpeg({ quality: OUTPUT_QUALITY })
          .toBuffer(),
      );
      expect(psnr(decoded.data, rgb)).toBeGreaterThan(psnr(theirs.data, rgb) - 0.5);
      expect(psnr(decoded.data, rgb)).toBeGreaterThan(30);
    }
  });
});

describe('the lower-quality retry', () => {
  it('steps the quality down until the photo fits under the limit', async () => {
    const source = await encodeReferenceJpeg(photoLike(1200, 900, 3), 95);
    const full = await preparePhoto(source);
    expect(full.quality).toBe(OUTPUT_QUALITY);

    // A limit the first try misses by one byte: the first fallback quality fits.
    const once = await preparePhoto(source, { maxOutputBytes: full.bytes });
    expect(once.quality).toBe(FALLBACK_QUALITIES[0]);
    expect(once.bytes).toBeLessThan(full.bytes);
    expect(estimateQuality(luminanceTable(once.jpeg))).toEqual({
      quality: FALLBACK_QUALITIES[0],
      meanError: 0,
    });

    // A limit only the last fallback meets.
    const lowest = FALLBACK_QUALITIES.at(-1)!;
    const { width, height, data } = await rgbaOf(full.jpeg);
    const image = jimpFromRgba(width, height, data);
    const last = encodeJpeg(image, { quality: lowest }).byteLength;
    const tight = encodeUnderLimit(image, last + 1);
    expect(tight.quality).toBe(lowest);
    expect(tight.jpeg.byteLength).toBeLessThanOrEqual(last);
    expect(estimateQuality(luminanceTable(tight.jpeg)).quality).toBe(lowest);
  });

  it('keeps the documented quality when the photo fits', () => {
    const image = jimpFromRgba(16, 16, Buffer.alloc(16 * 16 * 4, 200));
    const result = encodeUnderLimit(image, 4 * 1024 * 1024);
    expect(result.quality).toBe(OUTPUT_QUALITY);
    expect(estimateQuality(luminanceTable(result.jpeg)).quality).toBe(OUTPUT_QUALITY);
  });
});

async function rgbaOf(jpeg: Uint8Array): Promise<{ width: number; height: number; data: Buffer }> {
  const { data, info } = await sharp(jpeg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}
