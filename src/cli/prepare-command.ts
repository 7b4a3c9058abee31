/**
 * `profile-photo prepare <input> <output.jpg> [--size N] [--crop auto|center|x,y,w,h]`: runs the photo pipeline
 * on a file. The output is written to a temporary file and renamed into place, so a refusal leaves no output and
 * an existing file at that path untouched.
 */
import { parseArgs } from 'node:util';
import type { CropRequest, PreparedPhoto } from '../photo/photo-pipeline.js';
import { startFaceThread, stopFaceThread } from '../photo/face-thread.js';
import { MAX_OUTPUT_SIZE, MIN_OUTPUT_SIZE } from '../photo/output-size.js';
import { readCapped, writeAtomically } from './cli-files.js';
import { EXIT, UsageError, type CliIo, type Command } from './command.js';

const usage = `profile-photo prepare <input> <output.jpg> [--size N] [--crop auto|center|x,y,w,h]

Turns an image (JPEG, PNG, GIF, WebP or HEIC) into a profile photo: upright, square, metadata stripped.
  --size N         output side in pixels, ${MIN_OUTPUT_SIZE} to ${MAX_OUTPUT_SIZE} (default ${MAX_OUTPUT_SIZE}); never upscaled
  --crop MODE      auto (default: framed on the faces, else the most salient square), center,
                   or x,y,w,h: a square box in the upright picture's pixels`;

export const prepareCommand: Command = {
  name: 'prepare',
  summary: 'turn an image into a profile-photo JPEG',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { size: { type: 'string' }, crop: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 2) throw new UsageError('prepare needs an input file and an output file');
    const [input, output] = positionals as [string, string];
    const size = values.size === undefined ? MAX_OUTPUT_SIZE : parseSize(values.size);
    const crop = values.crop === undefined ? 'auto' : parseCrop(values.crop);
    // The face thread starts first and loads its detector on the other core while this thread loads the
    // configuration and the pipeline (about 0.2 s of modules) and decodes the file. Should the
    // configuration turn face detection off, the thread is stopped before it is used.
    const wantsFaces = crop !== 'center';
    if (wantsFaces) startFaceThread();
    const [{ loadConfig }, { preparePhoto }] = await Promise.all([
      import('../config.js'),
      import('../photo/photo-pipeline.js'),
    ]);
    const { photo: limits, trust } = loadConfig();
    if (wantsFaces && !trust.faceDetection) await stopFaceThread();

    const bytes = await readCapped(input, limits.maxInputBytes);
    const photo = await preparePhoto(bytes, {
      size,
      crop,
      maxInputBytes: limits.maxInputBytes,
      ...(trust.faceDetection ? {} : { detectFaces: false }),
    });
    await writeAtomically(output, photo.jpeg);
    io.out(describe(output, photo));
    return EXIT.ok;
  },
};

/** `out.jpg: 648x648, 84 KB, crop 312,0,2400,2400 (face)` */
function describe(output: string, photo: PreparedPhoto): string {
  const { x, y, width, height, method } = photo.crop;
  const kb = Math.max(1, Math.round(photo.bytes / 1024));
  return `${output}: ${photo.width}x${photo.height}, ${kb} KB, crop ${x},${y},${width},${height} (${method})`;
}

function parseSize(text: string): number {
  const size = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(size >= MIN_OUTPUT_SIZE && size <= MAX_OUTPUT_SIZE)) {
    throw new UsageError(`--size must be a whole number from ${MIN_OUTPUT_SIZE} to ${MAX_OUTPUT_SIZE}`);
  }
  return size;
}

function parseCrop(text: string): CropRequest {
  if (text === 'auto' || text === 'center') return text;
  const match = /^(\d+),(\d+),(\d+),(\d+)$/.exec(text);
  if (!match) throw new UsageError('--crop takes auto, center, or x,y,w,h in whole pixels');
  const [x, y, width, height] = match.slice(1).map(Number) as [number, number, number, number];
  return { x, y, width, height };
}
