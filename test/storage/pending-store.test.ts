import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FsStorage, PendingStore, type Storage } from '../../src/storage/index.js';
import { ManualClock, sameBytes } from './storage-contract.js';

const MINUTE = 60_000;

describe('PendingStore', () => {
  let scratch: string;
  let storage: Storage;
  let clock: ManualClock;
  let pending: PendingStore;

  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'pending-store-'));
    clock = new ManualClock();
    storage = new FsStorage({ root: scratch, now: clock.now });
    pending = new PendingStore({ storage, namespace: 'photos', now: clock.now });
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('keeps an item until its time is up', async () => {
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10, 0x0a]);
    await pending.put('29:1AbC-teams-user', photo, 10 * MINUTE, 'image/jpeg');
    expect(await pending.get('29:1AbC-teams-user')).toMatchObject({ contentType: 'image/jpeg' });
    expect(sameBytes((await pending.get('29:1AbC-teams-user'))?.value, photo)).toBe(true);

    clock.advance(10 * MINUTE - 1);
    expect(await pending.get('29:1AbC-teams-user')).toBeDefined();
    clock.advance(1);
    expect(await pending.get('29:1AbC-teams-user')).toBeUndefined();
    expect(await pending.deleteExpired()).toBe(1);
    expect(await pending.take('29:1AbC-teams-user')).toBeUndefined();
    expect(await storage.list('')).toEqual([]);
  });

  it('hands an item to exactly one of 20 concurrent takers', async () => {
    await pending.putJson('ada', { conversationId: 'c1', crop: 'auto' }, MINUTE);
    const taken = await Promise.all(Array.from({ length: 20 }, () => pending.takeJson('ada')));
    expect(taken.filter((value) => value !== undefined)).toEqual([{ conversationId: 'c1', crop: 'auto' }]);
    expect(await pending.getJson('ada')).toBeUndefined();
  });

  it('lets one claimer of an id win until the lease expires or is released', async () => {
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => pending.claim('token-exchange/7f0c:abc', 5 * MINUTE)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    clock.advance(5 * MINUTE - 1);
    expect(await pending.claim('token-exchange/7f0c:abc', 5 * MINUTE)).toBe(false);
    clock.advance(1);
    expect(await pending.claim('token-exchange/7f0c:abc', 5 * MINUTE)).toBe(true);
    await pending.release('token-exchange/7f0c:abc');
    expect(await pending.claim('token-exchange/7f0c:abc', 5 * MINUTE)).toBe(true);
  });

  it('keeps ids and namespaces apart, whatever characters the ids use', async () => {
    const other = new PendingStore({ storage, namespace: 'cards', now: clock.now });
    const ids = ['ada', '~bYWRh', 'ada@contoso.com', '../../../etc', 'Ådä', 'x'.repeat(500), 'x'.repeat(501)];
    for (const id of ids) await pending.putJson(id, id, MINUTE);
    await other.putJson('ada', 'card', MINUTE);
    for (const id of ids) expect(await pending.getJson(id)).toBe(id);
    expect(await other.getJson('ada')).toBe('card');
    expect(await storage.list('pending/photos/items/')).toHaveLength(ids.length);
    expect(await storage.list('pending/cards/')).toEqual(['pending/cards/items/ada']);
  });

  it('refuses nonsense lifetimes and namespaces', async () => {
    await expect(pending.put('a', new Uint8Array(1), 0)).rejects.toThrow(RangeError);
    await expect(pending.claim('a', -1)).rejects.toThrow(RangeError);
    await expect(pending.putJson('a', 1, 1.5)).rejects.toThrow(RangeError);
    expect(() => new PendingStore({ storage, namespace: 'a/b' })).toThrow(RangeError);
    expect(() => new PendingStore({ storage, namespace: '..' })).toThrow(/InvalidStorageKey/);
  });

  it('survives a restart', async () => {
    await pending.putJson('ada', { step: 'sign-in' }, MINUTE);
    await pending.claim('exchange-1', MINUTE);
    const reopened = new PendingStore({
      storage: new FsStorage({ root: scratch, now: clock.now }),
      namespace: 'photos',
      now: clock.now,
    });
    expect(await reopened.claim('exchange-1', MINUTE)).toBe(false);
    expect(await reopened.takeJson('ada')).toEqual({ step: 'sign-in' });
  });
});
