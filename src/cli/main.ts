#!/usr/bin/env node
/**
 * `profile-photo`: the command line. Each subcommand is a thin wrapper over the same services the bot uses.
 * Exit codes: 0 success, 1 a refusal or failure (one line `<ErrorCode>: <sentence>` on stderr), 2 a usage error.
 */
import { ConfigError } from '../config.js';
import { AppError } from '../errors.js';
import { errorText } from '../i18n/messages.js';
import { silenceLibraryConsole } from '../photo/codecs.js';
import { EXIT, UsageError, type CliIo, type Command } from './command.js';
import { emulatorCommand } from './emulator-command.js';
import { prepareCommand } from './prepare-command.js';
import { sendImageCommand } from './send-image-command.js';
import { tokenCommand } from './token-command.js';

/** The subcommands, in the order `help` lists them. Later features add theirs here. */
const COMMANDS: readonly Command[] = [prepareCommand, emulatorCommand, tokenCommand, sendImageCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'profile-photo: Teams Photo from the command line',
    '',
    'Usage: profile-photo <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    `  ${'help'.padEnd(width)}  show this help, or a command's: profile-photo help <command>`,
    '',
    'Exit codes: 0 success, 1 refused or failed (the reason on stderr), 2 usage error.',
  ].join('\n');
}

/** Runs the command line and returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(overview());
    return EXIT.usage;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0] === undefined ? undefined : COMMANDS.find((command) => command.name === args[0]);
    if (args[0] !== undefined && !topic) {
      io.err(`Unknown command: ${args[0]}\n\n${overview()}`);
      return EXIT.usage;
    }
    io.out(topic ? topic.usage : overview());
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`Unknown command: ${name}\n\n${overview()}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    return report(error, command, io);
  }
}

function report(error: unknown, command: Command, io: CliIo): number {
  if (error instanceof AppError) {
    const { code } = error as AppError;
    io.err(`${code}: ${errorText(code)}`);
    return EXIT.failed;
  }
  if (error instanceof UsageError || isParseArgsError(error)) {
    io.err(`${(error as Error).message}\n\nUsage: ${command.usage}`);
    return EXIT.usage;
  }
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
