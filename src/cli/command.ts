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

/** A mistake in the command line itself: exit code 2 and the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes shared by every command (see README, "Command line"). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
