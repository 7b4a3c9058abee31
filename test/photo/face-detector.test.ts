/**
 * The face detector's warm-up (src/photo/face-detector.ts), from the compiled output as the face thread runs it:
 * it maps the backend heap a largest picture needs before any picture arrives, and changes no answer.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { areaResample } from '../../dist/photo/area-resample.js';
import { decodeImage } from '../../dist/photo/codecs.js';
import { FACE_ANALYSIS_SIDE, faceDetector } from '../../dist/photo/face-detector.js';

const MiB = 1024 * 1024;

/** The backend's heap size now (the detector loads TensorFlow.js with require: this is the same instance). */
function heapBytes(): number {
  const tf = createRequire(import.meta.url)('@tensorflow/tfjs-core') as {
    backend(): { wasm: { HEAPU8: Uint8Array } };
  };
  return tf.backend().wasm.HEAPU8.length;
}

describe('face detector warm-up', () => {
  it('grows the heap to what a largest picture needs, and the faces found after it are the same', async () => {
    const detector = await faceDetector();
    if (!detector) throw new Error('the detector did not load');
    // The backend starts smaller than a largest picture's net needs: there is something to map ahead.
    expect(heapBytes()).toBeLessThan(32 * MiB);
    await detector.warmUp();
    expect(heapBytes()).toBeGreaterThanOrEqual(32 * MiB);

    const bytes = await readFile(new URL('../fixtures/faces/several-faces.jpg', import.meta.url));
    const { image } = await decodeImage('jpeg', bytes, 1);
    const { width, height } = image.bitmap;
    const copy = areaResample(image, { x: 0, y: 0, width, height }, FACE_ANALYSIS_SIDE, 469, {
      opaque: true,
    });
    const faces = await detector.detect({
      width: copy.bitmap.width,
      height: copy.bitmap.height,
      data: new Uint8Array(copy.bitmap.data),
    });
    expect(faces).toHaveLength(3);
  });
});
