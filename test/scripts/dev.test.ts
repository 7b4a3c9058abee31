/**
 * `npm run dev` (scripts/dev.mjs) beside a running bot and on its own, over loopback: it reuses a bot that answers
 * /healthz instead of failing on a taken port, starts one otherwise, and in both cases ends by pointing at the
 * Playground's address, which it reads from the Playground's own output.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { silentLogger } from '../../dist/logger.js';

const DEV = new URL('../../scripts/dev.mjs', import.meta.url).pathname;
const ROOT = new URL('../..', import.meta.url).pathname;

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

/** Runs dev.mjs until it has printed the Playground banner, then Ctrl+C; returns everything it printed. */
function runDev(env: Record<string, string>, logFile: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DEV], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'warn',
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (/send it a photo: .*\n/.test(stdout)) child.kill('SIGINT');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ stdout, stderr });
    });
  });
}

describe('npm run dev (scripts/dev.mjs)', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'teams-photo-dev-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reuses a bot that is already running, and says so, instead of starting a second one', async () => {
    const app: RunningApp = await startApp(
      loadConfig({ PORT: '0', GRAPH_EMULATOR_PORT: '0', DATA_DIR: path.join(folder, 'running') }),
      silentLogger,
    );
    try {
      const { stdout, stderr } = await runDev(
        { PORT: String(app.server.port), DATA_DIR: path.join(folder, 'unused') },
        path.join(folder, 'playground-1.log'),
      );
      expect(stdout).toContain(
        `Using the Teams Photo bot already running on http://127.0.0.1:${app.server.port}`,
      );
      expect(stdout).toMatch(
        /Chat with Teams Photo in Microsoft 365 Agents Playground: http:\/\/localhost:\d+\n/,
      );
      expect(stdout).toContain('(the one already running)');
      expect(stdout).not.toContain('Teams Photo is running in local mode');
      expect(stderr).not.toMatch(/EADDRINUSE|PortInUse|^\s+at /m);
      // The running bot is untouched.
      expect((await fetch(`${app.server.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('starts the bot when none runs, with a banner that points at the Playground rather than at itself', async () => {
    const port = await freePort();
    const { stdout, stderr } = await runDev(
      {
        PORT: String(port),
        GRAPH_EMULATOR_PORT: String(await freePort()),
        DATA_DIR: path.join(folder, 'fresh'),
      },
      path.join(folder, 'playground-2.log'),
    );
    expect(stdout).toContain('Teams Photo is running in local mode');
    expect(stdout).not.toContain('npm run dev');
    expect(stdout).toMatch(
      /Chat with Teams Photo in Microsoft 365 Agents Playground: http:\/\/localhost:\d+\n/,
    );
    expect(stdout).toContain(`  bot   http://127.0.0.1:${port}/api/messages\n`);
    expect(stderr).not.toMatch(/DEP0111|^\s+at /m);
  });
});
