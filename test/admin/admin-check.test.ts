/**
 * Who is an admin, asked of the Graph emulator over loopback with the app's own token: by directory role (Patti is
 * a Global Administrator, Adele a User Administrator), by group, not at all (Alex), the tenant allowlist before any
 * Graph request, the cache of answers (yes and no) and not of failures, and one request for concurrent checks.
 */
import { AdminCheck, type AdminRules } from '../../src/admin/admin-check.js';
import { adminAppTokens } from '../../src/admin/app-tokens.js';
import { loadConfig } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import { GraphDirectoryClient } from '../../src/graph/graph-directory-client.js';
import { GraphError } from '../../src/graph/graph-errors.js';
import { SEED, startHarness, type Harness } from '../emulator/harness.js';

const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const noWait = { sleep: () => Promise.resolve(), random: () => 0.5 };

const patti = { id: SEED.patti.id, tenantId: SEED.tenant };
const adele = { id: SEED.adele.id, tenantId: SEED.tenant };
const alex = { id: SEED.alex.id, tenantId: SEED.tenant };

/** The claims of a JWT, unverified (the emulator verified it already). */
function claimsOf(authorization: string | undefined): Record<string, unknown> {
  const payload = (authorization ?? '').replace(/^Bearer /, '').split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('AdminCheck against the Graph emulator', () => {
  let harness: Harness;
  /** Every Graph request the checks made: its URL and bearer token. */
  let requests: { url: string; authorization: string | undefined }[];
  /** When set, the next request is sent with a broken token (the emulator answers 401). */
  let breakNext: boolean;
  let now: number;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });
  beforeEach(() => {
    requests = [];
    breakNext = false;
    now = 1_000_000;
  });

  const countingFetch: typeof fetch = (input, init) => {
    const headers = { ...(init?.headers as Record<string, string>) };
    if (breakNext) {
      breakNext = false;
      headers['authorization'] = 'Bearer broken';
    }
    requests.push({
      url: input instanceof Request ? input.url : input.toString(),
      authorization: headers['authorization'],
    });
    return fetch(input, { ...init, headers });
  };

  /** The check as the app builds it in local mode: config's rules, the local app token, the real client. */
  function check(rules: Partial<AdminRules> = {}): AdminCheck {
    const config = loadConfig({ DATA_DIR: harness.dataDir });
    const appToken = adminAppTokens({
      config,
      local: {
        issuer: harness.issuer,
        tenantId: async () => (await harness.emulator.currentDirectory()).tenant.id,
      },
    });
    return new AdminCheck({
      directory: new GraphDirectoryClient({ baseUrl: harness.emulator.url, fetch: countingFetch, ...noWait }),
      appToken,
      rules: { ...config.admin, ...rules },
      clock: () => now,
    });
  }

  const refusal = (promise: Promise<void>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  it('takes the default roles: Global Administrator and User Administrator', async () => {
    const gate = check();
    await expect(gate.requireAdmin(patti)).resolves.toBeUndefined();
    await expect(gate.requireAdmin(adele)).resolves.toBeUndefined();
    const failure = await refusal(gate.requireAdmin(alex));
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'NotAdmin' });
  });

  it('admits only the configured roles, comparing their ids without case', async () => {
    const gate = check({ roleTemplateIds: [USER_ADMIN.toUpperCase()] });
    await expect(gate.requireAdmin(adele)).resolves.toBeUndefined();
    await expect(gate.requireAdmin(patti)).rejects.toMatchObject({ code: 'NotAdmin' });
    await expect(check({ roleTemplateIds: [] }).requireAdmin(patti)).rejects.toMatchObject({
      code: 'NotAdmin',
    });
  });

  it('admits the members of the configured group', async () => {
    const gate = check({ roleTemplateIds: [GLOBAL_ADMIN], groupId: SEED.marketing.toUpperCase() });
    await expect(gate.requireAdmin(alex)).resolves.toBeUndefined();
    await expect(gate.requireAdmin(patti)).resolves.toBeUndefined();
    // Patti holds a role but is not in Marketing; Isaiah has neither.
    await expect(
      check({ roleTemplateIds: [], groupId: SEED.marketing }).requireAdmin(patti),
    ).rejects.toMatchObject({ code: 'NotAdmin' });
    await expect(
      check({ groupId: SEED.marketing }).requireAdmin({
        id: '00000000-0000-0000-0000-0000000000023',
        tenantId: SEED.tenant,
      }),
    ).rejects.toMatchObject({ code: 'NotAdmin' });
  });

  it('refuses an admin of a tenant outside the allowlist without asking Graph', async () => {
    const elsewhere = check({ allowedTenants: ['11111111-2222-3333-4444-555555555555'] });
    await expect(elsewhere.requireAdmin(patti)).rejects.toMatchObject({ code: 'TenantNotAllowed' });
    await expect(elsewhere.requireAdmin({ id: SEED.patti.id, tenantId: undefined })).rejects.toMatchObject({
      code: 'TenantNotAllowed',
    });
    expect(requests).toHaveLength(0);
    const here = check({ allowedTenants: ['11111111-2222-3333-4444-555555555555', SEED.tenant] });
    await expect(here.requireAdmin(patti)).resolves.toBeUndefined();
    await expect(here.requireAdmin({ id: SEED.patti.id, tenantId: undefined })).rejects.toMatchObject({
      code: 'TenantNotAllowed',
    });
  });

  it('asks Graph with the app’s own token, never a user’s', async () => {
    await check().requireAdmin(patti);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toContain(`/users/${SEED.patti.id}/transitiveMemberOf`);
    const claims = claimsOf(requests[0]!.authorization);
    expect(claims).toMatchObject({ idtyp: 'app', tid: SEED.tenant });
    expect(claims).not.toHaveProperty('scp');
    expect(claims['roles']).toEqual(expect.arrayContaining(['User.Read.All']));
  });

  it('keeps yes and no for cacheMs, then asks again', async () => {
    const gate = check({ cacheMs: 60_000 });
    await gate.requireAdmin(patti);
    await gate.requireAdmin(patti);
    await expect(gate.requireAdmin(alex)).rejects.toMatchObject({ code: 'NotAdmin' });
    await expect(gate.requireAdmin(alex)).rejects.toMatchObject({ code: 'NotAdmin' });
    expect(requests).toHaveLength(2);
    now += 60_001;
    await gate.requireAdmin(patti);
    expect(requests).toHaveLength(3);
  });

  it('asks every time when cacheMs is 0', async () => {
    const gate = check({ cacheMs: 0 });
    await gate.requireAdmin(patti);
    await gate.requireAdmin(patti);
    expect(requests).toHaveLength(2);
  });

  it('keeps no failure: a Graph error propagates and the next check asks again', async () => {
    const gate = check({ cacheMs: 60_000 });
    breakNext = true;
    const failure = await refusal(gate.requireAdmin(patti));
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ code: 'GraphUnauthorized' });
    await expect(gate.requireAdmin(patti)).resolves.toBeUndefined();
    expect(requests).toHaveLength(2);
  });

  it('sends one request for concurrent checks of one user', async () => {
    const gate = check({ cacheMs: 0 });
    await Promise.all([gate.requireAdmin(patti), gate.requireAdmin(patti), gate.requireAdmin(patti)]);
    expect(requests).toHaveLength(1);
  });

  it('takes a user the directory does not know for no admin', async () => {
    await expect(
      check().requireAdmin({ id: '99999999-0000-0000-0000-000000000000', tenantId: SEED.tenant }),
    ).rejects.toMatchObject({ code: 'NotAdmin' });
  });
});
