/**
 * The cards of `my data` and `forget me` (issue 18): what the app keeps about the person, with counts and dates;
 * the confirmation of `forget me` (what goes, what stays, **Delete my data**); and what it turned into once the
 * data was deleted.
 */
import { translate, type Locale } from '../../i18n/index.js';
import type { DatedCount, Forgotten, PersonData } from '../../privacy/person-data-service.js';
import type { AuditRecord } from '../../storage/audit-log.js';
import { CONFIRM_FORGET_VERB } from '../../trust/trust-verbs.js';
import {
  cardAttachment,
  listBlock,
  textBlock,
  titleBlock,
  type AdaptiveCardAttachment,
  type CardElement,
  type FactSet,
} from './adaptive-card.js';

/** A moment as the person reads it (formatWhen with their language and time zone). */
export type FormatWhen = (iso: string) => string;

/** The data a **Delete my data** button carries: the short-lived confirmation token. */
export interface ConfirmForgetData {
  readonly token: string;
}

/** True when an invoke's data has the shape of {@link ConfirmForgetData} (its token is checked elsewhere). */
export function isConfirmForgetData(data: unknown): data is ConfirmForgetData {
  const token = (data as { token?: unknown } | null)?.token;
  return typeof token === 'string' && token.length > 0 && token.length <= 128;
}

/** "3: 2 Dec 2026, 10:00 to 5 Dec 2026, 09:12", or "None". */
function datedValue(locale: Locale, dated: DatedCount, when: FormatWhen): string {
  if (dated.count === 0 || dated.first === undefined || dated.last === undefined)
    return dated.count === 0 ? translate(locale, 'privacy.value.none') : String(dated.count);
  const count = String(dated.count);
  if (dated.first === dated.last)
    return translate(locale, 'privacy.value.single', { count, first: when(dated.first) });
  return translate(locale, 'privacy.value.range', {
    count,
    first: when(dated.first),
    last: when(dated.last),
  });
}

function pendingValue(locale: Locale, data: PersonData, when: FormatWhen): string {
  const { count, last } = data.pending;
  if (count === 0) return translate(locale, 'privacy.value.none');
  return last === undefined
    ? String(count)
    : translate(locale, 'privacy.value.until', { count: String(count), last: when(last) });
}

function auditLine(locale: Locale, record: AuditRecord, when: FormatWhen): string {
  const action =
    record.action === 'forgotten'
      ? translate(locale, 'privacy.audit.action.forgotten')
      : record.result === 'success'
        ? translate(locale, 'privacy.audit.action.change')
        : translate(locale, 'privacy.audit.action.refused', { code: record.result });
  return translate(locale, 'privacy.audit.line', { when: when(record.at), action });
}

function facts(rows: readonly (readonly [string, string])[]): FactSet {
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) };
}

/** What {@link myDataCard} needs. */
export interface MyDataCardOptions {
  readonly locale: Locale;
  readonly data: PersonData;
  readonly when: FormatWhen;
  /** The retention period, in days. */
  readonly retentionDays: number;
}

/** The answer to `my data`: each kind with counts and dates, the latest audit entries, and what stays. */
export function myDataCard(options: MyDataCardOptions): AdaptiveCardAttachment {
  const { locale, data, when } = options;
  const title = translate(locale, 'privacy.myData.title');
  const body: CardElement[] = [
    titleBlock(title),
    facts([
      [translate(locale, 'privacy.kind.backups'), datedValue(locale, data.backups, when)],
      [translate(locale, 'privacy.kind.pending'), pendingValue(locale, data, when)],
      [translate(locale, 'privacy.kind.requests'), datedValue(locale, data.requests, when)],
      [translate(locale, 'privacy.kind.audit'), datedValue(locale, data.audit, when)],
    ]),
    textBlock(translate(locale, 'privacy.backups.note', { days: String(options.retentionDays) }), {
      subtle: true,
    }),
  ];
  if (data.audit.recent.length > 0) {
    body.push(textBlock(translate(locale, 'privacy.audit.recent')));
    body.push(listBlock(data.audit.recent.map((record) => auditLine(locale, record, when))));
  }
  body.push(textBlock(translate(locale, 'privacy.audit.note'), { subtle: true }));
  body.push(
    textBlock(translate(locale, 'privacy.myData.next', { word: translate(locale, 'command.forgetMe') })),
  );
  return cardAttachment(title, body);
}

/** What {@link forgetConfirmCard} needs. */
export interface ForgetConfirmCardOptions {
  readonly locale: Locale;
  readonly data: PersonData;
  readonly when: FormatWhen;
  /** The token **Delete my data** carries. */
  readonly token: string;
  /** How long the button works, in minutes. */
  readonly minutes: number;
}

/** The answer to `forget me`: what will be deleted, what stays, and **Delete my data**. */
export function forgetConfirmCard(options: ForgetConfirmCardOptions): AdaptiveCardAttachment {
  const { locale, data, when } = options;
  const title = translate(locale, 'privacy.forget.title');
  return cardAttachment(
    title,
    [
      titleBlock(title),
      textBlock(translate(locale, 'privacy.forget.intro')),
      facts([
        [translate(locale, 'privacy.kind.backups'), datedValue(locale, data.backups, when)],
        [translate(locale, 'privacy.kind.pending'), pendingValue(locale, data, when)],
        [translate(locale, 'privacy.kind.requests'), datedValue(locale, data.requests, when)],
      ]),
      textBlock(translate(locale, 'privacy.forget.stays'), { subtle: true }),
      textBlock(
        translate(locale, 'privacy.forget.expires', {
          minutes: String(options.minutes),
          word: translate(locale, 'command.forgetMe'),
        }),
        { subtle: true },
      ),
    ],
    [
      {
        type: 'Action.Execute',
        title: translate(locale, 'privacy.forget.confirm'),
        verb: CONFIRM_FORGET_VERB,
        data: { token: options.token },
      },
    ],
  );
}

/** What the confirmation card turns into: how many of each kind were deleted, and what that means. */
export function forgottenCard(locale: Locale, forgotten: Forgotten): AdaptiveCardAttachment {
  const title = translate(locale, 'privacy.forget.done.title');
  return cardAttachment(title, [
    titleBlock(title),
    facts([
      [translate(locale, 'privacy.kind.backups'), String(forgotten.backups)],
      [translate(locale, 'privacy.kind.pending'), String(forgotten.pending)],
      [translate(locale, 'privacy.kind.requests'), String(forgotten.requests)],
    ]),
    textBlock(translate(locale, 'privacy.forget.done.text')),
    textBlock(translate(locale, 'privacy.forget.stays'), { subtle: true }),
  ]);
}
