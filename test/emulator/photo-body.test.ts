import { request } from 'node:http';
import { GRAPH_PHOTO_MAX_BYTES } from '../../src/emulator/graph-emulator.js';
import { errorCode, jpeg, SEED, startHarness, type Harness } from './harness.js';

let h: Harness;
let small: Buffer;
let alex: string;
beforeAll(async () => {
  h = await startHarness();
  small = await jpeg(200, 150);
  alex = h.user(SEED.alex.upn);
});
afterAll(async () => {
  await h.stop();
});

/** A valid JPEG padded after its end-of-image marker to exactly `size` bytes (decoders ignore trailing bytes). */
function paddedTo(image: Buffer, size: number): Buffer {
  return Buffer.concat([image, Buffer.alloc(size - image.length, 0)]);
}

const upload = (body: Uint8Array | string | ReadableStream<Uint8Array>) =>
  h.call('PUT', '/v1.0/me/photo/$value', { token: alex, body });

describe('photo bodies', () => {
  it('accepts exactly 4 MiB of image', async () => {
    expect(GRAPH_PHOTO_MAX_BYTES).toBe(4_194_304);
    const exact = paddedTo(small, GRAPH_PHOTO_MAX_BYTES);
    expect((await upload(exact)).status).toBe(200);
    const back = await h.call('GET', '/v1.0/me/photo/$value', { token: alex });
    expect(back.bytes.length).toBe(GRAPH_PHOTO_MAX_BYTES);
    expect((await h.call('GET', '/v1.0/me/photo', { token: alex })).json).toMatchObject({
      width: 200,
      height: 150,
    });
  });

  it('refuses 4 MiB + 1 byte with 413 and keeps the photo it had', async () => {
    await upload(small);
    const answer = await upload(paddedTo(small, GRAPH_PHOTO_MAX_BYTES + 1));
    expect(answer.status).toBe(413);
    expect(errorCode(answer)).toBe('RequestEntityTooLarge');
    expect(answer.headers.get('request-id')).toBeTruthy();
    expect((await h.call('GET', '/v1.0/me/photo/$value', { token: alex })).bytes.equals(small)).toBe(true);
  });

  it('refuses a streamed body without Content-Length while reading it, and keeps serving', async () => {
    const chunk = Buffer.alloc(256 * 1024, 1);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(small);
        // 6 MiB in all: past the limit, within what the emulator drains before it cuts the connection.
        if (sent >= 6 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const answer = await upload(stream);
    expect(answer.status).toBe(413);
    expect(errorCode(answer)).toBe('RequestEntityTooLarge');
    expect((await h.call('GET', '/v1.0/me', { token: alex })).status).toBe(200);
  });

  it('cuts a connection that keeps sending far past the limit instead of reading it all', async () => {
    const url = new URL(h.emulator.url);
    let written = 0;
    const outcome = await new Promise<string>((resolve) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: 'PUT',
          path: '/v1.0/me/photo/$value',
          headers: { authorization: `Bearer ${alex}`, 'content-type': 'image/jpeg' },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            resolve(`status ${response.statusCode ?? 0}`);
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        resolve(`error ${error.code ?? ''}`);
      });
      const chunk = Buffer.alloc(1024 * 1024, 7);
      const pump = (): void => {
        // Up to 64 MiB; the emulator drains at most twice the limit, so it closes long before.
        while (written < 64) {
          written++;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expect(outcome).toMatch(/^(status 413|error (ECONNRESET|EPIPE))$/);
    expect(written).toBeLessThan(64);
  });

  it.each([
    ['text', Buffer.from('definitely not a picture, just some words in a file')],
    ['an empty body', Buffer.alloc(0)],
    [
      'a PNG signature with garbage after it',
      Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(40, 9)]),
    ],
    ['HTML', Buffer.from('<!doctype html><html><body><img src=x></body></html>')],
  ])('answers %s with 400 ErrorInvalidImage', async (_name, body) => {
    const answer = await upload(body);
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('ErrorInvalidImage');
  });

  it('reads no body from a caller it refuses', async () => {
    const answer = await h.call('PUT', `/v1.0/users/${SEED.megan.id}/photo/$value`, {
      token: alex,
      body: paddedTo(small, 3 * 1024 * 1024),
    });
    expect(answer.status).toBe(403);
    expect((await h.call('GET', '/v1.0/me', { token: alex })).status).toBe(200);
  });
});
