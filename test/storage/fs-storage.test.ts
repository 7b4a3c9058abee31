import { readdir, readFile, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FsStorage, createStorage } from '../../src/storage/index.js';
import { ManualClock, storageContract } from './storage-contract.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Every file under `folder`, relative, sorted. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('FsStorage', () => {
  let scratch: string;
  let count = 0;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'fs-storage-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /** A new, not yet existing folder `<scratch>/store-N/storage`; its parent shows nothing lands beside it. */
  function newRoot(): string {
    return path.join(scratch, `store-${++count}`, 'storage');
  }

  describe('contract', () => {
    storageContract(() => {
      const root = newRoot();
      return Promise.resolve((now) => createStorage({ kind: 'fs', root, now }));
    });
  });

  it('keeps every file inside its root, one file per item, no working files left', async () => {
    const root = newRoot();
    const store = new FsStorage({ root });
    await store.put('backups/changes/abc', bytes('{}'), { contentType: 'application/json' });
    await store.put('a/b', bytes('1'));
    await store.put('a/b/c', bytes('2'));
    await store.createIfAbsent('leases/l', bytes('x'));
    await store.createIfAbsent('leases/l', bytes('y'));
    await store.put('pending/t', bytes('t'));
    await store.take('pending/t');
    await expect(store.put('../escape', bytes('no'))).rejects.toMatchObject({ code: 'InvalidStorageKey' });

    expect(await filesUnder(path.dirname(root))).toEqual(
      ['a/b#', 'a/b/c#', 'backups/changes/abc#', 'leases/l#'].map((file) => path.join('storage', file)),
    );
    const raw = await readFile(path.join(root, 'backups', 'changes', 'abc#'), 'utf8');
    expect(raw).toBe('{"v":1,"type":"application/json"}\n{}');
  });

  it('lets exactly one creator win across separate instances over one folder (as across processes)', async () => {
    const root = newRoot();
    // Separate instances share no mutex: only the file system's link decides, as between processes.
    const instances = Array.from({ length: 5 }, () => new FsStorage({ root, durable: false }));
    for (let round = 0; round < 5; round++) {
      const key = `leases/round-${round}`;
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) => instances[i % 5]!.createIfAbsent(key, bytes(`racer ${i}`))),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
    }
  });

  it('reclaims an expired key for exactly one creator across separate instances', async () => {
    const root = newRoot();
    const clock = new ManualClock();
    const instances = Array.from(
      { length: 5 },
      () => new FsStorage({ root, now: clock.now, durable: false }),
    );
    for (let round = 0; round < 10; round++) {
      await instances[0]!.put('leases/expiring', bytes('old'), { expiresAt: clock.time + 1 });
      clock.advance(1);
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          instances[i % 5]!.createIfAbsent('leases/expiring', bytes(`racer ${i}`), {
            expiresAt: clock.time + 1000,
          }),
        ),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const winner = outcomes.indexOf(true);
      expect(new TextDecoder().decode((await instances[1]!.get('leases/expiring'))?.value)).toBe(
        `racer ${winner}`,
      );
    }
    expect(await filesUnder(root)).toEqual([path.join('leases', 'expiring#')]);
  });

  it("waits while another process reclaims an expired key, and breaks a crashed process's lock", async () => {
    const root = newRoot();
    const clock = new ManualClock();
    const store = new FsStorage({ root, now: clock.now });
    await store.put('leases/k', bytes('old'), { expiresAt: clock.time + 1 });
    clock.advance(1);
    // Another process is reclaiming the key: its lock file is fresh.
    const lock = path.join(root, 'leases', 'k#lock');
    await writeFile(lock, '');
    let settled = false;
    const creating = store.createIfAbsent('leases/k', bytes('new')).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    await rm(lock);
    expect(await creating).toBe(true);

    // A lock left behind by a crash (older than any reclaim takes) does not block the key forever.
    await store.put('leases/k', bytes('old'), { expiresAt: clock.time + 1 });
    clock.advance(1);
    await writeFile(lock, '');
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(lock, minuteAgo, minuteAgo);
    expect(await store.createIfAbsent('leases/k', bytes('newer'))).toBe(true);
    expect(await filesUnder(root)).toEqual([path.join('leases', 'k#')]);
  });

  it('hands an item to exactly one taker across separate instances', async () => {
    const root = newRoot();
    const instances = Array.from({ length: 5 }, () => new FsStorage({ root, durable: false }));
    await instances[0]!.put('pending/once', bytes('prize'));
    const taken = await Promise.all(
      Array.from({ length: 20 }, (_, i) => instances[i % 5]!.take('pending/once')),
    );
    expect(taken.filter((item) => item !== undefined)).toHaveLength(1);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('ignores working files in listings, and sweeps stale ones and expired items', async () => {
    const root = newRoot();
    const clock = new ManualClock();
    const store = new FsStorage({ root, now: clock.now });
    await store.put('pending/live', bytes('1'));
    await store.put('pending/gone', bytes('2'), { expiresAt: clock.time + 5 });
    // Leftovers of a crash: a half-written temporary file, an old one, and an old reclaim lock.
    const folder = path.join(root, 'pending');
    await writeFile(path.join(folder, 'live#tmp.fresh'), 'partial');
    await writeFile(path.join(folder, 'live#tmp.old'), 'partial');
    await writeFile(path.join(folder, 'gone#lock'), '');
    const hoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(folder, 'live#tmp.old'), hoursAgo, hoursAgo);
    await utimes(path.join(folder, 'gone#lock'), hoursAgo, hoursAgo);
    expect(await store.list('pending/')).toEqual(['pending/gone', 'pending/live']);

    clock.advance(5);
    expect(await store.deleteExpired('')).toBe(1);
    expect(await filesUnder(root)).toEqual(
      ['pending/live#', 'pending/live#tmp.fresh'].map((f) => path.normalize(f)),
    );
  });

  it('refuses to read a file that is not an item, without echoing its content', async () => {
    const root = newRoot();
    const store = new FsStorage({ root });
    await store.put('x/y', bytes('fine'));
    await writeFile(path.join(root, 'x', 'y#'), 'SECRET-BYTES without a header');
    const error: unknown = await store.get('x/y').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CorruptStoredItem' });
    expect((error as Error).message).not.toContain('SECRET');
  });

  it('creates its root on first write, not before', async () => {
    const root = newRoot();
    const store = createStorage({ kind: 'fs', root });
    expect(await store.list('')).toEqual([]);
    await expect(stat(root)).rejects.toMatchObject({ code: 'ENOENT' });
    await store.put('k', bytes('v'));
    expect((await stat(root)).isDirectory()).toBe(true);
  });
});
