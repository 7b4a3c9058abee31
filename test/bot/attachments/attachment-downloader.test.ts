/**
 * The downloader over real HTTP on loopback. 127.0.0.1 plays the Bot Framework host (on the token allowlist);
 * 127.0.0.2, a second loopback address, plays "another host" that is not on it. Every server records each request
 * it receives, so "no request at all" is checked on the wire, not only on the fetch spy.
 */
import { ReadableStream } from 'node:stream/web';
import {
  AttachmentDownloader,
  type AttachmentDownloaderOptions,
} from '../../../src/bot/attachments/attachment-downloader.js';
import type { PickedImage } from '../../../src/bot/attachments/image-picker.js';
import { AppError, PhotoError } from '../../../src/errors.js';
import {
  endlessBody,
  recordingServer,
  redirectsTo,
  sends,
  type Handler,
  type RecordingServer,
} from './recording-server.js';

const TOKEN = 'bot-token-s3cret';
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

let servers: RecordingServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** A recording server closed after the test, whatever happens. */
async function serve(handler: Handler, host?: string): Promise<RecordingServer> {
  const server = await recordingServer(handler, host);
  servers.push(server);
  return server;
}

/** The global fetch, counting calls; it never reaches a server the test did not start. */
function spyFetch(inner: typeof fetch = fetch) {
  const calls: string[] = [];
  const spy: typeof fetch = (input, init) => {
    calls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return inner(input, init);
  };
  return { fetch: spy, calls };
}

function setup(options: Partial<AttachmentDownloaderOptions> = {}) {
  const spy = spyFetch(options.fetch);
  let tokenCalls = 0;
  const downloader = new AttachmentDownloader({
    botToken: () => {
      tokenCalls++;
      return Promise.resolve(TOKEN);
    },
    tokenHosts: ['127.0.0.1', '.botframework.com', 'smba.trafficmanager.net'],
    allowLoopback: true,
    maxBytes: 1024 * 1024,
    timeoutMs: 5000,
    ...options,
    fetch: spy.fetch,
  });
  return { downloader, calls: spy.calls, tokenCalls: () => tokenCalls };
}

const inline = (url: string): PickedImage => ({ kind: 'inline', url });
const file = (url: string): PickedImage => ({ kind: 'file', url, fileType: 'png', name: 'me.png' });

/** The error a download fails with, checked to be an AppError. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error('expected the download to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('AttachmentDownloader: whom the token goes to', () => {
  it('sends the bot token to an inline image on an allowed host', async () => {
    const server = await serve(sends(png));
    const { downloader, tokenCalls } = setup();
    const bytes = await downloader.download(inline(`${server.origin}/v3/attachments/a1/views/original`));
    expect(Buffer.from(bytes).equals(png)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/v3/attachments/a1/views/original' });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(tokenCalls()).toBe(1);
  });

  it('never sends an Authorization header with a file download URL, even to a token host', async () => {
    // 127.0.0.1 is on the token allowlist here: the file rule does not depend on the host.
    const server = await serve(sends(png));
    const { downloader, tokenCalls } = setup();
    const bytes = await downloader.download(file(`${server.origin}/personal/dl.aspx?tempauth=grant`));
    expect(Buffer.from(bytes).equals(png)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe('/personal/dl.aspx?tempauth=grant');
    expect(server.requests[0]!.headers).not.toHaveProperty('authorization');
    expect(tokenCalls()).toBe(0);
  });

  it('makes no request at all for an inline image on a host not on the allowlist', async () => {
    const other = await serve(sends(png), '127.0.0.2');
    const { downloader, calls, tokenCalls } = setup();
    const error = await failure(downloader.download(inline(`${other.origin}/v3/attachments/a1`)));
    expect(error.code).toBe('AttachmentHostNotAllowed');
    expect(other.requests).toEqual([]);
    expect(calls).toEqual([]);
    expect(tokenCalls()).toBe(0);
  });

  it('sends no Authorization header when the token is empty (local mode has no bot credentials)', async () => {
    const server = await serve(sends(png));
    const { downloader } = setup({ botToken: () => Promise.resolve('') });
    await downloader.download(inline(`${server.origin}/a`));
    expect(server.requests[0]!.headers).not.toHaveProperty('authorization');
  });

  it('lets a token provider failure through unchanged, without a request', async () => {
    const server = await serve(sends(png));
    const denied = new Error('token endpoint down');
    const { downloader } = setup({ botToken: () => Promise.reject(denied) });
    await expect(downloader.download(inline(`${server.origin}/a`))).rejects.toBe(denied);
    expect(server.requests).toEqual([]);
  });
});

describe('AttachmentDownloader: schemes and addresses', () => {
  it('refuses plain http, even to loopback, outside local mode, before any request', async () => {
    const server = await serve(sends(png));
    const { downloader, calls } = setup({ allowLoopback: false });
    for (const image of [inline(`${server.origin}/a`), file(`${server.origin}/a`)]) {
      expect((await failure(downloader.download(image))).code).toBe('AttachmentHostNotAllowed');
    }
    expect(server.requests).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('refuses loopback over https too outside local mode', async () => {
    const { downloader, calls } = setup({ allowLoopback: false });
    for (const url of ['https://127.0.0.1/a', 'https://localhost/a', 'https://[::1]/a']) {
      expect((await failure(downloader.download(file(url)))).code).toBe('AttachmentHostNotAllowed');
    }
    expect(calls).toEqual([]);
  });

  it('refuses non-loopback http, other schemes, IP addresses and credentials without touching the network', async () => {
    const { downloader, calls, tokenCalls } = setup();
    const refused = [
      file('http://example.invalid/photo.png'),
      inline('http://europe.botframework.com/v3/attachments/a1'),
      file('ftp://example.invalid/photo.png'),
      file('file:///etc/passwd'),
      file('data:image/png;base64,iVBORw0KGgo='),
      file('https://169.254.169.254/latest/meta-data/'),
      file('https://10.0.0.7/photo.png'),
      file('https://[fd00::7]/photo.png'),
      file('https://user:pass@contoso-my.sharepoint.com/photo.png'),
      inline('https://smba.trafficmanager.net@evil.example/v3/attachments/a1'),
      inline('https://evilbotframework.com/v3/attachments/a1'),
      file('not a url'),
    ];
    for (const image of refused) {
      const error = await failure(downloader.download(image));
      expect([image.url, error.code]).toEqual([image.url, 'AttachmentHostNotAllowed']);
    }
    expect(calls).toEqual([]);
    expect(tokenCalls()).toBe(0);
  });
});

describe('AttachmentDownloader: redirects', () => {
  it('keeps the token on a same-origin redirect', async () => {
    const server = await serve((request, response, index) => {
      if (index === 0) redirectsTo('/v3/attachments/a1/views/original?moved=1')(request, response, index);
      else sends(png)(request, response, index);
    });
    const { downloader } = setup();
    await downloader.download(inline(`${server.origin}/v3/attachments/a1`));
    expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/v3/attachments/a1', `Bearer ${TOKEN}`],
      ['/v3/attachments/a1/views/original?moved=1', `Bearer ${TOKEN}`],
    ]);
  });

  it('refuses an inline redirect to a host not on the allowlist: that host gets no request', async () => {
    const other = await serve(sends(png), '127.0.0.2');
    const server = await serve(redirectsTo(`${other.origin}/steal`));
    const { downloader } = setup();
    const error = await failure(downloader.download(inline(`${server.origin}/v3/attachments/a1`)));
    expect(error.code).toBe('AttachmentHostNotAllowed');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(other.requests).toEqual([]);
  });

  it('follows an inline redirect to another allowed origin without the token', async () => {
    // Same host, other port: another origin, so the token stays behind although the host is on the allowlist.
    const target = await serve(sends(png));
    const server = await serve(redirectsTo(`${target.origin}/blob`, 307));
    const { downloader } = setup();
    const bytes = await downloader.download(inline(`${server.origin}/v3/attachments/a1`));
    expect(Buffer.from(bytes).equals(png)).toBe(true);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0]!.headers).not.toHaveProperty('authorization');
  });

  it('follows a file redirect to another host, still without any Authorization header', async () => {
    const other = await serve(sends(png), '127.0.0.2');
    const server = await serve(redirectsTo(`${other.origin}/content?sig=abc`, 301));
    const { downloader } = setup();
    const bytes = await downloader.download(file(`${server.origin}/dl.aspx?tempauth=grant`));
    expect(Buffer.from(bytes).equals(png)).toBe(true);
    expect([...server.requests, ...other.requests].map((r) => r.headers.authorization)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('checks every hop by the same rules: a redirect to non-loopback http is refused before it is requested', async () => {
    const server = await serve(redirectsTo('http://example.invalid/photo.png'));
    const { downloader, calls } = setup();
    const error = await failure(downloader.download(file(`${server.origin}/dl`)));
    expect(error.code).toBe('AttachmentHostNotAllowed');
    expect(calls).toEqual([`${server.origin}/dl`]);
  });

  it('gives up on a redirect loop after maxRedirects', async () => {
    const server = await serve(redirectsTo('/again'));
    const { downloader } = setup();
    const error = await failure(downloader.download(inline(`${server.origin}/start`)));
    expect(error.code).toBe('AttachmentDownloadFailed');
    expect(error.message).toContain('more than 3 redirects');
    expect(server.requests).toHaveLength(4); // the request and 3 redirects followed

    const strict = await serve(redirectsTo('/again'));
    const none = setup({ maxRedirects: 0 }).downloader;
    expect((await failure(none.download(file(`${strict.origin}/start`)))).code).toBe(
      'AttachmentDownloadFailed',
    );
    expect(strict.requests).toHaveLength(1);
  });

  it('fails on a redirect without a location', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(302);
      response.end();
    });
    const { downloader } = setup();
    expect((await failure(downloader.download(file(`${server.origin}/a`)))).code).toBe(
      'AttachmentDownloadFailed',
    );
  });
});

/** A fetch whose body reports how many bytes the downloader pulled from it, one network chunk at a time. */
function countingFetch() {
  const counted = { bytes: 0, largestChunk: 0 };
  const counting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.body === null) return response;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            return;
          }
          counted.bytes += value.byteLength;
          counted.largestChunk = Math.max(counted.largestChunk, value.byteLength);
          controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      },
      // Nothing read ahead: `bytes` is what the downloader asked for.
      { highWaterMark: 0 },
    );
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch: counting, counted };
}

describe('AttachmentDownloader: size cap', () => {
  it('cuts off an endless body without content-length once it passes maxBytes', async () => {
    const { handler, stats } = endlessBody();
    const server = await serve(handler);
    const { fetch: counting, counted } = countingFetch();
    const maxBytes = 100_000;
    const { downloader } = setup({ fetch: counting, maxBytes });
    const error = await failure(downloader.download(file(`${server.origin}/endless`)));
    expect(error).toBeInstanceOf(PhotoError);
    expect(error.code).toBe('ImageTooLarge');
    expect(error.message).toBe(`ImageTooLarge: more than ${maxBytes} bytes`);
    expect(counted.bytes).toBeGreaterThan(maxBytes);
    expect(counted.bytes).toBeLessThanOrEqual(maxBytes + counted.largestChunk);
    await stats.closed; // the server saw the client go away: the download was abandoned, not read on
  });

  it('accepts exactly maxBytes and refuses one byte more when streamed without content-length', async () => {
    const chunked =
      (size: number): Handler =>
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'image/png' });
        response.write(Buffer.alloc(size - 1, 1));
        response.end(Buffer.alloc(1, 2));
      };
    const exact = await serve(chunked(1000));
    const over = await serve(chunked(1001));
    const { downloader } = setup({ maxBytes: 1000 });
    expect((await downloader.download(file(`${exact.origin}/a`))).byteLength).toBe(1000);
    expect((await failure(downloader.download(file(`${over.origin}/a`)))).code).toBe('ImageTooLarge');
  });

  it('refuses a declared content-length over the cap without reading the body', async () => {
    // Headers only: the promised body never comes, so reading it would end in the timeout instead.
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(10 * 1024 * 1024) });
      response.flushHeaders();
    });
    const { fetch: counting, counted } = countingFetch();
    const { downloader } = setup({ fetch: counting, maxBytes: 1024 * 1024 });
    const error = await failure(downloader.download(inline(`${server.origin}/big`)));
    expect(error.code).toBe('ImageTooLarge');
    expect(error.message).toBe(`ImageTooLarge: ${10 * 1024 * 1024} bytes declared, limit ${1024 * 1024}`);
    expect(counted.bytes).toBe(0);
  });
});

describe('AttachmentDownloader: failures', () => {
  it('times out on a server that never answers', async () => {
    const server = await serve(() => undefined);
    const { downloader } = setup({ timeoutMs: 300 });
    const error = await failure(downloader.download(inline(`${server.origin}/silent`)));
    expect(error.code).toBe('AttachmentDownloadFailed');
    expect(error.message).toContain('timed out');
    expect(server.requests).toHaveLength(1);
  });

  it('times out on a body that stalls halfway', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': '1000' });
      response.write(Buffer.alloc(10));
    });
    const { downloader } = setup({ timeoutMs: 300 });
    const error = await failure(downloader.download(file(`${server.origin}/stall`)));
    expect(error.code).toBe('AttachmentDownloadFailed');
    expect(error.message).toContain('timed out');
  });

  it('reports a non-2xx status without the query string, the path or the token', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(404);
      response.end('gone');
    });
    const { downloader } = setup();
    const fileError = await failure(
      downloader.download(file(`${server.origin}/secret-path/dl?tempauth=GRANT`)),
    );
    expect(fileError.code).toBe('AttachmentDownloadFailed');
    expect(fileError.message).toBe(`AttachmentDownloadFailed: status 404 from ${server.origin}`);

    const inlineError = await failure(downloader.download(inline(`${server.origin}/v3/a?x=GRANT`)));
    for (const error of [fileError, inlineError]) {
      expect(error.message).not.toMatch(/GRANT|secret-path|tempauth|s3cret/);
      expect(error.cause).toBeUndefined();
    }
  });

  it('reports a refused connection as a download failure', async () => {
    const server = await serve(sends(png));
    const origin = server.origin;
    await server.close();
    const { downloader } = setup();
    const error = await failure(downloader.download(file(`${origin}/a?tempauth=GRANT`)));
    expect(error.code).toBe('AttachmentDownloadFailed');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('GRANT');
  });

  it('treats an empty body as a failed download', async () => {
    const server = await serve(sends(new Uint8Array(0)));
    const { downloader } = setup();
    expect((await failure(downloader.download(file(`${server.origin}/a`)))).code).toBe(
      'AttachmentDownloadFailed',
    );
  });
});

describe('AttachmentDownloader: options', () => {
  it('refuses bad limits and allowlist entries at construction', () => {
    const base = { botToken: () => Promise.resolve(TOKEN), allowLoopback: false, tokenHosts: [] };
    const bad: AttachmentDownloaderOptions[] = [
      { ...base, maxBytes: 0, timeoutMs: 1000 },
      { ...base, maxBytes: 1.5, timeoutMs: 1000 },
      { ...base, maxBytes: 10, timeoutMs: 0 },
      { ...base, maxBytes: 10, timeoutMs: 1000, maxRedirects: -1 },
      { ...base, maxBytes: 10, timeoutMs: 1000, tokenHosts: ['*.botframework.com'] },
      { ...base, maxBytes: 10, timeoutMs: 1000, tokenHosts: ['.net'] },
    ];
    for (const options of bad) expect(() => new AttachmentDownloader(options)).toThrow(RangeError);
  });
});
