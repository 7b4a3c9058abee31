/**
 * The square a profile photo wants around the faces found: the eyes about a third from the top, the face about half
 * the square's height, centred across, clamped inside the picture. Pure geometry, no pixels.
 *
 * Which faces: the largest, and with it every face at least half its height (the people of a group photo, not the
 * passers-by behind them); the square frames the group's bounding box. When the group cannot fit in a square of the
 * picture's shorter side, the largest face alone is framed. The square always contains every face it was based on.
 *
 * How small: never below `minSide` (the caller passes the output size, so the crop is never enlarged to make the
 * photo: a tiny face in a wide shot gets a wider square, still centred on it, not a blurry close-up).
 */
import type { FaceBox } from './face-detector.js';
import type { Box } from './orientation.js';

/** The face's height as a share of the square's (about half, as in a passport-style profile photo). */
export const FACE_HEIGHT_SHARE = 0.5;
/** Where the eyes are, down a face box of this detector (forehead to chin): a bit above its middle. */
const EYES_DOWN_FACE = 0.4;
/** Where the square puts the eyes, down its side. */
const EYES_DOWN_SQUARE = 1 / 3;
/** Room across a group: its width is at most this share of the square's. */
const GROUP_WIDTH_SHARE = 0.8;
/** A face at least this share of the largest face's height belongs to the group. */
const GROUP_MIN_HEIGHT = 0.5;

export interface FaceSquare {
  /** The square, in the picture's pixels (whole numbers). */
  readonly box: Box;
  /** The faces it frames, all inside it. */
  readonly basedOn: readonly FaceBox[];
}

/**
 * The square for these faces in a `width` x `height` picture, or null when there is none to frame.
 * @param minSide the smallest side the square may have (capped at the shorter side)
 */
export function faceSquare(
  faces: readonly FaceBox[],
  width: number,
  height: number,
  minSide: number,
): FaceSquare | null {
  const largest = faces.reduce<FaceBox | null>(
    (best, face) => (!best || face.width * face.height > best.width * best.height ? face : best),
    null,
  );
  if (!largest) return null;
  const group = faces.filter((face) => face.height >= largest.height * GROUP_MIN_HEIGHT);
  for (const basedOn of [group, [largest]]) {
    const box = squareAround(basedOn, largest.height, width, height, minSide);
    if (box) return { box, basedOn };
  }
  return null;
}

function squareAround(
  faces: readonly FaceBox[],
  faceHeight: number,
  width: number,
  height: number,
  minSide: number,
): Box | null {
  const shorter = Math.min(width, height);
  const left = Math.min(...faces.map((f) => f.x));
  const top = Math.min(...faces.map((f) => f.y));
  const right = Math.max(...faces.map((f) => f.x + f.width));
  const bottom = Math.max(...faces.map((f) => f.y + f.height));
  // Whole pixels that hold the faces' (fractional) boxes.
  const x0 = Math.max(0, Math.floor(left));
  const y0 = Math.max(0, Math.floor(top));
  const x1 = Math.min(width, Math.ceil(right));
  const y1 = Math.min(height, Math.ceil(bottom));
  const wanted = Math.max(
    faceHeight / FACE_HEIGHT_SHARE,
    y1 - y0 + faceHeight,
    (x1 - x0) / GROUP_WIDTH_SHARE,
    minSide,
  );
  const side = Math.min(shorter, Math.round(wanted));
  if (side < x1 - x0 || side < y1 - y0) return null;
  const centreX = (x0 + x1) / 2;
  const eyes = y0 + faceHeight * EYES_DOWN_FACE;
  const place = (start: number, from: number, to: number, room: number): number => {
    // Hold the faces (from..to), then stay inside the picture (0..room).
    const holding = Math.min(Math.max(Math.round(start), to - side), from);
    return Math.min(Math.max(0, holding), room - side);
  };
  return {
    x: place(centreX - side / 2, x0, x1, width),
    y: place(eyes - side * EYES_DOWN_SQUARE, y0, y1, height),
    width: side,
    height: side,
  };
}

/** Whether a box lies wholly inside another (both in the same pixels). */
export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
