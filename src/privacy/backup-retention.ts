/**
 * Backup retention (issue 18): backups older than `BACKUP_RETENTION_DAYS` are deleted by a periodic sweep, on
 * either storage kind (it only uses the storage interface). Several instances may sweep at once: deletes are
 * idempotent, so the worst case is the same key deleted twice.
 *
 * Each sweep reads every backup record (one list of `backups/changes/` and one small JSON read per backup, 16 at
 * once): records are keyed by change id, which says nothing of their age. Hourly by default, that is cheap next to
 * the photos themselves. A removed change's Undo answers "not found" (UndoNotFound), like any unknown change:
 * the record goes first, so no Undo ever finds a record without its photo.
 */
import type { Logger } from '../logger.js';
import { startExpirySweeper, type ExpirySweeper, type SweepTimers } from '../storage/expiry-sweeper.js';
import type { Clock } from '../storage/storage.js';
import type { AnyBackupStore } from './person-data-service.js';

export interface BackupRetentionOptions {
  readonly backups: Pick<AnyBackupStore, 'allRecords' | 'deleteChange'>;
  /** How long a backup is kept, in milliseconds (config.trust.retention.backupMs). */
  readonly retentionMs: number;
  readonly now?: Clock;
}

/** What one sweep did. */
export interface RetentionSweep {
  /** Backups deleted (or, in a dry run, that would be). */
  readonly removed: number;
  /** Backups young enough to stay. */
  readonly kept: number;
}

/** Deletes the backups that are older than the retention period. */
export class BackupRetention {
  private readonly now: Clock;

  constructor(private readonly options: BackupRetentionOptions) {
    if (!Number.isSafeInteger(options.retentionMs) || options.retentionMs <= 0)
      throw new RangeError('retentionMs must be a positive whole number');
    this.now = options.now ?? Date.now;
  }

  /** Deletes every backup made before now minus the retention period; with `dryRun`, only counts them. */
  async sweep(dryRun = false): Promise<RetentionSweep> {
    const cutoff = this.now() - this.options.retentionMs;
    let removed = 0;
    let kept = 0;
    for (const record of await this.options.backups.allRecords()) {
      const created = Date.parse(record.createdAt);
      // A record whose date cannot be read is kept: deleting on a guess would be worse than keeping it.
      if (Number.isNaN(created) || created >= cutoff) {
        kept++;
        continue;
      }
      if (!dryRun) await this.options.backups.deleteChange(record.changeId);
      removed++;
    }
    return { removed, kept };
  }
}

export interface RetentionSweeperOptions {
  readonly retention: BackupRetention;
  /** Time between sweeps (config.trust.retention.sweepMs); the first comes after one interval. */
  readonly intervalMs: number;
  readonly logger: Logger;
  readonly timers?: SweepTimers;
}

/** Starts sweeping old backups every `intervalMs`; `stop()` waits for a sweep under way. Logs counts only. */
export function startRetentionSweeper(options: RetentionSweeperOptions): ExpirySweeper {
  return startExpirySweeper({
    intervalMs: options.intervalMs,
    logger: options.logger,
    ...(options.timers ? { timers: options.timers } : {}),
    targets: [
      {
        deleteExpired: async () => {
          const { removed, kept } = await options.retention.sweep();
          if (removed > 0) options.logger.info('old backups removed', { removed, kept });
          return removed;
        },
      },
    ],
  });
}
