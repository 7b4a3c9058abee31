/**
 * The composition of admin work in the bot: the admin gate and guard, the admin card's handler, bulk imports from
 * a zip with their progress cards and report links, and the background worker that runs bulk jobs from the shared
 * queue. `app.ts` builds it once and hands its handlers to the bot and its route to the server.
 */
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { AdminIdentity, AppTokenSource } from './admin/admin-contracts.js';
import { createAdminServices } from './admin/admin-services.js';
import { ReportLinks } from './admin/report-links.js';
import { openZip } from './admin/zip-source.js';
import { reportRoute } from './api/report-route.js';
import { AdminGuard } from './bot/admin/admin-guard.js';
import { BulkImportHandler } from './bot/admin/bulk-import.js';
import { ProgressUpdates } from './bot/admin/progress-updates.js';
import {
  AttachmentDownloader,
  type AttachmentDownloaderOptions,
} from './bot/attachments/attachment-downloader.js';
import { AdminHandler } from './bot/handlers/admin-handler.js';
import type { IncomingImages } from './bot/handlers/incoming-image.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import type { PhotoWorkerPool } from './photo/worker-pool.js';
import type { RouteRegistrar } from './server/server.js';
import type { AuditLog } from './storage/audit-log.js';
import type { Storage } from './storage/index.js';
import type { PendingStore } from './storage/pending-store.js';

export interface AdminFeatureDeps {
  readonly config: AppConfig;
  readonly storage: Storage;
  readonly graphBaseUrl: string;
  /** The app's own Graph token (never a user's delegated one). */
  readonly appToken: AppTokenSource;
  readonly pool: PhotoWorkerPool;
  readonly images: IncomingImages;
  readonly pending: PendingStore;
  readonly audit: AuditLog;
  /** The image downloads' rules (hosts, token, timeout): a zip is fetched by the same ones, with its own cap. */
  readonly downloads: Omit<AttachmentDownloaderOptions, 'maxBytes'>;
  /** The adapter, once it exists: progress cards are updated through it. */
  readonly adapter: () => CloudAdapter | undefined;
  /** The bot's app id ('' in local mode), for continuing a conversation. */
  readonly botAppId: string;
  /** Where report links point: the bot's domain, or (local mode) this server once it listens. */
  readonly publicBaseUrl: () => string | undefined;
  readonly logger: Logger;
  /** Refuses changes with the app's identity where photos are mastered on-premises (the photo rules). */
  readonly cloudCheck?: (admin: AdminIdentity) => Promise<void>;
}

export interface AdminFeatures {
  readonly handler: AdminHandler;
  readonly bulk: BulkImportHandler;
  /** `GET /api/admin/report`: a job's report through a signed link. */
  readonly route: RouteRegistrar;
  /** Starts running bulk jobs from the shared queue on this instance, and their progress cards. */
  start(): void;
  /** Stops taking jobs (a running one stops where it is and resumes later) and sends the last card updates. */
  stop(): Promise<void>;
}

export function adminFeatures(deps: AdminFeatureDeps): AdminFeatures {
  const { config, storage, appToken, pool, logger } = deps;
  // The gate, the directory and bulk jobs, composed once for the bot and the command line alike.
  const admin = createAdminServices({
    config,
    storage,
    graphBaseUrl: deps.graphBaseUrl,
    appToken,
    preparer: pool,
    logger,
  });
  const guard = new AdminGuard({ gate: admin.gate, audit: deps.audit, logger });
  const cloudCheck = deps.cloudCheck ? { cloudCheck: deps.cloudCheck } : {};
  const handler = new AdminHandler({
    ...cloudCheck,
    guard,
    people: admin.people,
    appToken,
    images: deps.images,
    preparer: pool,
    changes: admin.changes,
    pending: deps.pending,
    pendingMs: config.admin.pendingMs,
    logger,
  });
  const links = new ReportLinks({ storage, lifetimeMs: config.bulk.reportLinkMs });
  // The job's progress card, updated in place through the Bot Connector from whichever turn (or none) is running.
  const progress = new ProgressUpdates({
    jobs: admin.jobs,
    logger,
    update: async (conversation, card) => {
      const reference = conversation.reference as Partial<ConversationReference>;
      await deps.adapter()?.continueConversationAsync(deps.botAppId, reference, async (context) => {
        await context.updateActivity({
          id: conversation.progressActivityId,
          type: 'message',
          attachments: [card],
        });
      });
    },
  });
  const bulk = new BulkImportHandler({
    ...cloudCheck,
    guard,
    jobs: admin.jobs,
    openZip,
    downloader: new AttachmentDownloader({ ...deps.downloads, maxBytes: config.bulk.zip.maxBytes }),
    limits: admin.limits,
    planMs: config.admin.pendingMs,
    links,
    linkMs: config.bulk.reportLinkMs,
    baseUrl: deps.publicBaseUrl,
    progress,
    now: Date.now,
    logger,
  });
  const stopWork = new AbortController();
  let working: Promise<void> = Promise.resolve();
  return {
    handler,
    bulk,
    route: reportRoute({ links, jobs: admin.jobs, gate: admin.gate, logger }),
    start() {
      // Bulk jobs run in the background on every instance, taking work from the shared queue.
      progress.start();
      working = admin.jobs.work(stopWork.signal).catch((error: unknown) => {
        logger.error('bulk job worker stopped', { error: error instanceof Error ? error.name : 'unknown' });
      });
    },
    async stop() {
      stopWork.abort();
      await working;
      await progress.stop();
    },
  };
}
