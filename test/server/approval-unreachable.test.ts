/**
 * Approval when no approver can be reached yet (nobody of the approvers group has chatted with the bot), end to end
 * through the real app in local mode: the requester's card says so, in their language, and the request waits; the
 * first approver to message the bot then gets it. With `APPROVAL=everyone`, even a non-member of any group asks.
 */
import { encodeJpeg, photoLike } from '../helpers/images.js';
import type { SentActivity } from '../helpers/fake-connector.js';
import { actionsOf, cardOf, PEOPLE, startLocalBot, type LocalBot } from '../helpers/local-bot.js';

const SALES = '00000000-0000-0000-0000-000000000033';
const { megan, patti } = PEOPLE;

describe('approval with no approver reachable (local mode, over HTTP)', () => {
  let bot: LocalBot;

  beforeAll(async () => {
    bot = await startLocalBot({ 'a.jpg': await encodeJpeg(photoLike(600, 600, 21)) }, undefined, {
      APPROVAL: 'everyone',
      APPROVERS_GROUP_ID: SALES,
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  async function until(test: (sent: SentActivity) => boolean, what: string): Promise<SentActivity> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const found = bot.connector.sent.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`never saw ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('tells the requester, in their language, that the request waits for an approver to message the bot', async () => {
    await bot.send(megan, { attachments: [bot.image('a.jpg')], locale: 'de-DE' });
    const waiting = await until(
      (s) =>
        s.method === 'POST' && JSON.stringify(s.activity).includes('Ihr neues Foto wartet auf Genehmigung'),
      'the waiting card',
    );
    const requestId = actionsOf(cardOf(waiting.activity))[0]!.data.requestId!;
    const waitingId = `reply-${bot.connector.sent.indexOf(waiting) + 1}`;
    const update = await until(
      (s) => s.method === 'PUT' && s.path.endsWith(`/${waitingId}`),
      'the waiting card, updated',
    );
    expect(JSON.stringify(cardOf(update.activity))).toContain(
      'Noch konnte ich keine genehmigende Person erreichen',
    );
    // Patti (Sales) writes to the bot for the first time: the request comes to her.
    await bot.send(patti, { text: 'help' });
    const card = await until(
      (s) =>
        decodeURIComponent(s.path).includes(`personal-${patti.id}/`) &&
        JSON.stringify(s.activity).includes(requestId),
      "the approver's card",
    );
    expect(actionsOf(cardOf(card.activity)).map((a) => a.title)).toEqual(['Approve', 'Reject']);
  });
});
