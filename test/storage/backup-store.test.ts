import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BackupStore, FsStorage, type Storage, encodeKeySegment } from '../../src/storage/index.js';
import { ManualClock, sameBytes } from './storage-contract.js';

/** Targets as the Graph client describes them; `me` and the same user by id name one photo. */
type Target =
  { kind: 'me'; userId: string } | { kind: 'user'; userId: string } | { kind: 'group'; groupId: string };
const targetKey = (target: Target) =>
  target.kind === 'group' ? `group:${target.groupId}` : `user:${target.userId}`;

describe('BackupStore', () => {
  let scratch: string;
  let storage: Storage;
  let clock: ManualClock;
  let backups: BackupStore<Target>;

  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'backup-store-'));
    clock = new ManualClock();
    storage = new FsStorage({ root: scratch, now: clock.now });
    backups = new BackupStore<Target>({ storage, targetKey, now: clock.now });
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /** A change that took effect: saved before the write, marked latest after it. */
  const applied = async (input: Parameters<BackupStore<Target>['save']>[0]) => {
    const record = await backups.save(input);
    await backups.markLatest(record);
    return record;
  };

  it('moves the latest pointer only when told the change took effect', async () => {
    const first = await applied({
      target: { kind: 'me', userId: 'ada' },
      actor: 'ada',
      photo: { bytes: Buffer.from('original'), contentType: 'image/jpeg' },
    });
    // Saved before a write that Graph then refused: never marked latest.
    const refused = await backups.save({
      target: { kind: 'me', userId: 'ada' },
      actor: 'ada',
      photo: { bytes: Buffer.from('after first'), contentType: 'image/jpeg' },
    });
    expect(await backups.latestChangeFor({ kind: 'me', userId: 'ada' })).toBe(first.changeId);
    const check = await backups.checkUndo(first.changeId);
    expect(check.status).toBe('ready');
    expect(check.status === 'ready' && sameBytes(check.backup.photo?.bytes, Buffer.from('original'))).toBe(
      true,
    );
    // The refused change never happened, so it cannot be undone; its backup is kept all the same.
    expect((await backups.checkUndo(refused.changeId)).status).not.toBe('ready');
    expect(await backups.get(refused.changeId)).toBeDefined();
    // With no applied change at all, a saved one is not undoable either.
    const lone = await backups.save({ target: { kind: 'group', groupId: 'g9' }, actor: 'ada', photo: null });
    expect(await backups.checkUndo(lone.changeId)).toEqual({ status: 'not-found' });
  });

  it('gives back the replaced photo byte for byte for Undo', async () => {
    const before = randomBytes(300_000);
    const saved = await applied({
      target: { kind: 'me', userId: 'ada' },
      actor: 'ada',
      photo: { bytes: before, contentType: 'image/jpeg' },
    });
    expect(saved).toMatchObject({
      target: { kind: 'me', userId: 'ada' },
      targetKey: 'user:ada',
      actor: 'ada',
      createdAt: new Date(clock.time).toISOString(),
      hadPhoto: true,
      photoBytes: 300_000,
      photoContentType: 'image/jpeg',
    });
    expect(saved.changeId).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const check = await backups.checkUndo(saved.changeId);
    expect(check.status).toBe('ready');
    if (check.status !== 'ready') return;
    expect(check.backup.photo?.contentType).toBe('image/jpeg');
    expect(sameBytes(check.backup.photo?.bytes, before)).toBe(true);
  });

  it('records that there was no photo, so Undo removes the new one', async () => {
    const saved = await applied({ target: { kind: 'group', groupId: 'g1' }, actor: 'ada', photo: null });
    expect(saved.hadPhoto).toBe(false);
    expect(await backups.checkUndo(saved.changeId)).toMatchObject({
      status: 'ready',
      backup: { hadPhoto: false, photo: null, target: { kind: 'group', groupId: 'g1' } },
    });
    expect(await storage.list('backups/photos/')).toEqual([]);
  });

  it('refuses an Undo that a newer change to the same photo superseded', async () => {
    const first = await applied({
      target: { kind: 'me', userId: 'ada' },
      actor: 'ada',
      photo: { bytes: Buffer.from('original'), contentType: 'image/png' },
    });
    clock.advance(60_000);
    // The same user's photo, reached another way (an admin by user id).
    const second = await applied({
      target: { kind: 'user', userId: 'ada' },
      actor: 'admin',
      photo: { bytes: Buffer.from('after first'), contentType: 'image/jpeg' },
    });
    // Another target's change does not interfere.
    const other = await applied({ target: { kind: 'me', userId: 'bob' }, actor: 'bob', photo: null });

    expect(await backups.latestChangeFor({ kind: 'me', userId: 'ada' })).toBe(second.changeId);
    expect(await backups.checkUndo(first.changeId)).toMatchObject({
      status: 'superseded',
      latestChangeId: second.changeId,
      backup: { changeId: first.changeId, actor: 'ada' },
    });
    expect((await backups.checkUndo(second.changeId)).status).toBe('ready');
    expect((await backups.checkUndo(other.changeId)).status).toBe('ready');
    // The older backup is still there, for support: only Undo is refused.
    expect(sameBytes((await backups.get(first.changeId))?.photo?.bytes, Buffer.from('original'))).toBe(true);
  });

  it('treats an Undo as a change: the undone change cannot be undone twice', async () => {
    const change = await applied({
      target: { kind: 'me', userId: 'ada' },
      actor: 'ada',
      photo: { bytes: Buffer.from('old'), contentType: 'image/jpeg' },
    });
    const check = await backups.checkUndo(change.changeId);
    if (check.status !== 'ready') throw new Error('expected ready');
    // The handler backs up the current photo before restoring the old one.
    const undo = await applied({
      target: check.backup.target,
      actor: 'ada',
      photo: { bytes: Buffer.from('new'), contentType: 'image/jpeg' },
    });
    expect((await backups.checkUndo(change.changeId)).status).toBe('superseded');
    expect((await backups.checkUndo(undo.changeId)).status).toBe('ready');
  });

  it('answers not-found for unknown and malformed change ids', async () => {
    await applied({ target: { kind: 'me', userId: 'ada' }, actor: 'ada', photo: null });
    for (const id of [
      'AAAAAAAAAAAAAAAAAAAAAA',
      '../../latest/user:ada',
      'short',
      '',
      'a/b/c/d/e/f/g/h',
      'x'.repeat(65),
    ]) {
      expect(await backups.checkUndo(id)).toEqual({ status: 'not-found' });
      expect(await backups.get(id)).toBeUndefined();
    }
  });

  it('keeps records small: the photo bytes live under their own key', async () => {
    const saved = await applied({
      target: { kind: 'me', userId: 'ada' },
      actor: 'ada',
      photo: { bytes: randomBytes(100_000), contentType: 'image/jpeg' },
    });
    const record = await storage.get(`backups/changes/${saved.changeId}`);
    expect(record?.contentType).toBe('application/json');
    expect(record?.value.byteLength).toBeLessThan(1000);
    expect(await backups.record(saved.changeId)).toEqual(saved);
    expect(await storage.list('backups/')).toEqual([
      `backups/changes/${saved.changeId}`,
      `backups/latest/${encodeKeySegment('user:ada')}`,
      `backups/photos/${saved.changeId}`,
    ]);
  });

  it('survives a restart', async () => {
    const saved = await applied({
      target: { kind: 'me', userId: 'ada' },
      actor: 'ada',
      photo: { bytes: Buffer.from([0, 1, 2, 255]), contentType: 'image/jpeg' },
    });
    const reopened = new BackupStore<Target>({ storage: new FsStorage({ root: scratch }), targetKey });
    expect(await reopened.latestChangeFor({ kind: 'user', userId: 'ada' })).toBe(saved.changeId);
    const check = await reopened.checkUndo(saved.changeId);
    expect(
      check.status === 'ready' && sameBytes(check.backup.photo?.bytes, Buffer.from([0, 1, 2, 255])),
    ).toBe(true);
  });

  describe('history', () => {
    const ada: Target = { kind: 'me', userId: 'ada' };
    const jpeg = (text: string) => ({ bytes: Buffer.from(text), contentType: 'image/jpeg' });

    it('records what each change was based on, and what an undo put back', async () => {
      const a = await applied({ target: ada, actor: 'ada', photo: jpeg('original') });
      const b = await applied({ target: ada, actor: 'ada', photo: jpeg('A') });
      expect(a).toMatchObject({ kind: 'change', basedOn: null });
      expect(b).toMatchObject({ kind: 'change', basedOn: a.changeId });
      expect((await backups.inPlaceFor(ada))?.changeId).toBe(b.changeId);

      const undoB = await applied({
        target: ada,
        actor: 'ada',
        photo: jpeg('B'),
        history: { kind: 'undo', reverses: b.changeId, inPlace: b.basedOn ?? null },
      });
      expect(undoB).toMatchObject({
        kind: 'undo',
        reverses: b.changeId,
        inPlace: a.changeId,
        basedOn: b.changeId,
      });
      // A's photo is in place again: A may be undone, though the undo is the latest change.
      expect((await backups.inPlaceFor(ada))?.changeId).toBe(a.changeId);
      expect(await backups.latestChangeFor(ada)).toBe(undoB.changeId);
      const check = await backups.checkUndo(a.changeId);
      expect(check.status).toBe('ready');
      expect(check.status === 'ready' && sameBytes(check.backup.photo?.bytes, Buffer.from('original'))).toBe(
        true,
      );

      await applied({
        target: ada,
        actor: 'ada',
        photo: jpeg('A'),
        history: { kind: 'undo', reverses: a.changeId, inPlace: null },
      });
      expect(await backups.inPlaceFor(ada)).toBeNull();
      expect(await backups.inPlaceFor({ kind: 'group', groupId: 'never' })).toBeUndefined();
    });

    it('tells "already reversed" from "superseded", from storage alone (another instance sees the same)', async () => {
      const a = await applied({ target: ada, actor: 'ada', photo: null });
      clock.advance(60_000);
      const b = await applied({ target: ada, actor: 'ada', photo: jpeg('A') });
      const undoB = await applied({
        target: ada,
        actor: 'ada',
        photo: jpeg('B'),
        history: { kind: 'undo', reverses: b.changeId, inPlace: a.changeId },
      });
      const other = new BackupStore<Target>({ storage: new FsStorage({ root: scratch }), targetKey });
      expect(await other.checkUndo(b.changeId)).toMatchObject({
        status: 'reversed',
        reversal: { by: undoB.changeId, at: undoB.createdAt },
      });
      // An undo may be redone while it is the latest change.
      expect((await other.checkUndo(undoB.changeId)).status).toBe('ready');

      const c = await applied({ target: ada, actor: 'ada', photo: jpeg('A') });
      // The undo is now stale: superseded by C, which is in place.
      expect(await other.checkUndo(undoB.changeId)).toMatchObject({
        status: 'superseded',
        latestChangeId: c.changeId,
        inPlace: { changeId: c.changeId, createdAt: c.createdAt },
      });
      // B stays "already undone", though C came later too.
      expect((await other.checkUndo(b.changeId)).status).toBe('reversed');
      expect(await other.checkUndo(a.changeId)).toMatchObject({ status: 'superseded' });
    });

    it('marks nothing reversed for a change Graph refused (never marked latest)', async () => {
      const a = await applied({ target: ada, actor: 'ada', photo: null });
      await backups.save({
        target: ada,
        actor: 'ada',
        photo: jpeg('A'),
        history: { kind: 'undo', reverses: a.changeId, inPlace: null },
      });
      expect(await backups.reversalOf(a.changeId)).toBeUndefined();
      expect((await backups.checkUndo(a.changeId)).status).toBe('ready');
    });
  });

  it('saves under a reserved change id once, over the photo an interrupted save left there', async () => {
    const target: Target = { kind: 'user', userId: 'ada' };
    const photo = Buffer.from('the photo before');
    // An earlier save of the same change wrote the photo and died before its record.
    await storage.put('backups/photos/reserved-0001', Buffer.from('half'));
    const record = await backups.save({
      target,
      actor: 'admin',
      photo: { bytes: photo, contentType: 'image/jpeg' },
      changeId: 'reserved-0001',
    });
    expect(record.changeId).toBe('reserved-0001');
    expect(sameBytes((await backups.get('reserved-0001'))?.photo?.bytes, photo)).toBe(true);
    // A second backup under the same id is refused, and the first one is left as it was.
    await expect(
      backups.save({
        target,
        actor: 'admin',
        photo: { bytes: Buffer.from('other'), contentType: 'image/jpeg' },
        changeId: 'reserved-0001',
      }),
    ).rejects.toMatchObject({ code: 'StorageContention' });
    expect(sameBytes((await backups.get('reserved-0001'))?.photo?.bytes, photo)).toBe(true);
    await expect(backups.save({ target, actor: 'admin', photo: null, changeId: '../x' })).rejects.toThrow(
      RangeError,
    );
  });

  it('never reuses a change id', async () => {
    const ids = ['FIXEDIDFIXEDID01', 'FIXEDIDFIXEDID01', 'FIXEDIDFIXEDID02'];
    const store = new BackupStore<Target>({ storage, targetKey, newChangeId: () => ids.shift() ?? 'never' });
    const target: Target = { kind: 'group', groupId: 'g' };
    expect((await store.save({ target, actor: 'a', photo: null })).changeId).toBe('FIXEDIDFIXEDID01');
    expect((await store.save({ target, actor: 'b', photo: null })).changeId).toBe('FIXEDIDFIXEDID02');
    expect((await store.record('FIXEDIDFIXEDID01'))?.actor).toBe('a');
  });
});
