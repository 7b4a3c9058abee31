#!/usr/bin/env node
/**
 * Boot only: read the configuration, check the data folder, start the app, say where it is, and shut down
 * gracefully on SIGTERM/SIGINT.
 *
 * A start-up failure (bad configuration, a port taken, a data folder that cannot be written) is one line on
 * stderr, `<ErrorCode>: <what happened> (<detail>) <what to do>`, and exit code 1: never a stack trace, which
 * a person starting the bot for the first time would read as a crash.
 *
 * With `APPLICATIONINSIGHTS_CONNECTION_STRING` set, Application Insights (`src/telemetry/`) starts before the app is
 * imported, since OpenTelemetry instruments http as the modules using it load, and is flushed after the app has
 * closed; without it, no telemetry module is ever loaded. Log lines are JSON in production, text in local mode
 * (`LOG_FORMAT`).
 *
 * Flags (for `scripts/dev.mjs`, not for people): `--under-dev` leaves the "Next:" lines out of the banner, since
 * `npm run dev` prints its own, pointing at Microsoft 365 Agents Playground.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunningApp } from './app.js';
import { ConfigError, describeConfig, loadConfig, type AppConfig } from './config.js';
import { AppError, type ErrorCode } from './errors.js';
import { translate } from './i18n/index.js';
import { createLogger } from './logger.js';

/** Where Microsoft 365 Agents Playground listens by default (`npm run dev`). */
const PLAYGROUND_URL = 'http://localhost:56150';

/** The one line a failed start prints: the code, what happened, the detail (a path, a port), what to do. */
function startupLine(code: ErrorCode, detail?: string): string {
  const what = translate('en', code);
  const next = translate('en', `${code}.next`);
  if (!detail) return `${code}: ${what} ${next}`;
  // The detail explains the first sentence, so it goes inside it: "... written to (/srv/x: ENOTDIR). Point ...".
  return `${code}: ${what.replace(/\.$/, '')} (${detail}). ${next}`;
}

function fail(code: ErrorCode, detail?: string): never {
  process.stderr.write(`${startupLine(code, detail)}\n`);
  process.exit(1);
}

/**
 * Makes sure the data folder exists and takes a file, before anything else writes there: otherwise the first
 * writer (the signing key, the emulator's directory) fails with a bare `ENOTDIR` or `EACCES` deep in a stack.
 */
async function checkDataDir(dataDir: string): Promise<void> {
  const probe = path.join(dataDir, `.write-check-${process.pid}`);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    fail('DataDirNotWritable', `${dataDir}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/**
 * Imports the app with Node's DEP0111 warning ("Access to process.binding('http_parser') is deprecated") held
 * back. restify loads spdy, whose http-deceiver reads `process.binding('http_parser')` twice while it is being
 * imported; the warning is about that dependency, not about anything this app does, and printed at every start it
 * looks like an error. Only that code, and only while the import runs, is dropped: every other warning, and
 * DEP0111 from anywhere later, still prints.
 */
async function importAppQuietly(): Promise<typeof import('./app.js')> {
  const emitWarning = process.emitWarning.bind(process);
  const filtered = (warning: string | Error, ...rest: unknown[]): void => {
    const [typeOrOptions, code] = rest;
    const warningCode =
      typeof typeOrOptions === 'object' && typeOrOptions !== null
        ? (typeOrOptions as { code?: unknown }).code
        : code;
    if (warningCode === 'DEP0111') return;
    // The overloads of emitWarning cannot be named one by one here; the arguments are passed on as they came.
    (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
  };
  // Assigned through a plain function type: emitWarning's overloads cannot all be spelt out for the filter.
  process.emitWarning = filtered;
  try {
    return await import('./app.js');
  } finally {
    process.emitWarning = emitWarning;
  }
}

/**
 * Starts Application Insights, loading `@azure/monitor-opentelemetry` only now that it is configured. Telemetry that
 * cannot start does not stop the bot: the failure's name is logged once the logger exists.
 */
async function startTelemetry(
  connectionString: string,
): Promise<import('./telemetry/azure-monitor.js').Telemetry | { failed: string }> {
  try {
    const { startTelemetry: start } = await import('./telemetry/azure-monitor.js');
    return start(connectionString);
  } catch (error) {
    return { failed: error instanceof Error ? error.name : typeof error };
  }
}

/** Flushes telemetry on the way out, for at most 10 s: an unreachable endpoint must not hold the exit. */
async function stopTelemetry(): Promise<void> {
  if (!telemetry || !('shutdown' in telemetry)) return;
  const limit = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
  await Promise.race([telemetry.shutdown().catch(() => undefined), limit]);
}

/** Turns what `startApp` threw into the one line for the terminal. */
function startFailure(error: unknown, config: AppConfig): never {
  const errno = error as NodeJS.ErrnoException & { port?: number };
  if (errno.code === 'EADDRINUSE') {
    fail('PortInUse', `port ${errno.port ?? `${config.bot.port} or ${config.emulator.port}`}`);
  }
  if (error instanceof AppError) fail((error as AppError).code);
  // Anything else is a bug, not a setup problem: still one line, with the error's name and no stack.
  const name = error instanceof Error ? error.name : typeof error;
  process.stderr.write(`Teams Photo could not start: ${name}${errno.code ? ` (${errno.code})` : ''}\n`);
  process.exit(1);
}

let config: AppConfig;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  fail('ConfigInvalid', error.problems.join('; '));
}
// Telemetry before anything else loads: OpenTelemetry instruments http as the modules using it are imported.
const telemetry = config.telemetry ? await startTelemetry(config.telemetry.connectionString) : null;
const logger = createLogger(config.logLevel, undefined, undefined, {
  format: config.logFormat,
  ...(telemetry && 'logContext' in telemetry ? { context: () => telemetry.logContext() } : {}),
});
logger.info('starting', { config: describeConfig(config) });
if (telemetry && 'failed' in telemetry) logger.warn('telemetry not started', { error: telemetry.failed });
// Only where DATA_DIR is used: a production bot on Blob storage may run on a read-only file system.
if (config.bot.app === null || config.storage.kind === 'fs') await checkDataDir(config.dataDir);
let app: RunningApp;
try {
  const { startApp } = await importAppQuietly();
  app = await startApp(config, logger);
} catch (error) {
  startFailure(error, config);
}
// Before the banner: whoever reads it (a person, `npm run dev`, a test) may press Ctrl+C at once.
let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  void app
    .close()
    .then(stopTelemetry)
    .then(() => process.exit(0));
};
process.on('SIGTERM', () => {
  stop('SIGTERM');
});
process.on('SIGINT', () => {
  stop('SIGINT');
});

const messages = `${app.server.url}/api/messages`;
if (app.emulator) {
  const underDev = process.argv.includes('--under-dev');
  process.stdout.write(
    [
      '',
      'Teams Photo is running in local mode (no tenant, no Azure):',
      `  bot            ${messages}`,
      `  Graph emulator ${app.emulator.url}  (open it to see users, groups and their photos)`,
      '',
      ...(underDev
        ? []
        : [
            'Next, in another terminal (this bot keeps running):',
            `  npm run dev                       chat with it in Microsoft 365 Agents Playground, ${PLAYGROUND_URL}`,
            '  npm run send-image -- photo.jpg   send it a photo, as Alex Wilber',
            '',
          ]),
    ].join('\n'),
  );
} else {
  logger.info('listening', { endpoint: messages });
}
