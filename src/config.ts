/**
 * The one reader of `process.env`: every setting the app has, validated once at start-up.
 *
 * Each variable is declared once in {@link CONFIG_VARIABLES} with its schema, default and description; the
 * README's configuration table is generated from the same list (`npm run docs:config`), and a test keeps the
 * two in step. {@link loadConfig} returns a frozen, typed object or throws a {@link ConfigError} that lists
 * every problem at once.
 */
import path from 'node:path';
import type { z } from 'zod/v3';
import type { AppCredentialConfig } from './auth/app-token-provider.js';
import { tokenHostEntryProblem } from './bot/attachments/host-rules.js';
import { CONFIG_VARIABLES, DEFAULT_BOT_TOKEN_HOSTS, type VariableSpec } from './config-variables.js';
import {
  appCredentialConfig,
  botAppConfig,
  entraConfig,
  tabConfig,
  type BotAppConfig,
  type EntraConfig,
  type TabConfig,
} from './config-identity.js';
import { trustConfig, type TrustConfig } from './config-trust.js';

export { CONFIG_VARIABLES } from './config-variables.js';
export type { BotAppConfig, EntraConfig, TabConfig } from './config-identity.js';

type Variables = typeof CONFIG_VARIABLES;

/** Every variable, parsed: an invalid one is left out (reported as a problem), so it reads as unset. */
export type ParsedVariables = {
  [K in keyof typeof CONFIG_VARIABLES]: z.output<Variables[K]['schema']>;
};

/** The README's configuration table, generated from {@link CONFIG_VARIABLES}. */
export function configTableMarkdown(): string {
  const rows = Object.entries(CONFIG_VARIABLES).map(
    ([name, spec]) => `| \`${name}\` | ${spec.defaultText} | ${spec.description} |`,
  );
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
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
  // The default entries are checked by a test (host-rules.test.ts); only entries someone added are checked here,
  // which spares loading the Public Suffix List (about 50 ms) at every start with the defaults.
  const defaults = new Set(DEFAULT_BOT_TOKEN_HOSTS.split(','));
  for (const entry of entries) {
    if (defaults.has(entry)) continue;
    const problem = tokenHostEntryProblem(entry);
    if (problem !== undefined) problems.push(`BOT_TOKEN_HOSTS: ${problem}`);
  }
  return entries;
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
