/**
 * `npm run bench`: the photo pipeline against its targets, with sharp (a dev dependency, never imported by src/)
 * doing the same job in the same run as the reference. Prints a table and writes bench/results.json.
 */
import { execFile } from 'node:child_process';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { areaResample } from '../src/photo/area-resample.js';
import { decodeImage, encodeJpeg } from '../src/photo/codecs.js';
import { sniffFormat } from '../src/photo/image-format.js';
import { readImageHeader } from '../src/photo/image-header.js';
import { FACE_ANALYSIS_SIDE, faceDetector } from '../src/photo/face-detector.js';
import { preparePhoto } from '../src/photo/photo-pipeline.js';
import { ANALYSIS_SIDE, salientSquare } from '../src/photo/square-crop.js';
import { benchInputs, type BenchInput } from './bench-inputs.js';

const RUNS = 9;
const run = promisify(execFile);

interface Timing {
  medianMs: number;
  p95Ms: number;
  /** Median CPU time of the process (all its threads) per job: steadier than wall time on a busy machine. */
  cpuMs: number;
  outputBytes: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * Times two jobs run in turn (ours, then the reference, RUNS times after a warm-up of each), so both see the same
 * load when the machine is shared; the reference may be missing (sharp cannot read HEIC).
 */
async function compare(
  job: () => Promise<number>,
  reference: () => Promise<number>,
): Promise<{ ours: Timing; sharp: Timing | null }> {
  await job(); // warm-up: codecs compiled, caches filled
  const referenceWorks = await reference().then(
    () => true,
    () => false,
  );
  const samples = { ours: new Samples(), sharp: new Samples() };
  for (let i = 0; i < RUNS; i++) {
    await samples.ours.take(job);
    if (referenceWorks) await samples.sharp.take(reference);
  }
  return { ours: samples.ours.timing(), sharp: referenceWorks ? samples.sharp.timing() : null };
}

class Samples {
  private readonly wall: number[] = [];
  private readonly cpu: number[] = [];
  private outputBytes = 0;

  async take(job: () => Promise<number>): Promise<void> {
    const cpu = process.cpuUsage();
    const started = performance.now();
    this.outputBytes = await job();
    this.wall.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    this.cpu.push((used.user + used.system) / 1000);
  }

  timing(): Timing {
    const wall = [...this.wall].sort((a, b) => a - b);
    const cpu = [...this.cpu].sort((a, b) => a - b);
    return {
      medianMs: percentile(wall, 50),
      p95Ms: percentile(wall, 95),
      cpuMs: percentile(cpu, 50),
      outputBytes: this.outputBytes,
    };
  }
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
  const format = sniffFormat(input.bytes) ?? 'jpeg';
  const opaque = format === 'jpeg';
  const laps: Record<string, number[]> = {};
  for (let i = 0; i <= RUNS; i++) {
    let last = performance.now();
    const lap = (name: string): void => {
      const now = performance.now();
      if (i > 0) (laps[name] ??= []).push(now - last);
      last = now;
    };
    const header = readImageHeader(input.bytes, format);
    lap('header');
    const { image: decoded } = await decodeImage(
      format,
      input.bytes,
      Math.min(header.width, header.height) / 648,
    );
    lap('decode');
    const { width, height } = decoded.bitmap;
    const side = Math.min(width, height);
    const scale = ANALYSIS_SIDE / side;
    const whole = { x: 0, y: 0, width, height };
    const small = areaResample(decoded, whole, Math.round(width * scale), Math.round(height * scale), {
      opaque,
      step: Math.max(1, Math.floor(1 / scale / 2)),
    });
    lap('analysis copy');
    const square = await salientSquare(small);
    lap('smartcrop');
    const x = Math.min(width - side, Math.round((square.x * width) / small.bitmap.width));
    // The orientation is folded into the resampling pass: no separate rotation step.
    const photo = areaResample(decoded, { x, y: 0, width: side, height: side }, 648, 648, {
      opaque,
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

/**
 * The whole `profile-photo prepare` process (start-up, module loading, codec compilation, the job, writing the
 * file) against a sharp script doing the same job as its own process: medians of RUNS after a warm-up each.
 */
async function processTimes(file: string): Promise<{ cliMs: number; sharpMs: number; ratio: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'photo-bench-'));
  const cli = new URL('../../dist/cli/main.js', import.meta.url).pathname;
  const script = new URL('./sharp-prepare.js', import.meta.url).pathname;
  const once = async (args: string[]): Promise<number> => {
    const started = performance.now();
    await run(process.execPath, args);
    return performance.now() - started;
  };
  const ours = [cli, 'prepare', file, path.join(dir, 'ours.jpg')];
  const theirs = [script, file, path.join(dir, 'sharp.jpg')];
  try {
    await once(ours); // warm-up: file cache
    await once(theirs);
    // Alternated, so both see the same load on a shared machine.
    const cliTimes: number[] = [];
    const sharpTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      cliTimes.push(await once(ours));
      sharpTimes.push(await once(theirs));
    }
    const median = (times: number[]): number =>
      percentile(
        times.sort((a, b) => a - b),
        50,
      );
    const cliMs = median(cliTimes);
    const sharpMs = median(sharpTimes);
    return { cliMs, sharpMs, ratio: cliMs / sharpMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
interface Row {
  input: string;
  inputBytes: number;
  ours: Timing;
  sharp: Timing | null;
  ratio: number | null;
}
const rows: Row[] = [];
for (const input of inputs) {
  // sharp's prebuilt libvips has no HEVC decoder, so it has no figure for HEIC.
  const { ours: mine, sharp: theirs } = await compare(ours(input), reference(input));
  rows.push({
    input: input.name,
    inputBytes: input.bytes.length,
    ours: mine,
    sharp: theirs,
    ratio: theirs ? mine.medianMs / theirs.medianMs : null,
  });
}
// Face detection: what it adds to a job (the same input with and without it, in turn), and the detector alone.
const faceFixture = (name: string): Promise<Buffer> =>
  readFile(new URL(`../../test/fixtures/faces/${name}`, import.meta.url));
const faceInputs: BenchInput[] = [
  ...inputs.filter((input) => input.name !== '12 MP HEIC'),
  { name: 'one face (512x512 JPEG)', bytes: await faceFixture('one-face.jpg') },
  { name: 'group of three (1200x800 JPEG)', bytes: await faceFixture('several-faces.jpg') },
  { name: 'wide shot, face 1/12 (960x640 JPEG)', bytes: await faceFixture('wide-shot.jpg') },
];
interface FaceRow {
  input: string;
  method: string;
  faces: number;
  withFacesMs: number;
  withoutFacesMs: number;
  addedMs: number;
}
const faceRows: FaceRow[] = [];
for (const input of faceInputs) {
  const found = await preparePhoto(input.bytes);
  const timing = await compare(
    async () => (await preparePhoto(input.bytes)).bytes,
    async () => (await preparePhoto(input.bytes, { detectFaces: false })).bytes,
  );
  const without = timing.sharp?.medianMs ?? NaN;
  faceRows.push({
    input: input.name,
    method: found.crop.method,
    faces: found.faces.length,
    withFacesMs: timing.ours.medianMs,
    withoutFacesMs: without,
    addedMs: timing.ours.medianMs - without,
  });
}
const detector = await faceDetector();
const detectorSamples = new Samples();
const blank = { width: FACE_ANALYSIS_SIDE, height: 469, data: new Uint8Array(FACE_ANALYSIS_SIDE * 469 * 4) };
if (detector)
  for (let i = 0; i < RUNS; i++)
    await detectorSamples.take(async () => (await detector.detect(blank)).length);
const detectorMs = detector ? detectorSamples.timing().medianMs : NaN;

const phoneFile = new URL('./inputs/phone-4032x3024-o6.jpg', import.meta.url).pathname;
const stepTimes: Record<string, Record<string, number>> = {};
for (const input of inputs) stepTimes[input.name] = await steps(input);
const prepareProcess = await processTimes(phoneFile);
const defaultPool = Math.max(1, availableParallelism() - 1);
const memory = {
  oneJob: await probe(phoneFile, 1, 1),
  eightJobsDefaultPool: await probe(phoneFile, 8, defaultPool),
  eightJobsEightWorkers: await probe(phoneFile, 8, 8),
};

const phoneRatio = rows[0]!.ratio ?? NaN;
const ratioOf = (name: string): number => rows.find((row) => row.input === name)?.ratio ?? NaN;
const smallRatio = ratioOf('2 MP JPEG');
const pngRatio = ratioOf('4K PNG screenshot with alpha');
const maxBlock = Math.max(
  memory.eightJobsDefaultPool.maxEventLoopBlockMs!,
  memory.eightJobsEightWorkers.maxEventLoopBlockMs!,
);
const targets = {
  'event-loop block < 50 ms while 8 jobs run': { value: maxBlock, met: maxBlock < 50 },
  '12 MP JPEG within 2x of sharp': { value: phoneRatio, met: phoneRatio <= 2 },
  '2 MP JPEG within 4x of sharp': { value: smallRatio, met: smallRatio <= 4 },
  '4K PNG within 3x of sharp': { value: pngRatio, met: pngRatio <= 3 },
  'profile-photo prepare process within 2x of a sharp script': {
    value: prepareProcess.ratio,
    met: prepareProcess.ratio <= 2,
  },
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
  `Photo pipeline benchmark: node ${process.version}, ${cpus().length} CPUs, ${RUNS} runs after a warm-up, ours and sharp in turn\n`,
);
console.log(
  'input                                  |  ours median   p95 |  sharp median   p95 | ratio | CPU ms ours/sharp | out bytes (ours/sharp)',
);
for (const row of rows) {
  const sharpCells = row.sharp
    ? `${fmt(row.sharp.medianMs)} ms ${fmt(row.sharp.p95Ms)} | ${(row.ratio ?? NaN).toFixed(1).padStart(5)}`
    : '   (no HEVC in sharp) |     -';
  const cpuCells = `${fmt(row.ours.cpuMs)} / ${row.sharp ? fmt(row.sharp.cpuMs) : '     -'}`.padEnd(17);
  console.log(
    `${row.input.padEnd(38)} | ${fmt(row.ours.medianMs)} ms ${fmt(row.ours.p95Ms)} | ${sharpCells} | ${cpuCells} | ${row.ours.outputBytes} / ${row.sharp?.outputBytes ?? '-'}`,
  );
}
console.log(
  `\nFace detection (median ms of a whole job with it and without it; the detector alone on a ${FACE_ANALYSIS_SIDE} px copy: ${detectorMs.toFixed(0)} ms):`,
);
for (const row of faceRows) {
  console.log(
    `  ${row.input.padEnd(38)} ${row.method.padEnd(8)} ${String(row.faces).padStart(2)} faces | with ${fmt(row.withFacesMs)} | without ${fmt(row.withoutFacesMs)} | added ${fmt(row.addedMs)}`,
  );
}
console.log('\nSteps (median ms):');
for (const [name, times] of Object.entries(stepTimes)) {
  console.log(
    `  ${name.padEnd(38)} ${Object.entries(times)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')}`,
  );
}
console.log(
  `\nWhole process, 12 MP JPEG (median of ${RUNS}): profile-photo prepare ${prepareProcess.cliMs.toFixed(0)} ms, sharp script ${prepareProcess.sharpMs.toFixed(0)} ms, ratio ${prepareProcess.ratio.toFixed(2)}`,
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
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, runs: RUNS, rows, faces: { detectorMs, rows: faceRows }, steps: stepTimes, prepareProcess, memory, targets }, null, 2)}\n`,
);
