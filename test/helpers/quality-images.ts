/**
 * The quality checks' test pictures: a real portrait (test/fixtures/faces/one-face.jpg, NASA's public-domain photo
 * of Eileen Collins; see test/fixtures/quality/LICENSE.md) and variants of it made with sharp (an independent
 * implementation): too dark, blurred, mostly one flat colour, too small.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

const fixture = (path: string): Promise<Buffer> => readFile(new URL(`../fixtures/${path}`, import.meta.url));

/** The portrait as it is: one face, well lit, sharp (512x512). */
export function portrait(): Promise<Buffer> {
  return fixture('faces/one-face.jpg');
}

/** A real photo with no face (a cup of coffee, CC0; 600x400). */
export function noFacePhoto(): Promise<Buffer> {
  return fixture('faces/no-face.jpg');
}

/** Several faces (three copies of the portrait on a launch photo; 1200x800). */
export function severalFacesPhoto(): Promise<Buffer> {
  return fixture('faces/several-faces.jpg');
}

/** The portrait at a quarter of its light (every channel times 0.25). */
export async function darkPortrait(): Promise<Buffer> {
  return sharp(await portrait())
    .linear(0.25, 0)
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The portrait blurred (Gaussian, sigma 5 px). */
export async function blurredPortrait(): Promise<Buffer> {
  return sharp(await portrait())
    .blur(5)
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A 600-px beige square with the portrait at 150 px in a corner: mostly one flat colour. */
export async function flatPicture(): Promise<Buffer> {
  const small = await sharp(await portrait())
    .resize(150, 150)
    .toBuffer();
  return sharp({ create: { width: 600, height: 600, channels: 3, background: { r: 200, g: 190, b: 170 } } })
    .composite([{ input: small, left: 420, top: 420 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The portrait at 150x150: fine, but small. */
export async function tinyPortrait(): Promise<Buffer> {
  return sharp(await portrait())
    .resize(150, 150)
    .jpeg({ quality: 90 })
    .toBuffer();
}
