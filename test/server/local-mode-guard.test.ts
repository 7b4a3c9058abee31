/**
 * Local mode cannot be driven by a web page: a cross-site form (url-encoded or text/plain, which need no CORS
 * preflight) gets 415, a DNS-rebinding request (a foreign Host) 421, and an activity whose serviceUrl is not on
 * loopback 403; in each case no turn runs, which recording servers prove (no attachment fetched, no reply posted).
 * The normal local flow (JSON, loopback Host, loopback serviceUrl such as the Playground's localhost one) works,
 * and with bot credentials these checks do not apply (Bot Framework authentication answers instead).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { silentLogger } from '../../dist/logger.js';
import { fakeConnector, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

const ALEX = '00000000-0000-0000-0000-0000000000020';
/** Long enough for a turn that had started to fetch its attachment and post its typing indicator. */
const SETTLE_MS = 1500;

interface RawAnswer {
  readonly status: number;
  readonly body: string;
}

/** A POST over loopback with exactly these headers (fetch does not let a caller set Host). */
function rawPost(port: number, pathname: string, headers: Record<string, string>, body: string) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: pathname,
        headers: { ...headers, connection: 'close' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function rawGet(port: number, pathname: string, host: string) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'GET', path: pathname, headers: { host, connection: 'close' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: text });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Serves one photo and records every request made to it. */
async function recordingFileServer(photo: Buffer) {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    res.end(photo);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

describe('local mode refuses what a web page can send', () => {
  let dataDir: string;
  let app: RunningApp;
  let port: number;
  let files: Awaited<ReturnType<typeof recordingFileServer>>;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-guard-'));
    files = await recordingFileServer(await encodeJpeg(photoLike(800, 600)));
    app = await startApp(
      loadConfig({
        PORT: '0',
        GRAPH_EMULATOR_PORT: '0',
        DATA_DIR: dataDir,
        PHOTO_POOL_SIZE: '1',
        QUALITY_CHECKS: 'off',
      }),
      silentLogger,
    );
    port = app.server.port;
  });
  afterAll(async () => {
    await app.close();
    await files.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    connector = await fakeConnector();
    files.requests.length = 0;
  });
  afterEach(async () => {
    await connector.close();
  });

  /** A photo turn: if it ran, the bot would fetch `files` and post to `connector`. */
  const photoTurn = (serviceUrl = connector.url) =>
    teamsActivity(serviceUrl, ALEX, {
      attachments: [{ contentType: 'image/*', contentUrl: `${files.url}/photo.jpg` }],
    });

  /** Nothing reached the recording servers: no attachment fetched, no reply (not even typing) posted. */
  async function expectNoTurn(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    expect(files.requests).toEqual([]);
    expect(connector.sent).toEqual([]);
  }

  it('answers a url-encoded form (what any site can POST without a preflight) with 415, running no turn', async () => {
    // restify's body parser would read these bracketed names as a nested activity with an attachment.
    const form = new URLSearchParams({
      type: 'message',
      id: 'form-1',
      channelId: 'msteams',
      serviceUrl: connector.url,
      'from[id]': `29:${ALEX}`,
      'from[aadObjectId]': ALEX,
      'recipient[id]': '28:teams-photo-bot',
      'conversation[id]': `a:personal-${ALEX}`,
      'attachments[0][contentType]': 'image/*',
      'attachments[0][contentUrl]': `${files.url}/photo.jpg`,
    }).toString();
    const answer = await rawPost(
      port,
      '/api/messages',
      { host: `127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded' },
      form,
    );
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'UnsupportedMediaType' } });
    await expectNoTurn();
  });

  it('answers a text/plain form carrying JSON (the enctype trick) with 415, running no turn', async () => {
    const answer = await rawPost(
      port,
      '/api/messages',
      { host: `127.0.0.1:${port}`, 'content-type': 'text/plain' },
      JSON.stringify(photoTurn()),
    );
    expect(answer.status).toBe(415);
    await expectNoTurn();
  });

  it.each(['evil.example', `evil.example:PORT`, `127.0.0.1.evil.example:PORT`])(
    'answers a DNS-rebinding request (Host %s) with 421, running no turn, and keeps /healthz from it',
    async (host) => {
      const value = host.replace('PORT', String(port));
      const answer = await rawPost(
        port,
        '/api/messages',
        { host: value, 'content-type': 'application/json' },
        JSON.stringify(photoTurn()),
      );
      expect(answer.status).toBe(421);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'MisdirectedRequest' } });
      expect((await rawGet(port, '/healthz', value)).status).toBe(421);
      await expectNoTurn();
    },
  );

  it.each([
    'https://smba.trafficmanager.net/amer/',
    'http://127.0.0.1@evil.example:1/',
    'file:///etc/passwd',
    '',
  ])('answers an activity whose serviceUrl is %j with 403, running no turn', async (serviceUrl) => {
    const answer = await rawPost(
      port,
      '/api/messages',
      { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      JSON.stringify(photoTurn(serviceUrl)),
    );
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'ServiceUrlNotLoopback' } });
    await expectNoTurn();
  });

  it.each([
    ['127.0.0.1', (p: number) => `127.0.0.1:${p}`],
    ['localhost, as the Playground sends it', (p: number) => `localhost:${p}`],
    ['[::1]', (p: number) => `[::1]:${p}`],
  ])('runs a JSON turn with a loopback Host (%s) and a localhost serviceUrl', async (_name, host) => {
    const serviceUrl = connector.url.replace('127.0.0.1', 'localhost');
    const answer = await rawPost(
      port,
      '/api/messages',
      { host: host(port), 'content-type': 'application/json; charset=utf-8' },
      JSON.stringify(teamsActivity(serviceUrl, ALEX, { text: 'help' })),
    );
    expect(answer.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply!.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect((await rawGet(port, '/healthz', host(port))).status).toBe(200);
  });
});

describe('with bot credentials', () => {
  it('leaves requests to Bot Framework authentication, whatever their type, Host or serviceUrl', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-guard-prod-'));
    const app = await startApp(
      loadConfig({
        PORT: '0',
        DATA_DIR: dataDir,
        BOT_ID: 'bot-app-id',
        BOT_PASSWORD: 'bot-app-secret',
        AAD_APP_CLIENT_ID: 'sso-app-id',
        AAD_APP_TENANT_ID: 'tenant-id',
        AAD_APP_CLIENT_SECRET: 'sso-secret',
      }),
      silentLogger,
    );
    try {
      const activity = JSON.stringify(teamsActivity('https://smba.trafficmanager.net/amer/', 'someone'));
      const foreignHost = await rawPost(
        app.server.port,
        '/api/messages',
        { host: 'bot.example.com', 'content-type': 'application/json' },
        activity,
      );
      expect(foreignHost.status).toBe(401);
      // Not JSON: the adapter refuses it itself (no 415 from the local checks).
      const plain = await rawPost(
        app.server.port,
        '/api/messages',
        { host: `127.0.0.1:${app.server.port}`, 'content-type': 'text/plain' },
        activity,
      );
      expect([400, 401]).toContain(plain.status);
      expect((await rawGet(app.server.port, '/healthz', 'bot.example.com')).status).toBe(200);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
