/**
 * The seed's pictures: the images pasted into its chat and channel messages and Alex's shared `headshot.jpg` (see
 * seed-directory.ts), drawn on first start into `<dataDir>/emulator/content/`, each only when its file is absent
 * (written without overwriting, like directory.json), so a picture someone put there in its place stays theirs.
 *
 * Each is a 640x480 JPEG of a head and shoulders in front of a soft backdrop, with texture and noise so that it
 * compresses and crops like a photo rather than a flat drawing. Every picture has its own colours, position and
 * noise seed, so a test can tell which one it was served. Drawing is plain arithmetic and the encoder is the app's
 * own (src/photo/jpeg-encoder.ts): the same bytes on every machine, all four in a few tens of milliseconds.
 */
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { encodeBaselineJpeg } from '../photo/jpeg-encoder.js';
import { SEED_CONTENT_FILES } from './seed-directory.js';
import { writeIfAbsent } from './write-once.js';

type Rgb = readonly [number, number, number];

/** What makes one seed picture differ from another. */
export interface PortraitLook {
  readonly backdropTop: Rgb;
  readonly backdropBottom: Rgb;
  readonly skin: Rgb;
  readonly hair: Rgb;
  readonly shirt: Rgb;
  readonly iris: Rgb;
  /** Horizontal centre of the head, as a fraction of the width. */
  readonly centre: number;
  /** Size of the head and shoulders, 1 for a typical passport-like framing. */
  readonly scale: number;
  /** Seeds the noise. */
  readonly seed: number;
  /** How it is stored: pasted images usually reach Teams as PNG (from the clipboard), photos as JPEG. */
  readonly format: 'png' | 'jpeg';
}

export const PORTRAIT_WIDTH = 640;
export const PORTRAIT_HEIGHT = 480;

/** The seed's pictures and how each looks. */
export const SEED_PICTURES: readonly { readonly file: string; readonly look: PortraitLook }[] = [
  {
    file: SEED_CONTENT_FILES.chatImage,
    look: {
      backdropTop: [120, 170, 215],
      backdropBottom: [60, 95, 150],
      skin: [224, 180, 150],
      hair: [70, 45, 30],
      shirt: [180, 40, 50],
      iris: [70, 110, 160],
      centre: 0.5,
      scale: 1,
      seed: 11,
      format: 'png',
    },
  },
  {
    file: SEED_CONTENT_FILES.channelImage,
    look: {
      backdropTop: [200, 210, 170],
      backdropBottom: [110, 130, 90],
      skin: [170, 120, 90],
      hair: [25, 20, 20],
      shirt: [40, 90, 160],
      iris: [60, 40, 25],
      centre: 0.42,
      scale: 0.9,
      seed: 23,
      format: 'jpeg',
    },
  },
  {
    file: SEED_CONTENT_FILES.channelReplyImage,
    look: {
      backdropTop: [230, 200, 180],
      backdropBottom: [150, 100, 90],
      skin: [240, 200, 175],
      hair: [200, 160, 90],
      shirt: [50, 130, 80],
      iris: [80, 130, 90],
      centre: 0.58,
      scale: 1.05,
      seed: 37,
      format: 'jpeg',
    },
  },
  {
    file: SEED_CONTENT_FILES.headshot,
    look: {
      backdropTop: [190, 195, 205],
      backdropBottom: [120, 125, 140],
      skin: [205, 160, 125],
      hair: [60, 60, 65],
      shirt: [35, 40, 55],
      iris: [90, 70, 40],
      centre: 0.5,
      scale: 1.1,
      seed: 53,
      format: 'jpeg',
    },
  },
];

/** Pictures drawn in this process: the same bytes every time, so a second data folder need not draw them again. */
const drawn = new Map<PortraitLook, Uint8Array>();

/** Writes every seed picture that is not there yet. */
export async function seedContent(dataDir: string): Promise<void> {
  const emulatorDir = path.join(dataDir, 'emulator');
  for (const { file, look } of SEED_PICTURES) {
    await writeIfAbsent(path.join(emulatorDir, file), () => {
      const bytes = drawn.get(look) ?? drawPortrait(look);
      drawn.set(look, bytes);
      return bytes;
    });
  }
}

/** An ellipse painted in one colour, lit from the top left; `from` keeps only its part at or below that row. */
interface Shape {
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
  readonly colour: Rgb;
  readonly from?: number;
}

/** The picture for `look`, as a JPEG. */
export function drawPortrait(look: PortraitLook): Uint8Array {
  const width = PORTRAIT_WIDTH;
  const height = PORTRAIT_HEIGHT;
  const data = new Uint8ClampedArray(width * height * 4);
  let state = look.seed;
  /** Film grain: a linear congruential generator, so every machine draws the same picture. */
  const grain = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return (state / 0x7fffffff - 0.5) * 14;
  };
  const put = (i: number, r: number, g: number, b: number): void => {
    const n = grain();
    data[i] = r + n;
    data[i + 1] = g + n;
    data[i + 2] = b + n;
    data[i + 3] = 255;
  };
  // The backdrop: a vertical gradient with a soft woven texture (separable, so one sine per column and row).
  const columns = Float32Array.from({ length: width }, (_, x) => 10 * Math.sin(x / 23));
  for (let y = 0; y < height; y++) {
    const t = y / height;
    const [top, bottom] = [look.backdropTop, look.backdropBottom];
    const r = top[0] * (1 - t) + bottom[0] * t;
    const g = top[1] * (1 - t) + bottom[1] * t;
    const b = top[2] * (1 - t) + bottom[2] * t;
    const row = Math.cos(y / 31);
    for (let x = 0; x < width; x++) {
      const texture = (columns[x] ?? 0) * row;
      put((y * width + x) * 4, r + texture, g + texture, b + texture);
    }
  }
  // Then each shape over what is below it, one row span at a time.
  for (const shape of portraitShapes(look, width, height)) {
    const top = Math.max(0, Math.ceil(Math.max(shape.cy - shape.ry, shape.from ?? 0)));
    const bottom = Math.min(height - 1, Math.floor(shape.cy + shape.ry));
    for (let y = top; y <= bottom; y++) {
      const dy = (y - shape.cy) / shape.ry;
      const half = shape.rx * Math.sqrt(Math.max(0, 1 - dy * dy));
      const left = Math.max(0, Math.ceil(shape.cx - half));
      const right = Math.min(width - 1, Math.floor(shape.cx + half));
      for (let x = left; x <= right; x++) {
        const dx = (x - shape.cx) / shape.rx;
        const light = 1.08 - 0.14 * (dx + dy) - 0.1 * (dx * dx + dy * dy);
        const [r, g, b] = shape.colour;
        put((y * width + x) * 4, r * light, g * light, b * light);
      }
    }
  }
  return look.format === 'png'
    ? encodePng(width, height, data)
    : encodeBaselineJpeg({ width, height, data }, 85);
}

/** Head and shoulders, bottom layer first. */
function portraitShapes(look: PortraitLook, width: number, height: number): Shape[] {
  const s = look.scale;
  const cx = width * look.centre;
  const cy = height * 0.42;
  const darker = (colour: Rgb, by: number): Rgb => [colour[0] * by, colour[1] * by, colour[2] * by];
  const white: Rgb = [240, 238, 232];
  const pupil: Rgb = [15, 12, 12];
  const lips: Rgb = [170, 70, 75];
  const eyes = [-1, 1].flatMap((side): Shape[] => {
    const ex = cx + side * 38 * s;
    const ey = cy - 12 * s;
    return [
      { cx: ex, cy: ey - 26 * s, rx: 22 * s, ry: 5 * s, colour: darker(look.hair, 0.9) },
      { cx: ex, cy: ey, rx: 17 * s, ry: 9 * s, colour: white },
      { cx: ex, cy: ey, rx: 7 * s, ry: 7 * s, colour: look.iris },
      { cx: ex, cy: ey, rx: 3 * s, ry: 3 * s, colour: pupil },
    ];
  });
  return [
    { cx, cy: height + 40 * s, rx: 240 * s, ry: 190 * s, colour: look.shirt },
    { cx, cy: cy + 125 * s, rx: 40 * s, ry: 75 * s, colour: darker(look.skin, 0.85) },
    { cx, cy: cy - 12 * s, rx: 112 * s, ry: 138 * s, colour: look.hair },
    { cx: cx - 92 * s, cy: cy + 5 * s, rx: 14 * s, ry: 24 * s, colour: darker(look.skin, 0.92) },
    { cx: cx + 92 * s, cy: cy + 5 * s, rx: 14 * s, ry: 24 * s, colour: darker(look.skin, 0.92) },
    { cx, cy, rx: 92 * s, ry: 120 * s, colour: look.skin },
    { cx, cy: cy - 96 * s, rx: 90 * s, ry: 42 * s, colour: look.hair },
    ...eyes,
    { cx, cy: cy + 22 * s, rx: 10 * s, ry: 24 * s, colour: darker(look.skin, 0.9) },
    { cx, cy: cy + 58 * s, rx: 32 * s, ry: 10 * s, colour: lips, from: cy + 56 * s },
  ];
}

/** RGBA pixels as an 8-bit RGB PNG: one IHDR, one IDAT (rows unfiltered, deflated by zlib) and IEND. */
export function encodePng(width: number, height: number, rgba: Uint8ClampedArray): Uint8Array {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = y * stride + 1 + x * 3;
      raw[to] = rgba[from] ?? 0;
      raw[to + 1] = rgba[from + 1] ?? 0;
      raw[to + 2] = rgba[from + 2] ?? 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, body: Uint8Array): Buffer {
  const chunk = Buffer.alloc(12 + body.length);
  chunk.writeUInt32BE(body.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(body, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + body.length)), 8 + body.length);
  return chunk;
}
