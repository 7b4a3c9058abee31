/**
 * When to try a Graph request again, and how long to wait. Written here rather than taken from a library because
 * it is small and specific: 429 honours Graph's `Retry-After` (capped), 503/504 and dropped connections back off
 * exponentially with full jitter, everything else is final; and the wait is injected, so tests run instantly.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included (default 4). */
  readonly maxAttempts: number;
  /** First back-off step in milliseconds (default 500), doubled each attempt. */
  readonly baseDelayMs: number;
  /** Longest back-off step (default 8000). */
  readonly maxDelayMs: number;
  /** Longest wait a `Retry-After` may ask for (default 30000); longer ones are cut to this. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 30_000,
};

/** What happened on one attempt: an HTTP status (with its `Retry-After`), or no answer at all. */
export type AttemptOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly retryAfter: string | null }
  | { readonly kind: 'network-error' };

/**
 * The wait before the next attempt, or `null` when the outcome is final (success, a non-transient error, or
 * attempts used up).
 * @param attempt the attempt that just ended, from 1
 * @param random a number in [0, 1) for the jitter
 */
export function retryDelay(
  outcome: AttemptOutcome,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  now: number = Date.now(),
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  if (outcome.kind === 'response') {
    const { status, retryAfter } = outcome;
    if (status !== 429 && status !== 503 && status !== 504) return null;
    const asked = parseRetryAfter(retryAfter, now);
    if (asked !== null) return Math.min(asked, policy.maxRetryAfterMs);
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as milliseconds: either delay-seconds or an HTTP date. */
function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
