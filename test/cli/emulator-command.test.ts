import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalTokenIssuer } from '../../src/auth/local-token-issuer.js';
import { createEmulatorCommand } from '../../src/cli/emulator-command.js';
import { CLI_BIN } from '../helpers/cli.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  stdout(): string;
  stderr(): string;
  exit: Promise<number | null>;
}

/** Starts `profile-photo emulator ...` and waits for the line with its URL. */
async function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const child = spawn(process.execPath, [CLI_BIN, 'emulator', ...args], { env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exit = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no URL within 10 s: ${out} ${err}`));
    }, 10_000);
    const check = (): void => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1] && out.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before listening: ${err}`));
    });
  });
  return { child, url, exit, stdout: () => out, stderr: () => err };
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'profile-photo-emulator-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('profile-photo emulator', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints its URLs, answers on its port, and exits 0 on %s',
    async (signal) => {
      const running = await startCli(['--port', '0', '--data', dataDir]);
      expect(running.stdout()).toContain(`Users, groups and photos: ${running.url}/`);
      expect((await fetch(`${running.url}/`)).status).toBe(200);
      const issuer = await LocalTokenIssuer.open(dataDir);
      const token = issuer.issueApp({ tenantId: '00000000-0000-0000-0000-0000000000001' });
      const user = await fetch(`${running.url}/v1.0/users/alexw@example.com`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(user.status).toBe(200);
      running.child.kill(signal);
      expect(await running.exit).toBe(0);
      expect(running.stdout()).toContain('GET /v1.0/users/alexw@example.com 200');
      expect(running.stdout()).toMatch(/Graph emulator stopped\.\n$/);
      expect(running.stdout()).not.toContain(token);
      expect(running.stderr()).toBe('');
      await expect(fetch(`${running.url}/`)).rejects.toThrow();
    },
  );

  it('takes its port from GRAPH_EMULATOR_PORT and DATA_DIR from the environment', async () => {
    const port = await freePort();
    const running = await startCli([], { GRAPH_EMULATOR_PORT: String(port), DATA_DIR: dataDir });
    try {
      expect(running.url).toBe(`http://127.0.0.1:${port}`);
      expect(running.stdout()).toContain(`Data: ${path.join(dataDir, 'emulator')}`);
    } finally {
      running.child.kill('SIGTERM');
      await running.exit;
    }
  });

  it('exits 1 with one PortInUse line when the port is taken, and 2 for a bad --port', async () => {
    const running = await startCli(['--port', '0', '--data', dataDir]);
    try {
      const port = new URL(running.url).port;
      const second = spawn(process.execPath, [CLI_BIN, 'emulator', '--port', port, '--data', dataDir]);
      let err = '';
      second.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      const code = await new Promise((resolve) => second.once('exit', resolve));
      expect(code).toBe(1);
      expect(err).toMatch(/^PortInUse: [^\n]+\n$/);
    } finally {
      running.child.kill('SIGTERM');
      await running.exit;
    }
    const bad = spawn(process.execPath, [CLI_BIN, 'emulator', '--port', 'http']);
    expect(await new Promise((resolve) => bad.once('exit', resolve))).toBe(2);
  });
});

/**
 * Runs the emulator command object in this process on a free port with `env` added, until `stop` is called:
 * its address once it listens, what it printed, and its exit code.
 */
async function runEmulatorCommand(env: Record<string, string>) {
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const command = createEmulatorCommand({
    waitForStop: () => stopped,
    env: { DATA_DIR: dataDir, GRAPH_EMULATOR_PORT: '0', ...env },
  });
  const out: string[] = [];
  let listening = (): void => undefined;
  const ready = new Promise<void>((resolve) => (listening = resolve));
  const exit = command.run([], {
    out: (line: string) => {
      out.push(line);
      if (line.includes('Press Ctrl+C')) listening();
    },
    err: (line: string) => out.push(`err: ${line}`),
  });
  await ready;
  const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out[0] ?? '')?.[1] ?? '';
  return { url, stop, exit, out };
}

describe('the emulator command object', () => {
  it('maps the fault settings onto photo routes only, and stops when told to', async () => {
    const { url, stop, exit, out } = await runEmulatorCommand({
      EMULATOR_FAULT_429_RATE: '1',
      EMULATOR_RETRY_AFTER_SECONDS: '3',
    });
    const token = (await LocalTokenIssuer.open(dataDir)).issueApp({
      tenantId: '00000000-0000-0000-0000-0000000000001',
    });
    const headers = { authorization: `Bearer ${token}` };
    expect((await fetch(`${url}/v1.0/users`, { headers })).status).toBe(200);
    const throttled = await fetch(`${url}/v1.0/users/alexw@example.com/photo`, { headers });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    stop();
    expect(await exit).toBe(0);
    expect(out.at(-1)).toBe('Graph emulator stopped.');
  });
});

describe('the emulator command’s write throttling', () => {
  it('limits concurrent photo writes per app as EMULATOR_MAX_CONCURRENT_WRITES says', async () => {
    const { url, stop, exit, out } = await runEmulatorCommand({
      EMULATOR_MAX_CONCURRENT_WRITES: '1',
      EMULATOR_LATENCY_MS: '1500',
      EMULATOR_RETRY_AFTER_SECONDS: '0',
    });
    expect(out).toContain('Photo writes: at most 1 at once per app, 429 beyond (as Graph throttles).');
    const token = (await LocalTokenIssuer.open(dataDir)).issueApp({
      tenantId: '00000000-0000-0000-0000-0000000000001',
    });
    const body = await encodeJpeg(photoLike(32, 32, 1), 80);
    const write = (upn: string) =>
      fetch(`${url}/v1.0/users/${upn}/photo/$value`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
        body,
      });
    const answers = await Promise.all([write('alexw@example.com'), write('meganb@example.com')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 429]);
    expect(answers.find((answer) => answer.status === 429)?.headers.get('retry-after')).toBe('0');
    stop();
    expect(await exit).toBe(0);
  });
});
