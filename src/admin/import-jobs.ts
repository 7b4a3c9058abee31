/**
 * Bulk jobs: an import planned from a zip or a folder, started by its admin, run in the background with bounded
 * concurrency, reported line by line, and undone as a batch. The chat's admin card and the command line both use
 * this one implementation of {@link BulkJobs}.
 *
 * Life of a job (its state in storage, see job-store.ts): `plan` saves it `planned`; `start` queues a message and
 * makes it `queued`; whichever instance takes the message runs it (`running`, then `done`); `undo` queues an undo
 * (`undo-queued`, `undoing`, `undone`); `cancel` ends a job that has not started running.
 *
 * Exactly one instance runs a job: the runner holds the job's lease (LeaseStore namespace `jobs`) and renews it
 * while it works, and the state changes (`start`, `cancel`, `undo`) take the same lease, so two Starts of one job
 * cannot both win and a job cannot be cancelled under a runner. A runner that dies leaves its lease to expire and
 * its queue message to show up again; the next runner resumes from the lines in storage.
 *
 * No person is set twice, even when the process dies between Graph accepting a photo and the line being written:
 * before asking for the change, the line is written `started` with a change id reserved for it, and the change is
 * made under that id. On resume, the change service finds that id's backup and tells whether the change took
 * effect (then it is only recorded) or not (then it is made, with the backup saved the first time). The batch undo
 * reserves its undo ids the same way.
 *
 * Who may act on a job: the admin who planned it (same Entra id, same tenant), and the operator identities given
 * as {@link ImportJobsDeps.operatorIds} (the command line acts as the app itself and passes the app's service
 * principal id). Anyone else is told the job does not exist (`JobNotFound`), so job ids reveal nothing.
 */
import type {
  AdminIdentity,
  AppTokenSource,
  BulkJobs,
  DirectoryPerson,
  ImportPlan,
  ImportSource,
  JobConversation,
  JobItemResult,
  JobOrigin,
  JobProgress,
  JobState,
  JobSummary,
  PeopleDirectory,
} from './admin-contracts.js';
import type { JobQueue, ReceivedJobMessage } from './job-queue.js';
import { type StoredJob, type StoredJobItem, JobStore, filesPrefix, isJobId, newJobId } from './job-store.js';
import type { PhotoPreparer } from '../bot/handlers/incoming-image.js';
import type { PreparedPhoto } from '../photo/photo-pipeline.js';
import { PrepareAhead } from './prepare-ahead.js';
import type { Actor, PhotoChangeService } from '../changes/photo-change-service.js';
import { AppError } from '../errors.js';
import type { RetryPolicy } from '../graph/retry-policy.js';
import { silentLogger, type Logger } from '../logger.js';
import { randomChangeId } from '../storage/backup-store.js';
import type { LeaseStore, LeaseTerms } from '../storage/lease-store.js';
import type { Clock, Storage } from '../storage/storage.js';

/** What the import planner (import-plan.ts `planImport`) is asked. */
export interface PlanRequest {
  readonly source: ImportSource;
  /** Everyone in the directory, as {@link PeopleDirectory.allPeople} returned them. */
  readonly people: readonly DirectoryPerson[];
  readonly storage: Storage;
  readonly jobId: string;
  readonly now?: Clock;
}

/**
 * Matches an import's files to people and keeps each matched file's bytes under `admin-jobs/<jobId>/files/`
 * (import-plan.ts `planImport`).
 */
export type ImportPlanner = (request: PlanRequest) => Promise<ImportPlan>;

/** What {@link ImportJobs} needs. */
export interface ImportJobsDeps {
  readonly storage: Storage;
  readonly queue: JobQueue;
  /** Leases of jobs (namespace `jobs`) in the shared storage, so exactly one instance runs a job. */
  readonly leases: LeaseStore;
  /**
   * Changes photos with backups and audit. Build it over a Graph client with {@link BULK_RETRY_POLICY} and with
   * {@link BULK_PHOTO_LEASE} as its lease terms: a job meets Graph's throttling on purpose, and a person's
   * change that gives up is a failed line in the report.
   */
  readonly changes: PhotoChangeService;
  readonly preparer: PhotoPreparer;
  readonly people: PeopleDirectory;
  readonly planner: ImportPlanner;
  /** The app's own Graph token (application permission `User.ReadWrite.All`). */
  readonly appToken: AppTokenSource;
  /** People changed at once (config `bulk.concurrency`, default 4). */
  readonly concurrency?: number;
  /** A job's lease lifetime (config `bulk.leaseMs`, default 60 s); renewed every third of it while a job runs. */
  readonly leaseMs?: number;
  /**
   * Identities (Entra object ids) that may start, cancel and undo any job, not only their own: the command line
   * acts as the app itself and passes the app's service principal id here. Empty by default.
   */
  readonly operatorIds?: readonly string[];
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Waits between queue polls in {@link ImportJobs.work} and while following a job another instance runs. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** How long {@link ImportJobs.work} waits when the queue is empty (default 1 s). */
  readonly pollMs?: number;
  /**
   * How long a person whose photo is busy is tried again before the line fails with `PhotoChangeInProgress`
   * (default: the photo lease of {@link BULK_PHOTO_LEASE} and a minute, so a lease a crashed run left runs out).
   */
  readonly busyWaitMs?: number;
}

/**
 * A Graph retry policy for bulk jobs: more attempts than a chat's single change, since a job keeps Graph busy and
 * meets its throttling as a matter of course (`Retry-After` is honoured on each).
 */
export const BULK_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/**
 * The photo lease for changes made with {@link BULK_RETRY_POLICY}: a change is a read and a write, each at worst 8
 * attempts of 30 s and 7 waits of 30 s (7.5 minutes), so the lease lives 16 minutes. It is released as soon as a
 * change ends; only a crashed holder makes others wait that long.
 */
export const BULK_PHOTO_LEASE: LeaseTerms = { ttlMs: 16 * 60_000, waitMs: 30_000 };

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_LEASE_MS = 60_000;
/** How long a state change waits for the job's lease (held briefly by another state change, or by a runner). */
const TRANSITION_WAIT_MS = 2_000;
/** How often the stored summary is written while a job runs (every line is written at once regardless). */
const SUMMARY_EVERY_MS = 500;
/** How often `runToEnd` looks at a job another instance is running. */
const FOLLOW_EVERY_MS = 1_000;

const FINAL_STATES: readonly JobState[] = ['done', 'cancelled', 'undone'];

/** What became of one person: a written line, or "busy, try again later" (with the line as marked so far). */
type Outcome = { readonly line: StoredJobItem } | { readonly later: StoredJobItem };

/** A pause before busy photos are tried again. */
const BUSY_PAUSE_MS = 2_000;

/** A run of a job ended (or stopped): what the job is now, and whether this instance could run it at all. */
type RunOutcome = { readonly kind: 'busy' } | { readonly kind: 'ran'; readonly job: StoredJob };

/** The bulk jobs of the app (see {@link BulkJobs} and this module's comment). */
export class ImportJobs implements BulkJobs {
  private readonly store: JobStore;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly operators: ReadonlySet<string>;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pollMs: number;
  private readonly busyWaitMs: number;
  private readonly listeners = new Set<(progress: JobProgress) => void>();

  constructor(private readonly deps: ImportJobsDeps) {
    this.store = new JobStore(deps.storage);
    this.concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isSafeInteger(this.concurrency) || this.concurrency < 1)
      throw new RangeError('concurrency must be a whole number, 1 or more');
    this.leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
    if (!Number.isSafeInteger(this.leaseMs) || this.leaseMs < 1_000)
      throw new RangeError('leaseMs must be a whole number of at least 1000');
    this.operators = new Set(deps.operatorIds ?? []);
    this.clock = deps.clock ?? Date.now;
    this.logger = deps.logger ?? silentLogger;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.pollMs = deps.pollMs ?? 1_000;
    this.busyWaitMs = deps.busyWaitMs ?? BULK_PHOTO_LEASE.ttlMs + 60_000;
  }

  async plan(request: {
    readonly source: ImportSource;
    readonly admin: AdminIdentity;
    readonly origin: JobOrigin;
    readonly conversation?: JobConversation;
  }): Promise<{ readonly job: JobSummary; readonly plan: ImportPlan }> {
    const { storage, planner, people, appToken } = this.deps;
    const jobId = newJobId();
    const everyone = await people.allPeople(appToken);
    const plan = await planner({ source: request.source, people: everyone, storage, jobId, now: this.clock });
    if (plan.matched.length === 0) {
      await this.store.deleteFiles(jobId);
      throw new AppError('NothingToImport', `none of ${plan.skipped.length} files matched`);
    }
    const files = filesPrefix(jobId);
    const items: StoredJobItem[] = plan.matched.map((photo, index) => {
      // The planner names where it kept the bytes; only this job's own files are ever read back.
      if (!photo.key.startsWith(files)) throw new RangeError('a planned photo is kept outside its job');
      return {
        index,
        file: photo.file,
        person: photo.person.userPrincipalName,
        personId: photo.person.id,
        result: 'pending',
        fileKey: photo.key,
      };
    });
    plan.skipped.forEach((skipped, offset) => {
      const only = skipped.candidates?.length === 1 ? skipped.candidates[0] : undefined;
      items.push({
        index: plan.matched.length + offset,
        file: skipped.file,
        person: only ?? '',
        result: 'skipped',
        reason: skipped.reason,
      });
    });
    const { admin, origin, source, conversation } = request;
    const job: StoredJob = {
      id: jobId,
      state: 'planned',
      origin,
      admin: {
        id: admin.id,
        tenantId: admin.tenantId,
        ...(admin.displayName === undefined ? {} : { displayName: admin.displayName }),
      },
      source: source.name,
      createdAt: new Date(this.clock()).toISOString(),
      total: plan.matched.length,
      done: 0,
      failed: 0,
      skipped: plan.skipped.length,
      items: items.length,
    };
    if (conversation !== undefined) await this.store.saveConversation(jobId, conversation);
    await this.store.create(job, items);
    this.logger.info('bulk job planned', { jobId, matched: job.total, skipped: job.skipped, origin });
    return { job: this.summaryOf(job, conversation), plan };
  }

  async start(jobId: string, admin: AdminIdentity): Promise<JobSummary> {
    return this.transition(jobId, admin, async (job) => {
      if (job.state !== 'planned') throw new AppError('JobNotStartable', `the job is ${job.state}`);
      // The message first: should the state write then fail, a message for a `planned` job is dropped by the
      // runner and Start can be pressed again; the other order could leave a `queued` job nobody runs.
      await this.deps.queue.send({ jobId, kind: 'run' });
      return { ...job, state: 'queued' };
    });
  }

  async cancel(jobId: string, admin: AdminIdentity): Promise<JobSummary> {
    return this.transition(jobId, admin, async (job) => {
      if (job.state === 'running' || job.state === 'undoing' || job.state === 'undo-queued') {
        throw new AppError('JobInProgress', `the job is ${job.state}`);
      }
      if (job.state !== 'planned' && job.state !== 'queued') {
        throw new AppError('JobNotStartable', `the job is ${job.state}`);
      }
      await this.store.deleteFiles(jobId);
      return { ...job, state: 'cancelled', finishedAt: this.isoNow() };
    });
  }

  async undo(jobId: string, admin: AdminIdentity): Promise<JobSummary> {
    return this.transition(jobId, admin, async (job) => {
      if (
        job.state === 'queued' ||
        job.state === 'running' ||
        job.state === 'undo-queued' ||
        job.state === 'undoing'
      ) {
        throw new AppError('JobInProgress', `the job is ${job.state}`);
      }
      if (job.state !== 'done') throw new AppError('JobNotStartable', `the job is ${job.state}`);
      await this.deps.queue.send({ jobId, kind: 'undo' });
      return { ...job, state: 'undo-queued' };
    });
  }

  async get(jobId: string): Promise<JobSummary | undefined> {
    const job = await this.store.job(jobId);
    return job === undefined ? undefined : this.summaryOf(job, await this.store.conversation(jobId));
  }

  async list(): Promise<JobSummary[]> {
    const jobs: JobSummary[] = [];
    for (const id of await this.store.jobIds()) {
      const job = await this.get(id);
      if (job !== undefined) jobs.push(job);
    }
    return jobs;
  }

  async items(jobId: string): Promise<JobItemResult[]> {
    return (await this.store.items(jobId)).map(reportLine);
  }

  async reportCsv(jobId: string): Promise<string> {
    const lines = [['person', 'file', 'result', 'reason', 'graphRequestId']];
    for (const item of await this.items(jobId)) {
      lines.push([item.person, item.file, item.result, item.reason ?? '', item.graphRequestId ?? '']);
    }
    return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  async setConversation(jobId: string, conversation: JobConversation): Promise<void> {
    if ((await this.store.job(jobId)) === undefined) throw new AppError('JobNotFound', 'no such job');
    await this.store.saveConversation(jobId, conversation);
  }

  async work(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let received: ReceivedJobMessage | undefined;
      try {
        received = await this.deps.queue.receive(this.leaseMs);
      } catch (error) {
        this.logger.warn('bulk job queue unavailable', { error: describe(error) });
      }
      if (received === undefined) {
        await this.pause(this.pollMs, signal);
        continue;
      }
      try {
        await this.handle(received, signal);
      } catch (error) {
        // The message stays; it shows up again when its visibility lease ends, and the job resumes then.
        this.logger.error('bulk job stopped', { jobId: received.message.jobId, error: describe(error) });
        await this.pause(this.pollMs, signal);
      }
    }
  }

  async runToEnd(jobId: string, onProgress?: (progress: JobProgress) => void): Promise<JobSummary> {
    let seen: string | undefined;
    for (;;) {
      const job = await this.store.job(jobId);
      if (job === undefined) throw new AppError('JobNotFound', 'no such job');
      if (job.state === 'planned') throw new AppError('JobNotStartable', 'the job was not started');
      if (FINAL_STATES.includes(job.state)) return this.summaryOf(job, await this.store.conversation(jobId));
      const outcome = await this.runHeld(jobId, new AbortController().signal, onProgress);
      if (outcome.kind === 'ran') return this.summaryOf(outcome.job, await this.store.conversation(jobId));
      // Another instance runs it: follow its progress from storage until it ends (or its runner is gone).
      const latest = this.summaryOf(job, undefined);
      const shown = JSON.stringify(latest);
      if (shown !== seen) {
        seen = shown;
        onProgress?.({ job: latest });
      }
      await this.sleep(FOLLOW_EVERY_MS);
    }
  }

  onProgress(listener: (progress: JobProgress) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Takes one message: runs its job when this instance can, drops it when there is nothing left to do. */
  private async handle(received: ReceivedJobMessage, signal: AbortSignal): Promise<void> {
    const { jobId } = received.message;
    const job = isJobId(jobId) ? await this.store.job(jobId) : undefined;
    if (job === undefined || job.state === 'planned' || FINAL_STATES.includes(job.state)) {
      await received.complete();
      return;
    }
    const outcome = await this.runHeld(jobId, signal, undefined, received);
    // Busy: another instance runs the job; the message shows up again later and is dropped once the job ended.
    if (outcome.kind === 'ran' && FINAL_STATES.includes(outcome.job.state)) await received.complete();
  }

  /**
   * Runs the job (or its undo) under its lease until it ends or `signal` aborts; `busy` when another instance holds
   * the lease. The lease (and the queue message, when there is one) is renewed every third of its lifetime.
   */
  private async runHeld(
    jobId: string,
    signal: AbortSignal,
    onProgress: ((progress: JobProgress) => void) | undefined,
    message?: ReceivedJobMessage,
  ): Promise<RunOutcome> {
    const lease = await this.deps.leases.acquire(jobId, { ttlMs: this.leaseMs, waitMs: 0 });
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
        void Promise.all([lease.renew(this.leaseMs), message?.renew(this.leaseMs) ?? true])
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
      Math.floor(this.leaseMs / 3),
    );
    renewal.unref();
    try {
      // Read under the lease: the state cannot change under us now.
      const job = await this.store.job(jobId);
      if (job === undefined) return { kind: 'ran', job: missingJob(jobId) };
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

  /** Sets the photos of the job's pending people; resumes where a run stopped. */
  private async runImport(
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
    const progress = this.tracker(job, pending.length, onProgress);
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
        { changeId: reserved },
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
      await this.pause(BUSY_PAUSE_MS, signal);
      todo = later.sort((a, b) => a.index - b.index);
    }
  }

  /** Undoes every photo the job set; resumes where an undo stopped. */
  private async runUndo(
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
    const progress = this.tracker(job, toUndo.length, onProgress);
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

  /**
   * Progress of one run: emitted after each line to the listeners and the caller, with the rate of this run so
   * far; the stored summary is written at most every {@link SUMMARY_EVERY_MS} (and at the end), one write at a time.
   */
  private tracker(first: StoredJob, todo: number, onProgress: ((progress: JobProgress) => void) | undefined) {
    const startedAt = this.clock();
    let finished = 0;
    let lastSave = startedAt;
    let saving: Promise<void> = Promise.resolve();
    let latest = first;
    const save = (job: StoredJob) => {
      latest = job;
      lastSave = this.clock();
      saving = saving.then(() => this.store.saveJob(latest));
      return saving;
    };
    const emit = (job: StoredJob, extra: Omit<JobProgress, 'job'> = {}) => {
      const progress: JobProgress = { job: this.summaryOf(job, undefined), ...extra };
      for (const listener of [...this.listeners, ...(onProgress ? [onProgress] : [])]) {
        try {
          listener(progress);
        } catch (error) {
          this.logger.warn('bulk job progress listener failed', { error: describe(error) });
        }
      }
    };
    return {
      emit: (job: StoredJob) => {
        emit(job);
      },
      step: async (job: StoredJob) => {
        finished++;
        const elapsed = this.clock() - startedAt;
        const ratePerMinute = elapsed > 0 ? (finished * 60_000) / elapsed : undefined;
        const etaMs =
          ratePerMinute === undefined ? undefined : Math.round(((todo - finished) * 60_000) / ratePerMinute);
        emit(job, {
          ...(ratePerMinute === undefined ? {} : { ratePerMinute }),
          ...(etaMs === undefined ? {} : { etaMs }),
        });
        if (this.clock() - lastSave >= SUMMARY_EVERY_MS) await save(job);
      },
      flush: (job: StoredJob) => save(job),
    };
  }

  /** The job's own admin, or an operator; anyone else is told there is no such job. */
  private async transition(
    jobId: string,
    admin: AdminIdentity,
    change: (job: StoredJob) => Promise<StoredJob>,
  ): Promise<JobSummary> {
    const job = await this.store.job(jobId);
    if (job === undefined || !this.mayAct(job, admin)) throw new AppError('JobNotFound', 'no such job');
    const lease = await this.deps.leases.acquire(jobId, { ttlMs: this.leaseMs, waitMs: TRANSITION_WAIT_MS });
    if (lease === undefined) throw new AppError('JobInProgress', 'the job is busy');
    try {
      // Read again under the lease: another state change may have won the race for it.
      const current = (await this.store.job(jobId)) ?? job;
      const next = await change(current);
      await this.store.saveJob(next);
      this.logger.info('bulk job state', { jobId, state: next.state, by: admin.id });
      return this.summaryOf(next, await this.store.conversation(jobId));
    } finally {
      await lease.release();
    }
  }

  private mayAct(job: StoredJob, admin: AdminIdentity): boolean {
    if (this.operators.has(admin.id)) return true;
    return job.admin.id === admin.id && (job.admin.tenantId ?? null) === (admin.tenantId ?? null);
  }

  /** Changes are made as the admin who planned the job, so the batch undo (by anyone allowed) finds them theirs. */
  private actorOf(job: StoredJob): Actor {
    return { id: job.admin.id, path: 'bulk', correlationId: job.id };
  }

  private summaryOf(job: StoredJob, conversation: JobConversation | undefined): JobSummary {
    const summary: JobSummary = without(job, 'items');
    return conversation === undefined ? summary : { ...summary, conversation };
  }

  private isoNow(): string {
    return new Date(this.clock()).toISOString();
  }

  private async pause(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<void>((resolve) => {
      onAbort = resolve;
      signal.addEventListener('abort', onAbort, { once: true });
    });
    await Promise.race([this.sleep(ms), aborted]);
    if (onAbort) signal.removeEventListener('abort', onAbort);
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

/** A copy of `value` without its property `key`. */
function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as Omit<T, K>;
}

/** The report's line of a stored line. */
function reportLine(item: StoredJobItem): JobItemResult {
  return {
    file: item.file,
    person: item.person,
    result: item.result,
    ...(item.personId === undefined ? {} : { personId: item.personId }),
    ...(item.reason === undefined ? {} : { reason: item.reason }),
    ...(item.graphRequestId === undefined ? {} : { graphRequestId: item.graphRequestId }),
    ...(item.changeId === undefined ? {} : { changeId: item.changeId }),
  };
}

function missingJob(jobId: string): never {
  throw new AppError('JobNotFound', `job ${jobId} is gone`);
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
function describe(error: unknown): string {
  if (error instanceof AppError) return (error as AppError).code;
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * One CSV cell, RFC 4180: quoted when it holds a comma, a quote or a line break (quotes doubled). A cell a
 * spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
 * leading `'`, so a crafted file name cannot run anything when the report is opened.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
