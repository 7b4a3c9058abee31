/**
 * The app's own Graph token for admin work (application permission `User.ReadWrite.All`), never a user's: admin
 * checks, directory reads and other people's photos all go through it. Where it comes from depends on the mode:
 * - local mode (no bot credentials): the local issuer's application token for the emulator's tenant, default roles;
 * - production: {@link AppTokenProvider} over the configured app credential (secret, certificate or managed
 *   identity), for the configured Graph cloud;
 * - production without an app credential: a source that refuses with AppError `AppIdentityMissing`, so admin work
 *   says what is missing instead of falling back to anyone's delegated token.
 */
import type { TokenCredentialOptions } from '@azure/identity';
import { AppTokenProvider } from '../auth/app-token-provider.js';
import { TOKEN_LIFETIME_SECONDS, type LocalTokenIssuer } from '../auth/local-token-issuer.js';
import { TokenCache } from '../auth/token-cache.js';
import type { AppConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { AppTokenSource } from './admin-contracts.js';

/** Local mode's issuer and the tenant its tokens are for (the emulator's, read when a token is needed). */
export interface LocalAppIdentity {
  readonly issuer: LocalTokenIssuer;
  readonly tenantId: () => Promise<string>;
}

/** What {@link adminAppTokens} reads. */
export interface AdminAppTokenOptions {
  readonly config: Pick<AppConfig, 'bot' | 'appCredential' | 'entra' | 'graph'>;
  /** Required in local mode (`config.bot.app === null`); unused otherwise. */
  readonly local?: LocalAppIdentity;
  /** The credential's pipeline options (tests hand in an in-process `httpClient`). */
  readonly credentialOptions?: TokenCredentialOptions & { disableInstanceDiscovery?: boolean };
  /** Milliseconds since the epoch, for token lifetimes; `Date.now` by default. */
  readonly now?: () => number;
}

/**
 * The app's own token source for admin work, as the configuration says.
 * @throws TypeError in local mode without {@link AdminAppTokenOptions.local} (a wiring mistake, not a refusal)
 */
export function adminAppTokens(options: AdminAppTokenOptions): AppTokenSource {
  const { config } = options;
  if (config.bot.app === null) {
    if (!options.local) throw new TypeError('local mode needs the local token issuer for app tokens');
    return localAppTokens(options.local, options.now);
  }
  const credential = config.appCredential;
  if (credential === null) {
    return () => Promise.reject(new AppError('AppIdentityMissing', 'no app credential configured'));
  }
  const provider = new AppTokenProvider({
    credential,
    // The scope is `<cloud's Graph>/.default`: US Government and China clouds have their own Graph hosts.
    graphResource: new URL(config.graph.baseUrl).origin,
    ...(config.entra ? { authorityHost: config.entra.authorityHost } : {}),
    ...(options.credentialOptions ? { credentialOptions: options.credentialOptions } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return () => provider.getToken();
}

/** Local application tokens (default roles), kept until shortly before they expire like real ones. */
function localAppTokens(local: LocalAppIdentity, now: () => number = Date.now): AppTokenSource {
  const cache = new TokenCache(now);
  return async () => {
    const tenantId = await local.tenantId();
    return cache.get(tenantId, () =>
      Promise.resolve({
        token: local.issuer.issueApp({ tenantId }),
        expiresOnTimestamp: now() + TOKEN_LIFETIME_SECONDS * 1000,
      }),
    );
  };
}
