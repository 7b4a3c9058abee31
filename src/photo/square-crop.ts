/**
 * Chooses the square to keep. smartcrop scores skin tones, saturation and edges, so the largest square lands on
 * a face or the most salient region; `center` and an explicit box override it.
 */
import smartcropModule from 'smartcrop';
import type { JimpImage } from './jimp-image.js';

// smartcrop is CommonJS with `module.exports = smartcrop`, while its typings declare an ES default export; under
// Node's ESM interop the default import is the object itself.
const smartcrop = smartcropModule as unknown as typeof smartcropModule.default;

/** How the square was chosen: framed on faces (face-crop.ts), smartcrop's salient square, the centre, or a box given. */
export type CropMethod = 'face' | 'salient' | 'center' | 'explicit';

/** A square in an image's pixels. */
export interface Square {
  readonly x: number;
  readonly y: number;
  readonly side: number;
}

/** smartcrop scores a picture about this small on its shortest side (its own default prescale). */
export const ANALYSIS_SIDE = 256;

/** The largest centred square of a picture. */
export function centerSquare(width: number, height: number): Square {
  const side = Math.min(width, height);
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), side };
}

interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** smartcrop's image operations over plain RGBA pixels, so it needs no canvas. */
const imageOperations = {
  open: (image: Pixels): Promise<Pixels> => Promise.resolve(image),
  resample: (image: Pixels): Pixels => image, // never called: the picture arrives scaled and prescale is off
  getData: (image: Pixels): Promise<Pixels> => Promise.resolve(image),
};

/**
 * The largest square of an opaque picture, placed on its most salient part. The scores do not depend on which
 * way the picture is turned, so the stored picture is analysed as it is.
 * @param image best about {@link ANALYSIS_SIDE} pixels on its shortest side: the analysis time grows with its area
 * @returns the square in the picture's pixels
 */
export async function salientSquare(image: JimpImage): Promise<Square> {
  const { width, height, data } = image.bitmap;
  const whole = centerSquare(width, height);
  if (width === height) return whole;
  const pixels: Pixels = { width, height, data };
  // smartcrop's typings name a canvas source (a DOM type, unknown here); with imageOperations it takes whatever
  // `open` accepts.
  const options = { width: 1, height: 1, minScale: 1, prescale: false, imageOperations };
  const { topCrop } = await smartcrop.crop(pixels, options);
  const clamp = (value: number, room: number): number => Math.min(Math.max(0, Math.round(value)), room);
  return {
    x: clamp(topCrop.x, width - whole.side),
    y: clamp(topCrop.y, height - whole.side),
    side: whole.side,
  };
}
