/**
 * The one reader of `process.env`: every setting the app has, validated once at start-up.
 *
 * Each variable is declared once in {@link CONFIG_VARIABLES} with its schema, default and description; the
 * README's configuration table is generated from the same list (`npm run docs:config`), and a test keeps the
 * two in step. {@link loadConfig} returns a frozen, typed object or throws a {@link ConfigError} that lists
 * every problem at once.
 */
import path from 'node:path';
import type { z } from 'zod';
import type { AppCredentialConfig } from './auth/app-token-provider.js';
import { tokenHostEntryProblem } from './bot/attachments/host-rules.js';
import { CONFIG_VARIABLES, type VariableSpec } from './config-variables.js';
import { trustConfig, type TrustConfig } from './config-trust.js';

export { CONFIG_VARIABLES, configTableMarkdown } from './config-variables.js';

type Variables = typeof CONFIG_VARIABLES;

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

export type StorageConfig =
  | { readonly kind: 'fs'; readonly root: string }
  | { readonly kind: 'blob'; readonly connectionString: string; readonly container: string };

/** The app's settings, parsed. */
export interface AppConfig {
  readonly dataDir: string;
  readonly logLevel: z.output<Variables['LOG_LEVEL']['schema']>;
  /** `json` in production (bot credentials set) unless `LOG_FORMAT` says otherwise; `text` in local mode. */
  readonly logFormat: 'json' | 'text';
  /** Application Insights; `null` when its connection string is not set (telemetry off, never loaded). */
  readonly telemetry: { readonly connectionString: string } | null;
  readonly photo: {
    readonly maxInputBytes: number;
    readonly poolSize: number;
    readonly queueLimit: number;
    readonly jobTimeoutMs: number;
    /** MiB one photo worker may use: its V8 heap and each WebAssembly codec's memory. */
    readonly workerMemoryMb: number;
  };
  readonly graph: { readonly baseUrl: string; readonly version: 'v1.0' | 'beta' };
  readonly bot: {
    readonly port: number;
    /** `null` in local mode: no bot credentials, so the server binds to loopback and needs no Bot Framework token. */
    readonly app: BotAppConfig | null;
    readonly oauthConnectionName: string;
    /**
     * Bot Framework endpoints that differ from the public cloud's (sovereign clouds, data residency, offline
     * tests); each `undefined` keeps the public cloud's.
     */
    readonly channel: {
      readonly openIdMetadataUrl: string | undefined;
      readonly tokenIssuer: string | undefined;
      readonly oauthUrl: string | undefined;
    };
    readonly downloadTimeoutMs: number;
    /** Hosts that may receive the bot's token with an image download (`.suffix` or exact). */
    readonly tokenHosts: readonly string[];
    readonly pendingPhotoMs: number;
    /** How long the last photo a person sent waits for `group <name>`, `contact <name>` or a pick card. */
    readonly recentPhotoMs: number;
    /** Time between sweeps of expired pending state (waiting photos, claims, leases). */
    readonly pendingSweepMs: number;
  };
  /** `null`: no Entra app configured, so tokens come from the local issuer (local mode). */
  readonly entra: EntraConfig | null;
  /** The page's API tokens; `null` without an Entra app (local mode takes the local issuer's tokens instead). */
  readonly tab: TabConfig | null;
  /** The app's own identity for app-only Graph calls; `null` when there is none. */
  readonly appCredential: AppCredentialConfig | null;
  readonly storage: StorageConfig;
  /** Who is an admin of the app (see src/admin/). */
  readonly admin: {
    /** Role template ids whose holders are admins. */
    readonly roleTemplateIds: readonly string[];
    /** A group whose (transitive) members are admins too; `undefined` when there is none. */
    readonly groupId: string | undefined;
    readonly cacheMs: number;
    /** Tenants whose admins the app serves; `null`: any. */
    readonly allowedTenants: readonly string[] | null;
    /** How long "Send the photo now" and a plan card wait. */
    readonly pendingMs: number;
  };
  /** Bulk jobs: imports from a zip or folder, and their undo. */
  readonly bulk: {
    readonly concurrency: number;
    readonly zip: {
      readonly maxBytes: number;
      readonly maxEntries: number;
      readonly maxUncompressedBytes: number;
      readonly maxRatio: number;
    };
    /** Azure Storage Queues when the storage is Azure Blob, else a queue kept in the storage itself. */
    readonly queue:
      | { readonly kind: 'storage'; readonly name: string }
      | { readonly kind: 'azure'; readonly name: string; readonly connectionString: string };
    readonly leaseMs: number;
    readonly reportLinkMs: number;
  };
  /** Face detection, quality checks, the organisation's photo rules, approval, backup retention (issue 18). */
  readonly trust: TrustConfig;
  readonly emulator: {
    readonly port: number;
    readonly faults: {
      readonly rate429: number;
      readonly rate503: number;
      readonly latencyMs: number;
      readonly retryAfterSeconds: number;
      /** Photo writes accepted at once per app (Graph-like throttling); 0: no limit. */
      readonly maxConcurrentWrites: number;
    };
  };
}

/** Start-up refused because of the environment; `problems` has one line per variable. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type ParsedVariables = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

/**
 * Parses every variable, adding one line to `problems` for each invalid one. An invalid variable is left out of
 * the result, so the checks across variables that follow see it as unset and every problem is listed at once.
 */
function parseVariables(env: NodeJS.ProcessEnv, problems: string[]): ParsedVariables {
  const parsed: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CONFIG_VARIABLES) as [string, VariableSpec<unknown>][]) {
    const raw = env[name];
    const result = spec.schema.safeParse(raw === '' ? undefined : raw);
    if (result.success) {
      parsed[name] = result.data;
    } else {
      const reason = result.error.issues.map((issue) => issue.message).join('; ');
      problems.push(spec.secret ? `${name}: invalid` : `${name}=${JSON.stringify(raw)}: ${reason}`);
    }
  }
  return parsed as ParsedVariables;
}

/**
 * Reads and validates the environment once.
 * @param env the environment to read; `process.env` unless a test hands in its own
 * @throws ConfigError listing everything that is wrong
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const v = parseVariables(env, problems);
  const entra = entraConfig(v, problems);
  const botApp = botAppConfig(v, problems);
  const appCredential = appCredentialConfig(v, entra, problems);
  const tokenHosts = tokenHostsConfig(v.BOT_TOKEN_HOSTS, problems);
  const dataDir = path.resolve(v.DATA_DIR);
  let storage: StorageConfig = { kind: 'fs', root: path.join(dataDir, 'storage') };
  if (v.STORAGE_KIND === 'blob') {
    if (v.AZURE_STORAGE_CONNECTION_STRING) {
      storage = {
        kind: 'blob',
        connectionString: v.AZURE_STORAGE_CONNECTION_STRING,
        container: v.STORAGE_CONTAINER,
      };
    } else {
      problems.push('STORAGE_KIND=blob needs AZURE_STORAGE_CONNECTION_STRING');
    }
  }
  const trust = trustConfig(v, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze({
    dataDir,
    logLevel: v.LOG_LEVEL,
    logFormat: v.LOG_FORMAT ?? (botApp ? 'json' : 'text'),
    telemetry: v.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? { connectionString: v.APPLICATIONINSIGHTS_CONNECTION_STRING }
      : null,
    photo: {
      maxInputBytes: v.PHOTO_MAX_INPUT_BYTES,
      poolSize: v.PHOTO_POOL_SIZE,
      queueLimit: v.PHOTO_QUEUE_LIMIT,
      jobTimeoutMs: v.PHOTO_JOB_TIMEOUT_MS,
      workerMemoryMb: v.PHOTO_WORKER_MEMORY_MB,
    },
    graph: { baseUrl: v.GRAPH_BASE_URL, version: v.GRAPH_API_VERSION },
    bot: {
      port: v.PORT,
      app: botApp,
      oauthConnectionName: v.OAUTH_CONNECTION_NAME,
      channel: {
        openIdMetadataUrl: v.BOT_OPENID_METADATA_URL,
        tokenIssuer: v.BOT_TOKEN_ISSUER,
        oauthUrl: v.BOT_OAUTH_URL,
      },
      downloadTimeoutMs: v.DOWNLOAD_TIMEOUT_MS,
      tokenHosts,
      pendingPhotoMs: v.PENDING_PHOTO_MINUTES * 60_000,
      recentPhotoMs: v.RECENT_PHOTO_MINUTES * 60_000,
      pendingSweepMs: v.PENDING_SWEEP_SECONDS * 1000,
    },
    entra,
    tab: tabConfig(v, entra, botApp),
    appCredential,
    storage,
    admin: {
      roleTemplateIds: list(v.ADMIN_ROLE_TEMPLATE_IDS).map((id) => id.toLowerCase()),
      groupId: v.ADMIN_GROUP_ID,
      cacheMs: v.ADMIN_CACHE_SECONDS * 1000,
      allowedTenants: v.ADMIN_ALLOWED_TENANTS === undefined ? null : list(v.ADMIN_ALLOWED_TENANTS),
      pendingMs: v.ADMIN_PENDING_MINUTES * 60_000,
    },
    bulk: {
      concurrency: v.BULK_CONCURRENCY,
      zip: {
        maxBytes: v.ZIP_MAX_BYTES,
        maxEntries: v.ZIP_MAX_ENTRIES,
        maxUncompressedBytes: v.ZIP_MAX_UNCOMPRESSED_BYTES,
        maxRatio: v.ZIP_MAX_RATIO,
      },
      queue:
        storage.kind === 'blob'
          ? { kind: 'azure', name: v.JOB_QUEUE_NAME, connectionString: storage.connectionString }
          : { kind: 'storage', name: v.JOB_QUEUE_NAME },
      leaseMs: v.JOB_LEASE_SECONDS * 1000,
      reportLinkMs: v.REPORT_LINK_MINUTES * 60_000,
    },
    trust,
    emulator: {
      port: v.GRAPH_EMULATOR_PORT,
      faults: {
        rate429: v.EMULATOR_FAULT_429_RATE,
        rate503: v.EMULATOR_FAULT_503_RATE,
        latencyMs: v.EMULATOR_LATENCY_MS,
        retryAfterSeconds: v.EMULATOR_RETRY_AFTER_SECONDS,
        maxConcurrentWrites: v.EMULATOR_MAX_CONCURRENT_WRITES,
      },
    },
  });
}

/** A comma-separated list, trimmed, without empty entries. */
function list(raw: string): string[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * `BOT_TOKEN_HOSTS` as a list, one problem line for each entry that could hand the bot's token to a stranger (a
 * public suffix, or a suffix directly under one; see {@link tokenHostEntryProblem}), naming the entry.
 * @param raw the parsed variable; `undefined` when it was invalid (already reported)
 */
function tokenHostsConfig(raw: string | undefined, problems: string[]): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    const problem = tokenHostEntryProblem(entry);
    if (problem !== undefined) problems.push(`BOT_TOKEN_HOSTS: ${problem}`);
  }
  return entries;
}

/**
 * The bot's credentials, all or nothing. Local mode is on exactly when neither the id nor the password (nor their
 * `MicrosoftApp*` aliases) is set; a half-configured bot is refused, never silently run without authentication.
 */
function botAppConfig(v: ParsedVariables, problems: string[]): BotAppConfig | null {
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
function entraConfig(v: ParsedVariables, problems: string[]): EntraConfig | null {
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
function tabConfig(
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

function appCredentialConfig(
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

/** A one-line summary of the configuration that is safe to log (no secrets). */
export function describeConfig(config: AppConfig): string {
  const p = config.photo;
  const storage =
    config.storage.kind === 'fs' ? `fs:${config.storage.root}` : `blob:${config.storage.container}`;
  return [
    `data=${config.dataDir}`,
    `log=${config.logLevel}/${config.logFormat}`,
    `telemetry=${config.telemetry ? 'application-insights' : 'off'}`,
    `photo.maxInputBytes=${p.maxInputBytes}`,
    `photo.pool=${p.poolSize}`,
    `photo.queue=${p.queueLimit}`,
    `photo.timeoutMs=${p.jobTimeoutMs}`,
    `graph=${config.bot.app ? `${config.graph.baseUrl}/${config.graph.version}` : `local emulator on port ${config.emulator.port}`}`,
    `bot=${config.bot.app ? `${config.bot.app.appId} (${config.bot.app.appType})` : 'local mode'} port=${config.bot.port}`,
    `entra=${config.entra ? `${config.entra.clientId}@${config.entra.tenantId}` : 'none (local tokens)'}`,
    `appCredential=${config.appCredential?.kind ?? 'none'}`,
    `storage=${storage}`,
  ].join(' ');
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (inner !== null && typeof inner === 'object') deepFreeze(inner as object);
  }
  return Object.freeze(value);
}
