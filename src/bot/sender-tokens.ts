/**
 * Graph tokens for the person who sent a turn. In production: their Teams single sign-on token, kept by the Bot
 * Framework token service under the OAuth connection, exchanged on behalf of them for Graph scopes. In local mode:
 * a token from the local issuer for the emulator's user whose id is the sender's `aadObjectId`.
 */
import type { TurnContext } from 'botbuilder';
import type { LocalTokenIssuer } from '../auth/local-token-issuer.js';
import type { OboTokenProvider } from '../auth/obo-token-provider.js';
import type { Directory } from '../emulator/directory.js';
import { AppError, AuthError } from '../errors.js';
import type { AccessTokenSource } from '../graph/graph-photo-client.js';
import type { UserTokenService } from './user-token-service.js';

/** Who sent the turn, as the app names users: their Entra object id. */
export function senderId(context: TurnContext): string {
  return context.activity.from.aadObjectId ?? context.activity.from.id;
}

export interface SenderTokens {
  /**
   * A Graph token source for the sender with `scopes`.
   * @throws AuthError `SignInRequired` when the sender must sign in first; AppError `UnknownLocalUser` in local
   *   mode for a sender the emulator's directory does not know
   * @param ssoToken a token for our app the sender's sign-in just produced (otherwise the stored one is used)
   */
  forSender(context: TurnContext, scopes: readonly string[], ssoToken?: string): Promise<AccessTokenSource>;
}

/** Local mode: the emulator's directory and the local issuer stand in for Entra ID. */
export class LocalSenderTokens implements SenderTokens {
  constructor(
    private readonly issuer: LocalTokenIssuer,
    /** The emulator's directory as its file has it now (edits apply without a restart). */
    private readonly currentDirectory: () => Promise<Directory>,
  ) {}

  async forSender(context: TurnContext, scopes: readonly string[]): Promise<AccessTokenSource> {
    // Compared as strings: Agents Playground's ids are not RFC 4122 UUIDs.
    const id = context.activity.from.aadObjectId ?? '';
    const directory = await this.currentDirectory();
    const user = directory.findUserById(id);
    if (!user || user.id !== id) throw new AppError('UnknownLocalUser', 'sender not in directory');
    const token = this.issuer.issueDelegated({
      tenantId: directory.tenant.id,
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
      scopes,
    });
    return () => Promise.resolve(token);
  }
}

/** Production: the token service's SSO token for our app, exchanged on behalf of the sender. */
export class SsoSenderTokens implements SenderTokens {
  constructor(
    private readonly userTokens: UserTokenService,
    private readonly obo: OboTokenProvider,
  ) {}

  async forSender(
    context: TurnContext,
    scopes: readonly string[],
    fresh?: string,
  ): Promise<AccessTokenSource> {
    const ssoToken = fresh ?? (await this.userTokens.storedToken(context));
    if (!ssoToken) throw new AuthError('SignInRequired', 'no token for the connection');
    const user = senderId(context);
    return () => this.obo.getToken(user, ssoToken, scopes);
  }
}
