/**
 * Approval of photo changes (issue 18), end to end through the real app in local mode over HTTP (the compiled app,
 * its worker threads, the in-process Graph emulator, a fake Bot Connector and a file server, all on loopback).
 *
 * Marketing's members (Megan, Adele, Alex) need approval; Sales' members (Patti, Isaiah, Lynne) and, here, Alex
 * approve. A request reaches the approvers who chatted with the bot; Approve sets the photo (read back from the
 * emulator byte for byte) and updates the requester's card in place; Reject says why; a non-approver's forged
 * Approve, the requester's own Approve, a second Approve and one after the expiry are refused, audited, and change
 * nothing. Admins' changes skip approval and their audit entries say so.
 */
import path from 'node:path';
import { AuditLog, type AuditRecord } from '../../dist/storage/audit-log.js';
import { FsStorage } from '../../dist/storage/index.js';
import { encodeJpeg, encodePng, photoLike } from '../helpers/images.js';
import { photoAt, putOwnPhoto } from '../helpers/emulator-photos.js';
import type { SentActivity } from '../helpers/fake-connector.js';
import {
  actionsOf,
  cardOf,
  cardText,
  sameBytes,
  PEOPLE,
  press,
  startLocalBot,
  type LocalBot,
  type Person,
} from '../helpers/local-bot.js';

const LYNNE = { id: '00000000-0000-0000-0000-0000000000025', upn: 'lynner@example.com' } as const;
const SALES = '00000000-0000-0000-0000-000000000033';
const MARKETING = '00000000-0000-0000-0000-000000000032';
const { alex, megan, adele, patti } = PEOPLE;
const HOUR = 3_600_000;

type Json = Record<string, unknown>;

/** Every text of a card, as a person reads it. */

describe('approval of photo changes (local mode, over HTTP)', () => {
  let bot: LocalBot;
  let shift = 0;
  const before: Record<string, Buffer> = {};

  beforeAll(async () => {
    bot = await startLocalBot(
      {
        'a.jpg': await encodeJpeg(photoLike(900, 700, 11)),
        'b.png': await encodePng(photoLike(640, 640, 12)),
        'c.jpg': await encodeJpeg(photoLike(700, 700, 13)),
      },
      (directory) => {
        // Alex both needs approval (Marketing) and approves (Sales): he still cannot approve his own.
        const sales = directory.groups?.find((group) => group.id === SALES);
        if (!sales) throw new Error('the seeded directory has no Sales group');
        sales.members = [...(sales.members ?? []), alex.id];
      },
      {
        APPROVAL: 'group',
        APPROVAL_GROUP_ID: MARKETING,
        APPROVERS_GROUP_ID: SALES,
        APPROVAL_EXPIRY_HOURS: '72',
        // Asked every time: a membership taken away counts at once.
        ADMIN_CACHE_SECONDS: '0',
      },
      { approvalClock: () => Date.now() + shift },
    );
    for (const [n, person] of ([adele, megan, alex] as const).entries()) {
      const bytes = await encodeJpeg(photoLike(400, 400, 50 + n));
      await putOwnPhoto(bot.emulatorUrl, bot.tokenOf(person), bytes);
      before[person.id] = bytes;
    }
    // The approvers (and Megan, who is none) chat with the bot first: that is how it can reach them later.
    for (const person of [patti, LYNNE, alex, megan]) await bot.ask(person, { text: 'help' });
  });
  afterAll(async () => {
    await bot.stop();
  });

  const photoOf = (person: { id: string }) =>
    photoAt(bot.emulatorUrl, bot.tokenOf(patti, ['User.Read.All']), `/users/${person.id}/photo`);

  async function auditOf(actor: string): Promise<AuditRecord[]> {
    const log = new AuditLog({ storage: new FsStorage({ root: path.join(bot.dataDir, 'storage') }) });
    return (await log.list(0, Date.now() + 60_000)).filter((record) => record.actor === actor);
  }

  /** The waiting photo of a request, as stored. */
  async function storedPhoto(requestId: string): Promise<Uint8Array | undefined> {
    const storage = new FsStorage({ root: path.join(bot.dataDir, 'storage') });
    return (await storage.get(`approval/photos/${requestId}`))?.value;
  }

  async function until(test: (sent: SentActivity) => boolean, what: string): Promise<SentActivity> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const found = bot.connector.sent.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`never saw ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const inChatOf = (person: Person) => (sent: SentActivity) =>
    decodeURIComponent(sent.path).includes(`personal-${person.id}/`);
  const titled = (title: string) => (sent: SentActivity) => JSON.stringify(sent.activity).includes(title);
  /** The fake connector's id of a posted activity. */
  const idOf = (sent: SentActivity) => `reply-${bot.connector.sent.indexOf(sent) + 1}`;
  const isUpdateOf = (id: string) => (sent: SentActivity) =>
    sent.method === 'PUT' && sent.path.endsWith(`/${id}`);

  /** `person` sends an image; returns their waiting card's activity and each approver's card activity. */
  async function request(person: Person, image: string) {
    const start = bot.connector.sent.length;
    const after = (test: (s: SentActivity) => boolean) => (s: SentActivity) =>
      bot.connector.sent.indexOf(s) >= start && test(s);
    await bot.send(person, { attachments: [bot.image(image)] });
    const waiting = await until(
      after((s) => inChatOf(person)(s) && titled('Your new photo is waiting for approval')(s)),
      'the waiting card',
    );
    const card = cardOf(waiting.activity)!;
    const requestId = actionsOf(card)[0]!.data.requestId!;
    const approverCard = async (approver: Person) =>
      until(
        after(
          (s) =>
            inChatOf(approver)(s) && s.method === 'POST' && JSON.stringify(s.activity).includes(requestId),
        ),
        'an approver card',
      );
    return { waiting, waitingId: idOf(waiting), requestId, approverCard };
  }

  describe('a request, approved', () => {
    let req: Awaited<ReturnType<typeof request>>;
    let pattiCard: SentActivity;

    it('answers the requester with their preview, the expiry and Withdraw, and sends approvers a card', async () => {
      req = await request(adele, 'a.jpg');
      const card = cardOf(req.waiting.activity)!;
      expect(cardText(card)).toContain('If nobody decides, the request expires on');
      expect(actionsOf(card).map((a) => [a.title, a.verb])).toEqual([['Withdraw', 'approval.withdraw']]);
      pattiCard = await req.approverCard(patti);
      const approver = cardOf(pattiCard.activity)!;
      expect(cardText(approver)).toContain('Adele Vance asks to use a new profile photo');
      expect(cardText(approver)).toContain('Reason for rejecting');
      expect(actionsOf(approver).map((a) => [a.title, a.verb])).toEqual([
        ['Approve', 'approval.approve'],
        ['Reject', 'approval.reject'],
      ]);
      // Old and new photo side by side: two pictures.
      expect(JSON.stringify(approver).match(/data:image\/jpeg;base64/g)).toHaveLength(2);
      await req.approverCard(LYNNE);
      // Megan is no approver: no card for her.
      expect(
        bot.connector.sent.some(
          (s) => inChatOf(megan)(s) && JSON.stringify(s.activity).includes(req.requestId),
        ),
      ).toBe(false);
      // Nothing changed yet.
      expect(sameBytes(await photoOf(adele), before[adele.id])).toBe(true);
    });

    it("refuses a non-approver's forged Approve, audits it, and changes nothing", async () => {
      const action = actionsOf(cardOf(pattiCard.activity))[0]!;
      const answer = await press(bot, megan, action);
      expect(answer.type).toBe('application/vnd.microsoft.activity.message');
      expect(String(answer.value)).toMatch(
        /^Only approvers of photo changes can approve or reject a request/,
      );
      expect(sameBytes(await photoOf(adele), before[adele.id])).toBe(true);
      const refused = (await auditOf(megan.id)).filter((r) => r.result === 'NotApprover');
      expect(refused).toEqual([
        expect.objectContaining({ approval: 'approve', target: { kind: 'user', id: adele.id } }),
      ]);
    });

    it('refuses a card naming another photo than the request’s', async () => {
      const action = actionsOf(cardOf(pattiCard.activity))[0]!;
      const answer = await press(bot, patti, {
        ...action,
        data: { ...action.data, photoDigest: '0'.repeat(64) },
      });
      expect(String(answer.value)).toMatch(/^I cannot find that request/);
      expect(sameBytes(await photoOf(adele), before[adele.id])).toBe(true);
    });

    it('Approve sets the photo with the app identity, updates the requester’s card and the other approver’s', async () => {
      const jpeg = await storedPhoto(req.requestId);
      expect(jpeg).toBeDefined();
      const answer = await press(bot, patti, actionsOf(cardOf(pattiCard.activity))[0]!);
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardText(answer.value as Json)).toContain('Approved by Patti Fernandez. The new photo is set.');
      expect(sameBytes(await photoOf(adele), jpeg)).toBe(true);
      const update = await until(isUpdateOf(req.waitingId), "the requester's card, updated in place");
      expect(cardText(cardOf(update.activity))).toContain('Your new photo was approved');
      expect(cardText(cardOf(update.activity))).toContain('Patti Fernandez approved it');
      const lynneCard = await req.approverCard(LYNNE);
      const lynneUpdate = await until(isUpdateOf(idOf(lynneCard)), "the other approver's card");
      expect(cardText(cardOf(lynneUpdate.activity))).toContain('Approved by Patti Fernandez');
      const decision = (await auditOf(patti.id)).filter(
        (r) => r.approval === 'approve' && r.result === 'success',
      );
      expect(decision).toEqual([
        expect.objectContaining({ target: { kind: 'user', id: adele.id }, correlationId: req.requestId }),
      ]);
      expect(decision[0]?.changeId).toBeDefined();
    });

    it('refuses a second Approve: already decided, by whom', async () => {
      const lynneCard = await req.approverCard(LYNNE);
      const photo = await photoOf(adele);
      const answer = await press(bot, LYNNE, actionsOf(cardOf(lynneCard.activity))[0]!);
      expect(String(answer.value)).toMatch(
        /^This request has already been dealt with: approved by Patti Fernandez\./,
      );
      expect(sameBytes(await photoOf(adele), photo)).toBe(true);
      expect((await auditOf(LYNNE.id)).filter((r) => r.result === 'RequestDecided')).toHaveLength(1);
    });
  });

  it('two approvers pressing at once: exactly one decides', async () => {
    const req = await request(megan, 'c.jpg');
    const [p, l] = await Promise.all([req.approverCard(patti), req.approverCard(LYNNE)]);
    const answers = await Promise.all([
      press(bot, patti, actionsOf(cardOf(p.activity))[1]!),
      press(bot, LYNNE, actionsOf(cardOf(l.activity))[1]!),
    ]);
    const decided = answers.filter((a) => a.type === 'application/vnd.microsoft.card.adaptive');
    expect(decided).toHaveLength(1);
    expect(String(answers.find((a) => a !== decided[0])?.value)).toMatch(
      /^This request has already been dealt with: rejected by/,
    );
    expect(sameBytes(await photoOf(megan), before[megan.id])).toBe(true);
  });

  it('Reject leaves the photo and tells the requester why, in place', async () => {
    const req = await request(megan, 'b.png');
    const card = await req.approverCard(patti);
    const reject = actionsOf(cardOf(card.activity))[1]!;
    const answer = await press(bot, patti, {
      ...reject,
      data: { ...reject.data, reason: 'Please use a photo of **your** face' },
    });
    expect(cardText(answer.value as Json)).toContain(
      'Rejected by Patti Fernandez. The photo was not changed.',
    );
    expect(sameBytes(await photoOf(megan), before[megan.id])).toBe(true);
    const update = await until(isUpdateOf(req.waitingId), "the requester's card");
    const text = cardText(cardOf(update.activity));
    expect(text).toContain('Your new photo was not approved');
    expect(text).toContain('Their reason: Please use a photo of **your** face');
    // The reason is for the requester only: never in the audit log.
    expect(JSON.stringify(await auditOf(patti.id))).not.toContain('your** face');
  });

  it('refuses the requester’s own Approve even though they are an approver', async () => {
    const req = await request(alex, 'c.jpg');
    const card = await req.approverCard(patti);
    // Alex gets no approver card of his own request; he replays Patti's.
    const answer = await press(bot, alex, actionsOf(cardOf(card.activity))[0]!);
    expect(String(answer.value)).toMatch(/^You cannot approve or reject your own photo request\./);
    expect(sameBytes(await photoOf(alex), before[alex.id])).toBe(true);
    expect((await auditOf(alex.id)).filter((r) => r.result === 'OwnRequest')).toHaveLength(1);
  });

  it('Withdraw: only by the requester; approvers’ cards then say so', async () => {
    const req = await request(adele, 'b.png');
    const pattiCard = await req.approverCard(patti);
    const withdraw = actionsOf(cardOf(req.waiting.activity))[0]!;
    expect(String((await press(bot, megan, withdraw)).value)).toMatch(
      /^Only the person who asked can withdraw/,
    );
    const answer = await press(bot, adele, withdraw);
    expect(cardText(answer.value as Json)).toContain('You withdrew your photo request');
    const update = await until(isUpdateOf(idOf(pattiCard)), "the approver's card");
    expect(cardText(cardOf(update.activity))).toContain('withdrew this request');
    const late = await press(bot, patti, actionsOf(cardOf(pattiCard.activity))[0]!);
    expect(String(late.value)).toMatch(/already been dealt with: withdrawn by the person who asked/);
  });

  it('a request past its expiry cannot be decided; the requester’s card says it expired', async () => {
    const req = await request(megan, 'a.jpg');
    const card = await req.approverCard(patti);
    shift = 73 * HOUR;
    try {
      const answer = await press(bot, patti, actionsOf(cardOf(card.activity))[0]!);
      expect(String(answer.value)).toMatch(/^This request expired before anyone decided it/);
      expect(sameBytes(await photoOf(megan), before[megan.id])).toBe(true);
      const update = await until(isUpdateOf(req.waitingId), "the requester's card");
      expect(cardText(cardOf(update.activity))).toContain('Your photo request expired');
    } finally {
      shift = 0;
    }
  });

  it('an approver who had never chatted with the bot gets the pending requests with their first message', async () => {
    const isaiah = { id: '00000000-0000-0000-0000-0000000000023', upn: 'isaiahl@example.com' };
    const req = await request(adele, 'c.jpg');
    expect(bot.connector.sent.some((s) => inChatOf(isaiah)(s))).toBe(false);
    await bot.send(isaiah, { text: 'help' });
    const card = await req.approverCard(isaiah);
    expect(cardText(cardOf(card.activity))).toContain('Adele Vance asks to use a new profile photo');
    // A second message does not send it again.
    const count = bot.connector.sent.filter((s) => inChatOf(isaiah)(s)).length;
    await bot.ask(isaiah, { text: 'help' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      bot.connector.sent.filter(
        (s) => inChatOf(isaiah)(s) && JSON.stringify(s.activity).includes(req.requestId),
      ),
    ).toHaveLength(1);
    expect(bot.connector.sent.filter((s) => inChatOf(isaiah)(s)).length).toBe(count + 1);
  });

  it('someone outside the approval group changes their photo at once', async () => {
    const reply = await bot.ask(patti, { attachments: [bot.image('a.jpg')] });
    expect(cardText(cardOf(reply))).toContain('Undo');
  });

  it("an admin's change skips approval, and its audit entry says so", async () => {
    await bot.send(patti, { text: `set ${adele.upn}`, attachments: [bot.image('c.jpg')] });
    const deadline = Date.now() + 60_000;
    let entries: AuditRecord[] = [];
    while (Date.now() < deadline) {
      entries = (await auditOf(patti.id)).filter((r) => r.path === 'admin' && r.result === 'success');
      if (entries.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(entries).toEqual([
      expect.objectContaining({ approval: 'skipped-admin', target: { kind: 'user', id: adele.id } }),
    ]);
  });
});
