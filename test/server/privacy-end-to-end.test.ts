/**
 * `my data` and `forget me`, end to end through the real app in local mode over HTTP (the compiled app, its worker
 * threads, the in-process Graph emulator, a fake Bot Connector and a file server, all on loopback): after a photo
 * change, `my data` lists the backup, the waiting photo and the audit entries with dates in the person's time zone;
 * `forget me` answers a confirmation; a forged, someone else's, expired or replayed confirmation deletes nothing;
 * the real one deletes the person's backups and waiting items (read back from storage), keeps every audit entry and
 * adds one, leaves another person's data untouched, and Undo on the old card then says it cannot undo.
 */
import path from 'node:path';
import { formatWhen } from '../../dist/bot/handlers/photo-previews.js';
import { CATALOGS } from '../../dist/i18n/index.js';
import { AuditLog, type AuditRecord } from '../../dist/storage/audit-log.js';
import { BackupStore, FsStorage, PendingStore, type JsonObject } from '../../dist/storage/index.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import {
  actionsOf,
  cardOf,
  cardText,
  PEOPLE,
  press,
  startLocalBot,
  TENANT,
  type LocalBot,
} from '../helpers/local-bot.js';

const { alex, megan } = PEOPLE;
type Json = Record<string, unknown>;

/** Every text of a card (text blocks, facts, action titles), for reading it as a person would. */

/** The facts of a card, title to value. */
function factsOf(card: Json | undefined): Record<string, string> {
  const facts = ((card?.body ?? []) as Json[])
    .filter((element) => element.type === 'FactSet')
    .flatMap((element) => element.facts as { title: string; value: string }[]);
  return Object.fromEntries(facts.map((fact) => [fact.title, fact.value]));
}

describe('my data and forget me (local mode, over HTTP)', () => {
  let bot: LocalBot;
  let storage: FsStorage;
  let backups: BackupStore<JsonObject>;
  let pending: PendingStore;
  let audit: AuditLog;
  let alexUndo: { verb: string; data: Record<string, string> };
  const zone = 'Asia/Tokyo';

  beforeAll(async () => {
    bot = await startLocalBot({
      'a.jpg': await encodeJpeg(photoLike(900, 700, 11)),
      'b.jpg': await encodeJpeg(photoLike(640, 640, 12)),
    });
    storage = new FsStorage({ root: path.join(bot.dataDir, 'storage') });
    backups = new BackupStore<JsonObject>({ storage, targetKey: () => 'unused' });
    pending = new PendingStore({ storage, namespace: 'bot' });
    audit = new AuditLog({ storage });
    // Both change their own photo: a backup, an audit entry and a waiting recent photo each.
    const alexCard = cardOf(await bot.ask(alex, { attachments: [bot.image('a.jpg')] }));
    alexUndo = actionsOf(alexCard).find((action) => action.verb === 'undoPhotoChange')!;
    expect(alexUndo).toBeDefined();
    await bot.ask(megan, { attachments: [bot.image('b.jpg')] });
  });
  afterAll(async () => {
    await bot.stop();
  });

  const recordsOf = async (person: string) =>
    (await backups.allRecords()).filter((record) => record.actor === person);
  const pendingOf = async (person: string) => (await pending.listIds()).filter((id) => id.includes(person));
  const auditOf = async (person: string): Promise<AuditRecord[]> =>
    (await audit.list(0, Date.now() + 60_000)).filter((record) => record.actor === person);

  it('lists the backup, the waiting photo and the audit entries with dates in the person’s time zone', async () => {
    const [backup] = await recordsOf(alex.id);
    const [entry] = await auditOf(alex.id);
    expect(backup).toBeDefined();
    const card = cardOf(await bot.ask(alex, { text: 'my data', localTimezone: zone }));
    expect(card).toBeDefined();
    const facts = factsOf(card);
    expect(facts['Photo backups (for Undo)']).toBe(`1: ${formatWhen(backup!.createdAt, 'en', zone)}`);
    expect(facts['Audit log entries']).toBe(`1: ${formatWhen(entry!.at, 'en', zone)}`);
    expect(facts['Photos and choices waiting']).toMatch(/^1: kept until .+ at the latest$/);
    expect(facts['Approval requests']).toBe('None');
    const text = cardText(card);
    expect(text).toContain(`${formatWhen(entry!.at, 'en', zone)}: photo changed`);
    expect(text).toContain('Backups are deleted after 90\u00a0days.');
    expect(text).toContain("Audit entries are the organisation's record");
    expect(text).toContain('hold no image');
    expect(text).toContain('send forget me');
  });

  it('answers in the person’s language, whichever language’s word they type', async () => {
    const card = cardOf(await bot.ask(alex, { text: 'Meine Daten', locale: 'de-DE' }));
    expect(cardText(card)).toContain('Was Teams Photo über Sie speichert');
    const english = cardOf(await bot.ask(alex, { text: 'my data', locale: 'ru-RU' }));
    expect(cardText(english)).toContain('Что Teams Photo хранит о вас');
  });

  it('shows nothing in a group chat, and says where to go', async () => {
    const groupChat = {
      conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat', tenantId: TENANT },
    };
    for (const text of ['my data', 'forget me']) {
      const reply = await bot.ask(alex, { text, ...groupChat });
      expect(cardOf(reply)).toBeUndefined();
      expect(reply.text).toContain('only in your personal chat with me');
      expect(reply.text).toContain(`send ${text} there`);
    }
    expect(await recordsOf(alex.id)).toHaveLength(1);
  });

  it('refuses a forged, someone else’s and an expired confirmation, deleting nothing', async () => {
    const card = cardOf(await bot.ask(alex, { text: 'forget me' }));
    const text = cardText(card);
    expect(text).toContain('Delete your data?');
    expect(text).toContain('Your audit entries stay');
    expect(factsOf(card)['Photo backups (for Undo)']).toMatch(/^1: /);
    const [confirm] = actionsOf(card);
    expect(confirm).toMatchObject({ title: 'Delete my data', verb: 'privacy.forget' });
    expect(confirm!.data.token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const refused = (body: Json) => {
      expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      expect(body.value).toContain('That confirmation has expired, was already used, or is not yours.');
    };
    refused(
      await press(bot, alex, { verb: confirm!.verb, data: { token: 'forged-token-forged-token-forged1' } }),
    );
    refused(await press(bot, alex, { verb: confirm!.verb, data: {} }));
    // Megan presses Alex's real button: the token waits under Alex's id, so for her it is nothing.
    refused(await press(bot, megan, confirm!));
    expect(await recordsOf(alex.id)).toHaveLength(1);
    expect(await recordsOf(megan.id)).toHaveLength(1);

    // The confirmation waits ten minutes at most; once that has passed, the real button deletes nothing either.
    const id = `forget-${alex.id}`;
    const item = (await pending.get(id))!;
    expect(item.expiresAt! - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    expect(item.expiresAt! - Date.now()).toBeGreaterThan(9 * 60_000);
    await storage.put(`pending/bot/items/${id}`, item.value, {
      contentType: item.contentType,
      expiresAt: Date.now() - 1,
    });
    refused(await press(bot, alex, confirm!));
    expect(await recordsOf(alex.id)).toHaveLength(1);
    expect(await pendingOf(alex.id)).toEqual([`recent-${alex.id}`]);
  });

  it('deletes the person’s backups and waiting items, keeps the audit entries, and leaves others alone', async () => {
    const auditBefore = await auditOf(alex.id);
    const meganBefore = { backups: await recordsOf(megan.id), pending: await pendingOf(megan.id) };
    expect(meganBefore.pending).toEqual([`recent-${megan.id}`]);
    const card = cardOf(await bot.ask(alex, { text: 'forget me' }));
    const [confirm] = actionsOf(card);

    const answer = await press(bot, alex, confirm!);
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const done = answer.value as Json;
    expect(cardText(done)).toContain('Your data is deleted');
    expect(factsOf(done)).toEqual({
      'Photo backups (for Undo)': '1',
      'Photos and choices waiting': '1',
      'Approval requests': '0',
    });

    // Read back from storage: Alex's backup (record and photo) and waiting photo are gone.
    expect(await recordsOf(alex.id)).toEqual([]);
    expect(await storage.list(`backups/photos/${alexUndo.data.changeId}`)).toEqual([]);
    expect(await pendingOf(alex.id)).toEqual([]);
    // Every audit entry stays, and one more records the deletion (no image, no change id).
    const auditAfter = await auditOf(alex.id);
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length)).toEqual([
      expect.objectContaining({
        action: 'forgotten',
        result: 'success',
        target: { kind: 'user', id: alex.id },
      }),
    ]);
    expect(auditAfter.at(-1)!.changeId).toBeUndefined();
    // Megan's data is untouched.
    expect(await recordsOf(megan.id)).toEqual(meganBefore.backups);
    expect(await pendingOf(megan.id)).toEqual(meganBefore.pending);

    // The same button again: used, nothing more happens.
    const replay = await press(bot, alex, confirm!);
    expect(replay.value).toContain('That confirmation has expired, was already used, or is not yours.');
    // Undo on the old photo card cannot undo any more, and says so.
    const undo = await press(bot, alex, alexUndo);
    expect(undo).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(undo.value).toContain('I cannot find that change any more, so there is nothing to undo.');
    // The typed undo finds nothing recorded for Alex's photo any more, and says so.
    const typedUndo = await bot.ask(alex, { text: 'undo' });
    expect(typedUndo.text).toBe(CATALOGS.en['undo.nothingToUndo']);
    // And `my data` now shows no backups, the audit entries still there.
    const after = factsOf(cardOf(await bot.ask(alex, { text: 'my data' })));
    expect(after['Photo backups (for Undo)']).toBe('None');
    expect(after['Audit log entries']).toMatch(/^2: /);
    // With nothing left to delete, forget me says so rather than asking.
    const nothing = await bot.ask(alex, { text: 'forget me' });
    expect(cardOf(nothing)).toBeUndefined();
    expect(nothing.text).toContain('I keep nothing about you that could be deleted');
  });
});
