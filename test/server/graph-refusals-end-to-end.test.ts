/**
 * What a person reads when Microsoft 365 refuses their photo, end to end in local mode: the real server over
 * loopback, the real pipeline on worker threads, the in-process Graph emulator, a fake Bot Connector and a file
 * server. The emulator's fault script answers the photo write with the refusal real Graph gives (a tenant policy's
 * 403, a 413), so the answer goes through the real Graph client, its error mapping and the turn's error text. The
 * answer is the localized sentence for the code with its next step and a reference, with no English in the other
 * languages; the photo is unchanged, and the refused change never became the photo's latest, so the previous
 * card's Undo still restores the photo from before it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// What `npm start` runs: the compiled app (its worker threads load compiled code).
import { startApp, type RunningApp } from '../../dist/app.js';
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { loadConfig } from '../../dist/config.js';
import { FaultScript, GRAPH_REFUSALS, type ScriptedRefusal } from '../../dist/emulator/faults.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, encodePng, photoLike } from '../helpers/images.js';
import { fileServer } from '../helpers/file-server.js';
import { ownPhoto, putOwnPhoto } from '../helpers/emulator-photos.js';

const TENANT = '00000000-0000-0000-0000-0000000000001';
const USERS = {
  alex: { id: '00000000-0000-0000-0000-0000000000020', upn: 'alexw@example.com' },
  megan: { id: '00000000-0000-0000-0000-0000000000021', upn: 'meganb@example.com' },
  adele: { id: '00000000-0000-0000-0000-0000000000022', upn: 'adelev@example.com' },
  patti: { id: '00000000-0000-0000-0000-0000000000024', upn: 'pattif@example.com' },
  lynne: { id: '00000000-0000-0000-0000-0000000000025', upn: 'lynner@example.com' },
} as const;
type User = (typeof USERS)[keyof typeof USERS];

/**
 * Words that would mean English leaked into an answer in another language (case-sensitive: German writes
 * "Organisation" too, capitalized).
 */
const ENGLISH =
  /\b(the|Please|Reference|photo|image|your|organisation|organization|department|refused|large|ask)\b/;

/** The reference line's label in each language (src/i18n, `error.reference`). */
const REFERENCE: Record<string, string> = {
  'en-US': 'Reference: ',
  'de-DE': 'Referenz: ',
  'ru-RU': 'Идентификатор для поддержки: ',
  'zh-CN': '参考编号：',
};

/** The whole answer the catalogs give for a code in a language: its sentence, then what to do next. */
const POLICY_BLOCKED: Record<string, string> = {
  'en-US':
    'Your organisation does not let people change their own profile photo. Please ask your IT department to change it for you.',
  'de-DE':
    'Ihre Organisation erlaubt nicht, das eigene Profilbild zu ändern. Bitte wenden Sie sich an Ihre IT-Abteilung, damit es für Sie geändert wird.',
  'ru-RU':
    'В вашей организации нельзя самостоятельно менять фото профиля. Попросите ИТ-отдел изменить его за вас.',
  'zh-CN': '你的组织不允许用户自行更改个人资料照片。请让你的 IT 部门为你更改。',
};
const PHOTO_TOO_LARGE: Record<string, string> = {
  'en-US':
    'Microsoft 365 refused the photo as too large. Please send a smaller image; if this keeps happening, tell your IT department.',
  'de-DE':
    'Microsoft 365 hat das Foto als zu groß abgelehnt. Bitte senden Sie ein kleineres Bild; wenn das wieder passiert, informieren Sie Ihre IT-Abteilung.',
  'ru-RU':
    'Microsoft 365 отклоняет фото: слишком большой размер. Отправьте изображение поменьше; если это повторится, сообщите в ИТ-отдел.',
  'zh-CN': 'Microsoft 365 因照片过大而拒绝了它。请发送较小的图片；如果问题仍然存在，请告知你的 IT 部门。',
};

/** Who sends in each language: one user per language, so the cases do not share a photo's history. */
const SENDER: Record<string, User> = {
  'en-US': USERS.alex,
  'de-DE': USERS.megan,
  'ru-RU': USERS.adele,
  'zh-CN': USERS.patti,
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('Graph refusals, end to end in local mode: the answer says what to do next', () => {
  let dataDir: string;
  let app: RunningApp;
  let issuer: LocalTokenIssuer;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let files: Awaited<ReturnType<typeof fileServer>>;
  const script = new FaultScript();
  let seed = 20;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-refusals-'));
    files = await fileServer({
      'a.jpg': await encodeJpeg(photoLike(1000, 750, 1)),
      'b.png': await encodePng(photoLike(700, 700, 2)),
    });
    const config = loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
    });
    app = await startApp(config, process.env.TEST_LOG ? createLogger('debug') : silentLogger, {
      emulatorFaults: { script, photoRoutesOnly: true },
    });
    issuer = await LocalTokenIssuer.open(dataDir);
  });
  afterAll(async () => {
    await app.close();
    await files.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    connector = await fakeConnector();
  });
  afterEach(async () => {
    script.clear();
    await connector.close();
  });

  const tokenOf = (user: User) =>
    issuer.issueDelegated({ tenantId: TENANT, userId: user.id, userPrincipalName: user.upn });
  const photoUrl = () => `${app.emulator!.url}/v1.0/me/photo/$value`;

  /** Sets a user's photo through the emulator's own API, as if it had been set before the bot. */
  async function seedPhoto(user: User): Promise<Buffer> {
    const bytes = await encodeJpeg(photoLike(400, 400, seed++));
    await putOwnPhoto(app.emulator!.url, tokenOf(user), bytes);
    return bytes;
  }

  async function storedPhoto(user: User): Promise<Buffer | null> {
    return ownPhoto(app.emulator!.url, tokenOf(user));
  }

  const messages = () => connector.sent.filter((s) => (s.activity.type ?? 'message') === 'message');
  const send = (user: User, locale: string, extra: Record<string, unknown>) =>
    postActivity(app.server.url, teamsActivity(connector.url, user.id, { locale, ...extra }));
  const sendImage = (user: User, locale: string, name: string) =>
    send(user, locale, { attachments: [{ contentType: 'image/*', contentUrl: `${files.url}/${name}` }] });
  const pressUndo = (user: User, locale: string, changeId: string) =>
    send(user, locale, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'undoPhotoChange', data: { changeId } } },
    });

  /** Sends an image Graph accepts and returns the change id on the card that answers it. */
  async function changeWithCard(user: User, locale: string): Promise<string> {
    const before = messages().length;
    await sendImage(user, locale, 'a.jpg');
    const reply = (await connector.waitFor(before + 1)).at(-1)!;
    const card = reply.activity.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const changeId = /"changeId":"([^"]+)"/.exec(JSON.stringify(card!.content))?.[1];
    expect(changeId).toBeDefined();
    return changeId!;
  }

  /** Sends an image whose write Graph answers with `refusal` (the read of the current photo passes). */
  async function refusedChange(user: User, locale: string, refusal: ScriptedRefusal): Promise<string> {
    const before = messages().length;
    script.push('pass').push(refusal);
    await sendImage(user, locale, 'b.png');
    const replies = await connector.waitFor(before + 1);
    // The read and exactly one write met the script; the refusal was not retried (a retry would pass).
    expect(script.pending).toBe(0);
    const reply = replies.at(-1)!;
    expect(reply.activity.attachments ?? []).toEqual([]);
    return reply.activity.text ?? '';
  }

  /**
   * The whole story for one refusal: a photo the user had, a change Graph accepted (card 1), a change Graph
   * refused; then the answer, the photo in place, and card 1's Undo.
   */
  async function refusalStory(user: User, locale: string, refusal: ScriptedRefusal, expected: string) {
    const original = await seedPhoto(user);
    const card1 = await changeWithCard(user, locale);
    const afterCard1 = await storedPhoto(user);
    expect(afterCard1!.equals(original)).toBe(false);

    const answer = await refusedChange(user, locale, refusal);
    expect(answer).toMatch(
      new RegExp(`^${escape(expected)}\\n\\n${escape(REFERENCE[locale]!)}[0-9a-f]{8}$`, 'u'),
    );
    if (!locale.startsWith('en')) expect(answer).not.toMatch(ENGLISH);
    // Graph's own words never reach the person.
    expect(answer).not.toContain(refusal.code);
    expect(answer).not.toContain(refusal.message);
    expect((await storedPhoto(user))!.equals(afterCard1!)).toBe(true);

    // The refused change never became the photo's latest: card 1 is still the change in place, and its Undo
    // puts back the photo from before it, byte for byte.
    const undo = await pressUndo(user, locale, card1);
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect((await storedPhoto(user))!.equals(original)).toBe(true);
  }

  it('the emulator answers a scripted photo request with the Graph error, and changes nothing', async () => {
    const original = await seedPhoto(USERS.lynne);
    script.push(GRAPH_REFUSALS.accessDenied);
    const directory = await fetch(`${app.emulator!.url}/v1.0/me`, {
      headers: { authorization: `Bearer ${tokenOf(USERS.lynne)}` },
    });
    expect(directory.status).toBe(200); // a directory read does not take the scripted refusal
    const refused = await fetch(photoUrl(), {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokenOf(USERS.lynne)}`, 'content-type': 'image/jpeg' },
      body: await encodeJpeg(photoLike(300, 300, 99)),
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'ErrorAccessDenied',
        message: 'Access is denied. Check credentials and try again.',
        innerError: { 'request-id': refused.headers.get('request-id') },
      },
    });
    expect(script.pending).toBe(0);
    expect((await storedPhoto(USERS.lynne))!.equals(original)).toBe(true);
  });

  it.each(Object.keys(POLICY_BLOCKED))(
    "%s: a tenant policy's 403 ErrorAccessDenied on one's own photo is GraphPolicyBlocked: ask IT",
    async (locale) => {
      await refusalStory(SENDER[locale]!, locale, GRAPH_REFUSALS.accessDenied, POLICY_BLOCKED[locale]!);
    },
  );

  it.each(Object.keys(PHOTO_TOO_LARGE))(
    "%s: Graph's 413 RequestEntityTooLarge is GraphPhotoTooLarge: send a smaller image",
    async (locale) => {
      await refusalStory(SENDER[locale]!, locale, GRAPH_REFUSALS.tooLarge, PHOTO_TOO_LARGE[locale]!);
    },
  );

  it("de-DE: 403 Authorization_RequestDenied on one's own photo is a policy block too, not a missing permission", async () => {
    // The bot changes only the sender's own photo, which User.ReadWrite always allows, so any 403 there is a
    // policy (GraphForbidden, "ask its owner", is for other people's photos, which the bot never changes).
    await refusalStory(USERS.lynne, 'de-DE', GRAPH_REFUSALS.requestDenied, POLICY_BLOCKED['de-DE']!);
  });
});
