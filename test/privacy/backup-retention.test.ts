/**
 * Backup retention on both storage kinds (files, and Azure Blob on Azurite): backups older than the retention
 * period are deleted, record and photo bytes (what is physically stored is counted), recent ones are kept and still
 * undoable, Undo of a removed change answers "not found" rather than failing, and the periodic sweep runs on its
 * timer and stops. The clock and the timer are injected.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { silentLogger } from '../../src/logger.js';
import { BackupRetention, startRetentionSweeper } from '../../src/privacy/backup-retention.js';
import { BackupStore, createStorage, type Storage, type SweepTimers } from '../../src/storage/index.js';
import { type Azurite, startAzurite } from '../helpers/azurite.js';
import { ManualClock } from '../storage/storage-contract.js';

const DAY = 86_400_000;
type Target = { kind: 'user'; userId: string };
const target = (userId: string): Target => ({ kind: 'user', userId });
const photo = (text: string) => ({ bytes: new TextEncoder().encode(text), contentType: 'image/jpeg' });

describe.each(['fs', 'blob'] as const)('backup retention (%s storage)', (kind) => {
  let azurite: Azurite | undefined;
  let folder: string;
  let container: string;
  let clock: ManualClock;
  let storage: Storage;
  let backups: BackupStore<Target>;

  beforeAll(async () => {
    if (kind === 'blob') azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite?.stop();
  });
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'retention-'));
    container = `retention-${randomBytes(6).toString('hex')}`;
    clock = new ManualClock();
    storage =
      kind === 'fs'
        ? createStorage({ kind: 'fs', root: folder, now: clock.now, durable: false })
        : createStorage({
            kind: 'blob',
            connectionString: azurite!.connectionString,
            container,
            now: clock.now,
          });
    backups = new BackupStore<Target>({ storage, targetKey: (t) => `users/${t.userId}`, now: clock.now });
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** The names physically in the store under `backups/`: files on disk, or blobs in the container. */
  async function physical(): Promise<string[]> {
    if (kind === 'fs') {
      const entries = await readdir(folder, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) =>
          path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
        )
        .filter((name) => name.includes('backups/'));
    }
    const names: string[] = [];
    const client = BlobServiceClient.fromConnectionString(azurite!.connectionString).getContainerClient(
      container,
    );
    for await (const blob of client.listBlobsFlat({ prefix: 'backups/' })) names.push(blob.name);
    return names;
  }

  /** Saves a change of `who`'s photo and makes it the latest, as the change service does. */
  async function change(who: string, bytes: string) {
    const record = await backups.save({ target: target(who), actor: who, photo: photo(bytes) });
    await backups.markLatest(record);
    return record;
  }

  it('deletes backups older than the retention period, keeps recent ones, and Undo of a removed one says not found', async () => {
    const old = await change('ada', 'ada before the first change');
    const oldBob = await change('bob', 'bob before his change');
    clock.advance(60 * DAY);
    const recent = await change('ada', 'ada before the second change');
    clock.advance(31 * DAY); // old ones are 91 days old, the recent one 31
    const before = await physical();
    expect(before.filter((name) => name.includes(old.changeId)).length).toBe(2); // record and photo

    const retention = new BackupRetention({ backups, retentionMs: 90 * DAY, now: clock.now });
    expect(await retention.sweep(true)).toEqual({ removed: 2, kept: 1 }); // a dry run counts only
    expect(await physical()).toEqual(before);

    expect(await retention.sweep()).toEqual({ removed: 2, kept: 1 });
    const after = await physical();
    for (const gone of [old.changeId, oldBob.changeId])
      expect(after.filter((name) => name.includes(gone))).toEqual([]);
    expect(after.filter((name) => name.includes(recent.changeId)).length).toBe(2);
    // The removed change: not found (UndoNotFound), never a half backup; the recent one can still be undone.
    expect(await backups.checkUndo(old.changeId)).toEqual({ status: 'not-found' });
    expect(await backups.checkUndo(oldBob.changeId)).toEqual({ status: 'not-found' });
    const check = await backups.checkUndo(recent.changeId);
    expect(check.status).toBe('ready');
    expect(check.status === 'ready' && Buffer.from(check.backup.photo!.bytes).toString()).toBe(
      'ada before the second change',
    );
    // A new change after the sweep works as before (its history starts from a removed change's id).
    const next = await change('bob', 'bob after the sweep');
    expect((await backups.checkUndo(next.changeId)).status).toBe('ready');
    // Idempotent: a second sweep (another instance's) finds nothing more to delete.
    expect(await retention.sweep()).toEqual({ removed: 0, kept: 2 });
  });

  it('keeps a backup exactly at the cutoff and deletes it one millisecond later', async () => {
    const record = await change('ada', 'ada at the edge');
    const retention = new BackupRetention({ backups, retentionMs: 90 * DAY, now: clock.now });
    clock.advance(90 * DAY);
    expect(await retention.sweep()).toEqual({ removed: 0, kept: 1 });
    clock.advance(1);
    expect(await retention.sweep()).toEqual({ removed: 1, kept: 0 });
    expect(await backups.record(record.changeId)).toBeUndefined();
  });

  it('sweeps on its timer, logs counts only, and stops', async () => {
    const runs: { run: () => void; ms: number }[] = [];
    const timers: SweepTimers = {
      setInterval: (run, ms) => runs.push({ run, ms }),
      clearInterval: () => runs.splice(0),
    };
    const logged: unknown[] = [];
    const logger = {
      ...silentLogger,
      info: (event: string, fields?: unknown) => logged.push([event, fields]),
    };
    const old = await change('ada', 'ada long ago');
    clock.advance(100 * DAY);
    const sweeper = startRetentionSweeper({
      retention: new BackupRetention({ backups, retentionMs: 90 * DAY, now: clock.now }),
      intervalMs: 60 * 60_000,
      logger,
      timers,
    });
    expect(runs.map((r) => r.ms)).toEqual([60 * 60_000]);
    runs[0]!.run();
    await sweeper.sweep(); // waits for the sweep the timer started
    expect(await backups.record(old.changeId)).toBeUndefined();
    expect(logged).toEqual([['old backups removed', { removed: 1, kept: 0 }]]);
    await sweeper.stop();
    expect(runs).toEqual([]);
  });
});

it('refuses a nonsense retention period', () => {
  const backups = { allRecords: () => Promise.resolve([]), deleteChange: () => Promise.resolve() };
  expect(() => new BackupRetention({ backups, retentionMs: 0 })).toThrow(RangeError);
});
