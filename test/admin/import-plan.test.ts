import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8 } from 'fflate';
import type { ImportEntry, ImportSource } from '../../src/admin/admin-contracts.js';
import { openFolder } from '../../src/admin/folder-source.js';
import { EntryReadError } from '../../src/admin/entry-read.js';
import { importFileKey, planImport } from '../../src/admin/import-plan.js';
import { openZip } from '../../src/admin/zip-source.js';
import { FsStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/storage.js';
import { entryData, jpeg, limits, makeZip, person, png, unixMode } from './import-fixtures.js';

const jane = person('jane@contoso.com');
const bob = person('bob@contoso.com', { employeeId: 'E200' });
const carl = person('carl@contoso.com');
const dana = person('dana@contoso.com');
const erin = person('erin@contoso.com');
const gus = person('gus@contoso.com');
const sam1 = person('sam@contoso.com', { mailNickname: 'sam' });
const sam2 = person('samuel@contoso.com', { mailNickname: 'sam' });
const people = [jane, bob, carl, dana, erin, gus, sam1, sam2];

/** Every file under `folder`, relative, sorted. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('planImport', () => {
  let scratch: string;
  let count = 0;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'import-plan-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /** A new store in `<scratch>/case-N/store`; its parent shows whether anything landed beside it. */
  async function newStore(): Promise<{ storage: FsStorage; caseDir: string }> {
    const caseDir = path.join(scratch, `case-${++count}`);
    await mkdir(caseDir);
    return { storage: new FsStorage({ root: path.join(caseDir, 'store'), durable: false }), caseDir };
  }

  it('matches, checks and keeps each file under a numbered key, and says why the others are left out', async () => {
    const janePhoto = await jpeg(1);
    const bobPhoto = await png(2);
    const zip = Buffer.from(
      makeZip({
        'jane@contoso.com.jpg': janePhoto, // 0
        'photos/E200.png': bobPhoto, // 1
        'nobody.jpg': await jpeg(3), // 2
        'sam.jpg': await jpeg(4), // 3
        'carl.jpg': strToU8('I am text, not a photo'), // 4
        'dana.jpg': makeZip({ 'inner.jpg': await jpeg(5) }), // 5
        'erin.jpg': await jpeg(6), // 6
        'erin@contoso.com.png': await png(7), // 7
        'erin.txt': strToU8('notes about Erin'), // 8
        'gus.jpg': await jpeg(8), // 9
        '../jane.jpg': await jpeg(9),
        'link.jpg': [strToU8('/etc/passwd'), unixMode(0o120777)],
        'x.zip': makeZip({ 'a.jpg': await jpeg(10) }),
      }),
    );
    // gus.jpg's compressed data is garbage: that one file is unreadable.
    const { start, length } = entryData(zip, 9);
    zip.fill(0xff, start, start + length);
    const source = await openZip(zip, 'team.zip', limits());
    const { storage, caseDir } = await newStore();

    const plan = await planImport({ source, people, storage, jobId: 'job-1' });

    expect(plan.matched).toEqual([
      {
        file: 'jane@contoso.com.jpg',
        person: jane,
        key: 'admin-jobs/job-1/files/00000',
        bytes: janePhoto.length,
      },
      { file: 'photos/E200.png', person: bob, key: 'admin-jobs/job-1/files/00001', bytes: bobPhoto.length },
    ]);
    expect(plan.skipped).toEqual([
      { file: '../jane.jpg', reason: 'unsafe-name' },
      { file: 'link.jpg', reason: 'link' },
      { file: 'x.zip', reason: 'nested-zip' },
      { file: 'nobody.jpg', reason: 'unmatched' },
      { file: 'sam.jpg', reason: 'ambiguous', candidates: ['sam@contoso.com', 'samuel@contoso.com'] },
      { file: 'carl.jpg', reason: 'not-an-image' },
      { file: 'dana.jpg', reason: 'nested-zip' },
      { file: 'erin.jpg', reason: 'duplicate-person', candidates: ['erin@contoso.com'] },
      { file: 'erin@contoso.com.png', reason: 'duplicate-person', candidates: ['erin@contoso.com'] },
      { file: 'erin.txt', reason: 'not-an-image' },
      { file: 'gus.jpg', reason: 'unreadable' },
    ]);

    // Only the matched files are kept (the duplicates' bytes were deleted again), byte for byte, as images.
    expect(await storage.list('')).toEqual(['admin-jobs/job-1/files/00000', 'admin-jobs/job-1/files/00001']);
    expect(await storage.get('admin-jobs/job-1/files/00000')).toMatchObject({
      value: janePhoto,
      contentType: 'image/jpeg',
    });
    expect((await storage.get('admin-jobs/job-1/files/00001'))?.value).toEqual(bobPhoto);
    // Nothing on disk carries an entry's name, inside the store or beside it.
    // (FsStorage marks its item files with a "#" suffix.)
    const onDisk = await filesUnder(caseDir);
    expect(onDisk.map((file) => file.replace(/#$/, ''))).toEqual([
      'store/admin-jobs/job-1/files/00000',
      'store/admin-jobs/job-1/files/00001',
    ]);
  });

  it('follows mapping.csv for the files it names, and file names for the rest', async () => {
    const mapping = [
      'file,user',
      '"Doe, Jane.jpg",jane@contoso.com', // a name with a comma
      'bob.jpg,carl@contoso.com', // the mapping wins over the name
      `IMG_0003.jpg,${dana.id}`, // by object id, matched by base name
      'IMG_0004.jpg,somebody@contoso.com', // nobody: not matched by name either
      'IMG_0005.jpg,', // a row it cannot use
    ].join('\r\n');
    const zip = makeZip({
      'mapping.csv': strToU8(`\uFEFF${mapping}`),
      'Doe, Jane.jpg': await jpeg(1),
      'bob.jpg': await jpeg(2),
      'photos/IMG_0003.jpg': await jpeg(3),
      'IMG_0004.jpg': await jpeg(4),
      'erin.jpg': await jpeg(5),
    });
    const source = await openZip(zip, 'z.zip', limits());
    const { storage } = await newStore();
    const plan = await planImport({ source, people, storage, jobId: 'job-2' });
    expect(plan.matched.map((photo) => [photo.file, photo.person.userPrincipalName, photo.key])).toEqual([
      ['Doe, Jane.jpg', 'jane@contoso.com', 'admin-jobs/job-2/files/00000'],
      ['bob.jpg', 'carl@contoso.com', 'admin-jobs/job-2/files/00001'],
      ['photos/IMG_0003.jpg', 'dana@contoso.com', 'admin-jobs/job-2/files/00002'],
      ['erin.jpg', 'erin@contoso.com', 'admin-jobs/job-2/files/00004'],
    ]);
    expect(plan.skipped).toEqual([
      { file: 'mapping.csv:6', reason: 'unreadable' },
      { file: 'IMG_0004.jpg', reason: 'unmatched' },
    ]);
  });

  it('plans a folder the same way, links and nested zips reported', async () => {
    const root = path.join(scratch, `folder-${++count}`);
    await mkdir(root);
    await writeFile(path.join(root, 'jane.jpg'), await jpeg(1));
    await writeFile(path.join(root, 'bob.zip'), makeZip({ 'bob.jpg': await jpeg(2) }));
    await symlink(path.join(root, 'jane.jpg'), path.join(root, 'carl.jpg'));
    const { storage } = await newStore();
    const plan = await planImport({ source: await openFolder(root, limits()), people, storage, jobId: 'j' });
    expect(plan.matched.map((photo) => photo.file)).toEqual(['jane.jpg']);
    expect(plan.skipped).toEqual([
      { file: 'bob.zip', reason: 'nested-zip' },
      { file: 'carl.jpg', reason: 'link' },
    ]);
  });

  it('reads at most four files at once', async () => {
    const photo = await jpeg();
    let reading = 0;
    let most = 0;
    const entries: ImportEntry[] = people.slice(0, 6).map((who) => ({
      name: `${who.userPrincipalName}.jpg`,
      size: photo.length,
      read: async () => {
        reading += 1;
        most = Math.max(most, reading);
        await new Promise((resolve) => setImmediate(resolve));
        reading -= 1;
        return photo;
      },
    }));
    const source: ImportSource = { name: 's', entries, skipped: [] };
    const { storage } = await newStore();
    const plan = await planImport({ source, people, storage, jobId: 'job-3' });
    expect(plan.matched).toHaveLength(6);
    expect(most).toBe(4);
  });

  it('refuses a job id that is not one key segment before reading anything', async () => {
    let reads = 0;
    const entry = (name: string): ImportEntry => ({
      name,
      size: 1,
      read: () => {
        reads += 1;
        return Promise.resolve(new Uint8Array(1));
      },
    });
    const { storage, caseDir } = await newStore();
    for (const entries of [[entry('jane.jpg')], [entry('nobody.jpg')]]) {
      await expect(
        planImport({ source: { name: 's', entries, skipped: [] }, people, storage, jobId: '../x' }),
      ).rejects.toMatchObject({ code: 'InvalidStorageKey' });
    }
    expect(reads).toBe(0);
    expect(await filesUnder(caseDir)).toEqual([]);
  });

  it('deletes what it kept when storage fails, and rejects', async () => {
    const { storage } = await newStore();
    let puts = 0;
    const failing: Storage = Object.assign(Object.create(storage) as Storage, {
      put: (key: string, value: Uint8Array, options?: { contentType?: string }) => {
        puts += 1;
        return puts === 3 ? Promise.reject(new Error('disk full')) : storage.put(key, value, options);
      },
    });
    const photo = await jpeg();
    const entries = people.slice(0, 5).map((who) => ({
      name: `${who.userPrincipalName}.jpg`,
      size: photo.length,
      read: () => Promise.resolve(photo),
    }));
    await expect(
      planImport({ source: { name: 's', entries, skipped: [] }, people, storage: failing, jobId: 'job-4' }),
    ).rejects.toThrow('disk full');
    expect(await storage.list('')).toEqual([]);
  });

  it('treats an entry that fails to read as unreadable, and any other failure as a bug', async () => {
    const { storage } = await newStore();
    const unreadable: ImportEntry = {
      name: 'jane.jpg',
      size: 1,
      read: () => Promise.reject(new EntryReadError('corrupt')),
    };
    const plan = await planImport({
      source: { name: 's', entries: [unreadable], skipped: [] },
      people,
      storage,
      jobId: 'job-5',
    });
    expect(plan).toEqual({ matched: [], skipped: [{ file: 'jane.jpg', reason: 'unreadable' }] });
    const broken: ImportEntry = { ...unreadable, read: () => Promise.reject(new TypeError('bug')) };
    await expect(
      planImport({ source: { name: 's', entries: [broken], skipped: [] }, people, storage, jobId: 'job-5' }),
    ).rejects.toThrow('bug');
  });

  it('exposes the key scheme', () => {
    expect(importFileKey('job-9', 42)).toBe('admin-jobs/job-9/files/00042');
  });
});
