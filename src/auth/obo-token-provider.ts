/**
 * Delegated Graph tokens on behalf of a signed-in user: the user's Teams SSO token (audience: our app) is
 * exchanged with `OnBehalfOfCredential` for Graph scopes such as `User.ReadWrite`. Tokens are cached per user and
 * scope set until shortly before expiry.
 */
import { OnBehalfOfCredential, type TokenCredentialOptions } from '@azure/identity';
import { toAuthError } from './azure-token-errors.js';
import type { PhotoTarget } from '../graph/photo-target.js';
import { TokenCache, tokenCacheKey } from './token-cache.js';

/** The Graph scopes each feature asks for, delegated. */
export const DELEGATED_SCOPES = {
  ownPhoto: ['User.ReadWrite'],
  /** A group's photo, and the list of groups one owns (`/me/ownedObjects` needs `User.Read`). */
  groupPhoto: ['Group.ReadWrite.All', 'User.Read'],
  contactPhoto: ['Contacts.ReadWrite'],
  /** An image pasted into a chat message: a hosted content of the message. */
  chatImages: ['Chat.Read'],
  /** An image pasted into a channel message. */
  channelImages: ['ChannelMessage.Read.All'],
  /** A file shared in a message (SharePoint or OneDrive), read through `/shares`. */
  sharedFiles: ['Files.Read.All'],
} as const;

/**
 * The delegated scopes that change `target`'s photo: one's own, a group's (as its owner) or a contact's. Another
 * user's photo has none: only the app's own identity may change it.
 * @throws RangeError for a user target, which no delegated token may change
 */
export function scopesForTarget(target: PhotoTarget): readonly string[] {
  switch (target.kind) {
    case 'me':
      return DELEGATED_SCOPES.ownPhoto;
    case 'group':
      return DELEGATED_SCOPES.groupPhoto;
    case 'contact':
      return DELEGATED_SCOPES.contactPhoto;
    case 'user':
      throw new RangeError("another user's photo is changed with the app's own identity only");
  }
}

export interface OboProviderOptions {
  readonly tenantId: string;
  readonly clientId: string;
  /** A client secret, or the path of a PEM certificate with its private key. */
  readonly secret: { readonly clientSecret: string } | { readonly certificatePath: string };
  /** `https://login.microsoftonline.com` unless a sovereign cloud or a test says otherwise. */
  readonly authorityHost?: string;
  /** The credential's pipeline options: tests hand in an in-process `httpClient` here. */
  readonly credentialOptions?: TokenCredentialOptions & { disableInstanceDiscovery?: boolean };
  readonly now?: () => number;
}

/** Turns a user's SSO token into Graph tokens. */
export class OboTokenProvider {
  private readonly cache: TokenCache;

  constructor(private readonly options: OboProviderOptions) {
    this.cache = new TokenCache(options.now);
  }

  /**
   * A Graph token for `scopes` on behalf of the user.
   * @param userKey a stable id of the user (their Entra object id) for the cache
   * @param ssoToken the user's token for our app, from Teams SSO
   * @throws AuthError `SignInRequired` or `ConsentRequired`
   */
  async getToken(userKey: string, ssoToken: string, scopes: readonly string[]): Promise<string> {
    return this.cache.get(tokenCacheKey(userKey, scopes), async () => {
      const { tenantId, clientId, secret, authorityHost, credentialOptions } = this.options;
      const common = {
        ...credentialOptions,
        ...(authorityHost ? { authorityHost } : {}),
        tenantId,
        clientId,
        userAssertionToken: ssoToken,
      };
      const credential =
        'clientSecret' in secret
          ? new OnBehalfOfCredential({ ...common, clientSecret: secret.clientSecret })
          : new OnBehalfOfCredential({ ...common, certificatePath: secret.certificatePath });
      try {
        const token = await credential.getToken([...scopes].map(qualify));
        return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
      } catch (error) {
        throw toAuthError(error);
      }
    });
  }
}

/** `User.ReadWrite` → `https://graph.microsoft.com/User.ReadWrite`; full URIs and `.default` pass through. */
function qualify(scope: string): string {
  return scope.includes('://') ? scope : `https://graph.microsoft.com/${scope}`;
}
