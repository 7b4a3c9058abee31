/**
 * Changing and undoing photos for real: the Graph client against the emulator over loopback, backups, leases and
 * the audit log in a file store in a temporary folder (and in Blob Storage on Azurite for the one-at-a-time tests).
 * Graph failures come from the emulator's fault script: the second change of a photo really gets 503s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  PhotoChangeService,
  SupersededError,
  subjectOf,
  type ChangeTarget,
} from '../../src/changes/photo-change-service.js';
import { GraphPhotoClient } from '../../src/graph/graph-photo-client.js';
import type { PhotoTarget } from '../../src/graph/photo-target.js';
import { AuditLog } from '../../src/storage/audit-log.js';
import { BackupStore } from '../../src/storage/backup-store.js';
import { FaultScript } from '../../src/emulator/faults.js';
import { createStorage, type Storage } from '../../src/storage/index.js';
import { LeaseStore } from '../../src/storage/lease-store.js';
import { SEED, jpeg, startHarness, type Harness } from '../emulator/harness.js';
import { type Azurite, startAzurite } from '../helpers/azurite.js';
import { ManualClock } from '../storage/storage-contract.js';

/** Every attempt the Graph client makes at one request (4 in all) answered 503. */
const GRAPH_ATTEMPTS = 4;

describe('PhotoChangeService', () => {
  let harness: Harness;
  let folder: string;
  let service: PhotoChangeService;
  let graph: GraphPhotoClient;
  let audit: AuditLog;
  let backups: BackupStore<ChangeTarget>;
  let leases: LeaseStore;
  let script: FaultScript;
  let clock: ManualClock;
  const alex = { id: SEED.alex.id, path: 'chat' as const, correlationId: 'corr-1' };
  const asAlex = () => Promise.resolve(harness.user(SEED.alex.upn));

  beforeEach(async () => {
    script = new FaultScript();
    harness = await startHarness({ faults: { script } });
    folder = await mkdtemp(path.join(tmpdir(), 'photo-changes-'));
    clock = new ManualClock(Date.now());
    const storage = createStorage({ kind: 'fs', root: folder, now: clock.now });
    graph = new GraphPhotoClient({ baseUrl: harness.emulator.url, sleep: () => Promise.resolve() });
    audit = new AuditLog({ storage });
    backups = new BackupStore<ChangeTarget>({ storage, targetKey: (t) => t.subject });
    leases = new LeaseStore({ storage, namespace: 'photos', now: clock.now });
    service = new PhotoChangeService({ graph, backups, audit, leases });
  });
  afterEach(async () => {
    await harness.stop();
    await rm(folder, { recursive: true, force: true });
  });

  const current = async (target: PhotoTarget = { kind: 'me' }, as = asAlex) => {
    const bytes = await graph.getPhoto(target, as);
    return bytes ? Buffer.from(bytes) : null;
  };
  /** Puts a photo straight through the emulator's API, as if set before the app was installed. */
  const seed = async (upn: string, bytes: Buffer) => {
    const answer = await harness.call('PUT', '/v1.0/me/photo/$value', {
      token: harness.user(upn),
      body: bytes,
    });
    expect(answer.status).toBe(200);
  };
  /** The next change's read of the current photo succeeds, and every attempt of its write gets 503. */
  const failNextWrite = () => script.push('pass', 1).push('unavailable', GRAPH_ATTEMPTS);

  it('keeps the previous change undoable when Graph refuses the next one: Undo restores the original byte for byte', async () => {
    const original = await jpeg(300, 300, 9);
    await seed(SEED.alex.upn, original);
    const first = await service.change({ kind: 'me' }, await jpeg(300, 300, 1), asAlex, alex);

    const photo1 = await current();
    failNextWrite();
    await expect(service.change({ kind: 'me' }, await jpeg(300, 300, 2), asAlex, alex)).rejects.toMatchObject(
      {
        code: 'GraphUnavailable',
      },
    );
    expect(script.pending).toBe(0);
    expect((await current())!.equals(photo1!)).toBe(true);
    expect(await backups.latestChangeFor({ target: { kind: 'me' }, subject: `users/${SEED.alex.id}` })).toBe(
      first.changeId,
    );

    await expect(service.undo(first.changeId, asAlex, alex)).resolves.toMatchObject({ outcome: 'restored' });
    expect((await current())!.equals(original)).toBe(true);
    const results = (await audit.list(0, Date.now() + 60_000)).map((r) => r.result);
    expect(results).toEqual(['success', 'GraphUnavailable', 'success']);
  });

  it('keeps a change undoable when Graph refuses its Undo, and the retried Undo restores it', async () => {
    const original = await jpeg(300, 300, 9);
    await seed(SEED.alex.upn, original);
    const { changeId } = await service.change({ kind: 'me' }, await jpeg(300, 300, 1), asAlex, alex);
    failNextWrite();
    await expect(service.undo(changeId, asAlex, alex)).rejects.toMatchObject({ code: 'GraphUnavailable' });
    await expect(service.undo(changeId, asAlex, alex)).resolves.toMatchObject({ outcome: 'restored' });
    expect((await current())!.equals(original)).toBe(true);
  });

  it("refuses to undo someone else's change, and changes nobody's photo", async () => {
    await seed(SEED.alex.upn, await jpeg(300, 300, 9));
    const { changeId } = await service.change({ kind: 'me' }, await jpeg(300, 300, 1), asAlex, alex);
    const alexAfter = await current();
    const asMegan = () => Promise.resolve(harness.user(SEED.megan.upn));
    const megan = { id: SEED.megan.id, path: 'chat' as const };
    await expect(service.undo(changeId, asMegan, megan)).rejects.toMatchObject({ code: 'UndoNotFound' });
    expect((await current())!.equals(alexAfter!)).toBe(true);
    expect(await current({ kind: 'me' }, asMegan)).toBeNull();
    // Alex still can.
    await expect(service.undo(changeId, asAlex, alex)).resolves.toMatchObject({ outcome: 'restored' });
  });

  it('refuses a change or an undo of a photo whose lease someone else holds, until that lease expires', async () => {
    const waitless = new PhotoChangeService({
      graph,
      backups,
      audit,
      leases,
      leaseTerms: { ttlMs: 60_000, waitMs: 0 },
    });
    const { changeId } = await waitless.change({ kind: 'me' }, await jpeg(300, 300, 1), asAlex, alex);
    const before = await current();
    // Another instance holding the photo's lease, then crashing without releasing it.
    const held = await leases.acquire(`users/${SEED.alex.id}`, { ttlMs: 60_000, waitMs: 0 });
    expect(held).toBeDefined();
    await expect(
      waitless.change({ kind: 'me' }, await jpeg(300, 300, 2), asAlex, alex),
    ).rejects.toMatchObject({
      code: 'PhotoChangeInProgress',
    });
    await expect(waitless.undo(changeId, asAlex, alex)).rejects.toMatchObject({
      code: 'PhotoChangeInProgress',
    });
    expect((await current())!.equals(before!)).toBe(true);
    // Another photo is not held up.
    await expect(
      waitless.change(
        { kind: 'contact', owner: { kind: 'me' }, contactId: SEED.ravi },
        await jpeg(300, 300, 3),
        asAlex,
        alex,
      ),
    ).resolves.toBeDefined();

    clock.advance(60_000);
    await expect(waitless.undo(changeId, asAlex, alex)).resolves.toMatchObject({ outcome: 'removed' });
    expect(await current()).toBeNull();
    // Released after use: the next change does not wait.
    expect(await leases.isHeld(`users/${SEED.alex.id}`)).toBe(false);
  });

  it('sets the photo, and Undo puts the previous one back byte for byte', async () => {
    const first = await jpeg(300, 300, 1);
    const second = await jpeg(320, 320, 2);
    await service.change({ kind: 'me' }, first, asAlex, alex);
    const { changeId } = await service.change({ kind: 'me' }, second, asAlex, alex);
    expect((await current())!.equals(second)).toBe(true);

    await expect(service.undo(changeId, asAlex, alex)).resolves.toMatchObject({ outcome: 'restored' });
    expect((await current())!.equals(first)).toBe(true);
  });

  it('removes the photo on Undo when there was none before', async () => {
    const { changeId } = await service.change({ kind: 'me' }, await jpeg(300, 300), asAlex, alex);
    await expect(service.undo(changeId, asAlex, alex)).resolves.toMatchObject({ outcome: 'removed' });
    expect(await current()).toBeNull();
  });

  it('refuses to undo an older change once a newer one came after it, and an unknown change', async () => {
    const { changeId: older } = await service.change({ kind: 'me' }, await jpeg(300, 300, 1), asAlex, alex);
    await service.change({ kind: 'user', user: SEED.alex.id }, await jpeg(300, 300, 2), asAlex, alex);
    await expect(service.undo(older, asAlex, alex)).rejects.toMatchObject({ code: 'UndoSuperseded' });
    await expect(service.undo('no-such-change-id', asAlex, alex)).rejects.toMatchObject({
      code: 'UndoNotFound',
    });
    await expect(service.undo('../../etc/passwd', asAlex, alex)).rejects.toMatchObject({
      code: 'UndoNotFound',
    });
  });

  it('undoing twice is refused as already undone (not as superseded), and the photo stays', async () => {
    const first = await jpeg(300, 300, 1);
    await service.change({ kind: 'me' }, first, asAlex, alex);
    const { changeId } = await service.change({ kind: 'me' }, await jpeg(300, 300, 2), asAlex, alex);
    await service.undo(changeId, asAlex, alex);
    await expect(service.undo(changeId, asAlex, alex)).rejects.toMatchObject({ code: 'UndoAlreadyUndone' });
    expect((await current())!.equals(first)).toBe(true);
  });

  it('says by what a change was superseded: the date of the newer photo the same person set', async () => {
    const { changeId: older } = await service.change({ kind: 'me' }, await jpeg(300, 300, 1), asAlex, alex);
    clock.advance(60_000);
    const newer = await service.change({ kind: 'me' }, await jpeg(300, 300, 2), asAlex, alex);
    const newerRecord = await backups.record(newer.changeId);
    const refusal = service.undo(older, asAlex, alex);
    await expect(refusal).rejects.toBeInstanceOf(SupersededError);
    await expect(refusal).rejects.toMatchObject({
      code: 'UndoSuperseded',
      newerPhotoAt: newerRecord!.createdAt,
    });
  });

  it("names no date when the newer photo is somebody else's (an admin's): that is not the person's doing", async () => {
    const { changeId: older } = await service.change({ kind: 'me' }, await jpeg(300, 300, 1), asAlex, alex);
    clock.advance(60_000);
    const admin = { id: 'admin-app', path: 'admin' as const };
    await service.change({ kind: 'user', user: SEED.alex.id }, await jpeg(300, 300, 2), asAlex, admin);
    const refusal = service.undo(older, asAlex, alex);
    await expect(refusal).rejects.toBeInstanceOf(SupersededError);
    await expect(refusal).rejects.toMatchObject({ code: 'UndoSuperseded', newerPhotoAt: undefined });
  });

  describe('history', () => {
    const me: PhotoTarget = { kind: 'me' };

    it('walks typed undo back one change at a time: B, then A, then the original, then nothing left', async () => {
      const original = await jpeg(300, 300, 9);
      await seed(SEED.alex.upn, original);
      const a = await jpeg(300, 300, 1);
      const b = await jpeg(300, 300, 2);
      const changeA = await service.change(me, a, asAlex, alex);
      expect(Buffer.from(changeA.replaced!).equals(original)).toBe(true);
      clock.advance(1000);
      const changeB = await service.change(me, b, asAlex, alex);
      expect(Buffer.from(changeB.replaced!).equals(a)).toBe(true);

      const first = await service.undoLatest(me, asAlex, alex);
      expect(first).toMatchObject({
        outcome: 'restored',
        inPlace: { changeId: changeA.changeId, byActor: true },
      });
      expect((await current())!.equals(a)).toBe(true);
      expect(Buffer.from((first as { photo: Uint8Array }).photo).equals(a)).toBe(true);

      const second = await service.undoLatest(me, asAlex, alex);
      expect(second).toMatchObject({ outcome: 'restored', inPlace: null });
      expect((await current())!.equals(original)).toBe(true);

      await expect(service.undoLatest(me, asAlex, alex)).resolves.toEqual({ outcome: 'nothing-left' });
      await expect(service.undoLatest(me, asAlex, alex)).resolves.toEqual({ outcome: 'nothing-left' });
      expect((await current())!.equals(original)).toBe(true);
    });

    it('ends the walk by removing the photo when there was none, and says nothing yet before any change', async () => {
      await expect(service.undoLatest(me, asAlex, alex)).resolves.toEqual({ outcome: 'nothing-yet' });
      await service.change(me, await jpeg(300, 300, 1), asAlex, alex);
      await expect(service.undoLatest(me, asAlex, alex)).resolves.toMatchObject({
        outcome: 'removed',
        photo: null,
        inPlace: null,
      });
      expect(await current()).toBeNull();
      await expect(service.undoLatest(me, asAlex, alex)).resolves.toEqual({ outcome: 'nothing-left' });
    });

    it('lets a card undo the change a typed undo put back, and tells an undone card it was undone', async () => {
      const a = await jpeg(300, 300, 1);
      const changeA = await service.change(me, a, asAlex, alex);
      const changeB = await service.change(me, await jpeg(300, 300, 2), asAlex, alex);
      await service.undoLatest(me, asAlex, alex);
      await expect(service.undo(changeB.changeId, asAlex, alex)).rejects.toMatchObject({
        code: 'UndoAlreadyUndone',
      });
      // A's photo is in place again, so A's card can undo it.
      await expect(service.undo(changeA.changeId, asAlex, alex)).resolves.toMatchObject({
        outcome: 'removed',
      });
      expect(await current()).toBeNull();
    });

    it('redoes an undo as a new change, itself undoable, once only', async () => {
      const original = await jpeg(300, 300, 9);
      await seed(SEED.alex.upn, original);
      const a = await jpeg(300, 300, 1);
      const changeA = await service.change(me, a, asAlex, alex);
      const undo = await service.undo(changeA.changeId, asAlex, alex);
      expect((await current())!.equals(original)).toBe(true);

      const redo = await service.redo(undo.changeId, asAlex, alex);
      expect((await current())!.equals(a)).toBe(true);
      expect(Buffer.from(redo.photo).equals(a)).toBe(true);
      expect(Buffer.from(redo.replaced!).equals(original)).toBe(true);
      await expect(service.redo(undo.changeId, asAlex, alex)).rejects.toMatchObject({
        code: 'RedoAlreadyDone',
      });
      expect((await current())!.equals(a)).toBe(true);

      // The redo is undoable, and the walk then ends at the original.
      await expect(service.undoLatest(me, asAlex, alex)).resolves.toMatchObject({
        outcome: 'restored',
        inPlace: null,
      });
      expect((await current())!.equals(original)).toBe(true);
      await expect(service.undoLatest(me, asAlex, alex)).resolves.toEqual({ outcome: 'nothing-left' });
    });

    it("refuses a redo by anyone but the person who undid, an undo's id on the Undo button, and a stale redo", async () => {
      const a = await jpeg(300, 300, 1);
      const changeA = await service.change(me, a, asAlex, alex);
      const undo = await service.undo(changeA.changeId, asAlex, alex);
      const asMegan = () => Promise.resolve(harness.user(SEED.megan.upn));
      const megan = { id: SEED.megan.id, path: 'chat' as const };
      await expect(service.redo(undo.changeId, asMegan, megan)).rejects.toMatchObject({
        code: 'UndoNotFound',
      });
      expect(await current()).toBeNull();
      // A change is not an undo: nothing to redo.
      await expect(service.redo(changeA.changeId, asAlex, alex)).rejects.toMatchObject({
        code: 'UndoNotFound',
      });
      // An undo is not undone by the Undo button: that is what redo is for.
      await expect(service.undo(undo.changeId, asAlex, alex)).rejects.toMatchObject({ code: 'UndoNotFound' });
      expect(await current()).toBeNull();

      // A newer photo makes the redo stale.
      const c = await jpeg(300, 300, 3);
      await service.change(me, c, asAlex, alex);
      await expect(service.redo(undo.changeId, asAlex, alex)).rejects.toMatchObject({
        code: 'UndoSuperseded',
      });
      expect((await current())!.equals(c)).toBe(true);
    });

    it("stops the walk at a change somebody else made (an admin's), leaving it in place", async () => {
      const admin = { id: 'admin-app', path: 'admin' as const };
      const adminPhoto = await jpeg(300, 300, 4);
      // The admin names Alex by id, so the change is in the same history as Alex's own.
      await service.change({ kind: 'user', user: SEED.alex.id }, adminPhoto, asAlex, admin);
      await expect(service.undoLatest(me, asAlex, alex)).resolves.toEqual({ outcome: 'nothing-left' });
      expect((await current())!.equals(adminPhoto)).toBe(true);
    });

    it('keeps the walk where it was when Graph refuses an undo, and the retry goes on from there', async () => {
      const a = await jpeg(300, 300, 1);
      await service.change(me, a, asAlex, alex);
      await service.change(me, await jpeg(300, 300, 2), asAlex, alex);
      await service.undoLatest(me, asAlex, alex);
      failNextWrite();
      await expect(service.undoLatest(me, asAlex, alex)).rejects.toMatchObject({ code: 'GraphUnavailable' });
      expect((await current())!.equals(a)).toBe(true);
      await expect(service.undoLatest(me, asAlex, alex)).resolves.toMatchObject({ outcome: 'removed' });
      expect(await current()).toBeNull();
    });
  });

  it('leaves the photo unchanged when Graph refuses, and audits both outcomes without bytes or tokens', async () => {
    const before = await jpeg(300, 300, 1);
    await service.change({ kind: 'me' }, before, asAlex, alex);
    // Alex may not change another user's photo with a delegated token.
    const refused = service.change(
      { kind: 'user', user: SEED.megan.id },
      await jpeg(300, 300, 2),
      asAlex,
      alex,
    );
    await expect(refused).rejects.toMatchObject({ code: 'GraphForbidden' });
    expect((await current())!.equals(before)).toBe(true);

    const records = await audit.list(0, Date.now() + 60_000);
    expect(records.map((r) => r.result)).toEqual(['success', 'GraphForbidden']);
    expect(records[0]).toMatchObject({
      actor: SEED.alex.id,
      target: { kind: 'user', id: SEED.alex.id },
      path: 'chat',
      correlationId: 'corr-1',
      graphRequestId: expect.any(String) as unknown,
    });
    expect(records[1]).toMatchObject({
      target: { kind: 'user', id: SEED.megan.id },
      graphRequestId: expect.any(String) as unknown,
    });
    const serialised = JSON.stringify(records);
    expect(serialised).not.toContain('eyJ'); // no JWT
    expect(serialised.length).toBeLessThan(2000); // no photo bytes
  });

  it('names one photo the same way whoever asks', () => {
    expect(subjectOf({ kind: 'me' }, 'u-1')).toBe(subjectOf({ kind: 'user', user: 'U-1' }, 'other'));
    expect(subjectOf({ kind: 'contact', owner: { kind: 'me' }, contactId: 'c' }, 'u-1')).toBe(
      subjectOf({ kind: 'contact', owner: { kind: 'user', user: 'u-1' }, contactId: 'c' }, 'x'),
    );
  });
});

describe.each(['fs', 'blob'] as const)(
  'PhotoChangeService, one change of a photo at a time (%s storage)',
  (kind) => {
    let azurite: Azurite | undefined;
    let harness: Harness;
    let folder: string;
    let storage: Storage;
    const alex = { id: SEED.alex.id, path: 'chat' as const };
    const asAlex = () => Promise.resolve(harness.user(SEED.alex.upn));

    beforeAll(async () => {
      if (kind === 'blob') azurite = await startAzurite();
    });
    afterAll(async () => {
      await azurite?.stop();
    });
    beforeEach(async () => {
      // Every Graph answer takes a while, so two changes started together would overlap without the lease.
      harness = await startHarness({ faults: { latencyMs: 60 } });
      folder = await mkdtemp(path.join(tmpdir(), 'photo-changes-'));
      storage =
        kind === 'fs'
          ? createStorage({ kind: 'fs', root: folder })
          : createStorage({
              kind: 'blob',
              connectionString: azurite!.connectionString,
              container: `changes-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
            });
    });
    afterEach(async () => {
      await harness.stop();
      await rm(folder, { recursive: true, force: true });
    });

    /** A service as one bot instance builds it; instances share only the storage. */
    const instance = () => {
      const graph = new GraphPhotoClient({ baseUrl: harness.emulator.url, sleep: () => Promise.resolve() });
      const backups = new BackupStore<ChangeTarget>({ storage, targetKey: (t) => t.subject });
      const leases = new LeaseStore({ storage, namespace: 'photos' });
      return {
        backups,
        service: new PhotoChangeService({ graph, backups, audit: new AuditLog({ storage }), leases }),
      };
    };

    it('never interleaves two concurrent changes, so each backup holds the photo its change really replaced', async () => {
      const one = instance();
      const two = instance();
      const original = await jpeg(300, 300, 9);
      await one.service.change({ kind: 'me' }, original, asAlex, alex);
      const a = await jpeg(300, 300, 1);
      const b = await jpeg(300, 300, 2);
      const [changeA, changeB] = await Promise.all([
        one.service.change({ kind: 'me' }, a, asAlex, alex),
        two.service.change({ kind: 'me' }, b, asAlex, alex),
      ]);

      const graph = new GraphPhotoClient({ baseUrl: harness.emulator.url });
      const final = Buffer.from((await graph.getPhoto({ kind: 'me' }, asAlex))!);
      const [last, earlier, lastBytes, earlierBytes] = final.equals(a)
        ? [changeA, changeB, a, b]
        : [changeB, changeA, b, a];
      expect(final.equals(lastBytes)).toBe(true);
      const latest = await one.backups.latestChangeFor({
        target: { kind: 'me' },
        subject: `users/${SEED.alex.id}`,
      });
      expect(latest).toBe(last.changeId);
      // In order: the earlier change replaced the original, the last one replaced the earlier one's photo.
      const earlierBackup = await one.backups.get(earlier.changeId);
      const lastBackup = await one.backups.get(last.changeId);
      expect(Buffer.from(earlierBackup!.photo!.bytes).equals(original)).toBe(true);
      expect(Buffer.from(lastBackup!.photo!.bytes).equals(earlierBytes)).toBe(true);

      // So Undo walks back exactly: the latest change's Undo gives the earlier change's photo.
      await expect(two.service.undo(last.changeId, asAlex, alex)).resolves.toMatchObject({
        outcome: 'restored',
      });
      expect(Buffer.from((await graph.getPhoto({ kind: 'me' }, asAlex))!).equals(earlierBytes)).toBe(true);
    });
  },
);
