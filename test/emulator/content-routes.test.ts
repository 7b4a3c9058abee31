/**
 * Images pasted into the seeded chat and channel messages, read as Graph serves hosted contents: who may read
 * them (scope, membership, application roles), what answers for ids that are not there, and the bytes themselves.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
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
} from '../../src/emulator/seed-directory.js';
import { errorCode, SEED, startHarness, type Answer, type Harness } from './harness.js';

const e = encodeURIComponent;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

function chatImage(
  ids: { chat?: string; message?: string; content?: string } = {},
  version = 'v1.0',
): string {
  const { chat = SEED_CHAT_ID, message = SEED_CHAT_MESSAGE_ID, content = SEED_CHAT_IMAGE_ID } = ids;
  return `/${version}/chats/${e(chat)}/messages/${e(message)}/hostedContents/${e(content)}/$value`;
}

function channelImage(
  ids: { team?: string; channel?: string; message?: string; reply?: string; content?: string } = {},
  version = 'v1.0',
): string {
  const {
    team = PLAYGROUND_TEAM_GROUP_ID,
    channel = SEED_CHANNEL_ID,
    message = SEED_CHANNEL_MESSAGE_ID,
  } = ids;
  const reply = ids.reply === undefined ? '' : `/replies/${e(ids.reply)}`;
  const content =
    ids.content ?? (ids.reply === undefined ? SEED_CHANNEL_IMAGE_ID : SEED_CHANNEL_REPLY_IMAGE_ID);
  return `/${version}/teams/${e(team)}/channels/${e(channel)}/messages/${e(message)}${reply}/hostedContents/${e(content)}/$value`;
}

const get = (pathAndQuery: string, token?: string): Promise<Answer> => h.call('GET', pathAndQuery, { token });

function expectError(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, code: errorCode(answer) }).toEqual({ status, code });
}

const seedFile = (file: string): Promise<Buffer> => readFile(path.join(h.dataDir, 'emulator', file));

describe('a chat message’s hosted content', () => {
  it.each(['v1.0', 'beta'])('is the pasted image, for a member with Chat.Read (%s)', async (version) => {
    const answer = await get(chatImage({}, version), h.user(SEED.alex.upn, ['Chat.Read']));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.bytes.equals(await seedFile(SEED_CONTENT_FILES.chatImage))).toBe(true);
    expect(await sharp(answer.bytes).metadata()).toMatchObject({ format: 'png', width: 640, height: 480 });
  });

  it('is there for the other member, and with Chat.ReadWrite', async () => {
    expect((await get(chatImage(), h.user(SEED.megan.upn, ['Chat.Read']))).status).toBe(200);
    expect((await get(chatImage(), h.user(SEED.alex.upn, ['Chat.ReadWrite']))).status).toBe(200);
  });

  it('is refused with 403 Forbidden to someone who is not in the chat, whatever they hold', async () => {
    const adele = h.user(SEED.adele.upn, ['Chat.Read', 'Chat.ReadWrite', 'Directory.Read.All']);
    const answer = await get(chatImage(), adele);
    expectError(answer, 403, 'Forbidden');
    expect(answer.bytes.includes(Buffer.from('PNG'))).toBe(false);
    // Not a member: the message and content ids are not probed either.
    expectError(await get(chatImage({ message: 'nope' }), adele), 403, 'Forbidden');
  });

  it.each([
    ['the default scopes', undefined],
    ['Chat.ReadBasic', ['Chat.ReadBasic']],
    ['ChannelMessage.Read.All', ['ChannelMessage.Read.All']],
    ['Chat.Read.All (an application role)', ['Chat.Read.All']],
  ])('is refused with 403 Forbidden to a member with %s but no Chat.Read', async (_name, scopes) => {
    expectError(await get(chatImage(), h.user(SEED.alex.upn, scopes)), 403, 'Forbidden');
  });

  it('is there for an application with Chat.Read.All, and refused to one without', async () => {
    expect((await get(chatImage(), h.app(['Chat.Read.All']))).status).toBe(200);
    expect((await get(chatImage(), h.app(['Chat.ReadWrite.All']))).status).toBe(200);
    expectError(await get(chatImage(), h.app()), 403, 'Forbidden');
  });

  it('needs a token', async () => {
    expectError(await get(chatImage()), 401, 'InvalidAuthenticationToken');
  });

  it('answers 404 NotFound for a chat, message or content that is not there, ids compared with case', async () => {
    const alex = h.user(SEED.alex.upn, ['Chat.Read']);
    for (const ids of [
      { chat: '19:nobody@unq.gbl.spaces' },
      { chat: SEED_CHAT_ID.toUpperCase() },
      { message: '1' },
      { content: 'aWQ9bm9uZQ==' },
      { content: SEED_CHAT_IMAGE_ID.toLowerCase() },
      // Another message's content is not this message's.
      { content: SEED_CHANNEL_IMAGE_ID },
    ]) {
      expectError(await get(chatImage(ids), alex), 404, 'NotFound');
    }
  });
});

describe('a channel message’s hosted content', () => {
  const member = (): string => h.user(SEED.megan.upn, ['ChannelMessage.Read.All']);

  it.each(['v1.0', 'beta'])(
    'is the message’s and the reply’s image, for a team member (%s)',
    async (version) => {
      const message = await get(channelImage({}, version), member());
      const reply = await get(channelImage({ reply: SEED_CHANNEL_REPLY_ID }, version), member());
      expect([message.status, reply.status]).toEqual([200, 200]);
      expect(message.headers.get('content-type')).toBe('image/jpeg');
      expect(reply.headers.get('content-type')).toBe('image/jpeg');
      expect(message.bytes.equals(await seedFile(SEED_CONTENT_FILES.channelImage))).toBe(true);
      expect(reply.bytes.equals(await seedFile(SEED_CONTENT_FILES.channelReplyImage))).toBe(true);
      expect(message.bytes.equals(reply.bytes)).toBe(false);
      expect(await sharp(reply.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    },
  );

  it('takes the team’s group id in any case, as Graph does for group ids', async () => {
    const answer = await get(channelImage({ team: PLAYGROUND_TEAM_GROUP_ID.toUpperCase() }), member());
    expect(answer.status).toBe(200);
  });

  it('is refused with 403 Forbidden to someone outside the team', async () => {
    const kiosk = h.user(SEED.kiosk.upn, ['ChannelMessage.Read.All', 'Group.Read.All']);
    expectError(await get(channelImage(), kiosk), 403, 'Forbidden');
    expectError(await get(channelImage({ reply: SEED_CHANNEL_REPLY_ID }), kiosk), 403, 'Forbidden');
  });

  it('is refused with 403 Forbidden without ChannelMessage.Read.All, even to a member', async () => {
    expectError(await get(channelImage(), h.user(SEED.megan.upn, ['Chat.Read'])), 403, 'Forbidden');
    expectError(await get(channelImage(), h.user(SEED.alex.upn)), 403, 'Forbidden');
  });

  it('is there for an application with ChannelMessage.Read.All only', async () => {
    expect((await get(channelImage(), h.app(['ChannelMessage.Read.All']))).status).toBe(200);
    expectError(await get(channelImage(), h.app(['Chat.Read.All'])), 403, 'Forbidden');
  });

  it('answers 404 NotFound for a team, channel, message, reply or content that is not there', async () => {
    for (const ids of [
      { team: '00000000-0000-0000-0000-000000009999' },
      { channel: '19:random@thread.tacv2' },
      { channel: SEED_CHANNEL_ID.toUpperCase() },
      { message: SEED_CHANNEL_REPLY_ID },
      { reply: '1' },
      { reply: SEED_CHANNEL_MESSAGE_ID },
      // The reply's image under the message, and the message's under the reply.
      { content: SEED_CHANNEL_REPLY_IMAGE_ID },
      { reply: SEED_CHANNEL_REPLY_ID, content: SEED_CHANNEL_IMAGE_ID },
    ]) {
      expectError(await get(channelImage(ids), h.app(['ChannelMessage.Read.All'])), 404, 'NotFound');
    }
  });

  it('is not in another team, even one the caller belongs to', async () => {
    // Alex is in Marketing too; the General channel is My Team's.
    const answer = await get(
      channelImage({ team: SEED.marketing }),
      h.user(SEED.alex.upn, ['ChannelMessage.Read.All']),
    );
    expectError(answer, 404, 'NotFound');
  });
});
