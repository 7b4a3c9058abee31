/**
 * The face thread (src/photo/face-thread.ts), from the compiled output as the bot runs it: detection on a thread
 * of its own gives the same faces as in the asking thread, falls back to the asking thread when it cannot start,
 * and a thread that dies costs only its pending pictures.
 */
import { readFile } from 'node:fs/promises';
import { decodeImage } from '../../dist/photo/codecs.js';
import { faceDetector } from '../../dist/photo/face-detector.js';
import {
  detectFaces,
  faceThreadEntry,
  faceThreadRunning,
  resetFaceThreadForTests,
  stopFaceThread,
} from '../../dist/photo/face-thread.js';
import type { RgbaPixels } from '../../dist/photo/face-detector.js';

async function picture(name: string): Promise<RgbaPixels> {
  const bytes = await readFile(new URL(`../fixtures/faces/${name}`, import.meta.url));
  const { image } = await decodeImage('jpeg', bytes, 1);
  const { width, height, data } = image.bitmap;
  return { width, height, data: new Uint8Array(data) };
}

afterEach(async () => {
  await stopFaceThread();
  resetFaceThreadForTests();
});

describe('face thread', () => {
  it('finds on its own thread the same faces as the asking thread, and leaves the picture to the caller', async () => {
    // A Buffer, as a Jimp bitmap's pixels are: its `slice` is a view, which must not be what is transferred.
    const small = {
      width: 704,
      height: 469,
      data: Buffer.from(await shrink(await picture('several-faces.jpg'))),
    };
    const before = Buffer.from(small.data);
    const onThread = await detectFaces(small);
    expect(faceThreadRunning()).toBe(true);
    const detector = await faceDetector();
    expect(detector).not.toBeNull();
    const here = await detector?.detect(small);
    expect(onThread).toHaveLength(3);
    expect(onThread).toEqual(here);
    expect(Buffer.from(small.data).equals(before)).toBe(true);
  });

  it('detects in the asking thread when the face thread cannot start', async () => {
    const original = faceThreadEntry.url;
    faceThreadEntry.url = () => new URL('./no-such-face-worker.js', import.meta.url);
    try {
      const faces = await detectFaces({
        width: 512,
        height: 512,
        data: (await picture('one-face.jpg')).data,
      });
      expect(faces).toHaveLength(1);
      expect(faceThreadRunning()).toBe(false);
    } finally {
      faceThreadEntry.url = original;
    }
  });

  it('answers a picture pending when the thread dies with no faces, and starts a new thread for the next', async () => {
    const image = { width: 512, height: 512, data: (await picture('one-face.jpg')).data };
    expect(await detectFaces(image)).toHaveLength(1);
    expect(faceThreadRunning()).toBe(true);
    const pending = detectFaces(image);
    await stopFaceThread();
    expect(await pending).toBeNull();
    expect(faceThreadRunning()).toBe(false);
    expect(await detectFaces(image)).toHaveLength(1);
    expect(faceThreadRunning()).toBe(true);
  });
});

/** The 1200x800 group photo at 704x469, as the pipeline would hand it to the detector. */
async function shrink(image: RgbaPixels): Promise<Uint8Array> {
  const { areaResample } = await import('../../dist/photo/area-resample.js');
  const { jimpFromRgba } = await import('../../dist/photo/jimp-image.js');
  const copy = areaResample(
    jimpFromRgba(image.width, image.height, image.data),
    { x: 0, y: 0, width: image.width, height: image.height },
    704,
    469,
    { opaque: true },
  );
  return new Uint8Array(copy.bitmap.data);
}
