/**
 * The storage interface behind backups, the audit log and pending state, with the key rules every
 * implementation enforces.
 *
 * Two implementations share this contract: {@link FsStorage} (the default, files under `DATA_DIR`) and
 * {@link BlobStorage} (Azure Blob Storage, which several bot instances share). The contract is small on purpose:
 * get / put / delete by key, list by prefix, an atomic create-if-absent, an atomic take (get and delete once),
 * and an optional expiry per item. Everything else (JSON, backups, audit, leases) is built on top of it.
 *
 * Keys are strings such as `backups/changes/<changeId>` or `audit/2026-11-23/<id>`. They are validated on every
 * call, so a key built from a value a user sent can never name a file outside the store's folder.
 */
import { createHash } from 'node:crypto';

/** Milliseconds since the epoch, like `Date.now`; injected so tests move time without sleeping. */
export type Clock = () => number;

/** The content type of an item put without one. */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** What `put` and `createIfAbsent` accept besides the bytes. */
export interface PutOptions {
  /** A MIME type, at most {@link MAX_CONTENT_TYPE_LENGTH} printable ASCII characters. */
  readonly contentType?: string;
  /**
   * When the item stops existing, in milliseconds since the epoch. From then on `get`, `take` and `list` do not
   * see it, and `createIfAbsent` treats the key as free; the bytes themselves are removed lazily.
   */
  readonly expiresAt?: number;
}

/** An item as read back. */
export interface StoredItem {
  readonly value: Uint8Array;
  /** The content type given to `put`, or {@link DEFAULT_CONTENT_TYPE}. */
  readonly contentType: string;
  /** Milliseconds since the epoch, when the item was put with an expiry. */
  readonly expiresAt?: number;
}

/**
 * Keyed byte storage. Every method validates its key (or prefix) first and rejects with
 * {@link InvalidStorageKeyError} before touching the store.
 */
export interface Storage {
  /** The live item at `key`, or `undefined` when there is none or it has expired. */
  get(key: string): Promise<StoredItem | undefined>;

  /** Writes `value` at `key`, replacing any item. Readers see the old or the new item whole, never a mix. */
  put(key: string, value: Uint8Array, options?: PutOptions): Promise<void>;

  /**
   * Writes `value` at `key` only if no live item is there (an expired one counts as absent).
   * Of any number of concurrent callers for one free key, exactly one gets `true`.
   * @returns `true` when this call created the item, `false` when a live item was already there
   */
  createIfAbsent(key: string, value: Uint8Array, options?: PutOptions): Promise<boolean>;

  /** Removes the item at `key`, if any. */
  delete(key: string): Promise<void>;

  /**
   * Removes the live item at `key` and returns it. Of concurrent callers for one item, exactly one receives it;
   * the others get `undefined`.
   */
  take(key: string): Promise<StoredItem | undefined>;

  /**
   * The keys of the live items whose key starts with `prefix` (a plain string prefix, as in Blob Storage:
   * `audit/2026-11` matches `audit/2026-11-23/x`), sorted. An empty prefix lists everything.
   */
  list(prefix: string): Promise<string[]>;

  /**
   * Removes expired items under `prefix` (and, for the file system, leftovers of interrupted writes).
   * Call it now and then; nothing depends on it for correctness.
   * @returns how many expired items were removed
   */
  deleteExpired(prefix: string): Promise<number>;
}

/** Longest key, in characters (Blob Storage allows 1024; this leaves room for a container path). */
export const MAX_KEY_LENGTH = 512;
/** Longest key segment: file systems allow 255 bytes per name, and the file store adds a suffix. */
export const MAX_SEGMENT_LENGTH = 200;
/** Longest content type accepted. */
export const MAX_CONTENT_TYPE_LENGTH = 128;

/** Characters a key segment may use: portable in file names and in blob names, and never a separator. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;
const CONTENT_TYPE = /^[\x21-\x7e][\x20-\x7e]*$/;

/** Codes of internal storage failures; none of them is shown to a user as is. */
export type StorageErrorCode =
  'InvalidStorageKey' | 'InvalidStorageValue' | 'CorruptStoredItem' | 'StorageContention';

/** An internal storage failure with a machine-readable `code`. Messages never carry stored bytes. */
export class StorageError extends Error {
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, detail: string, options?: ErrorOptions) {
    super(`${code}: ${detail}`, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A key or prefix that breaks the key rules (see {@link validateKey}). */
export class InvalidStorageKeyError extends StorageError {
  constructor(detail: string) {
    super('InvalidStorageKey', detail);
  }
}

/** An option that cannot be stored (a malformed content type or expiry). */
export class InvalidStorageValueError extends StorageError {
  constructor(detail: string) {
    super('InvalidStorageValue', detail);
  }
}

/** An operation that kept losing races with other writers of the same key and gave up. */
export class StorageContentionError extends StorageError {
  constructor(detail: string) {
    super('StorageContention', detail);
  }
}

/** An item whose stored form cannot be read back (e.g. a file truncated by hand). */
export class CorruptStoredItemError extends StorageError {
  constructor(detail: string, options?: ErrorOptions) {
    super('CorruptStoredItem', detail, options);
  }
}

/** A short, printable rendering of a rejected key for an error message: never the whole of a long value. */
function shown(key: string): string {
  const clipped = key.length > 80 ? `${key.slice(0, 80)}...` : key;
  return JSON.stringify(clipped);
}

function checkSegments(segments: readonly string[], what: string, original: string): void {
  for (const segment of segments) {
    if (segment.length === 0)
      throw new InvalidStorageKeyError(`${what} ${shown(original)} has an empty segment`);
    if (segment === '.' || segment === '..') {
      throw new InvalidStorageKeyError(`${what} ${shown(original)} has a "${segment}" segment`);
    }
    if (segment.length > MAX_SEGMENT_LENGTH) {
      throw new InvalidStorageKeyError(
        `${what} ${shown(original)} has a segment over ${MAX_SEGMENT_LENGTH} characters`,
      );
    }
    if (!SEGMENT.test(segment)) {
      throw new InvalidStorageKeyError(
        `${what} ${shown(original)} may only use letters, digits, ".", "_", "~", "-" and "/"`,
      );
    }
  }
}

/**
 * Checks a key: `/`-separated segments of `[A-Za-z0-9._~-]`, none empty, none `.` or `..`, no leading or trailing
 * `/`, no backslash, at most {@link MAX_KEY_LENGTH} characters.
 * @throws InvalidStorageKeyError
 */
export function validateKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidStorageKeyError('a key cannot be empty');
  if (key.length > MAX_KEY_LENGTH)
    throw new InvalidStorageKeyError(`key is over ${MAX_KEY_LENGTH} characters`);
  checkSegments(key.split('/'), 'key', key);
  return key;
}

/**
 * Checks a list prefix: empty, or a key's beginning (the same rules as a key, except that it may end with `/`
 * and its last segment may be partial).
 * @throws InvalidStorageKeyError
 */
export function validatePrefix(prefix: string): string {
  if (typeof prefix !== 'string') throw new InvalidStorageKeyError('a prefix must be a string');
  if (prefix.length === 0) return prefix;
  if (prefix.length > MAX_KEY_LENGTH)
    throw new InvalidStorageKeyError(`prefix is over ${MAX_KEY_LENGTH} characters`);
  const segments = prefix.split('/');
  // "a/b/" ends in an empty segment that only means "inside a/b".
  if (prefix.endsWith('/')) segments.pop();
  checkSegments(segments, 'prefix', prefix);
  return prefix;
}

/** Checks a value and its put options, so both implementations refuse the same things. */
export function validatePut(value: Uint8Array, options: PutOptions | undefined): void {
  if (!(value instanceof Uint8Array)) throw new InvalidStorageValueError('a value must be a Uint8Array');
  if (options?.contentType !== undefined) {
    const type = options.contentType;
    if (type.length > MAX_CONTENT_TYPE_LENGTH || !CONTENT_TYPE.test(type)) {
      throw new InvalidStorageValueError('content type must be printable ASCII, at most 128 characters');
    }
  }
  if (options?.expiresAt !== undefined && !Number.isSafeInteger(options.expiresAt)) {
    throw new InvalidStorageValueError('expiresAt must be whole milliseconds since the epoch');
  }
}

/** True when an item with `expiresAt` has expired at `now`: an item expiring at instant T is gone at T. */
export function isExpired(expiresAt: number | undefined, now: number): boolean {
  return expiresAt !== undefined && expiresAt <= now;
}

/**
 * Turns any string (a Teams user id such as `29:1a-...`, a UPN, a token-exchange id) into one safe key
 * segment. Values that already are safe and short pass through unchanged, so keys stay readable; anything else
 * becomes `~b` + base64url of its UTF-8, or `~h` + a SHA-256 when even that would be too long. A raw value
 * starting with `~` is always encoded, so two different values never share a segment.
 */
export function encodeKeySegment(value: string): string {
  if (value.length === 0) throw new InvalidStorageKeyError('a key segment cannot be empty');
  if (
    value.length <= 120 &&
    SEGMENT.test(value) &&
    !value.startsWith('~') &&
    value !== '.' &&
    value !== '..'
  ) {
    return value;
  }
  const encoded = `~b${Buffer.from(value, 'utf8').toString('base64url')}`;
  if (encoded.length <= 160) return encoded;
  return `~h${createHash('sha256').update(value, 'utf8').digest('base64url')}`;
}
