/**
 * Tokens inside the messaging extension. A message action, a search or a dialog is an invoke, answered in place:
 * there is no chat to send a sign-in card to. So:
 * - when the invoke carries Teams' single sign-on token for the extension (`value.authentication.token`, which
 *   Teams adds after the bot asked with `silentAuth`), it is exchanged with the Bot Framework token service for the
 *   OAuth connection's token (which the service then keeps, so the next invoke finds it) and used for this turn;
 * - otherwise the token the service keeps for the sender is used (`SenderTokens`, as in chat);
 * - when there is none, the answer asks Teams to sign the person in: `silentAuth` for a search (Teams first tries
 *   SSO quietly, then shows the link), `auth` for an action, a sign-in dialog inside a dialog. The link is the OAuth
 *   connection's sign-in page.
 *
 * In local mode nobody signs in: the sender's token comes from the local issuer and there is no link to offer.
 */
import type { TurnContext } from 'botbuilder';
import type { AccessTokenSource } from '../../graph/graph-photo-client.js';
import type { SenderTokens } from '../sender-tokens.js';
import type { UserTokenService } from '../user-token-service.js';

/** The longest SSO token taken from an invoke; Entra tokens are a few kilobytes. */
const MAX_SSO_TOKEN_CHARS = 16 * 1024;

/** Where a turn's exchanged token is kept, so a turn that needs two scopes exchanges once. */
const EXCHANGED = Symbol('extension sso token');

/** Teams' SSO token in a messaging-extension invoke (`value.authentication.token`), if any. */
function authenticationToken(value: unknown): string | undefined {
  const authentication = (value as { authentication?: { token?: unknown } } | null | undefined)
    ?.authentication;
  const token = authentication?.token;
  return typeof token === 'string' && token !== '' && token.length <= MAX_SSO_TOKEN_CHARS ? token : undefined;
}

export interface ExtensionSignInDeps {
  readonly tokens: SenderTokens;
  /** `null` in local mode, where nobody signs in. */
  readonly userTokens: UserTokenService | null;
}

export class ExtensionSignIn {
  constructor(private readonly deps: ExtensionSignInDeps) {}

  /**
   * A Graph token source for the sender with `scopes`: from the invoke's SSO token when it carries one that the
   * token service exchanges, else from the token the service keeps.
   * @throws AuthError `SignInRequired` when there is neither (the caller answers with {@link signInLink}'s link)
   */
  async token(context: TurnContext, scopes: readonly string[]): Promise<AccessTokenSource> {
    const exchanged = await this.exchanged(context);
    return this.deps.tokens.forSender(context, scopes, exchanged);
  }

  /** The OAuth connection's sign-in page for the sender; `undefined` in local mode. */
  async signInLink(context: TurnContext): Promise<string | undefined> {
    if (!this.deps.userTokens) return undefined;
    const resource = await this.deps.userTokens.signInResource(context);
    return resource.signInLink || undefined;
  }

  private async exchanged(context: TurnContext): Promise<string | undefined> {
    const { userTokens } = this.deps;
    if (!userTokens) return undefined;
    const kept = context.turnState.get<{ token: string | undefined } | undefined>(EXCHANGED);
    if (kept) return kept.token;
    const ssoToken = authenticationToken(context.activity.value);
    // A token the service refuses (expired, for another app) is as good as none: the stored one may still do.
    const token = ssoToken === undefined ? undefined : await userTokens.exchange(context, ssoToken);
    context.turnState.set(EXCHANGED, { token });
    return token;
  }
}
