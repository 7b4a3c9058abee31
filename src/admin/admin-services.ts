/**
 * The one composition of admin work, used by the bot (src/app.ts) and by the command line alike, so a person set
 * from the admin card and a zip imported with `profile-photo import` go through the same gate, directory, change
 * service, job store, queue and leases.
 *
 * Bulk work runs with the app's own token against a throttling Graph, so its Graph clients get their own, patient
 * retry policy ({@link BULK_RETRY_POLICY}): a 429 with `Retry-After` is waited out rather than turned into a failed
 * person. Photo changes share the `photos` lease namespace with the rest of the app, so a person changing their own
 * photo in chat and a bulk job setting it never run at the same time.
 */
import type { AdminGate, AppTokenSource, ImportLimits, PeopleDirectory } from './admin-contracts.js';
import { AdminCheck } from './admin-check.js';
import { planImport } from './import-plan.js';
import { BULK_PHOTO_LEASE, BULK_RETRY_POLICY, ImportJobs, type ImportPlanner } from './import-jobs.js';
import { AzureJobQueue, StorageJobQueue, type JobQueue } from './job-queue.js';
import type { PhotoPreparer } from '../bot/handlers/incoming-image.js';
import { PhotoChangeService, type ChangeTarget } from '../changes/photo-change-service.js';
import type { AppConfig } from '../config.js';
import { GraphDirectoryClient } from '../graph/graph-directory-client.js';
import { GraphPhotoClient } from '../graph/graph-photo-client.js';
import type { Logger } from '../logger.js';
import { AuditLog } from '../storage/audit-log.js';
import { BackupStore } from '../storage/backup-store.js';
import { LeaseStore } from '../storage/lease-store.js';
import { createPhotoComparer } from '../photo/photo-compare.js';
import type { Clock, Storage } from '../storage/storage.js';

/** What {@link createAdminServices} is built from. */
export interface AdminServicesOptions {
  readonly config: AppConfig;
  readonly storage: Storage;
  /** Graph's base URL: `config.graph.baseUrl`, or the local emulator's URL in local mode. */
  readonly graphBaseUrl: string;
  /** The app's own Graph token (application permission `User.ReadWrite.All`). */
  readonly appToken: AppTokenSource;
  /** Prepares each photo: the app's worker pool (the command line may hand in its own). */
  readonly preparer: PhotoPreparer;
  /**
   * The change service single admin updates and bulk jobs use. By default one is built here over a Graph client with
   * the patient {@link BULK_RETRY_POLICY}; a test may hand in its own.
   */
  readonly changes?: PhotoChangeService;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** People changed at once by a job run here (the command line's `--concurrency`); `config.bulk.concurrency` by default. */
  readonly concurrency?: number;
  /**
   * Identities that may act on any job: the command line passes the app's own service principal id, since whoever
   * holds the app's credentials already is its operator.
   */
  readonly operatorIds?: readonly string[];
}

/** The admin services, shared by the admin card and the command line. */
export interface AdminServices {
  /** Who is an admin (read from Graph for every action, with a short cache). */
  readonly gate: AdminGate;
  /** The directory read with the app's own token. */
  readonly people: PeopleDirectory;
  /** Bulk jobs: plan, start, run, report, undo. */
  readonly jobs: ImportJobs;
  /** The app's own Graph token, as given. */
  readonly appToken: AppTokenSource;
  /** Photo changes under the app's identity: single admin updates go through it (bulk jobs do too). */
  readonly changes: PhotoChangeService;
  /** Matches an import's files to people (a dry run calls it with a scratch storage). */
  readonly planner: ImportPlanner;
  /** What an import may read (config `ZIP_*` and `PHOTO_MAX_INPUT_BYTES`). */
  readonly limits: ImportLimits;
}

/** The lease namespace of photo changes; the same as the rest of the app's (src/app.ts), so they exclude each other. */
const PHOTO_LEASES = 'photos';
/** The lease namespace of running jobs: exactly one instance runs a job. */
const JOB_LEASES = 'jobs';

/** Builds the admin services from the configuration. Nothing is requested until a service is used. */
export function createAdminServices(options: AdminServicesOptions): AdminServices {
  const { config, storage, appToken, logger } = options;
  const now = options.clock ?? Date.now;
  const graphOptions = {
    baseUrl: options.graphBaseUrl,
    version: config.graph.version,
    retry: BULK_RETRY_POLICY,
  };
  const changes =
    options.changes ??
    new PhotoChangeService({
      graph: new GraphPhotoClient(graphOptions),
      backups: new BackupStore<ChangeTarget>({ storage, targetKey: (target) => target.subject }),
      // Admins' changes never wait for an approver: with approval on, their entries say it was skipped.
      audit: new AuditLog({
        storage,
        ...(config.trust.approval.mode === 'off' ? {} : { approval: 'skipped-admin' as const }),
      }),
      leases: new LeaseStore({ storage, namespace: PHOTO_LEASES, now }),
      // Each change may wait out throttling for minutes; the photo's lease outlives the slowest one.
      leaseTerms: BULK_PHOTO_LEASE,
      // Single admin updates are read back (issue 18); bulk jobs pass `verify: false`.
      comparer: createPhotoComparer(),
    });
  // Directory reads (who is an admin, who is who) keep the usual retry policy: an admin waits for their answer.
  const people = new GraphDirectoryClient({ baseUrl: options.graphBaseUrl, version: config.graph.version });
  const planner: ImportPlanner = planImport;
  const jobs = new ImportJobs({
    storage,
    queue: jobQueue(config, storage, now),
    leases: new LeaseStore({ storage, namespace: JOB_LEASES, now }),
    changes,
    preparer: options.preparer,
    people,
    planner,
    appToken,
    concurrency: options.concurrency ?? config.bulk.concurrency,
    leaseMs: config.bulk.leaseMs,
    ...(options.operatorIds ? { operatorIds: options.operatorIds } : {}),
    clock: now,
    logger,
  });
  return {
    gate: new AdminCheck({ directory: people, appToken, rules: config.admin, clock: now }),
    people,
    jobs,
    appToken,
    changes,
    planner,
    limits: importLimits(config),
  };
}

/** The queue jobs go through: Azure Storage queues with Azure storage, else one kept in the storage itself. */
function jobQueue(config: AppConfig, storage: Storage, now: Clock): JobQueue {
  const { queue } = config.bulk;
  return queue.kind === 'azure'
    ? new AzureJobQueue({ connectionString: queue.connectionString, name: queue.name })
    : new StorageJobQueue({ storage, name: queue.name, now });
}

/** The caps on an import, from the configuration. */
export function importLimits(config: AppConfig): ImportLimits {
  return { ...config.bulk.zip, maxEntryBytes: config.photo.maxInputBytes };
}

export type { ImportPlanner };
