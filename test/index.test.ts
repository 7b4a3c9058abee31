/**
 * `npm start` as a person meets it: the compiled entry point in a child process, on loopback ports. A failed start
 * is one line `<Code>: ...` on stderr with exit code 1 and no stack trace; a good one prints the banner, with the
 * Playground's address, and no deprecation warning from a dependency.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const INDEX = new URL('../dist/index.js', import.meta.url).pathname;

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node dist/index.js` with only `env` (plus PATH) so the test machine's own variables change nothing;
 * `until` stops it with SIGTERM once stdout matches.
 */
function start(env: Record<string, string>, until?: RegExp): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INDEX], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (until?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    // Far beyond a normal start and close (a few seconds), for a machine busy with other test files.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, 50_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The failure line alone: exactly one line on stderr, no stack frames. */
function oneLine(outcome: Outcome): string {
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
  const lines = outcome.stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('starting the bot (src/index.ts)', () => {
  let folder: string;
  let taken: Server;
  let takenPort: number;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'teams-photo-start-'));
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      taken.close(() => {
        resolve();
      });
    });
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    ['bot', 'PORT', 'GRAPH_EMULATOR_PORT'],
    ['emulator', 'GRAPH_EMULATOR_PORT', 'PORT'],
  ])('with the %s port taken, says PortInUse and which port, in one line', async (_name, busy, free) => {
    const line = oneLine(
      await start({ [busy]: String(takenPort), [free]: '0', DATA_DIR: path.join(folder, `data-${busy}`) }),
    );
    expect(line).toMatch(new RegExp(`^PortInUse: .*\\(port ${takenPort}\\)\\. Stop that program`));
  });

  it('with a data folder that cannot be created, says DataDirNotWritable and which folder, in one line', async () => {
    // Tests run as root, whom chmod does not stop: a folder below a regular file cannot be created by anyone.
    const file = path.join(folder, 'a-file');
    await writeFile(file, 'not a folder');
    const line = oneLine(
      await start({ PORT: '0', GRAPH_EMULATOR_PORT: '0', DATA_DIR: path.join(file, 'sub') }),
    );
    expect(line).toBe(
      `DataDirNotWritable: The data folder (DATA_DIR) cannot be created or written to (${path.join(file, 'sub')}: ENOTDIR). Point DATA_DIR at a folder this user can write to.`,
    );
  });

  it('with a bad configuration, says ConfigInvalid and lists each problem, in one line', async () => {
    const line = oneLine(
      await start({ PORT: 'abc', PHOTO_POOL_SIZE: '-3', DATA_DIR: path.join(folder, 'data-config') }),
    );
    expect(line).toMatch(
      /^ConfigInvalid: The configuration is not valid \(PORT="abc": [^;]+; PHOTO_POOL_SIZE="-3": /,
    );
    expect(line).toMatch(/\)\. Fix the variables listed and start again/);
  });

  it('starts with a banner naming the Playground, and without the DEP0111 warning restify brings in', async () => {
    const outcome = await start(
      { PORT: '0', GRAPH_EMULATOR_PORT: '0', DATA_DIR: path.join(folder, 'data-ok') },
      /send-image/,
    );
    expect(outcome.stdout).toMatch(/bot {12}http:\/\/127\.0\.0\.1:\d+\/api\/messages/);
    expect(outcome.stdout).toMatch(/npm run dev .*Microsoft 365 Agents Playground, http:\/\/localhost:56150/);
    expect(outcome.stderr).not.toMatch(/DEP0111|DeprecationWarning|process\.binding/);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
  });
});
