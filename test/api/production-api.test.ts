/**
 * The page's API in production mode, offline. The app runs with bot and Entra credentials; the page's Teams SSO
 * tokens are signed by a test key whose public half a loopback server publishes as the tenant's key set
 * (`TAB_JWKS_URL`); the on-behalf-of exchange runs the real `OnBehalfOfCredential` against an in-process Entra
 * (`fakeEntra`, the credential's `httpClient` seam), which answers with Graph tokens the Graph emulator accepts;
 * Graph is the emulator on loopback (`GRAPH_BASE_URL`). Nothing leaves this machine.
 *
 * A token signed by another key, for another audience, expired, from a tenant not allowed, naming another tenant's
 * issuer, or not a delegated token for the API gets 401, and no exchange is even attempted. A valid one acts as its
 * user: the owner of a group sets its photo; a member who is not an owner is refused, audited, and nothing changes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt, type JWTPayload } from 'jose';
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { AuditLog } from '../../dist/storage/audit-log.js';
import { FsStorage } from '../../dist/storage/fs-storage.js';
import { fixedTokenCredentials } from '../helpers/bot-framework-channel.js';
import { photoAt, putPhotoAt } from '../helpers/emulator-photos.js';
import { FAKE_AUTHORITY, fakeEntra } from '../helpers/fake-entra.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { call, SEED, startHarness, type Harness } from '../emulator/harness.js';
import { newKey, sign, startJwks, type JwksServer, type TestKey } from './entra-keys.js';

const CLIENT_ID = '6f1c2a8e-0b7d-4e8a-9c3f-2d5e7a9b1c40';
const BOT_ID = 'bot-app-id';
const DOMAIN = 'photo.example.test';
const APP_ID_URI = `api://${DOMAIN}/botid-${BOT_ID}`;
const OTHER_TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('the page API in production mode, offline', () => {
  let dataDir: string;
  let graph: Harness;
  let jwks: JwksServer;
  let key: TestKey;
  let stranger: TestKey;
  let entra: ReturnType<typeof fakeEntra>;
  let app: RunningApp;
  let url: string;

  /** Teams SSO claims for Alex (v2: `aud` the client id), valid for an hour; `extra` overrides. */
  const claims = (extra: JWTPayload = {}): JWTPayload => {
    const now = Math.floor(Date.now() / 1000);
    return {
      aud: CLIENT_ID,
      iss: `${FAKE_AUTHORITY}/${SEED.tenant}/v2.0`,
      tid: SEED.tenant,
      oid: SEED.alex.id,
      name: 'Alex Wilber',
      preferred_username: SEED.alex.upn,
      scp: 'access_as_user',
      ver: '2.0',
      iat: now,
      nbf: now,
      exp: now + 3600,
      ...extra,
    };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-api-production-'));
    graph = await startHarness();
    [key, stranger] = await Promise.all([newKey('tenant-key-1'), newKey('tenant-key-1')]);
    jwks = await startJwks([key]);
    // Entra's token endpoint: the exchanged Graph token is one the emulator takes, for the user the assertion names.
    entra = fakeEntra((request) => {
      const user = graph.emulator.directory.findUserById(
        String(decodeJwt(request.form.get('assertion') ?? '').oid),
      );
      const scopes = (request.form.get('scope') ?? '')
        .split(' ')
        .filter((scope) => scope.startsWith('https://graph.microsoft.com/'))
        .map((scope) => scope.slice('https://graph.microsoft.com/'.length));
      if (!user) return { status: 400, body: { error: 'invalid_grant' } };
      const token = graph.issuer.issueDelegated({
        tenantId: SEED.tenant,
        userId: user.id,
        userPrincipalName: user.userPrincipalName,
        scopes,
      });
      return { status: 200, body: { token_type: 'Bearer', access_token: token, expires_in: 3600 } };
    });
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
      BOT_ID,
      BOT_PASSWORD: 'bot-secret',
      BOT_DOMAIN: DOMAIN,
      AAD_APP_CLIENT_ID: CLIENT_ID,
      AAD_APP_TENANT_ID: SEED.tenant,
      AAD_APP_CLIENT_SECRET: 'sso-secret',
      AAD_APP_OAUTH_AUTHORITY_HOST: FAKE_AUTHORITY,
      TAB_JWKS_URL: jwks.url,
      GRAPH_BASE_URL: graph.emulator.url,
    });
    app = await startApp(config, process.env.TEST_LOG ? createLogger('debug') : silentLogger, {
      botCredentials: fixedTokenCredentials(BOT_ID, 'fixed-bot-token'),
      oboCredentialOptions: entra.credentialOptions,
    });
    url = `http://127.0.0.1:${app.server.port}`;
  });
  afterAll(async () => {
    await app.close();
    await jwks.close();
    await graph.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const me = (token?: string) => call(url, 'GET', '/api/photo/me', { token });

  it('takes a Teams SSO token signed by the tenant key: v2 (aud the client id) and v1 (the app ID URI)', async () => {
    const v2 = await me(await sign(key, claims()));
    expect(v2.status).toBe(200);
    expect(v2.json).toEqual({ id: SEED.alex.id, displayName: 'Alex Wilber' });
    const v1 = await me(
      await sign(
        key,
        claims({ aud: APP_ID_URI, iss: `https://sts.windows.net/${SEED.tenant}/`, ver: '1.0' }),
      ),
    );
    expect(v1.status).toBe(200);
    expect(jwks.fetches()).toBeGreaterThan(0);
  });

  it.each<[string, () => Promise<string | undefined>]>([
    ['no token', () => Promise.resolve(undefined)],
    ['a token signed by another key (same key id)', () => sign(stranger, claims())],
    ['a token signed by a key the tenant never published', () => sign(stranger, claims(), 'unknown-key')],
    [
      'a token for another audience',
      () => sign(key, claims({ aud: 'api://someone-else.example/botid-other' })),
    ],
    ['an expired token', () => sign(key, claims({ exp: Math.floor(Date.now() / 1000) - 600 }))],
    [
      'a token from a tenant that is not allowed',
      () => sign(key, claims({ tid: OTHER_TENANT, iss: `${FAKE_AUTHORITY}/${OTHER_TENANT}/v2.0` })),
    ],
    [
      "a token naming another tenant's issuer",
      () => sign(key, claims({ iss: `${FAKE_AUTHORITY}/${OTHER_TENANT}/v2.0` })),
    ],
    ['a token that is not a delegated token for the API', () => sign(key, claims({ scp: 'User.Read' }))],
  ])('answers %s with 401 and WWW-Authenticate: Bearer, and exchanges nothing', async (_case, token) => {
    const exchanges = entra.requests.length;
    const answer = await call(url, 'PUT', `/api/photo?target=group:${SEED.myTeam}`, {
      token: await token(),
      body: await encodeJpeg(photoLike(200, 200, 1)),
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(answer.json).toMatchObject({ error: { code: 'SignInRequired' } });
    expect(entra.requests.length).toBe(exchanges);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims())).toString('base64url');
    expect((await me(`${header}.${payload}.`)).status).toBe(401);
  });

  it("lets a group's owner set its photo, exchanging the page's token on behalf of them", async () => {
    const token = await sign(key, claims());
    const before = entra.requests.length;
    const answer = await call(url, 'PUT', `/api/photo?target=group:${SEED.myTeam}`, {
      token,
      body: await encodeJpeg(photoLike(400, 300, 2)),
    });
    expect(answer.status).toBe(200);
    expect(typeof answer.json['changeId']).toBe('string');
    expect(answer.json['crop']).toMatchObject({ w: 300, h: 300 });
    const photo = await photoAt(
      graph.emulator.url,
      graph.user(SEED.alex.upn),
      `/groups/${SEED.myTeam}/photo`,
    );
    expect(photo).not.toBeNull();
    const exchange = entra.requests
      .slice(before)
      .find((r) => r.form.get('scope')?.includes('Group.ReadWrite.All'));
    expect(exchange?.form.get('assertion')).toBe(token);
    expect(exchange?.form.get('requested_token_use')).toBe('on_behalf_of');
  });

  it('refuses a member who is not an owner: 403, audited, and the photo stays', async () => {
    const groupPath = `/groups/${SEED.marketing}/photo`;
    await putPhotoAt(
      graph.emulator.url,
      graph.user(SEED.megan.upn),
      groupPath,
      await encodeJpeg(photoLike(200, 200, 3)),
    );
    const before = await photoAt(graph.emulator.url, graph.user(SEED.megan.upn), groupPath);
    const since = Date.now();
    const answer = await call(url, 'PUT', `/api/photo?target=group:${SEED.marketing}&locale=de`, {
      token: await sign(key, claims()),
      body: await encodeJpeg(photoLike(300, 300, 4)),
    });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ error: { code: 'NotGroupOwner' } });
    expect((answer.json['error'] as { message: string }).message).toMatch(
      /^Sie sind kein Besitzer von Marketing/,
    );
    expect((await photoAt(graph.emulator.url, graph.user(SEED.megan.upn), groupPath))!.equals(before!)).toBe(
      true,
    );
    const audit = await new AuditLog({
      storage: new FsStorage({ root: path.join(dataDir, 'storage') }),
    }).list(since - 1000, Date.now() + 1000);
    expect(audit.filter((record) => record.target.id === SEED.marketing)).toEqual([
      expect.objectContaining({ actor: SEED.alex.id, path: 'tab', result: 'NotGroupOwner' }),
    ]);
  });

  it('has no local token route', async () => {
    expect((await call(url, 'GET', '/api/local/token')).status).toBe(404);
  });
});
