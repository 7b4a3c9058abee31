/** Jimp, the pipeline's image model: the image type and the one way pixels become a Jimp image. */
import { Jimp } from 'jimp';

/** A picture in jimp's RGBA model. */
export type JimpImage = InstanceType<typeof Jimp>;

/**
 * Wraps RGBA pixels in a Jimp image without copying them where it can. `Jimp.fromBitmap` takes the whole
 * ArrayBuffer behind a typed array and ignores its offset, so pixels that are a view into a larger buffer (a
 * pooled Buffer, a WebAssembly heap) are copied out first.
 */
export function jimpFromRgba(width: number, height: number, data: Uint8Array | Uint8ClampedArray): JimpImage {
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  const pixels = whole ? data : new Uint8Array(data);
  return Jimp.fromBitmap({
    width,
    height,
    data: Buffer.from(pixels.buffer, 0, pixels.byteLength),
  }) as JimpImage;
}
