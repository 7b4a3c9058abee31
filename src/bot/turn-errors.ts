/**
 * The one place a failed turn becomes a sentence for the person: the error's code picks a localized sentence, a
 * correlation id is added for support, and the log gets the code and the id, never the error's own message shown
 * to a user, a token or image bytes.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import { errorText, translate, type Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';

/** A short id to quote to support, also written to the log line of the failure. */
export function newCorrelationId(): string {
  return randomUUID().slice(0, 8);
}

/** The code of an error the app knows, or `undefined` for anything unexpected. */
export function codeOf(error: unknown): AppError['code'] | undefined {
  return error instanceof AppError ? (error as AppError).code : undefined;
}

/**
 * The answer for a failure, with its reference line, and logs it.
 * @param extra placeholders for the code's sentence (e.g. the sender's id for `UnknownLocalUser`)
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
  if (code) {
    logger.warn(`${what} refused`, { code, correlationId });
  } else {
    const name = error instanceof Error ? error.name : typeof error;
    const stack = error instanceof Error ? error.stack?.split('\n').slice(1, 4).join(' | ') : undefined;
    logger.error(`${what} failed`, { error: name, stack, correlationId });
  }
  const sentence =
    code === 'UnknownLocalUser'
      ? translate(locale, 'local.unknownUser', { id: extra.id ?? '', file: extra.file ?? '' })
      : code
        ? errorText(code, locale)
        : translate(locale, 'error.generic');
  return `${sentence}\n\n${translate(locale, 'error.reference', { id: correlationId })}`;
}
