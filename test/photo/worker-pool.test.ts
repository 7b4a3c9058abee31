import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
// The pool runs the compiled worker, as `npm start` does: import the compiled pool too.
import { PhotoWorkerPool } from '../../dist/photo/worker-pool.js';
import { encodeJpeg, encodePng, photoLike } from '../helpers/images.js';

const hangingWorker = new URL('../fixtures/workers/hanging-photo-worker.mjs', import.meta.url);
const HANG = Buffer.from('HANG and never come back');

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown }).code;
}

describe('PhotoWorkerPool', () => {
  let pool: PhotoWorkerPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('prepares photos on worker threads', async () => {
    pool = new PhotoWorkerPool({ size: 2, queueLimit: 8, jobTimeoutMs: 30_000 });
    const input = await encodeJpeg(photoLike(1200, 900));
    const photos = await Promise.all([pool.run(input), pool.run(input, { size: 200 }), pool.run(input)]);
    expect(photos.map((photo) => photo.width)).toEqual([648, 200, 648]);
    expect(await sharp(photos[0].jpeg).metadata()).toMatchObject({
      format: 'jpeg',
      width: 648,
      height: 648,
    });
    expect(pool.stats()).toEqual({ workers: 2, running: 0, queued: 0, started: 2 });
  });

  it("frames faces found on the photo worker's own face thread, and a photo without one on its salient square", async () => {
    pool = new PhotoWorkerPool({ size: 1, queueLimit: 8, jobTimeoutMs: 30_000 });
    const fixture = (name: string): Promise<Buffer> =>
      readFile(new URL(`../fixtures/faces/${name}`, import.meta.url));
    const [group, none] = await Promise.all([
      pool.run(await fixture('several-faces.jpg')),
      pool.run(await fixture('no-face.jpg')),
    ]);
    expect(group.faces).toHaveLength(3);
    expect(group.crop.method).toBe('face');
    expect(none.facesLookedFor).toBe(true);
    expect(none.faces).toEqual([]);
    expect(none.crop.method).toBe('salient');
  });

  it('brings refusals back with their codes', async () => {
    pool = new PhotoWorkerPool({ size: 1, queueLimit: 8, jobTimeoutMs: 30_000 });
    await expect(pool.run(Buffer.from('not an image at all, just text'))).rejects.toMatchObject({
      code: 'UnsupportedImage',
      name: 'PhotoError',
    });
    await expect(pool.run(await encodePng(photoLike(400, 50)))).rejects.toMatchObject({
      code: 'ImageTooSmall',
    });
  });

  it('stops a stuck job, replaces its worker, and goes on with the next job', async () => {
    pool = new PhotoWorkerPool({ size: 1, queueLimit: 8, jobTimeoutMs: 1_500, workerUrl: hangingWorker });
    const input = await encodeJpeg(photoLike(800, 600));
    const stuck = pool.run(HANG);
    // Without faces: a fresh worker's first face detection loads the model and compiles its kernels (about a second
    // on a loaded machine), which is not what this test times.
    const queued = pool.run(input, { detectFaces: false });
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });
    expect(codeOf(await stuck.catch((error: unknown) => error))).toBe('ImageProcessingTimeout');
    // The queued job runs on a fresh worker: the stuck one could never have answered.
    await expect(queued).resolves.toMatchObject({ width: 600 });
    expect(pool.stats()).toEqual({ workers: 1, running: 0, queued: 0, started: 2 });
  });

  it('refuses a job beyond the queue limit with ServerBusy', async () => {
    pool = new PhotoWorkerPool({ size: 1, queueLimit: 2, jobTimeoutMs: 1_000, workerUrl: hangingWorker });
    const accepted = [pool.run(HANG), pool.run(HANG), pool.run(HANG)];
    await expect(pool.run(HANG)).rejects.toMatchObject({ code: 'ServerBusy' });
    expect(pool.stats()).toMatchObject({ running: 1, queued: 2 });
    const outcomes = await Promise.all(accepted.map((job) => job.catch(codeOf)));
    expect(outcomes).toEqual(['ImageProcessingTimeout', 'ImageProcessingTimeout', 'ImageProcessingTimeout']);
  });

  it('finishes running and queued jobs on close, and refuses new ones', async () => {
    pool = new PhotoWorkerPool({ size: 1, queueLimit: 4, jobTimeoutMs: 30_000 });
    const input = await encodeJpeg(photoLike(800, 600));
    const jobs = [pool.run(input), pool.run(input)];
    const closing = pool.close();
    await expect(pool.run(input)).rejects.toMatchObject({ code: 'ServerBusy' });
    await expect(Promise.all(jobs)).resolves.toHaveLength(2);
    await closing;
    expect(pool.stats()).toEqual({ workers: 0, running: 0, queued: 0, started: 1 });
  });
});
