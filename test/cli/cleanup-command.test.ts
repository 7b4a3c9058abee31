/**
 * `profile-photo cleanup [--dry-run]`, the compiled command line on file storage: a backup older than
 * BACKUP_RETENTION_DAYS is deleted and a recent one kept; a dry run only counts; a bad flag is a usage error.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BackupStore, FsStorage, type JsonObject } from '../../dist/storage/index.js';
import { runCli } from '../helpers/cli.js';

const DAY = 86_400_000;
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'cleanup-cli-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

it('deletes backups older than the retention period and keeps recent ones; --dry-run only counts', async () => {
  const storage = new FsStorage({ root: path.join(dataDir, 'storage') });
  const saveAt = (time: number) =>
    new BackupStore<JsonObject>({ storage, targetKey: () => 'users/ada', now: () => time }).save({
      target: { subject: 'users/ada' },
      actor: 'ada',
      photo: { bytes: new TextEncoder().encode('old photo'), contentType: 'image/jpeg' },
    });
  const old = await saveAt(Date.now() - 31 * DAY);
  const recent = await saveAt(Date.now() - 29 * DAY);
  const env = { DATA_DIR: dataDir, BACKUP_RETENTION_DAYS: '30' };
  const backups = new BackupStore<JsonObject>({ storage, targetKey: () => '' });

  const dry = await runCli(['cleanup', '--dry-run'], env);
  expect(dry).toMatchObject({ code: 0, stderr: '' });
  expect(dry.stdout.trim()).toBe(
    '1 backup older than 30 days would be deleted; 1 kept (dry run: nothing deleted)',
  );
  expect(await backups.record(old.changeId)).toBeDefined();

  const real = await runCli(['cleanup'], env);
  expect(real).toMatchObject({ code: 0, stderr: '' });
  expect(real.stdout.trim()).toBe('1 backup older than 30 days deleted; 1 kept');
  expect(await backups.record(old.changeId)).toBeUndefined();
  expect(await storage.get(`backups/photos/${old.changeId}`)).toBeUndefined();
  expect(await backups.record(recent.changeId)).toBeDefined();

  expect((await runCli(['cleanup', '--everything'], env)).code).toBe(2);
});
