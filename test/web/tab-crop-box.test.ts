/**
 * The crop's arithmetic (src/web/client/crop-box.ts, DOM-free): whatever a gesture does, the box stays a
 * whole-pixel square inside the picture, no smaller than the pipeline accepts, which is what `InvalidCropBox`
 * would otherwise refuse.
 */
import {
  boxFromCrop,
  centreOf,
  clampBox,
  cropText,
  maxSide,
  minSide,
  moveBox,
  zoomBox,
  type CropBox,
  type PictureSize,
} from '../../src/web/client/crop-box.js';

const wide: PictureSize = { width: 800, height: 600 };

/** What the pipeline checks on an explicit crop (photo-pipeline.ts, checkCropBox). */
function acceptable(box: CropBox, picture: PictureSize): boolean {
  return (
    [box.x, box.y, box.side].every(Number.isInteger) &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.side <= picture.width &&
    box.y + box.side <= picture.height &&
    box.side >= Math.min(96, maxSide(picture))
  );
}

describe('the crop box', () => {
  it("starts from the server's suggestion, as a square inside the picture", () => {
    expect(boxFromCrop({ x: 100, y: 0, w: 600, h: 600 }, wide)).toEqual({ x: 100, y: 0, side: 600 });
    expect(boxFromCrop({ x: 700, y: 500, w: 300, h: 280 }, wide)).toEqual({ x: 500, y: 300, side: 300 });
    expect(cropText({ x: 12, y: 0, side: 360 })).toBe('12,0,360,360');
  });

  it('moves, and stops at the edges', () => {
    const start = { x: 100, y: 0, side: 400 };
    expect(moveBox(start, 50.4, 20.6, wide)).toEqual({ x: 150, y: 21, side: 400 });
    expect(moveBox(start, -500, -500, wide)).toEqual({ x: 0, y: 0, side: 400 });
    expect(moveBox(start, 5000, 5000, wide)).toEqual({ x: 400, y: 200, side: 400 });
  });

  it('zooms about the focus, keeping that point where it was in the square', () => {
    const start = { x: 200, y: 100, side: 400 };
    const zoomed = zoomBox(start, 2, { x: 300, y: 200 }, wide);
    expect(zoomed).toEqual({ x: 250, y: 150, side: 200 });
    // The focus was a quarter across and down; it still is.
    expect((300 - zoomed.x) / zoomed.side).toBe(0.25);
    expect(zoomBox(zoomed, 0.5, { x: 300, y: 200 }, wide)).toEqual(start);
    expect(centreOf(zoomBox(start, 1.25, centreOf(start), wide))).toEqual({ x: 400, y: 300 });
  });

  it('never zooms in past the smallest side the pipeline takes, nor out past the picture', () => {
    expect(zoomBox({ x: 0, y: 0, side: 200 }, 100, { x: 100, y: 100 }, wide).side).toBe(minSide(wide));
    expect(minSide(wide)).toBe(96);
    expect(zoomBox({ x: 0, y: 0, side: 200 }, 0.01, { x: 100, y: 100 }, wide)).toEqual({
      x: 0,
      y: 0,
      side: 600,
    });
    // A picture smaller than the limit gets its whole short side.
    const small = { width: 90, height: 60 };
    expect(zoomBox({ x: 0, y: 0, side: 60 }, 4, { x: 30, y: 30 }, small)).toEqual({ x: 0, y: 0, side: 60 });
  });

  it('makes anything it is given valid: NaN, infinities, negative or zero factors', () => {
    expect(clampBox({ x: Number.NaN, y: 0, side: Number.POSITIVE_INFINITY }, wide)).toEqual({
      x: 100,
      y: 0,
      side: 600,
    });
    const start = { x: 10, y: 10, side: 300 };
    expect(zoomBox(start, 0, { x: 0, y: 0 }, wide)).toEqual(start);
    expect(zoomBox(start, -2, { x: 0, y: 0 }, wide)).toEqual(start);
    expect(zoomBox(start, Number.NaN, { x: 0, y: 0 }, wide)).toEqual(start);
  });

  it('stays acceptable to the pipeline through a long run of random gestures', () => {
    // A fixed sequence (a linear congruential generator), so a failure replays.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const picture of [
      wide,
      { width: 97, height: 3000 },
      { width: 5000, height: 96 },
      { width: 1, height: 1 },
    ]) {
      let box = boxFromCrop({ x: 0, y: 0, w: maxSide(picture), h: maxSide(picture) }, picture);
      for (let step = 0; step < 2000; step++) {
        box =
          random() < 0.5
            ? moveBox(
                box,
                (random() - 0.5) * 2 * picture.width,
                (random() - 0.5) * 2 * picture.height,
                picture,
              )
            : zoomBox(
                box,
                Math.exp((random() - 0.5) * 3),
                { x: random() * picture.width, y: random() * picture.height },
                picture,
              );
        expect({ picture, box, ok: acceptable(box, picture) }).toEqual({ picture, box, ok: true });
      }
    }
  });
});
