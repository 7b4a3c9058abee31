// omggif (the GIF reader inside @jimp/js-gif) ships no typings; this covers what the size check reads.
declare module 'omggif' {
  export interface GifReader {
    readonly width: number;
    readonly height: number;
    numFrames(): number;
    frameInfo(index: number): { x: number; y: number; width: number; height: number };
  }
  const omggif: { GifReader: new (bytes: Uint8Array) => GifReader };
  export default omggif;
}
