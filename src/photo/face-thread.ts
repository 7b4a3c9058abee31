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

/** A picture sent to the face thread: how to answer it, and the caller's own pixels should the thread not start. */
interface Pending {
  readonly settle: (faces: FaceBox[] | null) => void;
  readonly image: RgbaPixels;
}

interface Launched {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  /** Set once the thread said its detector loaded. */
  ready: boolean;
}

/**
 * The face thread of this thread, from the moment it is created (pictures are sent at once and wait in its queue
 * while it loads) until it dies or turns out unable to detect; null when there is none.
 */
let launched: Launched | null = null;
/** Set when a thread could not start or load its detector: detection stays in this thread from then on. */
let unavailable = false;
/** Detections waiting for the thread to answer: while there are any, the thread holds the process open. */
let waiting = 0;
let nextId = 1;

function launch(): Launched | null {
  let worker: Worker;
  try {
    worker = new Worker(faceThreadEntry.url());
  } catch {
    unavailable = true;
    return null;
  }
  const thread: Launched = { worker, pending: new Map(), ready: false };
  launched = thread;
  /** The thread will never detect: what it was sent is looked at in this thread instead. */
  const unusable = (): void => {
    // Only while it is this thread's face thread: a late 'exit' must not outlive a reset (tests).
    if (launched === thread) {
      launched = null;
      unavailable = true;
    }
    for (const { settle, image } of thread.pending.values()) void inThisThread(image).then(settle);
    thread.pending.clear();
  };
  worker.on('message', (reply: FaceReply) => {
    if ('ready' in reply) {
      if (reply.ready) {
        thread.ready = true;
      } else {
        unusable();
        void worker.terminate();
      }
      return;
    }
    const pending = thread.pending.get(reply.id);
    thread.pending.delete(reply.id);
    if (reply.data) adoptPixels(reply.data.buffer as ArrayBuffer);
    pending?.settle(reply.faces);
  });
  const gone = (): void => {
    if (!thread.ready) {
      unusable(); // never started (its entry point missing, say): stay in this thread from now on
      return;
    }
    // Died while serving: its pictures go without faces, and the next one starts a new thread.
    if (launched === thread) launched = null;
    for (const { settle } of thread.pending.values()) settle(null);
    thread.pending.clear();
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  // After the listeners: attaching a 'message' listener refs the thread again.
  if (waiting === 0) worker.unref();
  return thread;
}

async function inThisThread(image: RgbaPixels): Promise<FaceBox[] | null> {
  const detector = await faceDetector();
  return detector ? await detector.detect(image).catch(() => null) : null;
}

/**
 * Starts this thread's face thread ahead of the first detection, so that loading the detector (and a first
 * detection on a blank picture, which maps the memory the net needs) overlaps other work. It does not hold the
 * process open by itself.
 */
export function startFaceThread(): void {
  if (!launched && !unavailable) launch();
}

/**
 * Finds faces in the picture on the face thread, or in this thread when there is none; null when no detector
 * could run or it failed on this picture. Never rejects. The picture is sent before this returns its promise, so
 * the net runs while the caller goes on (even while the thread is still loading: it waits in the thread's queue).
 */
export async function detectFaces(image: RgbaPixels): Promise<FaceBox[] | null> {
  const thread = launched ?? (unavailable ? null : launch());
  if (!thread) return inThisThread(image);
  waiting += 1;
  thread.worker.ref(); // the process waits for the thread to answer
  try {
    const id = nextId++;
    // A copy to transfer (the caller keeps the picture, for its own use and in case the thread cannot detect; a
    // Buffer's `slice` would be a view of its pixels), in a spare buffer that comes back with the answer.
    const data = takePixels(image.data.length);
    data.set(image.data);
    const answer = new Promise<FaceBox[] | null>((settle) => {
      thread.pending.set(id, { settle, image });
    });
    const request: FaceRequest = { id, width: image.width, height: image.height, data };
    thread.worker.postMessage(request, [data.buffer as ArrayBuffer]);
    return await answer;
  } finally {
    waiting -= 1;
    if (waiting === 0) launched?.worker.unref();
  }
}

/**
 * Ends this thread's face thread at once, as a crash would: pending pictures get no faces, the next detection
 * starts a new one. The command line stops a thread it started before its configuration said detection is off.
 */
export async function stopFaceThread(): Promise<void> {
  const thread = launched;
  if (!thread) return;
  // Stopped on purpose: what it was sent gets no faces, even if it had not said it was ready yet.
  thread.ready = true;
  await thread.worker.terminate();
}

/** Forgets whether a face thread could start, so the next detection tries again (tests that break its entry). */
export function resetFaceThreadForTests(): void {
  launched = null;
  unavailable = false;
}

/** Whether a face thread is serving this thread now: started, its detector loaded, and alive (tests). */
export function faceThreadRunning(): boolean {
  return launched?.ready === true;
}
