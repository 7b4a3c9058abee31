/**
 * The square crop as the page edits it: pure arithmetic, no DOM, in the upright picture's pixels (what the server
 * calls the upright source; browsers draw a JPEG upright from its EXIF orientation too, so what a person sees is
 * what the box is measured in). The box is always a whole-pixel square inside the picture, at least
 * {@link MIN_CROP_SIDE} pixels a side when the picture allows, which is exactly what the pipeline accepts as an
 * explicit crop (`InvalidCropBox` otherwise).
 *
 * Gestures are applied to the box they started from (the box at pointer-down and the total movement since), not
 * step by step, so rounding to whole pixels never accumulates into drift.
 */

/** The smallest crop side the pipeline takes (its `minSide`, 96 pixels; a test keeps the two equal). */
export const MIN_CROP_SIDE = 96;

/** A picture's upright size, in pixels. */
export interface PictureSize {
  readonly width: number;
  readonly height: number;
}

/** A square: its top-left corner and side, in whole upright pixels. */
export interface CropBox {
  readonly x: number;
  readonly y: number;
  readonly side: number;
}

/** A point in the picture's pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The largest square the picture holds. */
export function maxSide(picture: PictureSize): number {
  return Math.max(1, Math.floor(Math.min(picture.width, picture.height)));
}

/** The smallest square allowed: {@link MIN_CROP_SIDE}, or the whole short side of a smaller picture. */
export function minSide(picture: PictureSize): number {
  return Math.min(MIN_CROP_SIDE, maxSide(picture));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * A box made valid: a finite whole side between the smallest and largest allowed, then a whole-pixel position that
 * keeps it inside the picture. Anything not finite becomes the centred largest square.
 */
export function clampBox(box: CropBox, picture: PictureSize): CropBox {
  const largest = maxSide(picture);
  const side = Number.isFinite(box.side) ? clamp(Math.round(box.side), minSide(picture), largest) : largest;
  const x = Number.isFinite(box.x) ? box.x : (picture.width - side) / 2;
  const y = Number.isFinite(box.y) ? box.y : (picture.height - side) / 2;
  return {
    x: clamp(Math.round(x), 0, Math.floor(picture.width) - side),
    y: clamp(Math.round(y), 0, Math.floor(picture.height) - side),
    side,
  };
}

/** The box the server suggested (`{ x, y, w, h }`), as an editable square (the larger of w and h, kept inside). */
export function boxFromCrop(
  crop: { readonly x: number; readonly y: number; readonly w: number; readonly h: number },
  picture: PictureSize,
): CropBox {
  return clampBox({ x: crop.x, y: crop.y, side: Math.max(crop.w, crop.h) }, picture);
}

/** `start` moved by `dx`, `dy` picture pixels, stopping at the picture's edges. */
export function moveBox(start: CropBox, dx: number, dy: number, picture: PictureSize): CropBox {
  return clampBox({ x: start.x + dx, y: start.y + dy, side: start.side }, picture);
}

/**
 * `start` zoomed by `factor` about `focus`: above 1 zooms in (a smaller square, so the result shows less of the
 * picture, larger), below 1 out. The focus point stays at the same place within the square, as under a pinch or
 * the mouse wheel, until an edge or a size limit stops it.
 */
export function zoomBox(start: CropBox, factor: number, focus: Point, picture: PictureSize): CropBox {
  if (!Number.isFinite(factor) || factor <= 0) return clampBox(start, picture);
  const side = clamp(start.side / factor, minSide(picture), maxSide(picture));
  const u = (focus.x - start.x) / start.side;
  const v = (focus.y - start.y) / start.side;
  return clampBox({ x: focus.x - u * side, y: focus.y - v * side, side }, picture);
}

/** The centre of a box, the focus of the zoom buttons and keys. */
export function centreOf(box: CropBox): Point {
  return { x: box.x + box.side / 2, y: box.y + box.side / 2 };
}

/** The box as the API's `crop` parameter and the page's `crop-box` text: `x,y,w,h`. */
export function cropText(box: CropBox): string {
  return `${box.x},${box.y},${box.side},${box.side}`;
}
