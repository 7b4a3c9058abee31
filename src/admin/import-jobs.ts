/**
 * Bulk jobs: an import planned from a zip or a folder, started by its admin, run in the background under a lease
 * with bounded concurrency, reported, and undone as a batch. (Skeleton: the behaviour follows.)
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
  JobSummary,
  PeopleDirectory,
} from './admin-contracts.js';
import type { JobQueue } from './job-queue.js';
import type { PhotoPreparer } from '../bot/handlers/incoming-image.js';
import type { PhotoChangeService } from '../changes/photo-change-service.js';
import type { RetryPolicy } from '../graph/retry-policy.js';
import type { Logger } from '../logger.js';
import type { LeaseStore } from '../storage/lease-store.js';
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

/** Matches an import's files to people and keeps each matched file's bytes under `admin-jobs/<jobId>/files/`. */
export type ImportPlanner = (request: PlanRequest) => Promise<ImportPlan>;

/** What {@link ImportJobs} needs. */
export interface ImportJobsDeps {
  readonly storage: Storage;
  readonly queue: JobQueue;
  /** Leases of jobs (namespace `jobs`), so exactly one instance runs a job. */
  readonly leases: LeaseStore;
  /** Built over a Graph client with a patient retry policy (see {@link BULK_RETRY_POLICY}). */
  readonly changes: PhotoChangeService;
  readonly preparer: PhotoPreparer;
  readonly people: PeopleDirectory;
  readonly planner: ImportPlanner;
  /** The app's own Graph token (application permission `User.ReadWrite.All`). */
  readonly appToken: AppTokenSource;
  /** People changed at once (config `bulk.concurrency`, default 4). */
  readonly concurrency?: number;
  /** A job's lease lifetime (config `bulk.leaseMs`); renewed while the job runs. */
  readonly leaseMs?: number;
  /**
   * Identities that may act on any job (the command line passes the app's own service principal id): for them
   * start, cancel and undo skip the "only the job's admin" rule.
   */
  readonly operatorIds?: readonly string[];
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Waits between queue polls in {@link ImportJobs.work} (default: a timer). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A retry policy patient enough for a bulk job against a throttling Graph. */
export const BULK_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 500,
  maxDelayMs: 16_000,
  maxRetryAfterMs: 60_000,
};

/** The bulk jobs of the app (see {@link BulkJobs}). */
export class ImportJobs implements BulkJobs {
  constructor(private readonly deps: ImportJobsDeps) {}

  plan(request: {
    readonly source: ImportSource;
    readonly admin: AdminIdentity;
    readonly origin: JobOrigin;
    readonly conversation?: JobConversation;
  }): Promise<{ readonly job: JobSummary; readonly plan: ImportPlan }> {
    void this.deps;
    void request;
    return Promise.reject(new Error('not implemented yet'));
  }

  start(jobId: string, admin: AdminIdentity): Promise<JobSummary> {
    void jobId;
    void admin;
    return Promise.reject(new Error('not implemented yet'));
  }

  cancel(jobId: string, admin: AdminIdentity): Promise<JobSummary> {
    void jobId;
    void admin;
    return Promise.reject(new Error('not implemented yet'));
  }

  undo(jobId: string, admin: AdminIdentity): Promise<JobSummary> {
    void jobId;
    void admin;
    return Promise.reject(new Error('not implemented yet'));
  }

  get(jobId: string): Promise<JobSummary | undefined> {
    void jobId;
    return Promise.reject(new Error('not implemented yet'));
  }

  list(): Promise<JobSummary[]> {
    return Promise.reject(new Error('not implemented yet'));
  }

  items(jobId: string): Promise<JobItemResult[]> {
    void jobId;
    return Promise.reject(new Error('not implemented yet'));
  }

  reportCsv(jobId: string): Promise<string> {
    void jobId;
    return Promise.reject(new Error('not implemented yet'));
  }

  setConversation(jobId: string, conversation: JobConversation): Promise<void> {
    void jobId;
    void conversation;
    return Promise.reject(new Error('not implemented yet'));
  }

  work(signal: AbortSignal): Promise<void> {
    void signal;
    return Promise.reject(new Error('not implemented yet'));
  }

  runToEnd(jobId: string, onProgress?: (progress: JobProgress) => void): Promise<JobSummary> {
    void jobId;
    void onProgress;
    return Promise.reject(new Error('not implemented yet'));
  }

  onProgress(listener: (progress: JobProgress) => void): () => void {
    void listener;
    return () => undefined;
  }
}
