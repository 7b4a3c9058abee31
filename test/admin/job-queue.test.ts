/**
 * The job queue's contract, run against each implementation: the storage queue over files and over Blob Storage
 * (Azurite), and Azure Storage queues (Azurite's Queue service). Several queue objects over one store stand for
 * several instances of the app.
 *
 * Visibility leases: the storage queue's expiry is judged by a manual clock; Azure's by Azurite's own clock, in
 * whole seconds, so its tests wait real seconds (the waits only let a lease run out; nothing asserts a duration).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AzureJobQueue, StorageJobQueue, type JobMessage, type JobQueue } from '../../src/admin/job-queue.js';
import { createStorage, type Storage } from '../../src/storage/index.js';
import { putJson } from '../../src/storage/json.js';
import { type Azurite, type AzuriteQueues, startAzurite, startAzuriteQueues } from '../helpers/azurite.js';
import { ManualClock } from '../storage/storage-contract.js';

type Kind = 'storage-fs' | 'storage-blob' | 'azure';

describe.each(['storage-fs', 'storage-blob', 'azure'] as const)('JobQueue (%s)', (kind: Kind) => {
  let azurite: Azurite | undefined;
  let queues: AzuriteQueues | undefined;
  let folder: string;
  let clock: ManualClock;
  let storage: Storage | undefined;
  let name: string;
  /** A queue object as one instance builds it. */
  let instance: () => JobQueue;
  /** Lets `ms` pass for the visibility leases. */
  let pass: (ms: number) => Promise<void>;
  /** Visibility leases short enough to wait out on Azurite (whole seconds there). */
  const LEASE = 1_000;

  beforeAll(async () => {
    if (kind === 'storage-blob') azurite = await startAzurite();
    if (kind === 'azure') queues = await startAzuriteQueues();
  });
  afterAll(async () => {
    await azurite?.stop();
    await queues?.stop();
  });
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'job-queue-'));
    clock = new ManualClock();
    name = `jobs-${randomBytes(4).toString('hex')}`;
    if (kind === 'azure') {
      storage = undefined;
      instance = () => new AzureJobQueue({ connectionString: queues!.connectionString, name });
      pass = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      return;
    }
    const store =
      kind === 'storage-fs'
        ? createStorage({ kind: 'fs', root: folder, now: clock.now, durable: false })
        : createStorage({
            kind: 'blob',
            connectionString: azurite!.connectionString,
            container: `queue-${randomBytes(6).toString('hex')}`,
            now: clock.now,
          });
    storage = store;
    instance = () => new StorageJobQueue({ storage: store, name, now: clock.now });
    pass = (ms) => {
      clock.advance(ms);
      return Promise.resolve();
    };
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const run = (jobId: string): JobMessage => ({ jobId, kind: 'run' });

  it('hands a message to one receiver at a time and forgets it once completed', async () => {
    const one = instance();
    const two = instance();
    expect(await one.receive(LEASE)).toBeUndefined();
    await one.send(run('job-a'));
    const received = await two.receive(10 * LEASE);
    expect(received?.message).toEqual(run('job-a'));
    // Hidden from everyone else while the lease lives.
    expect(await one.receive(LEASE)).toBeUndefined();
    await received!.complete();
    await pass(LEASE * 1.5);
    expect(await one.receive(LEASE)).toBeUndefined();
    expect(await two.receive(LEASE)).toBeUndefined();
  });

  it('gives messages oldest first, and an undo message says so', async () => {
    const queue = instance();
    await queue.send(run('job-a'));
    if (kind !== 'azure') clock.advance(1);
    await queue.send({ jobId: 'job-b', kind: 'undo' });
    const first = await queue.receive(10 * LEASE);
    const second = await queue.receive(10 * LEASE);
    expect([first?.message, second?.message]).toEqual([run('job-a'), { jobId: 'job-b', kind: 'undo' }]);
    expect(await queue.receive(LEASE)).toBeUndefined();
  });

  it("shows a crashed receiver's message again once its lease ran out; the stale holder can neither renew nor complete it", async () => {
    const crashed = instance();
    const other = instance();
    await crashed.send(run('job-a'));
    const first = await crashed.receive(LEASE);
    expect(first).toBeDefined();
    await pass(LEASE * 2);
    const again = await other.receive(10 * LEASE);
    expect(again?.message).toEqual(run('job-a'));
    expect(await first!.renew(10 * LEASE)).toBe(false);
    // A late completion by the first receiver does not take the message from the one working on it now.
    await first!.complete();
    expect(await again!.renew(10 * LEASE)).toBe(true);
    await again!.complete();
    await pass(LEASE * 1.5);
    expect(await other.receive(LEASE)).toBeUndefined();
  });

  it('keeps a message hidden while its holder renews the lease', async () => {
    const holder = instance();
    const other = instance();
    await holder.send(run('job-a'));
    const received = await holder.receive(LEASE);
    expect(await received!.renew(4 * LEASE)).toBe(true);
    await pass(LEASE * 2);
    // Past the first lease: still hidden, thanks to the renewal.
    expect(await other.receive(LEASE)).toBeUndefined();
    await received!.complete();
  });

  it('gives each message to exactly one of many concurrent receivers', async () => {
    const sender = instance();
    const ids = ['job-1', 'job-2', 'job-3', 'job-4', 'job-5'];
    for (const id of ids) await sender.send(run(id));
    const receivers = Array.from({ length: 8 }, instance);
    const got: string[] = [];
    // Each receiver takes messages until the queue looks empty to it.
    await Promise.all(
      receivers.map(async (queue) => {
        for (;;) {
          const received = await queue.receive(30 * LEASE);
          if (received === undefined) return;
          got.push(received.message.jobId);
          await received.complete();
        }
      }),
    );
    expect(got.sort()).toEqual(ids);
  });

  it('refuses a malformed message on send and drops a foreign one found in the queue', async () => {
    const queue = instance();
    await expect(queue.send({ jobId: 'x', kind: 'explode' } as unknown as JobMessage)).rejects.toThrow(
      RangeError,
    );
    if (storage !== undefined) {
      await putJson(storage, `queues/${name}/messages/000000000000000-foreign`, { hello: 'world' });
      await queue.send(run('job-a'));
      expect((await queue.receive(LEASE))?.message).toEqual(run('job-a'));
      expect(await storage.list(`queues/${name}/messages/000000000000000`)).toEqual([]);
    }
  });

  it('refuses a queue name that is not one key segment and one Azure queue name', () => {
    for (const bad of ['', 'ab', 'Jobs', 'a/b', '../x', 'a--b', '-ab']) {
      expect(() =>
        kind === 'azure'
          ? new AzureJobQueue({ connectionString: queues!.connectionString, name: bad })
          : new StorageJobQueue({ storage: storage!, name: bad }),
      ).toThrow(RangeError);
    }
  });
});
