/**
 * Azurite's Blob (or Queue) service as a child process, for tests: in memory, on a free loopback port, started
 * and stopped by the test itself. It writes no files (its working folder is a fresh temporary one, removed on stop) and
 * talks to nothing but loopback (telemetry off).
 *
 * ```ts
 * let azurite: Azurite;
 * beforeAll(async () => { azurite = await startAzurite(); });
 * afterAll(() => azurite.stop());
 * ```
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Azurite's well-known development account, as published in its README: not a secret. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** A running Azurite Blob service. */
export interface Azurite {
  /** e.g. `http://127.0.0.1:41234/devstoreaccount1` */
  readonly blobEndpoint: string;
  /** A connection string for the development account at {@link blobEndpoint}. */
  readonly connectionString: string;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s) and removes its working folder. */
  stop(): Promise<void>;
}

const LISTENING = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/;
const START_TIMEOUT_MS = 20_000;

/** A service's entry point, from azurite's own package.json, so no shell shim is involved. */
async function serviceBin(service: 'blob' | 'queue'): Promise<string> {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('azurite/package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const bin = manifest.bin[`azurite-${service}`];
  if (bin === undefined) throw new Error(`the installed azurite has no azurite-${service} bin`);
  return path.resolve(path.dirname(manifestPath), bin);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
}

async function kill(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await done;
  clearTimeout(timer);
}

/** A running Azurite Queue service. */
export interface AzuriteQueues {
  /** e.g. `http://127.0.0.1:41235/devstoreaccount1` */
  readonly queueEndpoint: string;
  /** A connection string for the development account with `QueueEndpoint` at {@link queueEndpoint}. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** Starts Azurite's Blob service and resolves once it listens. */
export async function startAzurite(): Promise<Azurite> {
  const { endpoint, stop } = await startService('blob');
  return { blobEndpoint: endpoint, connectionString: connectionStringFor('BlobEndpoint', endpoint), stop };
}

/**
 * Azurite's Blob and Queue services together, with one connection string naming both: what the app needs when its
 * storage is Azure Blob, since bulk jobs then go through an Azure Storage queue of the same account.
 */
export async function startAzuriteStorage(): Promise<Azurite> {
  const [blob, queue] = await Promise.all([startService('blob'), startService('queue')]);
  return {
    blobEndpoint: blob.endpoint,
    connectionString: `${connectionStringFor('BlobEndpoint', blob.endpoint)}QueueEndpoint=${queue.endpoint};`,
    stop: async () => {
      await Promise.all([blob.stop(), queue.stop()]);
    },
  };
}

/** Starts Azurite's Queue service (in memory, like the Blob service) and resolves once it listens. */
export async function startAzuriteQueues(): Promise<AzuriteQueues> {
  const { endpoint, stop } = await startService('queue');
  return { queueEndpoint: endpoint, connectionString: connectionStringFor('QueueEndpoint', endpoint), stop };
}

function connectionStringFor(endpointName: string, endpoint: string): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `${endpointName}=${endpoint};`,
  ].join(';');
}

async function startService(
  service: 'blob' | 'queue',
): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'azurite-'));
  // AZURITE_DB, even empty, switches Azurite to SQL metadata, which refuses in-memory persistence.
  const env = { ...process.env };
  delete env.AZURITE_DB;
  const child = spawn(
    process.execPath,
    [
      await serviceBin(service),
      `--${service}Host`,
      '127.0.0.1',
      `--${service}Port`,
      '0',
      '--inMemoryPersistence',
      ...(service === 'blob' ? ['--extentMemoryLimit', '256'] : []),
      '--silent',
      '--skipApiVersionCheck',
      '--disableTelemetry',
    ],
    { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // If the test process dies without afterAll, do not leave Azurite behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let output = '';
  const remember = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000); // keep draining; remember the tail for errors
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await kill(child);
    await rm(workDir, { recursive: true, force: true });
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        finish(new Error('Azurite did not start in time'));
      }, START_TIMEOUT_MS);
      const onData = () => {
        const match = LISTENING.exec(output);
        if (match) finish(undefined, Number(match[1]));
      };
      const onExit = (code: number | null) => {
        finish(new Error(`Azurite exited early (code ${code})`));
      };
      function finish(error: Error | undefined, found?: number) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        child.off('error', finish);
        if (error) reject(new Error(`${error.message}; its output:\n${output}`));
        else resolve(found as number);
      }
      child.stdout.on('data', onData);
      child.once('exit', onExit);
      child.once('error', finish);
    });
    return { endpoint: `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
