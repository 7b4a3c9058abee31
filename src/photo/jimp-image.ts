/**
 * Jimp, the pipeline's image model: the image type and the one way pixels become a Jimp image.
 *
 * The class comes from `@jimp/core` (jimp's own core, which the `jimp` package builds on) with no formats and no
 * plugins registered: the pipeline's decoders and encoder plug in beside it (codecs.ts), and the one operation it
 * needs (crop, scale and turn upright in one pass) is the area resampler. Importing the whole `jimp` package instead
 * registers every plugin and format it ships, which took most of `profile-photo prepare`'s start-up (bench/README.md).
 */
import { createJimp } from '@jimp/core';

/** jimp with nothing registered: the image model alone. */
const Jimp = createJimp({ formats: [], plugins: [] });

/** A picture in jimp's RGBA model (8 bits a channel, row-major, in `bitmap`). */
export type JimpImage = InstanceType<typeof Jimp>;

/**
 * Wraps RGBA pixels in a Jimp image without copying them where it can. `Jimp.fromBitmap` takes the whole
 * ArrayBuffer behind a typed array and ignores its offset, so pixels that are a view into a larger buffer (a
 * pooled Buffer, a WebAssembly heap that the next decode reuses) are copied out first.
 */
export function jimpFromRgba(width: number, height: number, data: Uint8Array | Uint8ClampedArray): JimpImage {
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  // A plain Uint8Array view, never a Buffer: given a Buffer, `fromBitmap` first copies all of it and then throws the
  // copy away for a view of the same ArrayBuffer (a 33 MB copy for a 4K screenshot, each page of it a fault).
  const pixels = whole ? new Uint8Array(data.buffer, 0, data.byteLength) : new Uint8Array(data);
  // jimp's typings lose the instance type when no formats or plugins are registered; it is this class's instance.
  return Jimp.fromBitmap({ width, height, data: pixels }) as JimpImage;
}

/**
 * Wraps pixels in a Jimp image without copying them, whatever buffer they are a view of: for pixels the pipeline
 * owns for the whole job (a buffer from pixel-buffers.ts), which nothing else writes while the image is in use.
 */
export function jimpOverPixels(width: number, height: number, pixels: Uint8Array): JimpImage {
  // The constructor keeps the bitmap it is given; `fromBitmap` would take the whole ArrayBuffer behind the view.
  return new Jimp({
    width,
    height,
    data: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength),
  });
}
