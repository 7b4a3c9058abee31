/**
 * EXIF orientation: how the stored pixels must be turned to stand upright. Boxes chosen on the upright picture
 * are mapped back to stored pixels, so the expensive work happens on the stored pixels, and the area resampler
 * writes its small result already turned (no separate rotation pass).
 */

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

/**
 * Where each pixel of a stored picture lands once the picture is turned upright, as a linear map of pixel indices:
 * the stored pixel (x, y) becomes the upright picture's pixel number `origin + x * dx + y * dy` (row-major, in
 * pixels). Writers that produce stored pixels (the area resampler) use it to write them already turned, so the
 * picture is never turned in a separate pass.
 * @param width width of the stored picture
 * @param height height of the stored picture
 */
export function uprightPlacement(
  width: number,
  height: number,
  orientation: Orientation,
): { origin: number; dx: number; dy: number } {
  const uprightWidth = swapsAxes(orientation) ? height : width;
  // The upright position of stored (x, y), from the same mapping as storedBoxToUpright for a 1x1 box.
  const at = (x: number, y: number): number => {
    switch (orientation) {
      case 1:
        return y * uprightWidth + x;
      case 2:
        return y * uprightWidth + (width - 1 - x);
      case 3:
        return (height - 1 - y) * uprightWidth + (width - 1 - x);
      case 4:
        return (height - 1 - y) * uprightWidth + x;
      case 5:
        return x * uprightWidth + y;
      case 6:
        return x * uprightWidth + (height - 1 - y);
      case 7:
        return (width - 1 - x) * uprightWidth + (height - 1 - y);
      case 8:
        return (width - 1 - x) * uprightWidth + y;
    }
  };
  const origin = at(0, 0);
  return { origin, dx: at(1, 0) - origin, dy: at(0, 1) - origin };
}
