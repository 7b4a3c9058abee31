import { describe, expect, it } from '@jest/globals';
import { PrepareAhead } from '../../dist/admin/prepare-ahead.js';
import type { PreparedPhoto } from '../../dist/photo/photo-pipeline.js';

/** A preparer that records which items it was asked for and holds each answer until released. */
function recordingPreparer() {
  const asked: number[] = [];
  const release = new Map<number, () => void>();
  const prepare = (item: number): Promise<PreparedPhoto> => {
    asked.push(item);
    return new Promise((resolve, reject) => {
      release.set(item, () => {
        if (item < 0) reject(new Error(`cannot prepare ${item}`));
        else resolve({ jpeg: new Uint8Array([item]) } as unknown as PreparedPhoto);
      });
    });
  };
  return { asked, release, prepare };
}

describe('PrepareAhead', () => {
  it('prepares the next items while the taken ones are used, never more than its depth ahead', async () => {
    const { asked, release, prepare } = recordingPreparer();
    const ahead = new PrepareAhead([1, 2, 3, 4, 5, 6], 2, prepare);
    const first = ahead.take(1);
    // Item 1 now, and 2 and 3 ahead: no more than the depth.
    expect(asked).toEqual([1, 2, 3]);
    release.get(1)?.();
    expect((await first).jpeg).toEqual(new Uint8Array([1]));
    void ahead.take(2);
    // 2 was ready to take: only one new item is started, keeping two ahead.
    expect(asked).toEqual([1, 2, 3, 4]);
  });

  it('prepares each item once, whether it was started ahead or not', () => {
    const { asked, prepare } = recordingPreparer();
    const ahead = new PrepareAhead([1, 2, 3, 4], 1, prepare);
    // Lanes may take items out of order (several run at once): an item already in a lane is never prepared ahead.
    void ahead.take(1);
    void ahead.take(3);
    void ahead.take(2);
    void ahead.take(4);
    expect([...asked].sort()).toEqual([1, 2, 3, 4]);
  });

  it("hands a failed preparation to the item's own take, not to anyone else", async () => {
    const { release, prepare } = recordingPreparer();
    const ahead = new PrepareAhead([1, -2, 3], 2, prepare);
    const one = ahead.take(1);
    release.get(-2)?.();
    release.get(1)?.();
    await expect(one).resolves.toBeDefined();
    await expect(ahead.take(-2)).rejects.toThrow('cannot prepare -2');
  });

  it('starts nothing more once cleared', () => {
    const { asked, prepare } = recordingPreparer();
    const ahead = new PrepareAhead([1, 2, 3, 4], 1, prepare);
    void ahead.take(1);
    ahead.clear();
    void ahead.take(2);
    expect(asked).toEqual([1, 2, 2]);
  });
});
