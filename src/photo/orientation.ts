/**
 * EXIF orientation: how the stored pixels must be turned to stand upright. Boxes chosen on the upright picture
 * are mapped back to stored pixels, so the expensive work happens on the stored pixels and only the small result
 * is turned.
 */
import type { JimpImage } from './jimp-image.js';

/**
 * The eight EXIF orientations: 1 upright, 2 mirrored, 3 turned 180°, 4 flipped, 5 transposed, 6 needs a turn of
 * 90° clockwise to stand up, 7 transversed, 8 needs a turn of 90° counter-clockwise.
 */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** A rectangle in pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Orientations 5 to 8 swap width and height. */
export function swapsAxes(orientation: Orientation): boolean {
  return orientation >= 5;
}

/** The size of the picture once stood upright. */
export function uprightSize(
  width: number,
  height: number,
  orientation: Orientation,
): { width: number; height: number } {
  return swapsAxes(orientation) ? { width: height, height: width } : { width, height };
}

/**
 * Maps a box on the upright picture to the same pixels in the stored picture.
 * @param box in upright pixels
 * @param storedWidth width of the stored picture
 * @param storedHeight height of the stored picture
 */
export function uprightBoxToStored(
  box: Box,
  storedWidth: number,
  storedHeight: number,
  orientation: Orientation,
): Box {
  const { x, y, width: w, height: h } = box;
  const W = storedWidth;
  const H = storedHeight;
  switch (orientation) {
    case 1:
      return box;
    case 2:
      return { x: W - x - w, y, width: w, height: h };
    case 3:
      return { x: W - x - w, y: H - y - h, width: w, height: h };
    case 4:
      return { x, y: H - y - h, width: w, height: h };
    case 5:
      return { x: y, y: x, width: h, height: w };
    case 6:
      return { x: y, y: H - x - w, width: h, height: w };
    case 7:
      return { x: W - y - h, y: H - x - w, width: h, height: w };
    case 8:
      return { x: W - y - h, y: x, width: h, height: w };
  }
}

/** The orientation that undoes `orientation`: turning by 90° one way is undone by turning the other way. */
function inverse(orientation: Orientation): Orientation {
  if (orientation === 6) return 8;
  if (orientation === 8) return 6;
  return orientation;
}

/**
 * Maps a box on the stored picture to the same pixels in the upright picture.
 * @param uprightWidth width of the upright picture
 * @param uprightHeight height of the upright picture
 */
export function storedBoxToUpright(
  box: Box,
  uprightWidth: number,
  uprightHeight: number,
  orientation: Orientation,
): Box {
  return uprightBoxToStored(box, uprightWidth, uprightHeight, inverse(orientation));
}

/** Turns a stored picture upright in place, with jimp's flip and rotate (jimp rotates counter-clockwise). */
export function applyOrientation(image: JimpImage, orientation: Orientation): JimpImage {
  const mirror = { horizontal: true, vertical: false };
  const flip = { horizontal: false, vertical: true };
  switch (orientation) {
    case 1:
      break;
    case 2:
      image.flip(mirror);
      break;
    case 3:
      image.rotate(180);
      break;
    case 4:
      image.flip(flip);
      break;
    case 5:
      image.rotate(-90).flip(mirror);
      break;
    case 6:
      image.rotate(-90);
      break;
    case 7:
      image.rotate(-90).flip(flip);
      break;
    case 8:
      image.rotate(90);
      break;
  }
  return image;
}
