/**
 * A person's own data (issue 18), composed apart from app.ts: `my data` / `forget me` (the handler behind the bot's
 * PrivacyRoutes) and the retention sweep that deletes backups older than BACKUP_RETENTION_DAYS on either storage
 * kind, started with the server and stopped on shutdown.
 */
import { PrivacyHandler } from './bot/handlers/privacy-handler.js';
import type { TrustConfig } from './config-trust.js';
import type { Logger } from './logger.js';
import { BackupRetention, startRetentionSweeper } from './privacy/backup-retention.js';
import { PersonDataService, type AnyBackupStore } from './privacy/person-data-service.js';
import type { AuditLog } from './storage/audit-log.js';
import type { ExpirySweeper } from './storage/expiry-sweeper.js';
import type { PendingStore } from './storage/pending-store.js';
import { RequestStore } from './approval/request-store.js';
import { ConversationReferences } from './bot/conversation-references.js';
import type { Storage } from './storage/storage.js';
import type { PersonRequests } from './trust/person-data.js';

export interface PrivacyFeatureDeps {
  readonly trust: TrustConfig;
  readonly backups: AnyBackupStore;
  readonly audit: AuditLog;
  readonly pending: PendingStore;
  /**
   * Where approval keeps requests and the conversation references it reaches people by: read and deleted whether
   * approval is on or not, so requests made while it was on are covered after it is turned off.
   */
  readonly storage: Storage;
  readonly logger: Logger;
}

/**
 * A person's approval records: the requests they made, and where the bot reaches them (their conversation reference,
 * which approval keeps), deleted together by `forget me`.
 */
function approvalRecords(storage: Storage, logger: Logger): PersonRequests {
  const requests = new RequestStore(storage);
  const references = new ConversationReferences(storage, logger);
  return {
    listFor: (personId) => requests.listFor(personId),
    async deleteFor(personId) {
      const deleted = await requests.deleteFor(personId);
      await references.forget(personId);
      return deleted;
    },
  };
}

export interface PrivacyFeatures {
  readonly handler: PrivacyHandler;
  /** Starts the retention sweep (call once the server listens). */
  start(): void;
  /** Stops the sweep, waiting for one under way. */
  stop(): Promise<void>;
}

export function privacyFeatures(deps: PrivacyFeatureDeps): PrivacyFeatures {
  const data = new PersonDataService({
    backups: deps.backups,
    audit: deps.audit,
    pending: deps.pending,
    requests: approvalRecords(deps.storage, deps.logger),
  });
  const handler = new PrivacyHandler({
    data,
    pending: deps.pending,
    audit: deps.audit,
    retentionMs: deps.trust.retention.backupMs,
    logger: deps.logger,
  });
  const retention = new BackupRetention({
    backups: deps.backups,
    retentionMs: deps.trust.retention.backupMs,
  });
  let sweeper: ExpirySweeper | undefined;
  return {
    handler,
    start() {
      sweeper ??= startRetentionSweeper({
        retention,
        intervalMs: deps.trust.retention.sweepMs,
        logger: deps.logger,
      });
    },
    async stop() {
      await sweeper?.stop();
    },
  };
}
