/**
 * Graph's answers are read with a ceiling: a server that sends a photo, an error body or a directory page without
 * end gets cut off at the ceiling (the client never buffers what it does not expect), over real loopback HTTP.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphDirectoryClient } from '../../src/graph/graph-directory-client.js';
import { GraphPhotoClient } from '../../src/graph/graph-photo-client.js';

const token = () => Promise.resolve('token');
const noRetry = { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } };

/** A server that answers `status` and then streams bytes until the client gives up; counts what it sent. */
async function endless(status: number, contentType: string, first = '') {
  let sent = 0;
  let closed: () => void = () => undefined;
  const gaveUp = new Promise<void>((resolve) => (closed = resolve));
  const server: Server = createServer((_req, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': contentType, 'request-id': 'r-1' });
    res.write(first);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) sent += chunk.length;
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => {
      closed();
    });
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent: () => sent,
    gaveUp,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

describe('answers read with a ceiling', () => {
  it('cuts off a photo answer past twice the 4 MiB upload limit', async () => {
    const server = await endless(200, 'image/jpeg');
    try {
      const client = new GraphPhotoClient({ baseUrl: server.url, ...noRetry });
      await expect(client.getPhoto({ kind: 'me' }, token)).rejects.toMatchObject({
        code: 'GraphPhotoTooLarge',
      });
      await server.gaveUp;
      expect(server.sent()).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });

  it('reads at most 64 KiB of an error answer for its code, and still fails by its status', async () => {
    const server = await endless(403, 'application/json', '{"error":{"code":"ErrorAccessDenied","message":"');
    try {
      const client = new GraphPhotoClient({ baseUrl: server.url, ...noRetry });
      await expect(
        client.putPhoto({ kind: 'group', groupId: 'g' }, new Uint8Array(10), token),
      ).rejects.toMatchObject({
        code: 'GraphForbidden',
        graphCode: undefined,
      });
      await server.gaveUp;
    } finally {
      await server.close();
    }
  });

  it('refuses a directory page past its ceiling as a malformed answer', async () => {
    const server = await endless(200, 'application/json', '{"value":[');
    try {
      const client = new GraphDirectoryClient({ baseUrl: server.url, ...noRetry });
      await expect(client.ownedGroups(token)).rejects.toMatchObject({
        code: 'GraphUnavailable',
        graphCode: 'MalformedAnswer',
      });
      await server.gaveUp;
    } finally {
      await server.close();
    }
  });
});
