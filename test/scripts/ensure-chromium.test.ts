/**
 * scripts/ensure-chromium.mjs, the `pretest` step that puts Chromium on a clean machine before the browser tests.
 * It runs as `npm test` runs it, as a child process; the apt-get (and sudo) it finds on PATH are small shell
 * scripts in a temporary folder that record how they were called and play a machine without package lists, or a
 * broken mirror, so the install path is exercised without touching this machine's packages.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';

const run = promisify(execFile);
const SCRIPT = new URL('../../scripts/ensure-chromium.mjs', import.meta.url).pathname;
const ROOT = process.getuid?.() === 0;

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let dir: string;
let calls: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'teams-photo-chromium-'));
  calls = path.join(dir, 'calls.log');
  await writeFile(calls, '');
  // apt-get: records its arguments; `FAKE_APT=stale` fails to install until `update` ran, `FAKE_APT=broken`
  // always fails; a successful install puts a Chromium look-alike at CHROMIUM_PATH.
  await executable(
    'apt-get',
    `#!/bin/sh
echo "apt-get $*" >> "${calls}"
case "$*" in *update*) touch "${dir}/lists"; exit 0 ;; esac
[ "$FAKE_APT" = broken ] && { echo "E: Failed to fetch chromium" >&2; exit 100; }
[ "$FAKE_APT" = stale ] && [ ! -e "${dir}/lists" ] && { echo "E: Unable to locate package chromium" >&2; exit 100; }
printf '#!/bin/sh\\necho "Chromium 999.0.0.0 built on a test"\\n' > "$CHROMIUM_PATH"
chmod +x "$CHROMIUM_PATH"
`,
  );
  await executable('sudo', `#!/bin/sh\necho "sudo $*" >> "${calls}"\n[ "$1" = -n ] && shift\nexec "$@"\n`);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function executable(name: string, text: string): Promise<void> {
  await writeFile(path.join(dir, name), text);
  await chmod(path.join(dir, name), 0o755);
}

/** Runs the script with only the fake folder (and the shell's) on PATH; never rejects. */
async function ensure(env: Record<string, string>): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT], {
      env: { PATH: `${dir}:/bin:/usr/bin`, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

async function recorded(): Promise<string[]> {
  return (await readFile(calls, 'utf8')).split('\n').filter((line) => line !== '');
}

/** What the script asks apt-get to do, as the fake records it (through sudo when this test is not root). */
function apt(args: string): string[] {
  const line = `apt-get -o DPkg::Lock::Timeout=300 ${args}`;
  return ROOT ? [line] : [`sudo -n ${line}`, line];
}

describe('ensure-chromium', () => {
  it('finds an installed Chromium, prints its version on one line and installs nothing', async () => {
    // The one the browser tests use (`npm test` installed it): Debian's, unless this machine names another.
    const configured = process.env.CHROMIUM_PATH;
    const outcome = await ensure(configured ? { CHROMIUM_PATH: configured } : {});

    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^Chromium \d+\.\d+\.\d+\.\d+ .*\n$/);
    expect(outcome.stdout.trimEnd().endsWith(`(${configured || '/usr/bin/chromium'})`)).toBe(true);
    expect(await recorded()).toEqual([]);
  });

  it('installs Debian’s chromium without recommends when it is missing, and reports what it installed', async () => {
    const binary = path.join(dir, 'chromium');

    const outcome = await ensure({ CHROMIUM_PATH: binary });

    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(`Chromium 999.0.0.0 built on a test (${binary})\n`);
    expect(await recorded()).toEqual(apt('install -y --no-install-recommends chromium'));
  });

  it('updates the package lists and tries again when the first install fails for want of them', async () => {
    const binary = path.join(dir, 'chromium');

    const outcome = await ensure({ CHROMIUM_PATH: binary, FAKE_APT: 'stale' });

    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(`Chromium 999.0.0.0 built on a test (${binary})\n`);
    expect(await recorded()).toEqual([
      ...apt('install -y --no-install-recommends chromium'),
      ...apt('update'),
      ...apt('install -y --no-install-recommends chromium'),
    ]);
  });

  it('fails with one clear line, and prints no version, when the install keeps failing', async () => {
    const outcome = await ensure({ CHROMIUM_PATH: path.join(dir, 'chromium'), FAKE_APT: 'broken' });

    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.trim().split('\n').at(-1)).toBe(
      'Chromium for the browser tests is missing: `apt-get install chromium` failed (see its output above)' +
        (ROOT ? '' : '; sudo must work without a password'),
    );
    expect(outcome.stderr).toContain('E: Failed to fetch chromium');
  });

  it('fails with one clear line when the binary is missing and there is no apt-get to install it', async () => {
    await rm(path.join(dir, 'apt-get'));

    const outcome = await ensure({ CHROMIUM_PATH: path.join(dir, 'chromium'), PATH: dir });

    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.trim().split('\n').at(-1)).toBe(
      'Chromium for the browser tests is missing: apt-get is not available to install it: install Chromium and ' +
        'set CHROMIUM_PATH to its binary',
    );
  });

  it('takes a file that does not answer like Chromium for a missing one', async () => {
    const impostor = path.join(dir, 'chromium');
    await executable('chromium', '#!/bin/sh\necho "hello"\n');

    const outcome = await ensure({ CHROMIUM_PATH: impostor, FAKE_APT: 'broken' });

    expect(outcome.code).toBe(1);
    expect(await recorded()).toEqual([
      ...apt('install -y --no-install-recommends chromium'),
      ...apt('update'),
      ...apt('install -y --no-install-recommends chromium'),
    ]);
  });
});
