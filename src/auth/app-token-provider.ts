/**
 * Application (app-only) Graph tokens under the app's own identity, the only way Graph lets an app change another
 * user's photo (application permission `User.ReadWrite.All`). The credential kind comes from config: a client
 * secret, a certificate, or a managed identity. A delegated token is never used for that.
 */
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
  type TokenCredentialOptions,
} from '@azure/identity';
import { toAuthError } from './azure-token-errors.js';
import { TokenCache } from './token-cache.js';

export type AppCredentialConfig =
  | {
      readonly kind: 'secret';
      readonly tenantId: string;
      readonly clientId: string;
      readonly clientSecret: string;
    }
  | {
      readonly kind: 'certificate';
      readonly tenantId: string;
      readonly clientId: string;
      readonly certificatePath: string;
    }
  /** A user-assigned identity names its client id; the system-assigned one needs none. */
  | { readonly kind: 'managed-identity'; readonly clientId?: string };

export interface AppProviderOptions {
  readonly credential: AppCredentialConfig;
  /** The Graph resource, whose `/.default` scope is asked for (default `https://graph.microsoft.com`). */
  readonly graphResource?: string;
  readonly authorityHost?: string;
  /** The credential's pipeline options: tests hand in an in-process `httpClient` here. */
  readonly credentialOptions?: TokenCredentialOptions & { disableInstanceDiscovery?: boolean };
  readonly now?: () => number;
}

/** Builds the @azure/identity credential for a config. Nothing is requested until a token is asked for. */
export function createAppCredential(options: AppProviderOptions): TokenCredential {
  const { credential, authorityHost, credentialOptions } = options;
  const pipeline = { ...credentialOptions, ...(authorityHost ? { authorityHost } : {}) };
  switch (credential.kind) {
    case 'secret':
      return new ClientSecretCredential(
        credential.tenantId,
        credential.clientId,
        credential.clientSecret,
        pipeline,
      );
    case 'certificate':
      return new ClientCertificateCredential(
        credential.tenantId,
        credential.clientId,
        { certificatePath: credential.certificatePath },
        pipeline,
      );
    case 'managed-identity':
      return credential.clientId
        ? new ManagedIdentityCredential({ ...credentialOptions, clientId: credential.clientId })
        : new ManagedIdentityCredential({ ...credentialOptions });
  }
}

/** App-only Graph tokens, cached until shortly before expiry. */
export class AppTokenProvider {
  private readonly cache: TokenCache;
  private readonly credential: TokenCredential;
  private readonly scope: string;

  constructor(options: AppProviderOptions) {
    this.cache = new TokenCache(options.now);
    this.credential = createAppCredential(options);
    this.scope = `${(options.graphResource ?? 'https://graph.microsoft.com').replace(/\/+$/, '')}/.default`;
  }

  /** @throws AuthError `ConsentRequired` when the application permission has not been granted */
  getToken(): Promise<string> {
    return this.cache.get(this.scope, async () => {
      try {
        const token = await this.credential.getToken(this.scope);
        if (!token) throw new Error('the credential returned no token');
        return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
      } catch (error) {
        throw toAuthError(error);
      }
    });
  }
}
