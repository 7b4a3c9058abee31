/**
 * The admins' cards in every language: well-formed 1.5 cards, the people picker on Teams' dataset with ours behind
 * it, the buttons' verbs and data, and names (people's, files') only ever as plain text.
 */
import type { ImportPlan, JobSummary } from '../../../src/admin/admin-contracts.js';
import {
  ADMIN_JOB_CANCEL_VERB,
  ADMIN_JOB_REPORT_VERB,
  ADMIN_JOB_START_VERB,
  ADMIN_JOB_UNDO_VERB,
  ADMIN_SEND_NOW_VERB,
  GRAPH_USERS_DATASET,
  PEOPLE_DATASET,
  PERSON_CHOICE_ID,
  adminCard,
  adminUpdatedCard,
  adminWaitingCard,
  durationText,
  isAdminJobData,
  jobCard,
  pickedPerson,
  planCard,
  planGroups,
} from '../../../src/bot/cards/admin-cards.js';
import { jpegDataUri, UNDO_PHOTO_CHANGE_VERB } from '../../../src/bot/cards/index.js';
import { SUPPORTED_LOCALES, translate } from '../../../src/i18n/index.js';
import { encodeJpeg, photoLike } from '../../helpers/images.js';
import { allElements, cardTexts, expectValidCard } from './card-checks.js';

const person = (n: number, name = `Person ${n}`) => ({
  id: `id-${n}`,
  displayName: name,
  userPrincipalName: `p${n}@example.com`,
});

const PLAN: ImportPlan = {
  matched: [1, 2, 3, 4, 5].map((n) => ({
    file: `p${n}@example.com.jpg`,
    person: person(n, n === 1 ? '**Bold** [link](https://evil.example)' : `Person ${n}`),
    key: `admin-jobs/j/files/${n}`,
    bytes: 1000,
  })),
  skipped: [
    { file: 'nobody.jpg', reason: 'unmatched' },
    { file: 'twice-a.jpg', reason: 'duplicate-person', candidates: ['p1@example.com'] },
    { file: 'many.jpg', reason: 'ambiguous', candidates: ['a@example.com', 'b@example.com'] },
    { file: '../etc/passwd', reason: 'unsafe-name' },
    { file: 'inner.zip', reason: 'nested-zip' },
    { file: 'notes.txt', reason: 'not-an-image' },
  ],
};

function job(state: JobSummary['state'], extra: Partial<JobSummary> = {}): JobSummary {
  return {
    id: 'job-1',
    state,
    origin: 'chat',
    admin: { id: 'admin-1', tenantId: 't' },
    source: 'photos_*final*.zip',
    createdAt: new Date(0).toISOString(),
    total: 5,
    done: 3,
    failed: 1,
    skipped: 6,
    ...extra,
  };
}

describe.each(SUPPORTED_LOCALES)('admin cards (%s)', (locale) => {
  it('the admin card: Teams’ people picker with ours as its fallback, Send the photo now, set and zip hints', () => {
    const card = adminCard(locale, 'adelev@example.com').content;
    expect(card.version).toBe('1.5');
    const pickers = allElements(card).filter((e) => e.type === 'Input.ChoiceSet');
    expect(pickers).toHaveLength(1);
    const picker = pickers[0]!;
    expect(picker).toMatchObject({
      id: PERSON_CHOICE_ID,
      isRequired: true,
      'choices.data': { type: 'Data.Query', dataset: GRAPH_USERS_DATASET },
      fallback: { id: PERSON_CHOICE_ID, 'choices.data': { type: 'Data.Query', dataset: PEOPLE_DATASET } },
    });
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: translate(locale, 'admin.card.sendNow'),
        verb: ADMIN_SEND_NOW_VERB,
        data: {},
      },
    ]);
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain(`${translate(locale, 'command.set')} adelev@example.com`);
    expect(texts.toLowerCase()).toContain('zip');
  });

  it('the waiting card names the person as plain text and says how long it waits', () => {
    const attachment = adminWaitingCard(locale, 'Adele *Vance*', 10 * 60_000);
    expectValidCard(attachment);
    const title = attachment.content.body[0]!;
    expect(title.type === 'RichTextBlock' && title.inlines[0]?.text).toContain('Adele *Vance*');
    expect(cardTexts(attachment.content).join(' ')).toContain(durationText(locale, 10 * 60_000));
  });

  it('the updated card shows before and after and an Undo carrying the change', async () => {
    const preview = jpegDataUri(await encodeJpeg(photoLike(160, 160, 1)));
    const attachment = adminUpdatedCard({
      locale,
      name: 'Adele Vance',
      previewDataUri: preview,
      beforeDataUri: undefined,
      changeId: 'c-1',
    });
    expectValidCard(attachment);
    expect(attachment.content.actions).toEqual([
      expect.objectContaining({ verb: UNDO_PHOTO_CHANGE_VERB, data: { changeId: 'c-1' } }),
    ]);
    expect(JSON.stringify(attachment.content)).toContain('"AV"');
  });

  it('the plan card counts each kind, lists a few names as plain text, and carries the job on Start / Cancel', () => {
    const attachment = planCard(locale, job('planned'), PLAN, 30 * 60_000);
    expectValidCard(attachment);
    const card = attachment.content;
    const facts = allElements(card).flatMap((e) => (e.type === 'FactSet' ? e.facts : []));
    expect(facts.map((f) => f.value)).toEqual(['5', '1', '2', '3']);
    const runs = allElements(card).flatMap((e) =>
      e.type === 'RichTextBlock' ? e.inlines.map((r) => r.text) : [],
    );
    // The file name in the title and the names in the lists are runs of plain text (no Markdown is read).
    expect(runs.join('\n')).toContain('photos_*final*.zip');
    expect(runs.join('\n')).toContain('**Bold** [link](https://evil.example)');
    expect(runs.join('\n')).toContain(translate(locale, 'admin.plan.more', { count: 2 }));
    expect(runs.join('\n')).not.toContain('Person 4');
    expect(
      card.actions?.map((a) => [a.type === 'Action.Execute' ? a.verb : a.type, 'data' in a ? a.data : {}]),
    ).toEqual([
      [ADMIN_JOB_START_VERB, { jobId: 'job-1' }],
      [ADMIN_JOB_CANCEL_VERB, { jobId: 'job-1' }],
    ]);
  });

  it('the progress card: done of total, failures and time left, with no buttons', () => {
    const attachment = jobCard(locale, { job: job('running'), etaMs: 90_000, ratePerMinute: 60 });
    expectValidCard(attachment);
    const facts = allElements(attachment.content).flatMap((e) => (e.type === 'FactSet' ? e.facts : []));
    expect(facts.map((f) => f.value)).toEqual([
      translate(locale, 'admin.progress.count', { done: '3', total: '5' }),
      '1',
      durationText(locale, 90_000),
    ]);
    expect(attachment.content.actions).toBeUndefined();
  });

  it('the final card offers the report and the batch undo; with a link, the link too', () => {
    const done = jobCard(locale, { job: job('done') });
    expectValidCard(done);
    expect(done.content.actions?.map((a) => (a.type === 'Action.Execute' ? a.verb : a.type))).toEqual([
      ADMIN_JOB_REPORT_VERB,
      ADMIN_JOB_UNDO_VERB,
    ]);
    const linked = jobCard(
      locale,
      { job: job('done') },
      { url: 'https://bot.example/r?x=1', lifetimeMs: 15 * 60_000 },
    );
    expect(linked.content.actions?.[0]).toEqual({
      type: 'Action.OpenUrl',
      title: translate(locale, 'admin.report.open'),
      url: 'https://bot.example/r?x=1',
    });
    expect(cardTexts(linked.content).join(' ')).toContain(durationText(locale, 15 * 60_000));
    // Once undone there is nothing left to undo.
    const undone = jobCard(locale, { job: job('undone', { undone: 3 }) });
    expectValidCard(undone);
    expect(undone.content.actions?.map((a) => (a.type === 'Action.Execute' ? a.verb : a.type))).toEqual([
      ADMIN_JOB_REPORT_VERB,
    ]);
  });
});

describe('card data from the network', () => {
  it('takes a job id only as a short non-empty string', () => {
    expect(isAdminJobData({ jobId: 'j' })).toBe(true);
    expect(isAdminJobData({ jobId: '' })).toBe(false);
    expect(isAdminJobData({ jobId: 7 })).toBe(false);
    expect(isAdminJobData({ jobId: 'x'.repeat(201) })).toBe(false);
    expect(isAdminJobData(null)).toBe(false);
  });

  it('takes the picked person from the picker’s id', () => {
    expect(pickedPerson({ [PERSON_CHOICE_ID]: ' id-1 ' })).toBe('id-1');
    expect(pickedPerson({ [PERSON_CHOICE_ID]: '' })).toBeUndefined();
    expect(pickedPerson({})).toBeUndefined();
    expect(pickedPerson(undefined)).toBeUndefined();
  });

  it('sorts a plan’s skipped files into the card’s kinds', () => {
    const groups = planGroups(PLAN);
    expect(groups.unmatched).toEqual(['nobody.jpg']);
    expect(groups.ambiguous).toEqual(['twice-a.jpg', 'many.jpg']);
    expect(groups.unreadable).toEqual(['../etc/passwd', 'inner.zip', 'notes.txt']);
  });
});
