/**
 * The Graph content client against servers that misbehave, on loopback: a message naming a hosted content on
 * another host, a Graph that redirects the download elsewhere, to another scheme, down to http or in circles, and
 * bodies larger than the cap or endless. Each test checks what reached which server, tokens included.
 */
import type { ServerResponse } from 'node:http';
import { AppError } from '../../src/errors.js';
import { GraphContentClient, type GraphContentClientOptions } from '../../src/graph/graph-content-client.js';
import { GraphError } from '../../src/graph/graph-errors.js';
import { scriptedServer, type Script } from '../helpers/scripted-server.js';

type Server = Awaited<ReturnType<typeof scriptedServer>>;

const TOKEN = 'user-token-for-graph-only';
const noWait = { sleep: () => Promise.resolve(), random: () => 0.5 };
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 0xff, 0xd9]);

const servers: Server[] = [];
async function server(script: Script): Promise<Server> {
  const started = await scriptedServer(script);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((started) => started.close()));
});

let tokensHandedOut = 0;
const token = (): Promise<string> => {
  tokensHandedOut++;
  return Promise.resolve(TOKEN);
};
beforeEach(() => {
  tokensHandedOut = 0;
});

const client = (baseUrl: string, options: Partial<GraphContentClientOptions> = {}): GraphContentClient =>
  new GraphContentClient({ baseUrl, maxBytes: 1024 * 1024, ...noWait, ...options });

function redirectTo(location: string): Script {
  return (_request, response) => {
    response.writeHead(302, { location, 'content-length': 0 });
    response.end();
  };
}

const serveJpeg: Script = (_request, response) => {
  response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': JPEG.length });
  response.end(JPEG);
};

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('a hosted-content URL on another host', () => {
  it('is refused before anything is sent: no request, no token asked for', async () => {
    const elsewhere = await server(serveJpeg);
    const graph = await server(serveJpeg);
    const c = client(graph.url);
    const url = `${elsewhere.url}/v1.0/chats/19:x@thread.v2/messages/1/hostedContents/aWQ=/$value`;
    const ref = c.parseHostedContentUrl(url);
    if (ref) await c.hostedContent(ref, token); // what a caller does; must not happen here
    expect(ref).toBeUndefined();
    expect(elsewhere.requests).toEqual([]);
    expect(graph.requests).toEqual([]);
    expect(tokensHandedOut).toBe(0);
  });

  it('is asked for on Graph only, by ids rebuilt into the path', async () => {
    const graph = await server(serveJpeg);
    const c = client(graph.url);
    const ref = c.parseHostedContentUrl(
      `${graph.url}/v1.0/chats/19:a_b@unq.gbl.spaces/messages/17/hostedContents/aWQ9eA==/%24value`,
    );
    if (!ref) throw new Error('the URL was refused');
    expect(Buffer.from(await c.hostedContent(ref, token))).toEqual(JPEG);
    expect(graph.requests.map((request) => request.url)).toEqual([
      '/v1.0/chats/19:a_b@unq.gbl.spaces/messages/17/hostedContents/aWQ9eA==/$value',
    ]);
    expect(graph.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it.each(['..', '.', 'a/b', ''])(
    'is refused with an id of %j, which would not stay one segment',
    async (id) => {
      const graph = await server(serveJpeg);
      const ref = {
        kind: 'channel',
        teamId: 't',
        channelId: 'c',
        messageId: 'm',
        replyId: id,
        contentId: 'h',
      } as const;
      await expect(client(graph.url).hostedContent(ref, token)).rejects.toBeInstanceOf(RangeError);
      await expect(
        client(graph.url).hostedContent({ ...ref, replyId: 'r', contentId: id }, token),
      ).rejects.toBeInstanceOf(RangeError);
      expect(graph.requests).toEqual([]);
      expect(tokensHandedOut).toBe(0);
    },
  );

  it('is never followed when Graph redirects it: the token stays with Graph', async () => {
    const elsewhere = await server(serveJpeg);
    const graph = await server(redirectTo(`${elsewhere.url}/steal`));
    const ref = { kind: 'chat', chatId: 'c', messageId: 'm', contentId: 'h' } as const;
    const error = await failure(client(graph.url).hostedContent(ref, token));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 'GraphUnavailable' });
    expect(elsewhere.requests).toEqual([]);
  });
});

describe('the redirect of a shared file’s download', () => {
  it('is followed to another origin without the Authorization header', async () => {
    const sharepoint = await server(serveJpeg);
    const graph = await server(redirectTo(`${sharepoint.url}/download.aspx?tempauth=abc`));
    const bytes = await client(graph.url).sharedFile('https://contoso.sharepoint.com/a.jpg', token);
    expect(Buffer.from(bytes)).toEqual(JPEG);
    expect(graph.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sharepoint.requests.map((request) => request.url)).toEqual(['/download.aspx?tempauth=abc']);
    expect(sharepoint.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('keeps the header on the same origin, and never gets it back once it left', async () => {
    let graphUrl = '';
    const sharepoint = await server((request, response, index) => {
      redirectTo(`${graphUrl}/third`)(request, response, index);
    });
    // Graph → Graph (same origin) → SharePoint → back to Graph's origin.
    const graph = await server((request, response, index) => {
      if (index === 0) redirectTo(`${graphUrl}/second`)(request, response, index);
      else if (index === 1) redirectTo(`${sharepoint.url}/hop`)(request, response, index);
      else serveJpeg(request, response, index);
    });
    graphUrl = graph.url;
    const bytes = await client(graph.url).sharedFile('https://contoso.sharepoint.com/a.jpg', token);
    expect(Buffer.from(bytes)).toEqual(JPEG);
    const seen = [graph.requests[0], graph.requests[1], sharepoint.requests[0], graph.requests[2]];
    expect(seen.map((request) => [request?.url, request?.headers.authorization])).toEqual([
      [expect.stringMatching(/^\/v1\.0\/shares\/u!/), `Bearer ${TOKEN}`],
      ['/second', `Bearer ${TOKEN}`],
      ['/hop', undefined],
      ['/third', undefined],
    ]);
  });

  it('is refused to a scheme other than http(s), with nothing read', async () => {
    for (const location of ['file:///etc/passwd', 'data:image/jpeg;base64,/9j/4AAQ', 'ftp://127.0.0.1/x']) {
      const graph = await server(redirectTo(location));
      const error = await failure(
        client(graph.url).sharedFile('https://contoso.sharepoint.com/a.jpg', token),
      );
      expect(error).toBeInstanceOf(GraphError);
      expect(error).toMatchObject({ code: 'GraphUnavailable', graphCode: 'RedirectRefused' });
    }
  });

  it('is refused from https down to http: the download link is a key', async () => {
    const plain = await server(serveJpeg);
    const graph = await server(redirectTo(`${plain.url}/download`));
    // Graph is reached as https://graph.test; this fetch carries that to the loopback server as a TLS proxy would.
    const viaTls: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      return fetch(
        url.startsWith('https://graph.test/') ? url.replace('https://graph.test', graph.url) : url,
        init,
      );
    };
    const error = await failure(
      client('https://graph.test', { fetch: viaTls }).sharedFile(
        'https://contoso.sharepoint.com/a.jpg',
        token,
      ),
    );
    expect(error).toMatchObject({ code: 'GraphUnavailable', graphCode: 'RedirectRefused' });
    expect(graph.requests.length).toBeGreaterThan(0);
    expect(plain.requests).toEqual([]);
  });

  it('is given up after five hops', async () => {
    let url = '';
    const graph = await server((request, response, index) => {
      redirectTo(`${url}/loop/${index}`)(request, response, index);
    });
    url = graph.url;
    const error = await failure(
      client(graph.url, {
        retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
      }).sharedFile('https://contoso.sharepoint.com/a.jpg', token),
    );
    expect(error).toMatchObject({ code: 'GraphUnavailable', graphCode: 'RedirectRefused' });
    expect(graph.requests).toHaveLength(6);
  });
});

describe('the byte cap', () => {
  /** Streams chunks of 16 KiB, without a length, until the client goes away; counts what it wrote. */
  function endless(sent: { bytes: number; closed: boolean }): Script {
    return (_request, response: ServerResponse) => {
      response.writeHead(200, { 'content-type': 'image/jpeg' });
      response.on('close', () => {
        sent.closed = true;
      });
      const chunk = Buffer.alloc(16 * 1024, 0xab);
      const pump = (): void => {
        while (!response.destroyed && sent.bytes < 512 * 1024 * 1024) {
          sent.bytes += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
      };
      pump();
    };
  }

  it('stops reading an endless hosted content and drops the connection', async () => {
    const sent = { bytes: 0, closed: false };
    const graph = await server(endless(sent));
    const ref = { kind: 'chat', chatId: 'c', messageId: 'm', contentId: 'h' } as const;
    const error = await failure(client(graph.url, { maxBytes: 256 * 1024 }).hostedContent(ref, token));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'ImageTooLarge' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent.closed).toBe(true);
    expect(sent.bytes).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a body whose declared length is over the cap before reading it, and drops the connection', async () => {
    const sent = { bytes: 0, closed: false };
    const graph = await server((request, response, index) => {
      response.setHeader('content-length', String(512 * 1024 * 1024));
      endless(sent)(request, response, index);
    });
    const error = await failure(
      client(graph.url, { maxBytes: 1024 }).sharedFile('https://x.example/a.jpg', token),
    );
    expect(error).toMatchObject({
      code: 'ImageTooLarge',
      message: expect.stringContaining('declared') as unknown,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent.closed).toBe(true);
  });
});
