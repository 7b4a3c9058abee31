/**
 * The bulk import end to end, the compiled CLI against the Graph emulator with Graph's troubles injected:
 * - a zip of 200 photos while the emulator answers a share of photo requests with 429 (`Retry-After`) and 503 and
 *   throttles photo writes to 4 at once: every matched person set exactly once (the emulator's write counter), each
 *   photo the pipeline's JPEG of that person's file, the report right, and the batch undo byte-exact (a person who
 *   had no photo before has none again);
 * - the import killed (SIGKILL) in the middle and resumed: it finishes, and nobody is set twice.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import { makeZip } from '../admin/import-fixtures.js';
import { startHarness, type Harness } from '../emulator/harness.js';
import {
  adminEnv,
  distinctJpeg,
  startCli,
  testPeople,
  writeDirectory,
  type TestPerson,
} from '../helpers/admin-cli.js';
import { runCli } from '../helpers/cli.js';
import { photoAt, putPhotoAt } from '../helpers/emulator-photos.js';

/** A zip of one photo per person, named by user principal name, plus `extra` files. */
function zipOf(
  people: readonly TestPerson[],
  photos: ReadonlyMap<string, Buffer>,
  extra: Record<string, Uint8Array> = {},
): Uint8Array {
  const files: Record<string, Uint8Array> = { ...extra };
  for (const person of people) files[`${person.upn}.jpg`] = photos.get(person.id) as Buffer;
  return makeZip(files);
}

/** A person's photo (or null), asked again while the emulator answers 429 or 503 as it was told to. */
async function steadyPhoto(harness: Harness, person: TestPerson): Promise<Buffer | null> {
  for (;;) {
    const response = await fetch(`${harness.emulator.url}/v1.0/users/${person.id}/photo/$value`, {
      headers: { authorization: `Bearer ${harness.app()}` },
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status === 200) return body;
    if (response.status === 404) return null;
    if (response.status !== 429 && response.status !== 503) throw new Error(`HTTP ${response.status}`);
  }
}

async function photosFor(people: readonly TestPerson[], offset = 0): Promise<Map<string, Buffer>> {
  const photos = new Map<string, Buffer>();
  for (const [i, person] of people.entries()) photos.set(person.id, await distinctJpeg(offset + i + 1));
  return photos;
}

describe('a zip of 200 photos against a throttling, flaky Graph', () => {
  const people = testPeople(200);
  let dataDir: string;
  let harness: Harness;
  let photos: Map<string, Buffer>;
  /** The photos odd-numbered people had before the import; even-numbered people had none. */
  const before = new Map<string, Buffer>();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'profile-photo-bulk-'));
    await writeDirectory(dataDir, people);
    // Earlier photos are put while Graph behaves; the photos stay on disk for the emulator started after.
    const calm = await startHarness({ dataDir });
    for (const [i, person] of people.entries()) {
      if (i % 2 !== 0) continue;
      const earlier = await distinctJpeg(1000 + i);
      before.set(person.id, earlier);
      await putPhotoAt(calm.emulator.url, calm.app(), `/users/${person.id}/photo`, earlier);
    }
    await calm.stop();
    harness = await startHarness({
      dataDir,
      faults: {
        throttleRate: 0.08,
        unavailableRate: 0.05,
        retryAfterSeconds: 1,
        photoRoutesOnly: true,
        maxConcurrentWrites: 4,
      },
    });
    photos = await photosFor(people);
  });
  afterAll(async () => {
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sets every matched person exactly once, reports it, and the batch undo puts back exactly what was there', async () => {
    const zip = path.join(dataDir, 'organisation.zip');
    const strangers = {
      'stranger1@example.com.jpg': await distinctJpeg(900),
      'readme.txt': new Uint8Array(8),
    };
    await writeFile(zip, zipOf(people, photos, strangers));
    const report = path.join(dataDir, 'report.csv');
    const env = adminEnv(dataDir, harness.emulator.port);

    // More people at once than Graph takes writes: the emulator's write throttle answers the rest with 429.
    const run = await runCli(['import', zip, '--concurrency', '6', '--report', report], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('organisation.zip: 200 matched, 2 unmatched, 0 ambiguous, 0 unreadable');
    const jobId = /^Job (\S+): setting 200 photos\./m.exec(run.stdout)?.[1] ?? '';
    expect(run.stdout).toContain(`Job ${jobId} done: 200 set, 0 failed, 2 skipped.`);

    const writes = harness.emulator.photoWrites();
    for (const person of people) expect(writes.get(`users/${person.id}/photo`)).toBe(1);
    expect([...writes.values()].reduce((sum, count) => sum + count, 0)).toBe(200);
    for (const person of people) {
      const stored = await steadyPhoto(harness, person);
      const expected = Buffer.from((await preparePhoto(photos.get(person.id) as Buffer)).jpeg);
      expect(stored?.equals(expected)).toBe(true);
    }

    const lines = (await readFile(report, 'utf8')).trimEnd().split(/\r?\n/);
    expect(lines[0]).toBe('person,file,result,reason,graphRequestId');
    expect(lines).toHaveLength(1 + 202);
    for (const person of people) {
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^${person.upn},${person.upn}\\.jpg,set,,[\\w-]+$`)),
      );
    }
    expect(lines).toContain(',stranger1@example.com.jpg,skipped,unmatched,');
    expect(lines).toContain(',readme.txt,skipped,unmatched,');

    const undo = await runCli(['undo', '--job', jobId], env);
    expect(undo.stderr).toBe('');
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain(`Job ${jobId} undone: 100 restored, 100 removed, 0 failed.`);
    for (const person of people) {
      const now = await steadyPhoto(harness, person);
      const earlier = before.get(person.id);
      if (earlier === undefined) expect(now).toBeNull();
      else expect(now?.equals(earlier)).toBe(true);
    }
    // One write each to undo: nobody's photo was touched twice.
    for (const person of people)
      expect(harness.emulator.photoWrites().get(`users/${person.id}/photo`)).toBe(2);
  }, 180_000);
});

describe('an import killed in the middle', () => {
  const people = testPeople(60, 'member');
  let dataDir: string;
  let harness: Harness;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'profile-photo-resume-'));
    await writeDirectory(dataDir, people);
    // Slow enough that the kill lands in the middle of the job.
    harness = await startHarness({ dataDir, faults: { latencyMs: 60, maxConcurrentWrites: 4 } });
  });
  afterAll(async () => {
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('resumes where it stopped with import --resume, and sets nobody twice', async () => {
    const photos = await photosFor(people, 500);
    const zip = path.join(dataDir, 'members.zip');
    await writeFile(zip, zipOf(people, photos));
    // A short job lease: the killed run's lease runs out soon, so the resumed run need not wait a minute.
    const env = adminEnv(dataDir, harness.emulator.port, { JOB_LEASE_SECONDS: '5' });

    const first = startCli(['import', zip, '--concurrency', '2'], env);
    const [, jobId] = await first.waitForLine(/^Job (\S+): setting 60 photos\./);
    await first.waitForLine(/^progress: (1[2-9]|[2-5]\d)\/60 set/);
    first.child.kill('SIGKILL');
    expect((await first.ended).signal).toBe('SIGKILL');
    const setBefore = harness.emulator.photoWrites().size;
    expect(setBefore).toBeGreaterThanOrEqual(12);
    expect(setBefore).toBeLessThan(60);

    const listed = await runCli(['jobs'], env);
    expect(listed.stdout).toMatch(new RegExp(`^${jobId}\\s+running\\s+members\\.zip\\s`, 'm'));

    const resumed = await runCli(['import', '--resume', jobId as string], env);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`Job ${jobId}: resuming (members.zip).`);
    expect(resumed.stdout).toContain(`Job ${jobId} done: 60 set, 0 failed, 0 skipped.`);

    const writes = harness.emulator.photoWrites();
    for (const person of people) expect(writes.get(`users/${person.id}/photo`)).toBe(1);
    for (const person of people) {
      const stored = await photoAt(harness.emulator.url, harness.app(), `/users/${person.id}/photo`);
      const expected = Buffer.from((await preparePhoto(photos.get(person.id) as Buffer)).jpeg);
      expect(stored?.equals(expected)).toBe(true);
    }
    // Resuming a job that is done just reports it again.
    const again = await runCli(['import', '--resume', jobId as string], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Job ${jobId}: already done (members.zip).`);
    expect(harness.emulator.photoWrites()).toEqual(writes);
  }, 180_000);
});
