/**
 * The storage contract, as one suite both implementations run (see fs-storage.test.ts and
 * blob-storage.test.ts). Each test gets a fresh, empty location; `open` builds a store instance over it, and
 * calling it again is a restart (a new instance over the same folder or container).
 */
import { randomBytes } from 'node:crypto';
import type { Clock, Storage, StoredItem } from '../../src/storage/index.js';

/** A fresh location; each `open` is a new store instance over it. */
export type OpenStore = (now: Clock) => Storage;

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public time = Date.UTC(2026, 10, 23, 10, 0, 0)) {}
  readonly now: Clock = () => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (item: StoredItem | undefined) =>
  item === undefined ? undefined : new TextDecoder().decode(item.value);

/** True when `actual` holds exactly the bytes of `expected`. */
export function sameBytes(actual: Uint8Array | undefined, expected: Uint8Array): boolean {
  return actual !== undefined && Buffer.compare(Buffer.from(actual), Buffer.from(expected)) === 0;
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown }).code;
}

/** Registers the contract's tests; call it inside a `describe`. */
export function storageContract(newLocation: () => Promise<OpenStore>): void {
  let clock: ManualClock;
  let open: OpenStore;
  let store: Storage;

  beforeEach(async () => {
    clock = new ManualClock();
    open = await newLocation();
    store = open(clock.now);
  });

  it('puts, gets and deletes by key', async () => {
    expect(await store.get('backups/none')).toBeUndefined();
    await store.put('backups/one', bytes('first'), { contentType: 'image/jpeg' });
    const item = await store.get('backups/one');
    expect(text(item)).toBe('first');
    expect(item).toMatchObject({ contentType: 'image/jpeg' });
    expect(item?.expiresAt).toBeUndefined();

    await store.put('backups/plain', bytes('x'));
    expect((await store.get('backups/plain'))?.contentType).toBe('application/octet-stream');

    await store.delete('backups/one');
    expect(await store.get('backups/one')).toBeUndefined();
    await expect(store.delete('backups/one')).resolves.toBeUndefined(); // deleting nothing is fine
  });

  it('overwrites an item whole, metadata included', async () => {
    await store.put('pending/u1', bytes('old value, longer than the new one'), {
      contentType: 'text/plain',
      expiresAt: clock.time + 1000,
    });
    await store.put('pending/u1', bytes('new'));
    const item = await store.get('pending/u1');
    expect(text(item)).toBe('new');
    expect(item?.contentType).toBe('application/octet-stream');
    clock.advance(5000);
    expect(text(await store.get('pending/u1'))).toBe('new'); // the new item has no expiry
  });

  it('lists keys by plain string prefix, sorted', async () => {
    const keys = [
      'audit/2026-11-24/a',
      'audit/2026-11-23/b',
      'audit/2026-11-23/a',
      'auditx',
      'backups/x',
      'a',
      'a/b',
      'a/b/c',
    ];
    for (const key of keys) await store.put(key, bytes(key));
    expect(await store.list('audit/')).toEqual([
      'audit/2026-11-23/a',
      'audit/2026-11-23/b',
      'audit/2026-11-24/a',
    ]);
    expect(await store.list('audit')).toEqual([
      'audit/2026-11-23/a',
      'audit/2026-11-23/b',
      'audit/2026-11-24/a',
      'auditx',
    ]);
    expect(await store.list('audit/2026-11-2')).toHaveLength(3);
    expect(await store.list('audit/2026-11-23/')).toEqual(['audit/2026-11-23/a', 'audit/2026-11-23/b']);
    expect(await store.list('')).toEqual([...keys].sort());
    expect(await store.list('nothing/')).toEqual([]);
    // A key and keys "inside" it live side by side.
    expect(await store.list('a/')).toEqual(['a/b', 'a/b/c']);
    expect(text(await store.get('a/b'))).toBe('a/b');
    expect(text(await store.get('a/b/c'))).toBe('a/b/c');

    await store.delete('audit/2026-11-23/a');
    expect(await store.list('audit/2026-11-23/')).toEqual(['audit/2026-11-23/b']);
  });

  it('creates if absent, and never overwrites', async () => {
    expect(await store.createIfAbsent('leases/x', bytes('first'))).toBe(true);
    expect(await store.createIfAbsent('leases/x', bytes('second'))).toBe(false);
    expect(text(await store.get('leases/x'))).toBe('first');
  });

  it('lets exactly one of 20 concurrent creators win', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.createIfAbsent('leases/race', bytes(`racer ${i}`))),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const winner = outcomes.indexOf(true);
    expect(text(await store.get('leases/race'))).toBe(`racer ${winner}`);
    expect(await store.list('leases/')).toEqual(['leases/race']);
  });

  it('leaves one complete value after 20 concurrent writers, and readers never see a torn one', async () => {
    const size = 256 * 1024;
    const values = Array.from({ length: 20 }, (_, i) => new Uint8Array(size).fill(i + 1));
    const uniform = (item: StoredItem | undefined) =>
      item === undefined ||
      (item.value.byteLength === size && item.value.every((byte) => byte === item.value[0]));
    // Writers go through two instances, as two processes would: nothing but the store itself orders them.
    const writers = [store, open(clock.now)];
    const writing = { done: false };
    const seen: (StoredItem | undefined)[] = [];
    const reader = (async () => {
      while (!writing.done) seen.push(await store.get('photos/contended'));
    })();
    await Promise.all(
      values.map((value, i) => writers[i % 2]!.put('photos/contended', value, { contentType: 'image/jpeg' })),
    );
    writing.done = true;
    await reader;
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every(uniform)).toBe(true);

    const final = await store.get('photos/contended');
    expect(final?.value.byteLength).toBe(size);
    expect(uniform(final)).toBe(true);
    expect(final?.value[0]).toBeGreaterThanOrEqual(1);
    expect(await store.list('photos/')).toEqual(['photos/contended']);
  });

  it('hides an item from the moment it expires, and frees its key', async () => {
    const expiresAt = clock.time + 1000;
    await store.put('pending/p', bytes('waiting'), { expiresAt });
    await store.put('pending/q', bytes('forever'));
    expect(await store.get('pending/p')).toMatchObject({ expiresAt });

    clock.advance(999);
    expect(text(await store.get('pending/p'))).toBe('waiting');
    expect(await store.list('pending/')).toEqual(['pending/p', 'pending/q']);

    clock.advance(1);
    expect(await store.get('pending/p')).toBeUndefined();
    expect(await store.list('pending/')).toEqual(['pending/q']);

    expect(await store.createIfAbsent('pending/p', bytes('again'), { expiresAt: clock.time + 1000 })).toBe(
      true,
    );
    expect(text(await store.get('pending/p'))).toBe('again');
    expect(await store.createIfAbsent('pending/p', bytes('no'))).toBe(false);

    clock.advance(1000);
    expect(await store.take('pending/p')).toBeUndefined();
  });

  it('removes expired items on request, and only those', async () => {
    await store.put('pending/a', bytes('a'), { expiresAt: clock.time + 10 });
    await store.put('pending/b', bytes('b'), { expiresAt: clock.time + 10_000 });
    await store.put('pending/c', bytes('c'));
    await store.put('other/d', bytes('d'), { expiresAt: clock.time + 10 });
    clock.advance(10);
    expect(await store.deleteExpired('pending/')).toBe(1);
    expect(await store.list('')).toEqual(['pending/b', 'pending/c']);
    clock.advance(-10); // back in time, to show that other/d, outside the prefix, was left alone
    expect(await store.list('other/')).toEqual(['other/d']);
  });

  it('takes an item once, even with 20 concurrent takers', async () => {
    await store.put('pending/t', bytes('one'), { contentType: 'text/plain' });
    expect(text(await store.take('pending/t'))).toBe('one');
    expect(await store.take('pending/t')).toBeUndefined();
    expect(await store.get('pending/t')).toBeUndefined();

    await store.put('pending/race', bytes('prize'), { expiresAt: clock.time + 60_000 });
    const taken = await Promise.all(Array.from({ length: 20 }, () => store.take('pending/race')));
    const winners = taken.filter((item) => item !== undefined);
    expect(winners).toHaveLength(1);
    expect(text(winners[0])).toBe('prize');
    expect(winners[0]).toMatchObject({
      contentType: 'application/octet-stream',
      expiresAt: clock.time + 60_000,
    });
    expect(await store.list('pending/')).toEqual([]);
  });

  it('refuses invalid keys and prefixes before touching the store', async () => {
    const badKeys = [
      '',
      '/etc/passwd',
      '../outside',
      'a/../../outside',
      'a/./b',
      '.',
      '..',
      'a/',
      'a//b',
      'a\\b',
      '..\\outside',
      'a b',
      'a:b',
      'a#',
      'a\u0000b',
      'caf\u00e9',
      'a/%2e%2e',
      'x'.repeat(201),
      `${'abc/'.repeat(130)}x`,
    ];
    const value = bytes('v');
    for (const key of badKeys) {
      const attempts = [
        store.get(key),
        store.put(key, value),
        store.createIfAbsent(key, value),
        store.delete(key),
        store.take(key),
      ];
      for (const attempt of attempts) {
        const error: unknown = await attempt.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect({ key, code: codeOf(error) }).toEqual({ key, code: 'InvalidStorageKey' });
      }
    }
    for (const prefix of ['/', '/a', '../', 'a/../', 'a\\', 'a//', '..']) {
      await expect(store.list(prefix)).rejects.toMatchObject({ code: 'InvalidStorageKey' });
      await expect(store.deleteExpired(prefix)).rejects.toMatchObject({ code: 'InvalidStorageKey' });
    }
    expect(await store.list('')).toEqual([]);
  });

  it('refuses malformed options and values', async () => {
    await expect(
      store.put('a', bytes('v'), { contentType: 'text/plain\r\nX-Evil: 1' }),
    ).rejects.toMatchObject({
      code: 'InvalidStorageValue',
    });
    await expect(store.put('a', bytes('v'), { expiresAt: 1.5 })).rejects.toMatchObject({
      code: 'InvalidStorageValue',
    });
    await expect(store.put('a', 'text' as unknown as Uint8Array)).rejects.toMatchObject({
      code: 'InvalidStorageValue',
    });
    expect(await store.list('')).toEqual([]);
  });

  it('keeps everything across a restart', async () => {
    await store.put('backups/r', bytes('kept'), { contentType: 'image/png' });
    await store.put('pending/r', bytes('soon'), { expiresAt: clock.time + 500 });
    await store.createIfAbsent('leases/r', bytes('held'));

    const restarted = open(clock.now);
    expect(await restarted.list('')).toEqual(['backups/r', 'leases/r', 'pending/r']);
    expect(await restarted.get('backups/r')).toMatchObject({ contentType: 'image/png' });
    expect(text(await restarted.get('backups/r'))).toBe('kept');
    expect(await restarted.createIfAbsent('leases/r', bytes('again'))).toBe(false);
    clock.advance(500);
    expect(await restarted.get('pending/r')).toBeUndefined();
  });

  it('round-trips binary values byte for byte', async () => {
    const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
    const large = randomBytes(1024 * 1024 + 7);
    const empty = new Uint8Array(0);
    const newlines = bytes('\n\n{"v":1}\n\r\n');
    await store.put('bin/every-byte', everyByte);
    await store.put('bin/large', large, { contentType: 'image/jpeg' });
    await store.put('bin/empty', empty);
    await store.createIfAbsent('bin/newlines', newlines);
    expect(sameBytes((await store.get('bin/every-byte'))?.value, everyByte)).toBe(true);
    expect(sameBytes((await store.get('bin/large'))?.value, large)).toBe(true);
    expect((await store.get('bin/empty'))?.value.byteLength).toBe(0);
    expect(sameBytes((await store.take('bin/newlines'))?.value, newlines)).toBe(true);
    const restarted = open(clock.now);
    expect(sameBytes((await restarted.get('bin/large'))?.value, large)).toBe(true);
  });
}
