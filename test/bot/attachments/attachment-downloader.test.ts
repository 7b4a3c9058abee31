/**
 * The downloader over real HTTP on loopback. 127.0.0.1 plays the Bot Framework host (on the token allowlist);
 * 127.0.0.2, a second loopback address, plays "another host" that is not on it. Every server records each request
 * it receives, so "no request at all" is checked on the wire; host names are resolved by an injected resolver
 * whose calls are recorded too (a name cannot be connected to without it: the downloader never looks names up
 * itself).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  AttachmentDownloader,
  type AttachmentDownloaderOptions,
  type HostResolver,
  type ResolvedAddress,
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
async function serve(handler: Handler, host?: string, port?: number): Promise<RecordingServer> {
  const server = await recordingServer(handler, host, port);
  servers.push(server);
  return server;
}

/** Answers from `names` (every other name: ENOTFOUND, as DNS would), recording each name asked for. */
function resolverOf(names: Record<string, readonly string[]> = {}) {
  const lookups: string[] = [];
  const resolve: HostResolver = (hostname) => {
    lookups.push(hostname);
    const addresses = names[hostname];
    if (addresses === undefined) {
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
      );
    }
    return Promise.resolve(
      addresses.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
  return { resolve, lookups };
}

function setup(options: Partial<AttachmentDownloaderOptions> = {}) {
  const resolver = resolverOf();
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
    resolve: resolver.resolve,
    ...options,
  });
  return { downloader, lookups: resolver.lookups, tokenCalls: () => tokenCalls };
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
    const { downloader, lookups, tokenCalls } = setup();
    const error = await failure(downloader.download(inline(`${other.origin}/v3/attachments/a1`)));
    expect(error.code).toBe('AttachmentHostNotAllowed');
    expect(other.requests).toEqual([]);
    expect(lookups).toEqual([]);
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
    const { downloader, lookups } = setup({ allowLoopback: false });
    for (const image of [inline(`${server.origin}/a`), file(`${server.origin}/a`)]) {
      expect((await failure(downloader.download(image))).code).toBe('AttachmentHostNotAllowed');
    }
    expect(server.requests).toEqual([]);
    expect(lookups).toEqual([]);
  });

  it('refuses loopback over https too outside local mode', async () => {
    const { downloader, lookups } = setup({ allowLoopback: false });
    for (const url of ['https://127.0.0.1/a', 'https://localhost/a', 'https://[::1]/a']) {
      expect((await failure(downloader.download(file(url)))).code).toBe('AttachmentHostNotAllowed');
    }
    expect(lookups).toEqual([]);
  });

  it('refuses non-loopback http, other schemes, IP addresses and credentials without touching the network', async () => {
    const { downloader, lookups, tokenCalls } = setup();
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
    expect(lookups).toEqual([]);
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
    const { downloader, lookups } = setup();
    const error = await failure(downloader.download(file(`${server.origin}/dl`)));
    expect(error.code).toBe('AttachmentHostNotAllowed');
    expect(server.requests).toHaveLength(1);
    expect(lookups).toEqual([]);
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

describe('AttachmentDownloader: size cap', () => {
  it('cuts off an endless body without content-length once it passes maxBytes', async () => {
    const { handler, stats } = endlessBody();
    const server = await serve(handler);
    const maxBytes = 100_000;
    const { downloader } = setup({ maxBytes });
    const error = await failure(downloader.download(file(`${server.origin}/endless`)));
    expect(error).toBeInstanceOf(PhotoError);
    expect(error.code).toBe('ImageTooLarge');
    expect(error.message).toBe(`ImageTooLarge: more than ${maxBytes} bytes`);
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
    const { downloader } = setup({ maxBytes: 1024 * 1024 });
    const error = await failure(downloader.download(inline(`${server.origin}/big`)));
    expect(error.code).toBe('ImageTooLarge');
    expect(error.message).toBe(`ImageTooLarge: ${10 * 1024 * 1024} bytes declared, limit ${1024 * 1024}`);
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

/** A self-signed certificate (P-256) for `names`, made by openssl as test/auth does. */
async function selfSigned(names: readonly string[]): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'downloader-tls-'));
  try {
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      `/CN=${names[0] ?? ''}`,
      '-addext',
      `subjectAltName=${names.map((name) => `DNS:${name}`).join(',')}`,
      '-days',
      '1',
    ]);
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An https server on 127.0.0.1 with that certificate, counting TCP connections and recording requests. */
async function tlsServer(tls: { key: string; cert: string }, handler: Handler) {
  const requests: { url: string; headers: Record<string, unknown> }[] = [];
  let connections = 0;
  const server = createHttpsServer(tls, (req, res) => {
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    requests.push(recorded);
    handler(recorded, res, requests.length - 1);
  });
  server.on('connection', () => connections++);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        resolve();
      });
    });
  servers.push({ origin: `https://127.0.0.1:${port}`, port, requests: [], close });
  return { port, requests, connections: () => connections };
}

describe('AttachmentDownloader: resolved addresses', () => {
  let tls: { key: string; cert: string };
  beforeAll(async () => {
    tls = await selfSigned(['smba.trafficmanager.net', 'contoso-my.sharepoint.test']);
  });

  it('refuses a file whose name resolves to an inside address, in any spelling, and says which', async () => {
    const inside: Record<string, readonly string[]> = {
      'loopback.example.test': ['127.0.0.1'],
      'v6-loopback.example.test': ['::1'],
      'private.example.test': ['10.0.0.1'],
      'home.example.test': ['192.168.1.20'],
      'metadata.example.test': ['169.254.169.254'],
      'cgnat.example.test': ['100.64.0.1'],
      'ula.example.test': ['fd00::1'],
      'v6-link-local.example.test': ['fe80::1'],
      'mapped.example.test': ['::ffff:127.0.0.1'],
      'mapped-metadata.example.test': ['::ffff:a9fe:a9fe'],
      'nat64.example.test': ['64:ff9b::a9fe:a9fe'],
      'unspecified.example.test': ['0.0.0.0'],
      'mixed.example.test': ['52.112.0.1', '10.0.0.1'],
    };
    const resolver = resolverOf(inside);
    const { downloader } = setup({ allowLoopback: false, tokenHosts: [], resolve: resolver.resolve });
    for (const [name, addresses] of Object.entries(inside)) {
      const error = await failure(
        downloader.download(file(`https://${name}/drive/photo.png?tempauth=GRANT`)),
      );
      const refused = addresses.at(-1) ?? '';
      expect([name, error.code]).toEqual([name, 'AttachmentHostNotAllowed']);
      expect(error.message).toContain(`${name} resolves to a `);
      expect(error.message).toContain(` address ${refused}`);
      expect(error.message).not.toMatch(/GRANT|drive/);
    }
    expect(resolver.lookups).toEqual(Object.keys(inside));
  });

  it('opens no connection at all to a name that resolves to loopback outside local mode', async () => {
    const server = await tlsServer(tls, sends(png));
    const resolver = resolverOf({ 'contoso-my.sharepoint.test': ['127.0.0.1'] });
    // `ca` trusts the server's certificate, so only the address rule stands between the file and the server.
    const { downloader } = setup({
      allowLoopback: false,
      tokenHosts: [],
      resolve: resolver.resolve,
      ca: tls.cert,
    });
    const url = `https://contoso-my.sharepoint.test:${server.port}/photo.png`;
    expect((await failure(downloader.download(file(url)))).code).toBe('AttachmentHostNotAllowed');
    expect(server.connections()).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it('keeps loopback names in local mode, connecting to the address it checked, never to a second answer', async () => {
    // Two servers on the same port of two addresses: what a name's first and second DNS answers would reach.
    const checked = await serve(sends(png), '127.0.0.2');
    const rebound = await serve(sends(png), '127.0.0.3', checked.port);
    let answers = 0;
    const lookups: string[] = [];
    const { downloader } = setup({
      resolve: (hostname) => {
        lookups.push(hostname);
        const address = answers++ === 0 ? '127.0.0.2' : '127.0.0.3';
        return Promise.resolve([{ address, family: 4 }]);
      },
    });
    // `localhost` itself would reach 127.0.0.1 through the system resolver, where nothing listens on this port:
    // the download can only succeed over the pinned connection.
    const bytes = await downloader.download(file(`http://localhost:${checked.port}/photo.png`));
    expect(Buffer.from(bytes).equals(png)).toBe(true);
    expect(lookups).toEqual(['localhost']);
    expect(checked.requests).toHaveLength(1);
    expect(checked.requests[0]!.headers.host).toBe(`localhost:${checked.port}`);
    expect(rebound.requests).toEqual([]);
  });

  it('tries the checked addresses in turn when the first does not answer, and no other', async () => {
    const server = await serve(sends(png), '127.0.0.2');
    const lookups: string[] = [];
    const { downloader } = setup({
      resolve: (hostname) => {
        lookups.push(hostname);
        // Nothing listens on 127.0.0.9: the connection moves on to the next checked address.
        return Promise.resolve([
          { address: '127.0.0.9', family: 4 },
          { address: '127.0.0.2', family: 4 },
        ]);
      },
    });
    const bytes = await downloader.download(file(`http://localhost:${server.port}/photo.png`));
    expect(Buffer.from(bytes).equals(png)).toBe(true);
    expect(lookups).toEqual(['localhost']);
    expect(server.requests).toHaveLength(1);
  });

  it('resolves and checks every redirect hop again', async () => {
    const server = await serve(redirectsTo('https://intranet.example.test/photo.png'));
    const resolver = resolverOf({ 'intranet.example.test': ['10.1.2.3'] });
    const { downloader } = setup({ resolve: resolver.resolve });
    const error = await failure(downloader.download(file(`${server.origin}/dl.aspx?tempauth=GRANT`)));
    expect(error.code).toBe('AttachmentHostNotAllowed');
    expect(error.message).toBe(
      'AttachmentHostNotAllowed: intranet.example.test resolves to a private address 10.1.2.3',
    );
    expect(server.requests).toHaveLength(1);
    expect(resolver.lookups).toEqual(['intranet.example.test']);

    // Same rule on a later hop of a redirect chain that started on a name.
    const second = await serve(redirectsTo('https://metadata.example.test/latest/meta-data/'));
    const chain = resolverOf({ localhost: ['127.0.0.1'], 'metadata.example.test': ['169.254.169.254'] });
    const chained = setup({ resolve: chain.resolve }).downloader;
    const chainError = await failure(chained.download(file(`http://localhost:${second.port}/start`)));
    expect(chainError.message).toContain(
      'metadata.example.test resolves to a link-local address 169.254.169.254',
    );
    expect(chain.lookups).toEqual(['localhost', 'metadata.example.test']);
    expect(second.requests).toHaveLength(1);
  });

  it('reaches an allowlisted name on a loopback https server with an injected resolver and ca, checking the certificate against the name', async () => {
    const server = await tlsServer(tls, sends(png));
    const resolver = resolverOf({
      'smba.trafficmanager.net': ['127.0.0.1'],
      'europe.botframework.com': ['127.0.0.1'],
    });
    const production = { allowLoopback: false, resolve: resolver.resolve };
    const { downloader } = setup({ ...production, ca: tls.cert });
    const url = `https://smba.trafficmanager.net:${server.port}/amer/v3/attachments/a1/views/original`;
    const bytes = await downloader.download(inline(url));
    expect(Buffer.from(bytes).equals(png)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers).toMatchObject({
      host: `smba.trafficmanager.net:${server.port}`,
      authorization: `Bearer ${TOKEN}`,
    });

    // Without the test's ca the self-signed certificate is refused: TLS verification stays on.
    const untrusting = setup(production).downloader;
    const untrusted = await failure(untrusting.download(inline(url)));
    expect(untrusted.code).toBe('AttachmentDownloadFailed');
    expect(untrusted.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');

    // A name the certificate does not cover, pinned to the same address, is refused by TLS.
    const other = await failure(
      downloader.download(inline(`https://europe.botframework.com:${server.port}/v3/attachments/a1`)),
    );
    expect(other.code).toBe('AttachmentDownloadFailed');
    expect(other.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(server.requests).toHaveLength(1);
  });

  it('reports a name that does not resolve, or resolves to nothing, as a failed download without its path', async () => {
    const resolver = resolverOf({ 'empty.example.test': [] });
    const { downloader } = setup({ resolve: resolver.resolve });
    const missing = await failure(downloader.download(file('https://nowhere.example.test/p?tempauth=GRANT')));
    expect(missing.code).toBe('AttachmentDownloadFailed');
    expect(missing.message).toBe(
      'AttachmentDownloadFailed: cannot resolve the host (ENOTFOUND) from https://nowhere.example.test',
    );
    const empty = await failure(downloader.download(file('https://empty.example.test/p')));
    expect(empty.code).toBe('AttachmentDownloadFailed');
    expect(empty.message).toContain('no usable address');
  });

  it('counts a resolver that never answers against the deadline', async () => {
    const { downloader } = setup({ timeoutMs: 300, resolve: () => new Promise(() => undefined) });
    const error = await failure(downloader.download(file('https://slow-dns.example.test/p')));
    expect(error.code).toBe('AttachmentDownloadFailed');
    expect(error.message).toContain('timed out');
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
