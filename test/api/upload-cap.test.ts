/**
 * Uploads are capped while streaming: with raw HTTP (node:http, which reports an answer as soon as it arrives,
 * whatever the request is still doing), a body that never ends gets its 413 while the client is still sending, a
 * declared `Content-Length` over the cap is answered before a byte of the body is sent, and a refused caller's
 * endless upload is not read at all. The local-mode `Host` check holds for the API's routes too.
 */
import { request, type IncomingMessage } from 'node:http';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { errorOf, startLocalApi, type LocalApi } from './api-helpers.js';

const CAP = 64 * 1024;
const CHUNK = Buffer.alloc(16 * 1024, 0xab);

interface Sent {
  readonly response: IncomingMessage;
  readonly body: string;
  /** Bytes of the request body written before the answer arrived. */
  readonly written: number;
  /** Whether the client had ended its request when the answer came. */
  readonly ended: boolean;
}

/**
 * Sends a request whose body is written chunk by chunk and never ended (`endless`), or not written at all, and
 * resolves with the answer as soon as it arrives; the request is then destroyed.
 */
function sendRaw(
  port: number,
  options: { method: string; path: string; headers: Record<string, string>; endless: boolean },
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let ended = false;
    let timer: NodeJS.Timeout | undefined;
    const req = request({
      host: '127.0.0.1',
      port,
      method: options.method,
      path: options.path,
      headers: options.headers,
    });
    req.on('response', (response) => {
      clearInterval(timer);
      const state = { written, ended };
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ response, body: Buffer.concat(chunks).toString('utf8'), ...state });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    req.flushHeaders();
    if (options.endless) {
      // Far past the cap, then still going: the answer must come long before this stops.
      timer = setInterval(() => {
        if (written > 400 * CAP) {
          clearInterval(timer);
          ended = true;
          req.end();
          return;
        }
        req.write(CHUNK);
        written += CHUNK.byteLength;
      }, 2);
    }
  });
}

describe('upload cap and Host check of the page API', () => {
  let api: LocalApi;
  let token: string;

  beforeAll(async () => {
    api = await startLocalApi({ PHOTO_MAX_INPUT_BYTES: String(CAP) });
    token = await api.pageToken();
  });
  afterAll(async () => {
    await api.stop();
  });

  const upload = (path: string, extra: Record<string, string> = {}) => ({
    method: path.endsWith('suggest') ? 'POST' : 'PUT',
    path,
    headers: {
      host: `127.0.0.1:${api.app.server.port}`,
      authorization: `Bearer ${token}`,
      'content-type': 'image/jpeg',
      ...extra,
    },
  });

  it.each(['/api/photo?target=me', '/api/photo/suggest'])(
    'cuts off an endless upload to %s past the cap: 413 while the client is still sending',
    async (path) => {
      const sent = await sendRaw(api.app.server.port, { ...upload(path), endless: true });
      expect(sent.response.statusCode).toBe(413);
      expect(JSON.parse(sent.body)).toMatchObject({ error: { code: 'ImageTooLarge' } });
      expect(sent.response.headers['connection']).toBe('close');
      expect(sent.ended).toBe(false);
      expect(sent.written).toBeGreaterThan(CAP);
      expect(sent.written).toBeLessThan(100 * CAP);
    },
  );

  it('refuses a declared Content-Length over the cap before any of the body is sent', async () => {
    const sent = await sendRaw(api.app.server.port, {
      ...upload('/api/photo?target=me', { 'content-length': String(CAP + 1) }),
      endless: false,
    });
    expect(sent.response.statusCode).toBe(413);
    expect(sent.written).toBe(0);
    expect(JSON.parse(sent.body)).toMatchObject({ error: { code: 'ImageTooLarge' } });
  });

  it('answers a caller without a valid token at once, without reading the upload', async () => {
    const sent = await sendRaw(api.app.server.port, {
      ...upload('/api/photo?target=me', { authorization: 'Bearer not.a.token' }),
      endless: true,
    });
    expect(sent.response.statusCode).toBe(401);
    expect(sent.response.headers['www-authenticate']).toBe('Bearer');
    expect(sent.ended).toBe(false);
    expect(sent.written).toBeLessThan(100 * CAP);
  });

  it('still takes an upload just under the cap, after the refusals', async () => {
    const image = await encodeJpeg(photoLike(300, 300, 11));
    expect(image.byteLength).toBeLessThan(CAP);
    const answer = await api.call('PUT', '/api/photo?target=me', { token, body: image });
    expect(answer.status).toBe(200);
  });

  it.each(['/api/photo/me', '/api/local/token'])(
    'refuses %s to a rebinding page (a Host that is not a loopback name) with 421',
    async (path) => {
      const sent = await sendRaw(api.app.server.port, {
        method: 'GET',
        path,
        headers: { host: 'evil.example', authorization: `Bearer ${token}` },
        endless: false,
      });
      expect(sent.response.statusCode).toBe(421);
      expect(JSON.parse(sent.body)).toMatchObject({ error: { code: 'MisdirectedRequest' } });
      expect(sent.body).not.toContain(token.slice(0, 20));
    },
  );

  it('refuses an undo body that is not JSON naming a change', async () => {
    const answer = await api.call('POST', '/api/photo/undo', { token, body: 'changeId=x' });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('InvalidRequest');
  });
});
