/**
 * Undo that means what people think it means, over real HTTP through the running bot in local mode: the real
 * server, the pipeline on worker threads, the in-process Graph emulator, a fake Bot Connector and a file server,
 * all on loopback. Typed `undo` walks back through the person's own history (B, A, the photo from before, then
 * nothing left), the card's Undo tells "already undone" from "you set a newer photo on <date>", Undo offers "Use
 * this photo again" (itself undoable), and the photo card shows before and after at a size a person can see, the
 * whole message well under 100 KB. Sentences are checked in several languages. Every photo is compared byte for
 * byte with what the emulator holds. The suite runs on files and on Blob Storage (Azurite), as instances share it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// What `npm start` runs: the compiled app (its worker threads load compiled code).
import { startApp, type RunningApp } from '../../dist/app.js';
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { loadConfig } from '../../dist/config.js';
import { directoryFile } from '../../dist/emulator/directory.js';
import { SEED_DIRECTORY } from '../../dist/emulator/seed-directory.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { type Azurite, startAzuriteStorage } from '../helpers/azurite.js';
import { fakeConnector, postActivity, teamsActivity, type SentActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, encodePng, photoLike } from '../helpers/images.js';
import { fileServer } from '../helpers/file-server.js';
import { ownPhoto, putOwnPhoto } from '../helpers/emulator-photos.js';

const TENANT = '00000000-0000-0000-0000-0000000000001';
/** Extra users written into the emulator's directory before start, one per test, so no test sees another's photos. */
const USER_COUNT = 12;
interface User {
  readonly id: string;
  readonly upn: string;
}
const users: User[] = Array.from({ length: USER_COUNT }, (_, i) => ({
  id: `00000000-0000-0000-0000-0000000009${String(i).padStart(2, '0')}`,
  upn: `history${i}@example.com`,
}));
let nextUser = 0;
const freshUser = (): User => users[nextUser++]!;

/** Teams' limit for one message; the tests hold the photo card to 60 KB so there is room. */
const CARD_MESSAGE_BUDGET = 60 * 1024;

type Json = Record<string, unknown>;

/** Every element of a card's body, nested ones included. */
function elementsOf(card: Json): Json[] {
  const out: Json[] = [];
  const walk = (items: unknown) => {
    for (const item of (items as Json[] | undefined) ?? []) {
      out.push(item);
      walk(item.items);
      walk(item.columns);
    }
  };
  walk(card.body);
  return out;
}

/** Every text a card shows: text blocks, text runs and action titles. */
function textsOf(card: Json): string[] {
  const texts = elementsOf(card).flatMap((e) =>
    e.type === 'TextBlock'
      ? [e.text as string]
      : e.type === 'RichTextBlock'
        ? (e.inlines as Json[]).map((run) => run.text as string)
        : [],
  );
  for (const action of (card.actions as Json[] | undefined) ?? []) texts.push(action.title as string);
  return texts;
}

/** The action with `verb` on a card, if any. */
function actionOf(card: Json, verb: string): Json | undefined {
  return ((card.actions as Json[] | undefined) ?? []).find((a) => a.verb === verb);
}

describe.each(['fs', 'blob'] as const)(
  'Undo history end to end (local mode, over HTTP, %s storage)',
  (kind) => {
    let azurite: Azurite | undefined;
    let dataDir: string;
    let app: RunningApp;
    let issuer: LocalTokenIssuer;
    let connector: Awaited<ReturnType<typeof fakeConnector>>;
    let files: Awaited<ReturnType<typeof fileServer>>;

    beforeAll(async () => {
      nextUser = 0;
      dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-history-'));
      // The seeded directory plus one user per test.
      const directory = {
        ...SEED_DIRECTORY,
        users: [
          ...SEED_DIRECTORY.users,
          ...users.map((u, i) => ({
            id: u.id,
            userPrincipalName: u.upn,
            // The last two have no name in the directory, as a directory may have it.
            displayName: i >= USER_COUNT - 2 ? '' : `History User${i}`,
            givenName: 'History',
            surname: `User${i}`,
            mail: u.upn,
            jobTitle: 'Tester',
          })),
        ],
      };
      const file = directoryFile(dataDir);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(directory, null, 2));
      files = await fileServer({
        'a.jpg': await encodeJpeg(photoLike(1200, 900, 1)),
        'b.png': await encodePng(photoLike(800, 800, 2)),
      });
      if (kind === 'blob') azurite = await startAzuriteStorage();
      const config = loadConfig({
        PORT: '0',
        GRAPH_EMULATOR_PORT: '0',
        DATA_DIR: dataDir,
        PHOTO_POOL_SIZE: '1',
        QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
        ...(azurite
          ? {
              STORAGE_KIND: 'blob',
              AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
              STORAGE_CONTAINER: 'undo-history',
            }
          : {}),
      });
      app = await startApp(config, process.env.TEST_LOG ? createLogger('debug') : silentLogger);
      issuer = await LocalTokenIssuer.open(dataDir);
    });
    afterAll(async () => {
      await app.close();
      await azurite?.stop();
      await files.close();
      await rm(dataDir, { recursive: true, force: true });
    });
    beforeEach(async () => {
      connector = await fakeConnector();
    });
    afterEach(async () => {
      await connector.close();
    });

    const tokenOf = (user: User) =>
      issuer.issueDelegated({ tenantId: TENANT, userId: user.id, userPrincipalName: user.upn });

    /** Sets a user's photo through the emulator's own API, as if it had been set before the bot. */
    async function seedPhoto(user: User, seed: number): Promise<Buffer> {
      const bytes = await encodeJpeg(photoLike(400, 400, seed));
      await putOwnPhoto(app.emulator!.url, tokenOf(user), bytes);
      return bytes;
    }

    async function storedPhoto(user: User): Promise<Buffer | null> {
      return ownPhoto(app.emulator!.url, tokenOf(user));
    }

    /** Options of an activity: its locale, time zone and sender's display name. */
    interface As {
      readonly locale?: string;
      readonly timeZone?: string;
      /** `null`: no `from.name` at all, as the Playground sends. */
      readonly name?: string | null;
    }
    const activity = (user: User, as: As, extra: Record<string, unknown>) => {
      const base = teamsActivity(connector.url, user.id, {
        locale: as.locale ?? 'en-US',
        ...(as.timeZone ? { localTimezone: as.timeZone } : {}),
        ...extra,
      });
      const from =
        as.name === null
          ? { id: base.from.id, aadObjectId: base.from.aadObjectId }
          : { ...base.from, name: as.name ?? 'Alex Wilber' };
      return { ...base, from };
    };

    /** Sends a message and returns the message activity the bot answered it with. */
    async function say(user: User, extra: Record<string, unknown>, as: As = {}): Promise<SentActivity> {
      const before = messages();
      const response = await postActivity(app.server.url, activity(user, as, extra));
      expect(response.status).toBe(200);
      const replies = await connector.waitFor(before + 1);
      return replies.at(-1)!;
    }
    const messages = () => connector.sent.filter((s) => (s.activity.type ?? 'message') === 'message').length;
    const sendImage = (user: User, name: string, as: As = {}) =>
      say(user, { attachments: [{ contentType: 'image/*', contentUrl: `${files.url}/${name}` }] }, as);
    const typeUndo = (user: User, as: As = {}, word = 'undo') => say(user, { text: word }, as);

    /** Presses a card button (`Action.Execute`); returns the invoke's answer. */
    async function press(user: User, verb: string, changeId: string, as: As = {}) {
      const answer = await postActivity(
        app.server.url,
        activity(user, as, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data: { changeId } } },
        }),
      );
      expect(answer.status).toBe(200);
      return answer.body as { statusCode: number; type: string; value: unknown };
    }

    const cardOf = (reply: SentActivity): Json => {
      const attachment = reply.activity.attachments?.[0];
      expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      return attachment!.content;
    };
    const changeIdOf = (card: Json, verb: string): string => {
      const data = actionOf(card, verb)?.data as { changeId?: string } | undefined;
      expect(typeof data?.changeId).toBe('string');
      return data!.changeId!;
    };

    it('walks typed undo back: B, then A, then the photo from before, then "nothing left to undo" (English)', async () => {
      const user = freshUser();
      const original = await seedPhoto(user, 21);
      await sendImage(user, 'a.jpg');
      const a = await storedPhoto(user);
      await sendImage(user, 'b.png');
      const b = await storedPhoto(user);
      expect(a!.equals(original) || b!.equals(a!)).toBe(false);

      const first = cardOf(await typeUndo(user));
      expect(textsOf(first)[0]).toMatch(/^Undone: the photo you set on .*2\d{3}.* UTC is back\.$/);
      expect((await storedPhoto(user))!.equals(a!)).toBe(true);

      const second = cardOf(await typeUndo(user));
      expect(textsOf(second)[0]).toBe('Undone: the photo you had before your first change here is back.');
      expect((await storedPhoto(user))!.equals(original)).toBe(true);

      for (let i = 0; i < 2; i++) {
        const reply = await typeUndo(user);
        expect(reply.activity.text).toBe(
          'There is nothing left to undo. Send me a photo whenever you want a new one.',
        );
        expect((await storedPhoto(user))!.equals(original)).toBe(true);
      }
    });

    it("walks back to no photo at all in German, with dates in the person's time zone", async () => {
      const user = freshUser();
      const de: As = { locale: 'de-DE', timeZone: 'Europe/Berlin' };
      expect((await typeUndo(user, de, 'rückgängig')).activity.text).toBe(
        'Es gibt noch nichts rückgängig zu machen.',
      );
      await sendImage(user, 'a.jpg', de);
      const a = await storedPhoto(user);
      await sendImage(user, 'b.png', de);

      const first = cardOf(await typeUndo(user, de, 'Rückgängig'));
      // German date and time, in Berlin's time, so not marked UTC.
      expect(textsOf(first)[0]).toMatch(
        /^Rückgängig gemacht: Das Foto, das Sie am \d{1,2}\. [^\s]+ 2\d{3}, \d{1,2}:\d{2} festgelegt haben, ist wieder da\.$/,
      );
      expect((await storedPhoto(user))!.equals(a!)).toBe(true);

      const second = cardOf(await typeUndo(user, de, 'rückgängig'));
      expect(textsOf(second)[0]).toBe(
        'Rückgängig gemacht: Sie haben jetzt kein Profilbild, wie vor Ihrer ersten Änderung hier.',
      );
      expect(await storedPhoto(user)).toBeNull();
      // No photo now: the card says so where the picture would be, and offers to use the removed one again.
      expect(textsOf(second)).toContain('Kein Foto');
      expect(actionOf(second, 'redoPhotoChange')?.title).toBe('Dieses Foto wieder verwenden');

      expect((await typeUndo(user, de, 'rückgängig')).activity.text).toBe(
        'Es gibt nichts mehr rückgängig zu machen. Senden Sie mir ein Foto, wann immer Sie ein neues möchten.',
      );
      expect(await storedPhoto(user)).toBeNull();
    });

    it('answers a second press of a card\'s Undo with "already undone", in English and Russian', async () => {
      const user = freshUser();
      const original = await seedPhoto(user, 22);
      const card = cardOf(await sendImage(user, 'a.jpg'));
      const changeId = changeIdOf(card, 'undoPhotoChange');

      const first = await press(user, 'undoPhotoChange', changeId);
      expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
      expect((await storedPhoto(user))!.equals(original)).toBe(true);

      const again = await press(user, 'undoPhotoChange', changeId);
      expect(again).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      expect(again.value).toBe(
        'That change has already been undone. Type "undo" to go back one more step, or send me the photo you want.',
      );
      expect(JSON.stringify(again.value)).not.toMatch(/changed again since/);
      const inRussian = await press(user, 'undoPhotoChange', changeId, { locale: 'ru-RU' });
      expect(inRussian.value).toMatch(/^Это изменение уже отменено\. Напишите «отменить»/);
      expect((await storedPhoto(user))!.equals(original)).toBe(true);
    });

    it('says by what a card was superseded: "you set a newer photo on <date>", in English and Spanish', async () => {
      const user = freshUser();
      const older = changeIdOf(cardOf(await sendImage(user, 'a.jpg')), 'undoPhotoChange');
      await sendImage(user, 'b.png');
      const b = await storedPhoto(user);

      const answer = await press(user, 'undoPhotoChange', older);
      expect(answer.type).toBe('application/vnd.microsoft.activity.message');
      expect(answer.value).toMatch(
        /^You set a newer photo on [A-Z][a-z]{2} \d{1,2}, 2\d{3}, \d{1,2}:\d{2}\s[AP]M UTC, so undoing this older change would lose it\. /,
      );
      const inSpanish = await press(user, 'undoPhotoChange', older, {
        locale: 'es-ES',
        timeZone: 'Europe/Madrid',
      });
      expect(inSpanish.value).toMatch(
        /^El \d{1,2} [a-z]+\.? 2\d{3}, \d{1,2}:\d{2} pusiste una foto más reciente, así que deshacer este cambio anterior la perdería\./,
      );
      expect((await storedPhoto(user))!.equals(b!)).toBe(true);
    });

    it('offers "Use this photo again" after Undo: it sets the photo back, is itself undoable, and works once', async () => {
      const user = freshUser();
      const original = await seedPhoto(user, 23);
      const changeId = changeIdOf(cardOf(await sendImage(user, 'a.jpg')), 'undoPhotoChange');
      const a = await storedPhoto(user);

      const undone = await press(user, 'undoPhotoChange', changeId);
      const undoneCard = undone.value as Json;
      expect(textsOf(undoneCard)[0]).toBe('Undone: the photo you had before your first change here is back.');
      // The card shows the photo now in place, at a set size.
      const shown = elementsOf(undoneCard).filter((e) => e.type === 'Image');
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatchObject({ width: '120px', height: '120px' });
      const undoId = changeIdOf(undoneCard, 'redoPhotoChange');
      expect(actionOf(undoneCard, 'redoPhotoChange')?.title).toBe('Use this photo again');

      const redone = await press(user, 'redoPhotoChange', undoId);
      expect(redone.type).toBe('application/vnd.microsoft.card.adaptive');
      const redoCard = redone.value as Json;
      expect(textsOf(redoCard)[0]).toBe('This photo is your profile photo again');
      expect((await storedPhoto(user))!.equals(a!)).toBe(true);

      const twice = await press(user, 'redoPhotoChange', undoId);
      expect(twice.value).toBe(
        'That photo is already back in place. Type "undo" if you want to undo it again.',
      );
      expect((await storedPhoto(user))!.equals(a!)).toBe(true);

      // The redo is a change like any other: its card's Undo puts back the original.
      const redoId = changeIdOf(redoCard, 'undoPhotoChange');
      const undoRedo = await press(user, 'undoPhotoChange', redoId);
      expect(undoRedo.type).toBe('application/vnd.microsoft.card.adaptive');
      expect((await storedPhoto(user))!.equals(original)).toBe(true);
    });

    it('refuses someone else\'s "Use this photo again", and changes nobody\'s photo', async () => {
      const owner = freshUser();
      const intruder = freshUser();
      await seedPhoto(owner, 24);
      const changeId = changeIdOf(cardOf(await sendImage(owner, 'a.jpg')), 'undoPhotoChange');
      const undoId = changeIdOf(
        (await press(owner, 'undoPhotoChange', changeId)).value as Json,
        'redoPhotoChange',
      );
      const ownerNow = await storedPhoto(owner);

      const answer = await press(intruder, 'redoPhotoChange', undoId);
      expect(answer.type).toBe('application/vnd.microsoft.activity.message');
      expect(answer.value).toMatch(/cannot find that change/);
      expect((await storedPhoto(owner))!.equals(ownerNow!)).toBe(true);
      expect(await storedPhoto(intruder)).toBeNull();
    });

    it('shows before and after side by side at 120 px, the whole message under 60 KB', async () => {
      const user = freshUser();
      const original = await seedPhoto(user, 25);
      const reply = await sendImage(user, 'a.jpg');
      const size = Buffer.byteLength(JSON.stringify(reply.activity));
      expect(size).toBeLessThan(CARD_MESSAGE_BUDGET);
      expect(size).toBeGreaterThan(4 * 1024);
      const card = cardOf(reply);
      const columnSet = elementsOf(card).find((e) => e.type === 'ColumnSet');
      expect(columnSet).toBeDefined();
      const images = elementsOf(card).filter((e) => e.type === 'Image');
      expect(images).toHaveLength(2);
      for (const image of images) {
        expect(image).toMatchObject({ width: '120px', height: '120px' });
        expect(image.url).toMatch(/^data:image\/jpeg;base64,/);
      }
      expect(textsOf(card).slice(0, 3)).toEqual(['Your new profile photo is set', 'Before', 'After']);
      // The "before" is the old photo: a preview of it, not of the new one.
      const [before, after] = images.map((i) => i.url as string);
      expect(before).not.toBe(after);
      expect(original.length).toBeGreaterThan(0);
    });

    it("shows the person's initials where there was no photo: the directory's name, else Teams' name, else a neutral placeholder (zh-CN)", async () => {
      // The directory's name wins over the activity's (the Playground and send-image send none, or a made-up one).
      const listed = freshUser();
      const named = cardOf(await sendImage(listed, 'a.jpg', { name: 'Megan Bowen' }));
      expect(elementsOf(named).filter((e) => e.type === 'Image')).toHaveLength(1);
      expect(textsOf(named).slice(1, 4)).toEqual(['Before', 'HU', 'After']);

      // No name in the directory: the activity's `from.name`.
      const blank = users[USER_COUNT - 2]!;
      const fromTeams = cardOf(await sendImage(blank, 'a.jpg', { name: 'Megan Bowen' }));
      expect(textsOf(fromTeams).slice(1, 4)).toEqual(['Before', 'MB', 'After']);

      // Neither: a neutral placeholder, in the person's language.
      const nameless = users[USER_COUNT - 1]!;
      const unnamed = cardOf(await sendImage(nameless, 'a.jpg', { locale: 'zh-CN', name: null }));
      expect(textsOf(unnamed).slice(0, 4)).toEqual([
        '你的新个人资料照片已设置好',
        '之前',
        '没有照片',
        '之后',
      ]);
    });
  },
);
