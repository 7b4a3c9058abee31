/**
 * The bot's own Bot Framework token, for downloading inline images from Bot Framework and Teams hosts (only ever sent
 * to the hosts `BOT_TOKEN_HOSTS` allows; see src/bot/attachments/host-rules.ts).
 */
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { BotAppConfig } from '../config.js';
import type { BotCredentialsFactory } from './channel-authentication.js';

/** The bot's own token for downloading inline images from Bot Framework / Teams hosts. */
export function botTokenSource(app: BotAppConfig, injected?: BotCredentialsFactory): () => Promise<string> {
  const factory: Pick<BotCredentialsFactory, 'createCredentials'> =
    injected ??
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: app.appId,
      MicrosoftAppPassword: app.appPassword ?? '',
      MicrosoftAppType: app.appType,
      MicrosoftAppTenantId: app.tenantId ?? '',
    });
  return async () => {
    const loginEndpoint = `https://login.microsoftonline.com/${app.tenantId ?? 'botframework.com'}`;
    const credentials = await factory.createCredentials(
      app.appId,
      'https://api.botframework.com',
      loginEndpoint,
      true,
    );
    return (credentials as unknown as { getToken(): Promise<string> }).getToken();
  };
}
