import { GraphError } from '../../src/graph/graph-errors.js';
import { GRAPH_PHOTO_BODY_LIMIT, GraphPhotoClient } from '../../src/graph/graph-photo-client.js';
import { photoPath, type PhotoTarget } from '../../src/graph/photo-target.js';
import { graphError, scriptedServer, type Script } from '../helpers/scripted-server.js';

const token = () => Promise.resolve('test-token');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

async function withServer(script: Script, run: (client: GraphPhotoClient, waits: number[]) => Promise<void>) {
  const server = await scriptedServer(script);
  const waits: number[] = [];
  const client = new GraphPhotoClient({
    baseUrl: server.url,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
  });
  try {
    await run(client, waits);
  } finally {
    await server.close();
  }
  return server.requests;
}

const ok: Script = (_request, response) => {
  response.writeHead(200, { 'request-id': 'req-ok' });
  response.end();
};

describe('photoPath', () => {
  it.each<[PhotoTarget, string]>([
    [{ kind: 'me' }, '/me/photo'],
    [{ kind: 'user', user: 'ada@contoso.com' }, '/users/ada%40contoso.com/photo'],
    [{ kind: 'group', groupId: 'g-1' }, '/groups/g-1/photo'],
    [{ kind: 'contact', owner: { kind: 'me' }, contactId: 'c/1' }, '/me/contacts/c%2F1/photo'],
    [
      { kind: 'contact', owner: { kind: 'user', user: 'u-1' }, contactId: 'c1' },
      '/users/u-1/contacts/c1/photo',
    ],
    [
      { kind: 'contact', owner: { kind: 'me' }, contactId: 'c1', folderId: 'f1' },
      '/me/contactFolders/f1/contacts/c1/photo',
    ],
    [
      { kind: 'contact', owner: { kind: 'user', user: 'u-1' }, contactId: 'c1', folderId: 'f1' },
      '/users/u-1/contactFolders/f1/contacts/c1/photo',
    ],
  ])('%j → %s', (target, path) => {
    expect(photoPath(target)).toBe(path);
  });

  it.each<PhotoTarget>([
    { kind: 'contact', owner: { kind: 'me' }, contactId: '..' },
    { kind: 'group', groupId: '.' },
    { kind: 'contact', owner: { kind: 'me' }, contactId: 'c1', folderId: '..' },
  ])('refuses a dot segment, which a URL parser would resolve to another photo: %j', (target) => {
    expect(() => photoPath(target)).toThrow(RangeError);
  });
});

describe('GraphPhotoClient over HTTP', () => {
  it('PUTs a JPEG with its content type and the bearer token, and returns the request id', async () => {
    const requests = await withServer(ok, async (client) => {
      await expect(client.putPhoto({ kind: 'me' }, jpeg, token)).resolves.toEqual({ requestId: 'req-ok' });
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'PUT', url: '/v1.0/me/photo/$value' });
    expect(requests[0]!.headers['content-type']).toBe('image/jpeg');
    expect(requests[0]!.headers.authorization).toBe('Bearer test-token');
    expect(requests[0]!.body.equals(jpeg)).toBe(true);
  });

  it('PATCHes on v1.0, and uses the beta path when asked', async () => {
    const requests = await withServer(ok, async (client) => {
      await client.putPhoto({ kind: 'group', groupId: 'g1' }, jpeg, token, 'PATCH');
    });
    expect(requests[0]).toMatchObject({ method: 'PATCH', url: '/v1.0/groups/g1/photo/$value' });
    const server = await scriptedServer(ok);
    const beta = new GraphPhotoClient({ baseUrl: server.url, version: 'beta' });
    await beta.putPhoto({ kind: 'me' }, jpeg, token);
    await expect(beta.putPhoto({ kind: 'me' }, jpeg, token, 'PATCH')).rejects.toThrow(RangeError);
    await server.close();
    expect(server.requests.map((r) => r.url)).toEqual(['/beta/me/photo/$value']);
  });

  it('refuses a body over 4 MiB without sending it', async () => {
    const requests = await withServer(ok, async (client) => {
      const error = await client
        .putPhoto({ kind: 'me' }, new Uint8Array(GRAPH_PHOTO_BODY_LIMIT + 1), token)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphError);
      expect((error as GraphError).code).toBe('GraphPhotoTooLarge');
    });
    expect(requests).toHaveLength(0);
  });

  it('honours Retry-After on 429 and succeeds on a later attempt', async () => {
    const script: Script = (request, response, index) => {
      if (index < 2) graphError(response, 429, 'TooManyRequests', { 'retry-after': '3' });
      else ok(request, response, index);
    };
    const requests = await withServer(script, async (client, waits) => {
      await client.putPhoto({ kind: 'me' }, jpeg, token);
      expect(waits).toEqual([3000, 3000]);
    });
    expect(requests).toHaveLength(3);
    expect(requests.every((r) => r.body.equals(jpeg))).toBe(true);
  });

  it('backs off on 503 and gives up as GraphUnavailable after the last attempt, keeping the request id', async () => {
    const requests = await withServer(
      (_q, response) => {
        graphError(response, 503, 'serviceNotAvailable');
      },
      async (client, waits) => {
        const error = (await client
          .putPhoto({ kind: 'me' }, jpeg, token)
          .catch((e: unknown) => e)) as GraphError;
        expect(error.code).toBe('GraphUnavailable');
        expect(error.requestId).toBe('req-503-serviceNotAvailable');
        expect(waits).toEqual([250, 500, 1000]);
      },
    );
    expect(requests).toHaveLength(4);
  });

  it('reports throttling that outlasts the retries as GraphThrottled', async () => {
    await withServer(
      (_q, response) => {
        graphError(response, 429, 'TooManyRequests', { 'retry-after': '1' });
      },
      async (client) => {
        await expect(client.putPhoto({ kind: 'me' }, jpeg, token)).rejects.toMatchObject({
          code: 'GraphThrottled',
        });
      },
    );
  });

  it('retries a dropped connection', async () => {
    const script: Script = (request, response, index) => {
      if (index === 0) response.socket?.destroy();
      else ok(request, response, index);
    };
    const requests = await withServer(script, async (client) => {
      await expect(client.putPhoto({ kind: 'me' }, jpeg, token)).resolves.toEqual({ requestId: 'req-ok' });
    });
    expect(requests).toHaveLength(2);
  });

  it.each([
    [400, 'ErrorInvalidImage', { kind: 'me' }, 'GraphBadRequest'],
    [401, 'InvalidAuthenticationToken', { kind: 'me' }, 'GraphUnauthorized'],
    [403, 'ErrorAccessDenied', { kind: 'user', user: 'someone' }, 'GraphForbidden'],
    [403, 'ErrorAccessDenied', { kind: 'me' }, 'GraphPolicyBlocked'],
    [403, 'AppOnlyTokenNotSupportedForGroupUpdate', { kind: 'group', groupId: 'g' }, 'GraphForbidden'],
    [404, 'Request_ResourceNotFound', { kind: 'user', user: 'nobody' }, 'GraphNotFound'],
    [404, 'MailboxNotEnabledForRESTAPI', { kind: 'me' }, 'GraphMailboxUnsupported'],
    [413, 'RequestEntityTooLarge', { kind: 'me' }, 'GraphPhotoTooLarge'],
  ] as [number, string, PhotoTarget, string][])(
    'does not retry %i %s, and reports it as %s',
    async (status, graphCode, target, code) => {
      const requests = await withServer(
        (_q, response) => {
          graphError(response, status, graphCode);
        },
        async (client, waits) => {
          const error = (await client.putPhoto(target, jpeg, token).catch((e: unknown) => e)) as GraphError;
          expect(error).toBeInstanceOf(GraphError);
          expect(error).toMatchObject({ code, status, graphCode, requestId: `req-${status}-${graphCode}` });
          expect(error.message).not.toContain('test-token');
          expect(waits).toEqual([]);
        },
      );
      expect(requests).toHaveLength(1);
    },
  );

  it('reads a photo, its metadata, and deletes it; a missing photo is null or false', async () => {
    const stored = Buffer.from('jpeg-bytes');
    const script: Script = (request, response) => {
      if (request.url.includes('nophoto')) {
        graphError(response, 404, 'ImageNotFound');
        return;
      }
      if (request.method === 'DELETE') {
        response.writeHead(204);
        response.end();
        return;
      }
      if (request.url.endsWith('/$value')) {
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        response.end(stored);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ '@odata.mediaContentType': 'image/jpeg', id: '648X648', width: 648, height: 648 }),
      );
    };
    await withServer(script, async (client) => {
      const user = { kind: 'user', user: 'u1' } as const;
      const none = { kind: 'user', user: 'nophoto' } as const;
      expect(Buffer.from((await client.getPhoto(user, token))!).equals(stored)).toBe(true);
      await expect(client.getPhotoMetadata(user, token)).resolves.toEqual({
        width: 648,
        height: 648,
        contentType: 'image/jpeg',
      });
      await expect(client.deletePhoto(user, token)).resolves.toBe(true);
      await expect(client.getPhoto(none, token)).resolves.toBeNull();
      await expect(client.getPhotoMetadata(none, token)).resolves.toBeNull();
      await expect(client.deletePhoto(none, token)).resolves.toBe(false);
    });
  });

  it('lets a sign-in failure of the token source through unchanged, without sending anything', async () => {
    const failing = () => Promise.reject(new Error('sign in first'));
    const requests = await withServer(ok, async (client) => {
      await expect(client.putPhoto({ kind: 'me' }, jpeg, failing)).rejects.toThrow('sign in first');
    });
    expect(requests).toHaveLength(0);
  });
});
