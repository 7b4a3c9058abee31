/**
 * Runs in a child process of the benchmark, so its memory figures are its own: starts a photo pool, warms every
 * worker, then runs `jobs` jobs of one input at once and reports the peak RSS above the warm baseline and the
 * main thread's longest event-loop block meanwhile.
 * Usage: node rss-probe.js <input file> <jobs> <pool size>
 */
import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PhotoWorkerPool } from '../src/photo/worker-pool.js';

const [file, jobsText, sizeText] = process.argv.slice(2);
const jobs = Number(jobsText);
const size = Number(sizeText);
const input = await readFile(file ?? '');
const warmInput = await readFile(new URL('../../test/fixtures/quadrants-480x360.heic', import.meta.url));

const pool = new PhotoWorkerPool({ size, queueLimit: 64, jobTimeoutMs: 120_000 });
// Warm every worker: threads started, and the codecs of both inputs loaded and compiled (they load on first use).
await Promise.all(Array.from({ length: size }, () => pool.run(warmInput)));
await Promise.all(Array.from({ length: size }, () => pool.run(input)));
const baseline = process.memoryUsage.rss();

let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 5);
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const started = performance.now();
await Promise.all(Array.from({ length: jobs }, () => pool.run(input)));
const elapsedMs = performance.now() - started;
delay.disable();
clearInterval(sampler);
peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
await pool.close();

process.stdout.write(
  JSON.stringify({
    jobs,
    poolSize: size,
    baselineMb: baseline / 2 ** 20,
    peakAboveBaselineMb: (peak - baseline) / 2 ** 20,
    maxEventLoopBlockMs: delay.max / 1e6,
    elapsedMs,
  }),
);
