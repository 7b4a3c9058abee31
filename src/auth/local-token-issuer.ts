/**
 * The local stand-in for Microsoft Entra ID: issues and verifies RS256 JWTs for Microsoft Graph, shaped like
 * Entra's (`aud`, `iss`, `tid`, `oid`, `scp` for delegated tokens, `roles` for application tokens), signed with the
 * key in the data folder (see local-signing-key.ts). `profile-photo token` and local mode issue them; the Graph
 * emulator verifies them. A JWT is base64url(header).base64url(payload).base64url(signature); node:crypto is
 * all it takes. Nothing here logs a token.
 */
import { sign, verify as verifySignature, type KeyObject } from 'node:crypto';
import { loadOrCreateSigningKey, type LocalSigningKey } from './local-signing-key.js';

/** The issuer host of local tokens; a token's `iss` is `<host>/<tenant id>/v2.0`. */
export const LOCAL_ISSUER_HOST = 'https://login.local.teams-photo';

/** The audience of every local token: Microsoft Graph. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** Graph's application id, which Entra also puts in `aud` of some Graph tokens; the verifier accepts both. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/**
 * The client (`appid`) local tokens are issued to. It is Agents Playground's bot id, standing in for the app's
 * Entra app in local mode.
 */
export const LOCAL_CLIENT_ID = '00000000-0000-0000-0000-00000000000011';

/**
 * The audience of the local tokens the page's API takes (`GET /api/local/token` issues them): the app's application
 * ID URI as local mode names it, in the shape Teams SSO gives a page (`api://<domain>/botid-<id>`). Not Graph: the
 * emulator refuses these tokens, and the API refuses Graph tokens.
 */
export const LOCAL_API_AUDIENCE = `api://localhost/botid-${LOCAL_CLIENT_ID}`;

/** The scope a Teams SSO token for the app carries, as the app's Entra registration exposes it. */
export const API_SCOPE = 'access_as_user';

/** The object id of the app's service principal, the `oid` of local application tokens. */
export const LOCAL_APP_OBJECT_ID = '00000000-0000-0000-0000-000000000099';

/**
 * Delegated scopes a local user token carries unless others are asked for: the app's photo writes (own photo,
 * owned groups' photos, own contacts) and the directory reads it makes (people search, group look-ups, a
 * user's memberships and owned groups).
 */
export const DEFAULT_DELEGATED_SCOPES: readonly string[] = [
  'User.ReadWrite',
  'Group.ReadWrite.All',
  'Contacts.ReadWrite',
  'User.Read.All',
  'Group.Read.All',
];

/** Application roles a local app token carries unless others are asked for: anyone's photo, and the same reads. */
export const DEFAULT_APP_ROLES: readonly string[] = [
  'User.ReadWrite.All',
  'User.Read.All',
  'Group.Read.All',
  // The organisation's photo rules (photoUpdateSettings), read before a change (issue 18).
  'PeopleSettings.Read.All',
];

/** Lifetime of a local token, like Entra's default access token. */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Claims every local token has. Times are seconds since the epoch. */
interface CommonClaims {
  readonly aud: string;
  readonly iss: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly tid: string;
  readonly oid: string;
  readonly sub: string;
  readonly appid: string;
  readonly ver: '2.0';
}

/** A user's token: the app acting for the signed-in user, limited to `scp`. */
export interface DelegatedClaims extends CommonClaims {
  readonly idtyp: 'user';
  readonly upn: string;
  readonly name?: string;
  /** Space-separated scopes, as Entra writes them. */
  readonly scp: string;
}

/** The app's own token (client credentials), limited to `roles`. */
export interface AppClaims extends CommonClaims {
  readonly idtyp: 'app';
  readonly roles: readonly string[];
}

/** A verified token's claims: `idtyp` tells a user's token from the app's. */
export type LocalTokenClaims = DelegatedClaims | AppClaims;

/** Why a token was refused. */
export type TokenRejection =
  | 'malformed'
  | 'unsupported-algorithm'
  | 'bad-signature'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'not-yet-valid'
  | 'expired';

/** What {@link LocalTokenIssuer.verify} found. */
export type VerifyResult =
  | { readonly ok: true; readonly claims: LocalTokenClaims }
  | { readonly ok: false; readonly reason: TokenRejection };

/** Whom a delegated token is for. */
export interface DelegatedTokenRequest {
  readonly tenantId: string;
  /** The user's object id (`oid`). */
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly displayName?: string;
  /** Default {@link DEFAULT_DELEGATED_SCOPES}. */
  readonly scopes?: readonly string[];
}

/** Whom a token for the app's own API is for (what Teams SSO gives the page), and that API's audience. */
export interface ApiTokenRequest {
  readonly tenantId: string;
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly displayName?: string;
  /** Default {@link LOCAL_API_AUDIENCE}. */
  readonly audience?: string;
}

/** An application token's tenant and roles. */
export interface AppTokenRequest {
  readonly tenantId: string;
  /** Default {@link DEFAULT_APP_ROLES}. */
  readonly roles?: readonly string[];
}

/** Seams for tests. */
export interface LocalTokenIssuerOptions {
  /** Milliseconds since the epoch; `Date.now` unless a test hands in its own. */
  readonly clock?: () => number;
}

/** The `iss` of a local token for `tenantId`. */
export function localIssuer(tenantId: string): string {
  return `${LOCAL_ISSUER_HOST}/${tenantId}/v2.0`;
}

/** Issues and verifies local Graph tokens with one signing key. */
export class LocalTokenIssuer {
  readonly #key: LocalSigningKey;
  readonly #clock: () => number;

  /** Opens the issuer over `<dataDir>/local-signing-key.pem`, creating the key when there is none. */
  static async open(dataDir: string, options: LocalTokenIssuerOptions = {}): Promise<LocalTokenIssuer> {
    return new LocalTokenIssuer(await loadOrCreateSigningKey(dataDir), options);
  }

  constructor(key: LocalSigningKey, options: LocalTokenIssuerOptions = {}) {
    this.#key = key;
    this.#clock = options.clock ?? Date.now;
  }

  /** A delegated (user) token: `scp` holds the scopes, `upn` and `oid` the user. */
  issueDelegated(request: DelegatedTokenRequest): string {
    const claims: DelegatedClaims = {
      ...this.#common(request.tenantId, request.userId),
      idtyp: 'user',
      upn: request.userPrincipalName,
      ...(request.displayName === undefined ? {} : { name: request.displayName }),
      scp: normalise(request.scopes ?? DEFAULT_DELEGATED_SCOPES).join(' '),
    };
    return this.#sign(claims);
  }

  /**
   * A token for the app's own API, shaped like the one Teams SSO gives a page: `aud` the API's application ID
   * URI, `scp` {@link API_SCOPE}, the user in `oid`, `upn` and `name`. The page's API verifies it with
   * {@link LocalTokenIssuer.publicKey}; {@link LocalTokenIssuer.verify} (Graph tokens only) refuses it.
   */
  issueForApi(request: ApiTokenRequest): string {
    const claims: DelegatedClaims = {
      ...this.#common(request.tenantId, request.userId),
      aud: request.audience ?? LOCAL_API_AUDIENCE,
      idtyp: 'user',
      upn: request.userPrincipalName,
      ...(request.displayName === undefined ? {} : { name: request.displayName }),
      scp: API_SCOPE,
    };
    return this.#sign(claims);
  }

  /** The public half of the signing key: all a verifier of these tokens needs (the page's API in local mode). */
  get publicKey(): KeyObject {
    return this.#key.publicKey;
  }

  /** An application token: `roles` holds the app roles, `oid` the app's service principal. */
  issueApp(request: AppTokenRequest): string {
    const claims: AppClaims = {
      ...this.#common(request.tenantId, LOCAL_APP_OBJECT_ID),
      idtyp: 'app',
      roles: normalise(request.roles ?? DEFAULT_APP_ROLES),
    };
    return this.#sign(claims);
  }

  /** Checks the signature, algorithm, audience, issuer and lifetime; returns the claims or why not. */
  verify(token: string): VerifyResult {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = decodeJson(headerPart);
    const payload = decodeJson(payloadPart);
    if (!isRecord(header) || !isRecord(payload)) return { ok: false, reason: 'malformed' };
    // Only RS256: a verifier that takes the algorithm from the token accepts `none` or an HMAC forged with the
    // public key.
    if (header['alg'] !== 'RS256') return { ok: false, reason: 'unsupported-algorithm' };
    const signed = Buffer.from(`${headerPart}.${payloadPart}`, 'ascii');
    const signature = Buffer.from(signaturePart, 'base64url');
    if (!verifySignature('sha256', signed, this.#key.publicKey, signature)) {
      return { ok: false, reason: 'bad-signature' };
    }
    const claims = asClaims(payload);
    if (!claims) return { ok: false, reason: 'malformed' };
    if (claims.aud !== GRAPH_AUDIENCE && claims.aud !== GRAPH_APP_ID)
      return { ok: false, reason: 'wrong-audience' };
    if (claims.iss !== localIssuer(claims.tid)) return { ok: false, reason: 'wrong-issuer' };
    const now = Math.floor(this.#clock() / 1000);
    if (now < claims.nbf) return { ok: false, reason: 'not-yet-valid' };
    if (now >= claims.exp) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  #common(tenantId: string, objectId: string): CommonClaims {
    const now = Math.floor(this.#clock() / 1000);
    return {
      aud: GRAPH_AUDIENCE,
      iss: localIssuer(tenantId),
      iat: now,
      nbf: now,
      exp: now + TOKEN_LIFETIME_SECONDS,
      tid: tenantId,
      oid: objectId,
      sub: objectId,
      appid: LOCAL_CLIENT_ID,
      ver: '2.0',
    };
  }

  #sign(claims: LocalTokenClaims): string {
    const header = { alg: 'RS256', typ: 'JWT', kid: this.#key.keyId };
    const body = `${encodeJson(header)}.${encodeJson(claims)}`;
    const signature = sign('sha256', Buffer.from(body, 'ascii'), this.#key.privateKey);
    return `${body}.${signature.toString('base64url')}`;
  }
}

/** Scopes and roles as given, whether one per item or several space-separated in one, without repeats. */
function normalise(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((value) => value.split(/\s+/)).filter((value) => value.length > 0))];
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The payload as claims, when it has every claim with the right type (a signed token could still be odd). */
function asClaims(payload: Record<string, unknown>): LocalTokenClaims | undefined {
  const strings = ['aud', 'iss', 'tid', 'oid', 'sub', 'appid'] as const;
  const numbers = ['iat', 'nbf', 'exp'] as const;
  if (!strings.every((name) => typeof payload[name] === 'string')) return undefined;
  if (!numbers.every((name) => Number.isFinite(payload[name]))) return undefined;
  const { scp, roles, upn } = payload;
  if (typeof scp === 'string' && typeof upn === 'string') {
    return { ...(payload as unknown as DelegatedClaims), idtyp: 'user', ver: '2.0' };
  }
  if (scp === undefined && Array.isArray(roles) && roles.every((role) => typeof role === 'string')) {
    return { ...(payload as unknown as AppClaims), idtyp: 'app', ver: '2.0' };
  }
  return undefined;
}
