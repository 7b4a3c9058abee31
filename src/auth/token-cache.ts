/** Access tokens kept per user and scope until shortly before they expire. */

export interface CachedToken {
  readonly token: string;
  /** Milliseconds since the epoch. */
  readonly expiresOnTimestamp: number;
}

/** Tokens are renewed this long before they expire, so none expires in flight. */
export const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export class TokenCache {
  private readonly entries = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<CachedToken>>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The cached token for `key`, or a new one from `fetchToken`. Concurrent callers for one key share one fetch.
   */
  async get(key: string, fetchToken: () => Promise<CachedToken>): Promise<string> {
    const cached = this.entries.get(key);
    if (cached && cached.expiresOnTimestamp - EXPIRY_MARGIN_MS > this.now()) return cached.token;
    let fetching = this.pending.get(key);
    if (!fetching) {
      fetching = fetchToken().finally(() => this.pending.delete(key));
      this.pending.set(key, fetching);
    }
    const fresh = await fetching;
    this.entries.set(key, fresh);
    return fresh.token;
  }

  /** Forgets a key's token (e.g. after Graph refused it). */
  forget(key: string): void {
    this.entries.delete(key);
  }
}

/** A cache key from a principal and a set of scopes, independent of the scopes' order. */
export function tokenCacheKey(principal: string, scopes: readonly string[]): string {
  return `${principal}\n${[...scopes].sort().join(' ')}`;
}
