/**
 * The periodic sweep of expired state on both storage kinds: waiting photos and exchange claims in the pending
 * store, and abandoned leases, are really deleted (not just hidden from readers), live ones are kept, and the
 * timer is stopped on close. The clock and the timer are injected; Blob Storage runs on Azurite.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { silentLogger } from '../../src/logger.js';
import {
  LeaseStore,
  PendingStore,
  createStorage,
  startExpirySweeper,
  type Storage,
  type SweepTimers,
} from '../../src/storage/index.js';
import { type Azurite, startAzurite } from '../helpers/azurite.js';
import { ManualClock } from './storage-contract.js';

const MINUTE = 60_000;

/** A timer the test fires by hand. */
function manualTimers() {
  const running = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  const timers: SweepTimers = {
    setInterval: (run, ms) => {
      running.set(++next, { run, ms });
      return next;
    },
    clearInterval: (handle) => {
      running.delete(handle as number);
    },
  };
  return {
    timers,
    running,
    fire: () => {
      for (const timer of running.values()) timer.run();
    },
  };
}

describe.each(['fs', 'blob'] as const)('the expiry sweeper (%s storage)', (kind) => {
  let azurite: Azurite | undefined;
  let folder: string;
  let container: string;
  let clock: ManualClock;
  let storage: Storage;

  beforeAll(async () => {
    if (kind === 'blob') azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite?.stop();
  });
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'sweeper-'));
    container = `sweep-${randomBytes(6).toString('hex')}`;
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
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** What is physically in the store, expired or not: files on disk, or blobs in the container. */
  async function physicalCount(): Promise<number> {
    if (kind === 'fs') {
      const entries = await readdir(folder, { recursive: true, withFileTypes: true });
      return entries.filter((entry) => entry.isFile()).length;
    }
    let count = 0;
    const client = BlobServiceClient.fromConnectionString(azurite!.connectionString).getContainerClient(
      container,
    );
    for await (const blob of client.listBlobsFlat()) if (blob.name) count++;
    return count;
  }

  it('deletes expired waiting photos, claims and leases every interval, keeps live ones, and stops on close', async () => {
    const pending = new PendingStore({ storage, namespace: 'bot', now: clock.now });
    const leases = new LeaseStore({ storage, namespace: 'photos', now: clock.now });
    await pending.put('photo-ada', Buffer.from('prepared jpeg'), 15 * MINUTE, 'image/jpeg');
    await pending.claim('exchange-ada', 10 * MINUTE);
    await leases.acquire('users/crashed', { ttlMs: 3 * MINUTE, waitMs: 0 });
    await pending.put('photo-bob', Buffer.from('prepared jpeg'), 60 * MINUTE, 'image/jpeg');
    await pending.claim('exchange-bob', 60 * MINUTE);
    expect(await physicalCount()).toBe(5);

    const { timers, running, fire } = manualTimers();
    const sweeper = startExpirySweeper({
      targets: [pending, leases],
      intervalMs: 5 * MINUTE,
      logger: silentLogger,
      timers,
    });
    expect([...running.values()].map((t) => t.ms)).toEqual([5 * MINUTE]);

    fire();
    await sweeper.sweep();
    expect(await physicalCount()).toBe(5); // nothing has expired yet

    clock.advance(20 * MINUTE);
    fire();
    await sweeper.sweep(); // waits for the sweep the timer started
    expect(await physicalCount()).toBe(2);
    expect(await pending.get('photo-bob')).toBeDefined();
    expect(await pending.claim('exchange-bob', MINUTE)).toBe(false);

    await sweeper.stop();
    expect(running.size).toBe(0);
  });
});

it('refuses a nonsense interval', () => {
  expect(() => startExpirySweeper({ targets: [], intervalMs: 0, logger: silentLogger })).toThrow(RangeError);
});
