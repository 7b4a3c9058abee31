/**
 * `profile-photo cleanup [--dry-run]`: deletes the backups older than BACKUP_RETENTION_DAYS now, on the configured
 * storage (files or Azure Blob), as the server's hourly sweep does (src/privacy/backup-retention.ts). Prints counts.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { BackupRetention } from '../privacy/backup-retention.js';
import { BackupStore } from '../storage/backup-store.js';
import { createStorage } from '../storage/index.js';
import type { JsonObject } from '../storage/json.js';
import { EXIT, type CliIo, type Command } from './command.js';

const usage = `profile-photo cleanup [--dry-run]

Deletes the photo backups (what a change replaced, kept for Undo) older than BACKUP_RETENTION_DAYS, on the
storage the bot uses (STORAGE_KIND, DATA_DIR or AZURE_STORAGE_CONNECTION_STRING). The server does the same
every RETENTION_SWEEP_MINUTES. Audit entries are never deleted.

  --dry-run   count what would be deleted, delete nothing`;

export const cleanupCommand: Command = {
  name: 'cleanup',
  summary: 'delete photo backups older than the retention period',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
      args: [...args],
      options: { 'dry-run': { type: 'boolean' } },
      allowPositionals: false,
      strict: true,
    });
    const config = loadConfig();
    const dryRun = values['dry-run'] === true;
    // The target key is only used when saving; a sweep reads and deletes.
    const backups = new BackupStore<JsonObject>({
      storage: createStorage(config.storage),
      targetKey: () => '',
    });
    const retention = new BackupRetention({ backups, retentionMs: config.trust.retention.backupMs });
    const { removed, kept } = await retention.sweep(dryRun);
    const days = Math.round(config.trust.retention.backupMs / 86_400_000);
    const backupsText = `${removed} ${removed === 1 ? 'backup' : 'backups'}`;
    io.out(
      dryRun
        ? `${backupsText} older than ${days} days would be deleted; ${kept} kept (dry run: nothing deleted)`
        : `${backupsText} older than ${days} days deleted; ${kept} kept`,
    );
    return EXIT.ok;
  },
};
