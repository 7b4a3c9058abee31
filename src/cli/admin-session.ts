/**
 * What the admin commands (`set`, `import`, `undo`, `jobs`) share: the configuration, the app's own Graph token and
 * the admin services built from them (src/admin/admin-services.ts, the same composition the bot uses).
 *
 * The command line acts as the app's operator: whoever holds the app's credentials may already change anyone's
 * photo with them, so it needs no admin role; its identity is the app's own service principal (the `oid` of its
 * token), which may act on every job. Outside local mode it authenticates with the app credentials from the
 * configuration (`GRAPH_APP_CREDENTIAL`, `AAD_APP_*`); in local mode (no `BOT_ID`) it talks to the local Graph
 * emulator that `profile-photo emulator` or `npm start` runs, with an app token from the local issuer in `DATA_DIR`,
 * and refuses with `EmulatorUnreachable` when nothing answers there.
 */
import { decodeJwt } from 'jose';
import type { AdminIdentity, AppTokenSource } from '../admin/admin-contracts.js';
import { createAdminServices, type AdminServices } from '../admin/admin-services.js';
import { adminAppTokens } from '../admin/app-tokens.js';
import { LocalTokenIssuer } from '../auth/local-token-issuer.js';
import type { PhotoPreparer } from '../bot/handlers/incoming-image.js';
import { loadConfig, type AppConfig } from '../config.js';
import { loadDirectory } from '../emulator/directory.js';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { PhotoWorkerPool } from '../photo/worker-pool.js';
import { createStorage } from '../storage/index.js';
import type { Storage } from '../storage/storage.js';

/** An open admin session of the command line. */
export interface AdminSession {
  readonly config: AppConfig;
  readonly services: AdminServices;
  /** Who the command line acts as: the app itself. */
  readonly operator: AdminIdentity;
  readonly storage: Storage;
  /** Where Graph is: the configured cloud, or the local emulator. */
  readonly graphBaseUrl: string;
  /** Prepares photos as asked when the session was opened. */
  readonly preparer: PhotoPreparer;
  /** Stops the photo workers, if any were started. */
  close(): Promise<void>;
}

export interface AdminSessionOptions {
  /**
   * `pool`: prepare photos on worker threads (an import prepares many); `inline`: in this thread when asked (one
   * photo, or none: no threads to start).
   */
  readonly preparer: 'pool' | 'inline';
  /** People changed at once by a job run here (`--concurrency`). */
  readonly concurrency?: number;
}

/** How long the command line waits for the local emulator to answer before calling it not running. */
const EMULATOR_PROBE_MS = 3000;

/**
 * Opens a session: reads the configuration, gets the app's token (checking that it can), builds the services.
 * @throws AppError `EmulatorUnreachable` (local mode, nothing answers on GRAPH_EMULATOR_PORT), `AppIdentityMissing`
 *   (no app credentials configured), AuthError from the credential; ConfigError
 */
export async function openAdminSession(options: AdminSessionOptions): Promise<AdminSession> {
  const config = loadConfig();
  const local = config.bot.app === null;
  const { graphBaseUrl, appToken, operator } = local ? await localApp(config) : await configuredApp(config);
  const storage = createStorage(config.storage);
  const pool =
    options.preparer === 'pool'
      ? new PhotoWorkerPool({
          size: config.photo.poolSize,
          queueLimit: config.photo.queueLimit,
          jobTimeoutMs: config.photo.jobTimeoutMs,
          workerMemoryMb: config.photo.workerMemoryMb,
          faceDetection: config.trust.faceDetection,
        })
      : undefined;
  // The pipeline (jimp and its codecs) is loaded only when a photo is prepared: `jobs` and `undo` never do.
  const preparer: PhotoPreparer = pool ?? {
    run: async (input, prepare) =>
      (await import('../photo/photo-pipeline.js')).preparePhoto(
        input,
        config.trust.faceDetection ? prepare : { detectFaces: false, ...prepare },
      ),
  };
  // Warnings and errors of the job runner go to stderr; stdout is the command's own output.
  const logger = createLogger('warn', (line) => process.stderr.write(`${line}\n`));
  const services = createAdminServices({
    config,
    storage,
    graphBaseUrl,
    appToken,
    preparer,
    logger,
    operatorIds: [operator.id],
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
  });
  return {
    config,
    services,
    operator,
    storage,
    graphBaseUrl,
    preparer,
    close: async () => {
      await pool?.close();
    },
  };
}

interface AppAccess {
  readonly graphBaseUrl: string;
  readonly appToken: AppTokenSource;
  readonly operator: AdminIdentity;
}

/** Local mode: the emulator on GRAPH_EMULATOR_PORT, and the local issuer's app token for its tenant. */
async function localApp(config: AppConfig): Promise<AppAccess> {
  const graphBaseUrl = `http://127.0.0.1:${config.emulator.port}`;
  await requireEmulator(graphBaseUrl);
  const issuer = await LocalTokenIssuer.open(config.dataDir);
  const tenantId = async (): Promise<string> => (await loadDirectory(config.dataDir)).tenant.id;
  const appToken = adminAppTokens({ config, local: { issuer, tenantId } });
  return { graphBaseUrl, appToken, operator: operatorOf(await appToken()) };
}

/** The configured app credentials, against the configured cloud. */
async function configuredApp(config: AppConfig): Promise<AppAccess> {
  const appToken = adminAppTokens({ config });
  // Asked once now: a credential that does not work (or none configured, `AppIdentityMissing`) is said before
  // anything is read or planned.
  return { graphBaseUrl: config.graph.baseUrl, appToken, operator: operatorOf(await appToken()) };
}

/** The app's service principal and tenant, from its own token's claims (`oid`, `tid`). */
function operatorOf(token: string): AdminIdentity {
  const claims = decodeJwt(token);
  const id = typeof claims.oid === 'string' ? claims.oid : undefined;
  if (id === undefined) throw new AppError('AppIdentityMissing', 'the app token names no object id');
  return {
    id,
    tenantId: typeof claims.tid === 'string' ? claims.tid : undefined,
    displayName: 'command line',
  };
}

/** Resolves when something answers HTTP at the emulator's address. */
async function requireEmulator(url: string): Promise<void> {
  try {
    const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(EMULATOR_PROBE_MS) });
    await response.arrayBuffer();
  } catch (cause) {
    throw new AppError('EmulatorUnreachable', `nothing answers at ${url}`, { cause });
  }
}
