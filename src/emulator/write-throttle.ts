/**
 * Graph-like throttling of photo writes: Exchange, which keeps the photos, lets one app have only a few requests in
 * flight at once (about 4) across all mailboxes and answers more with 429. The emulator counts photo writes in
 * flight per app, by the token's `appid` (v1 tokens) or `azp` (v2), whoever the user is: delegated and application
 * tokens of one app share its slots, as they share Graph's.
 */
import type { LocalTokenIssuer } from '../auth/local-token-issuer.js';

/** Photo writes in flight per app, up to a limit. */
export class WriteThrottle {
  readonly #limit: number;
  readonly #inFlight = new Map<string, number>();

  /** @param limit writes at once per app; 0 means no limit */
  constructor(limit: number) {
    this.#limit = limit;
  }

  /**
   * Takes a slot for `app`; returns the function that gives it back (call it once, when the answer is written), or
   * `undefined` when the app already has the limit's worth in flight. Without a limit, or without an app (a token
   * that will be refused anyway), there is nothing to count: a no-op release.
   */
  acquire(app: string | undefined): (() => void) | undefined {
    if (this.#limit === 0 || app === undefined) return () => undefined;
    const current = this.#inFlight.get(app) ?? 0;
    if (current >= this.#limit) return undefined;
    this.#inFlight.set(app, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#inFlight.get(app) ?? 1) - 1;
      if (left <= 0) this.#inFlight.delete(app);
      else this.#inFlight.set(app, left);
    };
  }
}

/** The app a bearer token was issued to, when it is a valid local token; `undefined` otherwise. */
export function callingApp(authorization: string | undefined, issuer: LocalTokenIssuer): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const verified = issuer.verify(match[1]);
  if (!verified.ok) return undefined;
  // Entra's v2 tokens name the client in `azp`, v1 tokens in `appid`; local tokens carry `appid`.
  const claims = verified.claims as { readonly appid?: unknown; readonly azp?: unknown };
  const app = typeof claims.appid === 'string' && claims.appid !== '' ? claims.appid : claims.azp;
  return typeof app === 'string' && app !== '' ? app.toLowerCase() : undefined;
}
