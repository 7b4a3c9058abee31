/**
 * What the app keeps about one person, and deleting it (`my data`, `forget me`; issue 18).
 *
 * A person's data:
 * - backups: of their own photo (the target is `users/<their id>`, or a contact of theirs) and of every change they
 *   made (they are its actor), found by reading every backup record, since records are keyed by change id alone;
 * - audit entries naming them (as actor, or as the user whose photo changed), found by reading the whole log;
 * - items waiting in the pending store under their id (src/privacy/pending-keys.ts), found by listing the store's
 *   namespace (every item there expires within minutes, so the list stays short);
 * - approval requests they made, through {@link PersonRequests} when approval is there.
 *
 * Cost: the two full scans are one list plus one small JSON read per backup and per audit entry, 16 reads at once
 * (about 1 ms a read on a local disk, a few on Blob Storage): seconds for tens of thousands. They run only when a
 * person asks, in their personal chat. An index per person would make them cheap, at the price of a second write
 * per change and per entry; the day that matters, add one.
 *
 * Audit entries are the organisation's record and hold no image: `forget me` keeps them, and adds one.
 */
import type { JsonObject } from '../storage/json.js';
import type { AuditLog, AuditRecord } from '../storage/audit-log.js';
import type { BackupRecord, BackupStore } from '../storage/backup-store.js';
import type { PendingStore } from '../storage/pending-store.js';
import type { Clock } from '../storage/storage.js';
import type { PersonRequestSummary, PersonRequests } from '../trust/person-data.js';
import { pendingKindFor } from './pending-keys.js';

/** A kind of data with how many and when (ISO 8601). */
export interface DatedCount {
  readonly count: number;
  /** The oldest item's date. */
  readonly first?: string;
  /** The newest item's date. */
  readonly last?: string;
}

/** One waiting item of the person's. */
export interface PendingSummary {
  readonly id: string;
  readonly kind: string;
  /** When it goes away on its own, ISO 8601. */
  readonly expiresAt?: string;
}

/** Everything {@link PersonDataService.collect} found. */
export interface PersonData {
  readonly backups: DatedCount & { readonly changeIds: readonly string[] };
  readonly audit: DatedCount & {
    /** The newest few, newest first. */
    readonly recent: readonly AuditRecord[];
  };
  readonly pending: DatedCount & { readonly items: readonly PendingSummary[] };
  /** `available: false` when approval is not part of this app (then there are none). */
  readonly requests: DatedCount & {
    readonly available: boolean;
    readonly items: readonly PersonRequestSummary[];
  };
}

/** What {@link PersonDataService.forget} deleted. */
export interface Forgotten {
  readonly backups: number;
  readonly pending: number;
  readonly requests: number;
}

/** The backup store, whatever its targets' type: only the record fields every record has are read. */
export type AnyBackupStore = Pick<BackupStore<JsonObject>, 'allRecords' | 'deleteChange' | 'deleteLatest'>;

export interface PersonDataServiceOptions {
  readonly backups: AnyBackupStore;
  readonly audit: AuditLog;
  /** The bot's pending store (namespace `bot`), where waiting photos and choices are kept. */
  readonly pending: PendingStore;
  readonly requests?: PersonRequests;
  readonly now?: Clock;
  /** How many audit entries `my data` shows (default 5). */
  readonly recentAudit?: number;
}

const DAY_MS = 86_400_000;

export class PersonDataService {
  private readonly now: Clock;

  constructor(private readonly deps: PersonDataServiceOptions) {
    this.now = deps.now ?? Date.now;
  }

  /** What the app keeps about `personId`, with dates. */
  async collect(personId: string): Promise<PersonData> {
    const [backups, audit, pending, requests] = await Promise.all([
      this.backupsOf(personId),
      this.auditOf(personId),
      this.pendingOf(personId),
      this.deps.requests?.listFor(personId) ?? Promise.resolve(undefined),
    ]);
    const recent = audit.slice(-(this.deps.recentAudit ?? 5)).reverse();
    const expiries = pending.flatMap((item) => (item.expiresAt === undefined ? [] : [item.expiresAt]));
    return {
      backups: { ...dated(backups.map((b) => b.createdAt)), changeIds: backups.map((b) => b.changeId) },
      audit: { ...dated(audit.map((a) => a.at)), recent },
      pending: { ...dated(expiries), count: pending.length, items: pending },
      requests: {
        ...dated((requests ?? []).map((r) => r.createdAt)),
        available: requests !== undefined,
        items: requests ?? [],
      },
    };
  }

  /**
   * Deletes `personId`'s backups (and their own photo's latest pointer), waiting items and requests. Audit entries
   * stay; the caller records the deletion in the audit log. Idempotent: a second call deletes nothing more.
   */
  async forget(personId: string): Promise<Forgotten> {
    const backups = await this.backupsOf(personId);
    for (const backup of backups) await this.deps.backups.deleteChange(backup.changeId);
    for (const key of new Set([`users/${personId}`, `users/${personId.toLowerCase()}`]))
      await this.deps.backups.deleteLatest(key);
    const pending = await this.pendingOf(personId);
    for (const item of pending) await this.deps.pending.delete(item.id);
    const requests = (await this.deps.requests?.deleteFor(personId)) ?? 0;
    return { backups: backups.length, pending: pending.length, requests };
  }

  private async backupsOf(personId: string): Promise<BackupRecord<JsonObject>[]> {
    const own = `users/${personId.toLowerCase()}`;
    const records = await this.deps.backups.allRecords();
    return records
      .filter((record) => {
        const target = record.targetKey.toLowerCase();
        return record.actor === personId || target === own || target.startsWith(`${own}/`);
      })
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private async auditOf(personId: string): Promise<AuditRecord[]> {
    const person = personId.toLowerCase();
    // From the epoch: more than 62 days, so the log lists its whole prefix once (see AuditLog.list).
    const all = await this.deps.audit.list(0, this.now() + DAY_MS);
    return all.filter(
      (record) =>
        record.actor === personId ||
        (record.target.kind === 'user' && record.target.id.toLowerCase() === person),
    );
  }

  private async pendingOf(personId: string): Promise<PendingSummary[]> {
    const found: PendingSummary[] = [];
    for (const id of await this.deps.pending.listIds()) {
      const kind = pendingKindFor(id, personId);
      if (kind === undefined) continue;
      const item = await this.deps.pending.get(id);
      if (item === undefined) continue;
      found.push({
        id,
        kind,
        ...(item.expiresAt === undefined ? {} : { expiresAt: new Date(item.expiresAt).toISOString() }),
      });
    }
    return found;
  }
}

function dated(dates: readonly string[]): DatedCount {
  const sorted = [...dates].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  return first === undefined || last === undefined ? { count: 0 } : { count: dates.length, first, last };
}
