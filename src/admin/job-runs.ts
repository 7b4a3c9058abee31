/**
 * Running a bulk job on this instance: under the job's lease (renewed while it runs, so exactly one instance runs
 * it), the import (each pending person's photo prepared and set, a few at once) or the batch undo, both resumable
 * from the lines in storage. See import-jobs.ts for the life of a job and why no person is set twice.
 */
import type { AppTokenSource, JobProgress } from './admin-contracts.js';
import { type StoredJob, type StoredJobItem, JobStore, without } from './job-store.js';
import type { PhotoPreparer } from '../bot/handlers/incoming-image.js';
import type { PreparedPhoto } from '../photo/photo-pipeline.js';
import { PrepareAhead } from './prepare-ahead.js';
import { progressTracker } from './job-progress.js';
import type { Actor, PhotoChangeService } from '../changes/photo-change-service.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { LeaseStore } from '../storage/lease-store.js';
import type { ReceivedJobMessage } from './job-queue.js';
import { randomChangeId } from '../storage/backup-store.js';
import type { Clock } from '../storage/storage.js';

/** What a run needs; {@link ImportJobs} hands in its own. */
export interface JobRunsDeps {
  readonly store: JobStore;
  readonly changes: PhotoChangeService;
  readonly preparer: PhotoPreparer;
  readonly appToken: AppTokenSource;
  readonly concurrency: number;
  /** How long busy photos are tried again before their line fails. */
  readonly busyWaitMs: number;
  /** Everyone listening to progress (besides a run's own caller). */
  readonly listeners: () => Iterable<(progress: JobProgress) => void>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly sleep: (ms: number) => Promise<void>;
  /** Leases of jobs (namespace `jobs`): one instance runs a job. */
  readonly leases: LeaseStore;
  /** A job's lease lifetime; renewed every third of it while the job runs. */
  readonly leaseMs: number;
}

/** A run of a job ended (or stopped): what the job is now, and whether this instance could run it at all. */
export type RunOutcome = { readonly kind: 'busy' } | { readonly kind: 'ran'; readonly job: StoredJob };

/** A pause before busy photos are tried again. */
const BUSY_PAUSE_MS = 2_000;

/** What became of one person: a written line, or "busy, try again later" (with the line as marked so far). */
type Outcome = { readonly line: StoredJobItem } | { readonly later: StoredJobItem };

/** Runs imports and undos of jobs whose lease the caller holds. */
export class JobRuns {
  private readonly store: JobStore;
  private readonly concurrency: number;
  private readonly busyWaitMs: number;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly deps: JobRunsDeps) {
    this.store = deps.store;
    this.concurrency = deps.concurrency;
    this.busyWaitMs = deps.busyWaitMs;
    this.clock = deps.clock;
    this.logger = deps.logger;
  }

  /** Sets the photos of the job's pending people; resumes where a run stopped. */
  /**
   * Runs the job (or its undo) under its lease until it ends or `signal` aborts; `busy` when another instance holds
   * the lease. The lease (and the queue message, when there is one) is renewed every third of its lifetime.
   */
  async runHeld(
    jobId: string,
    signal: AbortSignal,
    onProgress: ((progress: JobProgress) => void) | undefined,
    message?: ReceivedJobMessage,
  ): Promise<RunOutcome> {
    const lease = await this.deps.leases.acquire(jobId, { ttlMs: this.deps.leaseMs, waitMs: 0 });
    if (lease === undefined) return { kind: 'busy' };
    const stop = new AbortController();
    const stopOnAbort = () => {
      stop.abort();
    };
    signal.addEventListener('abort', stopOnAbort);
    if (signal.aborted) stop.abort();
    let renewing = false;
    const renewal = setInterval(
      () => {
        if (renewing) return;
        renewing = true;
        void Promise.all([lease.renew(this.deps.leaseMs), message?.renew(this.deps.leaseMs) ?? true])
          .then(([kept]) => {
            if (!kept) {
              // Someone else took the job over (this instance stalled past its lease): stop before doing more.
              this.logger.warn('bulk job lease lost', { jobId });
              stop.abort();
            }
          })
          .catch((error: unknown) => {
            this.logger.warn('bulk job lease renewal failed', { jobId, error: describe(error) });
          })
          .finally(() => {
            renewing = false;
          });
      },
      Math.floor(this.deps.leaseMs / 3),
    );
    renewal.unref();
    try {
      // Read under the lease: the state cannot change under us now.
      const job = await this.store.job(jobId);
      if (job === undefined) throw new AppError('JobNotFound', `job ${jobId} is gone`);
      if (job.state === 'queued' || job.state === 'running') {
        return { kind: 'ran', job: await this.runImport(job, stop.signal, onProgress) };
      }
      if (job.state === 'undo-queued' || job.state === 'undoing') {
        return { kind: 'ran', job: await this.runUndo(job, stop.signal, onProgress) };
      }
      return { kind: 'ran', job };
    } finally {
      clearInterval(renewal);
      signal.removeEventListener('abort', stopOnAbort);
      await lease.release();
    }
  }

  async runImport(
    start: StoredJob,
    signal: AbortSignal,
    onProgress: ((progress: JobProgress) => void) | undefined,
  ): Promise<StoredJob> {
    let job: StoredJob = { ...start, state: 'running', startedAt: start.startedAt ?? this.isoNow() };
    await this.store.saveJob(job);
    const items = await this.store.items(job.id);
    const matched = items.filter((item) => item.fileKey !== undefined);
    job = { ...job, ...countImport(matched) };
    const pending = matched.filter((item) => item.result === 'pending');
    this.logger.info('bulk job running', { jobId: job.id, pending: pending.length, total: job.total });
    const progress = progressTracker(this.deps, job, pending.length, onProgress);
    progress.emit(job);
    const photos = new PrepareAhead(pending, this.concurrency, (item) => this.prepareOne(item));
    await this.eachPerson(
      pending,
      signal,
      (item, lastTry) => this.setOne(job, item, lastTry, photos),
      async (line) => {
        job = {
          ...job,
          done: job.done + 1,
          failed: job.failed + (line.result === 'failed' ? 1 : 0),
        };
        await progress.step(job);
      },
    );
    photos.clear();
    await progress.flush(job);
    if (signal.aborted) return job;
    job = { ...job, state: 'done', finishedAt: this.isoNow() };
    await this.store.saveJob(job);
    // The photos set are in the backups now; the zip's bytes are not kept longer than the job needs them.
    await this.store.deleteFiles(job.id);
    this.logger.info('bulk job done', { jobId: job.id, done: job.done, failed: job.failed });
    progress.emit(job);
    return job;
  }

  /** One person: the line marked `started` under a reserved change id, the photo prepared and set, the line written. */
  private async setOne(
    job: StoredJob,
    item: StoredJobItem,
    lastTry: boolean,
    photos: PrepareAhead<StoredJobItem>,
  ): Promise<Outcome> {
    const reserved = item.reservedChangeId ?? randomChangeId();
    const marked: StoredJobItem = { ...item, started: true, reservedChangeId: reserved };
    if (item.started !== true || item.reservedChangeId === undefined)
      await this.store.saveItem(job.id, marked);
    let line: StoredJobItem;
    try {
      if (item.personId === undefined) throw new AppError('CorruptImage', 'the line names no one');
      const prepared = await photos.take(item);
      const change = await this.deps.changes.change(
        { kind: 'user', user: item.personId },
        prepared.jpeg,
        this.deps.appToken,
        this.actorOf(job),
        // Not read back (issue 18): it would double a bulk job's Graph reads against photo throttling.
        { changeId: reserved, verify: false },
      );
      line = {
        ...settled(item),
        result: 'set',
        changeId: change.changeId,
        ...(change.graphRequestId === undefined ? {} : { graphRequestId: change.graphRequestId }),
      };
    } catch (error) {
      if (busy(error) && !lastTry) return { later: marked };
      line = { ...settled(item), result: 'failed', reason: codeOf(error), ...requestIdOf(error) };
    }
    await this.store.saveItem(job.id, line);
    return { line };
  }

  /** Reads one person's kept file and prepares it on the photo pool. */
  private async prepareOne(item: StoredJobItem): Promise<PreparedPhoto> {
    const bytes = item.fileKey === undefined ? undefined : await this.store.file(item.fileKey);
    if (bytes === undefined) throw new AppError('CorruptImage', 'the file is gone');
    return this.deps.preparer.run(bytes);
  }

  /**
   * Runs `one` over the people, at most `concurrency` at once, calling `finished` with each line written. A person
   * whose photo is busy (`PhotoChangeInProgress`: another change of it under way, or the lease of a change a
   * crashed run left behind) is tried again after a pause, until {@link ImportJobsDeps.busyWaitMs} has passed;
   * only then is it a failed line.
   */
  private async eachPerson(
    items: readonly StoredJobItem[],
    signal: AbortSignal,
    one: (item: StoredJobItem, lastTry: boolean) => Promise<Outcome>,
    finished: (line: StoredJobItem) => Promise<void>,
  ): Promise<void> {
    const deadline = this.clock() + this.busyWaitMs;
    let todo = items;
    for (;;) {
      const lastTry = this.clock() >= deadline;
      const later: StoredJobItem[] = [];
      await lanes(todo, this.concurrency, signal, async (item) => {
        const outcome = await one(item, lastTry);
        if ('later' in outcome) later.push(outcome.later);
        else await finished(outcome.line);
      });
      if (later.length === 0 || signal.aborted) return;
      this.logger.info('bulk job waits for busy photos', { people: later.length });
      await pause(this.deps.sleep, BUSY_PAUSE_MS, signal);
      todo = later.sort((a, b) => a.index - b.index);
    }
  }

  /** Undoes every photo the job set; resumes where an undo stopped. */
  async runUndo(
    start: StoredJob,
    signal: AbortSignal,
    onProgress: ((progress: JobProgress) => void) | undefined,
  ): Promise<StoredJob> {
    let job: StoredJob = { ...start, state: 'undoing' };
    await this.store.saveJob(job);
    const items = await this.store.items(job.id);
    const undone = items.filter((item) => item.result === 'restored' || item.result === 'removed').length;
    job = { ...job, undone };
    const toUndo = items.filter((item) => item.result === 'set' && item.changeId !== undefined);
    this.logger.info('bulk job undoing', { jobId: job.id, left: toUndo.length });
    const progress = progressTracker(this.deps, job, toUndo.length, onProgress);
    progress.emit(job);
    await this.eachPerson(
      toUndo,
      signal,
      (item, lastTry) => this.undoOne(job, item, lastTry),
      async (line) => {
        const restored = line.result === 'restored' || line.result === 'removed';
        job = { ...job, undone: (job.undone ?? 0) + (restored ? 1 : 0) };
        await progress.step(job);
      },
    );
    await progress.flush(job);
    if (signal.aborted) return job;
    job = { ...job, state: 'undone', finishedAt: this.isoNow() };
    await this.store.saveJob(job);
    this.logger.info('bulk job undone', { jobId: job.id, undone: job.undone });
    progress.emit(job);
    return job;
  }

  /** One person's undo, under an undo id reserved on the line first, so a resumed undo is not made twice. */
  private async undoOne(job: StoredJob, item: StoredJobItem, lastTry: boolean): Promise<Outcome> {
    const undoId = item.undoId ?? randomChangeId();
    const marked: StoredJobItem = { ...item, undoStarted: true, undoId };
    if (item.undoStarted !== true || item.undoId === undefined) await this.store.saveItem(job.id, marked);
    let line: StoredJobItem;
    const rest = without(item, 'undoStarted');
    try {
      const result = await this.deps.changes.undo(
        item.changeId as string,
        this.deps.appToken,
        this.actorOf(job),
        {
          undoId,
        },
      );
      line = { ...rest, undoId, result: result.outcome };
    } catch (error) {
      if (busy(error) && !lastTry) return { later: marked };
      line = { ...rest, undoId, result: 'failed', reason: codeOf(error) };
    }
    await this.store.saveItem(job.id, line);
    return { line };
  }

  /** Changes are made as the admin who planned the job, so the batch undo (by anyone allowed) finds them theirs. */
  private actorOf(job: StoredJob): Actor {
    return { id: job.admin.id, path: 'bulk', correlationId: job.id };
  }

  private isoNow(): string {
    return new Date(this.clock()).toISOString();
  }
}

/** Runs `task` over `items`, at most `limit` at once, taking no new item once `signal` aborted or a task threw. */
async function lanes<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (!signal.aborted && failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        // A line that cannot be written: stop here, and let the job resume from storage later.
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure !== undefined) throw failure.error;
}

/** The import's counts, from its matched lines. */
function countImport(matched: readonly StoredJobItem[]): Pick<StoredJob, 'done' | 'failed'> {
  const failed = matched.filter((item) => item.result === 'failed').length;
  const set = matched.filter((item) => item.result !== 'pending' && item.result !== 'failed').length;
  return { done: set + failed, failed };
}

/** A line without its "under way" mark. */
function settled(item: StoredJobItem): StoredJobItem {
  return without(item, 'started');
}

function busy(error: unknown): boolean {
  return error instanceof AppError && (error as AppError).code === 'PhotoChangeInProgress';
}

/** The code a failed line reports: the AppError's (Graph's, the pipeline's, the change service's), else internal. */
function codeOf(error: unknown): string {
  return error instanceof AppError ? (error as AppError).code : 'InternalError';
}

function requestIdOf(error: unknown): { graphRequestId?: string } {
  const requestId = (error as { requestId?: unknown }).requestId;
  return typeof requestId === 'string' ? { graphRequestId: requestId } : {};
}

/** An error for the log: its name and code, never its message (it may quote user input). */
export function describe(error: unknown): string {
  if (error instanceof AppError) return (error as AppError).code;
  return error instanceof Error ? error.name : 'unknown';
}

/** Waits `ms`, or less when `signal` aborts first. */
export async function pause(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) return;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  await Promise.race([sleep(ms), aborted]);
  if (onAbort) signal.removeEventListener('abort', onAbort);
}
