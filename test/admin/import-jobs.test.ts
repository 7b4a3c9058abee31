/**
 * Bulk jobs for real: the Graph emulator over loopback answering a share of photo requests with 429 and 503, the
 * real change service (backups, audit, photo leases) and photo pipeline, files in a temporary folder. "Set
 * exactly once" is counted at the Graph client's fetch: photo writes the emulator accepted, per person.
 */
import type { JobProgress } from '../../src/admin/admin-contracts.js';
import { csvCell } from '../../src/admin/job-report.js';
import { subjectOf } from '../../src/changes/photo-change-service.js';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import { encodeKeySegment } from '../../src/storage/storage.js';
import { jpeg } from '../emulator/harness.js';
import {
  ADMIN,
  KillableStorage,
  recordingLogger,
  sourceOf,
  startBulkWorld,
  type BulkWorld,
} from './bulk-world.js';

const KIOSK = '00000000-0000-0000-0000-000000000041';

/** Waits until `check` holds, polling (the work runs in the background of the test). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('gave up waiting');
}

describe('ImportJobs: a job of 30 people through throttling and outages', () => {
  let world: BulkWorld;
  beforeAll(async () => {
    world = await startBulkWorld(30, {
      throttleRate: 0.1,
      unavailableRate: 0.1,
      retryAfterSeconds: 0,
      photoRoutesOnly: true,
    });
  });
  afterAll(() => world.stop());

  it('sets every matched person exactly once, reports every line, and undoes the batch byte for byte', async () => {
    const files: Record<string, Uint8Array> = {};
    const originals = new Map<string, Buffer>();
    for (const [i, person] of world.people.entries()) {
      files[`${person.userPrincipalName}.jpg`] = await jpeg(200, 200, 100 + i);
      // Every other person has a photo already; the rest have none, and the undo must leave them with none.
      if (i % 2 === 0) {
        const original = await jpeg(160, 160, 500 + i);
        await world.seedPhoto(person.id, original);
        originals.set(person.id, original);
      }
    }
    files['kiosk@example.com.jpg'] = await jpeg(200, 200, 7); // no mailbox: Graph refuses
    files['bulk30@example.com.jpg'] = Buffer.from('not an image at all'); // replaces bulk30's photo: unusable
    files['=HYPERLINK("http://x")'] = await jpeg(120, 120, 8); // nobody; a formula in the report is defused
    world.accepted.clear();

    const jobs = world.jobs({ concurrency: 4 });
    const heard: JobProgress[] = [];
    const stopListening = jobs.onProgress((progress) => heard.push(progress));
    const { job: planned, plan } = await jobs.plan({
      source: sourceOf('staff.zip', files),
      admin: ADMIN,
      origin: 'cli',
    });
    expect(planned).toMatchObject({ state: 'planned', total: 31, skipped: 1, done: 0, source: 'staff.zip' });
    expect(plan.matched).toHaveLength(31);
    expect(await world.storage.list(`admin-jobs/${planned.id}/files/`)).toHaveLength(31);

    expect((await jobs.start(planned.id, ADMIN)).state).toBe('queued');
    const told: JobProgress[] = [];
    const done = await jobs.runToEnd(planned.id, (progress) => told.push(progress));
    stopListening();

    expect(done).toMatchObject({ state: 'done', total: 31, done: 31, failed: 2, skipped: 1 });
    expect(done.finishedAt).toBeDefined();
    // Progress after each person, to the listener and to the caller alike, ending at done/total.
    expect(told.length).toBeGreaterThanOrEqual(31);
    expect(heard).toHaveLength(told.length);
    expect(told.at(-1)?.job).toMatchObject({ state: 'done', done: 31 });
    expect(told.filter((p) => p.ratePerMinute !== undefined).length).toBeGreaterThan(0);
    expect(told.some((p) => p.etaMs !== undefined)).toBe(true);

    // Every person with a usable photo was set exactly once, with the prepared photo.
    for (const person of world.people.slice(0, 29)) {
      expect([person.userPrincipalName, world.accepted.get(person.id)]).toEqual([
        person.userPrincipalName,
        1,
      ]);
      const prepared = await preparePhoto(files[`${person.userPrincipalName}.jpg`]!);
      expect((await world.photoOf(person.id))?.equals(Buffer.from(prepared.jpeg))).toBe(true);
    }
    expect(world.accepted.get(world.people[29]!.id)).toBeUndefined();
    expect(world.accepted.get(KIOSK)).toBeUndefined();

    const items = await jobs.items(planned.id);
    expect(items).toHaveLength(32);
    expect(items.filter((item) => item.result === 'set')).toHaveLength(29);
    for (const item of items.filter((line) => line.result === 'set')) {
      expect(item.changeId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      expect(item.graphRequestId).toBeDefined();
    }
    expect(items.find((item) => item.person === 'kiosk@example.com')).toMatchObject({
      result: 'failed',
      reason: 'GraphMailboxUnsupported',
    });
    expect(items.find((item) => item.person === 'bulk30@example.com')).toMatchObject({
      result: 'failed',
      reason: 'UnsupportedImage',
    });
    expect(items.at(-1)).toMatchObject({ person: '', result: 'skipped', reason: 'unmatched' });
    // The zip's bytes are gone once the job ended; the report stays.
    expect(await world.storage.list(`admin-jobs/${planned.id}/files/`)).toEqual([]);

    const csv = await jobs.reportCsv(planned.id);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('person,file,result,reason,graphRequestId');
    expect(lines).toHaveLength(34); // header, 32 lines, and the final line break
    expect(lines).toContain(
      `kiosk@example.com,kiosk@example.com.jpg,failed,GraphMailboxUnsupported,${items.find((i) => i.person === 'kiosk@example.com')?.graphRequestId ?? ''}`,
    );
    expect(lines[32]).toBe(`,"'=HYPERLINK(""http://x"")",skipped,unmatched,`);

    // The batch undo: the photos from before come back byte for byte, and "none" comes back as no photo.
    world.accepted.clear();
    await expect(jobs.undo(planned.id, { ...ADMIN, id: 'someone-else' })).rejects.toMatchObject({
      code: 'JobNotFound',
    });
    expect((await jobs.undo(planned.id, ADMIN)).state).toBe('undo-queued');
    const undone = await jobs.runToEnd(planned.id);
    expect(undone).toMatchObject({ state: 'undone', undone: 29 });
    for (const [i, person] of world.people.slice(0, 29).entries()) {
      const now = await world.photoOf(person.id);
      if (i % 2 === 0) expect(now?.equals(originals.get(person.id)!)).toBe(true);
      else expect(now).toBeNull();
      expect(world.accepted.get(person.id)).toBe(1);
    }
    const after = await jobs.items(planned.id);
    expect(after.filter((item) => item.result === 'restored')).toHaveLength(15);
    expect(after.filter((item) => item.result === 'removed')).toHaveLength(14);
    expect(after.filter((item) => item.result === 'failed')).toHaveLength(2);
    // Undone once: not again.
    await expect(jobs.undo(planned.id, ADMIN)).rejects.toMatchObject({ code: 'JobNotStartable' });
  });
});

describe('ImportJobs: resuming', () => {
  let world: BulkWorld;
  beforeEach(async () => {
    world = await startBulkWorld(10, {
      throttleRate: 0.1,
      unavailableRate: 0.1,
      retryAfterSeconds: 0,
      photoRoutesOnly: true,
    });
  });
  afterEach(() => world.stop());

  const filesFor = async (count: number) => {
    const files: Record<string, Uint8Array> = {};
    for (const [i, person] of world.people.slice(0, count).entries()) {
      files[`${person.userPrincipalName}.jpg`] = await jpeg(160, 160, 40 + i);
    }
    return files;
  };

  it.each([
    ['after the change was recorded, before its line was written', 'backups/latest/'],
    ['right after Graph accepted the photo, before anything was recorded', 'graph'],
  ])('sets nobody twice when the process dies %s', async (_when, where) => {
    const files = await filesFor(10);
    const killable = new KillableStorage(world.storage);
    const first = world.jobs({ storage: killable, concurrency: 2 });
    const { job } = await first.plan({ source: sourceOf('team.zip', files), admin: ADMIN, origin: 'cli' });
    await first.start(job.id, ADMIN);
    const victim = world.people[4]!;
    if (where === 'graph') {
      world.onAccepted = (userId) => {
        if (userId === victim.id) killable.kill();
      };
    } else {
      const pointer = `backups/latest/${encodeKeySegment(subjectOf({ kind: 'user', user: victim.id }, ADMIN.id))}`;
      killable.dieAfter = (key) => key === pointer;
    }
    await expect(first.runToEnd(job.id)).rejects.toThrow('process killed');
    world.onAccepted = () => undefined;
    expect(world.accepted.get(victim.id)).toBe(1);
    const stopped = await world.jobs().items(job.id);
    expect(stopped.find((item) => item.personId === victim.id)?.result).toBe('pending');
    expect(stopped.some((item) => item.result === 'pending')).toBe(true);

    // Started again (a new process over the same storage): it waits out the dead one's lease, then resumes.
    const second = world.jobs();
    const done = await second.runToEnd(job.id);
    expect(done).toMatchObject({ state: 'done', done: 10, failed: 0 });
    for (const person of world.people)
      expect([person.userPrincipalName, world.accepted.get(person.id)]).toEqual([
        person.userPrincipalName,
        1,
      ]);
    const line = (await second.items(job.id)).find((item) => item.personId === victim.id);
    expect(line).toMatchObject({ result: 'set' });
    // The resumed change is the one the batch undo reverses: the victim ends up with no photo again.
    await second.undo(job.id, ADMIN);
    await second.runToEnd(job.id);
    expect(await world.photoOf(victim.id)).toBeNull();
  });

  it('stops taking people when its worker is aborted, and another worker finishes the job', async () => {
    const files = await filesFor(10);
    const one = world.jobs({ concurrency: 1 });
    const { job } = await one.plan({ source: sourceOf('team.zip', files), admin: ADMIN, origin: 'chat' });
    await one.start(job.id, ADMIN);
    const stopOne = new AbortController();
    one.onProgress(({ job: now }) => {
      if (now.done >= 3) stopOne.abort();
    });
    await one.work(stopOne.signal);
    const halfway = await one.get(job.id);
    expect(halfway?.state).toBe('running');
    expect(halfway!.done).toBeGreaterThanOrEqual(3);
    expect(halfway!.done).toBeLessThan(10);

    const two = world.jobs();
    const stopTwo = new AbortController();
    const working = two.work(stopTwo.signal);
    await until(async () => (await two.get(job.id))?.state === 'done');
    stopTwo.abort();
    await working;
    for (const person of world.people) expect(world.accepted.get(person.id)).toBe(1);
    expect((await two.get(job.id))?.done).toBe(10);
  });
});

describe('ImportJobs: two workers on one queue', () => {
  let world: BulkWorld;
  beforeAll(async () => {
    world = await startBulkWorld(12);
  });
  afterAll(() => world.stop());

  it('runs each job once, on one of them', async () => {
    const loggerA = recordingLogger();
    const loggerB = recordingLogger();
    const a = world.jobs({ logger: loggerA, leaseMs: 5_000 });
    const b = world.jobs({ logger: loggerB, leaseMs: 5_000 });
    const ids: string[] = [];
    for (let j = 0; j < 3; j++) {
      const files: Record<string, Uint8Array> = {};
      for (const person of world.people.slice(j * 4, j * 4 + 4)) {
        files[`${person.userPrincipalName}.jpg`] = await jpeg(120, 120, j * 10 + ids.length);
      }
      const { job } = await (j % 2 ? a : b).plan({
        source: sourceOf(`part${j}.zip`, files),
        admin: ADMIN,
        origin: 'chat',
      });
      await (j % 2 ? b : a).start(job.id, ADMIN);
      ids.push(job.id);
    }
    const stop = new AbortController();
    const workers = [a.work(stop.signal), b.work(stop.signal)];
    await until(async () =>
      (await Promise.all(ids.map((id) => a.get(id)))).every((job) => job?.state === 'done'),
    );
    stop.abort();
    await Promise.all(workers);
    for (const person of world.people) expect(world.accepted.get(person.id)).toBe(1);
    const runs = [...loggerA.events, ...loggerB.events].filter((e) => e.event === 'bulk job running');
    expect(runs.map((e) => e.fields.jobId).sort()).toEqual([...ids].sort());
  });
});

describe('ImportJobs: a process that stalls past the job lease', () => {
  let world: BulkWorld;
  beforeAll(async () => {
    world = await startBulkWorld(12);
  });
  afterAll(() => world.stop());

  it('lets the run go when the lease ran out, and runToEnd takes the job up again and finishes it', async () => {
    const logger = recordingLogger();
    let prepared = 0;
    let stalled = false;
    const jobs = world.jobs({
      logger,
      leaseMs: 1_000,
      // One person at a time, so that people are still waiting when the run notices its lease is gone.
      concurrency: 1,
      preparer: {
        run: (bytes) => {
          prepared += 1;
          if (prepared === 2) {
            // A thread held far past the lease (a long synchronous task, a starved machine): no renewal runs.
            stalled = true;
            const until = Date.now() + 2_000;
            while (Date.now() < until) {
              // busy, as a blocked event loop is
            }
          }
          return preparePhoto(bytes, { detectFaces: false });
        },
      },
    });
    const files: Record<string, Uint8Array> = {};
    for (const [i, person] of world.people.entries()) {
      files[`${person.userPrincipalName}.jpg`] = await jpeg(120, 120, 40 + i);
    }
    world.accepted.clear();
    const { job } = await jobs.plan({ source: sourceOf('twelve.zip', files), admin: ADMIN, origin: 'cli' });
    await jobs.start(job.id, ADMIN);
    const done = await jobs.runToEnd(job.id);
    expect(stalled).toBe(true);
    expect(logger.events.some((e) => e.event === 'bulk job lease lost')).toBe(true);
    expect(done).toMatchObject({ state: 'done', total: 12, done: 12, failed: 0 });
    for (const person of world.people) expect(world.accepted.get(person.id)).toBe(1);
  });
});

describe('ImportJobs: who may do what, and when', () => {
  let world: BulkWorld;
  beforeAll(async () => {
    world = await startBulkWorld(3);
  });
  afterAll(() => world.stop());
  beforeEach(() => {
    world.accepted.clear();
  });

  const planOne = async (jobs = world.jobs()) => {
    const files = {
      'bulk01@example.com.jpg': await jpeg(120, 120, 1),
      'bulk02@example.com.jpg': await jpeg(120, 120, 2),
    };
    return (await jobs.plan({ source: sourceOf('two.zip', files), admin: ADMIN, origin: 'chat' })).job;
  };

  it("tells anyone but the job's admin that there is no such job, and changes nothing", async () => {
    const jobs = world.jobs();
    const job = await planOne(jobs);
    const strangers = [
      { id: 'another-admin', tenantId: ADMIN.tenantId },
      { id: ADMIN.id, tenantId: 'another-tenant' },
    ];
    for (const who of strangers) {
      await expect(jobs.start(job.id, who)).rejects.toMatchObject({ code: 'JobNotFound' });
      await expect(jobs.cancel(job.id, who)).rejects.toMatchObject({ code: 'JobNotFound' });
      await expect(jobs.undo(job.id, who)).rejects.toMatchObject({ code: 'JobNotFound' });
    }
    expect((await jobs.get(job.id))?.state).toBe('planned');
    // Malformed ids never reach storage.
    await expect(jobs.start('../../etc', ADMIN)).rejects.toMatchObject({ code: 'JobNotFound' });
    expect(await jobs.get('ABC/../x')).toBeUndefined();
    expect(await jobs.items('nope')).toEqual([]);
  });

  it('lets an operator (the command line, as the app) act on any job', async () => {
    const job = await planOne();
    const app = { id: 'app-service-principal', tenantId: undefined };
    await expect(world.jobs().start(job.id, app)).rejects.toMatchObject({ code: 'JobNotFound' });
    const cli = world.jobs({ operatorIds: [app.id] });
    expect((await cli.start(job.id, app)).state).toBe('queued');
    expect(await cli.runToEnd(job.id)).toMatchObject({ state: 'done', done: 2 });
    // Undone by the operator, as the admin who made the changes.
    await cli.undo(job.id, app);
    expect(await cli.runToEnd(job.id)).toMatchObject({ state: 'undone', undone: 2 });
  });

  it('refuses a state change from the wrong state', async () => {
    const jobs = world.jobs();
    const job = await planOne(jobs);
    await expect(jobs.undo(job.id, ADMIN)).rejects.toMatchObject({ code: 'JobNotStartable' });
    await expect(jobs.runToEnd(job.id)).rejects.toMatchObject({ code: 'JobNotStartable' });
    await jobs.start(job.id, ADMIN);
    await expect(jobs.start(job.id, ADMIN)).rejects.toMatchObject({ code: 'JobNotStartable' });
    await expect(jobs.undo(job.id, ADMIN)).rejects.toMatchObject({ code: 'JobInProgress' });
    await jobs.runToEnd(job.id);
    await expect(jobs.start(job.id, ADMIN)).rejects.toMatchObject({ code: 'JobNotStartable' });
    await expect(jobs.cancel(job.id, ADMIN)).rejects.toMatchObject({ code: 'JobNotStartable' });
  });

  it('lets exactly one of two simultaneous Starts win, across instances, and queues the job once', async () => {
    const job = await planOne();
    const results = await Promise.allSettled([
      world.jobs().start(job.id, ADMIN),
      world.jobs().start(job.id, ADMIN),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['JobNotStartable', 'JobInProgress']).toContain((refused.reason as { code: string }).code);
    const runner = world.jobs();
    expect(await runner.runToEnd(job.id)).toMatchObject({ state: 'done' });
    expect(world.accepted.get(world.people[0]!.id)).toBe(1);
  });

  it('cancels a job that has not run: its files go, and a worker then drops its message without setting anyone', async () => {
    const jobs = world.jobs();
    const planned = await planOne(jobs);
    expect((await jobs.cancel(planned.id, ADMIN)).state).toBe('cancelled');
    expect(await world.storage.list(`admin-jobs/${planned.id}/files/`)).toEqual([]);
    await expect(jobs.start(planned.id, ADMIN)).rejects.toMatchObject({ code: 'JobNotStartable' });

    const queued = await planOne(jobs);
    await jobs.start(queued.id, ADMIN);
    expect((await jobs.cancel(queued.id, ADMIN)).state).toBe('cancelled');
    const stop = new AbortController();
    const working = jobs.work(stop.signal);
    await until(async () => (await world.storage.list('queues/photo-jobs/messages/')).length === 0);
    stop.abort();
    await working;
    expect(world.accepted.size).toBe(0);
    expect((await jobs.get(queued.id))?.state).toBe('cancelled');
  });

  it('refuses a plan that matched nobody, and lists jobs newest first with their progress card', async () => {
    let time = Date.UTC(2026, 0, 1);
    const jobs = world.jobs({ clock: () => (time += 1000) });
    await expect(
      jobs.plan({
        source: sourceOf('none.zip', { 'nobody.jpg': await jpeg(100, 100, 1) }),
        admin: ADMIN,
        origin: 'cli',
      }),
    ).rejects.toMatchObject({ code: 'NothingToImport' });
    const older = await planOne(jobs);
    const newer = await planOne(jobs);
    const listed = (await jobs.list()).map((job) => job.id);
    expect(listed.indexOf(newer.id)).toBeLessThan(listed.indexOf(older.id));
    const conversation = {
      reference: { conversation: { id: 'c1' } },
      locale: 'de-DE',
      progressActivityId: 'a1',
    };
    await jobs.setConversation(older.id, conversation);
    expect((await jobs.get(older.id))?.conversation).toEqual(conversation);
    await expect(jobs.setConversation('aaaaaaaaaa', conversation)).rejects.toMatchObject({
      code: 'JobNotFound',
    });
  });
});

describe('csvCell', () => {
  it('quotes by RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell('')).toBe('');
  });
});
