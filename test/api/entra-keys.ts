/**
 * Entra ID's token signing, offline: an RSA key made with `jose`, its public half published as a JSON Web Key Set by
 * a loopback server (what `TAB_JWKS_URL` points at in the tests), and Teams SSO-shaped tokens signed with it by
 * `jose`'s SignJWT. A second key stands for "anyone else's key".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export interface TestKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

/** A fresh RS256 key named `kid`. */
export async function newKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicKey };
}

/** A JWT of `claims` signed by `key` (RS256 unless `alg` says otherwise, with a matching key). */
export function sign(key: TestKey, claims: JWTPayload, kid: string = key.kid): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key.privateKey);
}

export interface JwksServer {
  readonly url: string;
  /** How many times the key set was fetched. */
  readonly fetches: () => number;
  close(): Promise<void>;
}

/** Publishes the public halves of `keys` at `<url>` as Entra does at `/discovery/v2.0/keys`. */
export async function startJwks(keys: readonly TestKey[]): Promise<JwksServer> {
  const published = {
    keys: await Promise.all(
      keys.map(async (key) => ({
        ...(await exportJWK(key.publicKey)),
        kid: key.kid,
        use: 'sig',
        alg: 'RS256',
      })),
    ),
  };
  let fetches = 0;
  const server = createServer((_req, res) => {
    fetches++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(published));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/common/discovery/v2.0/keys`,
    fetches: () => fetches,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
