#!/usr/bin/env node
/**
 * `profile-photo`: the command line. Each subcommand is a thin wrapper over the same services the bot uses.
 * Exit codes: 0 success, 1 a refusal or failure (one line `<ErrorCode>: <sentence>` on stderr), 2 a usage error.
 *
 * Only the command that runs is loaded (and, inside `prepare`, only the codec its input needs): the emulator, the
 * token issuer and the six message catalogs stay unread when they are not needed, so a one-off
 * `profile-photo prepare` starts in about the time a sharp script does (see bench/README.md).
 */
import { AppError } from '../errors.js';
import { silenceLibraryConsole } from '../photo/library-console.js';
import { EXIT, UsageError, type CliIo, type Command, type LazyCommand } from './command.js';

/** The subcommands, in the order `help` lists them. Later features add theirs here. */
const COMMANDS: readonly LazyCommand[] = [
  { name: 'prepare', load: async () => (await import('./prepare-command.js')).prepareCommand },
  { name: 'emulator', load: async () => (await import('./emulator-command.js')).emulatorCommand },
  { name: 'token', load: async () => (await import('./token-command.js')).tokenCommand },
  { name: 'send-image', load: async () => (await import('./send-image-command.js')).sendImageCommand },
  { name: 'set', load: async () => (await import('./set-command.js')).setCommand },
  { name: 'import', load: async () => (await import('./import-command.js')).importCommand },
  { name: 'undo', load: async () => (await import('./undo-command.js')).undoCommand },
  { name: 'jobs', load: async () => (await import('./jobs-command.js')).jobsCommand },
  { name: 'cleanup', load: async () => (await import('./cleanup-command.js')).cleanupCommand },
];

/** The command list with each command's summary, which means loading them all: only `help` and mistakes do. */
async function overview(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((command) => command.load()));
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'profile-photo: Teams Photo from the command line',
    '',
    'Usage: profile-photo <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    `  ${'help'.padEnd(width)}  show this help, or a command's: profile-photo help <command>`,
    '',
    'Exit codes: 0 success, 1 refused or failed (the reason on stderr), 2 usage error.',
  ].join('\n');
}

/** Runs the command line and returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(await overview());
    return EXIT.usage;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0] === undefined ? undefined : COMMANDS.find((command) => command.name === args[0]);
    if (args[0] !== undefined && !topic) {
      io.err(`Unknown command: ${args[0]}\n\n${await overview()}`);
      return EXIT.usage;
    }
    io.out(topic ? (await topic.load()).usage : await overview());
    return EXIT.ok;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) {
    io.err(`Unknown command: ${name}\n\n${await overview()}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    return await report(error, command, io);
  }
}

async function report(error: unknown, command: Command, io: CliIo): Promise<number> {
  if (error instanceof AppError) {
    const { code } = error as AppError;
    // The catalogs are read only when there is something to say.
    const { errorText } = await import('../i18n/messages.js');
    io.err(`${code}: ${errorText(code)}`);
    return EXIT.failed;
  }
  if (error instanceof UsageError || isParseArgsError(error)) {
    io.err(`${(error as Error).message}\n\nUsage: ${command.usage}`);
    return EXIT.usage;
  }
  // A configuration error can only come from a command that loaded the configuration already.
  const { ConfigError } = await import('../config.js');
  if (error instanceof ConfigError) {
    io.err(`ConfigError: ${error.problems.join('; ')}`);
    return EXIT.failed;
  }
  io.err('InternalError: something went wrong that the tool does not know how to explain.');
  return EXIT.failed;
}

/** node:util parseArgs reports unknown or malformed options with these codes. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

// The command line writes through `io`; what libraries print is not part of its output.
silenceLibraryConsole();

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

process.exitCode = await main(process.argv.slice(2), io);
