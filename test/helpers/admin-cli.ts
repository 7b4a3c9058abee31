/**
 * For the admin command line's tests: a data folder whose emulator directory holds generated people, real photos
 * for them, an environment that puts the compiled CLI in local mode against a given emulator, and the CLI started
 * as a child process whose output can be watched line by line (to kill it in the middle of a job).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { directoryFile } from '../../src/emulator/directory.js';
import { SEED_DIRECTORY } from '../../src/emulator/seed-directory.js';
import { CLI_BIN } from './cli.js';
import { encodeJpeg, type Raw } from './images.js';

/** A generated person of the test directory. */
export interface TestPerson {
  readonly id: string;
  readonly upn: string;
  readonly displayName: string;
}

/** `count` people, `person001@example.com` ..., with ids that sort with their number. */
export function testPeople(count: number, prefix = 'person'): TestPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return {
      id: `10000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`,
      upn: `${prefix}${n}@example.com`,
      displayName: `Person ${n}`,
    };
  });
}

/** Writes the emulator's directory into `dataDir`: the built-in seed plus `people`. */
export async function writeDirectory(dataDir: string, people: readonly TestPerson[]): Promise<void> {
  const file = directoryFile(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  const users = [
    ...SEED_DIRECTORY.users,
    ...people.map((person) => ({
      id: person.id,
      userPrincipalName: person.upn,
      displayName: person.displayName,
      mail: person.upn,
    })),
  ];
  await writeFile(file, JSON.stringify({ ...SEED_DIRECTORY, users }, null, 2));
}

/** A small, real JPEG unique to `index`: a gradient whose colours depend on it (128x128 by default). */
export function distinctJpeg(index: number, side = 128): Promise<Buffer> {
  const data = Buffer.alloc(side * side * 3);
  const r = (index * 67) % 256;
  const g = (index * 151) % 256;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const at = (y * side + x) * 3;
      data[at] = r;
      data[at + 1] = g;
      data[at + 2] = Math.round(((x + y) * 255) / (2 * side));
    }
  }
  const raw: Raw = { width: side, height: side, channels: 3, data };
  return encodeJpeg(raw, 90);
}

/**
 * The environment for the compiled CLI: local mode (no bot or app credentials, whatever the test process has),
 * the given data folder, and the emulator's port.
 */
export function adminEnv(
  dataDir: string,
  emulatorPort: number,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  const credentials = /^(BOT_|MicrosoftApp|AAD_APP_|GRAPH_APP_|MANAGED_IDENTITY_|AZURE_STORAGE_|STORAGE_)/;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !credentials.test(name)));
  return {
    ...env,
    DATA_DIR: dataDir,
    GRAPH_EMULATOR_PORT: String(emulatorPort),
    PHOTO_POOL_SIZE: '1',
    ...extra,
  };
}

/** A CLI run started as a child process, its stdout lines collected as they come. */
export interface CliProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves with the first stdout line matching `pattern` (or rejects when the process ends first). */
  waitForLine(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal's name) and what the process wrote. */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts `profile-photo <args>` with exactly `env`. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv): CliProcess {
  const child = spawn(process.execPath, [CLI_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const watchers: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  let partial = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    partial += chunk;
    const complete = partial.split('\n');
    partial = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      for (const watcher of [...watchers]) {
        const match = watcher.pattern.exec(line);
        if (match) {
          watchers.splice(watchers.indexOf(watcher), 1);
          watcher.resolve(match);
        }
      }
    }
  });
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) =>
      child.on('close', (code, signal) => {
        resolve({ code, signal, stderr });
      }),
  );
  return {
    child,
    lines,
    ended,
    waitForLine(pattern) {
      const seen = lines.map((line) => pattern.exec(line)).find((match) => match !== null);
      if (seen) return Promise.resolve(seen);
      return Promise.race([
        new Promise<RegExpMatchArray>((resolve) => watchers.push({ pattern, resolve })),
        ended.then(({ code, signal, stderr: err }) => {
          throw new Error(`the CLI ended (${code ?? signal}) before printing ${pattern}: ${err}`);
        }),
      ]);
    },
  };
}
