import { Jimp } from 'jimp';
import {
  storedBoxToUpright,
  uprightBoxToStored,
  uprightPlacement,
  uprightSize,
  type Orientation,
} from '../../src/photo/orientation.js';

const ORIENTATIONS: Orientation[] = [1, 2, 3, 4, 5, 6, 7, 8];

/** A 5x3 stored picture whose every pixel has its own colour, so each output pixel says where it came from. */
function numbered(): InstanceType<typeof Jimp> {
  const image = new Jimp({ width: 5, height: 3, color: 0x000000ff });
  for (let y = 0; y < 3; y++)
    for (let x = 0; x < 5; x++) image.setPixelColor(((y * 5 + x + 1) << 8) | 0xff, x, y);
  return image;
}

/**
 * The reference turn, with jimp's flip and rotate (jimp rotates counter-clockwise), checked against sharp's reading
 * of the EXIF tag by the pipeline tests' fixtures.
 */
function applyOrientation(
  image: InstanceType<typeof Jimp>,
  orientation: Orientation,
): InstanceType<typeof Jimp> {
  const mirror = { horizontal: true, vertical: false };
  const flip = { horizontal: false, vertical: true };
  if (orientation === 2) image.flip(mirror);
  if (orientation === 3) image.rotate(180);
  if (orientation === 4) image.flip(flip);
  if (orientation === 5) image.rotate(-90).flip(mirror);
  if (orientation === 6) image.rotate(-90);
  if (orientation === 7) image.rotate(-90).flip(flip);
  if (orientation === 8) image.rotate(90);
  return image;
}

const sourceOf = (colour: number): { x: number; y: number } => {
  const n = (colour >>> 8) - 1;
  return { x: n % 5, y: Math.floor(n / 5) };
};

describe('orientation', () => {
  it.each(ORIENTATIONS)(
    'maps boxes consistently with how jimp turns the pixels (orientation %i)',
    (orientation) => {
      const upright = applyOrientation(numbered(), orientation);
      const size = uprightSize(5, 3, orientation);
      expect([upright.bitmap.width, upright.bitmap.height]).toEqual([size.width, size.height]);
      for (let y = 0; y < size.height; y++) {
        for (let x = 0; x < size.width; x++) {
          const stored = uprightBoxToStored({ x, y, width: 1, height: 1 }, 5, 3, orientation);
          expect(sourceOf(upright.getPixelColor(x, y))).toEqual({ x: stored.x, y: stored.y });
          expect(storedBoxToUpright(stored, size.width, size.height, orientation)).toEqual({
            x,
            y,
            width: 1,
            height: 1,
          });
        }
      }
    },
  );

  it('maps a box of several pixels to one of the same area', () => {
    const box = { x: 1, y: 0, width: 2, height: 3 };
    for (const orientation of ORIENTATIONS) {
      const size = uprightSize(5, 3, orientation);
      const upright = storedBoxToUpright(box, size.width, size.height, orientation);
      expect(upright.width * upright.height).toBe(6);
      expect(uprightBoxToStored(upright, 5, 3, orientation)).toEqual(box);
    }
  });

  it.each(ORIENTATIONS)(
    'places every stored pixel where the turned picture has it (orientation %i)',
    (orientation) => {
      const upright = applyOrientation(numbered(), orientation);
      const { origin, dx, dy } = uprightPlacement(5, 3, orientation);
      const seen = new Set<number>();
      for (let y = 0; y < 3; y++) {
        for (let x = 0; x < 5; x++) {
          const at = origin + x * dx + y * dy;
          seen.add(at);
          const colour = upright.getPixelColor(
            at % upright.bitmap.width,
            Math.floor(at / upright.bitmap.width),
          );
          expect(sourceOf(colour)).toEqual({ x, y });
        }
      }
      expect(seen.size).toBe(15);
    },
  );
});
