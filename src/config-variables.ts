/**
 * Every environment variable the app reads, declared once: its schema, default and description. `config.ts`
 * parses them; the README's configuration table is generated from the same list (`npm run docs:config`).
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod/v3';
import {
  httpsUrl,
  integer,
  oneOf,
  optional,
  optionalHttpsUrl,
  share,
  text,
  type VariableSpec,
} from './config-schemas.js';

import { TRUST_VARIABLES } from './config-trust.js';

export type { VariableSpec } from './config-schemas.js';

const MiB = 1024 * 1024;

/**
 * The default `BOT_TOKEN_HOSTS`: the exact Bot Framework service hosts Microsoft's Teams SDK allows per cloud
 * (public, GCC, GCC High, DoD, China; see docs/teams-graph-notes.md), plus suffixes of domains Microsoft itself owns
 * where Teams keeps inline images (`*.asm.skype.com`) and Bot Framework serves attachments. Never a suffix on the
 * Public Suffix List such as `.trafficmanager.net`: anyone can register a name under it.
 */
export const DEFAULT_BOT_TOKEN_HOSTS = [
  'smba.trafficmanager.net',
  'smba.onyx.prod.teams.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
  'frontend.botapi.msg.infra.teams.microsoftonline.cn',
  '.botframework.com',
  '.asm.skype.com',
].join(',');

/** Every environment variable the app reads, in the order the README lists them. */
export const CONFIG_VARIABLES = {
  PORT: {
    schema: integer(0, 65_535, () => 3978),
    defaultText: '3978',
    description: "The bot's HTTP server (`POST /api/messages`, `GET /healthz`).",
  },
  BOT_ID: {
    schema: optional(),
    defaultText: 'unset',
    description:
      "The bot's Entra app id (Teams Toolkit's name; `MicrosoftAppId` is accepted too). Unset: local mode.",
  },
  BOT_PASSWORD: {
    schema: optional(),
    defaultText: 'unset',
    description: "The bot's client secret (`MicrosoftAppPassword`).",
    secret: true,
  },
  BOT_TYPE: {
    schema: oneOf(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], 'MultiTenant'),
    defaultText: 'MultiTenant',
    description: "The bot app's type (`MicrosoftAppType`): MultiTenant, SingleTenant or UserAssignedMSI.",
  },
  BOT_TENANT_ID: {
    schema: optional(),
    defaultText: 'unset',
    description: "The bot app's tenant (`MicrosoftAppTenantId`), needed by SingleTenant and UserAssignedMSI.",
  },
  MicrosoftAppId: { schema: optional(), defaultText: 'unset', description: 'Alias of `BOT_ID`.' },
  MicrosoftAppPassword: {
    schema: optional(),
    defaultText: 'unset',
    description: 'Alias of `BOT_PASSWORD`.',
    secret: true,
  },
  MicrosoftAppType: {
    schema: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
    defaultText: 'unset',
    description: 'Alias of `BOT_TYPE`.',
  },
  MicrosoftAppTenantId: {
    schema: optional(),
    defaultText: 'unset',
    description: 'Alias of `BOT_TENANT_ID`.',
  },
  OAUTH_CONNECTION_NAME: {
    schema: text('graph'),
    defaultText: 'graph',
    description: "The Azure Bot resource's OAuth connection used for Teams single sign-on.",
  },
  BOT_OPENID_METADATA_URL: {
    schema: optionalHttpsUrl(),
    defaultText: 'unset',
    description:
      "Where the keys that sign the channel's requests to the bot are published (botbuilder's `ToBotFromChannelOpenIdMetadataUrl`). Unset: the public cloud's. For sovereign clouds and offline tests.",
  },
  BOT_TOKEN_ISSUER: {
    schema: optional(),
    defaultText: 'unset',
    description:
      "The issuer those requests' tokens must name (`ToBotFromChannelTokenIssuer`). Unset: the public cloud's. For sovereign clouds and offline tests.",
  },
  BOT_OAUTH_URL: {
    schema: optionalHttpsUrl(),
    defaultText: 'unset',
    description:
      'The Bot Framework token service behind sign-in (`OAuthUrl`), e.g. `https://europe.token.botframework.com` for data residency. Unset: the public one. Also for offline tests.',
  },
  DOWNLOAD_TIMEOUT_MS: {
    schema: integer(1000, 300_000, () => 20_000),
    defaultText: '20000',
    description: 'Longest the download of an image someone sent may take.',
  },
  BOT_TOKEN_HOSTS: {
    schema: text(DEFAULT_BOT_TOKEN_HOSTS),
    defaultText: DEFAULT_BOT_TOKEN_HOSTS,
    description:
      "Hosts (exact, or `.suffix`) that may receive the bot's own token when it downloads an inline image; comma-separated. " +
      'A public suffix (`.trafficmanager.net`), or a `.suffix` directly under one of its private-section entries ' +
      '(`.x.trafficmanager.net`), is refused at start-up: anyone can register names there.',
  },
  PENDING_PHOTO_MINUTES: {
    schema: integer(1, 24 * 60, () => 15),
    defaultText: '15',
    description: 'How long a photo sent before signing in is kept for when the sign-in completes.',
  },
  RECENT_PHOTO_MINUTES: {
    schema: integer(1, 60, () => 5),
    defaultText: '5',
    description:
      'How long the last photo someone sent waits (prepared, without metadata) for a following `group <name>` or `contact <name>`, and for a choice on a pick card.',
  },
  PENDING_SWEEP_SECONDS: {
    schema: integer(1, 24 * 60 * 60, () => 300),
    defaultText: '300',
    description:
      'How often expired waiting photos, sign-in exchange claims and photo leases are deleted from storage.',
  },
  DATA_DIR: {
    schema: text('./.data'),
    defaultText: './.data',
    description: 'Local data: emulator directory and photos, signing key, backups, audit, pending state.',
  },
  LOG_LEVEL: {
    schema: oneOf(['debug', 'info', 'warn', 'error', 'silent'], 'info'),
    defaultText: 'info',
    description: 'Least severe log level written: debug, info, warn, error or silent.',
  },
  LOG_FORMAT: {
    schema: z.enum(['json', 'text']).optional(),
    defaultText: 'json with bot credentials, else text',
    description:
      'How log lines are written: `json` (one object per line: level, time, event, correlationId, outcome, graphRequestId, ...) or `text` (readable). Tokens, photo URLs and image bytes are redacted either way.',
  },
  APPLICATIONINSIGHTS_CONNECTION_STRING: {
    schema: z
      .string()
      .trim()
      .refine((value) => /(^|;)\s*InstrumentationKey=/i.test(value), 'must contain InstrumentationKey=')
      .optional(),
    defaultText: 'unset',
    description:
      'Application Insights (the name App Service sets): traces, requests and metrics through OpenTelemetry (`@azure/monitor-opentelemetry`). Unset: telemetry is off and its modules are never loaded.',
    secret: true,
  },
  PHOTO_MAX_INPUT_BYTES: {
    schema: integer(1024, 200 * MiB, () => 25 * MiB),
    defaultText: String(25 * MiB),
    description: 'Largest image file accepted, in bytes (25 MiB); larger input is refused as ImageTooLarge.',
  },
  PHOTO_POOL_SIZE: {
    schema: integer(1, 64, () => Math.max(1, availableParallelism() - 1)),
    defaultText: 'CPU count - 1 (at least 1)',
    description: 'Worker threads preparing photos at once; the main thread keeps a core for the bot.',
  },
  PHOTO_QUEUE_LIMIT: {
    schema: integer(0, 10_000, () => 64),
    defaultText: '64',
    description: 'Photo jobs allowed to wait for a worker; one more is refused as ServerBusy.',
  },
  PHOTO_JOB_TIMEOUT_MS: {
    schema: integer(100, 600_000, () => 30_000),
    defaultText: '30000',
    description:
      'Longest a photo job may run; its worker is then stopped and replaced (ImageProcessingTimeout).',
  },
  PHOTO_WORKER_MEMORY_MB: {
    schema: integer(128, 16_384, () => 1024),
    defaultText: '1024',
    description:
      "Memory one photo worker may use, in MiB: its JavaScript heap, and each WebAssembly codec's memory. A job that needs more ends alone (ImageProcessingFailed) and its worker is replaced.",
  },
  GRAPH_BASE_URL: {
    schema: httpsUrl('https://graph.microsoft.com'),
    defaultText: 'https://graph.microsoft.com',
    description:
      'Microsoft Graph: the public cloud, `https://graph.microsoft.us` (US Government), `https://microsoftgraph.chinacloudapi.cn` (China), or the local emulator.',
  },
  GRAPH_API_VERSION: {
    schema: oneOf(['v1.0', 'beta'], 'v1.0'),
    defaultText: 'v1.0',
    description: 'Graph API version for photo calls: v1.0 or beta.',
  },
  GRAPH_EMULATOR_PORT: {
    schema: integer(0, 65_535, () => 3979),
    defaultText: '3979',
    description: 'Port of the local Graph emulator (local mode, and `profile-photo emulator`).',
  },
  EMULATOR_FAULT_429_RATE: {
    schema: share(),
    defaultText: '0',
    description:
      "Share (0-1) of the emulator's photo requests answered 429 with `Retry-After`, for tests and load tests.",
  },
  EMULATOR_FAULT_503_RATE: {
    schema: share(),
    defaultText: '0',
    description: "Share (0-1) of the emulator's photo requests answered 503.",
  },
  EMULATOR_LATENCY_MS: {
    schema: integer(0, 60_000, () => 0),
    defaultText: '0',
    description: 'Latency the emulator adds to every answer, in milliseconds.',
  },
  EMULATOR_RETRY_AFTER_SECONDS: {
    schema: integer(0, 3600, () => 1),
    defaultText: '1',
    description: 'The `Retry-After` the emulator sends with an injected 429.',
  },
  EMULATOR_MAX_CONCURRENT_WRITES: {
    schema: integer(0, 1000, () => 0),
    defaultText: '0',
    description:
      "Photo writes (PUT, PATCH, DELETE) the emulator accepts at once from one app, as Graph's throttling does (about 4 per app); more at the same time get 429 with `Retry-After`. 0: no limit.",
  },
  ADMIN_ROLE_TEMPLATE_IDS: {
    schema: text('62e90394-69f5-4237-9190-012177145e10,fe930be7-5e62-47db-91af-98c3a49a38b1'),
    defaultText: 'Global Administrator, User Administrator',
    description:
      "Directory roles (comma-separated role template ids) whose holders are admins of the app: they may set anyone's photo with the app's own identity. Read from Graph at every admin action.",
  },
  ADMIN_GROUP_ID: {
    schema: optional(),
    defaultText: 'unset',
    description: 'An Entra group whose members (direct or nested) are admins of the app too.',
  },
  ADMIN_CACHE_SECONDS: {
    schema: integer(0, 3600, () => 60),
    defaultText: '60',
    description: 'How long an answer to "is this person an admin?" is reused before Graph is asked again.',
  },
  ADMIN_ALLOWED_TENANTS: {
    schema: optional(),
    defaultText: 'unset (any)',
    description:
      'Tenant ids (comma-separated) whose admins the app serves; an admin action from any other tenant is refused and audited.',
  },
  ADMIN_PENDING_MINUTES: {
    schema: integer(1, 60, () => 10),
    defaultText: '10',
    description:
      'How long **Send the photo now** on the admin card waits for the image that goes to the chosen person, and how long a plan card waits for Start.',
  },
  BULK_CONCURRENCY: {
    schema: integer(1, 16, () => 4),
    defaultText: '4',
    description:
      'Photo changes a bulk job runs at once (Graph allows about 4 concurrent photo writes per app).',
  },
  ZIP_MAX_BYTES: {
    schema: integer(1024, 2 * 1024 * MiB, () => 256 * MiB),
    defaultText: '268435456 (256 MiB)',
    description: 'Largest zip an admin may send or import, in bytes.',
  },
  ZIP_MAX_ENTRIES: {
    schema: integer(1, 100_000, () => 5000),
    defaultText: '5000',
    description: 'Most entries (files and folders) a zip may hold.',
  },
  ZIP_MAX_UNCOMPRESSED_BYTES: {
    schema: integer(1024, 16 * 1024 * MiB, () => 1024 * MiB),
    defaultText: '1073741824 (1 GiB)',
    description: "Most bytes a zip's entries may hold together, uncompressed.",
  },
  ZIP_MAX_RATIO: {
    schema: integer(2, 100_000, () => 100),
    defaultText: '100',
    description:
      'Highest compression ratio (uncompressed to compressed size) an entry may have: beyond it the entry is a zip bomb and the zip is refused.',
  },
  JOB_QUEUE_NAME: {
    schema: text('photo-jobs'),
    defaultText: 'photo-jobs',
    description:
      'The queue bulk jobs go through: an Azure Storage queue of this name when `STORAGE_KIND=blob`, else a folder queue in the storage.',
  },
  JOB_LEASE_SECONDS: {
    schema: integer(5, 3600, () => 60),
    defaultText: '60',
    description:
      "How long one instance holds a running job without renewing it; a crashed instance's job is taken over after this.",
  },
  REPORT_LINK_MINUTES: {
    schema: integer(1, 1440, () => 15),
    defaultText: '15',
    description: "How long a bulk job's report link works; the report card makes a fresh one on demand.",
  },
  AAD_APP_CLIENT_ID: {
    schema: optional(),
    defaultText: 'unset',
    description:
      "The Entra app for SSO, on-behalf-of and app-only Graph calls (Teams Toolkit's name). Unset: local tokens.",
  },
  AAD_APP_TENANT_ID: {
    schema: optional(),
    defaultText: 'unset',
    description: 'The Entra tenant of that app.',
  },
  AAD_APP_CLIENT_SECRET: {
    schema: optional(),
    defaultText: 'unset',
    description: "The app's client secret (or set `AAD_APP_CERTIFICATE_PATH`).",
    secret: true,
  },
  AAD_APP_CERTIFICATE_PATH: {
    schema: optional(),
    defaultText: 'unset',
    description: "A PEM file with the app's certificate and private key, instead of a secret.",
  },
  AAD_APP_OAUTH_AUTHORITY_HOST: {
    schema: httpsUrl('https://login.microsoftonline.com'),
    defaultText: 'https://login.microsoftonline.com',
    description: 'The Entra authority (sovereign clouds have their own).',
  },
  BOT_DOMAIN: {
    schema: optional(),
    defaultText: 'unset',
    description:
      "The app's public host name, without https:// (Teams Toolkit's name, e.g. `teams-photo.azurewebsites.net`): part of the page's application ID URI.",
  },
  TAB_APP_ID_URI: {
    schema: optional(),
    defaultText: '`api://<BOT_DOMAIN>/botid-<BOT_ID>` when both are set',
    description:
      "The application ID URI the page's Teams SSO tokens must be for (their `aud`); a token for `AAD_APP_CLIENT_ID` (v2) is taken too, any other audience gets 401.",
  },
  TAB_ALLOWED_TENANTS: {
    schema: optional(),
    defaultText: '`AAD_APP_TENANT_ID`',
    description:
      'Tenant ids (comma-separated) whose users may call `/api/photo`; a token from any other tenant gets 401.',
  },
  TAB_JWKS_URL: {
    schema: optionalHttpsUrl(),
    defaultText: '`<AAD_APP_OAUTH_AUTHORITY_HOST>/common/discovery/v2.0/keys`',
    description:
      "Where the keys that sign the page's Teams SSO tokens are published (JSON Web Key Set). For sovereign clouds and offline tests.",
  },
  GRAPH_APP_CREDENTIAL: {
    schema: oneOf(['client', 'managed-identity'], 'client'),
    defaultText: 'client',
    description:
      'How the app gets app-only Graph tokens (admin changes): `client` (the secret or certificate above) or `managed-identity`.',
  },
  MANAGED_IDENTITY_CLIENT_ID: {
    schema: optional(),
    defaultText: 'unset',
    description: "A user-assigned managed identity's client id (unset: the system-assigned identity).",
  },
  STORAGE_KIND: {
    schema: oneOf(['fs', 'blob'], 'fs'),
    defaultText: 'fs',
    description:
      'Backups, audit log and pending state: `fs` (files under `DATA_DIR`) or `blob` (Azure Blob Storage, shared by all instances).',
  },
  AZURE_STORAGE_CONNECTION_STRING: {
    schema: optional(),
    defaultText: 'unset',
    description: 'Azure Storage connection string, needed with `STORAGE_KIND=blob`.',
    secret: true,
  },
  STORAGE_CONTAINER: {
    schema: z
      .string()
      .trim()
      .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'must be a valid blob container name')
      .optional()
      .transform((value) => value ?? 'teams-photo'),
    defaultText: 'teams-photo',
    description: 'Blob container for `STORAGE_KIND=blob`.',
  },
  ...TRUST_VARIABLES,
} satisfies Record<string, VariableSpec<unknown>>;
