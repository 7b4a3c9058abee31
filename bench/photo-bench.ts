/**
 * `npm run bench`: the photo pipeline against its targets, with sharp (a dev dependency, never imported by src/)
 * doing the same job in the same run as the reference. Prints a table and writes bench/results.json.
 */
import { execFile } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { areaResample } from '../src/photo/area-resample.js';
import { decodeImage, encodeJpeg } from '../src/photo/codecs.js';
import { readImageHeader } from '../src/photo/image-header.js';
import { preparePhoto } from '../src/photo/photo-pipeline.js';
import { ANALYSIS_SIDE, salientSquare } from '../src/photo/square-crop.js';
import { benchInputs, type BenchInput } from './bench-inputs.js';

const RUNS = 9;
const run = promisify(execFile);

interface Timing {
  medianMs: number;
  p95Ms: number;
  outputBytes: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function time(job: () => Promise<number>): Promise<Timing> {
  await job(); // warm-up: codecs compiled, caches filled
  const times: number[] = [];
  let outputBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    outputBytes = await job();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: percentile(times, 50), p95Ms: percentile(times, 95), outputBytes };
}

const ours = (input: BenchInput) => async () => (await preparePhoto(input.bytes)).bytes;
const reference = (input: BenchInput) => async () =>
  (
    await sharp(input.bytes)
      .rotate()
      .resize(648, 648, { fit: 'cover' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 88 })
      .toBuffer()
  ).length;

/** Each step of the pipeline on one input, to show where the time goes (medians of RUNS). */
async function steps(input: BenchInput): Promise<Record<string, number>> {
  const laps: Record<string, number[]> = {};
  for (let i = 0; i <= RUNS; i++) {
    let last = performance.now();
    const lap = (name: string): void => {
      const now = performance.now();
      if (i > 0) (laps[name] ??= []).push(now - last);
      last = now;
    };
    const header = readImageHeader(input.bytes, 'jpeg');
    lap('header');
    const { image: decoded } = await decodeImage(
      'jpeg',
      input.bytes,
      Math.floor(Math.min(header.width, header.height) / 648),
    );
    lap('decode');
    const { width, height } = decoded.bitmap;
    const side = Math.min(width, height);
    const scale = ANALYSIS_SIDE / side;
    const whole = { x: 0, y: 0, width, height };
    const small = areaResample(decoded, whole, Math.round(width * scale), Math.round(height * scale), {
      opaque: true,
      step: Math.max(1, Math.floor(1 / scale / 3)),
    });
    lap('analysis copy');
    const square = await salientSquare(small);
    lap('smartcrop');
    const x = Math.min(width - side, Math.round((square.x * width) / small.bitmap.width));
    // The orientation is folded into the resampling pass: no separate rotation step.
    const photo = areaResample(decoded, { x, y: 0, width: side, height: side }, 648, 648, {
      opaque: true,
      orientation: header.orientation,
    });
    lap('area resample (turned upright)');
    encodeJpeg(photo, { quality: 88 });
    lap('encode');
  }
  return Object.fromEntries(
    Object.entries(laps).map(([name, values]) => [
      name,
      percentile(
        [...values].sort((a, b) => a - b),
        50,
      ),
    ]),
  );
}

async function probe(file: string, jobs: number, poolSize: number): Promise<Record<string, number>> {
  const script = new URL('./rss-probe.js', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, [script, file, String(jobs), String(poolSize)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Record<string, number>;
}

const fmt = (ms: number): string => ms.toFixed(0).padStart(6);

const inputs = await benchInputs();
const rows = [];
for (const input of inputs) {
  const mine = await time(ours(input));
  // sharp's prebuilt libvips has no HEVC decoder, so it has no figure for HEIC.
  const theirs = await time(reference(input)).catch(() => null);
  rows.push({
    input: input.name,
    inputBytes: input.bytes.length,
    ours: mine,
    sharp: theirs,
    ratio: theirs ? mine.medianMs / theirs.medianMs : null,
  });
}
const phone = inputs[0]!;
const phoneFile = new URL('./inputs/phone-4032x3024-o6.jpg', import.meta.url).pathname;
const stepTimes = await steps(phone);
const defaultPool = Math.max(1, availableParallelism() - 1);
const memory = {
  oneJob: await probe(phoneFile, 1, 1),
  eightJobsDefaultPool: await probe(phoneFile, 8, defaultPool),
  eightJobsEightWorkers: await probe(phoneFile, 8, 8),
};

const phoneRatio = rows[0]!.ratio ?? NaN;
const maxBlock = Math.max(
  memory.eightJobsDefaultPool.maxEventLoopBlockMs!,
  memory.eightJobsEightWorkers.maxEventLoopBlockMs!,
);
const targets = {
  'event-loop block < 50 ms while 8 jobs run': { value: maxBlock, met: maxBlock < 50 },
  '12 MP JPEG within 3x of sharp': { value: phoneRatio, met: phoneRatio <= 3 },
  'one 12 MP job < 250 MB above baseline': {
    value: memory.oneJob.peakAboveBaselineMb!,
    met: memory.oneJob.peakAboveBaselineMb! < 250,
  },
  '8 concurrent jobs < 1 GB (8 workers)': {
    value: memory.eightJobsEightWorkers.peakAboveBaselineMb!,
    met: memory.eightJobsEightWorkers.peakAboveBaselineMb! < 1024,
  },
};

console.log(
  `Photo pipeline benchmark: node ${process.version}, ${cpus().length} CPUs, ${RUNS} runs after a warm-up\n`,
);
console.log(
  'input                                  |  ours median   p95 |  sharp median   p95 | ratio | out bytes (ours/sharp)',
);
for (const row of rows) {
  const sharpCells = row.sharp
    ? `${fmt(row.sharp.medianMs)} ms ${fmt(row.sharp.p95Ms)} | ${(row.ratio ?? NaN).toFixed(1).padStart(5)}`
    : '   (no HEVC in sharp) |     -';
  console.log(
    `${row.input.padEnd(38)} | ${fmt(row.ours.medianMs)} ms ${fmt(row.ours.p95Ms)} | ${sharpCells} | ${row.ours.outputBytes} / ${row.sharp?.outputBytes ?? '-'}`,
  );
}
console.log(
  `\nSteps for the 12 MP JPEG (median ms): ${Object.entries(stepTimes)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ')}`,
);
console.log('\nMemory and event loop (12 MP JPEG through the worker pool, separate process each):');
for (const [name, m] of Object.entries(memory)) {
  console.log(
    `  ${name.padEnd(22)} pool ${m.poolSize}, jobs ${m.jobs}: peak RSS +${m.peakAboveBaselineMb!.toFixed(0)} MB over ${m.baselineMb!.toFixed(0)} MB, longest event-loop block ${m.maxEventLoopBlockMs!.toFixed(1)} ms, ${m.elapsedMs!.toFixed(0)} ms in all`,
  );
}
console.log('\nTargets:');
for (const [name, target] of Object.entries(targets)) {
  console.log(`  ${target.met ? 'met    ' : 'NOT MET'}  ${name}: ${target.value.toFixed(1)}`);
}

await writeFile(
  new URL('../../bench/results.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, runs: RUNS, rows, steps: stepTimes, memory, targets }, null, 2)}\n`,
);
