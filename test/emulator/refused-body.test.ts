/**
 * A body the emulator refuses (413) still gets its answer to the client: the answer goes out first, the rest of the
 * body is read and discarded (bounded in bytes and time), and only then is the connection closed. Checked with
 * Node's fetch, with curl, and with a raw socket that controls exactly when each byte is sent.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { GRAPH_PHOTO_MAX_BYTES } from '../../src/emulator/graph-emulator.js';
import { errorCode, SEED, startHarness, type Harness } from './harness.js';

const run = promisify(execFile);
const FIVE_MB = 5 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 400;

let h: Harness;
let alex: string;
let port: number;
beforeAll(async () => {
  h = await startHarness({ drainLimits: { timeoutMs: DRAIN_TIMEOUT_MS } });
  alex = h.user(SEED.alex.upn);
  port = Number(new URL(h.emulator.url).port);
});
afterAll(async () => {
  await h.stop();
});

/** What a raw client saw: every byte the server sent, and how the connection ended. */
interface RawOutcome {
  readonly received: string;
  /** 'end' (the server closed it cleanly), 'reset' (ECONNRESET/EPIPE), or 'open' when the wait ran out. */
  readonly ending: 'end' | 'reset' | 'open';
  readonly writeError: string | undefined;
}

/** A raw HTTP/1.1 client on loopback: `script` writes the request, the outcome is awaited for at most `waitMs`. */
function rawExchange(script: (socket: Socket, answered: Promise<void>) => Promise<void>, waitMs = 10_000) {
  return new Promise<RawOutcome>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let writeError: string | undefined;
    let answeredResolve: () => void = () => undefined;
    const answered = new Promise<void>((resolveAnswered) => {
      answeredResolve = resolveAnswered;
    });
    const finish = (ending: RawOutcome['ending']): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ received, ending, writeError });
    };
    const timer = setTimeout(() => {
      finish('open');
    }, waitMs);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      // A final answer's head (not `100 Continue`) has arrived.
      if (/HTTP\/1\.1 [2-5]\d\d [^]*?\r\n\r\n/.test(received)) answeredResolve();
    });
    socket.on('end', () => {
      finish('end');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      writeError ??= error.code ?? error.message;
      finish('reset');
    });
    socket.on('connect', () => {
      script(socket, answered).catch((error: unknown) => {
        writeError ??= error instanceof Error ? error.message : String(error);
      });
    });
  });
}

/** Writes `data`, waiting for the socket to take it. */
function write(socket: Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.write(data, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

function requestHead(extra: string): string {
  return (
    `PUT /v1.0/me/photo/$value HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
    `Authorization: Bearer ${alex}\r\nContent-Type: image/jpeg\r\n${extra}\r\n`
  );
}

/** The status code and the JSON body of a raw answer with a Content-Length. */
function parseAnswer(raw: string): { status: number; headers: string; json: Record<string, unknown> } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  return { status, headers: head.toLowerCase(), json: JSON.parse(body) as Record<string, unknown> };
}

describe('a refused body', () => {
  it('gets Node fetch the 413 and Graph’s error body for 5 MB with a Content-Length', async () => {
    const answer = await h.call('PUT', '/v1.0/me/photo/$value', {
      token: alex,
      body: Buffer.alloc(FIVE_MB, 1),
    });
    expect(answer.status).toBe(413);
    expect(errorCode(answer)).toBe('RequestEntityTooLarge');
    const inner = (answer.json['error'] as { innerError?: Record<string, unknown> }).innerError;
    expect(inner?.['request-id']).toBe(answer.headers.get('request-id'));
    // The connection closed, and the emulator serves the next request.
    expect((await h.call('GET', '/v1.0/me', { token: alex })).status).toBe(200);
  });

  it('gets curl the 413 and Graph’s error body (or, where curl is missing, a raw client sending as curl does)', async () => {
    const file = path.join(h.dataDir, 'five-mb.bin');
    await writeFile(file, Buffer.alloc(FIVE_MB, 2));
    const curl = await run('curl', ['--version']).then(
      () => true,
      () => false,
    );
    if (curl) {
      const { stdout } = await run('curl', [
        '-sS',
        '-X',
        'PUT',
        '-H',
        `Authorization: Bearer ${alex}`,
        '-H',
        'Content-Type: image/jpeg',
        '--data-binary',
        `@${file}`,
        '-w',
        '\n%{http_code}',
        `${h.emulator.url}/v1.0/me/photo/$value`,
      ]);
      const lines = stdout.split('\n');
      expect(lines.at(-1)).toBe('413');
      expect(JSON.parse(lines.slice(0, -1).join('\n'))).toMatchObject({
        error: { code: 'RequestEntityTooLarge' },
      });
      return;
    }
    // curl sends `Expect: 100-continue` and a Content-Length, then the body; so does this client, and it goes on
    // sending the whole body after the 413 has arrived, as curl does when the answer comes early.
    const outcome = await rawExchange(async (socket, answered) => {
      await write(socket, requestHead(`Content-Length: ${FIVE_MB}\r\nExpect: 100-continue\r\n`));
      await answered;
      for (let sent = 0; sent < FIVE_MB; sent += 64 * 1024) await write(socket, Buffer.alloc(64 * 1024, 2));
    });
    expect(outcome.writeError).toBeUndefined();
    expect(outcome.ending).toBe('end');
    const final = outcome.received.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '');
    expect(parseAnswer(final)).toMatchObject({
      status: 413,
      json: { error: { code: 'RequestEntityTooLarge' } },
    });
  });

  it('answers a chunked body first, reads the rest of it, then closes cleanly', async () => {
    const chunk = Buffer.alloc(256 * 1024, 3);
    const chunked = (data: Buffer): Buffer =>
      Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
    let sentAfterAnswer = 0;
    const outcome = await rawExchange(async (socket, answered) => {
      await write(socket, requestHead('Transfer-Encoding: chunked\r\n'));
      // Just past the limit: the emulator refuses while reading and answers.
      for (let sent = 0; sent <= GRAPH_PHOTO_MAX_BYTES; sent += chunk.length)
        await write(socket, chunked(chunk));
      await answered;
      // The client (like undici) goes on sending the body it started; the connection must still take it.
      for (let i = 0; i < 4; i++) {
        await write(socket, chunked(chunk));
        sentAfterAnswer += chunk.length;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await write(socket, '0\r\n\r\n');
    });
    expect(outcome.writeError).toBeUndefined();
    expect(sentAfterAnswer).toBe(4 * chunk.length);
    expect(outcome.ending).toBe('end');
    const answer = parseAnswer(outcome.received);
    expect(answer.status).toBe(413);
    expect(answer.headers).toContain('connection: close');
    expect(answer.json).toMatchObject({ error: { code: 'RequestEntityTooLarge' } });
  });

  it('cuts a client that stops sending the rest of a refused body, after the time bound', async () => {
    const outcome = await rawExchange(async (socket) => {
      await write(socket, requestHead(`Content-Length: ${FIVE_MB}\r\n`));
      await write(socket, Buffer.alloc(1024 * 1024, 4));
      // ...and then nothing more: the emulator must not hold the connection until node's 5-minute timeout.
    }, 20 * DRAIN_TIMEOUT_MS);
    expect(outcome.ending).not.toBe('open');
    expect(parseAnswer(outcome.received).status).toBe(413);
  });
});

describe('the Host header', () => {
  /** A GET with an explicit Host header (fetch does not let a caller set one). */
  function getWithHost(host: string, pathname: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `GET ${pathname} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${alex}\r\nConnection: close\r\n\r\n`,
        );
      });
      let raw = '';
      socket.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      socket.on('end', () => {
        const [head = '', body = ''] = raw.split('\r\n\r\n');
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body });
      });
      socket.on('error', reject);
    });
  }

  it.each([`127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`, 'LOCALHOST:PORT'])(
    'answers a loopback Host (%s)',
    async (host) => {
      expect((await getWithHost(host.replace('PORT', String(port)), '/v1.0/me')).status).toBe(200);
    },
  );

  it.each(['evil.example:PORT', 'evil.example', '127.0.0.1.evil.example:PORT', '10.0.0.8:PORT', ''])(
    'refuses another Host (%s) with 421, on the API and on the page (DNS rebinding)',
    async (host) => {
      const value = host.replace('PORT', String(port));
      const api = await getWithHost(value, '/v1.0/me');
      expect(api.status).toBe(421);
      expect(api.body).toContain('MisdirectedRequest');
      expect(api.body).not.toContain('Alex');
      const page = await getWithHost(value, '/');
      expect(page.status).toBe(421);
      expect(page.body).not.toContain('Alex Wilber');
    },
  );
});
