/**
 * Short-lived state that waits for something: a photo waiting for the sender to sign in, a card waiting for an
 * answer. Every item has an expiry; after it the item is gone for every reader.
 *
 * Also leases for deduplication ({@link PendingStore.claim}): the first claimer of an id wins until the lease
 * expires, across every instance sharing the store (e.g. Teams sends a sign-in token exchange to each instance
 * or retries it; only one may act on it).
 *
 * Keys: `pending/<namespace>/items/<id>` and `pending/<namespace>/claims/<id>`, with the id encoded by
 * {@link encodeKeySegment}, so any string (a Teams user id with colons, a UPN) is a safe id.
 */
import { type JsonPutOptions, decodeJson, encodeJson, JSON_CONTENT_TYPE } from './json.js';
import { type Clock, type Storage, type StoredItem, encodeKeySegment, validateKey } from './storage.js';

/** Options of {@link PendingStore}. */
export interface PendingStoreOptions {
  readonly storage: Storage;
  /** Keeps separate uses apart (e.g. `photos`, `token-exchange`); a key segment. Default `default`. */
  readonly namespace?: string;
  readonly now?: Clock;
}

/** The lease's content: only there so a person looking at the store can tell what it is. */
const LEASE = Buffer.from('lease', 'utf8');

/** Pending items and dedup leases, each with an expiry. */
export class PendingStore {
  private readonly storage: Storage;
  private readonly prefix: string;
  private readonly now: Clock;

  constructor(options: PendingStoreOptions) {
    this.storage = options.storage;
    this.now = options.now ?? Date.now;
    this.prefix = `pending/${validateKey(options.namespace ?? 'default')}`;
    if (this.prefix.split('/').length !== 2)
      throw new RangeError('a pending namespace is a single key segment');
  }

  /** Stores `value` under `id` for `ttlMs`, replacing what was there. */
  async put(id: string, value: Uint8Array, ttlMs: number, contentType?: string): Promise<void> {
    const expiresAt = this.expiry(ttlMs);
    await this.storage.put(
      this.itemKey(id),
      value,
      contentType === undefined ? { expiresAt } : { contentType, expiresAt },
    );
  }

  /** Stores a JSON value under `id` for `ttlMs`. */
  async putJson(id: string, value: unknown, ttlMs: number): Promise<void> {
    const options: JsonPutOptions = { expiresAt: this.expiry(ttlMs) };
    await this.storage.put(this.itemKey(id), encodeJson(value), {
      ...options,
      contentType: JSON_CONTENT_TYPE,
    });
  }

  /** The live item under `id`, left in place. */
  async get(id: string): Promise<StoredItem | undefined> {
    return this.storage.get(this.itemKey(id));
  }

  /** The live JSON value under `id`, left in place. The cast to `T` is unchecked. */
  async getJson<T = unknown>(id: string): Promise<T | undefined> {
    const key = this.itemKey(id);
    const item = await this.storage.get(key);
    return item === undefined ? undefined : (decodeJson(item, key) as T);
  }

  /** Removes and returns the live item under `id`. Of concurrent takers, exactly one gets it. */
  async take(id: string): Promise<StoredItem | undefined> {
    return this.storage.take(this.itemKey(id));
  }

  /** Removes and returns the live JSON value under `id`, once. The cast to `T` is unchecked. */
  async takeJson<T = unknown>(id: string): Promise<T | undefined> {
    const key = this.itemKey(id);
    const item = await this.storage.take(key);
    return item === undefined ? undefined : (decodeJson(item, key) as T);
  }

  /** Drops the item under `id`, if any. */
  async delete(id: string): Promise<void> {
    await this.storage.delete(this.itemKey(id));
  }

  /**
   * The ids of this namespace's live items (issue 18: `my data` / `forget me` find a person's by the
   * `<kind>-<person>` convention, src/privacy/pending-keys.ts). One list of the namespace, whose items all expire
   * within minutes. An id too long for a key segment is stored hashed and cannot be given back: it is left out.
   */
  async listIds(): Promise<string[]> {
    const prefix = `${this.prefix}/items/`;
    const ids: string[] = [];
    for (const key of await this.storage.list(prefix)) {
      const segment = key.slice(prefix.length);
      if (segment.startsWith('~h')) continue;
      ids.push(
        segment.startsWith('~b') ? Buffer.from(segment.slice(2), 'base64url').toString('utf8') : segment,
      );
    }
    return ids;
  }

  /**
   * Takes a lease on `id` for `ttlMs`: `true` for the one caller that got it, `false` while someone else's
   * lease on `id` is live. Once the lease expires (or is released), the id can be claimed again.
   */
  async claim(id: string, ttlMs: number): Promise<boolean> {
    return this.storage.createIfAbsent(this.claimKey(id), LEASE, { expiresAt: this.expiry(ttlMs) });
  }

  /** Gives a lease up early (e.g. the work it guarded failed and may be retried). */
  async release(id: string): Promise<void> {
    await this.storage.delete(this.claimKey(id));
  }

  /** Removes this namespace's expired items and leases; returns how many. */
  async deleteExpired(): Promise<number> {
    return this.storage.deleteExpired(`${this.prefix}/`);
  }

  private expiry(ttlMs: number): number {
    if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)
      throw new RangeError('ttlMs must be a positive whole number');
    return this.now() + ttlMs;
  }

  private itemKey(id: string): string {
    return `${this.prefix}/items/${encodeKeySegment(id)}`;
  }

  private claimKey(id: string): string {
    return `${this.prefix}/claims/${encodeKeySegment(id)}`;
  }
}
