/**
 * Runs the photo pipeline on worker threads, so the bot keeps answering other people while a 12 MP photo is being
 * prepared. Bounded on every side: at most `size` jobs run at once, at most `queueLimit` wait (one more is refused
 * with `ServerBusy`), and a job running longer than `jobTimeoutMs` has its worker terminated and replaced
 * (`ImageProcessingTimeout`).
 *
 * Memory is bounded per worker too, on the two sides it lives: the V8 heap by the thread's `resourceLimits` (a
 * worker past it is killed by Node with ERR_WORKER_OUT_OF_MEMORY, which fails only its job, as
 * `ImageProcessingFailed`), and each WebAssembly codec's memory by a maximum written into the module (see
 * wasm-memory.ts), past which the codec's allocation fails and the job ends with `ImageProcessingFailed`. Pixel
 * buffers of the JavaScript decoders are ArrayBuffers, outside both: what bounds them is the dimension checks made
 * before decoding (image-header.ts, decoder-dimensions.ts). A worker whose job ran out of memory is replaced, so
 * the memory it grew is given back.
 */
import { Worker } from 'node:worker_threads';
import { AppError, PhotoError, isPhotoErrorCode } from '../errors.js';
import type { PrepareOptions, PreparedPhoto } from './photo-pipeline.js';
import type { JobRequest, JobResponse } from './worker-protocol.js';

export interface PhotoPoolOptions {
  /** Worker threads, at least 1. */
  readonly size: number;
  /** Jobs allowed to wait for a free worker. */
  readonly queueLimit: number;
  /** Longest a job may run, in milliseconds. */
  readonly jobTimeoutMs: number;
  /** The worker's entry module; the compiled `photo-worker.js` beside this file unless a test names another. */
  readonly workerUrl?: URL;
  /**
   * Memory one worker may use, in MiB: its V8 heap (`maxOldGenerationSizeMb`) and each WebAssembly codec's memory.
   * Default {@link DEFAULT_WORKER_MEMORY_MB}.
   */
  readonly workerMemoryMb?: number;
  /**
   * Whether jobs look for faces when they do not say (`FACE_DETECTION`); default `true`, the pipeline's own default
   * (faces for `auto` and explicit crops, never for `center`). `false` turns detection off for every job.
   */
  readonly faceDetection?: boolean;
}

/**
 * Enough for the largest picture the limits let through (50 MP: 200 MB of RGBA in a codec's memory, with libjpeg's
 * buffers for a progressive file beside it), a fraction of what the codecs would otherwise grow to (2 to 4 GiB
 * each). The V8 heap of a normal job stays far below it: pixels live in ArrayBuffers, not on the heap.
 */
export const DEFAULT_WORKER_MEMORY_MB = 1024;

/** What a photo worker is told when it starts (`workerData`). */
export interface PhotoWorkerData {
  /** Ceiling on each WebAssembly codec's memory, in bytes. */
  readonly wasmMemoryBytes: number;
  /** `false` when no job looks for faces (`FACE_DETECTION=off`): the worker then starts no face thread. */
  readonly faceDetection: boolean;
}

/** How a job's input reaches the worker. */
export interface RunHandoff {
  /**
   * Transfer the input's buffer to the worker rather than copy it, when the input is the whole of an ArrayBuffer
   * the caller will not touch again (a freshly downloaded photo). Default false: the input is copied.
   */
  readonly transferInput?: boolean;
}

/** Counts for health checks and tests. */
export interface PoolStats {
  readonly workers: number;
  readonly running: number;
  readonly queued: number;
  /** Workers started since the pool was made: more than `workers` once one was replaced. */
  readonly started: number;
}

interface Job {
  readonly request: JobRequest;
  readonly resolve: (photo: PreparedPhoto) => void;
  readonly reject: (error: Error) => void;
  /** Hand the input's memory to the worker instead of copying it (see {@link RunHandoff}). */
  readonly transferInput: boolean;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** A failure with no app error code behind it; its message names no input. */
export class PhotoWorkerError extends Error {
  override readonly name = 'PhotoWorkerError';
}

export class PhotoWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly workerUrl: URL;
  private nextId = 1;
  private started = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: PhotoPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1)
      throw new RangeError('pool size must be at least 1');
    this.workerUrl = options.workerUrl ?? new URL('./photo-worker.js', import.meta.url);
  }

  /**
   * Prepares a photo on a worker thread.
   * @throws PhotoError with the pipeline's codes, `ServerBusy` when the queue is full or the pool is closing, or
   *   `ImageProcessingTimeout`
   * @param handoff `transferInput: true` hands `input`'s memory to the worker: the caller must not use `input`
   *   again (it is detached once the job starts)
   */
  run(input: Uint8Array, options: PrepareOptions = {}, handoff: RunHandoff = {}): Promise<PreparedPhoto> {
    if (this.closed) return Promise.reject(new PhotoError('ServerBusy', 'photo pool is closing'));
    const idle = this.idleSlot();
    if (!idle && this.queue.length >= this.options.queueLimit) {
      return Promise.reject(new PhotoError('ServerBusy', `${this.queue.length} photo jobs waiting`));
    }
    return new Promise<PreparedPhoto>((resolve, reject) => {
      const job: Job = {
        request: {
          id: this.nextId++,
          input,
          options:
            this.options.faceDetection === false && options.detectFaces === undefined
              ? { ...options, detectFaces: false }
              : options,
        },
        resolve,
        reject,
        transferInput: handoff.transferInput === true,
      };
      if (idle) this.start(idle, job);
      else this.queue.push(job);
    });
  }

  stats(): PoolStats {
    return {
      workers: this.slots.length,
      running: this.slots.filter((slot) => slot.job).length,
      queued: this.queue.length,
      started: this.started,
    };
  }

  /** Refuses new jobs, lets queued and running ones finish, then stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.queue.length > 0 || this.slots.some((slot) => slot.job)) {
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  /** A free worker, started on demand up to the pool size. */
  private idleSlot(): Slot | undefined {
    const free = this.slots.find((slot) => !slot.job);
    if (free) return free;
    if (this.slots.length >= this.options.size) return undefined;
    const slot: Slot = { worker: this.spawn(), job: null, timer: null };
    this.slots.push(slot);
    this.watch(slot);
    return slot;
  }

  private spawn(): Worker {
    const memoryMb = this.options.workerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB;
    const workerData: PhotoWorkerData = {
      wasmMemoryBytes: memoryMb * 1024 * 1024,
      faceDetection: this.options.faceDetection !== false,
    };
    const worker = new Worker(this.workerUrl, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    worker.unref();
    this.started += 1;
    return worker;
  }

  private watch(slot: Slot): void {
    const { worker } = slot;
    worker.on('message', (response: JobResponse) => {
      this.finish(slot, response);
    });
    worker.on('error', (error: Error & { code?: unknown }) => {
      // Past its heap limit Node stops the worker; what the job asked for was too much for one photo.
      this.retire(
        slot,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new PhotoError('ImageProcessingFailed', 'photo worker ran out of memory')
          : new PhotoWorkerError('photo worker crashed'),
      );
    });
    worker.on('exit', () => {
      this.retire(slot, new PhotoWorkerError('photo worker exited'));
    });
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.retire(slot, new PhotoError('ImageProcessingTimeout', `over ${this.options.jobTimeoutMs} ms`));
    }, this.options.jobTimeoutMs);
    // Copying a 12 MP photo into the message costs the main thread tens of milliseconds of fresh memory;
    // handing its buffer over costs nothing. Only a buffer the input covers whole is handed over (never a slice of
    // a shared pool, never shared memory).
    const { input } = job.request;
    const whole =
      job.transferInput &&
      input.buffer instanceof ArrayBuffer &&
      input.byteOffset === 0 &&
      input.byteLength === input.buffer.byteLength;
    slot.worker.postMessage(job.request, whole ? [input.buffer] : []);
  }

  private finish(slot: Slot, response: JobResponse): void {
    const job = slot.job;
    if (!job || job.request.id !== response.id) return;
    if (!response.ok && response.code === 'ImageProcessingFailed') {
      // A codec's memory grew to its ceiling: a fresh worker gives it back (retire also drains the queue).
      this.retire(slot, toError(response));
      return;
    }
    this.release(slot);
    if (response.ok) job.resolve(response.photo);
    else job.reject(toError(response));
    this.drain();
  }

  /**
   * Stops a stuck or broken worker and fails its job. A fresh worker takes its place when the next job needs
   * one, so a worker that cannot even start fails jobs one by one instead of respawning in a loop.
   */
  private retire(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return; // already retired, or stopped by close()
    this.slots.splice(index, 1);
    const job = slot.job;
    this.release(slot);
    void slot.worker.terminate();
    job?.reject(error);
    this.drain();
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  /** Starts queued jobs on free workers; tells close() when the last job is done. */
  private drain(): void {
    for (let slot = this.idleSlot(); slot && this.queue.length > 0; slot = this.idleSlot()) {
      this.start(slot, this.queue.shift() as Job);
    }
    if (this.closed && this.queue.length === 0 && this.slots.every((s) => !s.job)) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}

function toError(response: Extract<JobResponse, { ok: false }>): Error {
  if (!response.code) return new PhotoWorkerError(`photo worker failed (${response.detail})`);
  const detail = response.detail.replace(`${response.code}: `, '');
  return isPhotoErrorCode(response.code)
    ? new PhotoError(response.code, detail)
    : new AppError(response.code, detail);
}
