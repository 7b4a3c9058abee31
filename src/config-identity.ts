/**
 * Who the app is: the bot's own Entra app, the Entra app behind SSO and on-behalf-of, the page's token rules and the
 * app's own credential for app-only Graph calls. Each is all or nothing: a half-configured one is reported, never
 * silently replaced by local mode. Read by `loadConfig` (config.ts), the one loader.
 */
import type { AppCredentialConfig } from './auth/app-token-provider.js';
import type { ParsedVariables } from './config.js';

/** The Entra app behind SSO, on-behalf-of and app-only tokens. */
export interface EntraConfig {
  readonly clientId: string;
  readonly tenantId: string;
  readonly authorityHost: string;
  readonly credential: { readonly clientSecret: string } | { readonly certificatePath: string };
}

/**
 * What the page's API (`/api/photo`) takes as a Teams SSO token outside local mode: signed by a key of the JWKS at
 * `jwksUrl`, issued by the Entra authority to one of `audiences`, for a user of one of `allowedTenants`.
 */
export interface TabConfig {
  /** The application ID URI (v1 tokens), when known, and the Entra app's client id (v2 tokens). */
  readonly audiences: readonly string[];
  /** Tenant ids, lowercase. */
  readonly allowedTenants: readonly string[];
  readonly jwksUrl: string;
  /** The Entra authority host (`AAD_APP_OAUTH_AUTHORITY_HOST`): v2 tokens' issuer is `<host>/<tenant>/v2.0`. */
  readonly authorityHost: string;
  /** The page's address (`https://<BOT_DOMAIN>/tab`) for the bot's cards to open as a dialog; unset without a domain. */
  readonly pageUrl: string | undefined;
}

/** The bot's own Entra app, as Bot Framework authenticates it. */
export interface BotAppConfig {
  readonly appId: string;
  /** Absent for a user-assigned managed identity. */
  readonly appPassword: string | undefined;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly tenantId: string | undefined;
}

/**
 * The bot's credentials, all or nothing. Local mode is on exactly when neither the id nor the password (nor their
 * `MicrosoftApp*` aliases) is set; a half-configured bot is refused, never silently run without authentication.
 */
export function botAppConfig(v: ParsedVariables, problems: string[]): BotAppConfig | null {
  const appId = v.BOT_ID ?? v.MicrosoftAppId;
  const appPassword = v.BOT_PASSWORD ?? v.MicrosoftAppPassword;
  const appType = v.MicrosoftAppType && v.BOT_TYPE === 'MultiTenant' ? v.MicrosoftAppType : v.BOT_TYPE;
  const tenantId = v.BOT_TENANT_ID ?? v.MicrosoftAppTenantId;
  if (!appId && !appPassword) return null;
  const missing = [
    ...(appId ? [] : ['BOT_ID']),
    ...(appPassword || appType === 'UserAssignedMSI' ? [] : ['BOT_PASSWORD']),
    ...(tenantId || appType === 'MultiTenant' ? [] : ['BOT_TENANT_ID']),
  ];
  if (missing.length > 0) {
    problems.push(`the bot is half configured: missing ${missing.join(', ')}`);
    return null;
  }
  return { appId: appId ?? '', appPassword, appType, tenantId };
}

/** The Entra app, all or nothing: a half-configured app is a mistake to report, never a silent local mode. */
export function entraConfig(v: ParsedVariables, problems: string[]): EntraConfig | null {
  const { AAD_APP_CLIENT_ID: clientId, AAD_APP_TENANT_ID: tenantId } = v;
  const { AAD_APP_CLIENT_SECRET: clientSecret, AAD_APP_CERTIFICATE_PATH: certificatePath } = v;
  if (!clientId && !tenantId && !clientSecret && !certificatePath) return null;
  const missing = [
    ...(clientId ? [] : ['AAD_APP_CLIENT_ID']),
    ...(tenantId ? [] : ['AAD_APP_TENANT_ID']),
    ...(clientSecret || certificatePath ? [] : ['AAD_APP_CLIENT_SECRET or AAD_APP_CERTIFICATE_PATH']),
  ];
  if (clientSecret && certificatePath)
    problems.push('set AAD_APP_CLIENT_SECRET or AAD_APP_CERTIFICATE_PATH, not both');
  if (missing.length > 0) problems.push(`the Entra app is half configured: missing ${missing.join(', ')}`);
  if (!clientId || !tenantId || (!clientSecret && !certificatePath)) return null;
  return {
    clientId,
    tenantId,
    authorityHost: v.AAD_APP_OAUTH_AUTHORITY_HOST,
    credential: certificatePath ? { certificatePath } : { clientSecret: clientSecret ?? '' },
  };
}

/**
 * The page's token rules, from the Entra app: its client id and, when the bot's id and domain are known (or
 * `TAB_APP_ID_URI` says), the application ID URI Teams asks tokens for (`webApplicationInfo.resource`).
 */
export function tabConfig(
  v: ParsedVariables,
  entra: EntraConfig | null,
  botApp: BotAppConfig | null,
): TabConfig | null {
  if (!entra) return null;
  const appIdUri =
    v.TAB_APP_ID_URI ?? (v.BOT_DOMAIN && botApp ? `api://${v.BOT_DOMAIN}/botid-${botApp.appId}` : undefined);
  const tenants = (v.TAB_ALLOWED_TENANTS ?? entra.tenantId)
    .split(',')
    .map((tenant) => tenant.trim().toLowerCase())
    .filter(Boolean);
  return {
    audiences: appIdUri ? [appIdUri, entra.clientId] : [entra.clientId],
    allowedTenants: tenants,
    jwksUrl: v.TAB_JWKS_URL ?? `${entra.authorityHost}/common/discovery/v2.0/keys`,
    authorityHost: entra.authorityHost,
    pageUrl: v.BOT_DOMAIN ? `https://${v.BOT_DOMAIN}/tab` : undefined,
  };
}

export function appCredentialConfig(
  v: ParsedVariables,
  entra: EntraConfig | null,
  problems: string[],
): AppCredentialConfig | null {
  if (v.GRAPH_APP_CREDENTIAL === 'managed-identity') {
    return v.MANAGED_IDENTITY_CLIENT_ID
      ? { kind: 'managed-identity', clientId: v.MANAGED_IDENTITY_CLIENT_ID }
      : { kind: 'managed-identity' };
  }
  if (v.MANAGED_IDENTITY_CLIENT_ID)
    problems.push('MANAGED_IDENTITY_CLIENT_ID needs GRAPH_APP_CREDENTIAL=managed-identity');
  if (!entra) return null;
  const { tenantId, clientId, credential } = entra;
  return 'clientSecret' in credential
    ? { kind: 'secret', tenantId, clientId, clientSecret: credential.clientSecret }
    : { kind: 'certificate', tenantId, clientId, certificatePath: credential.certificatePath };
}
