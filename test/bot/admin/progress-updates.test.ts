/**
 * The progress card's updates: the first at once, then at most one per interval with the latest progress, the end
 * at once (dropping what waited), one job's updates in order, and nothing for a job whose card is unknown.
 */
import type { JobConversation, JobProgress, JobSummary } from '../../../src/admin/admin-contracts.js';
import { ProgressUpdates } from '../../../src/bot/admin/progress-updates.js';
import type { AdaptiveCardAttachment } from '../../../src/bot/cards/index.js';
import { silentLogger } from '../../../src/logger.js';

const CONVERSATION: JobConversation = {
  reference: { conversation: { id: 'c' } },
  progressActivityId: 'card-1',
  locale: 'en',
};

function progress(
  done: number,
  state: JobSummary['state'] = 'running',
  conversation = CONVERSATION,
): JobProgress {
  return {
    job: {
      id: 'job-1',
      state,
      origin: 'chat',
      admin: { id: 'a', tenantId: 't' },
      source: 'photos.zip',
      createdAt: new Date(0).toISOString(),
      total: 10,
      done,
      failed: 0,
      skipped: 0,
      conversation,
    },
    etaMs: 1000,
  };
}

function setup(intervalMs: number) {
  let now = 0;
  const listeners: ((p: JobProgress) => void)[] = [];
  const updates: { activityId: string; text: string }[] = [];
  const wake: (() => void)[] = [];
  const updater = new ProgressUpdates({
    jobs: {
      onProgress: (listener) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
      get: () => Promise.resolve(undefined),
    },
    update: (conversation, card: AdaptiveCardAttachment) => {
      updates.push({ activityId: conversation.progressActivityId, text: JSON.stringify(card.content) });
      for (const w of wake.splice(0)) w();
      return Promise.resolve();
    },
    logger: silentLogger,
    intervalMs,
    now: () => now,
  });
  updater.start();
  return {
    updater,
    updates,
    emit: (p: JobProgress) => {
      for (const l of listeners) l(p);
    },
    at: (t: number) => {
      now = t;
    },
    listeners,
    /** Resolves once `count` updates were sent. */
    async until(count: number) {
      while (updates.length < count) await new Promise<void>((resolve) => wake.push(resolve));
    },
  };
}

describe('ProgressUpdates', () => {
  it('updates at once, holds what comes within the interval, and sends the end at once', async () => {
    const t = setup(60_000);
    t.emit(progress(1));
    t.at(10);
    t.emit(progress(2));
    t.emit(progress(3));
    t.at(20);
    t.emit(progress(10, 'done'));
    await t.updater.stop();
    expect(t.updates.map((u) => u.activityId)).toEqual(['card-1', 'card-1']);
    expect(t.updates[0]!.text).toContain('1 of 10');
    expect(t.updates[1]!.text).toContain('has finished');
  });

  it('sends the latest held progress once the interval has passed', async () => {
    const t = setup(30);
    t.emit(progress(1));
    t.emit(progress(2));
    t.emit(progress(3));
    await t.until(2);
    await t.updater.stop();
    expect(t.updates).toHaveLength(2);
    expect(t.updates[1]!.text).toContain('3 of 10');
  });

  it('leaves alone a job whose card it does not know, and stops listening when stopped', async () => {
    const t = setup(0);
    const noCard: JobConversation = { reference: CONVERSATION.reference, locale: CONVERSATION.locale };
    t.emit(progress(1, 'running', noCard));
    expect(t.updates).toEqual([]);
    await t.updater.stop();
    expect(t.listeners).toHaveLength(0);
  });

  it('uses the card this instance recorded when the progress predates the stored record', async () => {
    const t = setup(0);
    await t.updater.track('job-1', { ...CONVERSATION, progressActivityId: 'card-2' });
    const noCard: JobConversation = { reference: CONVERSATION.reference, locale: CONVERSATION.locale };
    t.emit(progress(1, 'running', noCard));
    await t.updater.stop();
    expect(t.updates.map((u) => u.activityId)).toEqual(['card-2']);
  });
});
