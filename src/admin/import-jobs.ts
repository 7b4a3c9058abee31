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
import {
  FINAL_JOB_STATES,
  type AdminIdentity,
  type AppTokenSource,
  type BulkJobs,
  type DirectoryPerson,
  type ImportPlan,
  type ImportSource,
  type JobConversation,
  type JobItemResult,
  type JobOrigin,
  type JobProgress,
  type JobSummary,
  type PeopleDirectory,
} from './admin-contracts.js';
import type { JobQueue, ReceivedJobMessage } from './job-queue.js';
import { reportCsv, reportLine } from './job-report.js';
import { JobRuns, describe, pause } from './job-runs.js';
import { type StoredJob, JobStore, isJobId, newJobId, planLines, summaryOf } from './job-store.js';
import type { PhotoPreparer } from '../bot/handlers/incoming-image.js';
import type { PhotoChangeService } from '../changes/photo-change-service.js';
import { AppError } from '../errors.js';
import type { RetryPolicy } from '../graph/retry-policy.js';
import { silentLogger, type Logger } from '../logger.js';
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
/** How often `runToEnd` looks at a job another instance is running. */
const FOLLOW_EVERY_MS = 1_000;

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
  private readonly runs: JobRuns;

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
    this.runs = new JobRuns({
      store: this.store,
      changes: deps.changes,
      preparer: deps.preparer,
      appToken: deps.appToken,
      concurrency: this.concurrency,
      busyWaitMs: this.busyWaitMs,
      listeners: () => this.listeners,
      clock: this.clock,
      logger: this.logger,
      sleep: this.sleep,
      leases: deps.leases,
      leaseMs: this.leaseMs,
    });
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
    const items = planLines(plan, jobId);
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
    return { job: summaryOf(job, conversation), plan };
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
    return job === undefined ? undefined : summaryOf(job, await this.store.conversation(jobId));
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
    return reportCsv(await this.items(jobId));
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
        await pause(this.sleep, this.pollMs, signal);
        continue;
      }
      try {
        await this.handle(received, signal);
      } catch (error) {
        // The message stays; it shows up again when its visibility lease ends, and the job resumes then.
        this.logger.error('bulk job stopped', { jobId: received.message.jobId, error: describe(error) });
        await pause(this.sleep, this.pollMs, signal);
      }
    }
  }

  async runToEnd(jobId: string, onProgress?: (progress: JobProgress) => void): Promise<JobSummary> {
    let seen: string | undefined;
    for (;;) {
      const job = await this.store.job(jobId);
      if (job === undefined) throw new AppError('JobNotFound', 'no such job');
      if (job.state === 'planned') throw new AppError('JobNotStartable', 'the job was not started');
      if (FINAL_JOB_STATES.includes(job.state)) return summaryOf(job, await this.store.conversation(jobId));
      const outcome = await this.runs.runHeld(jobId, new AbortController().signal, onProgress);
      if (outcome.kind === 'ran') {
        if (FINAL_JOB_STATES.includes(outcome.job.state)) {
          return summaryOf(outcome.job, await this.store.conversation(jobId));
        }
        // The run stopped before the end: this process stalled past the job's lease, and the run let go rather
        // than work on without it. Start over: take the job up again where it stopped, or follow whoever has it.
        continue;
      }
      // Another instance runs it: follow its progress from storage until it ends (or its runner is gone).
      const latest = summaryOf(job, undefined);
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
    if (job === undefined || job.state === 'planned' || FINAL_JOB_STATES.includes(job.state)) {
      await received.complete();
      return;
    }
    const outcome = await this.runs.runHeld(jobId, signal, undefined, received);
    // Busy: another instance runs the job; the message shows up again later and is dropped once the job ended.
    if (outcome.kind === 'ran' && FINAL_JOB_STATES.includes(outcome.job.state)) await received.complete();
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
      return summaryOf(next, await this.store.conversation(jobId));
    } finally {
      await lease.release();
    }
  }

  private mayAct(job: StoredJob, admin: AdminIdentity): boolean {
    if (this.operators.has(admin.id)) return true;
    return job.admin.id === admin.id && (job.admin.tenantId ?? null) === (admin.tenantId ?? null);
  }

  private isoNow(): string {
    return new Date(this.clock()).toISOString();
  }
}
