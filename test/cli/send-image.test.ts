/**
 * `profile-photo send-image` against the real bot in local mode (the compiled CLI in a child process, the app in
 * this one, all on loopback): the answer in the sender's language, where to see the new photo, and `--playground`
 * through a stand-in for Agents Playground's custom activity routes that forwards to the bot as the Playground
 * does and collects the bot's replies on its `/_connector`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { runCli } from '../helpers/cli.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

const ALEX = '00000000-0000-0000-0000-0000000000020';
const PLAYGROUND_CLI = new URL('../../node_modules/@microsoft/m365agentsplayground/cli.js', import.meta.url)
  .pathname;
const CHAT = 'playground-personal-chat';

interface Forwarded {
  readonly activity: Record<string, unknown>;
  readonly status: number;
}

/**
 * A stand-in for Agents Playground: `/_internal/v1/config`, the custom activity template and route (which answers
 * 200 and then forwards the activity to the bot, as the real one does), and `/_connector`, where the bot replies.
 */
async function fakePlayground(botMessagesUrl: string) {
  const forwarded: Forwarded[] = [];
  const replies: Record<string, unknown>[] = [];
  let url = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const json = (value: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const route = (req.url ?? '').split('?')[0];
      if (req.method === 'GET' && route === '/_internal/v1/config') {
        json({ config: { personalChat: { id: CHAT, name: 'Personal Chat' } } });
      } else if (req.method === 'GET' && route === '/_internal/v1/customActivities/template') {
        json({
          id: 'template',
          channelId: 'msteams',
          serviceUrl: `${url}/_connector`,
          recipient: { id: 'bot', name: 'Test Bot' },
          conversation: { id: CHAT, conversationType: 'personal', tenantId: 'playground-tenant' },
          from: { id: 'user-id-0', aadObjectId: ALEX },
          type: '<custom-activity-type>',
        });
      } else if (req.method === 'POST' && route === '/_internal/v1/customActivities') {
        json({});
        const activity = JSON.parse(body) as Record<string, unknown>;
        void fetch(botMessagesUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }).then((answer) => forwarded.push({ activity, status: answer.status }));
      } else if (req.method === 'POST' && route?.startsWith('/_connector/')) {
        replies.push(JSON.parse(body) as Record<string, unknown>);
        json({ id: `reply-${replies.length}` });
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    forwarded,
    replies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** The first defined value `probe` gives within `ms`, or `undefined`. */
async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 30_000,
): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('profile-photo send-image', () => {
  let folder: string;
  let app: RunningApp;
  let photo: string;
  let env: Record<string, string>;
  let bot: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'send-image-cli-'));
    const config = loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: path.join(folder, 'data'),
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
    });
    app = await startApp(config, process.env.TEST_LOG ? createLogger('debug') : silentLogger);
    photo = path.join(folder, 'me.jpg');
    await writeFile(photo, await encodeJpeg(photoLike(700, 500, 5)));
    bot = `${app.server.url}/api/messages`;
    env = { PORT: String(app.server.port), GRAPH_EMULATOR_PORT: String(app.emulator!.port) };
  });
  afterAll(async () => {
    await app.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('prints the card, then where to see the new photo: the emulator page and the photo itself', async () => {
    const outcome = await runCli(['send-image', photo, '--bot', bot], env);
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Teams Photo: card: Your new profile photo is set/);
    expect(lines.slice(1)).toEqual([
      `See it on the Graph emulator's page: ${app.emulator!.url}/`,
      `The photo itself:                    ${app.emulator!.url}/_view/photo/users/${ALEX}`,
    ]);
    const served = await fetch(`${app.emulator!.url}/_view/photo/users/${ALEX}`);
    expect(served.status).toBe(200);
  });

  it("with --text, sends the words with the image: a group's photo is set and the card names it", async () => {
    const outcome = await runCli(['send-image', photo, '--text', 'group my team', '--bot', bot], env);
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Teams Photo: card: The photo of My Team is set \| Before \| .* \| \[Undo\]$/);
    // A group's photo is not the sender's: only the page is pointed at.
    expect(lines.slice(1)).toEqual([`See it on the Graph emulator's page: ${app.emulator!.url}/`]);
    const served = await fetch(
      `${app.emulator!.url}/_view/photo/groups/00000000-0000-0000-0000-000000000031`,
    );
    expect(served.status).toBe(200);
  });

  it('speaks the --locale it is given, and points at no photo when nothing changed', async () => {
    const pdf = path.join(folder, 'Lebenslauf.pdf');
    await writeFile(pdf, '%PDF-1.7\n');
    const outcome = await runCli(['send-image', pdf, '--as-file', '--locale', 'de-DE', '--bot', bot], env);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(
      /^Teams Photo: Die Datei Lebenslauf\.pdf ist kein Foto\. Bitte senden Sie stattdessen .* Referenz: [0-9a-f]{8}\n$/,
    );
    expect(outcome.stdout).not.toContain('See it');
  });

  it('answers in Russian with the card when --locale is ru-RU', async () => {
    const outcome = await runCli(['send-image', photo, '--locale', 'ru-RU', '--bot', bot], env);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^Teams Photo: card: Новое фото профиля установлено/);
  });

  it('with --playground, sends the image through the Playground, whose chat gets the card', async () => {
    const playground = await fakePlayground(bot);
    try {
      const outcome = await runCli(
        ['send-image', photo, '--playground', '--playground-url', playground.url, '--locale', 'de-DE'],
        env,
      );
      expect(outcome.stderr).toBe('');
      expect(outcome.code).toBe(0);
      expect(outcome.stdout.split('\n')[0]).toBe(
        `Sent through Microsoft 365 Agents Playground: the answer is in its chat, ${playground.url}`,
      );
      expect(outcome.stdout).toContain(`${app.emulator!.url}/_view/photo/users/${ALEX}`);
      // The command returns once the photo changed; the bot's turn (and its card) may still be finishing.
      const card = await eventually(() =>
        playground.forwarded.length > 0
          ? playground.replies.find((reply) => Array.isArray(reply.attachments))
          : undefined,
      );
      expect(JSON.stringify(card)).toContain('Ihr neues Profilbild ist festgelegt');
      expect(playground.forwarded).toHaveLength(1);
      expect(playground.forwarded[0]!.status).toBe(200);
      expect(playground.forwarded[0]!.activity).toMatchObject({
        type: 'message',
        locale: 'de-DE',
        conversation: { id: CHAT },
        serviceUrl: `${playground.url}/_connector`,
        attachments: [{ contentType: 'image/*' }],
      });
    } finally {
      await playground.close();
    }
  });

  it('with --playground, goes through the real Agents Playground too, whose log then holds the card', async () => {
    const log = path.join(folder, 'playground.log');
    const child = spawn(
      process.execPath,
      [PLAYGROUND_CLI, '-e', bot, '-c', 'msteams', '--disable-telemetry', '-p', '0'],
      {
        cwd: folder,
        env: {
          PATH: process.env.PATH ?? '',
          TEAMSAPPTESTER_BROWSER: 'none',
          M365_AGENTS_PLAYGROUND_LOGFILE: log,
        },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    try {
      // It prints the port it took ("Listening on N"): 0 asks for a free one, as it may move anyway.
      let printed = '';
      child.stdout.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
      });
      const port = await eventually(() => /Listening on (\d+)/.exec(printed)?.[1]);
      expect(port).toBeDefined();
      const outcome = await runCli(
        ['send-image', photo, '--playground', '--playground-url', `http://localhost:${port}`],
        env,
      );
      expect(outcome.stderr).toBe('');
      expect(outcome.code).toBe(0);
      const logged = await eventually(async () => {
        const text = await readFile(log, 'utf8').catch(() => '');
        return text.includes('Your new profile photo is set') ? text : undefined;
      });
      expect(logged).toBeDefined();
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('with --playground and no Playground running, says PlaygroundUnreachable in one line', async () => {
    const outcome = await runCli(
      ['send-image', photo, '--playground', '--playground-url', 'http://127.0.0.1:9', '--wait-ms', '3000'],
      env,
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(
      'PlaygroundUnreachable: Microsoft 365 Agents Playground did not answer. Start it with npm run dev, or point --playground-url at the address it printed.\n',
    );
  });
});
