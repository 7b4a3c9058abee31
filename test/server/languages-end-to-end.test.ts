/**
 * Languages end to end: activities whose `locale` is `de-DE` or `zh-CN` are answered in German or Simplified
 * Chinese through the whole bot (real server, CloudAdapter, the pipeline on worker threads, the in-process Graph
 * emulator, a fake Bot Connector): the welcome card, help, the photo card and its Undo, `undo` typed in that
 * language, and a refusal with its reference line. The expected sentences are written out here rather than read
 * from the catalogs, so a catalog that fell back to English, or a path that ignores the locale, fails this test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
// What `npm start` runs: the compiled app (its worker threads load compiled code).
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { fakeConnector, postActivity, teamsActivity, type SentActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

/** What each language's answers must say, word for word (the catalogs' text). */
const LANGUAGES = [
  {
    locale: 'de-DE',
    sender: '00000000-0000-0000-0000-0000000000021', // seeded in the emulator's directory
    name: 'Megan Bowen',
    welcome: 'Hallo Megan Bowen! Ich bin Teams Photo.',
    helpWord: 'hilfe',
    helpTitle: 'So verwenden Sie Teams Photo',
    undoWord: 'Rückgängig',
    nothingToUndo: 'Es gibt noch nichts rückgängig zu machen.',
    photoTitle: 'Ihr neues Profilbild ist festgelegt',
    undoButton: 'Rückgängig',
    // Whichever sentence says what the undo left in place (the photo before it, or none).
    undone:
      /^(Erledigt: Ihr vorheriges Foto ist wieder da\.|Sie hatten vorher kein Foto, daher habe ich das neue entfernt\.|Rückgängig gemacht: (Das Foto, das Sie vor Ihrer ersten Änderung hier hatten, ist wieder da|Sie haben jetzt kein Profilbild, wie vor Ihrer ersten Änderung hier)\.)$/,
    corrupt: 'Dieses Bild scheint beschädigt oder unvollständig zu sein, daher konnte ich es nicht lesen.',
    reference: /\n\nReferenz: [0-9a-f]{8}$/,
  },
  {
    locale: 'zh-CN',
    sender: '00000000-0000-0000-0000-0000000000022',
    name: 'Adele Vance',
    welcome: 'Adele Vance，你好！我是 Teams Photo。',
    helpWord: '帮助',
    helpTitle: '如何使用 Teams Photo',
    undoWord: '撤销',
    nothingToUndo: '目前还没有可撤销的内容。',
    photoTitle: '你的新个人资料照片已设置好',
    undoButton: '撤销',
    undone:
      /^(完成：已恢复你之前的照片。|你之前没有照片，因此我已删除新照片。|已撤销：(已恢复你在此首次更改之前的照片|你现在没有个人资料照片，与你在此首次更改之前一样)。)$/,
    corrupt: '该图片似乎已损坏或不完整，无法读取。',
    reference: /\n\n参考编号：[0-9a-f]{8}$/,
  },
] as const;

/** Every text and title inside a card, in order (title, text blocks, action titles). */
function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title') && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts;
}

/** The card of a sent activity. */
function card(sent: SentActivity | undefined): unknown {
  return sent?.activity.attachments?.[0]?.content;
}

describe.each(LANGUAGES)('the bot answering $locale', (language) => {
  let dataDir: string;
  let app: RunningApp;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let files: ReturnType<typeof createServer>;
  let filesUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-languages-'));
    const photo = await encodeJpeg(photoLike(1200, 900, 3));
    files = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(req.url === '/broken.jpg' ? photo.subarray(0, 4000) : photo);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    const config = loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
    });
    app = await startApp(config, process.env.TEST_LOG ? createLogger('debug') : silentLogger);
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => files.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    connector = await fakeConnector();
  });
  afterEach(async () => {
    await connector.close();
  });

  const send = (extra: Record<string, unknown>) =>
    postActivity(
      app.server.url,
      teamsActivity(connector.url, language.sender, { locale: language.locale, ...extra }),
    );

  it('welcomes in the language', async () => {
    await send({
      type: 'conversationUpdate',
      from: { id: `29:${language.sender}`, aadObjectId: language.sender, name: language.name },
      membersAdded: [{ id: '28:teams-photo-bot' }],
    });
    const [reply] = await connector.waitFor(1);
    expect(cardTexts(card(reply))[0]).toBe(language.welcome);
  });

  it('answers help and undo typed in the language', async () => {
    await send({ text: language.helpWord });
    const [help] = await connector.waitFor(1);
    expect(cardTexts(card(help))[0]).toBe(language.helpTitle);
    await send({ text: language.undoWord });
    const replies = await connector.waitFor(2);
    expect(replies[1]!.activity.text).toBe(language.nothingToUndo);
  });

  it('sets a photo, answers with the card in the language, and its Undo answers in the language too', async () => {
    expect(
      (await send({ attachments: [{ contentType: 'image/*', contentUrl: `${filesUrl}/a.jpg` }] })).status,
    ).toBe(200);
    const [reply] = await connector.waitFor(1);
    const texts = cardTexts(card(reply));
    expect(texts[0]).toBe(language.photoTitle);
    expect(texts).toContain(language.undoButton);
    const changeId = /"changeId":"([^"]+)"/.exec(JSON.stringify(reply!.activity.attachments))?.[1];
    expect(changeId).toBeDefined();

    const undo = await send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'undoPhotoChange', data: { changeId } } },
    });
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const undone = cardTexts((undo.body as { value?: unknown }).value);
    expect(undone.some((text) => language.undone.test(text))).toBe(true);
  });

  it('refuses a corrupt image with the sentence for its code and a reference line in the language', async () => {
    await send({ attachments: [{ contentType: 'image/*', contentUrl: `${filesUrl}/broken.jpg` }] });
    const [reply] = await connector.waitFor(1);
    const text = reply!.activity.text ?? '';
    expect(text.startsWith(language.corrupt)).toBe(true);
    expect(text).toMatch(language.reference);
  });
});
