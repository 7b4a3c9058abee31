/**
 * What the photo cards need from the outside world: small previews made on the photo pool, and dates in the
 * person's language and time zone.
 */
import type { TurnContext } from 'botbuilder';
import { codeOf } from '../turn-errors.js';
import type { Locale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { PrepareOptions, PreparedPhoto } from '../../photo/photo-pipeline.js';
import { jpegDataUri } from '../cards/index.js';

/** The photo pool's one operation previews need. */
export interface PreviewMaker {
  run(input: Uint8Array, options?: PrepareOptions): Promise<PreparedPhoto>;
}

/**
 * The side of a preview JPEG, in pixels. Cards show it at 120 CSS px; 160 keeps it sharp on a high-density screen
 * and still only a few KB (two previews and the card stay far under Teams' 100 KB per message).
 */
export const PREVIEW_SIDE = 160;

/**
 * A preview of `jpeg` as a data URI, or `undefined` when there is no photo or it cannot be previewed (a photo
 * Graph holds may be smaller than the pipeline accepts, or not a JPEG): a card then shows a placeholder rather
 * than failing a change that already happened.
 */
export async function previewDataUriOf(
  maker: PreviewMaker,
  jpeg: Uint8Array | null,
  logger: Logger,
): Promise<string | undefined> {
  if (jpeg === null) return undefined;
  try {
    const preview = await maker.run(jpeg, { size: PREVIEW_SIDE, crop: 'center' });
    return jpegDataUri(preview.jpeg);
  } catch (error) {
    logger.warn('preview not made', { code: codeOf(error) ?? 'unexpected' });
    return undefined;
  }
}

/**
 * A moment as a person reads it: date and time in their language (`Intl.DateTimeFormat`) and, when Teams told
 * us, their time zone (`activity.localTimezone`); otherwise in UTC, and then saying so.
 */
export function formatWhen(iso: string, locale: Locale, timeZone?: string): string {
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  };
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
    } catch {
      // An unknown zone name (it comes from the client): fall through to UTC.
    }
  }
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC', timeZoneName: 'short' }).format(date);
}

/** The time zone Teams says the person is in, if any. */
export function timeZoneOf(context: TurnContext): string | undefined {
  const zone = context.activity.localTimezone;
  return typeof zone === 'string' && zone !== '' ? zone : undefined;
}

/** Looks up a sender's display name where the app has a directory (local mode: the emulator's). */
export type DisplayNameLookup = (context: TurnContext) => Promise<string | undefined>;

/**
 * The sender's display name, for the initials where there was no photo: the directory's when there is one (the
 * Playground and `send-image` send no name, or a made-up one), else the activity's `from.name` (Teams sends the
 * real one). A failing look-up only costs the initials.
 */
export async function senderDisplayName(
  context: TurnContext,
  lookup: DisplayNameLookup | undefined,
): Promise<string | undefined> {
  const fromDirectory = lookup ? await lookup(context).catch(() => undefined) : undefined;
  // A directory may hold an empty name; then Teams' name is the better guess.
  return fromDirectory !== undefined && fromDirectory.trim() !== ''
    ? fromDirectory
    : context.activity.from.name;
}
