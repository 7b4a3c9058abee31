/**
 * The app's two icons, drawn from shapes (no image editor, no binary made by hand): `color.png`, 192x192, a white
 * person on the brand blue with an orange camera badge; `outline.png`, 32x32, the same person and camera in white
 * on transparent, as Teams requires. Each pixel is sampled 4x4 times, so the edges are smooth.
 */
import { Jimp } from 'jimp';

type Rgba = readonly [number, number, number, number];
/** A shape in unit coordinates (0..1 across the icon). */
type Shape = (x: number, y: number) => boolean;
/** Layers from the bottom up; `null` cuts a transparent hole through everything below. */
type Layer = readonly [Shape, Rgba | null];

/** The brand blue (also the manifest's accentColor) and the badge's orange. */
export const BRAND_BLUE: Rgba = [0x2b, 0x63, 0xc6, 255];
const BADGE_ORANGE: Rgba = [0xf5, 0x8a, 0x1f, 255];
const WHITE: Rgba = [255, 255, 255, 255];

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ellipse =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
const both =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && b(x, y);
const above =
  (limit: number): Shape =>
  (_x, y) =>
    y <= limit;

/** A camera: body, the bump on top, and a lens cut through, centred on (cx, cy), `w` wide. */
function camera(cx: number, cy: number, w: number, color: Rgba | null, lensColor: Rgba | null): Layer[] {
  const h = w * 0.68;
  return [
    [roundedRect(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, w * 0.14), color],
    [roundedRect(cx - w * 0.2, cy - h / 2 - w * 0.14, cx + w * 0.2, cy - h / 2 + w * 0.02, w * 0.05), color],
    [circle(cx, cy + h * 0.04, w * 0.23), lensColor],
  ];
}

const COLOR_LAYERS: Layer[] = [
  [roundedRect(0, 0, 1, 1, 0.2), BRAND_BLUE],
  // The person: head and shoulders, the shoulders cut off by the bottom margin.
  [circle(0.42, 0.35, 0.155), WHITE],
  [both(ellipse(0.42, 0.9, 0.3, 0.3), above(0.82)), WHITE],
  // The badge: an orange disc in a white ring, overlapping the shoulder, with a white camera.
  [circle(0.72, 0.71, 0.2), WHITE],
  [circle(0.72, 0.71, 0.17), BADGE_ORANGE],
  ...camera(0.72, 0.72, 0.2, WHITE, BADGE_ORANGE),
  [circle(0.72, 0.733, 0.022), WHITE],
];

const OUTLINE_LAYERS: Layer[] = [
  [circle(0.38, 0.3, 0.19), WHITE],
  [both(ellipse(0.38, 0.97, 0.36, 0.38), above(0.97)), WHITE],
  // A transparent margin around the camera keeps it apart from the shoulder.
  [roundedRect(0.5, 0.5, 1.05, 1.05, 0.12), null],
  ...camera(0.77, 0.8, 0.42, WHITE, null),
];

/** Rasterises layers at `size` px, 4x4 samples per pixel, into RGBA (not premultiplied). */
function rasterise(layers: readonly Layer[], size: number): Buffer {
  const data = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color: Rgba | null = null;
          for (const [shape, layerColor] of layers) if (shape(x, y)) color = layerColor;
          if (color === null) continue;
          const alpha = color[3] / 255;
          r += color[0] * alpha;
          g += color[1] * alpha;
          b += color[2] * alpha;
          a += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        data[offset] = Math.round(r / a);
        data[offset + 1] = Math.round(g / a);
        data[offset + 2] = Math.round(b / a);
      }
      data[offset + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return data;
}

async function png(layers: readonly Layer[], size: number): Promise<Buffer> {
  const image = new Jimp({ width: size, height: size, color: 0x00000000 });
  rasterise(layers, size).copy(image.bitmap.data);
  return image.getBuffer('image/png');
}

/** The 192x192 colour icon as PNG bytes. */
export function drawColorIcon(): Promise<Buffer> {
  return png(COLOR_LAYERS, 192);
}

/** The 32x32 outline icon as PNG bytes: white (with smooth edges in alpha) on transparent. */
export function drawOutlineIcon(): Promise<Buffer> {
  return png(OUTLINE_LAYERS, 32);
}

/** A decoded PNG: size and RGBA pixels. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

/** Decodes PNG bytes (jimp's PNG reader). */
export async function readPixels(bytes: Buffer): Promise<Pixels> {
  const image = await Jimp.fromBuffer(bytes);
  return { width: image.bitmap.width, height: image.bitmap.height, data: Buffer.from(image.bitmap.data) };
}
