/**
 * Who is calling the page's API: the Teams single sign-on token the page sends as `Authorization: Bearer ...`,
 * checked as any API must check a bearer token, with `jose` (a well-kept JOSE library) rather than hand-written
 * JWT code:
 * - the signature, RS256 only (a verifier that takes the algorithm from the token accepts `none`, or an HMAC forged
 *   with the public key), by a key of the tenant's signing key set: Entra's JWKS in production (fetched and cached by
 *   `createRemoteJWKSet`, fetched again when a token names a key it has not seen, so key rollover needs no restart),
 *   the local issuer's public key in local mode;
 * - `tid` in the allowed tenants, read before anything is fetched, so a token from a tenant that is not ours
 *   costs no key look-up; then `iss` must be that same tenant's issuer (v2 `<authority>/<tid>/v2.0` or v1
 *   `https://sts.windows.net/<tid>/`): a token from an allowed tenant cannot claim another tenant's issuer;
 * - `aud` the app's own API (its application ID URI, or its client id for v2 tokens): a token some other app
 *   obtained for itself, even in our tenant, is not for us;
 * - `exp` (and `nbf`) with a small clock tolerance, and a delegated user token: `oid` and the scope Teams asks
 *   for (`access_as_user`) in `scp`.
 * Anything else is {@link AuthError} `SignInRequired`; why is kept for the log as a short reason, never the token.
 */
import type { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { API_SCOPE, LOCAL_API_AUDIENCE, localIssuer } from '../auth/local-token-issuer.js';
import type { LocalTokenIssuer } from '../auth/local-token-issuer.js';
import type { TabConfig } from '../config.js';
import type { Directory } from '../emulator/directory.js';
import { AuthError } from '../errors.js';

/** The validated caller. */
export interface TabUser {
  /** The user's Entra object id (`oid`): whose photo `me` is, and the actor in the audit log. */
  readonly id: string;
  readonly tenantId: string;
  /** The `name` claim, when the token has one. */
  readonly displayName: string | undefined;
  /** The token itself: exchanged on behalf of the user for Graph tokens. Never logged. */
  readonly token: string;
}

/** Seconds a token's `exp` and `nbf` may be off by: clocks drift, and Entra's own libraries allow minutes. */
const CLOCK_TOLERANCE_SECONDS = 60;

/** The v1 token issuer's host (Teams asks for v1 tokens unless the app's registration says v2). */
const V1_ISSUER_HOST = 'https://sts.windows.net';

export interface TabTokenValidatorOptions {
  /** The signing keys: a key set that picks a key by the token's `kid` (production), or one key (local mode). */
  readonly key: JWTVerifyGetKey | KeyObject;
  /** Accepted `aud` values. */
  readonly audiences: readonly string[];
  /** The issuers a token of `tenantId` may name. */
  readonly issuersOf: (tenantId: string) => readonly string[];
  /** Tenant ids (any case) whose users may call; asked at every request (local mode's directory can change). */
  readonly allowedTenants: () => Promise<readonly string[]>;
  /** Milliseconds since the epoch; `Date.now` unless a test hands in its own. */
  readonly now?: () => number;
}

/** Checks the page's bearer tokens. */
export class TabTokenValidator {
  constructor(private readonly options: TabTokenValidatorOptions) {}

  /**
   * The caller named by an `Authorization` header.
   * @throws AuthError `SignInRequired` for a missing, malformed, foreign, misaddressed or expired token
   */
  async validate(authorization: string | undefined): Promise<TabUser> {
    const token = bearerToken(authorization);
    if (!token) throw new AuthError('SignInRequired', 'no Authorization header');
    let tenantId: unknown;
    try {
      tenantId = decodeJwt(token).tid;
    } catch {
      throw new AuthError('SignInRequired', 'not a JWT');
    }
    if (typeof tenantId !== 'string' || tenantId === '') throw new AuthError('SignInRequired', 'no tenant');
    const allowed = (await this.options.allowedTenants()).map((tenant) => tenant.toLowerCase());
    if (!allowed.includes(tenantId.toLowerCase())) {
      throw new AuthError('SignInRequired', 'tenant not allowed');
    }
    const { key, audiences, issuersOf, now } = this.options;
    let payload: Record<string, unknown>;
    try {
      const verifyOptions = {
        algorithms: ['RS256'],
        audience: [...audiences],
        issuer: [...issuersOf(tenantId)],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'tid', 'oid'],
        ...(now ? { currentDate: new Date(now()) } : {}),
      };
      // The two overloads (a key set, one key) are the same call; TypeScript needs them apart.
      const result =
        typeof key === 'function'
          ? await jwtVerify(token, key, verifyOptions)
          : await jwtVerify(token, key, verifyOptions);
      payload = result.payload;
    } catch (error) {
      throw new AuthError('SignInRequired', reasonOf(error));
    }
    const { oid, scp, name } = payload;
    if (typeof oid !== 'string' || oid === '') throw new AuthError('SignInRequired', 'no oid');
    const scopes = typeof scp === 'string' ? scp.split(' ') : [];
    if (!scopes.includes(API_SCOPE))
      throw new AuthError('SignInRequired', 'not a delegated token for the API');
    return {
      id: oid,
      tenantId,
      displayName: typeof name === 'string' && name !== '' ? name : undefined,
      token,
    };
  }
}

/**
 * Production: Entra's published keys, the app's audiences and the allowed tenants from the configuration.
 * @param fetchTimeoutMs how long fetching the key set may take
 */
export function entraTabTokenValidator(tab: TabConfig, fetchTimeoutMs = 5000): TabTokenValidator {
  const keys = createRemoteJWKSet(new URL(tab.jwksUrl), { timeoutDuration: fetchTimeoutMs });
  const tenants = Promise.resolve(tab.allowedTenants);
  return new TabTokenValidator({
    key: keys,
    audiences: tab.audiences,
    issuersOf: (tenantId) => [`${tab.authorityHost}/${tenantId}/v2.0`, `${V1_ISSUER_HOST}/${tenantId}/`],
    allowedTenants: () => tenants,
  });
}

/**
 * Local mode: tokens from the local issuer (`GET /api/local/token`) for the local directory's tenant, as the
 * directory file says now.
 */
export function localTabTokenValidator(
  issuer: LocalTokenIssuer,
  currentDirectory: () => Promise<Directory>,
): TabTokenValidator {
  return new TabTokenValidator({
    key: issuer.publicKey,
    audiences: [LOCAL_API_AUDIENCE],
    issuersOf: (tenantId) => [localIssuer(tenantId)],
    allowedTenants: async () => [(await currentDirectory()).tenant.id],
  });
}

/** The token of `Bearer <token>` (the scheme in any case), or `undefined`. */
function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer +([A-Za-z0-9_.~+/=-]+) *$/i.exec(authorization ?? '');
  return match?.[1];
}

/** A short reason for the log: jose's error code (`ERR_JWT_EXPIRED`, ...), never its message or the token. */
function reasonOf(error: unknown): string {
  // Which claim failed (`aud`, `iss`, `exp`, ...): its name only, never its value.
  if (error instanceof errors.JWTClaimValidationFailed) return `${error.code} ${error.claim}`;
  if (error instanceof errors.JOSEError) return error.code;
  return error instanceof Error ? error.name : 'unknown';
}
