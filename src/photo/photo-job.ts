/**
 * The worker thread's side of the photo pool: receives jobs, runs the pipeline, and posts back either the
 * prepared photo or an error code. Only codes and short details cross the thread boundary, never stacks.
 * `photo-worker.ts` is the thread's entry point; tests may serve jobs with a handler of their own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { startFaceThread } from './face-thread.js';
import { preparePhoto } from './photo-pipeline.js';
import { refusedGrowthCount, setWasmMemoryCeiling, watchMemoryGrowth } from './wasm-memory.js';
import type { PhotoWorkerData } from './worker-pool.js';
import type { JobRequest, JobResponse } from './worker-protocol.js';

/** Runs one job and describes its outcome as a message for the pool. */
export async function runJob({ id, input, options }: JobRequest): Promise<JobResponse> {
  const refusedBefore = refusedGrowthCount();
  try {
    const photo = await preparePhoto(input, options);
    return { id, ok: true, photo };
  } catch (error) {
    if (error instanceof AppError) {
      const { code, message } = error as AppError;
      // A codec that could not grow its memory says only that it could not decode: that was memory, not the file.
      if (code === 'CorruptImage' && refusedGrowthCount() > refusedBefore) {
        return { id, ok: false, code: 'ImageProcessingFailed', detail: 'a codec reached its memory ceiling' };
      }
      return { id, ok: false, code, detail: message };
    }
    return { id, ok: false, code: null, detail: error instanceof Error ? error.name : 'unknown error' };
  }
}

/**
 * Answers the pool's jobs one at a time on this thread's port, with the codecs' memory ceiling the pool set in
 * `workerData` (before any codec is compiled).
 */
export function serveJobs(handle: (job: JobRequest) => Promise<JobResponse> = runJob): void {
  const port = parentPort;
  if (!port) throw new Error('photo-worker must run in a worker thread');
  const data = workerData as Partial<PhotoWorkerData> | null;
  if (typeof data?.wasmMemoryBytes === 'number') setWasmMemoryCeiling(data.wasmMemoryBytes);
  watchMemoryGrowth();
  // The face thread loads (and warms) its detector now, not when the first photo is waiting for it.
  if (data?.faceDetection !== false) startFaceThread();
  port.on('message', (job: JobRequest) => {
    void handle(job).then((response) => {
      const transfer = response.ok ? [response.photo.jpeg.buffer as ArrayBuffer] : [];
      port.postMessage(response, transfer);
    });
  });
}
