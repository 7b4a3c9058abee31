/**
 * The pipeline's image model: RGBA pixels in jimp's bitmap shape (`{ bitmap: { width, height, data } }`), so a
 * Jimp image is one and jimp's formats decode into it. The pipeline itself makes plain ones: nothing it does needs
 * jimp's methods (the area resampler crops, scales and turns in one pass), and importing jimp, with every plugin
 * and format it registers, took most of `profile-photo prepare`'s start-up (see bench/README.md).
 */

/** A picture as 8-bit RGBA pixels, row-major, in jimp's bitmap shape. */
export interface JimpImage {
  readonly bitmap: {
    readonly width: number;
    readonly height: number;
    readonly data: Buffer;
  };
}

/**
 * Wraps RGBA pixels as an image without copying them where it can. Pixels that are a view into a larger buffer
 * (a pooled Buffer, a WebAssembly heap that the next decode reuses) are copied out first.
 */
export function jimpFromRgba(width: number, height: number, data: Uint8Array | Uint8ClampedArray): JimpImage {
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  const pixels = whole ? data : new Uint8Array(data);
  return { bitmap: { width, height, data: Buffer.from(pixels.buffer, 0, pixels.byteLength) } };
}
