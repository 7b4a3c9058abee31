import {
  MAX_SPARE_BYTES,
  MAX_SPARES,
  adoptPixels,
  givePixels,
  takePixels,
} from '../../src/photo/pixel-buffers.js';

/** Takes every spare there is, so each test starts from none. */
function drain(): void {
  for (let i = 0; i < MAX_SPARES + 1; i++) takePixels(1);
}

describe('pixel buffers', () => {
  beforeEach(drain);

  it('reuses a buffer given back for the next picture that fits, and a fresh one otherwise', () => {
    const first = takePixels(1000);
    first.fill(7);
    givePixels(first);
    const again = takePixels(600);
    expect(again.buffer).toBe(first.buffer);
    expect(again.length).toBe(600);
    const larger = takePixels(2000);
    expect(larger.buffer).not.toBe(first.buffer);
    expect(larger.every((value) => value === 0)).toBe(true);
  });

  it('keeps the smallest spare that fits for a small picture, the large one for a large picture', () => {
    const small = takePixels(100);
    const large = takePixels(10_000);
    givePixels(large);
    givePixels(small);
    expect(takePixels(50).buffer).toBe(small.buffer);
    expect(takePixels(5_000).buffer).toBe(large.buffer);
  });

  it('never keeps pixels it did not hand out, nor one buffer twice', () => {
    const foreign = new Uint8Array(1000);
    givePixels(foreign);
    expect(takePixels(10).buffer).not.toBe(foreign.buffer);
    const ours = takePixels(1000);
    givePixels(ours);
    givePixels(ours);
    expect(takePixels(10).buffer).toBe(ours.buffer);
    expect(takePixels(10).buffer).not.toBe(ours.buffer);
  });

  it('adopts a buffer that came back from another thread as a spare', () => {
    const returned = new ArrayBuffer(500);
    adoptPixels(returned);
    expect(takePixels(400).buffer).toBe(returned);
  });

  it('keeps at most MAX_SPARES buffers and MAX_SPARE_BYTES in all, the largest first', () => {
    const buffers = Array.from({ length: MAX_SPARES + 1 }, (_, i) => takePixels(1000 * (i + 1)));
    for (const buffer of buffers) givePixels(buffer);
    const kept = new Set(Array.from({ length: MAX_SPARES + 1 }, () => takePixels(1).buffer));
    expect(kept.has(buffers[0]!.buffer)).toBe(false); // the smallest went
    for (const buffer of buffers.slice(1)) expect(kept.has(buffer.buffer)).toBe(true);

    drain();
    const huge = takePixels(MAX_SPARE_BYTES + 1);
    givePixels(huge);
    expect(takePixels(1).buffer).not.toBe(huge.buffer);
  });
});
