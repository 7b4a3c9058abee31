/**
 * The benchmark's inputs, made by the bench itself (and cached under bench/inputs/, which git ignores) or shipped
 * in bench/fixtures/: realistic sizes and detail, because decode time depends on how detailed a photo is.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';

export interface BenchInput {
  readonly name: string;
  readonly bytes: Buffer;
}

const inputsDir = new URL('./inputs/', import.meta.url);
const fixturesDir = new URL('../../bench/fixtures/', import.meta.url);

/** A detailed photo-like picture: gradients, fine texture, edges and sensor-like noise. */
function photoPixels(width: number, height: number, seed: number): Buffer {
  const data = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      const noise = (state / 0x7fffffff) * 48;
      const texture = 40 * Math.sin(x / 7) * Math.cos(y / 11) + 25 * Math.sin((x + y) / 3.1);
      const edge = ((x >> 6) + (y >> 6)) % 2 === 0 ? 20 : -20;
      const i = (y * width + x) * 3;
      data[i] = Math.max(0, Math.min(255, (x * 180) / width + texture + edge + noise));
      data[i + 1] = Math.max(0, Math.min(255, (y * 180) / height - texture + noise));
      data[i + 2] = Math.max(0, Math.min(255, 110 + texture * 1.2 - edge + noise));
    }
  }
  return data;
}

/** A UI screenshot: flat panels, lines of "text", and a transparent margin. */
function screenshotPixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const margin = x < 120 || x >= width - 120;
      const sidebar = x < 600;
      const textLine = y % 28 < 14 && (x >> 2) % 3 !== 0 && ((x * 7 + y * 13) >> 5) % 5 !== 0;
      const base = sidebar ? [38, 42, 64] : [245, 246, 250];
      const ink = sidebar ? [200, 205, 230] : [40, 40, 48];
      data.set(textLine && x % 600 > 40 ? ink : base, i);
      data[i + 3] = margin ? 0 : 255;
    }
  }
  return data;
}

/** APP1 EXIF with Orientation = 6: how a phone held upright stores its picture. */
function exifOrientation6(): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x0112, 10);
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(6, 18);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

async function cached(name: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const file = new URL(name, inputsDir);
  if (existsSync(file)) return readFile(file);
  await mkdir(inputsDir, { recursive: true });
  const bytes = await make();
  await writeFile(file, bytes);
  return bytes;
}

export async function benchInputs(): Promise<BenchInput[]> {
  const phone = await cached('phone-4032x3024-o6.jpg', async () => {
    const jpeg = await sharp(photoPixels(4032, 3024, 7), { raw: { width: 4032, height: 3024, channels: 3 } })
      .jpeg({ quality: 92 })
      .toBuffer();
    return Buffer.concat([jpeg.subarray(0, 2), exifOrientation6(), jpeg.subarray(2)]);
  });
  const screenshot = await cached('screenshot-3840x2160-alpha.png', () =>
    sharp(screenshotPixels(3840, 2160), { raw: { width: 3840, height: 2160, channels: 4 } })
      .png()
      .toBuffer(),
  );
  const small = await cached('photo-1920x1080.jpg', () =>
    sharp(photoPixels(1920, 1080, 3), { raw: { width: 1920, height: 1080, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
  const heic = await readFile(new URL('photo-4032x3024.heic', fixturesDir));
  return [
    { name: '12 MP phone JPEG, EXIF orientation 6', bytes: phone },
    { name: '4K PNG screenshot with alpha', bytes: screenshot },
    { name: '2 MP JPEG', bytes: small },
    { name: '12 MP HEIC', bytes: heic },
  ];
}
