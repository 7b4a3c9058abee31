/**
 * The bot under load, in local mode: 20 senders each send a 12 MP phone photo at once; for each, the time from
 * the activity POST to the reply card at the (fake) Bot Connector, and the main event loop's longest block
 * meanwhile. Adds a `bot` section to bench/results.json.
 *
 * The longest block is measured two ways. `maxEventLoopBlockMs` is wall-clock (`monitorEventLoopDelay`): what a
 * request waiting behind the block feels, but it also counts time the main thread was not running at all because
 * other processes had the CPU. `maxMainThreadCpuBlockMs` is the main thread's own CPU time between two turns of a
 * 2 ms timer (Linux `/proc/<pid>/task/<pid>/schedstat`), so it is the work the bot itself does in one go, whatever
 * else the machine runs; `null` where /proc is not there. The target (< 50 ms) applies to both on a quiet machine,
 * and to the CPU figure on a busy one.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { SEED_DIRECTORY } from '../src/emulator/seed-directory.js';
import { silentLogger } from '../src/logger.js';
import { benchInputs } from './bench-inputs.js';

const SENDERS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * The main thread's longest stretch of CPU time between two turns of a 2 ms timer, in ms; `null` without Linux's
 * per-thread scheduler statistics. The main thread's task id is the process id.
 */
function mainThreadCpuBlocks(): { stop(): number | null } {
  const file = `/proc/${process.pid}/task/${process.pid}/schedstat`;
  const cpuNs = (): number | null => {
    try {
      return Number(readFileSync(file, 'utf8').split(' ')[0]);
    } catch {
      return null;
    }
  };
  let last = cpuNs();
  if (last === null) return { stop: () => null };
  let max = 0;
  const timer = setInterval(() => {
    const now = cpuNs() ?? 0;
    max = Math.max(max, now - (last ?? now));
    last = now;
  }, 2);
  return {
    stop() {
      clearInterval(timer);
      return max / 1e6;
    },
  };
}

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const [phone] = await benchInputs();
const dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-bot-bench-'));
const senders = Array.from({ length: SENDERS }, (_, i) => `bench-user-${i + 1}`);
await mkdir(path.join(dataDir, 'emulator'), { recursive: true });
await writeFile(
  path.join(dataDir, 'emulator', 'directory.json'),
  JSON.stringify({
    ...SEED_DIRECTORY,
    users: [
      ...SEED_DIRECTORY.users,
      ...senders.map((id, i) => ({
        id,
        userPrincipalName: `bench${i + 1}@example.com`,
        displayName: `Bench ${i + 1}`,
      })),
    ],
  }),
);
const app = await startApp(
  // The bench's phone photos hold no face: with the default quality warnings the reply would be the warning card and
  // no photo would be set. Off, every reply is the change's own card (backup, write, read-back).
  loadConfig({ PORT: '0', GRAPH_EMULATOR_PORT: '0', DATA_DIR: dataDir, QUALITY_CHECKS: 'off' }),
  silentLogger,
);

// Teams' attachment service, on a thread of its own: sending 20 x 6 MB is the service's work, not the bot's, and
// must not be counted as the bot's event loop. It answers as Teams does, with a content-length.
const files = new Worker(
  `
  const { createServer } = require('node:http');
  const { parentPort, workerData } = require('node:worker_threads');
  const photo = Buffer.from(workerData);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(photo.byteLength) });
    res.end(photo);
  });
  server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
  parentPort.on('message', () => server.close(() => process.exit(0)));
  `,
  { eval: true, workerData: phone!.bytes },
);
const filesPort = await new Promise<number>((resolve) => files.once('message', resolve));
const cardAt = new Map<string, number>();
const connector = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
      conversation?: { id?: string };
      attachments?: unknown[];
    };
    const conversation = decodeURIComponent((req.url ?? '').split('/')[3] ?? activity.conversation?.id ?? '');
    if (activity.attachments?.length) cardAt.set(conversation, performance.now());
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"1"}');
  });
});
const fileUrl = `http://127.0.0.1:${filesPort}/phone.jpg`;
const serviceUrl = await listen(connector);

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const cpuBlocks = mainThreadCpuBlocks();
const postedAt = new Map<string, number>();
await Promise.all(
  senders.map(async (id) => {
    const conversation = `a:bench-${id}`;
    postedAt.set(conversation, performance.now());
    await fetch(`${app.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `m-${id}`,
        channelId: 'msteams',
        serviceUrl,
        from: { id: `29:${id}`, aadObjectId: id },
        recipient: { id: '28:bot' },
        conversation: { id: conversation, conversationType: 'personal' },
        locale: 'en-US',
        attachments: [{ contentType: 'image/*', contentUrl: fileUrl }],
      }),
    });
  }),
);
const deadline = performance.now() + 180_000;
while (cardAt.size < SENDERS && performance.now() < deadline)
  await new Promise((resolve) => setTimeout(resolve, 50));
delay.disable();
const maxMainThreadCpuBlockMs = cpuBlocks.stop();
await app.close();
files.postMessage('close');
await new Promise((resolve) => files.once('exit', resolve));
connector.close();
await rm(dataDir, { recursive: true, force: true });

const times = [...cardAt.entries()]
  .map(([conversation, at]) => at - (postedAt.get(conversation) ?? at))
  .sort((a, b) => a - b);
const bot = {
  senders: SENDERS,
  cards: times.length,
  medianMs: percentile(times, 50),
  p95Ms: percentile(times, 95),
  maxEventLoopBlockMs: delay.max / 1e6,
  maxMainThreadCpuBlockMs,
  poolSize: loadConfig({}).photo.poolSize,
};
console.log(
  `\nBot, local mode, ${SENDERS} senders each sending the 12 MP photo at once: ${bot.cards} cards, POST to card median ${bot.medianMs.toFixed(0)} ms, p95 ${bot.p95Ms.toFixed(0)} ms, longest event-loop block ${bot.maxEventLoopBlockMs.toFixed(1)} ms (main thread's CPU in one go: ${bot.maxMainThreadCpuBlockMs?.toFixed(1) ?? 'n/a'} ms; photo pool of ${bot.poolSize})`,
);
const resultsFile = new URL('../../bench/results.json', import.meta.url);
const results = JSON.parse(await readFile(resultsFile, 'utf8').catch(() => '{}')) as Record<string, unknown>;
await writeFile(resultsFile, `${JSON.stringify({ ...results, bot }, null, 2)}\n`);
if (bot.cards < SENDERS) process.exitCode = 1;
