/**
 * `profile-photo import`, `jobs` and `undo --job`: the compiled CLI in local mode against the Graph emulator on
 * loopback, over a data folder whose directory holds generated people. A dry run changes and stores nothing; a
 * folder and a zip are imported (the photos Graph holds are the pipeline's JPEGs), reported and undone.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import { makeZip } from '../admin/import-fixtures.js';
import { startHarness, type Harness } from '../emulator/harness.js';
import { adminEnv, distinctJpeg, testPeople, writeDirectory } from '../helpers/admin-cli.js';
import { runCli } from '../helpers/cli.js';
import { photoAt } from '../helpers/emulator-photos.js';

const people = testPeople(12);

let harness: Harness;
let dataDir: string;
let work: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'profile-photo-import-'));
  work = await mkdtemp(path.join(tmpdir(), 'profile-photo-import-files-'));
  await writeDirectory(dataDir, people);
  harness = await startHarness({ dataDir });
});
afterAll(async () => {
  await harness.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

const env = (): NodeJS.ProcessEnv => adminEnv(dataDir, harness.emulator.port);
const person = (n: number) => people[n - 1] as (typeof people)[number];
const photoOf = (n: number) => photoAt(harness.emulator.url, harness.app(), `/users/${person(n).id}/photo`);
const writesOf = (n: number) => harness.emulator.photoWrites().get(`users/${person(n).id}/photo`) ?? 0;

/** A folder with photos of people 1-5 by user principal name, a stranger's photo, a text file and a fake one. */
async function photoFolder(): Promise<{ dir: string; photos: Map<number, Buffer> }> {
  const dir = path.join(work, 'photos');
  await mkdir(dir, { recursive: true });
  const photos = new Map<number, Buffer>();
  for (let n = 1; n <= 5; n++) {
    const bytes = await distinctJpeg(n);
    photos.set(n, bytes);
    await writeFile(path.join(dir, `${person(n).upn}.jpg`), bytes);
  }
  await writeFile(path.join(dir, 'stranger@example.com.jpg'), await distinctJpeg(99));
  await writeFile(path.join(dir, 'notes.txt'), 'not a photo');
  // Named for a person, but not an image: left out as unreadable.
  await writeFile(path.join(dir, `${person(10).upn}.jpg`), 'not a photo either');
  return { dir, photos };
}

async function expectPrepared(n: number, input: Buffer): Promise<void> {
  const stored = await photoOf(n);
  expect(stored).not.toBeNull();
  const expected = Buffer.from((await preparePhoto(input)).jpeg);
  expect(Buffer.compare(stored as Buffer, expected)).toBe(0);
}

describe('profile-photo import', () => {
  let folderJob = '';
  let folder: { dir: string; photos: Map<number, Buffer> };

  beforeAll(async () => {
    folder = await photoFolder();
  });

  it('--dry-run prints the plan and changes and stores nothing', async () => {
    const outcome = await runCli(['import', folder.dir, '--dry-run'], env());
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('photos: 5 matched, 2 unmatched, 0 ambiguous, 1 unreadable');
    expect(outcome.stdout).toContain(`${person(1).upn}.jpg -> ${person(1).upn}`);
    expect(outcome.stdout).toContain('unmatched: notes.txt, stranger@example.com.jpg');
    expect(outcome.stdout).toContain(`unreadable: ${person(10).upn}.jpg`);
    expect(outcome.stdout).toContain('Dry run: nothing changed.');
    expect(outcome.stdout).not.toMatch(/Job /);
    expect(harness.emulator.photoWrites().size).toBe(0);
    // No job, no kept file: the storage has nothing of it.
    const stored = await readdir(path.join(dataDir, 'storage')).catch(() => [] as string[]);
    expect(stored).not.toContain('admin-jobs');
    const jobs = await runCli(['jobs'], env());
    expect(jobs).toMatchObject({
      code: 0,
      stdout: 'No jobs yet. Start one with: profile-photo import <folder|zip>\n',
    });
  });

  it('imports a folder: the job id first, progress lines, every matched person set once, the report written', async () => {
    const report = path.join(work, 'report.csv');
    const outcome = await runCli(['import', folder.dir, '--report', report, '--concurrency', '2'], env());
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.trimEnd().split('\n');
    const jobLine = lines.findIndex((line) => /^Job \S+: setting 5 photos\./.test(line));
    const firstProgress = lines.findIndex((line) => line.startsWith('progress: '));
    expect(jobLine).toBeGreaterThan(0);
    expect(firstProgress).toBeGreaterThan(jobLine);
    folderJob = /^Job (\S+):/.exec(lines[jobLine] ?? '')?.[1] ?? '';
    expect(lines).toContainEqual(
      expect.stringMatching(/^progress: 5\/5 set \(100%\), 0 failed, \d+\/min, 0 s left$/),
    );
    expect(outcome.stdout).toContain(`Job ${folderJob} done: 5 set, 0 failed, 3 skipped.`);
    expect(outcome.stdout).toContain(`Report: ${report}`);

    for (const [n, bytes] of folder.photos) {
      await expectPrepared(n, bytes);
      expect(writesOf(n)).toBe(1);
    }
    const csv = (await readFile(report, 'utf8')).trimEnd().split(/\r?\n/);
    expect(csv[0]).toBe('person,file,result,reason,graphRequestId');
    expect(csv).toHaveLength(1 + 8);
    for (let n = 1; n <= 5; n++) {
      expect(csv).toContainEqual(
        expect.stringMatching(new RegExp(`^${person(n).upn},${person(n).upn}\\.jpg,set,,\\S+$`)),
      );
    }
    expect(csv).toContain(',stranger@example.com.jpg,skipped,unmatched,');
    expect(csv).toContain(',notes.txt,skipped,unmatched,');
    expect(csv).toContain(`,${person(10).upn}.jpg,skipped,not-an-image,`);
    // Only the report and the finished file are there: the temporary file was renamed.
    expect((await readdir(work)).filter((name) => name.includes('report'))).toEqual(['report.csv']);
  });

  it('imports a zip, with a mapping.csv naming people by mail', async () => {
    const zip = path.join(work, 'team.zip');
    const a = await distinctJpeg(6);
    const b = await distinctJpeg(7);
    await writeFile(
      zip,
      makeZip({
        [`${person(8).upn}.jpg`]: await distinctJpeg(8),
        'headshots/anna.jpg': a,
        'headshots/bo.jpg': b,
        'mapping.csv': new TextEncoder().encode(
          `file,mail\nheadshots/anna.jpg,${person(6).upn}\nheadshots/bo.jpg,${person(7).upn}\n`,
        ),
      }),
    );
    const outcome = await runCli(['import', zip], env());
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('team.zip: 3 matched, 0 unmatched, 0 ambiguous, 0 unreadable');
    expect(outcome.stdout).toMatch(/Job \S+ done: 3 set, 0 failed, 0 skipped\./);
    await expectPrepared(6, a);
    await expectPrepared(7, b);
    expect([writesOf(6), writesOf(7), writesOf(8)]).toEqual([1, 1, 1]);
  });

  it('lists the jobs, newest first, with their state and counts', async () => {
    const outcome = await runCli(['jobs'], env());
    expect(outcome.code).toBe(0);
    const [heading, newest, older] = outcome.stdout.trimEnd().split('\n');
    expect(heading).toMatch(/^ID\s+STATE\s+SOURCE\s+CREATED \(UTC\)\s+DONE\s+FAILED$/);
    expect(newest).toMatch(/^\S+\s+done\s+team\.zip\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+3\/3\s+0$/);
    expect(older).toMatch(new RegExp(`^${folderJob}\\s+done\\s+photos\\s+.+\\s+5/5\\s+0$`));
  });

  it('undoes the folder job: people who had no photo before have none again', async () => {
    const outcome = await runCli(['undo', '--job', folderJob], env());
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`Job ${folderJob} undone: 0 restored, 5 removed, 0 failed.`);
    for (let n = 1; n <= 5; n++) expect(await photoOf(n)).toBeNull();
    // The zip's people keep theirs.
    expect(await photoOf(6)).not.toBeNull();
    const again = await runCli(['undo', '--job', folderJob], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Job ${folderJob} undone: 0 restored, 5 removed, 0 failed.\n`);
  });

  it('refuses a folder where nothing matches, a job that does not exist, and bad options', async () => {
    const nobody = path.join(work, 'nobody');
    await mkdir(nobody);
    await writeFile(path.join(nobody, 'stranger@example.com.jpg'), await distinctJpeg(1));
    const nothing = await runCli(['import', nobody], env());
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/^NothingToImport: /);

    const unknown = await runCli(['undo', '--job', 'no-such-job'], env());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^JobNotFound: /);
    const resume = await runCli(['import', '--resume', 'no-such-job'], env());
    expect(resume.code).toBe(1);
    expect(resume.stderr).toMatch(/^JobNotFound: /);

    for (const args of [
      ['import'],
      ['import', folder.dir, '--concurrency', '0'],
      ['import', folder.dir, '--concurrency', '17'],
      ['import', folder.dir, '--dry-run', '--report', 'x.csv'],
      ['import', '--resume', 'x', folder.dir],
      ['undo'],
      ['jobs', 'extra'],
    ]) {
      const outcome = await runCli(args, env());
      expect({ args, code: outcome.code }).toEqual({ args, code: 2 });
    }
    expect(harness.emulator.photoWrites().get(`users/${person(9).id}/photo`)).toBeUndefined();
  });
});
