/**
 * The Bot Framework endpoints that may differ from the public cloud's (sovereign clouds, a regional token service,
 * offline tests): unset by default, and refused at start-up unless https (http only on this machine), so a typo
 * cannot send the bot's token to the token service, or take signing keys from a server, over plain http.
 * How they are used is shown end to end in production-mode.test.ts.
 */
import { ConfigError, loadConfig } from '../../src/config.js';
import { channelAuthentication } from '../../src/server/channel-authentication.js';

const bot = { BOT_ID: 'bot-app-id', BOT_PASSWORD: 'bot-app-secret' };

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('Bot Framework endpoint settings', () => {
  it('are unset by default: botbuilder keeps the public cloud', () => {
    expect(loadConfig(bot).bot.channel).toEqual({
      openIdMetadataUrl: undefined,
      tokenIssuer: undefined,
      oauthUrl: undefined,
    });
  });

  it('take https URLs, and http ones on this machine', () => {
    const config = loadConfig({
      ...bot,
      BOT_OPENID_METADATA_URL: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
      BOT_TOKEN_ISSUER: 'https://api.botframework.us',
      BOT_OAUTH_URL: 'http://127.0.0.1:4000',
    });
    expect(config.bot.channel).toEqual({
      openIdMetadataUrl: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
      tokenIssuer: 'https://api.botframework.us',
      oauthUrl: 'http://127.0.0.1:4000',
    });
  });

  it.each(['BOT_OPENID_METADATA_URL', 'BOT_OAUTH_URL'])(
    'refuse %s over http to another host, or not a URL',
    (name) => {
      expect(problems({ ...bot, [name]: 'http://token.example.com' })).toEqual([
        `${name}="http://token.example.com": must be https (http only for localhost)`,
      ]);
      expect(problems({ ...bot, [name]: 'token service' })).toHaveLength(1);
    },
  );
});

describe('channelAuthentication', () => {
  // botbuilder keeps the endpoints on an inner object; read here because nothing public reports them, and using
  // them would mean calling Microsoft's hosts.
  interface Inner {
    readonly inner: {
      readonly toBotFromChannelOpenIdMetadataUrl?: string;
      readonly toBotFromChannelTokenIssuer?: string;
      readonly oAuthUrl?: string;
      readonly toChannelFromBotLoginUrl?: string;
      readonly toChannelFromBotOAuthScope?: string;
    };
  }
  const app = {
    appId: 'bot-app-id',
    appPassword: 'secret',
    appType: 'MultiTenant' as const,
    tenantId: undefined,
  };
  const endpoints = (auth: unknown) => (auth as Inner).inner;

  it("keeps botbuilder's public-cloud endpoints when nothing is configured", () => {
    const auth = channelAuthentication(app, {
      openIdMetadataUrl: undefined,
      tokenIssuer: undefined,
      oauthUrl: undefined,
    });
    expect(endpoints(auth)).toMatchObject({
      toBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      toBotFromChannelTokenIssuer: 'https://api.botframework.com',
      oAuthUrl: 'https://api.botframework.com',
    });
  });

  it('gives the endpoints that are not configured the public cloud values once one is', () => {
    const auth = channelAuthentication(app, {
      openIdMetadataUrl: undefined,
      tokenIssuer: 'https://api.botframework.us',
      oauthUrl: undefined,
    });
    expect(endpoints(auth)).toMatchObject({
      toBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      toBotFromChannelTokenIssuer: 'https://api.botframework.us',
      oAuthUrl: 'https://api.botframework.com',
      toChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      toChannelFromBotOAuthScope: 'https://api.botframework.com',
    });
  });
});
