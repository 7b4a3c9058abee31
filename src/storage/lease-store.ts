/**
 * Leases: "one at a time" for work on a named thing (a photo), held in the shared {@link Storage} so that it holds
 * across every instance using the same store (files, or one Blob container for several bot instances).
 *
 * A lease is an item created with {@link Storage.createIfAbsent} and an expiry: of any number of callers for one
 * free name, exactly one gets it. A holder that crashes never releases its lease, so the expiry is what frees the
 * name again; pick a time-to-live longer than the guarded work can take.
 *
 * Keys: `leases/<namespace>/<name>`, the name encoded by {@link encodeKeySegment}, so any string is a safe name.
 */
import { randomBytes } from 'node:crypto';
import { decodeJson, encodeJson, JSON_CONTENT_TYPE } from './json.js';
import { type Clock, type Storage, encodeKeySegment, validateKey } from './storage.js';

/** Options of {@link LeaseStore}. */
export interface LeaseStoreOptions {
  readonly storage: Storage;
  /** Keeps separate uses apart (e.g. `photos`); a single key segment. */
  readonly namespace: string;
  /** Judges the waiting deadline; the storage judges expiry by its own clock (default `Date.now`). */
  readonly now?: Clock;
  /** Waits between attempts while another holder has the lease (default: a timer). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** How long a lease lives and how long to wait for one. */
export interface LeaseTerms {
  /** The lease's lifetime: after it, the name is free even if the holder never released it. */
  readonly ttlMs: number;
  /** How long to keep trying while someone else holds the lease; 0 tries once. */
  readonly waitMs: number;
}

/** A held lease. */
export interface Lease {
  readonly name: string;
  /** Gives the lease up, if it is still this holder's (an expired lease someone else took is left alone). */
  release(): Promise<void>;
  /**
   * Extends the lease to `ttlMs` from now, if it is still this holder's. Long work (a bulk job) renews well before
   * the end, so a crashed holder's lease still runs out soon while a live one never does.
   * @returns `false` when the lease expired or someone else holds it now: the work should stop
   */
  renew(ttlMs: number): Promise<boolean>;
}

/** First wait between attempts; doubles up to {@link MAX_POLL_MS}. */
const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 200;

interface LeaseBody {
  readonly holder: string;
}

/** Named leases in a storage. */
export class LeaseStore {
  private readonly storage: Storage;
  private readonly prefix: string;
  private readonly now: Clock;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: LeaseStoreOptions) {
    this.storage = options.storage;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.prefix = `leases/${validateKey(options.namespace)}`;
    if (this.prefix.split('/').length !== 2)
      throw new RangeError('a lease namespace is a single key segment');
  }

  /**
   * Takes the lease on `name`, waiting up to `terms.waitMs` while someone else holds it.
   * @param holder names the work taking the lease, for work that can come back after a crash under the same name
   *   (a bulk job's change runs under the change id it reserved): a live lease this same holder left behind is
   *   taken over at once instead of blocking its own retry until it expires. Only one retry of a given piece of
   *   work may run at a time (the bulk job's own lease sees to that). Default: a fresh random holder.
   * @returns the lease, or `undefined` when it was still held by someone else at the end of the wait
   */
  async acquire(name: string, terms: LeaseTerms, holder?: string): Promise<Lease | undefined> {
    if (!Number.isSafeInteger(terms.ttlMs) || terms.ttlMs <= 0)
      throw new RangeError('ttlMs must be a positive whole number');
    if (!Number.isSafeInteger(terms.waitMs) || terms.waitMs < 0)
      throw new RangeError('waitMs must be a whole number, 0 or more');
    const key = this.keyOf(name);
    const named = holder !== undefined;
    if (named && holder === '') throw new RangeError('a lease holder cannot be empty');
    holder ??= randomBytes(16).toString('base64url');
    const body = encodeJson({ holder } satisfies LeaseBody);
    const deadline = this.now() + terms.waitMs;
    for (let poll = FIRST_POLL_MS; ; poll = Math.min(poll * 2, MAX_POLL_MS)) {
      // The storage judges expiry by its own clock; the lease's end is measured from now on the same scale.
      const created = await this.storage.createIfAbsent(key, body, {
        contentType: JSON_CONTENT_TYPE,
        expiresAt: this.now() + terms.ttlMs,
      });
      if (created || (named && (await this.takeOver(key, holder, body, terms.ttlMs)))) {
        return { name, release: () => this.release(key, holder), renew: (ms) => this.renew(key, holder, ms) };
      }
      const left = deadline - this.now();
      if (left <= 0) return undefined;
      await this.sleep(Math.min(poll, left));
    }
  }

  /**
   * Runs `work` holding the lease on `name`, releasing it afterwards whatever happens.
   * @param busy makes the error thrown when the lease stays taken for the whole wait
   * @param holder see {@link acquire}
   */
  async run<T>(
    name: string,
    terms: LeaseTerms,
    busy: () => Error,
    work: () => Promise<T>,
    holder?: string,
  ): Promise<T> {
    const lease = await this.acquire(name, terms, holder);
    if (!lease) throw busy();
    try {
      return await work();
    } finally {
      await lease.release();
    }
  }

  /** True while a live lease on `name` exists (for tests and diagnostics). */
  async isHeld(name: string): Promise<boolean> {
    return (await this.storage.get(this.keyOf(name))) !== undefined;
  }

  /** Removes this namespace's expired leases (left by holders that crashed); returns how many. */
  async deleteExpired(): Promise<number> {
    return this.storage.deleteExpired(`${this.prefix}/`);
  }

  /** Renews, as its own, a live lease that `holder` left behind (a crashed run of the same work). */
  private async takeOver(key: string, holder: string, body: Uint8Array, ttlMs: number): Promise<boolean> {
    const item = await this.storage.get(key);
    if (item === undefined || (decodeJson(item, key) as Partial<LeaseBody>).holder !== holder) return false;
    await this.storage.put(key, body, { contentType: JSON_CONTENT_TYPE, expiresAt: this.now() + ttlMs });
    return true;
  }

  private async release(key: string, holder: string): Promise<void> {
    const item = await this.storage.get(key);
    if (item === undefined) return;
    // Only our own lease is removed: ours may have expired and been taken by another holder meanwhile. The read
    // and the delete are two steps, so a lease that expires in between can still be removed; the lifetime is
    // chosen far longer than the work so that this does not happen in practice.
    if ((decodeJson(item, key) as Partial<LeaseBody>).holder === holder) await this.storage.delete(key);
  }

  private async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)
      throw new RangeError('ttlMs must be a positive whole number');
    const item = await this.storage.get(key);
    if (item === undefined || (decodeJson(item, key) as Partial<LeaseBody>).holder !== holder) return false;
    // A read then a write, as in release: renewing long before the end keeps another holder out of the gap.
    await this.storage.put(key, item.value, {
      contentType: JSON_CONTENT_TYPE,
      expiresAt: this.now() + ttlMs,
    });
    return true;
  }

  private keyOf(name: string): string {
    return `${this.prefix}/${encodeKeySegment(name)}`;
  }
}
