/**
 * The Graph content client against the local Graph emulator over loopback: which `<img src>` URLs it accepts, the
 * images pasted into the seeded chat and channel messages, the seeded shared file through `/shares` and its
 * one-time download link, Graph's refusals as typed errors, and the byte cap.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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
} from '../../src/emulator/seed-directory.js';
import { AppError } from '../../src/errors.js';
import {
  GraphContentClient,
  shareIdOf,
  type GraphContentClientOptions,
  type HostedContentRef,
} from '../../src/graph/graph-content-client.js';
import { GraphError } from '../../src/graph/graph-errors.js';
import { SEED, startHarness, type Harness } from '../emulator/harness.js';

const noWait = { sleep: () => Promise.resolve(), random: () => 0.5 };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const client = (options: Partial<GraphContentClientOptions> = {}): GraphContentClient =>
  new GraphContentClient({ baseUrl: h.emulator.url, maxBytes: 4 * 1024 * 1024, ...noWait, ...options });

const as = (upn: string, scopes?: readonly string[]) => (): Promise<string> =>
  Promise.resolve(h.user(upn, scopes));

const seedFile = (file: string): Promise<Buffer> => readFile(path.join(h.dataDir, 'emulator', file));

const CHAT: HostedContentRef = {
  kind: 'chat',
  chatId: SEED_CHAT_ID,
  messageId: SEED_CHAT_MESSAGE_ID,
  contentId: SEED_CHAT_IMAGE_ID,
};
const CHANNEL: HostedContentRef = {
  kind: 'channel',
  teamId: PLAYGROUND_TEAM_GROUP_ID,
  channelId: SEED_CHANNEL_ID,
  messageId: SEED_CHANNEL_MESSAGE_ID,
  contentId: SEED_CHANNEL_IMAGE_ID,
};
const REPLY: HostedContentRef = {
  ...CHANNEL,
  replyId: SEED_CHANNEL_REPLY_ID,
  contentId: SEED_CHANNEL_REPLY_IMAGE_ID,
};

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('parseHostedContentUrl', () => {
  const graph = new GraphContentClient({ baseUrl: 'https://graph.microsoft.com', maxBytes: 1 });
  const chatPath = `chats/${SEED_CHAT_ID}/messages/${SEED_CHAT_MESSAGE_ID}/hostedContents/${SEED_CHAT_IMAGE_ID}/$value`;
  const chatUrl = `https://graph.microsoft.com/v1.0/${chatPath}`;

  it('reads the chat, channel and reply forms as Teams writes them in a message’s HTML', () => {
    expect(graph.parseHostedContentUrl(chatUrl)).toEqual(CHAT);
    const channel = `https://graph.microsoft.com/beta/teams/${PLAYGROUND_TEAM_GROUP_ID}/channels/${SEED_CHANNEL_ID}/messages/${SEED_CHANNEL_MESSAGE_ID}`;
    expect(graph.parseHostedContentUrl(`${channel}/hostedContents/${SEED_CHANNEL_IMAGE_ID}/$value`)).toEqual(
      CHANNEL,
    );
    expect(
      graph.parseHostedContentUrl(
        `${channel}/replies/${SEED_CHANNEL_REPLY_ID}/hostedContents/${SEED_CHANNEL_REPLY_IMAGE_ID}/$value`,
      ),
    ).toEqual(REPLY);
  });

  it('reads the ids percent-encoded too, the host in any case and the literals in any case', () => {
    const encoded = `https://GRAPH.microsoft.com:443/v1.0/Chats/${encodeURIComponent(SEED_CHAT_ID)}/messages/${SEED_CHAT_MESSAGE_ID}/HOSTEDCONTENTS/${encodeURIComponent(SEED_CHAT_IMAGE_ID)}/%24value`;
    expect(graph.parseHostedContentUrl(encoded)).toEqual(CHAT);
  });

  it('reads URLs under a base path when Graph is reached through one', () => {
    const proxied = new GraphContentClient({ baseUrl: 'https://proxy.example/graph/', maxBytes: 1 });
    expect(proxied.parseHostedContentUrl(`https://proxy.example/graph/v1.0/${chatPath}`)).toEqual(CHAT);
    expect(proxied.parseHostedContentUrl(`https://proxy.example/v1.0/${chatPath}`)).toBeUndefined();
    expect(proxied.parseHostedContentUrl(chatUrl)).toBeUndefined();
  });

  it.each([
    ['another host', `https://graph.microsoft.com.evil.example/v1.0/${chatPath}`],
    ['a look-alike host', `https://graph.microsoft.co/v1.0/${chatPath}`],
    ['another cloud', `https://graph.microsoft.us/v1.0/${chatPath}`],
    ['another port', `https://graph.microsoft.com:8443/v1.0/${chatPath}`],
    ['plain http', `http://graph.microsoft.com/v1.0/${chatPath}`],
    ['a user name', `https://someone@graph.microsoft.com/v1.0/${chatPath}`],
    ['a query', `${chatUrl}?redirect=https://evil.example`],
    ['a fragment', `${chatUrl}#x`],
    ['another version', `https://graph.microsoft.com/v2.0/${chatPath}`],
    ['no $value', chatUrl.replace(/\/\$value$/, '')],
    ['a trailing slash', `${chatUrl}/`],
    ['a photo', 'https://graph.microsoft.com/v1.0/me/photo/$value'],
    ['a user’s chats', `https://graph.microsoft.com/v1.0/users/${SEED.alex.id}/${chatPath}`],
    ['dot segments that lead elsewhere', `${chatUrl}/../../../../../../../me/photo/$value`],
    ['an encoded slash in an id', chatUrl.replace(SEED_CHAT_MESSAGE_ID, '1%2F..%2F2')],
    ['an encoded dot-dot id', chatUrl.replace(SEED_CHAT_MESSAGE_ID, '%2E%2E')],
    ['a control character in an id', chatUrl.replace(SEED_CHAT_MESSAGE_ID, '1%0A2')],
    ['a broken percent-escape', chatUrl.replace(SEED_CHAT_MESSAGE_ID, '%E0%A4%A')],
    ['a reply under a chat', chatUrl.replace('/hostedContents/', '/replies/1/hostedContents/')],
    ['a relative URL', `/v1.0/${chatPath}`],
    ['a data URL', 'data:image/png;base64,iVBORw0KGgo='],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(graph.parseHostedContentUrl(url)).toBeUndefined();
  });
});

describe('hostedContent', () => {
  it('reads the image pasted into a chat, for a member with Chat.Read (v1.0 and beta)', async () => {
    const expected = await seedFile(SEED_CONTENT_FILES.chatImage);
    for (const version of ['v1.0', 'beta'] as const) {
      const bytes = await client({ version }).hostedContent(CHAT, as(SEED.alex.upn, ['Chat.Read']));
      expect(Buffer.from(bytes).equals(expected)).toBe(true);
    }
  });

  it('reads a URL found in a message end to end', async () => {
    const c = client();
    const ref = c.parseHostedContentUrl(
      `${h.emulator.url}/v1.0/chats/${SEED_CHAT_ID}/messages/${SEED_CHAT_MESSAGE_ID}/hostedContents/${SEED_CHAT_IMAGE_ID}/$value`,
    );
    expect(ref).toEqual(CHAT);
    const bytes = await c.hostedContent(ref ?? CHAT, as(SEED.megan.upn, ['Chat.Read']));
    expect(Buffer.from(bytes).equals(await seedFile(SEED_CONTENT_FILES.chatImage))).toBe(true);
  });

  it('reads a channel message’s image and its reply’s', async () => {
    const megan = as(SEED.megan.upn, ['ChannelMessage.Read.All']);
    const message = Buffer.from(await client().hostedContent(CHANNEL, megan));
    const reply = Buffer.from(await client().hostedContent(REPLY, megan));
    expect(message.equals(await seedFile(SEED_CONTENT_FILES.channelImage))).toBe(true);
    expect(reply.equals(await seedFile(SEED_CONTENT_FILES.channelReplyImage))).toBe(true);
  });

  it('fails with GraphForbidden for someone outside the chat or team, keeping no token in the error', async () => {
    const token = h.user(SEED.adele.upn, ['Chat.Read']);
    const error = await failure(client().hostedContent(CHAT, () => Promise.resolve(token)));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 'GraphForbidden', status: 403, graphCode: 'Forbidden' });
    expect(String(error)).not.toContain(token);
    const kiosk = as(SEED.kiosk.upn, ['ChannelMessage.Read.All']);
    expect(await failure(client().hostedContent(REPLY, kiosk))).toMatchObject({ code: 'GraphForbidden' });
  });

  it('fails with GraphForbidden for a member whose token lacks the scope', async () => {
    const alex = as(SEED.alex.upn, ['ChannelMessage.Read.All']);
    expect(await failure(client().hostedContent(CHAT, alex))).toMatchObject({ code: 'GraphForbidden' });
    const megan = as(SEED.megan.upn, ['Chat.Read']);
    expect(await failure(client().hostedContent(CHANNEL, megan))).toMatchObject({ code: 'GraphForbidden' });
  });

  it('fails with GraphNotFound for a content that is not there', async () => {
    const error = await failure(
      client().hostedContent({ ...CHAT, contentId: 'aWQ9bm9uZQ==' }, as(SEED.alex.upn, ['Chat.Read'])),
    );
    expect(error).toMatchObject({ code: 'GraphNotFound', status: 404, graphCode: 'NotFound' });
  });

  it('reads up to maxBytes and fails with ImageTooLarge one byte past it', async () => {
    const size = (await seedFile(SEED_CONTENT_FILES.chatImage)).length;
    const alex = as(SEED.alex.upn, ['Chat.Read']);
    expect((await client({ maxBytes: size }).hostedContent(CHAT, alex)).length).toBe(size);
    const error = await failure(client({ maxBytes: size - 1 }).hostedContent(CHAT, alex));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'ImageTooLarge' });
  });
});

describe('shareIdOf', () => {
  it('is u! and the URL in base64url without padding, as Graph documents it', () => {
    expect(shareIdOf('https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1')).toBe(
      'u!aHR0cHM6Ly9vbmVkcml2ZS5saXZlLmNvbS9yZWRpcj9yZXNpZD0xMjMxMjQ0MTkzOTEyITEyJmF1dGhLZXk9MTIwMTkxOSExMjkyMSEx',
    );
    // Standard base64 of these has '+', '/' and '=' padding.
    expect(shareIdOf('https://x.example/a~~?')).toBe('u!aHR0cHM6Ly94LmV4YW1wbGUvYX5-Pw');
    expect(shareIdOf('https://x.example/ü?>>')).toBe('u!aHR0cHM6Ly94LmV4YW1wbGUvw7w_Pj4');
  });
});

describe('sharedFile', () => {
  it('reads a file shared with the organisation, through the one-time download link', async () => {
    const links: string[] = [];
    const recording: typeof fetch = (input, init) => {
      links.push(input instanceof Request ? input.url : input.toString());
      return fetch(input, init);
    };
    const bytes = await client({ fetch: recording }).sharedFile(
      SEED_HEADSHOT_URL,
      as(SEED.megan.upn, ['Files.Read.All']),
    );
    expect(Buffer.from(bytes).equals(await seedFile(SEED_CONTENT_FILES.headshot))).toBe(true);
    expect(links).toEqual([
      `${h.emulator.url}/v1.0/shares/${shareIdOf(SEED_HEADSHOT_URL)}/driveItem/content`,
      expect.stringMatching(new RegExp(`^${h.emulator.url}/_download/`)) as unknown,
    ]);
    // The link was spent by the read.
    expect((await fetch(links[1] ?? '')).status).toBe(404);
  });

  it('fails with GraphForbidden without a Files permission and GraphNotFound for a file Graph does not know', async () => {
    const noFiles = as(SEED.megan.upn, ['Chat.Read']);
    expect(await failure(client().sharedFile(SEED_HEADSHOT_URL, noFiles))).toMatchObject({
      code: 'GraphForbidden',
      graphCode: 'accessDenied',
    });
    const unknown = SEED_HEADSHOT_URL.replace('headshot', 'other');
    expect(await failure(client().sharedFile(unknown, as(SEED.megan.upn, ['Files.Read.All'])))).toMatchObject(
      { code: 'GraphNotFound', graphCode: 'itemNotFound' },
    );
  });

  it('fails with ImageTooLarge past maxBytes', async () => {
    const error = await failure(
      client({ maxBytes: 1000 }).sharedFile(SEED_HEADSHOT_URL, as(SEED.alex.upn, ['Files.Read.All'])),
    );
    expect(error).toMatchObject({ code: 'ImageTooLarge' });
  });
});
