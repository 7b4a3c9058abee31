/**
 * The admins' cards (issue 17):
 * - the admin command card: a people picker, **Send the photo now**, and how `set <person>` and a .zip work;
 * - "send the photo for X now" once a person is picked;
 * - a person's photo set by an admin: named, before and after, Undo;
 * - a bulk import's plan (counts and the first few names of each kind, Start / Cancel), its progress card (updated
 *   in place), and its final report (counts, **Download report**, **Undo this batch**).
 *
 * Every button is `Action.Execute`: its invoke comes back to the bot, which checks the admin again every time (the
 * card's data can be forged or replayed). People's names and file names are someone else's text, so they go into
 * plain text runs or facts, never a Markdown TextBlock.
 */
import type { ImportPlan, JobProgress, JobSummary, SkippedFile } from '../../admin/admin-contracts.js';
import { translate, type Locale } from '../../i18n/index.js';
import {
  cardAttachment,
  plainTitleBlock,
  textBlock,
  titleBlock,
  type AdaptiveCardAttachment,
  type CardElement,
  type ChoiceInput,
  type ExecuteAction,
  type OpenUrlAction,
  type RichTextBlock,
} from './adaptive-card.js';
import { beforeAfter, initialsOf, type Picture } from './photo-pictures.js';
import { UNDO_PHOTO_CHANGE_VERB, type UndoPhotoChangeData } from './photo-updated-card.js';

/** **Send the photo now**: the picked person (the picker's value, under {@link PERSON_CHOICE_ID}) gets the next image. */
export const ADMIN_SEND_NOW_VERB = 'adminSendNow';
/** A plan card's Start. */
export const ADMIN_JOB_START_VERB = 'adminJobStart';
/** A plan card's Cancel. */
export const ADMIN_JOB_CANCEL_VERB = 'adminJobCancel';
/** A report card's **Download report**: answered with the card again, holding a fresh short-lived link. */
export const ADMIN_JOB_REPORT_VERB = 'adminJobReport';
/** A report card's **Undo this batch**. */
export const ADMIN_JOB_UNDO_VERB = 'adminJobUndo';

/** The verbs of every admin button, which the bot routes to the admin handler. */
export const ADMIN_VERBS: ReadonlySet<string> = new Set([
  ADMIN_SEND_NOW_VERB,
  ADMIN_JOB_START_VERB,
  ADMIN_JOB_CANCEL_VERB,
  ADMIN_JOB_REPORT_VERB,
  ADMIN_JOB_UNDO_VERB,
]);

/** The id of the people picker: the invoke's `action.data` carries the chosen person's object id under it. */
export const PERSON_CHOICE_ID = 'person';
/** Teams' own people dataset: the client searches the directory itself and sends back the object id. */
export const GRAPH_USERS_DATASET = 'graph.microsoft.com/users';
/** Our own people dataset, for clients without Teams' one: they ask the bot with `application/search`. */
export const PEOPLE_DATASET = 'teamsPhotoPeople';

/** How many names of each kind a plan card lists before "and N more". */
export const PLAN_NAMES_SHOWN = 3;

/** A job button's data. */
export type AdminJobData = { readonly jobId: string };

/** True when an invoke's data names a job (the invoke is input from the network: checked, and bounded). */
export function isAdminJobData(data: unknown): data is AdminJobData {
  const jobId = (data as { jobId?: unknown } | null)?.jobId;
  return typeof data === 'object' && typeof jobId === 'string' && jobId !== '' && jobId.length <= 200;
}

/** The person chosen in the picker, from an invoke's data; `undefined` when there is none. */
export function pickedPerson(data: unknown): string | undefined {
  const value = (data as Record<string, unknown> | null)?.[PERSON_CHOICE_ID];
  return typeof value === 'string' && value.trim() !== '' && value.length <= 256 ? value.trim() : undefined;
}

function execute(title: string, verb: string, data: Readonly<Record<string, string>> = {}): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data };
}

function plainText(text: string): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] };
}

/**
 * The admin command card: whose photo (Teams' people picker, falling back to ours), **Send the photo now**, and the
 * two other ways: an image with `set <person>`, or a .zip for many people.
 * @param example a user principal name to show in the `set` example (the admin's own reads naturally)
 */
export function adminCard(locale: Locale, example: string): AdaptiveCardAttachment {
  const title = translate(locale, 'admin.card.title');
  const picker = (dataset: string, fallback?: ChoiceInput): ChoiceInput => ({
    type: 'Input.ChoiceSet',
    id: PERSON_CHOICE_ID,
    label: translate(locale, 'admin.card.pickLabel'),
    style: 'filtered',
    isRequired: true,
    errorMessage: translate(locale, 'admin.card.pickError'),
    placeholder: translate(locale, 'admin.card.pickPlaceholder'),
    choices: [],
    'choices.data': { type: 'Data.Query', dataset },
    ...(fallback ? { fallback } : {}),
  });
  const word = translate(locale, 'command.set');
  return cardAttachment(
    title,
    [
      titleBlock(title),
      textBlock(translate(locale, 'admin.card.intro')),
      picker(GRAPH_USERS_DATASET, picker(PEOPLE_DATASET)),
      plainText(translate(locale, 'admin.card.setHint', { word, example })),
      textBlock(translate(locale, 'admin.card.zipHint'), { subtle: true }),
    ],
    [execute(translate(locale, 'admin.card.sendNow'), ADMIN_SEND_NOW_VERB)],
  );
}

/** The answer to **Send the photo now** (or `set <person>` without an image): the next image goes to them. */
export function adminWaitingCard(locale: Locale, name: string, waitMs: number): AdaptiveCardAttachment {
  const title = translate(locale, 'admin.waiting.title', { name });
  return cardAttachment(title, [
    plainTitleBlock(title),
    textBlock(translate(locale, 'admin.waiting.text', { time: durationText(locale, waitMs) })),
  ]);
}

/** What {@link adminUpdatedCard} needs. */
export interface AdminUpdatedCardOptions {
  readonly locale: Locale;
  /** The person's display name. */
  readonly name: string;
  readonly previewDataUri: string;
  /** Their replaced photo's preview; without one their initials stand in. */
  readonly beforeDataUri: string | undefined;
  readonly changeId: string;
}

/**
 * Someone's photo set by an admin: their name, before and after, and Undo (which checks the admin again).
 * @throws as `beforeAfter` for previews that are too large or not JPEG data URIs; TypeError for an empty change id
 */
export function adminUpdatedCard(options: AdminUpdatedCardOptions): AdaptiveCardAttachment {
  const { locale, name, changeId } = options;
  if (changeId === '') throw new TypeError('changeId must not be empty');
  const title = translate(locale, 'admin.updated.title', { name });
  const initials = initialsOf(name);
  const before: Picture =
    options.beforeDataUri !== undefined
      ? { kind: 'photo', previewDataUri: options.beforeDataUri }
      : initials === ''
        ? { kind: 'none' }
        : { kind: 'initials', initials };
  return cardAttachment(
    title,
    [
      plainTitleBlock(title),
      beforeAfter(locale, before, options.previewDataUri, {
        before: translate(locale, 'target.beforeAlt', { name }),
        after: translate(locale, 'target.previewAlt', { name }),
      }),
      textBlock(translate(locale, 'admin.updated.note'), { subtle: true }),
    ],
    [
      execute(translate(locale, 'photo.updated.undo'), UNDO_PHOTO_CHANGE_VERB, {
        changeId,
      } satisfies UndoPhotoChangeData),
    ],
  );
}

/** A plan's files by kind, as the card counts them. */
export interface PlanGroups {
  readonly matched: readonly string[];
  readonly unmatched: readonly string[];
  readonly ambiguous: readonly string[];
  readonly unreadable: readonly string[];
}

/** Sorts a plan's files into the card's four kinds (the name shown for a matched photo is its person's). */
export function planGroups(plan: ImportPlan): PlanGroups {
  const of = (test: (s: SkippedFile) => boolean) => plan.skipped.filter(test).map((s) => s.file);
  return {
    matched: plan.matched.map((m) => `${m.person.displayName} (${m.file})`),
    unmatched: of((s) => s.reason === 'unmatched'),
    ambiguous: of((s) => s.reason === 'ambiguous' || s.reason === 'duplicate-person'),
    unreadable: of((s) => !['unmatched', 'ambiguous', 'duplicate-person'].includes(s.reason)),
  };
}

/** One kind of a plan: its label and count, then its first few names as plain text. */
function planSection(locale: Locale, label: string, names: readonly string[]): CardElement[] {
  if (names.length === 0) return [];
  const shown = names.slice(0, PLAN_NAMES_SHOWN).join(', ');
  const rest = names.length - PLAN_NAMES_SHOWN;
  const list = rest > 0 ? `${shown}, ${translate(locale, 'admin.plan.more', { count: rest })}` : shown;
  return [
    {
      type: 'FactSet',
      spacing: 'Medium',
      facts: [{ title: label, value: new Intl.NumberFormat(locale).format(names.length) }],
    },
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: list }], spacing: 'None' },
  ];
}

/** The plan of an import: what it would do, and Start / Cancel. */
export function planCard(
  locale: Locale,
  job: Pick<JobSummary, 'id' | 'source'>,
  plan: ImportPlan,
  /** How long the plan waits for Start. */
  waitMs: number,
): AdaptiveCardAttachment {
  const title = translate(locale, 'admin.plan.title', { file: job.source });
  const groups = planGroups(plan);
  return cardAttachment(
    title,
    [
      plainTitleBlock(title),
      ...planSection(locale, translate(locale, 'admin.plan.matched'), groups.matched),
      ...planSection(locale, translate(locale, 'admin.plan.unmatched'), groups.unmatched),
      ...planSection(locale, translate(locale, 'admin.plan.ambiguous'), groups.ambiguous),
      ...planSection(locale, translate(locale, 'admin.plan.unreadable'), groups.unreadable),
      textBlock(translate(locale, 'admin.plan.text', { time: durationText(locale, waitMs) }), {
        subtle: true,
      }),
    ],
    [
      execute(translate(locale, 'admin.plan.start'), ADMIN_JOB_START_VERB, { jobId: job.id }),
      execute(translate(locale, 'admin.plan.cancel'), ADMIN_JOB_CANCEL_VERB, { jobId: job.id }),
    ],
  );
}

/** A sentence in place of a card whose buttons were used (the plan once started or cancelled). */
export function noticeCard(text: string): AdaptiveCardAttachment {
  return cardAttachment(text, [plainText(text)]);
}

/** Time left, in the person's language: seconds under a minute, else whole minutes (rounded up). */
export function durationText(locale: Locale, ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const [value, unit] = seconds < 60 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

const UNDO_STATES: ReadonlySet<string> = new Set(['undo-queued', 'undoing', 'undone']);

/** The short-lived report link, when the admin asked for one. */
export interface ReportLink {
  readonly url: string;
  /** How long it works. */
  readonly lifetimeMs: number;
}

/**
 * A job's card for its state: progress while queued or running (done of total, failures, time left), or its end
 * (counts, **Download report**, **Undo this batch**). The same card is updated in place as the job moves on.
 */
export function jobCard(locale: Locale, progress: JobProgress, link?: ReportLink): AdaptiveCardAttachment {
  const { job } = progress;
  const file = job.source;
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const count = (done: number, total: number) =>
    translate(locale, 'admin.progress.count', { done: number(done), total: number(total) });
  const undo = UNDO_STATES.has(job.state);
  if (
    job.state === 'queued' ||
    job.state === 'running' ||
    job.state === 'undo-queued' ||
    job.state === 'undoing'
  ) {
    const title = translate(locale, undo ? 'admin.progress.undoTitle' : 'admin.progress.title', { file });
    const facts = [
      {
        title: translate(locale, 'admin.progress.done'),
        value: undo ? count(job.undone ?? 0, job.done) : count(job.done, job.total),
      },
      { title: translate(locale, 'admin.progress.failed'), value: number(job.failed) },
      {
        title: translate(locale, 'admin.progress.left'),
        value:
          progress.etaMs === undefined
            ? translate(locale, 'admin.progress.waiting')
            : durationText(locale, progress.etaMs),
      },
    ];
    return cardAttachment(title, [plainTitleBlock(title), { type: 'FactSet', facts }]);
  }
  const titleKey =
    job.state === 'undone'
      ? 'admin.report.undoneTitle'
      : job.state === 'cancelled'
        ? 'admin.report.cancelledTitle'
        : job.state === 'planned'
          ? 'admin.plan.title'
          : 'admin.report.title';
  const title = translate(locale, titleKey, { file });
  const facts = [
    { title: translate(locale, 'admin.report.set'), value: number(job.done) },
    { title: translate(locale, 'admin.progress.failed'), value: number(job.failed) },
    { title: translate(locale, 'admin.report.skipped'), value: number(job.skipped) },
    ...(job.state === 'undone'
      ? [{ title: translate(locale, 'admin.report.undone'), value: number(job.undone ?? 0) }]
      : []),
  ];
  const actions: (ExecuteAction | OpenUrlAction)[] = [];
  if (link)
    actions.push({ type: 'Action.OpenUrl', title: translate(locale, 'admin.report.open'), url: link.url });
  if (job.state === 'done' || job.state === 'undone' || job.state === 'cancelled') {
    actions.push(
      execute(translate(locale, 'admin.report.download'), ADMIN_JOB_REPORT_VERB, { jobId: job.id }),
    );
  }
  if (job.state === 'done' && job.done > 0) {
    actions.push(execute(translate(locale, 'admin.report.undo'), ADMIN_JOB_UNDO_VERB, { jobId: job.id }));
  }
  return cardAttachment(
    title,
    [
      plainTitleBlock(title),
      { type: 'FactSet', facts },
      ...(link
        ? [
            textBlock(
              translate(locale, 'admin.report.linkNote', { time: durationText(locale, link.lifetimeMs) }),
              { subtle: true },
            ),
          ]
        : []),
    ],
    actions,
  );
}
