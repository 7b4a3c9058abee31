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
port.postMessage({ ready: detector !== null } satisfies FaceReply);
port.on('message', (request: FaceRequest) => {
  if (!detector) return;
  const { id, width, height, data } = request;
  detector.detect({ width, height, data }).then(
    (faces) => {
      port.postMessage({ id, faces } satisfies FaceReply);
    },
    () => {
      port.postMessage({ id, faces: null } satisfies FaceReply);
    },
  );
});
