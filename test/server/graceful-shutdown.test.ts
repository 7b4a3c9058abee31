/**
 * Closing the app lets a turn under way finish (its card still arrives) and takes no new ones: a turn posted while
 * the server drains gets 503 and `/healthz` answers 503; and SIGTERM sent to the real `npm start` process
 * (`node dist/index.js`) finishes the turn under way before the process exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { startApp } from '../../dist/app.js';
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { loadConfig } from '../../dist/config.js';
import { startEmulator } from '../../dist/emulator/graph-emulator.js';
import { silentLogger } from '../../dist/logger.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

const ALEX = '00000000-0000-0000-0000-0000000000020';
const TENANT = '00000000-0000-0000-0000-0000000000001';
const REPO = new URL('../../', import.meta.url).pathname;

/** Serves one photo on loopback, for the bot to download. */
async function photoServer(): Promise<{ url: string; server: Server }> {
  const photo = await encodeJpeg(photoLike(2400, 1800));
  const server = createServer((_req, res) => {
    res.writeHead(200);
    res.end(photo);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/photo.jpg`, server };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => {
      resolve();
    });
  });
}

const photoTurn = (serviceUrl: string, fileUrl: string) =>
  teamsActivity(serviceUrl, ALEX, { attachments: [{ contentType: 'image/*', contentUrl: fileUrl }] });

/** Alex's photo as the emulator over `dataDir` has it, or null. */
async function storedPhoto(emulatorUrl: string, dataDir: string): Promise<Buffer | null> {
  const issuer = await LocalTokenIssuer.open(dataDir);
  const token = issuer.issueDelegated({
    tenantId: TENANT,
    userId: ALEX,
    userPrincipalName: 'alexw@example.com',
  });
  const response = await fetch(`${emulatorUrl}/v1.0/me/photo/$value`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status === 200 ? Buffer.from(await response.arrayBuffer()) : null;
}

it('finishes the turn under way on close and refuses new ones', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-close-'));
  const files = await photoServer();
  const connector = await fakeConnector();
  const app = await startApp(
    loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off',
    }),
    silentLogger,
  );
  try {
    const turn = postActivity(app.server.url, photoTurn(connector.url, files.url));
    await connector.waitFor(1, 'typing'); // the turn is under way
    const closing = app.close();
    await expect(turn).resolves.toMatchObject({ status: 200 });
    await closing;
    const [card] = await connector.waitFor(1);
    expect(card!.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    await expect(
      postActivity(app.server.url, teamsActivity(connector.url, ALEX, { text: 'help' })),
    ).rejects.toThrow();
  } finally {
    await connector.close();
    await closeServer(files.server);
    await rm(dataDir, { recursive: true, force: true });
  }
});

it('answers a turn posted while draining with 503, and /healthz with 503, until the turn under way is done', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-drain-'));
  const files = await photoServer();
  const connector = await fakeConnector();
  // Graph slowed down, so the photo turn is still under way while the server drains.
  const app = await startApp(
    loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
      EMULATOR_LATENCY_MS: '700',
    }),
    silentLogger,
  );
  try {
    expect((await fetch(`${app.server.url}/healthz`)).status).toBe(200);
    const turn = postActivity(app.server.url, photoTurn(connector.url, files.url));
    await connector.waitFor(1, 'typing');
    const closing = app.close();
    let closed = false;
    void closing.then(() => (closed = true));

    const late = await postActivity(app.server.url, teamsActivity(connector.url, ALEX, { text: 'help' }));
    expect(late.status).toBe(503);
    const health = await fetch(`${app.server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'closing' });
    // Both were answered while the first turn was still under way (the server had not closed yet).
    expect(closed).toBe(false);

    await expect(turn).resolves.toMatchObject({ status: 200 });
    await closing;
    const [card] = await connector.waitFor(1);
    expect(card!.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    // The late turn ran nothing: one card (the first turn's), and only its typing indicator.
    expect(connector.sent.filter((s) => (s.activity.type ?? 'message') === 'message')).toHaveLength(1);
    expect(connector.sent.filter((s) => s.activity.type === 'typing')).toHaveLength(1);
  } finally {
    await connector.close();
    await closeServer(files.server);
    await rm(dataDir, { recursive: true, force: true });
  }
});

describe('the real `npm start` process', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    // Only if a failed assertion left it running.
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('finishes the turn under way on SIGTERM, then exits 0', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-sigterm-'));
    const files = await photoServer();
    const connector = await fakeConnector();
    try {
      const started = spawn(process.execPath, ['dist/index.js'], {
        cwd: REPO,
        env: {
          PATH: process.env.PATH ?? '',
          PORT: '0',
          GRAPH_EMULATOR_PORT: '0',
          DATA_DIR: dataDir,
          PHOTO_POOL_SIZE: '1',
          QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
          EMULATOR_LATENCY_MS: '700',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      let stdout = '';
      let stderr = '';
      started.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      // What the fake connector had received when the process exited: the card must be among it.
      const exited = new Promise<{ code: number | null; signal: string | null; cardsSoFar: number }>(
        (resolve) => {
          started.on('exit', (code, signal) => {
            const cardsSoFar = connector.sent.filter(
              (s) => (s.activity.type ?? 'message') === 'message',
            ).length;
            resolve({ code, signal, cardsSoFar });
          });
        },
      );
      const deadline = Date.now() + 30_000;
      let botUrl: string | undefined;
      while (!botUrl) {
        botUrl = /bot\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/messages/.exec(stdout)?.[1];
        if (started.exitCode !== null) throw new Error(`npm start exited early: ${stderr}`);
        if (Date.now() > deadline) throw new Error(`npm start printed no URL in 30 s: ${stdout} ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }

      const turn = postActivity(botUrl, photoTurn(connector.url, files.url));
      await connector.waitFor(1, 'typing'); // the turn is under way
      started.kill('SIGTERM');

      const answer = await turn;
      const exit = await exited;
      expect(answer.status).toBe(200);
      expect(exit).toEqual({ code: 0, signal: null, cardsSoFar: 1 });
      const [card] = await connector.waitFor(1);
      expect(card!.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');

      // The photo is in the emulator's data: a fresh emulator over the same folder serves it.
      const emulator = await startEmulator({ port: 0, dataDir });
      try {
        const photo = await storedPhoto(emulator.url, dataDir);
        expect(photo).not.toBeNull();
        expect(await sharp(photo!).metadata()).toMatchObject({ format: 'jpeg', width: 648, height: 648 });
      } finally {
        await emulator.close();
      }
    } finally {
      await connector.close();
      await closeServer(files.server);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
