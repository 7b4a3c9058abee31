/**
 * Face detection on a thread of its own, so the network (the pipeline's largest step after decoding) runs on another
 * core while the thread that asked goes on with the salient square. Each thread that prepares photos (a photo
 * worker, or the main thread of the command line and the bench) starts one face thread on its first detection and
 * keeps it; it holds the process open only while a detection is under way, and ends with the thread that started it.
 *
 * When the thread cannot start (its compiled entry point missing, as under ts-jest, which runs the TypeScript
 * sources) or its detector cannot load, detection runs in the asking thread as before; a thread that dies drops
 * its pending pictures (cropped without faces) and is started again for the next one.
 */
import { Worker } from 'node:worker_threads';
import { faceDetector, type FaceBox, type RgbaPixels } from './face-detector.js';
import { adoptPixels, takePixels } from './pixel-buffers.js';

/** A picture to look at, its pixels transferred. */
export interface FaceRequest {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** The face thread's messages: once whether its detector loaded, then each picture's faces (null: it failed). */
export type FaceReply =
  | { readonly ready: boolean }
  | {
      readonly id: number;
      readonly faces: FaceBox[] | null;
      /** The request's pixels, transferred back to be reused for the next picture. */
      readonly data?: Uint8Array;
    };

/** Where the face thread's entry point is (overridable so a test can break it). */
export const faceThreadEntry = { url: (): URL => new URL('./face-worker.js', import.meta.url) };

interface Running {
  readonly worker: Worker;
  readonly pending: Map<number, (faces: FaceBox[] | null) => void>;
}

let starting: Promise<Running | null> | null = null;
/** The thread serving now, so that a dead one's late events cannot forget its successor. */
let current: Running | null = null;
/** The face thread being started or serving, if any. */
let thread: Worker | null = null;
/** Detections waiting for the thread to start or to answer: while there are any, the thread holds the process open. */
let waiting = 0;
let nextId = 1;

function start(): Promise<Running | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(faceThreadEntry.url());
    } catch {
      resolve(null);
      return;
    }
    thread = worker;
    const running: Running = { worker, pending: new Map() };
    let ready = false;
    worker.on('message', (reply: FaceReply) => {
      if ('ready' in reply) {
        ready = reply.ready;
        if (ready) current = running;
        resolve(reply.ready ? running : null);
        if (!reply.ready) void worker.terminate();
        return;
      }
      const settle = running.pending.get(reply.id);
      running.pending.delete(reply.id);
      if (reply.data) adoptPixels(reply.data.buffer as ArrayBuffer);
      settle?.(reply.faces);
    });
    const gone = (): void => {
      if (thread === worker) thread = null;
      if (!ready) {
        resolve(null); // never started: stay in-thread from now on
        return;
      }
      // Died while serving: its pictures go without faces, and the next one starts a new thread.
      if (current === running) {
        current = null;
        starting = null;
      }
      for (const settle of running.pending.values()) settle(null);
      running.pending.clear();
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    // After the listeners: attaching a 'message' listener refs the thread again.
    if (waiting === 0) worker.unref();
  });
}

/**
 * Starts this thread's face thread ahead of the first detection, so that loading the detector (and a first
 * detection on a blank picture, which maps the memory the net needs) overlaps other work. It does not hold the
 * process open by itself.
 */
export function startFaceThread(): void {
  starting ??= start();
}

/**
 * Finds faces in the picture on the face thread, or in this thread when there is none; null when no detector
 * could run or it failed on this picture. Never rejects.
 */
export async function detectFaces(image: RgbaPixels): Promise<FaceBox[] | null> {
  waiting += 1;
  thread?.ref(); // the process waits for the thread to start and answer
  try {
    starting ??= start();
    const running = await starting;
    if (!running) {
      const detector = await faceDetector();
      return detector ? await detector.detect(image).catch(() => null) : null;
    }
    const id = nextId++;
    // A copy to transfer (the caller keeps the picture; a Buffer's `slice` would be a view of its pixels), in a spare
    // buffer that comes back with the answer.
    const data = takePixels(image.data.length);
    data.set(image.data);
    return await new Promise<FaceBox[] | null>((resolve) => {
      running.pending.set(id, resolve);
      const request: FaceRequest = { id, width: image.width, height: image.height, data };
      running.worker.postMessage(request, [data.buffer as ArrayBuffer]);
    });
  } finally {
    waiting -= 1;
    if (waiting === 0) thread?.unref();
  }
}

/** Ends this thread's face thread, as a crash would: pending pictures get no faces, the next starts a new one. */
export async function stopFaceThreadForTests(): Promise<void> {
  const running = await starting;
  await running?.worker.terminate();
}

/** Forgets whether a face thread could start, so the next detection tries again (tests that break its entry). */
export function resetFaceThreadForTests(): void {
  starting = null;
  current = null;
  thread = null;
}

/** Whether a face thread is serving this thread now (tests). */
export function faceThreadRunning(): boolean {
  return current !== null;
}
