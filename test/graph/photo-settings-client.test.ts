/**
 * Reading the organisation's photo rules (src/graph/photo-settings-client.ts) from the emulator over loopback:
 * always on beta, kept per tenant for cacheMs (a second read does not reach Graph; one after cacheMs does),
 * concurrent reads share one request, a 403 (the app may not read them) is "unknown" and kept, any other failure is
 * "unknown" and not kept; the warning carries no token.
 */
import { PhotoSettingsClient } from '../../src/graph/photo-settings-client.js';
import type { Logger, LogFields } from '../../src/logger.js';
import { SEED, startHarness, type Harness } from '../emulator/harness.js';

describe('PhotoSettingsClient', () => {
  let h: Harness;
  let requests: string[];
  let now: number;
  let warnings: { event: string; fields?: LogFields }[];
  /** Fails the next request at the network when set. */
  let failNext: boolean;
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (event, fields) => warnings.push({ event, ...(fields ? { fields } : {}) }),
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => {
    requests = [];
    warnings = [];
    now = 1_000_000;
    failNext = false;
  });

  const client = (cacheMs = 60_000) =>
    new PhotoSettingsClient({
      baseUrl: h.emulator.url,
      cacheMs,
      logger,
      clock: () => now,
      retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
      fetch: (input, init) => {
        requests.push(input instanceof Request ? input.url : input.toString());
        if (failNext) {
          failNext = false;
          return Promise.reject(new TypeError('fetch failed'));
        }
        return fetch(input, init);
      },
    });
  const appToken = () => Promise.resolve(h.app());

  it('reads on beta and keeps the answer per tenant for cacheMs', async () => {
    const rules = client();
    await expect(rules.read(SEED.tenant, appToken)).resolves.toEqual({
      known: true,
      source: 'cloud',
      allowedRoles: [],
    });
    expect(requests).toEqual([`${h.emulator.url}/beta/admin/people/photoUpdateSettings`]);
    now += 59_999;
    await rules.read(SEED.tenant.toUpperCase(), appToken);
    expect(requests).toHaveLength(1);
    await rules.read('another-tenant', appToken);
    expect(requests).toHaveLength(2);
    now += 1;
    await rules.read(SEED.tenant, appToken);
    expect(requests).toHaveLength(3);
  });

  it('shares one request between concurrent reads, and keeps nothing with cacheMs 0', async () => {
    const rules = client(0);
    await Promise.all([1, 2, 3].map(() => rules.read(SEED.tenant, appToken)));
    expect(requests).toHaveLength(1);
    await rules.read(SEED.tenant, appToken);
    expect(requests).toHaveLength(2);
  });

  it('a 403 (no PeopleSettings.Read.All) is unknown, warned once without the token, and kept', async () => {
    const rules = client();
    const token = h.user(SEED.alex.upn);
    const delegated = () => Promise.resolve(token);
    await expect(rules.read(SEED.tenant, delegated)).resolves.toEqual({ known: false });
    await expect(rules.read(SEED.tenant, delegated)).resolves.toEqual({ known: false });
    expect(requests).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.fields).toMatchObject({ outcome: 'unknown', status: 403, code: 'GraphForbidden' });
    expect(JSON.stringify(warnings)).not.toContain(token);
  });

  it('any other failure is unknown and not kept: the next read asks again', async () => {
    const rules = client();
    failNext = true;
    await expect(rules.read(SEED.tenant, appToken)).resolves.toEqual({ known: false });
    await expect(rules.read(SEED.tenant, appToken)).resolves.toMatchObject({ known: true, source: 'cloud' });
    expect(requests).toHaveLength(2);
  });
});
