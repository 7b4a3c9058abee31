import { appendFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EntryReadError } from '../../src/admin/entry-read.js';
import { openFolder } from '../../src/admin/folder-source.js';
import { jpeg, limits, makeZip, noise } from './import-fixtures.js';

describe('openFolder', () => {
  let scratch: string;
  let count = 0;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'folder-source-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /** A new folder holding `files` (relative names, `/`-separated). */
  async function folder(files: Record<string, Uint8Array | string>): Promise<string> {
    const root = path.join(scratch, `photos-${++count}`);
    await mkdir(root);
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    return root;
  }

  it('lists files recursively with /-separated names, leaving out dot files, and reads them when asked', async () => {
    const photo = await jpeg(1);
    const root = await folder({
      'jane@contoso.com.jpg': photo,
      'team/sam.jpg': await jpeg(2),
      '.DS_Store': 'finder',
      '.git/config': 'x',
      'team/._sam.jpg': 'resource fork',
    });
    const source = await openFolder(root, limits());
    expect(source.name).toBe(path.basename(root));
    expect(source.entries.map((entry) => entry.name)).toEqual(['jane@contoso.com.jpg', 'team/sam.jpg']);
    expect(source.skipped).toEqual([]);
    await expect(source.entries[0]?.read()).resolves.toEqual(photo);
  });

  it('reports links without following them, and nested zips without opening them', async () => {
    const outside = await folder({ 'secret.jpg': await jpeg(3) });
    const root = await folder({
      'a.jpg': await jpeg(),
      'more/inner.zip': makeZip({ 'b.jpg': await jpeg() }),
    });
    await symlink(path.join(outside, 'secret.jpg'), path.join(root, 'link.jpg'));
    await symlink(outside, path.join(root, 'linked-folder'));
    execFileSync('mkfifo', [path.join(root, 'pipe.jpg')]);
    const source = await openFolder(root, limits());
    expect(source.entries.map((entry) => entry.name)).toEqual(['a.jpg']);
    expect(source.skipped).toEqual([
      { file: 'link.jpg', reason: 'link' },
      { file: 'linked-folder', reason: 'link' },
      { file: 'more/inner.zip', reason: 'nested-zip' },
      { file: 'pipe.jpg', reason: 'link' },
    ]);
  });

  it('reports names with control characters as unsafe', async () => {
    const root = await folder({ 'bad\nname.jpg': await jpeg(), 'ok.jpg': await jpeg() });
    const source = await openFolder(root, limits());
    expect(source.entries.map((entry) => entry.name)).toEqual(['ok.jpg']);
    expect(source.skipped).toEqual([{ file: 'bad\uFFFDname.jpg', reason: 'unsafe-name' }]);
  });

  it('refuses more files and folders than maxEntries', async () => {
    const root = await folder({ 'a.jpg': 'a', 'b/c.jpg': 'c' });
    await expect(openFolder(root, limits({ maxEntries: 3 }))).resolves.toBeDefined();
    await expect(openFolder(root, limits({ maxEntries: 2 }))).rejects.toMatchObject({
      code: 'ZipTooManyEntries',
    });
  });

  it('refuses more bytes together than maxUncompressedBytes', async () => {
    const root = await folder({ 'a.bin': noise(1000), 'b/c.bin': noise(1000) });
    await expect(openFolder(root, limits({ maxUncompressedBytes: 2000 }))).resolves.toBeDefined();
    await expect(openFolder(root, limits({ maxUncompressedBytes: 1999 }))).rejects.toMatchObject({
      code: 'ZipTooMuchData',
    });
  });

  it('skips files larger than maxEntryBytes as unreadable', async () => {
    const root = await folder({ 'big.jpg': noise(2000), 'ok.jpg': noise(1999) });
    const source = await openFolder(root, limits({ maxEntryBytes: 1999 }));
    expect(source.entries.map((entry) => entry.name)).toEqual(['ok.jpg']);
    expect(source.skipped).toEqual([{ file: 'big.jpg', reason: 'unreadable' }]);
  });

  it('reads no more than a file held when it was listed, and refuses a file replaced by a link', async () => {
    const root = await folder({ 'grows.jpg': noise(1000), 'swapped.jpg': noise(1000) });
    const source = await openFolder(root, limits());
    await appendFile(path.join(root, 'grows.jpg'), noise(10));
    await rm(path.join(root, 'swapped.jpg'));
    const outside = await folder({ 'secret.jpg': noise(1000) });
    await symlink(path.join(outside, 'secret.jpg'), path.join(root, 'swapped.jpg'));
    await expect(source.entries[0]?.read()).rejects.toBeInstanceOf(EntryReadError);
    await expect(source.entries[1]?.read()).rejects.toBeInstanceOf(EntryReadError);
  });

  it('offers mapping.csv at the root apart from the entries', async () => {
    const root = await folder({ 'mapping.csv': 'file,user\njane.jpg,jane@contoso.com\n', 'jane.jpg': 'x' });
    const source = await openFolder(root, limits());
    expect(source.mapping).toBe('file,user\njane.jpg,jane@contoso.com\n');
    expect(source.entries.map((entry) => entry.name)).toEqual(['jane.jpg']);
  });

  it('refuses a path that is not a folder', async () => {
    const root = await folder({ 'a.jpg': 'a' });
    await expect(openFolder(path.join(root, 'a.jpg'), limits())).rejects.toMatchObject({
      code: 'InputNotReadable',
    });
    await expect(openFolder(path.join(root, 'missing'), limits())).rejects.toMatchObject({
      code: 'InputNotReadable',
    });
  });
});
