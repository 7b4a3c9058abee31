/**
 * Changes and undos under a change id the caller reserved (as a bulk job does before each person): retried after a
 * crash, they are never made twice, and a retry of a change that never reached Graph completes it with the backup
 * the first attempt saved. The Graph client talks to the emulator over loopback through a fetch that counts the
 * photo writes; storage is files in a temporary folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PhotoChangeService, subjectOf, type ChangeTarget } from '../../src/changes/photo-change-service.js';
import { GraphPhotoClient } from '../../src/graph/graph-photo-client.js';
import type { PhotoTarget } from '../../src/graph/photo-target.js';
import { AuditLog } from '../../src/storage/audit-log.js';
import { BackupStore } from '../../src/storage/backup-store.js';
import { createStorage, type Storage } from '../../src/storage/index.js';
import { LeaseStore } from '../../src/storage/lease-store.js';
import { SEED, jpeg, startHarness, type Harness } from '../emulator/harness.js';

describe('PhotoChangeService with reserved change ids', () => {
  let harness: Harness;
  let folder: string;
  let service: PhotoChangeService;
  let graph: GraphPhotoClient;
  let backups: BackupStore<ChangeTarget>;
  let storage: Storage;
  /** Photo writes (PUT and DELETE) that reached the emulator. */
  let writes: string[];
  const admin = { id: 'app-admin', path: 'bulk' as const };
  const megan: PhotoTarget = { kind: 'user', user: SEED.megan.id };
  const asApp = () => Promise.resolve(harness.app());

  beforeEach(async () => {
    harness = await startHarness();
    folder = await mkdtemp(path.join(tmpdir(), 'reserved-ids-'));
    writes = [];
    const countingFetch: typeof fetch = (input, init) => {
      const method = init?.method ?? 'GET';
      if (method !== 'GET')
        writes.push(`${method} ${input instanceof Request ? input.url : input.toString()}`);
      return fetch(input, init);
    };
    storage = createStorage({ kind: 'fs', root: folder, durable: false });
    graph = new GraphPhotoClient({
      baseUrl: harness.emulator.url,
      fetch: countingFetch,
      sleep: () => Promise.resolve(),
    });
    backups = new BackupStore<ChangeTarget>({ storage, targetKey: (t) => t.subject });
    const leases = new LeaseStore({ storage, namespace: 'photos' });
    service = new PhotoChangeService({ graph, backups, audit: new AuditLog({ storage }), leases });
  });
  afterEach(async () => {
    await harness.stop();
    await rm(folder, { recursive: true, force: true });
  });

  const current = async () => {
    const bytes = await graph.getPhoto(megan, asApp);
    return bytes ? Buffer.from(bytes) : null;
  };

  it("takes over the photo's lease a crashed attempt of the same change left, without waiting it out", async () => {
    // The crashed attempt held the photo's lease under its reserved id and never released it.
    const crashed = new LeaseStore({ storage, namespace: 'photos' });
    const subject = subjectOf(megan, admin.id);
    await crashed.acquire(subject, { ttlMs: 10 * 60_000, waitMs: 0 }, 'change:reserved-0009');
    const hurried = new PhotoChangeService({
      graph,
      backups,
      audit: new AuditLog({ storage }),
      leases: new LeaseStore({ storage, namespace: 'photos' }),
      leaseTerms: { ttlMs: 60_000, waitMs: 0 },
    });
    const photo = await jpeg(200, 200, 9);
    // Another change of the photo still finds it busy...
    await expect(
      hurried.change(megan, photo, asApp, admin, { changeId: 'reserved-0010' }),
    ).rejects.toMatchObject({ code: 'PhotoChangeInProgress' });
    // ...while the retry of the crashed change goes ahead at once, and lets the lease go when done.
    const retried = await hurried.change(megan, photo, asApp, admin, { changeId: 'reserved-0009' });
    expect(retried.changeId).toBe('reserved-0009');
    expect(writes).toHaveLength(1);
    expect(await crashed.isHeld(subject)).toBe(false);
  });

  it('makes a change once: a retry under the same id after it took effect calls Graph no more', async () => {
    const original = await jpeg(200, 200, 4);
    await graph.putPhoto(megan, original, asApp);
    writes = [];
    const photo = await jpeg(200, 200, 5);

    const first = await service.change(megan, photo, asApp, admin, { changeId: 'reserved-0001' });
    expect(first).toMatchObject({ changeId: 'reserved-0001' });
    expect(first.resumed).toBeUndefined();
    const again = await service.change(megan, photo, asApp, admin, { changeId: 'reserved-0001' });
    expect(again).toMatchObject({ changeId: 'reserved-0001', resumed: true });
    expect(Buffer.from(again.replaced!)).toEqual(original);
    expect(writes).toHaveLength(1);

    // The undo, reserved too: once only, and the original is back byte for byte.
    const undo = await service.undo('reserved-0001', asApp, admin, { undoId: 'reserved-undo-1' });
    expect(undo).toMatchObject({ outcome: 'restored', changeId: 'reserved-undo-1' });
    const undoAgain = await service.undo('reserved-0001', asApp, admin, { undoId: 'reserved-undo-1' });
    expect(undoAgain).toMatchObject({ outcome: 'restored', changeId: 'reserved-undo-1' });
    expect(writes).toHaveLength(2);
    expect(await current()).toEqual(original);
    // Any other undo of it is still "already undone".
    await expect(service.undo('reserved-0001', asApp, admin)).rejects.toMatchObject({
      code: 'UndoAlreadyUndone',
    });
  });

  it('completes a change whose first attempt saved its backup but never reached Graph, with that backup', async () => {
    // The first attempt saved the backup (no photo before), then the process died before the PUT.
    await backups.save({
      target: { target: megan, subject: subjectOf(megan, admin.id) },
      actor: admin.id,
      photo: null,
      changeId: 'reserved-0002',
    });
    const photo = await jpeg(200, 200, 6);
    const result = await service.change(megan, photo, asApp, admin, { changeId: 'reserved-0002' });
    expect(result.resumed).toBeUndefined();
    expect(writes).toHaveLength(1);
    expect(await current()).toEqual(photo);
    // Undo removes the photo: there was none before the change.
    const undo = await service.undo('reserved-0002', asApp, admin, { undoId: 'reserved-undo-2' });
    expect(undo.outcome).toBe('removed');
    expect(await current()).toBeNull();
    await service.undo('reserved-0002', asApp, admin, { undoId: 'reserved-undo-2' });
    expect(writes).toHaveLength(2);
  });

  it('records a change whose PUT was accepted but not recorded, without sending it again, with the backup from before it', async () => {
    const original = await jpeg(200, 200, 7);
    await graph.putPhoto(megan, original, asApp);
    await backups.save({
      target: { target: megan, subject: subjectOf(megan, admin.id) },
      actor: admin.id,
      photo: { bytes: original, contentType: 'image/jpeg' },
      changeId: 'reserved-0003',
    });
    const photo = await jpeg(200, 200, 8);
    // Graph accepted the photo; the process died before the change was marked as the latest.
    await graph.putPhoto(megan, photo, asApp);
    writes = [];
    const result = await service.change(megan, photo, asApp, admin, { changeId: 'reserved-0003' });
    // Graph has that very photo: the change is recorded, not sent again.
    expect(result.resumed).toBe(true);
    expect(writes).toEqual([]);
    expect(Buffer.from(result.replaced!)).toEqual(original);
    expect(await current()).toEqual(photo);
    await service.undo('reserved-0003', asApp, admin);
    expect(await current()).toEqual(original);
  });

  it('leaves a newer change alone: a retry after someone else changed the photo is refused as superseded', async () => {
    await backups.save({
      target: { target: megan, subject: subjectOf(megan, admin.id) },
      actor: admin.id,
      photo: null,
      changeId: 'reserved-0004',
    });
    const newer = await jpeg(200, 200, 9);
    await service.change(megan, newer, asApp, { id: 'someone-else', path: 'admin' });
    writes = [];
    await expect(
      service.change(megan, await jpeg(200, 200, 10), asApp, admin, { changeId: 'reserved-0004' }),
    ).rejects.toMatchObject({ code: 'UndoSuperseded' });
    expect(writes).toEqual([]);
    expect(await current()).toEqual(newer);
  });

  it("refuses a reserved id that names another actor's change", async () => {
    await service.change(megan, await jpeg(200, 200, 11), asApp, admin, { changeId: 'reserved-0005' });
    writes = [];
    await expect(
      service.change(
        megan,
        await jpeg(200, 200, 12),
        asApp,
        { id: 'intruder', path: 'admin' },
        {
          changeId: 'reserved-0005',
        },
      ),
    ).rejects.toMatchObject({ code: 'UndoNotFound' });
    expect(writes).toEqual([]);
  });
});
