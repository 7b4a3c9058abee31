/**
 * The app's own token for admin work, by mode: the local issuer's application token for the emulator's tenant in
 * local mode; the configured app credential, for the configured Graph cloud, in production (against an in-process
 * Entra, nothing leaves the process); AppIdentityMissing when production has no app credential.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { adminAppTokens } from '../../src/admin/app-tokens.js';
import { DEFAULT_APP_ROLES, LocalTokenIssuer } from '../../src/auth/local-token-issuer.js';
import { loadConfig } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import { FAKE_AUTHORITY, fakeEntra } from '../helpers/fake-entra.js';

const PRODUCTION = { BOT_ID: 'bot-id', BOT_PASSWORD: 'bot-password' } as const;

describe('adminAppTokens', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'app-tokens-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('issues a local application token with the default roles for the current tenant, and reuses it', async () => {
    const issuer = await LocalTokenIssuer.open(dataDir);
    let tenant = 'tenant-a';
    const tokens = adminAppTokens({
      config: loadConfig({ DATA_DIR: dataDir }),
      local: { issuer, tenantId: () => Promise.resolve(tenant) },
    });
    const first = await tokens();
    const verified = issuer.verify(first);
    expect(verified.ok && verified.claims).toMatchObject({ idtyp: 'app', tid: 'tenant-a' });
    expect(verified.ok && verified.claims.idtyp === 'app' && verified.claims.roles).toEqual([
      ...DEFAULT_APP_ROLES,
    ]);
    expect(await tokens()).toBe(first);
    tenant = 'tenant-b';
    const other = issuer.verify(await tokens());
    expect(other.ok && other.claims.tid).toBe('tenant-b');
  });

  it('needs the local issuer in local mode', () => {
    expect(() => adminAppTokens({ config: loadConfig({ DATA_DIR: dataDir }) })).toThrow(TypeError);
  });

  it('refuses with AppIdentityMissing in production without an app credential', async () => {
    const tokens = adminAppTokens({ config: loadConfig(PRODUCTION) });
    const failure = await tokens().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'AppIdentityMissing' });
  });

  it('gets a client-credentials token for the configured Graph cloud in production', async () => {
    const entra = fakeEntra(() => ({
      status: 200,
      body: { token_type: 'Bearer', access_token: 'app-only-token', expires_in: 3600 },
    }));
    const config = loadConfig({
      ...PRODUCTION,
      AAD_APP_CLIENT_ID: 'client-id',
      AAD_APP_TENANT_ID: 'tenant-id',
      AAD_APP_CLIENT_SECRET: 'app-secret',
      AAD_APP_OAUTH_AUTHORITY_HOST: FAKE_AUTHORITY,
      GRAPH_BASE_URL: 'https://graph.microsoft.us/',
    });
    const tokens = adminAppTokens({ config, credentialOptions: entra.credentialOptions });
    await expect(tokens()).resolves.toBe('app-only-token');
    await expect(tokens()).resolves.toBe('app-only-token');
    expect(entra.requests).toHaveLength(1);
    const form = entra.requests[0]!.form;
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toBe('https://graph.microsoft.us/.default');
    expect(entra.requests[0]!.url.startsWith(`${FAKE_AUTHORITY}/tenant-id/`)).toBe(true);
  });
});
