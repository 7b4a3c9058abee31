/**
 * How the bot authenticates the Bot Framework channel's requests and its own calls back: botbuilder's
 * `ConfigurationBotFrameworkAuthentication`, with the public cloud's endpoints unless configuration names others
 * (sovereign clouds, a regional token service, an offline test's loopback servers), and every refused channel
 * token answered 401.
 */
import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
// botbuilder's own dependency (same version), where CloudAdapter's `instanceof` check for a 401 looks.
import { AuthenticationError } from 'botframework-connector';
import type { AppConfig, BotAppConfig } from '../config.js';

/** botbuilder's factory of Bot Framework credentials (its type lives in botframework-connector). */
export type BotCredentialsFactory = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]
>;

/** Endpoints that differ from the public cloud's; `undefined` keeps the public cloud's. */
export type ChannelEndpoints = AppConfig['bot']['channel'];

/** The errors jsonwebtoken throws for a token it refuses (a bad signature, not valid yet, expired, malformed). */
const TOKEN_ERRORS: ReadonlySet<string> = new Set([
  'JsonWebTokenError',
  'NotBeforeError',
  'TokenExpiredError',
]);

/**
 * botbuilder's authentication, except that a channel token it refuses is always a 401. botframework-connector
 * 4.23 lets the verifier's own error through for a token signed by another key (or not valid yet), and CloudAdapter
 * answers anything but its `AuthenticationError` with 500 and the error's message: a forged token would look like
 * a fault of ours. Failures on our side (the metadata cannot be read) stay 500.
 */
class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && !(error instanceof AuthenticationError) && TOKEN_ERRORS.has(error.name))
        throw new AuthenticationError('Unauthorized. The token is not valid.', 401);
      throw error;
    }
  }
}

/**
 * The adapter's authentication.
 * @param app the bot's credentials; `null` in local mode, where nothing is authenticated
 * @param credentials the bot's credentials factory instead of the one built from `app` (an offline test's)
 */
export function channelAuthentication(
  app: BotAppConfig | null,
  endpoints: ChannelEndpoints,
  credentials?: BotCredentialsFactory,
): ConfigurationBotFrameworkAuthentication {
  return new ChannelAuthentication(
    {
      MicrosoftAppId: app?.appId ?? '',
      MicrosoftAppPassword: app?.appPassword ?? '',
      MicrosoftAppType: app?.appType ?? 'MultiTenant',
      MicrosoftAppTenantId: app?.tenantId ?? '',
      ...endpointSettings(endpoints),
    },
    credentials,
  );
}

/**
 * botbuilder's settings for the endpoints that differ from the public cloud's; none when nothing is configured,
 * so botbuilder keeps its own defaults. Once any one is set, botbuilder takes every endpoint from these settings,
 * so the others get the public cloud's values (botframework-connector 4.23's `AuthenticationConstants`).
 */
function endpointSettings(
  endpoints: ChannelEndpoints,
): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  const { openIdMetadataUrl, tokenIssuer, oauthUrl } = endpoints;
  if (!openIdMetadataUrl && !tokenIssuer && !oauthUrl) return {};
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: tokenIssuer ?? 'https://api.botframework.com',
    OAuthUrl: oauthUrl ?? 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl:
      openIdMetadataUrl ?? 'https://login.botframework.com/v1/.well-known/openidconfiguration',
    ToBotFromEmulatorOpenIdMetadataUrl:
      'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
