/**
 * Opens a zip an admin sent for a bulk import, safely: caps on its size, its entry count and its total uncompressed
 * bytes, a compression-ratio (zip bomb) guard, and per-entry refusals (unsafe names, links, nested zips, entries
 * over the size of a photo) that leave the rest of the zip usable. Reading is lazy and in memory: nothing is ever
 * written to disk, let alone under an entry's own name.
 *
 * `yauzl` reads the zip (it trusts no single header: the central directory is read, local headers are checked
 * against it, inflated sizes are checked against the declared ones). Its own name checks are turned off
 * (`decodeStrings: false`) because they refuse the whole zip for one bad name; ours skip that entry instead.
 */
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../errors.js';
import type { ImportEntry, ImportLimits, ImportSource, SkipReason, SkippedFile } from './admin-contracts.js';
import {
  entryName,
  isFolderName,
  isIgnoredName,
  isMappingName,
  isUnsafeName,
  isZipName,
  shownName,
} from './entry-names.js';
import { EntryReadError, readAtMost } from './entry-read.js';

/** An import source with the text of its `mapping.csv`, when it has one at its root. */
export type ZipImport = ImportSource & {
  /** The root `mapping.csv`, decoded as UTF-8; it is not one of the entries. */
  readonly mapping?: string;
};

/**
 * Below this many uncompressed bytes an entry's ratio is not checked: a small text or a plain-coloured image
 * compresses far beyond any sane ratio and is harmless at that size.
 */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/**
 * Opens `bytes` as a zip named `name`.
 *
 * Refuses the whole zip with AppError `ZipTooLarge` (more than `maxBytes`, checked before parsing),
 * `ZipUnreadable` (not a zip, a corrupt central directory), `ZipTooManyEntries` (the central directory declares
 * more than `maxEntries`, checked before any entry is read), or `ZipTooMuchData` (declared uncompressed sizes add
 * up to more than `maxUncompressedBytes`, or one entry over {@link RATIO_FLOOR_BYTES} compresses more than
 * `maxRatio` : 1). Entries with an unsafe name, links and other special files, nested zips, and entries larger than
 * `maxEntryBytes` (or that cannot be decoded) are listed in `skipped`; folders, `__MACOSX/` and dot files are left
 * out silently. An entry's `read()` rejects with {@link EntryReadError} when its bytes are corrupt or more than
 * declared.
 */
export async function openZip(bytes: Uint8Array, name: string, limits: ImportLimits): Promise<ZipImport> {
  if (bytes.length > limits.maxBytes) {
    throw new AppError('ZipTooLarge', `${bytes.length} bytes, at most ${limits.maxBytes}`);
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      // Entries are read after listing, when the plan asks for them; closing a buffer-backed zip frees nothing.
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw new AppError('ZipUnreadable', 'no readable end of central directory', { cause: error });
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new AppError('ZipTooManyEntries', `${zip.entryCount} entries, at most ${limits.maxEntries}`);
  }
  try {
    const listed = await listEntries(zip, limits);
    return await classify(zip, listed, name, limits);
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** Every central directory entry, checking the declared totals and ratios as it goes. */
async function listEntries(zip: ZipFile, limits: ImportLimits): Promise<Entry[]> {
  const entries: Entry[] = [];
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (total > limits.maxUncompressedBytes) {
        throw new AppError('ZipTooMuchData', `over ${limits.maxUncompressedBytes} bytes uncompressed`);
      }
      if (isBomb(entry, limits.maxRatio)) {
        throw new AppError('ZipTooMuchData', `an entry compresses more than ${limits.maxRatio}:1`);
      }
      entries.push(entry);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('ZipUnreadable', 'corrupt central directory', { cause: error });
  }
  return entries;
}

function isBomb(entry: Entry, maxRatio: number): boolean {
  if (entry.uncompressedSize <= RATIO_FLOOR_BYTES) return false;
  // A zero compressed size with data behind it is the most extreme ratio of all.
  return entry.uncompressedSize / Math.max(entry.compressedSize, 1) > maxRatio;
}

async function classify(
  zip: ZipFile,
  listed: readonly Entry[],
  name: string,
  limits: ImportLimits,
): Promise<ZipImport> {
  const entries: ImportEntry[] = [];
  const skipped: SkippedFile[] = [];
  let mapping: string | undefined;
  const skip = (file: string, reason: SkipReason): void => {
    skipped.push({ file: shownName(file), reason });
  };
  for (const entry of listed) {
    // Strict here only means "keep backslashes as written", so that `a\..\b` is seen for what it is.
    const raw = yauzl.getFileNameLowLevel(
      entry.generalPurposeBitFlag,
      entry.fileNameRaw,
      entry.extraFields,
      true,
    );
    // Control bytes are checked in the raw name too: CP437 (the default encoding) decodes them as symbols.
    if (isUnsafeName(raw) || entry.fileNameRaw.some((byte) => byte < 0x20 || byte === 0x7f)) {
      skip(raw, 'unsafe-name');
      continue;
    }
    const type = fileType(entry);
    if (isFolderName(raw) || type === S_IFDIR || isIgnoredName(raw)) continue;
    if (type !== 0 && type !== S_IFREG) {
      skip(raw, 'link');
      continue;
    }
    if (isZipName(raw)) {
      skip(raw, 'nested-zip');
      continue;
    }
    const limit = Math.min(entry.uncompressedSize, limits.maxEntryBytes);
    if (!entry.canDecodeFileData() || entry.uncompressedSize > limits.maxEntryBytes) {
      skip(raw, 'unreadable');
      continue;
    }
    if (isMappingName(raw) && mapping === undefined) {
      try {
        mapping = decodeMapping(await readEntry(zip, entry, limit));
      } catch {
        // The admin's mapping cannot be used; files are matched by their names instead, and the report says why.
        skip(raw, 'unreadable');
      }
      continue;
    }
    entries.push({
      name: entryName(raw),
      size: entry.uncompressedSize,
      read: () => readEntry(zip, entry, limit),
    });
  }
  return mapping === undefined ? { name, entries, skipped } : { name, entries, skipped, mapping };
}

/** The Unix file type from the external attributes (0 when the zip tool recorded none, as on Windows). */
function fileType(entry: Entry): number {
  return (entry.externalFileAttributes >>> 16) & S_IFMT;
}

/** One entry's bytes: at most `limit`, exactly the declared count, with the declared CRC-32 (yauzl checks none). */
async function readEntry(zip: ZipFile, entry: Entry, limit: number): Promise<Uint8Array> {
  let stream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw new EntryReadError('the entry cannot be opened', { cause: error });
  }
  // yauzl (validateEntrySizes) refuses a count other than the declared one; the cap here stops reading early too.
  const bytes = await readAtMost(stream, limit);
  if (crc32(bytes) !== entry.crc32) throw new EntryReadError('checksum mismatch');
  return bytes;
}

function decodeMapping(bytes: Uint8Array): string {
  // Fatal: a mapping saved in a legacy code page would otherwise match nobody, silently.
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
