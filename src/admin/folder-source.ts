/**
 * Opens a folder of photos for a bulk import from the command line, with the same rules as a zip: caps on the
 * number of files and their total bytes, links (and other special files) reported and never followed, nested zips
 * reported, dot files left out, `mapping.csv` at the root read separately. Files are read only when the plan asks.
 */
import { constants } from 'node:fs';
import { lstat, open, opendir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';
import type { ImportEntry, ImportLimits, SkippedFile } from './admin-contracts.js';
import { isIgnoredName, isMappingName, isUnsafeName, isZipName, shownName } from './entry-names.js';
import { EntryReadError, readAtMost } from './entry-read.js';
import type { ZipImport } from './zip-source.js';

/**
 * Lists the folder `dir` (recursively; symbolic links are reported as `link`, not followed).
 *
 * Throws AppError `InputNotReadable` when `dir` is not a readable folder, `ZipTooManyEntries` when it holds more than
 * `maxEntries` files and folders, `ZipTooMuchData` when its files hold more than `maxUncompressedBytes` together.
 * Files over `maxEntryBytes` are skipped as `unreadable`. Names are relative to `dir`, with `/` separators.
 */
export async function openFolder(dir: string, limits: ImportLimits): Promise<ZipImport> {
  const root = path.resolve(dir);
  const info = await lstat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new AppError('InputNotReadable', 'not a folder');

  const entries: ImportEntry[] = [];
  const skipped: SkippedFile[] = [];
  let mapping: string | undefined;
  let count = 0;
  let total = 0;

  const walk = async (relative: string): Promise<void> => {
    const children: string[] = [];
    try {
      for await (const child of await opendir(path.join(root, relative))) children.push(child.name);
    } catch (error) {
      throw new AppError('InputNotReadable', 'a folder cannot be listed', { cause: error });
    }
    children.sort();
    for (const child of children) {
      count += 1;
      if (count > limits.maxEntries) {
        throw new AppError('ZipTooManyEntries', `more than ${limits.maxEntries} entries`);
      }
      const name = relative === '' ? child : `${relative}/${child}`;
      if (isUnsafeName(name)) {
        skipped.push({ file: shownName(name), reason: 'unsafe-name' });
        continue;
      }
      if (isIgnoredName(name)) continue;
      const full = path.join(root, name);
      // lstat, not stat: a link is reported for what it is and never followed.
      const stats = await lstat(full).catch(() => undefined);
      if (stats === undefined) {
        skipped.push({ file: name, reason: 'unreadable' });
        continue;
      }
      if (stats.isDirectory()) {
        await walk(name);
        continue;
      }
      if (!stats.isFile()) {
        skipped.push({ file: name, reason: 'link' });
        continue;
      }
      total += stats.size;
      if (total > limits.maxUncompressedBytes) {
        throw new AppError('ZipTooMuchData', `over ${limits.maxUncompressedBytes} bytes`);
      }
      if (isZipName(name)) {
        skipped.push({ file: name, reason: 'nested-zip' });
        continue;
      }
      if (stats.size > limits.maxEntryBytes) {
        skipped.push({ file: name, reason: 'unreadable' });
        continue;
      }
      const limit = stats.size;
      if (relative === '' && isMappingName(name) && mapping === undefined) {
        try {
          mapping = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(full, limit));
        } catch {
          skipped.push({ file: name, reason: 'unreadable' });
        }
        continue;
      }
      entries.push({ name, size: stats.size, read: () => readFile(full, limit) });
    }
  };
  await walk('');
  const name = path.basename(root);
  return mapping === undefined ? { name, entries, skipped } : { name, entries, skipped, mapping };
}

/**
 * Reads a listed file, at most the size it had when listed. `O_NOFOLLOW` and the check on the open handle refuse
 * a file that was replaced by a link or a special file since (`O_NONBLOCK` so that opening a FIFO cannot hang).
 */
async function readFile(full: string, limit: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    throw new EntryReadError('the file cannot be opened', { cause: error });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new EntryReadError('no longer a regular file');
    return await readAtMost(handle.createReadStream({ autoClose: false }), limit);
  } finally {
    await handle.close();
  }
}
