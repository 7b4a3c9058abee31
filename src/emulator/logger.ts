/**
 * The emulator's logging seam. It logs one line per request (method, path, status, time), never headers or
 * bodies, so no token or photo reaches a log. The default logs nothing.
 */

/** Anything with these methods (a console-like object, pino, a test recorder). */
export interface EmulatorLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const nothing = (): void => undefined;

/** Logs nothing. */
export const silentLogger: EmulatorLogger = { debug: nothing, info: nothing, warn: nothing, error: nothing };
