/**
 * Entry point of a face thread (face-thread.ts): loads this thread's detector and answers detections, one message
 * per picture, until the thread that started it ends. Only boxes or a bare failure cross back, nothing about the
 * picture.
 */
import { parentPort } from 'node:worker_threads';
import { faceDetector } from './face-detector.js';
import { silenceLibraryConsole } from './library-console.js';
import type { FaceReply, FaceRequest } from './face-thread.js';

silenceLibraryConsole();
const port = parentPort;
if (!port) throw new Error('face-worker must run in a worker thread');
const detector = await faceDetector();
// The kernels set up and the net's memory mapped (every new page a fault, which is most of a first detection's time)
// before a photo is waiting for it.
await detector?.warmUp().catch(() => undefined);
port.postMessage({ ready: detector !== null } satisfies FaceReply);
port.on('message', (request: FaceRequest) => {
  if (!detector) return;
  const { id, width, height, data } = request;
  // The pixels go back with the answer, for the asking thread to reuse (pixel-buffers.ts).
  const answer = (faces: FaceReply & { id: number }): void => {
    port.postMessage(faces, [data.buffer as ArrayBuffer]);
  };
  detector.detect({ width, height, data }).then(
    (faces) => {
      answer({ id, faces, data });
    },
    () => {
      answer({ id, faces: null, data });
    },
  );
});
