/**
 * "Set as group photo" on a message, end to end in local mode over real HTTP: the compiled bot, the pipeline on
 * worker threads and the in-process Graph emulator with its seeded chat, channel thread and shared file. The image
 * is found wherever a Teams message keeps one (a plain image attachment, a pasted image that is only in the HTML as
 * a hosted content of a chat or a channel message, a shared OneDrive file) and the dialog offers the groups the
 * person owns; an `<img>` anywhere but our own Graph is never fetched.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { jpegDataUri } from '../../dist/bot/cards/index.js';
import {
  PLAYGROUND_TEAM_GROUP_ID,
  SEED_CHANNEL_ID,
  SEED_CHANNEL_IMAGE_ID,
  SEED_CHANNEL_MESSAGE_ID,
  SEED_CHANNEL_REPLY_ID,
  SEED_CHANNEL_REPLY_IMAGE_ID,
  SEED_CHAT_ID,
  SEED_CHAT_IMAGE_ID,
  SEED_CHAT_MESSAGE_ID,
  SEED_CONTENT_FILES,
  SEED_HEADSHOT_URL,
} from '../../dist/emulator/seed-directory.js';
import { translate } from '../../dist/i18n/index.js';
import { preparePhoto } from '../../dist/photo/photo-pipeline.js';
import { fileServer, type FileServer } from '../helpers/file-server.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { PEOPLE, invoke, startLocalBot, type LocalBot, type Person } from '../helpers/local-bot.js';

type Json = Record<string, unknown>;

/** The chat of Alex and Megan, as the invoke of an action on one of its messages names it. */
const IN_CHAT = { conversation: { id: SEED_CHAT_ID, conversationType: 'groupChat', tenantId: 'tenant' } };
/** The General channel of My Team. */
const IN_CHANNEL = {
  conversation: {
    id: `${SEED_CHANNEL_ID};messageid=${SEED_CHANNEL_MESSAGE_ID}`,
    conversationType: 'channel',
    tenantId: 'tenant',
  },
  channelData: {
    tenant: { id: 'tenant' },
    team: { id: '19:myteam@thread.tacv2', aadGroupId: PLAYGROUND_TEAM_GROUP_ID },
    channel: { id: SEED_CHANNEL_ID },
  },
};

describe('Set as group photo: the dialog (local mode, over HTTP)', () => {
  let bot: LocalBot;
  let elsewhere: FileServer;
  let sent: Buffer;

  beforeAll(async () => {
    sent = await encodeJpeg(photoLike(900, 700, 4));
    bot = await startLocalBot({ 'a.jpg': sent });
    // A server on another host (another loopback port), serving a hosted-content path: it must never be asked.
    elsewhere = await fileServer({ 'v1.0/chats/x/messages/1/hostedContents/abc/$value': sent });
  });
  afterAll(async () => {
    await bot.stop();
    await elsewhere.close();
  });

  /** A hosted-content URL on the emulator, each id percent-encoded as a path segment. */
  const hosted = (...segments: string[]) =>
    `${bot.emulatorUrl}/v1.0/${segments.map((s) => (s === '$value' ? s : encodeURIComponent(s))).join('/')}`;
  const html = (src: string) =>
    `<div><p>New picture for the team</p><p><img alt="image" src="${src.replaceAll('&', '&amp;')}" width="250" height="188"></p></div>`;

  async function fetchTask(person: Person, messagePayload: Json, extra: Json = IN_CHAT) {
    return invoke(
      bot,
      person,
      'composeExtension/fetchTask',
      {
        commandId: 'setGroupPhoto',
        commandContext: 'message',
        messagePayload,
        context: { theme: 'default' },
      },
      extra,
    );
  }

  /** The dialog's card, or fails with what came instead. */
  function dialogCard(answer: { status: number; body: Json | null }): Json {
    expect(answer.status).toBe(200);
    const task = answer.body?.task as { type: string; value: { title: string; card: { content: Json } } };
    expect({ type: task.type, title: task.value.title }).toEqual({
      type: 'continue',
      title: 'Set as group photo',
    });
    return task.value.card.content;
  }

  /** The preview the dialog shows, as the pipeline makes it from `source` (prepared, then made small). */
  async function expectedPreview(source: Uint8Array): Promise<string> {
    const photo = await preparePhoto(source);
    return jpegDataUri((await preparePhoto(photo.jpeg, { size: 160, crop: 'center' })).jpeg);
  }
  const seedPicture = (file: string) => readFile(path.join(bot.dataDir, 'emulator', file));
  const previewOf = (card: Json) =>
    (card.body as { type: string; url?: string }[]).find((e) => e.type === 'Image')?.url;

  it('offers the groups the person owns, with the preview of a plain image attachment', async () => {
    const card = dialogCard(
      await fetchTask(PEOPLE.alex, {
        id: '1716371300000',
        body: { contentType: 'html', content: '<p>Our logo</p>' },
        attachments: [bot.image('a.jpg')],
      }),
    );
    const picker = (card.body as Json[]).find((e) => e.type === 'Input.ChoiceSet');
    expect(picker).toMatchObject({
      id: 'groupId',
      isRequired: true,
      choices: [{ title: 'My Team (myteam@example.com)', value: PLAYGROUND_TEAM_GROUP_ID }],
      value: PLAYGROUND_TEAM_GROUP_ID,
    });
    expect(previewOf(card)).toBe(await expectedPreview(sent));
    const actions = card.actions as { type: string; data: { choice: string } }[];
    expect(actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Set photo',
        data: { choice: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) as unknown },
      },
    ]);
  });

  it('reads an image pasted into a chat message from its hosted content, with the chat permission', async () => {
    const src = hosted(
      'chats',
      SEED_CHAT_ID,
      'messages',
      SEED_CHAT_MESSAGE_ID,
      'hostedContents',
      SEED_CHAT_IMAGE_ID,
      '$value',
    );
    const card = dialogCard(
      await fetchTask(PEOPLE.alex, {
        id: SEED_CHAT_MESSAGE_ID,
        body: { contentType: 'html', content: html(src) },
      }),
    );
    expect(previewOf(card)).toBe(await expectedPreview(await seedPicture(SEED_CONTENT_FILES.chatImage)));
  });

  it('reads an image pasted into a channel message and into a reply, with the channel permission', async () => {
    const message = [
      'teams',
      PLAYGROUND_TEAM_GROUP_ID,
      'channels',
      SEED_CHANNEL_ID,
      'messages',
      SEED_CHANNEL_MESSAGE_ID,
    ];
    const inMessage = dialogCard(
      await fetchTask(
        PEOPLE.alex,
        {
          body: {
            contentType: 'html',
            content: html(hosted(...message, 'hostedContents', SEED_CHANNEL_IMAGE_ID, '$value')),
          },
        },
        IN_CHANNEL,
      ),
    );
    expect(previewOf(inMessage)).toBe(
      await expectedPreview(await seedPicture(SEED_CONTENT_FILES.channelImage)),
    );
    const reply = hosted(
      ...message,
      'replies',
      SEED_CHANNEL_REPLY_ID,
      'hostedContents',
      SEED_CHANNEL_REPLY_IMAGE_ID,
      '$value',
    );
    const inReply = dialogCard(
      await fetchTask(PEOPLE.alex, { body: { contentType: 'html', content: html(reply) } }, IN_CHANNEL),
    );
    expect(previewOf(inReply)).toBe(
      await expectedPreview(await seedPicture(SEED_CONTENT_FILES.channelReplyImage)),
    );
  });

  it("reads a shared OneDrive image (a reference attachment) through /shares with the person's token", async () => {
    const card = dialogCard(
      await fetchTask(PEOPLE.alex, {
        body: { contentType: 'html', content: '<p>My new headshot</p><attachment id="x"></attachment>' },
        attachments: [
          { id: 'x', contentType: 'reference', contentUrl: SEED_HEADSHOT_URL, name: 'headshot.jpg' },
        ],
      }),
    );
    expect(previewOf(card)).toBe(await expectedPreview(await seedPicture(SEED_CONTENT_FILES.headshot)));
  });

  it('says so when the message has no image, and when a shared file is not an image', async () => {
    for (const messagePayload of [
      { body: { contentType: 'html', content: '<p>No picture here</p>' } },
      {
        body: { contentType: 'html', content: '<p>The plan</p>' },
        attachments: [{ contentType: 'reference', contentUrl: SEED_HEADSHOT_URL, name: 'plan.docx' }],
      },
    ]) {
      const answer = await fetchTask(PEOPLE.alex, messagePayload);
      expect(answer.body).toEqual({
        task: {
          type: 'message',
          value:
            'I found no image in that message. Use "Set as group photo" on a message with a picture or an image file.',
        },
      });
    }
  });

  it('never fetches an <img> on another host or a Graph URL that is not a hosted content', async () => {
    const foreign = `${elsewhere.url}/v1.0/chats/x/messages/1/hostedContents/abc/$value`;
    const notHosted = `${bot.emulatorUrl}/v1.0/me/photo/$value`;
    const withQuery = `${hosted('chats', SEED_CHAT_ID, 'messages', SEED_CHAT_MESSAGE_ID, 'hostedContents', SEED_CHAT_IMAGE_ID, '$value')}?redirect=${elsewhere.url}`;
    const answer = await fetchTask(PEOPLE.alex, {
      body: { contentType: 'html', content: [foreign, notHosted, withQuery].map(html).join('') },
    });
    expect(JSON.stringify(answer.body)).toContain('I found no image in that message');
    expect(elsewhere.requests).toEqual([]);
  });

  it('tells someone who owns no group so', async () => {
    const before = bot.connector.sent.length;
    const answer = await fetchTask(PEOPLE.adele, { attachments: [bot.image('a.jpg')] });
    expect(answer.body).toEqual({
      task: {
        type: 'message',
        value: expect.stringMatching(/You do not own any Microsoft 365 group/) as unknown,
      },
    });
    expect(bot.connector.sent.length).toBe(before);
  });

  it('refuses an image the person may not read (a chat they are not in), saying so', async () => {
    const src = hosted(
      'chats',
      SEED_CHAT_ID,
      'messages',
      SEED_CHAT_MESSAGE_ID,
      'hostedContents',
      SEED_CHAT_IMAGE_ID,
      '$value',
    );
    // Patti owns Sales but is not in Alex and Megan's chat: Graph refuses her token.
    const answer = await fetchTask(PEOPLE.patti, { body: { contentType: 'html', content: html(src) } });
    const task = answer.body?.task as { type: string; value: string };
    expect(task.type).toBe('message');
    expect(task.value).toBe(translate('en', 'extension.imageNotReadable'));
  });

  it("answers in the person's language", async () => {
    const answer = await fetchTask(
      PEOPLE.adele,
      { attachments: [bot.image('a.jpg')] },
      { ...IN_CHAT, locale: 'de-DE' },
    );
    expect(answer.body).toEqual({ task: { type: 'message', value: translate('de', 'group.ownNone') } });
    expect(translate('de', 'group.ownNone')).not.toBe(translate('en', 'group.ownNone'));
  });
});
