/**
 * Telemetry as `node dist/index.js` boots it, in local mode, on loopback only:
 * - without `APPLICATIONINSIGHTS_CONNECTION_STRING`, no module of `@azure/monitor-opentelemetry` or `@opentelemetry`
 *   is loaded (a module loader hook and, at exit, the CommonJS cache say so);
 * - with one pointing at an ingestion endpoint of this test's own on 127.0.0.1, a request to the bot arrives there
 *   as Application Insights request telemetry, its operation id is the `traceId` on the JSON log line of that
 *   request, and no query string or credential sent with the request is in what was exported.
 * A network guard in the child refuses (and records) any connection to a host other than loopback, so nothing
 * can reach a Microsoft endpoint: the test asserts the record is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { selfSignedCertificate } from '../helpers/self-signed-cert.js';

const INDEX = new URL('../../dist/index.js', import.meta.url).pathname;
const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGV4dyIsImF1ZCI6ImFwaTovL2JvdCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const QUERY_SECRET = 'sig=QUERYSECRET42';

let dir: string;
const file = (name: string): string => path.join(dir, name);

interface Envelope {
  name: string;
  tags?: Record<string, string>;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
}

/**
 * An Application Insights ingestion endpoint of our own, https on `localhost` (the exporter turns http:// into
 * https://), with a certificate made for this run that the child trusts through `NODE_EXTRA_CA_CERTS`: records
 * every envelope posted to `/v2.1/track`.
 */
async function startIngestion(): Promise<{
  server: Server;
  url: string;
  envelopes: Envelope[];
  raw: string[];
}> {
  const envelopes: Envelope[] = [];
  const raw: string[] = [];
  const { cert, key } = selfSignedCertificate(['localhost']);
  await writeFile(file('ingestion-ca.pem'), cert);
  const server = createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const text = body.toString('utf8');
      raw.push(`${req.method ?? ''} ${req.url ?? ''} ${text}`);
      if (req.url?.startsWith('/v2.1/track')) {
        const parsed = JSON.parse(text) as Envelope | Envelope[];
        envelopes.push(...(Array.isArray(parsed) ? parsed : [parsed]));
        res.writeHead(200, { 'content-type': 'application/json' });
        const received = Array.isArray(parsed) ? parsed.length : 1;
        res.end(JSON.stringify({ itemsReceived: received, itemsAccepted: received, errors: [] }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const address = server.address() as { port: number };
  return { server, url: `https://localhost:${address.port}/`, envelopes, raw };
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `node dist/index.js` with only `env` (and PATH), the module recorder and the network guard loaded first;
 * once the banner is out, runs `whileUp(botUrl)`, then stops it with SIGTERM and waits for it to exit.
 */
async function runBot(
  env: Record<string, string>,
  whileUp: (botUrl: string) => Promise<void>,
): Promise<Outcome> {
  const port = await freePort();
  const emulatorPort = await freePort();
  const child = spawn(process.execPath, [INDEX], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      GRAPH_EMULATOR_PORT: String(emulatorPort),
      DATA_DIR: file('data'),
      PHOTO_POOL_SIZE: '1',
      NODE_OPTIONS: `--import=${file('preload.mjs')}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let resolveUp: () => void = () => undefined;
  const up = new Promise<void>((resolve) => (resolveUp = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (stdout.includes('Teams Photo is running')) resolveUp();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const closed = new Promise<Outcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await Promise.race([up, closed]);
  try {
    if (child.exitCode === null) await whileUp(`http://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGTERM');
  }
  const outcome = await closed;
  clearTimeout(timer);
  return outcome;
}

/** A request to the bot: method, path, headers, body; resolves with the status. */
function send(
  url: string,
  method: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res: IncomingMessage) => {
      res.resume();
      res.on('end', () => {
        resolve(res.statusCode ?? 0);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const loadedList = async (): Promise<string[]> => {
  const esm = (await readFile(file('modules.log'), 'utf8').catch(() => '')).split('\n');
  const cjs = (await readFile(file('cjs-modules.log'), 'utf8').catch(() => '')).split('\n');
  return [...esm, ...cjs].filter((line) => line !== '');
};
const telemetryModules = (modules: string[]): string[] =>
  modules.filter((url) => /[/\\]@azure[/\\]monitor-opentelemetry|[/\\]@opentelemetry[/\\]/.test(url));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'teams-photo-telemetry-'));
  // 1. Every ES module the process loads (Node's module.register), 2. the CommonJS cache at exit, 3. a guard
  // that refuses any TCP connection to a host other than loopback, and records it.
  await writeFile(
    file('hook.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(file('modules.log'))}, url + '\\n');
  return next(url, context);
}`,
  );
  await writeFile(
    file('preload.mjs'),
    `import { register, createRequire } from 'node:module';
import { appendFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
register(${JSON.stringify(`file://${file('hook.mjs')}`)});
const require = createRequire(import.meta.url);
process.on('exit', () => {
  writeFileSync(${JSON.stringify(file('cjs-modules.log'))}, Object.keys(require.cache).join('\\n'));
});
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']);
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  let options = args[0];
  if (Array.isArray(options)) options = options[0];
  if (typeof options !== 'object' || options === null) options = { port: args[0], host: args[1] };
  const host = options.path ? 'localhost' : String(options.host ?? 'localhost');
  if (!LOOPBACK.has(host)) {
    appendFileSync(${JSON.stringify(file('outbound.log'))}, host + ':' + String(options.port) + '\\n');
    process.nextTick(() => this.destroy(new Error('non-loopback connection refused by the test')));
    return this;
  }
  return connect.apply(this, args);
};`,
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('telemetry at boot', () => {
  it('is never loaded when APPLICATIONINSIGHTS_CONNECTION_STRING is unset', async () => {
    await rm(file('modules.log'), { force: true });
    await rm(file('cjs-modules.log'), { force: true });
    const outcome = await runBot({}, async (botUrl) => {
      expect(await send(`${botUrl}/healthz`, 'GET')).toBe(200);
    });
    expect(outcome.code).toBe(0);
    const modules = await loadedList();
    // The recorders worked: the app and restify were seen.
    expect(modules.some((url) => url.includes('/dist/app.js'))).toBe(true);
    expect(modules.some((url) => url.includes('/restify/'))).toBe(true);
    expect(telemetryModules(modules)).toEqual([]);
    const telemetryDir = new URL('../../dist/telemetry/', import.meta.url).href;
    expect(modules.filter((url) => url.startsWith(telemetryDir))).toEqual([]);
  }, 90_000);

  it('sends request telemetry to the configured ingestion endpoint, tied to the log line by its trace id, and scrubbed', async () => {
    const ingestion = await startIngestion();
    await rm(file('modules.log'), { force: true });
    await rm(file('outbound.log'), { force: true });
    try {
      const outcome = await runBot(
        {
          APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=${ingestion.url}`,
          // The SDK's own usage reports ("statsbeat") go to a Microsoft endpoint, not to the one configured: off.
          APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
          // Off App Service, the distribution asks the Azure VM metadata service (169.254.169.254) what machine
          // it runs on, as the guard below saw; the bot runs on App Service, which sets this.
          WEBSITE_SITE_NAME: 'teams-photo-test',
          NODE_EXTRA_CA_CERTS: file('ingestion-ca.pem'),
          LOG_FORMAT: 'json',
          LOG_LEVEL: 'info',
        },
        async (botUrl) => {
          expect(
            await send(`${botUrl}/healthz?${QUERY_SECRET}`, 'GET', { authorization: `Bearer ${JWT}` }),
          ).toBe(200);
          // Refused in local mode (not JSON): the refusal is logged inside the request's span.
          expect(
            await send(
              `${botUrl}/api/messages?${QUERY_SECRET}`,
              'POST',
              { 'content-type': 'text/plain', authorization: `Bearer ${JWT}` },
              `hello ${JWT}`,
            ),
          ).toBe(415);
        },
      );
      expect(outcome.code).toBe(0);

      // Loaded, and before the app: the instrumentation must patch http before restify requires it.
      const modules = await loadedList();
      const telemetryAt = modules.findIndex((url) => url.includes('/dist/telemetry/azure-monitor.js'));
      const appAt = modules.findIndex((url) => url.includes('/dist/app.js'));
      expect(telemetryAt).toBeGreaterThanOrEqual(0);
      expect(appAt).toBeGreaterThan(telemetryAt);
      expect(telemetryModules(modules).length).toBeGreaterThan(0);

      const requests = ingestion.envelopes.filter((e) => e.data?.baseType === 'RequestData');
      const refusedRequest = requests.find((e) => e.data?.baseData?.responseCode === '415');
      const health = requests.find((e) => {
        const url = e.data?.baseData?.url;
        return typeof url === 'string' && url.includes('/healthz');
      });
      expect(health).toBeDefined();
      expect(refusedRequest).toBeDefined();

      // The log line of the refusal carries the trace id the exported request has as its operation id.
      const lines = outcome.stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const refusal = lines.find((line) => line.event === 'request refused');
      expect(refusal).toMatchObject({ level: 'warn', outcome: 'refused', code: 'UnsupportedMediaType' });
      expect(refusal?.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(refusedRequest?.tags?.['ai.operation.id']).toBe(refusal?.traceId);

      // Nothing sent with the requests reached the exported telemetry, nor the log.
      const exported = ingestion.raw.join('\n');
      expect(exported).not.toContain('QUERYSECRET42');
      expect(exported).not.toContain('eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9');
      expect(outcome.stdout).not.toContain('eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9');
      // No connection left this machine.
      expect(await readFile(file('outbound.log'), 'utf8').catch(() => '')).toBe('');
    } finally {
      await new Promise((resolve) => ingestion.server.close(resolve));
    }
  }, 120_000);
});
