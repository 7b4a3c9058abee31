/**
 * The Bot Framework token service, for Teams single sign-on: the OAuth connection's sign-in resource (for the
 * OAuthCard), the token exchange Teams asks for with `signin/tokenExchange`, the magic-code check of
 * `signin/verifyState`, and the stored token. With CloudAdapter it is the turn's `UserTokenClient`; botbuilder's
 * TestAdapter offers the same operations on the adapter itself, which is how the tests drive SSO offline.
 */
import type { SignInUrlResponse, TokenResponse, TurnContext } from 'botbuilder';

interface TurnTokenClient {
  getUserToken(
    userId: string,
    connection: string,
    channelId: string,
    magicCode: string | undefined,
  ): Promise<TokenResponse>;
  getSignInResource(
    connection: string,
    activity: TurnContext['activity'],
    finalRedirect: string | undefined,
  ): Promise<SignInUrlResponse>;
  exchangeToken(
    userId: string,
    connection: string,
    channelId: string,
    request: { token: string },
  ): Promise<TokenResponse>;
}

interface AdapterTokenProvider {
  getUserToken(
    context: TurnContext,
    connection: string,
    magicCode?: string,
  ): Promise<TokenResponse | undefined>;
  getSignInResource(context: TurnContext, connection: string): Promise<SignInUrlResponse>;
  exchangeToken(
    context: TurnContext,
    connection: string,
    userId: string,
    request: { token: string },
  ): Promise<TokenResponse | undefined>;
}

export class UserTokenService {
  constructor(readonly connectionName: string) {}

  /** The token the service keeps for the sender under the connection, if any. */
  async storedToken(context: TurnContext, magicCode?: string): Promise<string | undefined> {
    const { client, adapter } = this.backends(context);
    const { activity } = context;
    const response = client
      ? await client.getUserToken(activity.from.id, this.connectionName, activity.channelId, magicCode)
      : await adapter.getUserToken(context, this.connectionName, magicCode);
    return response?.token || undefined;
  }

  /** Exchanges the SSO token Teams sent for a token of the connection; `undefined` when the service refuses it. */
  async exchange(context: TurnContext, ssoToken: string): Promise<string | undefined> {
    const { client, adapter } = this.backends(context);
    const { activity } = context;
    try {
      const response = client
        ? await client.exchangeToken(activity.from.id, this.connectionName, activity.channelId, {
            token: ssoToken,
          })
        : await adapter.exchangeToken(context, this.connectionName, activity.from.id, { token: ssoToken });
      return response?.token || undefined;
    } catch {
      return undefined;
    }
  }

  /** The sign-in link and token exchange resource for an OAuthCard. */
  signInResource(context: TurnContext): Promise<SignInUrlResponse> {
    const { client, adapter } = this.backends(context);
    return client
      ? client.getSignInResource(this.connectionName, context.activity, undefined)
      : adapter.getSignInResource(context, this.connectionName);
  }

  private backends(context: TurnContext): {
    client: TurnTokenClient | undefined;
    adapter: AdapterTokenProvider;
  } {
    const key = (context.adapter as { UserTokenClientKey?: symbol }).UserTokenClientKey;
    const client = key ? context.turnState.get<TurnTokenClient | undefined>(key) : undefined;
    return { client, adapter: context.adapter as unknown as AdapterTokenProvider };
  }
}
