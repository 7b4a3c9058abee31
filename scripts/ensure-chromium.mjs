// Makes sure the Chromium the page's browser tests drive is on this machine (`npm test` runs this first, as its
// `pretest` step, and test/helpers/browser.ts runs it when a test file is started on its own):
//
//   node scripts/ensure-chromium.mjs
//
// The tests drive Debian's own Chromium with playwright-core rather than a browser Playwright downloads: it comes
// from the distribution's signed archive, is kept up to date with the rest of the system, and needs no download
// from a CDN at test time. It is looked for at CHROMIUM_PATH when that is set, else at /usr/bin/chromium (where
// Debian's `chromium` package puts it). When it is not there, this installs the package with apt-get
// (`--no-install-recommends`: the browser, not the desktop around it), running `apt-get update` and trying once
// more when the first attempt fails (a clean machine or container often has no package lists yet, or stale ones
// naming versions the mirror no longer has). It runs apt-get as root, or through `sudo -n` (never waiting for a
// password a CI runner cannot type) when it is not root and sudo exists.
//
// On success the only line on stdout is the browser's version and where it is. When Chromium cannot be had it
// exits 1 with one line on stderr saying why and what to do: the browser tests then fail, never skip (CI fails on
// a skipped test, and a quietly skipped browser test is a test that stopped testing).
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where Debian's `chromium` package installs the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** How long apt-get waits for another apt or dpkg (two test files starting at once, an unattended upgrade). */
const LOCK_TIMEOUT_SECONDS = 300;

class CannotEnsure extends Error {}

/**
 * The browser's version line (`Chromium 150.0.7871.100 built on Debian ...`), or null when `binary` is missing,
 * not executable or does not answer `--version`.
 * @param {string} binary
 * @returns {string | null}
 */
export function chromiumVersion(binary) {
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    return null;
  }
  // stderr is ignored: Debian's launcher script prints shell noise there on some machines.
  const run = spawnSync(binary, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = run.status === 0 ? run.stdout.trim().split('\n').at(-1)?.trim() : undefined;
  return line && /chrom/i.test(line) ? line : null;
}

/**
 * A program on PATH, or null.
 * @param {string} name
 * @param {NodeJS.ProcessEnv} env
 */
function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/**
 * Runs apt-get with `args` (as root, or through `sudo -n`); its output goes to our stderr so that stdout stays
 * the version line. Returns whether it succeeded.
 * @param {string[]} prefix
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function aptGet(prefix, args, env) {
  const command = [...prefix, 'apt-get', '-o', `DPkg::Lock::Timeout=${LOCK_TIMEOUT_SECONDS}`, ...args];
  process.stderr.write(`ensure-chromium: ${command.join(' ')}\n`);
  const [program, ...rest] = command;
  const run = spawnSync(program ?? 'apt-get', rest, {
    env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 2, 2],
  });
  return run.status === 0;
}

/**
 * Installs Debian's chromium package with apt-get, updating the package lists and trying once more on failure.
 * @param {NodeJS.ProcessEnv} env
 */
function install(env) {
  if (!onPath('apt-get', env)) {
    throw new CannotEnsure(
      'apt-get is not available to install it: install Chromium and set CHROMIUM_PATH to its binary',
    );
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  let prefix = [];
  if (!root) {
    if (!onPath('sudo', env)) {
      throw new CannotEnsure(
        'installing it needs root and sudo is not available: run `apt-get install chromium` as root',
      );
    }
    prefix = ['sudo', '-n'];
  }
  const installArgs = ['install', '-y', '--no-install-recommends', 'chromium'];
  if (aptGet(prefix, installArgs, env)) return;
  if (aptGet(prefix, ['update'], env) && aptGet(prefix, installArgs, env)) return;
  throw new CannotEnsure(
    `\`apt-get install chromium\` failed (see its output above)${root ? '' : '; sudo must work without a password'}`,
  );
}

/**
 * Finds Chromium, installing Debian's package when it is missing; returns its version line and path.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ binary: string, version: string }}
 */
export function ensureChromium(env = process.env) {
  const binary = env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
  const found = chromiumVersion(binary);
  if (found) return { binary, version: found };
  process.stderr.write(`ensure-chromium: no Chromium at ${binary}; installing Debian's chromium package\n`);
  install(env);
  const installed = chromiumVersion(binary);
  if (installed) return { binary, version: installed };
  throw new CannotEnsure(
    env.CHROMIUM_PATH
      ? `CHROMIUM_PATH (${binary}) is still not a working Chromium after installing the package (which puts it at ${DEBIAN_CHROMIUM})`
      : `the chromium package installed but ${binary} does not answer --version`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    const { binary, version } = ensureChromium();
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    process.stdout.write(`${version} (${binary}${seconds >= 1 ? `, ready in ${seconds} s` : ''})\n`);
  } catch (error) {
    if (!(error instanceof CannotEnsure)) throw error;
    process.stderr.write(`Chromium for the browser tests is missing: ${error.message}\n`);
    process.exitCode = 1;
  }
}
