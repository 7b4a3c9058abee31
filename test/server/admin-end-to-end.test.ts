/**
 * Admins in chat, end to end through the real app in local mode over HTTP (the compiled app, its worker threads, the
 * in-process Graph emulator, a fake Bot Connector and a file server, all on loopback): the `admin` card for an admin
 * (Patti, Global Administrator) and a refusal with an audit entry for anyone else (Alex); the people picker's
 * typeahead; **Send the photo now**, then an image; `set <upn>` with an image; Undo of an admin's change; a zip
 * planned, started, followed by one progress card updated in place, reported through a signed link, and undone;
 * and every forged or replayed action refused, audited, with nothing changed. Photos are read back from the
 * emulator.
 */
import path from 'node:path';
import { zipSync } from 'fflate';
import { writeFile } from 'node:fs/promises';
import { ReportLinks } from '../../dist/admin/report-links.js';
import { directoryFile } from '../../dist/emulator/directory.js';
import { SEED_DIRECTORY } from '../../dist/emulator/seed-directory.js';
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
  invoke,
  PEOPLE,
  press,
  startLocalBot,
  TENANT,
  type LocalBot,
} from '../helpers/local-bot.js';

/** Lynne holds no admin role either; her photo is one the zip sets. */
const LYNNE = { id: '00000000-0000-0000-0000-0000000000025', upn: 'lynner@example.com' } as const;
const { alex, megan, adele, patti } = PEOPLE;

type Json = Record<string, unknown>;

/** Every text of a card (text blocks, runs, facts, action titles), for reading it as a person would. */

/** Two photos (or none) byte for byte; a boolean, as Jest's diff of two large buffers would take minutes. */

/** The card of an invoke response (`adaptiveCard/action`), or its message text. */
function answerOf(body: Json): { card?: Json; text?: string } {
  return body.type === 'application/vnd.microsoft.card.adaptive'
    ? { card: body.value as Json }
    : { text: body.value as string };
}

describe('admins in chat (local mode, over HTTP)', () => {
  let bot: LocalBot;
  let zipBytes: Buffer;
  const before: Record<string, Buffer> = {};

  beforeAll(async () => {
    const zip = zipSync({
      'meganb@example.com.jpg': new Uint8Array(await encodeJpeg(photoLike(300, 300, 31))),
      'lynner@example.com.png': new Uint8Array(await encodePng(photoLike(300, 300, 32))),
      'nobody@example.com.jpg': new Uint8Array(await encodeJpeg(photoLike(200, 200, 33))),
      'notes.txt': new TextEncoder().encode('not a photo'),
    });
    zipBytes = Buffer.from(zip);
    bot = await startLocalBot(
      {
        'a.jpg': await encodeJpeg(photoLike(900, 700, 11)),
        'b.png': await encodePng(photoLike(640, 640, 12)),
        'photos.zip': zipBytes,
      },
      undefined,
      // Asked every time: a role taken away counts at once.
      { ADMIN_CACHE_SECONDS: '0' },
    );
    // Everyone starts with a photo, so undos have something to put back byte for byte.
    for (const [n, person] of ([adele, megan, LYNNE, alex] as const).entries()) {
      const bytes = await encodeJpeg(photoLike(400, 400, 50 + n));
      await putOwnPhoto(bot.emulatorUrl, bot.tokenOf(person), bytes);
      before[person.id] = bytes;
    }
  });
  afterAll(async () => {
    await bot.stop();
  });

  const photoOf = (person: { id: string }) =>
    photoAt(bot.emulatorUrl, bot.tokenOf(patti, ['User.Read.All']), `/users/${person.id}/photo`);

  async function auditOf(actor: string): Promise<AuditRecord[]> {
    const log = new AuditLog({ storage: new FsStorage({ root: path.join(bot.dataDir, 'storage') }) });
    const all = await log.list(0, Date.now() + 60_000);
    return all.filter((record) => record.actor === actor);
  }

  /** Waits until the connector has seen an activity that `test` accepts; returns it. */
  async function until(test: (sent: SentActivity) => boolean, what: string): Promise<SentActivity> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const found = bot.connector.sent.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`never saw ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  describe('the admin card', () => {
    it('shows an admin the card: people picker, Send the photo now, set and zip hints', async () => {
      const reply = await bot.ask(patti, { text: 'admin' });
      const card = cardOf(reply);
      expect(card).toBeDefined();
      expect(JSON.stringify(card)).toContain('"dataset":"graph.microsoft.com/users"');
      expect(JSON.stringify(card)).toContain('"dataset":"teamsPhotoPeople"');
      expect(actionsOf(card).map((a) => [a.title, a.verb])).toEqual([['Send the photo now', 'adminSendNow']]);
      expect(cardText(card)).toContain('set pattif@example.com');
    });

    it('refuses anyone else, in their language, and audits the refusal', async () => {
      const reply = await bot.ask(alex, { text: 'admin' });
      expect(cardOf(reply)).toBeUndefined();
      expect(reply.text).toBe(
        "Only admins of Teams Photo can set other people's photos, and you are not one. Ask your IT admin if you need a colleague's photo changed; to change your own, just send me a picture.",
      );
      const german = await bot.ask(alex, { text: 'admin', locale: 'de-DE' });
      expect(german.text).toMatch(/^Nur Admins von Teams Photo dürfen Fotos anderer Personen festlegen/);
      expect(
        (await auditOf(alex.id)).filter((r) => r.path === 'admin' && r.result === 'NotAdmin'),
      ).toHaveLength(2);
    });

    it('answers the card in the admin’s language (Spanish here)', async () => {
      const reply = await bot.ask(patti, { text: 'admin', locale: 'es-ES' });
      expect(cardText(cardOf(reply))).toContain('Asignar fotos de otras personas');
      expect(actionsOf(cardOf(reply))[0]?.title).toBe('Enviar la foto ahora');
    });
  });

  describe('outside a personal chat', () => {
    const groupChat = {
      conversation: { id: '19:admins@thread.v2', conversationType: 'groupChat', tenantId: TENANT },
    };

    it('neither shows the admin card nor sets anyone’s photo in a group chat, and says where to go', async () => {
      const adeleBefore = await photoOf(adele);
      const card = await bot.ask(patti, { text: 'admin', ...groupChat });
      expect(cardOf(card)).toBeUndefined();
      expect(card.text).toBe(
        'Admin work happens only in your personal chat with me, so that no one else sees the people and photos involved. Open a chat with Teams Photo and send admin there.',
      );
      const set = await bot.ask(patti, {
        text: 'set adelev@example.com',
        attachments: [bot.image('a.jpg')],
        locale: 'de-DE',
        ...groupChat,
      });
      expect(set.text).toMatch(/^Admin-Aufgaben erledige ich nur in Ihrem persönlichen Chat mit mir/);
      expect(sameBytes(await photoOf(adele), adeleBefore)).toBe(true);
    });
  });

  describe('the people picker’s typeahead', () => {
    it('finds people for an admin, by name', async () => {
      const answer = await invoke(bot, patti, 'application/search', {
        dataset: 'teamsPhotoPeople',
        queryText: 'Adele',
        queryOptions: { top: 10, skip: 0 },
      });
      expect(answer.status).toBe(200);
      const results = (answer.body?.value as { results: { title: string; value: string }[] }).results;
      expect(results).toContainEqual({ title: 'Adele Vance (adelev@example.com)', value: adele.id });
    });

    it('refuses a non-admin (403) and audits it', async () => {
      const count = (await auditOf(megan.id)).length;
      const answer = await invoke(bot, megan, 'application/search', {
        dataset: 'teamsPhotoPeople',
        queryText: 'A',
      });
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).not.toContain('adelev');
      expect((await auditOf(megan.id)).length).toBe(count + 1);
    });

    it('leaves the groups typeahead of the messaging extension to the extension', async () => {
      const answer = await invoke(bot, alex, 'application/search', {
        dataset: 'teamsPhotoGroups',
        queryText: '',
      });
      expect(answer.status).toBe(200);
    });
  });

  describe('one person at a time', () => {
    it('Send the photo now, then an image: that person’s photo is set; Undo puts theirs back', async () => {
      const pressed = answerOf(await press(bot, patti, { verb: 'adminSendNow', data: { person: adele.id } }));
      expect(cardText(pressed.card)).toContain('Send the photo for Adele Vance now');
      const ownBefore = await photoOf(patti);
      const reply = await bot.ask(patti, { attachments: [bot.image('a.jpg')] });
      const card = cardOf(reply);
      expect(cardText(card)).toContain('The photo of Adele Vance is set');
      const set = await photoOf(adele);
      expect(set).not.toBeNull();
      expect(set!.equals(before[adele.id]!)).toBe(false);
      // The admin's own photo is not touched.
      expect(sameBytes(await photoOf(patti), ownBefore)).toBe(true);
      const adminChange = (await auditOf(patti.id)).find((r) => r.path === 'admin' && r.result === 'success');
      expect(adminChange?.target).toEqual({ kind: 'user', id: adele.id });

      // Somebody else's Undo of it is "not found"; the admin's own puts Adele's photo back byte for byte.
      const undo = actionsOf(card).find((a) => a.verb === 'undoPhotoChange')!;
      expect(answerOf(await press(bot, megan, undo)).text).toMatch(/^I cannot find that change any more/);
      expect((await photoOf(adele))!.equals(set!)).toBe(true);
      const undone = answerOf(await press(bot, patti, undo));
      expect(undone.card).toBeDefined();
      expect((await photoOf(adele))!.equals(before[adele.id]!)).toBe(true);
    });

    it('refuses the Undo of an admin who is no longer one (checked again), and keeps the photo', async () => {
      const reply = await bot.ask(patti, {
        text: 'set adelev@example.com',
        attachments: [bot.image('b.png')],
      });
      const set = await photoOf(adele);
      const undo = actionsOf(cardOf(reply)).find((a) => a.verb === 'undoPhotoChange')!;
      // Patti loses the Global Administrator role (the emulator reads its directory file again).
      const withoutRole = structuredClone(SEED_DIRECTORY);
      for (const role of withoutRole.directoryRoles ?? []) {
        role.members = (role.members ?? []).filter((m) => m !== patti.id);
      }
      const file = directoryFile(bot.dataDir);
      await writeFile(file, JSON.stringify(withoutRole));
      try {
        expect(answerOf(await press(bot, patti, undo)).text).toMatch(/^Only admins of Teams Photo/);
        expect(sameBytes(await photoOf(adele), set)).toBe(true);
        expect((await auditOf(patti.id)).at(-1)).toMatchObject({ path: 'admin', result: 'NotAdmin' });
      } finally {
        await writeFile(file, JSON.stringify(SEED_DIRECTORY));
      }
      // An admin again: the same Undo works.
      expect(answerOf(await press(bot, patti, undo)).card).toBeDefined();
      expect(sameBytes(await photoOf(adele), before[adele.id])).toBe(true);
    });

    it('the next image after that is the admin’s own again (the choice is used once)', async () => {
      await press(bot, patti, { verb: 'adminSendNow', data: { person: adele.id } });
      await bot.ask(patti, { attachments: [bot.image('a.jpg')] });
      const adeleNow = await photoOf(adele);
      const reply = await bot.ask(patti, { attachments: [bot.image('b.png')] });
      expect(cardText(cardOf(reply))).not.toContain('Adele');
      expect(sameBytes(await photoOf(adele), adeleNow)).toBe(true);
    });

    it('set <upn> with an image sets that person’s photo', async () => {
      const previous = await photoOf(megan);
      const first = await bot.ask(patti, {
        text: 'set meganb@example.com',
        attachments: [bot.image('b.png')],
      });
      expect(cardText(cardOf(first))).toContain('The photo of Megan Bowen is set');
      const now = await photoOf(megan);
      expect(now).not.toBeNull();
      expect(now!.equals(previous!)).toBe(false);
      // In German, with the German command word.
      const german = await bot.ask(patti, {
        text: 'setzen meganb@example.com',
        locale: 'de-DE',
        attachments: [bot.image('a.jpg')],
      });
      expect(cardText(cardOf(german))).toContain('Das Foto von Megan Bowen ist festgelegt');
      // Undone newest first, Megan's photo from before is back (and the zip's tests start from it).
      for (const reply of [german, first]) {
        const undo = actionsOf(cardOf(reply)).find((a) => a.verb === 'undoPhotoChange')!;
        expect(answerOf(await press(bot, patti, undo)).card).toBeDefined();
      }
      expect(sameBytes(await photoOf(megan), before[megan.id])).toBe(true);
    });

    it('says so when nobody has that name', async () => {
      const reply = await bot.ask(patti, {
        text: 'set nobody@example.com',
        attachments: [bot.image('a.jpg')],
      });
      expect(reply.text).toMatch(/^I could not find anyone with that name/);
    });

    it('refuses a non-admin’s set before downloading anything, audits it, and changes nothing', async () => {
      const requests = bot.connector.sent.length;
      const files = bot.fileRequests().length;
      const previous = await photoOf(adele);
      const reply = await bot.ask(alex, {
        text: 'set adelev@example.com',
        attachments: [bot.image('a.jpg')],
      });
      expect(reply.text).toMatch(/^Only admins of Teams Photo/);
      expect(bot.fileRequests().length).toBe(files);
      expect(sameBytes(await photoOf(adele), previous)).toBe(true);
      expect(bot.connector.sent.length).toBe(requests + 1);
      const refusal = (await auditOf(alex.id)).at(-1);
      expect(refusal).toMatchObject({ path: 'admin', result: 'NotAdmin' });
    });

    it('refuses a non-admin’s Send the photo now (a forged press) and keeps nothing waiting', async () => {
      const pressed = answerOf(await press(bot, alex, { verb: 'adminSendNow', data: { person: adele.id } }));
      expect(pressed.text).toMatch(/^Only admins of Teams Photo/);
      expect((await auditOf(alex.id)).at(-1)).toMatchObject({
        path: 'admin',
        result: 'NotAdmin',
        target: { kind: 'user', id: adele.id },
      });
      // Alex's next image is his own photo, not Adele's.
      const previous = await photoOf(adele);
      await bot.ask(alex, { attachments: [bot.image('a.jpg')] });
      expect(sameBytes(await photoOf(adele), previous)).toBe(true);
    });
  });

  describe('a zip for many people', () => {
    let planCard: Json;
    let jobId: string;

    it('answers a zip with the plan: counts and names, Start and Cancel', async () => {
      const reply = await bot.ask(patti, {
        attachments: [
          { contentType: 'application/zip', contentUrl: bot.fileUrl('photos.zip'), name: 'photos.zip' },
        ],
      });
      planCard = cardOf(reply)!;
      const text = cardText(planCard);
      expect(text).toContain('Import plan for photos.zip');
      expect(text).toContain('Photos that match a person');
      expect(text).toContain('Megan Bowen (meganb@example.com.jpg)');
      expect(text).toContain('nobody@example.com.jpg');
      expect(text).toContain('notes.txt');
      const start = actionsOf(planCard).find((a) => a.verb === 'adminJobStart')!;
      jobId = start.data.jobId!;
      expect(actionsOf(planCard).map((a) => a.verb)).toEqual(['adminJobStart', 'adminJobCancel']);
    });

    it('refuses a non-admin’s zip without downloading it', async () => {
      const files = bot.fileRequests().length;
      const reply = await bot.ask(alex, {
        attachments: [
          { contentType: 'application/zip', contentUrl: bot.fileUrl('photos.zip'), name: 'photos.zip' },
        ],
      });
      expect(reply.text).toMatch(/^Only admins of Teams Photo/);
      expect(bot.fileRequests().length).toBe(files);
    });

    it('refuses Start from a non-admin and from another admin, audited, and the job stays planned', async () => {
      const start = { verb: 'adminJobStart', data: { jobId } };
      expect(answerOf(await press(bot, alex, start)).text).toMatch(/^Only admins of Teams Photo/);
      // Adele is an admin too (User Administrator), but the job is Patti's.
      expect(answerOf(await press(bot, adele, start)).text).toBe(
        'I could not find that bulk job. Use the buttons on the card of a job you started yourself; on the command line, profile-photo jobs lists every job.',
      );
      expect((await auditOf(adele.id)).at(-1)).toMatchObject({ path: 'admin', result: 'JobNotFound' });
      // Nor may she cancel it, or ask for its report.
      expect(answerOf(await press(bot, adele, { verb: 'adminJobCancel', data: { jobId } })).text).toMatch(
        /^I could not find that bulk job/,
      );
      expect(answerOf(await press(bot, adele, { verb: 'adminJobReport', data: { jobId } })).text).toMatch(
        /^I could not find that bulk job/,
      );
      expect(sameBytes(await photoOf(megan), before[megan.id])).toBe(true);
    });

    let progressId: string;

    it('Start: one progress card, updated in place until the final report', async () => {
      const sentBefore = bot.connector.sent.length;
      const started = answerOf(await press(bot, patti, { verb: 'adminJobStart', data: { jobId } }));
      expect(cardText(started.card)).toContain('The import of photos.zip has started');
      const posted = await until(
        (s) =>
          bot.connector.sent.indexOf(s) >= sentBefore &&
          s.method === 'POST' &&
          cardOf(s.activity) !== undefined,
        'the progress card',
      );
      expect(cardText(cardOf(posted.activity))).toMatch(/Importing photos from photos.zip|has finished/);
      progressId = `reply-${bot.connector.sent.indexOf(posted) + 1}`;
      const final = await until(
        (s) =>
          s.method === 'PUT' &&
          s.path.endsWith(`/activities/${progressId}`) &&
          cardText(cardOf(s.activity)).includes('The import of photos.zip has finished'),
        'the final card, in place of the progress card',
      );
      const finalText = cardText(cardOf(final.activity));
      expect(finalText).toMatch(/Photos set\n2\b/);
      // Only one card was posted for the job: every later change was an update of it.
      const laterPosts = bot.connector.sent
        .slice(sentBefore)
        .filter((s) => s.method === 'POST' && cardOf(s.activity) !== undefined);
      expect(laterPosts).toEqual([posted]);
      expect(actionsOf(cardOf(final.activity)).map((a) => a.verb)).toEqual([
        'adminJobReport',
        'adminJobUndo',
      ]);
      expect((await photoOf(megan))!.equals(before[megan.id]!)).toBe(false);
      expect((await photoOf(LYNNE))!.equals(before[LYNNE.id]!)).toBe(false);
    });

    it('refuses a second Start (a replay), audited, with nothing set again', async () => {
      const megansPhoto = await photoOf(megan);
      const replay = answerOf(await press(bot, patti, { verb: 'adminJobStart', data: { jobId } }));
      expect(replay.text).toMatch(/^That bulk job has already been started or cancelled/);
      expect((await auditOf(patti.id)).at(-1)).toMatchObject({ path: 'admin', result: 'JobNotStartable' });
      expect(sameBytes(await photoOf(megan), megansPhoto)).toBe(true);
    });

    it('Download report: a short-lived link only that admin can open; an edited link gets nothing', async () => {
      const answer = answerOf(await press(bot, patti, { verb: 'adminJobReport', data: { jobId } }));
      const open = (answer.card?.actions as { type: string; url?: string }[]).find(
        (a) => a.type === 'Action.OpenUrl',
      );
      expect(open?.url).toMatch(/\/api\/admin\/report\?/);
      const response = await fetch(open!.url!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="report-/);
      const csv = await response.text();
      expect(csv.split(/\r?\n/)[0]).toBe('person,file,result,reason,graphRequestId');
      expect(csv).toContain('meganb@example.com');
      expect(csv).toContain('nobody@example.com.jpg');

      const url = new URL(open!.url!);
      for (const [name, value] of [
        ['admin', adele.id],
        ['exp', String(Date.now() + 86_400_000)],
        ['sig', 'A'.repeat(43)],
      ] as const) {
        const edited = new URL(url);
        edited.searchParams.set(name, value);
        const refused = await fetch(edited);
        expect({ name, status: refused.status }).toEqual({ name, status: 403 });
        expect(await refused.text()).not.toContain('meganb@example.com');
      }
    });

    it('refuses a link signed for another admin, or for someone who is not one, with the real key', async () => {
      // Signed with the deployment's own key (as if it had leaked through another job's link): still not theirs.
      const links = new ReportLinks({
        storage: new FsStorage({ root: path.join(bot.dataDir, 'storage') }),
        lifetimeMs: 60_000,
      });
      const base = `${bot.app.server.url}/api/admin/report?`;
      for (const who of [
        { id: adele.id, tenantId: 'tenant' },
        { id: alex.id, tenantId: 'tenant' },
      ]) {
        const refused = await fetch(`${base}${(await links.sign(jobId, who)).toString()}`);
        expect({ who: who.id, status: refused.status }).toEqual({ who: who.id, status: 403 });
        expect(await refused.text()).not.toContain('meganb@example.com');
      }
    });

    it('Undo this batch: the same card follows the undo, and every photo the job set is back', async () => {
      const sentBefore = bot.connector.sent.length;
      const answer = answerOf(
        await press(bot, patti, { verb: 'adminJobUndo', data: { jobId } }, { replyToId: progressId }),
      );
      expect(cardText(answer.card)).toContain('Putting back the photos the import of photos.zip changed');
      await until(
        (s) =>
          bot.connector.sent.indexOf(s) >= sentBefore &&
          s.method === 'PUT' &&
          s.path.endsWith(`/activities/${progressId}`) &&
          cardText(cardOf(s.activity)).includes('The import of photos.zip is undone'),
        'the undone card, in place',
      );
      expect((await photoOf(megan))!.equals(before[megan.id]!)).toBe(true);
      expect((await photoOf(LYNNE))!.equals(before[LYNNE.id]!)).toBe(true);
      // A second undo is refused.
      expect(answerOf(await press(bot, patti, { verb: 'adminJobUndo', data: { jobId } })).text).toMatch(
        /^That bulk job has already been started or cancelled/,
      );
    });

    it('Cancel drops a plan; Start afterwards is refused', async () => {
      const reply = await bot.ask(patti, {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'again.zip',
            content: { downloadUrl: bot.fileUrl('photos.zip'), fileType: 'zip' },
          },
        ],
      });
      const plan = cardOf(reply);
      const cancel = actionsOf(plan).find((a) => a.verb === 'adminJobCancel')!;
      expect(cardText(answerOf(await press(bot, patti, cancel)).card)).toContain(
        'The import of again.zip is cancelled',
      );
      expect(answerOf(await press(bot, patti, { verb: 'adminJobStart', data: cancel.data })).text).toMatch(
        /^That bulk job has already been started or cancelled/,
      );
    });
  });
});

describe('admins of a tenant the app does not serve', () => {
  let bot: LocalBot;
  beforeAll(async () => {
    bot = await startLocalBot({ 'a.jpg': await encodeJpeg(photoLike(400, 400, 5)) }, undefined, {
      ADMIN_ALLOWED_TENANTS: 'another-tenant',
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('are refused, and the refusal is audited', async () => {
    const reply = await bot.ask(patti, { text: 'admin' });
    expect(cardOf(reply)).toBeUndefined();
    expect(reply.text).toMatch(/^This app does not serve admin actions from your organisation\./);
    const log = new AuditLog({ storage: new FsStorage({ root: path.join(bot.dataDir, 'storage') }) });
    const records = await log.list(0, Date.now() + 60_000);
    expect(records.filter((r: AuditRecord) => r.actor === patti.id)).toEqual([
      expect.objectContaining({ path: 'admin', result: 'TenantNotAllowed' }),
    ]);
  });

  it('are served when the allowlist names their tenant', async () => {
    const reply = await bot.ask(patti, {
      text: 'admin',
      conversation: { id: 'a:personal', conversationType: 'personal', tenantId: 'Another-Tenant' },
    });
    expect(cardOf(reply)).toBeDefined();
  });
});
