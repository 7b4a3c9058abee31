/**
 * Graph tokens for the page's validated caller, as sender-tokens.ts gets them for the bot's sender: in production
 * the caller's own Teams SSO token (already validated) is exchanged on behalf of them for the Graph scopes of the
 * target; in local mode the local issuer signs a token for the emulator's user whose id is the token's `oid`.
 */
import type { LocalTokenIssuer } from '../auth/local-token-issuer.js';
import type { OboTokenProvider } from '../auth/obo-token-provider.js';
import type { Directory } from '../emulator/directory.js';
import { AppError } from '../errors.js';
import type { AccessTokenSource } from '../graph/graph-photo-client.js';
import type { TabUser } from './tab-token-validator.js';

export interface TabGraphTokens {
  /**
   * A Graph token source for the caller with `scopes`.
   * @throws AuthError `SignInRequired` or `ConsentRequired` (when asked for a token, production); AppError
   *   `UnknownLocalUser` in local mode for a user the emulator's directory does not know
   */
  forUser(user: TabUser, scopes: readonly string[]): Promise<AccessTokenSource>;
}

/** Local mode: the emulator's directory and the local issuer stand in for Entra ID. */
export class LocalTabGraphTokens implements TabGraphTokens {
  constructor(
    private readonly issuer: LocalTokenIssuer,
    /** The emulator's directory as its file has it now (edits apply without a restart). */
    private readonly currentDirectory: () => Promise<Directory>,
  ) {}

  async forUser(user: TabUser, scopes: readonly string[]): Promise<AccessTokenSource> {
    const directory = await this.currentDirectory();
    const found = directory.findUserById(user.id);
    if (!found || found.id !== user.id) throw new AppError('UnknownLocalUser', 'caller not in directory');
    const token = this.issuer.issueDelegated({
      tenantId: directory.tenant.id,
      userId: found.id,
      userPrincipalName: found.userPrincipalName,
      scopes,
    });
    return () => Promise.resolve(token);
  }
}

/** Production: the caller's SSO token, exchanged on behalf of them (cached per user and scope set). */
export class OboTabGraphTokens implements TabGraphTokens {
  constructor(private readonly obo: Pick<OboTokenProvider, 'getToken'>) {}

  forUser(user: TabUser, scopes: readonly string[]): Promise<AccessTokenSource> {
    return Promise.resolve(() => this.obo.getToken(user.id, user.token, scopes));
  }
}
