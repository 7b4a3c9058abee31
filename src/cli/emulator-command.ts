/**
 * `profile-photo emulator [--port N] [--data DIR]`: runs the local Microsoft Graph emulator on loopback until
 * SIGINT (Ctrl+C) or SIGTERM, then closes it cleanly and exits 0. It prints its URL, the page's URL and one line
 * per request (method, path, status, time; never a header or a body).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { startEmulator, type EmulatorLogger, type RunningEmulator } from '../emulator/graph-emulator.js';
import { faultsFromConfig } from '../emulator/faults.js';
import { EXIT, UsageError, type CliIo, type Command } from './command.js';

const usage = `profile-photo emulator [--port N] [--data DIR]

Runs the local Microsoft Graph emulator (API under /v1.0 and /beta, a page of its users and groups at /)
on 127.0.0.1 until Ctrl+C or SIGTERM.
  --port N     the port (default: GRAPH_EMULATOR_PORT, 3979); 0 picks a free one
  --data DIR   the data folder: emulator/directory.json, emulator/photos/, the signing key (default: DATA_DIR)`;

/** Seams for tests: when to stop, and the environment to configure from. */
export interface EmulatorCommandOptions {
  /** Resolves when the emulator should stop; the first SIGINT or SIGTERM by default. */
  readonly waitForStop?: () => Promise<void>;
  /** The environment the configuration is read from; the process's own by default. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Builds the `emulator` command; {@link emulatorCommand} is the one the command line uses. */
export function createEmulatorCommand(options: EmulatorCommandOptions = {}): Command {
  const waitForStop = options.waitForStop ?? untilSignal;
  return {
    name: 'emulator',
    summary: 'run the local Microsoft Graph emulator',
    usage,
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { values } = parseArgs({
        args: [...args],
        options: { port: { type: 'string' }, data: { type: 'string' } },
        allowPositionals: false,
        strict: true,
      });
      const port = values.port === undefined ? undefined : parsePort(values.port);
      const config = loadConfig(options.env);
      const dataDir = values.data === undefined ? config.dataDir : path.resolve(values.data);

      let emulator: RunningEmulator;
      try {
        emulator = await startEmulator({
          port: port ?? config.emulator.port,
          dataDir,
          logger: cliLogger(io),
          faults: faultsFromConfig(config.emulator.faults),
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        throw new AppError('PortInUse', `port ${port ?? config.emulator.port}`, { cause: error });
      }
      io.out(
        `Graph emulator listening on ${emulator.url} (API under ${emulator.url}/v1.0 and ${emulator.url}/beta)`,
      );
      io.out(`Users, groups and photos: ${emulator.url}/`);
      const { maxConcurrentWrites } = config.emulator.faults;
      if (maxConcurrentWrites > 0) {
        io.out(
          `Photo writes: at most ${maxConcurrentWrites} at once per app, 429 beyond (as Graph throttles).`,
        );
      }
      io.out(`Data: ${path.join(dataDir, 'emulator')}. Press Ctrl+C to stop.`);
      await waitForStop();
      await emulator.close();
      io.out('Graph emulator stopped.');
      return EXIT.ok;
    },
  };
}

/** `profile-photo emulator`. */
export const emulatorCommand: Command = createEmulatorCommand();

function parsePort(text: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError('--port must be a whole number from 0 to 65535');
  return port;
}

/** Request lines to stdout, problems to stderr. */
function cliLogger(io: CliIo): EmulatorLogger {
  return { debug: () => undefined, info: io.out, warn: io.err, error: io.err };
}

/** Resolves on the first SIGINT or SIGTERM; while it waits, those signals no longer end the process at once. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
