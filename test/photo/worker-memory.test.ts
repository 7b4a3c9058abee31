import sharp from 'sharp';
// The pool runs the compiled worker, as `npm start` does: import the compiled pool too.
import { PhotoWorkerPool } from '../../dist/photo/worker-pool.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

const hogWorker = new URL('../fixtures/workers/memory-hog-photo-worker.mjs', import.meta.url);

function encodeWebpSmall(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 300, channels: 3, background: '#3060c0' } })
    .webp()
    .toBuffer();
}

async function outcome(job: Promise<unknown>): Promise<unknown> {
  return job.then(
    () => 'prepared',
    (error: unknown) => `${(error as Error).name}/${String((error as { code?: unknown }).code)}`,
  );
}

describe('photo worker memory', () => {
  let pool: PhotoWorkerPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('ends a job whose worker outgrows its heap with ImageProcessingFailed, and goes on with the next', async () => {
    pool = new PhotoWorkerPool({
      size: 1,
      queueLimit: 4,
      jobTimeoutMs: 60_000,
      workerUrl: hogWorker,
      workerMemoryMb: 96,
    });
    const input = await encodeJpeg(photoLike(800, 600));
    const hog = pool.run(Buffer.from('HOG! fill the heap until something gives'));
    const next = pool.run(input);
    const other = pool.run(input);
    expect(await outcome(hog)).toBe('PhotoError/ImageProcessingFailed');
    // The jobs behind it run on a fresh worker, and this process is still here to see them.
    await expect(next).resolves.toMatchObject({ width: 600 });
    await expect(other).resolves.toMatchObject({ width: 600 });
    expect(pool.stats()).toEqual({ workers: 1, running: 0, queued: 0, started: 2 });
  });

  it("ends a job whose codec's WebAssembly memory would pass the ceiling with ImageProcessingFailed", async () => {
    pool = new PhotoWorkerPool({ size: 1, queueLimit: 4, jobTimeoutMs: 60_000, workerMemoryMb: 64 });
    // 5000x5000 decoded at full size (a 648 px crop allows no reduction) needs 100 MB of RGBA in libjpeg-turbo.
    const large = await sharp({ create: { width: 5000, height: 5000, channels: 3, background: '#3060c0' } })
      .jpeg()
      .toBuffer();
    const small = await encodeJpeg(photoLike(800, 600));
    const crop = { x: 0, y: 0, width: 648, height: 648 };
    const tooLarge = pool.run(large, { crop });
    const after = pool.run(small);
    expect(await outcome(tooLarge)).toBe('PhotoError/ImageProcessingFailed');
    await expect(after).resolves.toMatchObject({ width: 600 });
    // The worker whose codec memory grew to the ceiling was replaced, giving that memory back.
    expect(pool.stats()).toMatchObject({ workers: 1, started: 2 });
    // Reduced by 4 in the DCT domain, the same picture fits.
    await expect(pool.run(large)).resolves.toMatchObject({ width: 648 });
  });

  it('tells a codec that could not grow its memory from a broken file', async () => {
    pool = new PhotoWorkerPool({ size: 1, queueLimit: 4, jobTimeoutMs: 60_000, workerMemoryMb: 64 });
    // libwebp needs 100 MB of RGBA for 5000x5000; at the ceiling it reports only that decoding failed.
    const large = await sharp({ create: { width: 5000, height: 5000, channels: 3, background: '#3060c0' } })
      .webp()
      .toBuffer();
    expect(await outcome(pool.run(large))).toBe('PhotoError/ImageProcessingFailed');
    // A file that is really broken is still called so.
    const broken = Buffer.from(await encodeWebpSmall());
    broken.fill(0x55, 40);
    expect(await outcome(pool.run(broken))).toBe('PhotoError/CorruptImage');
    expect(pool.stats()).toMatchObject({ workers: 1, started: 2 });
  });

  it('prepares a 12 MP photo and a 48 MP one within the default limits', async () => {
    pool = new PhotoWorkerPool({ size: 1, queueLimit: 4, jobTimeoutMs: 120_000 });
    const noisy = { type: 'gaussian', mean: 128, sigma: 40 } as const;
    const twelve = await sharp({
      create: { width: 4032, height: 3024, channels: 3, background: '#000', noise: noisy },
    })
      .jpeg({ quality: 92 })
      .toBuffer();
    const fortyEight = await sharp({
      create: { width: 8000, height: 6000, channels: 3, background: '#806040' },
    })
      .png()
      .toBuffer();
    await expect(pool.run(twelve)).resolves.toMatchObject({ width: 648 });
    // Full size through libjpeg-turbo (an explicit 648 px crop allows no reduction): 48 MB of RGBA.
    await expect(pool.run(twelve, { crop: { x: 0, y: 0, width: 648, height: 648 } })).resolves.toMatchObject({
      width: 648,
    });
    // A 48 MP PNG through jimp's JavaScript decoder: 192 MB of RGBA in Buffers, outside the heap limit.
    await expect(pool.run(fortyEight)).resolves.toMatchObject({ width: 648 });
  }, 180_000);
});
