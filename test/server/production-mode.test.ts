/**
 * Production mode end to end, offline. The bot runs with credentials, and botbuilder's own token validation reads
 * the channel's OpenID metadata and keys from a loopback server this test runs (BOT_OPENID_METADATA_URL,
 * BOT_TOKEN_ISSUER), the Bot Framework token service is a loopback stand-in (BOT_OAUTH_URL), and the bot's own
 * token is a fixed one from an injected credentials factory. Everything goes through the real server and
 * CloudAdapter:
 * - an activity with a validly signed channel token is processed: its inline image is downloaded over https, with
 *   the bot's token, from an allowlisted Teams host name (smba.trafficmanager.net, mapped to 127.0.0.1 by the
 *   downloader's resolver and served with a certificate made for that name), and the reply reaches the connector;
 * - a token signed by another key, or naming another issuer, audience or service URL, gets 401 and nothing else;
 * - a turn that throws (storage failing under the sign-in exchange) reaches `onTurnError`, and the person gets the
 *   generic sentence in their language with a reference id, never the exception's message.
 */
import { FAKE_AUTHORITY, fakeEntra } from '../helpers/fake-entra.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { createLogger } from '../../dist/logger.js';
import { createStorage } from '../../dist/storage/index.js';
import type { Storage } from '../../dist/storage/index.js';
import {
  fixedTokenCredentials,
  newSigningKey,
  startOpenIdChannel,
  startTokenService,
} from '../helpers/bot-framework-channel.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { selfSignedCertificate } from '../helpers/self-signed-cert.js';

const BOT_APP_ID = 'bot-app-id';
const BOT_TOKEN = 'fixed-bot-token-7f3a9c';
const ISSUER = 'https://channel-issuer.example.test';
const TEAMS_HOST = 'smba.trafficmanager.net';
const SENDER = '11111111-2222-3333-4444-555555555555';
const STORAGE_FAILURE = 'storage exploded at https://account.blob.example/?sig=SECRET-SAS';

/** A storage that works until `broken` is set, then rejects every call with {@link STORAGE_FAILURE}. */
function breakableStorage(inner: Storage): Storage & { broken: boolean } {
  const state = { broken: false };
  return new Proxy(inner as Storage & { broken: boolean }, {
    get(target, property, receiver) {
      if (property === 'broken') return state.broken;
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        state.broken
          ? Promise.reject(new Error(STORAGE_FAILURE))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
    set(_target, property, value) {
      if (property !== 'broken') return false;
      state.broken = value === true;
      return true;
    },
  });
}

describe('production mode, offline', () => {
  let dataDir: string;
  let app: RunningApp;
  let botUrl: string;
  let channel: Awaited<ReturnType<typeof startOpenIdChannel>>;
  let tokenService: Awaited<ReturnType<typeof startTokenService>>;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let storage: ReturnType<typeof breakableStorage>;
  const logLines: string[] = [];
  const imageRequests: { path: string; authorization: string | undefined; host: string | undefined }[] = [];
  let images: ReturnType<typeof createHttpsServer>;
  let imageUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-production-'));
    const photo = await encodeJpeg(photoLike(800, 600, 5));
    const certificate = selfSignedCertificate([TEAMS_HOST]);
    images = createHttpsServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
      imageRequests.push({
        path: req.url ?? '',
        authorization: req.headers.authorization,
        host: req.headers.host,
      });
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(photo);
    });
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    imageUrl = `https://${TEAMS_HOST}:${(images.address() as AddressInfo).port}/v3/attachments/0-abc/views/original`;

    channel = await startOpenIdChannel({ issuer: ISSUER, botAppId: BOT_APP_ID });
    tokenService = await startTokenService({ exchangedToken: 'sso-token-for-our-api' });
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      BOT_ID: BOT_APP_ID,
      BOT_PASSWORD: 'bot-app-secret',
      AAD_APP_CLIENT_ID: 'sso-app-id',
      AAD_APP_TENANT_ID: 'tenant-id',
      AAD_APP_CLIENT_SECRET: 'sso-secret',
      BOT_OPENID_METADATA_URL: channel.metadataUrl,
      BOT_TOKEN_ISSUER: ISSUER,
      BOT_OAUTH_URL: tokenService.url,
      // Entra ID in-process (below); it gives the app no token, so the photo rules are "unknown" and Graph decides.
      AAD_APP_OAUTH_AUTHORITY_HOST: FAKE_AUTHORITY,
      // A made-up picture without a face: the quality checks have their own tests.
      QUALITY_CHECKS: 'off',
    });
    storage = breakableStorage(createStorage(config.storage));
    app = await startApp(
      config,
      createLogger('debug', (line) => logLines.push(line)),
      {
        botCredentials: fixedTokenCredentials(BOT_APP_ID, BOT_TOKEN),
        oboCredentialOptions: fakeEntra(() => ({ status: 400, body: { error: 'invalid_client' } }))
          .credentialOptions,
        storage,
        downloads: {
          // Teams' attachment host, answered by the loopback server above; any other name does not exist here.
          resolve: (hostname: string) =>
            hostname === TEAMS_HOST
              ? Promise.resolve([{ address: '127.0.0.1', family: 4 }])
              : Promise.reject(Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' })),
          ca: certificate.cert,
        },
      },
    );
    botUrl = `http://127.0.0.1:${app.server.port}`;
  });
  afterAll(async () => {
    await app.close();
    await channel.close();
    await tokenService.close();
    await new Promise((resolve) => images.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    connector = await fakeConnector();
    storage.broken = false;
    imageRequests.length = 0;
  });
  afterEach(async () => {
    await connector.close();
  });

  const activity = (extra: Record<string, unknown> = {}) => teamsActivity(connector.url, SENDER, extra);
  const imageMessage = () => activity({ attachments: [{ contentType: 'image/*', contentUrl: imageUrl }] });

  it('takes a validly signed activity: the inline image comes over https with the bot token, the reply reaches the connector', async () => {
    const message = imageMessage();
    const answer = await postActivity(botUrl, message, {
      authorization: `Bearer ${channel.token(connector.url)}`,
    });
    expect(answer.status).toBe(200);

    // No SSO token is stored for the sender yet: the photo waits and the answer is the sign-in card.
    const [reply] = await connector.waitFor(1);
    expect(reply!.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.oauth');
    expect(reply!.activity.attachments?.[0]?.content).toMatchObject({
      connectionName: 'graph',
      tokenExchangeResource: { id: 'exchange-resource' },
    });
    expect(reply!.path).toContain(encodeURIComponent(message.conversation.id));
    // Every reply is signed with the bot's token.
    expect(connector.sent.map((sent) => sent.authorization)).toEqual(
      connector.sent.map(() => `Bearer ${BOT_TOKEN}`),
    );

    // The image: from the allowlisted name, over TLS checked against that name, with the bot's token.
    expect(imageRequests).toEqual([
      {
        path: '/v3/attachments/0-abc/views/original',
        authorization: `Bearer ${BOT_TOKEN}`,
        host: expect.stringContaining(TEAMS_HOST) as string,
      },
    ]);
    // botbuilder read the keys from the configured metadata, and the token service was the configured one.
    expect(channel.requests).toEqual(
      expect.arrayContaining(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']),
    );
    const getToken = tokenService.requests.find((r) => r.path === '/api/usertoken/GetToken');
    expect(getToken?.query.get('userId')).toBe(`29:${SENDER}`);
    expect(getToken?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    // No token in any log line.
    expect(logLines.join('\n')).not.toContain(BOT_TOKEN);
  });

  it.each([
    [
      'signed by another key with the same key id',
      () => channel.token(connector.url, {}, newSigningKey(channel.key.kid)),
    ],
    [
      'signed by a key the metadata does not list',
      () => channel.token(connector.url, {}, newSigningKey('unknown-kid')),
    ],
    ['from another issuer', () => channel.token(connector.url, { iss: 'https://api.botframework.com' })],
    ['for another bot', () => channel.token(connector.url, { aud: 'another-bot-app-id' })],
    ['for another service URL', () => channel.token('https://smba.trafficmanager.net/emea/')],
    ['that expired', () => channel.token(connector.url, { exp: Math.floor(Date.now() / 1000) - 3600 })],
  ])('refuses a token %s with 401, and does nothing', async (_name, token) => {
    const answer = await postActivity(botUrl, imageMessage(), { authorization: `Bearer ${token()}` });
    expect(answer.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.sent).toHaveLength(0);
    expect(imageRequests).toHaveLength(0);
  });

  it('answers a turn that throws through onTurnError with the generic sentence in the language and a reference id', async () => {
    storage.broken = true;
    logLines.length = 0;
    const exchange = activity({
      type: 'invoke',
      name: 'signin/tokenExchange',
      locale: 'de-DE',
      value: { id: 'exchange-1', connectionName: 'graph', token: 'teams-sso-token' },
    });
    await postActivity(botUrl, exchange, { authorization: `Bearer ${channel.token(connector.url)}` });

    const [reply] = await connector.waitFor(1);
    const text = reply!.activity.text ?? '';
    const match =
      /^Bei mir ist etwas schiefgelaufen\. Bitte versuchen Sie es erneut\.\n\nReferenz: ([0-9a-f]{8})$/.exec(
        text,
      );
    expect(match).not.toBeNull();
    expect(text).not.toContain('storage exploded');
    expect(text).not.toContain('SECRET');
    // The token service did exchange the token: the turn failed after it, in storage.
    expect(tokenService.requests.some((r) => r.path === '/api/usertoken/exchange')).toBe(true);
    // The log has the failure under the same reference, from the turn error handler, and no secret.
    const logged = logLines.find((line) => line.includes(`correlationId="${match![1]}"`));
    expect(logged).toMatch(/ERROR turn failed/);
    const log = logLines.join('\n');
    expect(log).not.toContain('SECRET-SAS');
    expect(log).not.toContain('teams-sso-token');
    expect(log).not.toContain('sso-token-for-our-api');
    expect(log).not.toContain(BOT_TOKEN);
  });
});
