/**
 * How a job's input reaches the worker. By default it is copied, so the caller may use it again; with
 * `transferInput` a buffer the input covers whole is handed over (the bot's fresh download, not copied on the main
 * thread), while a slice of a larger buffer, such as Node's shared pool for small Buffers, is still copied: handing
 * it over would detach memory that other values live in.
 */
// The pool runs the compiled worker, as `npm start` does: import the compiled pool too.
import { PhotoWorkerPool } from '../../dist/photo/worker-pool.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

describe('PhotoWorkerPool input handoff', () => {
  let pool: PhotoWorkerPool;
  let jpeg: Buffer;
  beforeAll(async () => {
    pool = new PhotoWorkerPool({ size: 1, queueLimit: 8, jobTimeoutMs: 30_000 });
    jpeg = await encodeJpeg(photoLike(640, 480, 7));
  });
  afterAll(async () => {
    await pool.close();
  });

  /** The JPEG in an ArrayBuffer of its own. */
  const ownCopy = () => new Uint8Array(jpeg);

  it('copies the input by default: the caller can use it again', async () => {
    const input = ownCopy();
    const photo = await pool.run(input, { size: 120 });
    expect(photo.width).toBe(120);
    expect(input.byteLength).toBe(jpeg.byteLength);
    expect(Buffer.from(input).equals(jpeg)).toBe(true);
  });

  it('hands over a buffer the input covers whole when asked, and the photo is the same', async () => {
    const copied = await pool.run(ownCopy(), { size: 120 });
    const input = ownCopy();
    const handed = await pool.run(input, { size: 120 }, { transferInput: true });
    expect(input.byteLength).toBe(0); // detached: the worker has its memory now
    expect(Buffer.from(handed.jpeg).equals(Buffer.from(copied.jpeg))).toBe(true);
  });

  it('copies a slice of a larger buffer even when asked to hand it over, leaving the rest intact', async () => {
    const larger = new Uint8Array(jpeg.byteLength + 64);
    larger.set(jpeg, 32);
    larger.fill(0xab, 0, 32);
    const input = larger.subarray(32, 32 + jpeg.byteLength);
    const photo = await pool.run(input, { size: 120 }, { transferInput: true });
    expect(photo.width).toBe(120);
    expect(larger.byteLength).toBe(jpeg.byteLength + 64);
    expect(larger.subarray(0, 32).every((byte) => byte === 0xab)).toBe(true);
    expect(Buffer.from(input).equals(jpeg)).toBe(true);
  });
});
