/**
 * Stand-ins for the Bot Framework services a production bot talks to, on loopback, so that production mode runs
 * offline through botbuilder's own code:
 * - the channel's OpenID configuration and JWKS (what `ToBotFromChannelOpenIdMetadataUrl` points at), with a signer
 *   for Bot Framework-shaped channel tokens (`iss`, `aud` = the bot's app id, `serviceurl`, `exp`);
 * - the Bot Framework token service (`OAuthUrl`): stored user tokens, the sign-in resource and token exchange;
 * - a credentials factory handing out one fixed bot token, in place of MSAL and Entra ID.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCredentialsFactory } from '../../dist/app.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => {
      resolve();
    });
  });
}

function base64url(value: object | Buffer): string {
  return (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');
}

/** An RSA signing key with its key id. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
}

/** A fresh RS256 key; `kid` defaults to a digest of its public key. */
export function newSigningKey(kid?: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { kid: kid ?? createHash('sha256').update(der).digest('base64url').slice(0, 16), privateKey };
}

/** A compact JWS, RS256, signed by `key`. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const head = `${base64url({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${base64url(claims)}`;
  return `${head}.${base64url(sign('sha256', Buffer.from(head), key.privateKey))}`;
}

/**
 * The channel's OpenID configuration and keys on loopback. Its key is endorsed for `msteams`, as Bot Framework's
 * are for the channels they sign for.
 */
export async function startOpenIdChannel(options: { issuer: string; botAppId: string }) {
  const key = newSigningKey();
  const requests: string[] = [];
  let url = '';
  // Only the public half is published: the modulus and exponent.
  const { n, e } = key.privateKey.export({ format: 'jwk' });
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body =
      req.url === '/v1/.well-known/openidconfiguration'
        ? {
            issuer: options.issuer,
            jwks_uri: `${url}/v1/.well-known/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          }
        : req.url === '/v1/.well-known/keys'
          ? { keys: [{ kty: 'RSA', use: 'sig', kid: key.kid, n, e, endorsements: ['msteams'] }] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? {}));
  });
  url = await listen(server);
  return {
    /** `BOT_OPENID_METADATA_URL`. */
    metadataUrl: `${url}/v1/.well-known/openidconfiguration`,
    key,
    requests,
    /**
     * A channel token for an activity to the bot, valid for an hour.
     * @param signer another key to sign with (same `kid` unless that key has its own)
     */
    token(serviceUrl: string, overrides: Record<string, unknown> = {}, signer: SigningKey = key): string {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(signer, {
        iss: options.issuer,
        aud: options.botAppId,
        serviceurl: serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + 3600,
        ...overrides,
      });
    },
    close: () => close(server),
  };
}

/** One request the token service received. */
export interface TokenServiceRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

/**
 * The Bot Framework token service (`OAuthUrl`) on loopback: no stored token for anyone (so the bot asks the sender
 * to sign in), a sign-in resource, and exchanges that succeed with `exchangedToken`.
 */
export async function startTokenService(options: { exchangedToken: string }) {
  const requests: TokenServiceRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token.service');
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      headers: req.headers,
    });
    req.resume();
    req.on('end', () => {
      const json = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/api/usertoken/GetToken') {
        json(404, { error: { code: 'NotFound', message: 'no token' } });
      } else if (url.pathname === '/api/botsignin/GetSignInResource') {
        json(200, {
          signInLink: 'https://token.botframework.example/sign-in?state=x',
          tokenExchangeResource: { id: 'exchange-resource', uri: 'api://botid-bot-app-id' },
        });
      } else if (url.pathname === '/api/usertoken/exchange' && req.method === 'POST') {
        json(200, {
          channelId: url.searchParams.get('channelId'),
          connectionName: url.searchParams.get('connectionName'),
          token: options.exchangedToken,
          expiration: new Date(Date.now() + 3_600_000).toISOString(),
        });
      } else {
        json(404, {});
      }
    });
  });
  const url = await listen(server);
  return { url, requests, close: () => close(server) };
}

/**
 * Bot Framework credentials that hand out one fixed bot token, in place of the client-credentials flow against
 * Entra ID: the token signs replies to the connector, calls to the token service, and inline-image downloads.
 */
export function fixedTokenCredentials(appId: string, botToken: string): BotCredentialsFactory {
  const credentials = {
    appId,
    getToken: () => Promise.resolve(botToken),
    signRequest<T extends { headers: { set(name: string, value: string): void } }>(request: T): Promise<T> {
      request.headers.set('authorization', `Bearer ${botToken}`);
      return Promise.resolve(request);
    },
  };
  const factory = {
    isValidAppId: (id: string) => Promise.resolve(id === appId),
    isAuthenticationDisabled: () => Promise.resolve(false),
    createCredentials: () => Promise.resolve(credentials),
  };
  // botbuilder's factory is an abstract class that its own factories implement rather than extend (so no subclass
  // from botbuilder would do either); botbuilder only calls these three methods.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  return factory;
}
