/**
 * Leases on both storage kinds: files in a temporary folder, and Blob Storage on Azurite (started by the test).
 * Several LeaseStore instances over one storage stand for several bot instances.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LeaseStore, createStorage, encodeKeySegment, type Storage } from '../../src/storage/index.js';
import { type Azurite, startAzurite } from '../helpers/azurite.js';
import { ManualClock } from './storage-contract.js';

describe.each(['fs', 'blob'] as const)('LeaseStore (%s storage)', (kind) => {
  let azurite: Azurite | undefined;
  let folder: string;
  let clock: ManualClock;
  let storage: Storage;
  /** A lease store as one instance builds it; its waits move the manual clock instead of sleeping. */
  const instance = () =>
    new LeaseStore({
      storage,
      namespace: 'photos',
      now: clock.now,
      sleep: (ms) => {
        clock.advance(ms);
        return new Promise((resolve) => setImmediate(resolve));
      },
    });

  beforeAll(async () => {
    if (kind === 'blob') azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite?.stop();
  });
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'leases-'));
    clock = new ManualClock();
    storage =
      kind === 'fs'
        ? createStorage({ kind: 'fs', root: folder, now: clock.now, durable: false })
        : createStorage({
            kind: 'blob',
            connectionString: azurite!.connectionString,
            container: `leases-${randomBytes(6).toString('hex')}`,
            now: clock.now,
          });
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('gives a free lease to exactly one of many concurrent callers, across instances', async () => {
    const stores = Array.from({ length: 8 }, instance);
    const leases = await Promise.all(
      stores.map((store) => store.acquire('users/ada', { ttlMs: 60_000, waitMs: 0 })),
    );
    expect(leases.filter((lease) => lease !== undefined)).toHaveLength(1);
    // Other names are free.
    expect(await stores[0]!.acquire('users/bob', { ttlMs: 60_000, waitMs: 0 })).toBeDefined();
  });

  it('frees the name on release, and only the holder can release it', async () => {
    const one = instance();
    const two = instance();
    const first = await one.acquire('users/ada', { ttlMs: 60_000, waitMs: 0 });
    expect(await two.acquire('users/ada', { ttlMs: 60_000, waitMs: 0 })).toBeUndefined();
    await first!.release();
    expect(await one.isHeld('users/ada')).toBe(false);
    const second = await two.acquire('users/ada', { ttlMs: 60_000, waitMs: 0 });
    expect(second).toBeDefined();
    // A late release by the first holder (its lease long gone) leaves the second holder's lease alone.
    await first!.release();
    expect(await two.isHeld('users/ada')).toBe(true);
  });

  it("waits a bounded time for the holder, and a crashed holder's lease expires", async () => {
    const crashed = instance();
    expect(await crashed.acquire('users/ada', { ttlMs: 10_000, waitMs: 0 })).toBeDefined();
    const waiter = instance();
    const start = clock.time;
    // Waiting less than the lease has left: refused once the wait is over, no earlier, no later.
    expect(await waiter.acquire('users/ada', { ttlMs: 10_000, waitMs: 3_000 })).toBeUndefined();
    expect(clock.time - start).toBe(3_000);
    // Waiting long enough: the crashed holder's lease expires and the waiter gets it.
    expect(await waiter.acquire('users/ada', { ttlMs: 10_000, waitMs: 30_000 })).toBeDefined();
    expect(clock.time - start).toBeGreaterThanOrEqual(10_000);
    expect(clock.time - start).toBeLessThan(10_500);
  });

  it('runs work under the lease and releases it whatever happens', async () => {
    const store = instance();
    const busy = () => new Error('busy');
    await expect(
      store.run('users/ada', { ttlMs: 60_000, waitMs: 0 }, busy, async () => {
        expect(await store.isHeld('users/ada')).toBe(true);
        await expect(
          instance().run('users/ada', { ttlMs: 60_000, waitMs: 0 }, busy, () => Promise.resolve(1)),
        ).rejects.toThrow('busy');
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await store.isHeld('users/ada')).toBe(false);
  });

  it("renews a held lease past its first end, and refuses to renew one that is no longer the holder's", async () => {
    const holder = instance();
    const other = instance();
    const lease = await holder.acquire('jobs/j1', { ttlMs: 10_000, waitMs: 0 });
    clock.advance(8_000);
    expect(await lease!.renew(10_000)).toBe(true);
    // Past the first lifetime, the renewed lease still keeps others out.
    clock.advance(8_000);
    expect(await other.acquire('jobs/j1', { ttlMs: 10_000, waitMs: 0 })).toBeUndefined();
    // Left to expire, it is taken by someone else, and the first holder can no longer renew (nor steal) it.
    clock.advance(2_000);
    const taken = await other.acquire('jobs/j1', { ttlMs: 10_000, waitMs: 0 });
    expect(taken).toBeDefined();
    expect(await lease!.renew(10_000)).toBe(false);
    clock.advance(9_999);
    expect(await holder.acquire('jobs/j1', { ttlMs: 10_000, waitMs: 0 })).toBeUndefined();
    // An expired, free lease is not brought back either.
    await taken!.release();
    expect(await lease!.renew(10_000)).toBe(false);
    expect(await holder.isHeld('jobs/j1')).toBe(false);
  });

  it('lets the same named holder take over the lease it left behind, and nobody else', async () => {
    const crashed = instance();
    const retry = instance();
    // A run that crashed holding the lease under the work's own name: it never released it.
    expect(await crashed.acquire('users/ada', { ttlMs: 60_000, waitMs: 0 }, 'change:c1')).toBeDefined();
    // Anyone else (a random holder, or other work) still waits for it to expire.
    expect(await retry.acquire('users/ada', { ttlMs: 60_000, waitMs: 0 })).toBeUndefined();
    expect(await retry.acquire('users/ada', { ttlMs: 60_000, waitMs: 0 }, 'change:c2')).toBeUndefined();
    // The retry of the same work takes it over at once, with a fresh lifetime, and releases it as its own.
    clock.advance(50_000);
    const taken = await retry.acquire('users/ada', { ttlMs: 60_000, waitMs: 0 }, 'change:c1');
    expect(taken).toBeDefined();
    clock.advance(50_000);
    expect(await crashed.acquire('users/ada', { ttlMs: 60_000, waitMs: 0 })).toBeUndefined();
    await taken!.release();
    expect(await retry.isHeld('users/ada')).toBe(false);
  });

  it('deletes expired leases when swept, and keeps live ones', async () => {
    const store = instance();
    await store.acquire('users/ada', { ttlMs: 1_000, waitMs: 0 });
    await store.acquire('users/bob', { ttlMs: 60_000, waitMs: 0 });
    clock.advance(1_000);
    expect(await store.deleteExpired()).toBe(1);
    expect(await store.deleteExpired()).toBe(0);
    expect(await storage.list('leases/')).toEqual([`leases/photos/${encodeKeySegment('users/bob')}`]);
  });
});
