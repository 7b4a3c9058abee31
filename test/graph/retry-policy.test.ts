import { DEFAULT_RETRY_POLICY, retryDelay } from '../../src/graph/retry-policy.js';

const policy = DEFAULT_RETRY_POLICY;
const response = (status: number, retryAfter: string | null = null) => ({
  kind: 'response' as const,
  status,
  retryAfter,
});

describe('retryDelay', () => {
  it('honours Retry-After on 429, in seconds or as a date, capped', () => {
    expect(retryDelay(response(429, '7'), 1, policy, () => 0.5)).toBe(7000);
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(retryDelay(response(429, 'Mon, 23 Nov 2026 10:00:12 GMT'), 1, policy, () => 0.5, now)).toBe(
      12_000,
    );
    expect(retryDelay(response(429, '3600'), 1, policy, () => 0.5)).toBe(policy.maxRetryAfterMs);
  });

  it('backs off exponentially with full jitter on 503, 504, 429 without Retry-After, and dropped connections', () => {
    expect(retryDelay(response(503), 1, policy, () => 0.999)).toBe(499);
    expect(retryDelay(response(504), 2, policy, () => 0.999)).toBe(999);
    expect(retryDelay(response(429), 3, policy, () => 0.5)).toBe(1000);
    expect(retryDelay({ kind: 'network-error' }, 3, policy, () => 0)).toBe(0);
    // The step stops growing at maxDelayMs.
    expect(
      retryDelay({ kind: 'network-error' }, 3, { ...policy, maxAttempts: 10 }, () => 0.999),
    ).toBeLessThan(2000);
    expect(retryDelay({ kind: 'network-error' }, 9, { ...policy, maxAttempts: 10 }, () => 0.999)).toBe(7992);
  });

  it('does not retry other answers, nor after the last attempt', () => {
    for (const status of [200, 400, 401, 403, 404, 413, 500])
      expect(retryDelay(response(status), 1, policy, Math.random)).toBeNull();
    expect(retryDelay(response(503), policy.maxAttempts, policy, Math.random)).toBeNull();
  });
});
