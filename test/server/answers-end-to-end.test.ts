/**
 * What a person reads, end to end in local mode and in several languages: the real server over loopback, the real
 * pipeline on worker threads, the in-process Graph emulator, a fake Bot Connector recording the replies, and a
 * loopback file server for the attachments. Every refusal names what happened and what to do next, in the
 * sender's language, with no English left in it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../dist/app.js';
import { localDirectoryFile } from '../../dist/bot/turn-errors.js';
import { loadConfig } from '../../dist/config.js';
import { NO_MAILBOX_USER_ID } from '../../dist/emulator/seed-directory.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, forgedPngHeader, photoLike } from '../helpers/images.js';
import { fileServer } from '../helpers/file-server.js';

const ALEX = '00000000-0000-0000-0000-0000000000020';

/** Words that would mean English leaked into an answer in another language. */
const ENGLISH = /\b(the|Please|Reference|photo|image|file|your)\b/;

describe('answers a person reads, in their language', () => {
  let dataDir: string;
  let app: RunningApp;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let files: Awaited<ReturnType<typeof fileServer>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-answers-'));
    files = await fileServer({
      'a.jpg': await encodeJpeg(photoLike(800, 600, 3)),
      'b.jpg': await encodeJpeg(photoLike(640, 640, 4)),
      'Lebenslauf.pdf': Buffer.from('%PDF-1.7\n'),
      'wide.png': forgedPngHeader(20_001, 200),
    });
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
    await files.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    connector = await fakeConnector();
  });
  afterEach(async () => {
    await connector.close();
  });

  const send = (locale: string, extra: Record<string, unknown>, from = ALEX) =>
    postActivity(app.server.url, teamsActivity(connector.url, from, { locale, ...extra }));
  const inline = (name: string) => ({ contentType: 'image/*', contentUrl: `${files.url}/${name}` });
  const fileInfo = (name: string, fileType: string) => ({
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    content: { downloadUrl: `${files.url}/${name}?sig=preauthorized`, fileType, uniqueId: name },
  });
  const firstReply = async (): Promise<string> => {
    const [reply] = await connector.waitFor(1);
    return reply!.activity.text ?? '';
  };

  it.each([
    [
      'de-DE',
      'Die Datei Lebenslauf.pdf ist kein Foto. Bitte senden Sie stattdessen ein Foto im Format JPEG, PNG, GIF, WebP oder HEIC.',
      /\n\nReferenz: [0-9a-f]{8}$/,
    ],
    [
      'ru-RU',
      'Файл Lebenslauf.pdf — не фотография. Отправьте вместо него фото в формате JPEG, PNG, GIF, WebP или HEIC.',
      /\n\nИдентификатор для поддержки: [0-9a-f]{8}$/,
    ],
    [
      'en-US',
      'The file Lebenslauf.pdf is not a photo. Please send a JPEG, PNG, GIF, WebP or HEIC photo instead.',
      /\n\nReference: [0-9a-f]{8}$/,
    ],
  ])(
    '%s: a file that is not a photo is named, and the answer says what to send instead',
    async (locale, text, reference) => {
      await send(locale, { attachments: [fileInfo('Lebenslauf.pdf', 'pdf')] });
      const reply = await firstReply();
      expect(reply.startsWith(`${text}\n\n`)).toBe(true);
      expect(reply).toMatch(reference);
      expect(reply).not.toMatch(/attach it as a file|als Datei an|как файл/);
    },
  );

  it('ru-RU: two images are counted with the plural form Russian uses, the number held to its noun', async () => {
    await send('ru-RU', { attachments: [inline('a.jpg'), inline('b.jpg')] });
    const replies = await connector.waitFor(2);
    expect(replies[0]!.activity.text).toBe('Вы отправили 2\u00a0изображения; использую первое.');
    expect(replies[1]!.activity.attachments?.[0]?.contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
  });

  it.each([
    ['de-DE', /Ihr Konto hat kein Exchange-Online-Postfach/, /IT-Abteilung/],
    ['zh-CN', /你的帐户没有 Exchange Online 邮箱/, /IT 部门/],
    ['en-US', /^Your account has no Exchange Online mailbox/, /ask your IT department/],
  ])(
    '%s: an account without a mailbox is spoken to as "your account" and told to ask IT',
    async (locale, what, next) => {
      await send(locale, { attachments: [inline('a.jpg')] }, NO_MAILBOX_USER_ID);
      const reply = await firstReply();
      expect(reply).toMatch(what);
      expect(reply).toMatch(next);
      expect(reply).not.toMatch(/on-premises|this account|lokal gehostet/);
      if (!locale.startsWith('en')) expect(reply).not.toMatch(ENGLISH);
    },
  );

  it.each([
    ['ru-RU', /^У этого изображения слишком большое разрешение .*\. Отправьте копию поменьше/],
    ['zh-CN', /^该图片像素过多（.*）。请发送较小的副本/],
  ])('%s: an image with too many pixels is refused with a next step', async (locale, sentence) => {
    await send(locale, { attachments: [inline('wide.png')] });
    const reply = await firstReply();
    expect(reply).toMatch(sentence);
    expect(reply).toMatch(/20000\u00a0/);
    expect(reply).not.toMatch(ENGLISH);
  });

  it.each([
    ['zh-CN', /无需重启/],
    ['de-DE', /ein Neustart ist nicht nötig/],
    ['ru-RU', /перезапуск не нужен/],
  ])(
    '%s: a sender the local directory does not know is told which file to edit, that no restart is needed, and no server path or raw id',
    async (locale, noRestart) => {
      await send(locale, { attachments: [inline('a.jpg')] }, 'someone-not-in-the-directory');
      const reply = await firstReply();
      expect(reply).toContain('DATA_DIR/emulator/directory.json');
      expect(reply).toMatch(noRestart);
      expect(reply).not.toContain(dataDir);
      expect(reply).not.toContain(tmpdir());
      expect(reply).not.toContain('someone-not-in-the-directory');
      expect(reply).not.toMatch(ENGLISH);
    },
  );

  it("the emulator's page shows a photo changed through the chat, then through undo", async () => {
    const changed = async (): Promise<string | undefined> => {
      const html = await (await fetch(`${app.emulator!.url}/`)).text();
      const card = html.split('<div class="card">').find((part) => part.includes(`id ${ALEX}`));
      return card?.match(/<div class="line changed">([^<]*)<\/div>/)?.[1];
    };
    await send('en-US', { attachments: [inline('a.jpg')] });
    const [reply] = await connector.waitFor(1);
    expect(await changed()).toMatch(/ UTC via chat$/);
    const changeId = JSON.stringify(reply!.activity.attachments?.[0]?.content).match(
      /"changeId":"([^"]+)"/,
    )?.[1];
    const undo = await send('en-US', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'undoPhotoChange', data: { changeId } } },
    });
    expect(undo.status).toBe(200);
    expect(await changed()).toMatch(/ UTC via undo$/);
  });

  it('names the directory file relative to the project when the data folder is inside it', () => {
    expect(localDirectoryFile('/srv/bot/.data', '/srv/bot')).toBe('.data/emulator/directory.json');
    expect(localDirectoryFile('.data', process.cwd())).toBe('.data/emulator/directory.json');
    expect(localDirectoryFile('/var/lib/teams-photo', '/srv/bot')).toBe('DATA_DIR/emulator/directory.json');
    expect(localDirectoryFile('/srv/bot-other/.data', '/srv/bot')).toBe('DATA_DIR/emulator/directory.json');
  });
});
