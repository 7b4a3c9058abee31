/**
 * {@link Storage} on the local file system: the default, embedded store under `DATA_DIR`.
 *
 * Layout: a key's segments are folders, and its item is one file named after the last segment plus `#`
 * (`backups/changes/abc` → `<root>/backups/changes/abc#`). `#` is outside the key alphabet, so a key (`a/b`) and a
 * folder of other keys (`a/b/c`) never collide, and working files (`abc#tmp.<random>` and the like) can never be
 * mistaken for items. Each file holds one JSON header line (content type, expiry) and then the bytes, so an item
 * and its metadata change together in one rename.
 *
 * Safety:
 * - Writes go to a temporary file in the same folder, are flushed, then renamed over the item: readers, in this
 *   process or another, see the old bytes or the new, never a torn file.
 * - Calls for one key inside this instance are serialised by a per-key mutex, so they take effect in call order.
 * - Create-if-absent hard-links a complete temporary file to the item's name: `link` fails if the name exists, so
 *   of any number of creators, in any number of processes, exactly one wins.
 * - Take renames the item to a private name first: only one renamer can succeed.
 * - An expired item is reclaimed (removed, so `link` can decide again) by one process at a time, under an
 *   exclusive lock file. Its one gap: a `put` racing with the reclaim of the same expired key, in another process,
 *   may be lost as if a create had come after it. Deployments with several instances use {@link BlobStorage}.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { KeyedMutex, mapLimited } from './concurrency.js';
import {
  type Clock,
  type PutOptions,
  type Storage,
  type StoredItem,
  CorruptStoredItemError,
  DEFAULT_CONTENT_TYPE,
  StorageContentionError,
  isExpired,
  validateKey,
  validatePrefix,
  validatePut,
} from './storage.js';

/** Options of {@link FsStorage}. */
export interface FsStorageOptions {
  /** The folder holding the store; created when missing. The app passes `<DATA_DIR>/storage`. */
  readonly root: string;
  /** The clock expiry is judged by (default `Date.now`). */
  readonly now?: Clock;
  /**
   * Flush each file to disk before it is renamed into place (default true), so a power cut cannot leave an
   * empty item behind. Tests may turn it off for speed.
   */
  readonly durable?: boolean;
}

/** Marks item files; outside the key alphabet (see the module comment). */
const ITEM_MARK = '#';
/** Working files older than this are leftovers of a crash and `deleteExpired` removes them. */
const STALE_WORK_FILE_MS = 60 * 60 * 1000;
/** The header is one short JSON line; anything longer is not ours. */
const MAX_HEADER_BYTES = 1024;
const NEWLINE = 0x0a;
/** How often create-if-absent retries while other processes reclaim the same expired key. */
const ATTEMPTS = 50;
/** A reclaim lock older than this belongs to a crashed process (a reclaim takes milliseconds). */
const STALE_LOCK_MS = 10_000;

interface Header {
  readonly v: 1;
  readonly type: string;
  readonly exp?: number;
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  // ENOTDIR: a path component is a file, which for our layout only a stray file could cause: nothing is there.
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function uniqueSuffix(): string {
  return randomBytes(6).toString('hex');
}

function encode(value: Uint8Array, options: PutOptions | undefined): Uint8Array[] {
  const header: Header = {
    v: 1,
    type: options?.contentType ?? DEFAULT_CONTENT_TYPE,
    ...(options?.expiresAt === undefined ? {} : { exp: options.expiresAt }),
  };
  return [Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), value];
}

function parseHeader(bytes: Uint8Array, file: string): { header: Header; bodyStart: number } {
  const end = bytes.indexOf(NEWLINE);
  const where = `item file ${path.basename(file)}`;
  if (end < 0 || end > MAX_HEADER_BYTES) throw new CorruptStoredItemError(`${where} has no header`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('utf8'));
  } catch (error) {
    throw new CorruptStoredItemError(`${where} has an unreadable header`, { cause: error });
  }
  const header = parsed as Partial<Header> | null;
  if (
    header?.v !== 1 ||
    typeof header.type !== 'string' ||
    (header.exp !== undefined && !Number.isSafeInteger(header.exp))
  ) {
    throw new CorruptStoredItemError(`${where} has an unknown header`);
  }
  return { header: header as Header, bodyStart: end + 1 };
}

function toItem(bytes: Uint8Array, file: string): StoredItem {
  const { header, bodyStart } = parseHeader(bytes, file);
  const value = new Uint8Array(bytes.buffer, bytes.byteOffset + bodyStart, bytes.byteLength - bodyStart);
  return header.exp === undefined
    ? { value, contentType: header.type }
    : { value, contentType: header.type, expiresAt: header.exp };
}

/** The file-system store. One instance per process and root is the intended use. */
export class FsStorage implements Storage {
  /** The store's folder, absolute. */
  readonly root: string;
  private readonly now: Clock;
  private readonly durable: boolean;
  private readonly locks = new KeyedMutex();

  constructor(options: FsStorageOptions) {
    this.root = path.resolve(options.root);
    this.now = options.now ?? Date.now;
    this.durable = options.durable ?? true;
  }

  async get(key: string): Promise<StoredItem | undefined> {
    const file = this.fileOf(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const item = toItem(bytes, file);
    return isExpired(item.expiresAt, this.now()) ? undefined : item;
  }

  async put(key: string, value: Uint8Array, options?: PutOptions): Promise<void> {
    const file = this.fileOf(key);
    validatePut(value, options);
    await this.locks.run(key, async () => {
      const temp = await this.writeWorkFile(file, value, options);
      try {
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    });
  }

  async createIfAbsent(key: string, value: Uint8Array, options?: PutOptions): Promise<boolean> {
    const file = this.fileOf(key);
    validatePut(value, options);
    return this.locks.run(key, async () => {
      const temp = await this.writeWorkFile(file, value, options);
      try {
        for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
          try {
            await link(temp, file);
            return true;
          } catch (error) {
            if (errorCode(error) !== 'EEXIST') throw error;
          }
          const existing = await this.readHeader(file);
          if (existing === undefined) continue; // taken or deleted meanwhile: try again
          if (!isExpired(existing.exp, this.now())) return false;
          if ((await this.reclaimExpired(file)) === 'busy') await delay(Math.min(2 + attempt, 20));
        }
        throw new StorageContentionError('create-if-absent kept racing with other writers');
      } finally {
        await rm(temp, { force: true });
      }
    });
  }

  async delete(key: string): Promise<void> {
    const file = this.fileOf(key);
    await this.locks.run(key, () => rm(file, { force: true }));
  }

  async take(key: string): Promise<StoredItem | undefined> {
    const file = this.fileOf(key);
    return this.locks.run(key, async () => {
      const taken = `${file}take.${uniqueSuffix()}`;
      try {
        await rename(file, taken);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
      try {
        const item = toItem(await readFile(taken), file);
        return isExpired(item.expiresAt, this.now()) ? undefined : item;
      } finally {
        await rm(taken, { force: true });
      }
    });
  }

  async list(prefix: string): Promise<string[]> {
    const { items } = await this.scan(prefix);
    const now = this.now();
    const live = await mapLimited(items, 32, async ({ key, file }) => {
      const header = await this.readHeader(file);
      return header !== undefined && !isExpired(header.exp, now) ? key : undefined;
    });
    return live.filter((key): key is string => key !== undefined).sort();
  }

  async deleteExpired(prefix: string): Promise<number> {
    const { items, workFiles } = await this.scan(prefix);
    const staleBefore = Date.now() - STALE_WORK_FILE_MS; // file times are wall-clock, not the injected clock
    await mapLimited(workFiles, 32, async (file) => {
      try {
        if ((await stat(file)).mtimeMs < staleBefore) await rm(file, { force: true });
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    });
    const removed = await mapLimited(items, 32, async ({ key, file }) => {
      const header = await this.readHeader(file);
      if (header === undefined || !isExpired(header.exp, this.now())) return false;
      return this.locks.run(key, async () => (await this.reclaimExpired(file)) === 'removed');
    });
    return removed.filter(Boolean).length;
  }

  /** The item file of `key`, after validating it; asserts the result stays inside the root. */
  private fileOf(key: string): string {
    validateKey(key);
    const file = `${path.join(this.root, ...key.split('/'))}${ITEM_MARK}`;
    // The key rules already make this impossible; the check keeps it impossible if they are ever loosened.
    const relative = path.relative(this.root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative))
      throw new Error('storage key resolved outside the store');
    return file;
  }

  /** Writes a complete working file beside `file` and returns its path. */
  private async writeWorkFile(
    file: string,
    value: Uint8Array,
    options: PutOptions | undefined,
  ): Promise<string> {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}tmp.${uniqueSuffix()}`;
    const handle = await open(temp, 'wx');
    let written = false;
    try {
      // writeFile loops until every byte is written (writev may stop short); each call continues where the
      // previous one ended.
      for (const part of encode(value, options)) await handle.writeFile(part);
      if (this.durable) await handle.datasync();
      written = true;
    } finally {
      await handle.close();
      if (!written) await rm(temp, { force: true });
    }
    return temp;
  }

  /** The header of the item file, or `undefined` when there is none. */
  private async readHeader(file: string): Promise<Header | undefined> {
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      const buffer = Buffer.alloc(MAX_HEADER_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return parseHeader(buffer.subarray(0, bytesRead), file).header;
    } finally {
      await handle.close();
    }
  }

  /**
   * Removes the item at `file` if it is (still) expired, under a cross-process lock file (`<item>lock`, created
   * exclusively) so that only one process reclaims a key at a time. Creators do not need the lock: `link` alone
   * decides between them once the expired item is gone.
   *
   * The item is renamed aside and what was moved is checked again: only a concurrent `put` can have replaced it
   * since it was read, and such a live item is linked back (unless something newer is already there).
   * @returns `removed`, `kept` (not expired, or already gone), or `busy` (another process holds the lock)
   */
  private async reclaimExpired(file: string): Promise<'removed' | 'kept' | 'busy'> {
    const lock = `${file}lock`;
    try {
      await (await open(lock, 'wx')).close();
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      await this.breakStaleLock(lock);
      return 'busy';
    }
    try {
      const header = await this.readHeader(file);
      if (header === undefined || !isExpired(header.exp, this.now())) return 'kept';
      const aside = `${file}del.${uniqueSuffix()}`;
      try {
        await rename(file, aside);
      } catch (error) {
        if (isMissing(error)) return 'kept';
        throw error;
      }
      try {
        const moved = await this.readHeader(aside);
        if (moved === undefined || isExpired(moved.exp, this.now())) return 'removed';
        try {
          await link(aside, file);
        } catch (error) {
          if (errorCode(error) !== 'EEXIST') throw error;
        }
        return 'kept';
      } finally {
        await rm(aside, { force: true });
      }
    } finally {
      await rm(lock, { force: true });
    }
  }

  /** Removes a reclaim lock left by a crashed process. */
  private async breakStaleLock(lock: string): Promise<void> {
    try {
      if ((await stat(lock)).mtimeMs < Date.now() - STALE_LOCK_MS) await rm(lock, { force: true });
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  /** Item files (and working files) whose keys start with `prefix`. */
  private async scan(
    prefix: string,
  ): Promise<{ items: { key: string; file: string }[]; workFiles: string[] }> {
    validatePrefix(prefix);
    const slash = prefix.lastIndexOf('/');
    const folderKey = slash < 0 ? '' : prefix.slice(0, slash + 1); // "" or "a/b/"
    const namePrefix = prefix.slice(slash + 1);
    const items: { key: string; file: string }[] = [];
    const workFiles: string[] = [];

    const walk = async (folder: string, keyPrefix: string, startsWith: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      const subfolders: Promise<void>[] = [];
      for (const entry of entries) {
        if (!entry.name.startsWith(startsWith)) continue;
        const full = path.join(folder, entry.name);
        const mark = entry.name.indexOf(ITEM_MARK);
        if (entry.isDirectory() && mark < 0) {
          subfolders.push(walk(full, `${keyPrefix}${entry.name}/`, ''));
        } else if (entry.isFile() && mark === entry.name.length - 1) {
          items.push({ key: `${keyPrefix}${entry.name.slice(0, -1)}`, file: full });
        } else if (entry.isFile() && mark > 0) {
          workFiles.push(full);
        }
      }
      await Promise.all(subfolders);
    };

    const folder = folderKey === '' ? this.root : path.join(this.root, ...folderKey.slice(0, -1).split('/'));
    await walk(folder, folderKey, namePrefix);
    return { items, workFiles };
  }
}
