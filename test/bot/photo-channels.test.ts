/**
 * Photo messages are taken from Teams only (and, in local mode, from the Playground's `emulator` channel too). The
 * end-to-end part runs the compiled app in local mode over loopback, as `npm start` does, with a recording server
 * holding the image: a refused channel gets a localized answer and that server gets no request at all.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { silentLogger } from '../../dist/logger.js';
import type { PhotoMessageHandler } from '../../src/bot/handlers/photo-message-handler.js';
import type { UndoHandler } from '../../src/bot/handlers/undo-handler.js';
import { acceptsPhotoFrom, photoChannels } from '../../src/bot/photo-channels.js';
import { TeamsPhotoBot } from '../../src/bot/teams-photo-bot.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { recordingServer, sends, type RecordingServer } from './attachments/recording-server.js';

const ALEX = '00000000-0000-0000-0000-0000000000020';

describe('photoChannels', () => {
  it('takes Teams in production, and the Playground emulator channel too in local mode', () => {
    const production = photoChannels(false);
    const local = photoChannels(true);
    expect(acceptsPhotoFrom(production, 'msteams')).toBe(true);
    expect(acceptsPhotoFrom(local, 'msteams')).toBe(true);
    expect(acceptsPhotoFrom(local, 'emulator')).toBe(true);
    for (const channelId of ['emulator', 'webchat', 'directline', 'MSTeams', 'msteams ', '', undefined, 7]) {
      expect([channelId, acceptsPhotoFrom(production, channelId)]).toEqual([channelId, false]);
    }
    for (const channelId of ['webchat', 'directline', 'agents', 'slack', 'Emulator', undefined]) {
      expect([channelId, acceptsPhotoFrom(local, channelId)]).toEqual([channelId, false]);
    }
  });
});

describe('TeamsPhotoBot routing by channel (production policy)', () => {
  /** A photo handler that only counts: the router's decision is what is under test here. */
  function countingBot() {
    const handled: string[] = [];
    const photo = {
      handle: (context: { activity: Activity }) => {
        handled.push(context.activity.channelId);
        return Promise.resolve();
      },
    } as unknown as PhotoMessageHandler;
    const bot = new TeamsPhotoBot({ photo, undo: {} as unknown as UndoHandler, signIn: null });
    return { bot, handled };
  }

  const image = { contentType: 'image/*', contentUrl: 'https://smba.trafficmanager.net/v3/attachments/a1' };

  it('hands a Teams photo message to the photo handler', async () => {
    const { bot, handled } = countingBot();
    const adapter = new TestAdapter((context) => bot.run(context), { channelId: 'msteams' });
    await adapter.send({ type: 'message', attachments: [image] }).startTest();
    expect(handled).toEqual(['msteams']);
  });

  it('answers a photo message from any other channel with the refusal, without the handler', async () => {
    for (const channelId of ['emulator', 'webchat', 'directline']) {
      const { bot, handled } = countingBot();
      const adapter = new TestAdapter((context) => bot.run(context), { channelId });
      await adapter
        .send({ type: 'message', locale: 'es-ES', attachments: [image] })
        .assertReply((reply) => {
          expect(reply.text).toMatch(
            /^Solo puedo cambiar fotos a partir de mensajes enviados en Microsoft Teams\. Envíame la foto en un chat de Teams\.\n\nReferencia: /,
          );
        })
        .startTest();
      expect([channelId, handled]).toEqual([channelId, []]);
    }
  });
});

describe('the bot in local mode, by channel', () => {
  let dataDir: string;
  let app: RunningApp;
  let images: RecordingServer;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-channels-'));
    images = await recordingServer(sends(await encodeJpeg(photoLike(800, 600, 3))));
    const config = loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
    });
    app = await startApp(config, silentLogger);
  });
  afterAll(async () => {
    await app.close();
    await images.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    connector = await fakeConnector();
  });
  afterEach(async () => {
    await connector.close();
  });

  const photoMessage = (channelId: string, locale: string) =>
    teamsActivity(connector.url, ALEX, {
      channelId,
      locale,
      attachments: [
        { contentType: 'image/*', contentUrl: `${images.origin}/inline.jpg` },
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'me.jpg',
          content: { downloadUrl: `${images.origin}/file.jpg?tempauth=GRANT`, fileType: 'jpg' },
        },
      ],
    });

  it('refuses a photo from Web Chat or Direct Line in the sender language, and downloads nothing', async () => {
    const answers = {
      webchat: [
        'en-US',
        /^I can only change photos from messages sent in Microsoft Teams\. Please send me the photo in a Teams chat\.\n\nReference: [0-9a-f]{8}$/,
      ],
      directline: [
        'de-DE',
        /^Ich kann Fotos nur aus Nachrichten ändern, die in Microsoft Teams gesendet wurden\. Bitte senden Sie mir das Foto in einem Teams-Chat\.\n\nReferenz: [0-9a-f]{8}$/,
      ],
    } as const;
    for (const [channelId, [locale, text]] of Object.entries(answers)) {
      const before = connector.sent.length;
      const answer = await postActivity(app.server.url, photoMessage(channelId, locale));
      expect(answer.status).toBe(200);
      await connector.waitFor(before + 1);
      const replies = connector.sent.slice(before);
      // One answer, no typing indicator: the photo path was never entered.
      expect(replies.map((r) => r.activity.type)).toEqual(['message']);
      expect(replies[0]!.activity.text).toMatch(text);
    }
    expect(images.requests).toEqual([]);
  });

  it('takes the Playground emulator channel in local mode: the image is downloaded and set', async () => {
    const answer = await postActivity(app.server.url, photoMessage('emulator', 'en-US'));
    expect(answer.status).toBe(200);
    const [reply] = await connector.waitFor(2);
    expect(images.requests.map((r) => r.url)).toEqual(['/inline.jpg']);
    expect(reply!.activity.text ?? '').not.toMatch(/Microsoft Teams/);
    const card = connector.sent.find((s) => s.activity.attachments?.length)?.activity.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});
