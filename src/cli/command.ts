/** What every `profile-photo` subcommand provides, and how it talks to the terminal. */

/** Where a command writes; the real process streams, or a recorder in tests. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The usage line(s) and options, shown by `profile-photo help <name>`. */
  readonly usage: string;
  /** Runs the command and returns the exit code (0 success, 1 refusal or failure). */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/**
 * A command as the dispatcher knows it before it runs: its name, and how to load it. Loading only the command that
 * runs keeps every other command's dependencies (the emulator, the token issuer) out of the process.
 */
export interface LazyCommand {
  readonly name: string;
  load(): Promise<Command>;
}

/** A mistake in the command line itself: exit code 2 and the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes shared by every command (see README, "Command line"). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
