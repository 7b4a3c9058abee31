/**
 * Keeps what libraries print off a thread's console. A module of its own, so the command line can call it before
 * it knows which command runs, without loading a single codec.
 */

function ignore(): void {
  // Deliberately empty: see silenceLibraryConsole.
}

/**
 * libheif-js reports a failed decode on the console's log channel (the handle and libheif's error, no pixels),
 * which would land in the bot's log or on the command line's stdout. The pipeline reports that failure as
 * `CorruptImage` instead. Only the owner of a thread calls this: the photo worker's entry point and the command line.
 */
export function silenceLibraryConsole(): void {
  Object.assign(console, { log: ignore, info: ignore, debug: ignore });
}
