/**
 * The one place a failed turn becomes a sentence for the person: the error's code picks a localized sentence, a
 * correlation id is added for support, and the log gets the code and the id, never the error's own message shown
 * to a user, a token or image bytes.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../errors.js';
import { errorText, sentenceGap, translate, type Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { policyTextParams } from '../trust/photo-policy.js';

/** A short id to quote to support, also written to the log line of the failure. */
export function newCorrelationId(): string {
  return randomUUID().slice(0, 8);
}

/**
 * The local directory file as the answer names it: relative to the project folder the bot was started in (e.g.
 * `.data/emulator/directory.json`), or `DATA_DIR/emulator/directory.json` when the data folder lies elsewhere, so
 * the chat never shows a path on the server.
 * @param dataDir the configured `DATA_DIR`
 * @param projectDir the folder `npm start` runs in
 */
export function localDirectoryFile(dataDir: string, projectDir: string): string {
  const relative = path.relative(projectDir, path.join(dataDir, 'emulator', 'directory.json'));
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return inside ? relative.split(path.sep).join('/') : 'DATA_DIR/emulator/directory.json';
}

/** The code of an error the app knows, or `undefined` for anything unexpected. */
export function codeOf(error: unknown): AppError['code'] | undefined {
  return error instanceof AppError ? (error as AppError).code : undefined;
}

/**
 * The answer for a failure, with its reference line, and logs it.
 * @param extra placeholders for the code's sentence (`name`, the file of `FileNotAnImage`) and, for
 *   `UnknownLocalUser`, `file` (the directory file, as the person should read it) and `id` (the sender's
 *   directory id: written to the log beside the reference, never into the chat)
 */
export function failureText(
  error: unknown,
  locale: Locale,
  logger: Logger,
  what: string,
  extra: Record<string, string> = {},
): string {
  const correlationId = newCorrelationId();
  const code = codeOf(error);
  // Graph's request id, when Graph answered: what Microsoft support asks for.
  const requestId = (error as { requestId?: unknown } | null)?.requestId;
  const graphRequestId = typeof requestId === 'string' ? requestId : undefined;
  if (code === 'UnknownLocalUser') {
    // The person adds this id to the directory file, so the terminal they run the bot in shows it.
    logger.warn(`${what} refused`, { correlationId, outcome: 'refused', code, senderId: extra.id });
  } else if (code) {
    logger.warn(`${what} refused`, { correlationId, outcome: 'refused', code, graphRequestId });
  } else {
    const name = error instanceof Error ? error.name : typeof error;
    const stack = error instanceof Error ? error.stack?.split('\n').slice(1, 4).join(' | ') : undefined;
    logger.error(`${what} failed`, { correlationId, outcome: 'failed', error: name, graphRequestId, stack });
  }
  const sentence =
    code === 'UnknownLocalUser' && extra.file
      ? `${translate(locale, 'UnknownLocalUser')}${sentenceGap(locale)}${translate(locale, 'local.unknownUser', { file: extra.file })}`
      : code
        ? errorText(code, locale, { ...policyTextParams(error, locale), ...extra })
        : translate(locale, 'error.generic');
  return `${sentence}\n\n${translate(locale, 'error.reference', { id: correlationId })}`;
}
