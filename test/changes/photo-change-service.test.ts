/**
 * Changing and undoing photos for real: the Graph client against the emulator over loopback, backups and the audit
 * log in a file store in a temporary folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PhotoChangeService, subjectOf, type ChangeTarget } from '../../src/changes/photo-change-service.js';
import { GraphPhotoClient } from '../../src/graph/graph-photo-client.js';
import type { PhotoTarget } from '../../src/graph/photo-target.js';
import { AuditLog } from '../../src/storage/audit-log.js';
import { BackupStore } from '../../src/storage/backup-store.js';
import { createStorage } from '../../src/storage/index.js';
import { SEED, jpeg, startHarness, type Harness } from '../emulator/harness.js';

describe('PhotoChangeService', () => {
  let harness: Harness;
  let folder: string;
  let service: PhotoChangeService;
  let graph: GraphPhotoClient;
  let audit: AuditLog;
  const alex = { id: SEED.alex.id, path: 'chat' as const, correlationId: 'corr-1' };
  const asAlex = () => Promise.resolve(harness.user(SEED.alex.upn));

  beforeEach(async () => {
    harness = await startHarness();
    folder = await mkdtemp(path.join(tmpdir(), 'photo-changes-'));
    const storage = createStorage({ kind: 'fs', root: folder });
    graph = new GraphPhotoClient({ baseUrl: harness.emulator.url, sleep: () => Promise.resolve() });
    audit = new AuditLog({ storage });
    const backups = new BackupStore<ChangeTarget>({ storage, targetKey: (t) => t.subject });
    service = new PhotoChangeService({ graph, backups, audit });
  });
  afterEach(async () => {
    await harness.stop();
    await rm(folder, { recursive: true, force: true });
  });

  const current = async (target: PhotoTarget = { kind: 'me' }) => {
    const bytes = await graph.getPhoto(target, asAlex);
    return bytes ? Buffer.from(bytes) : null;
  };

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

  it('undoing twice is refused: the undo itself is the latest change', async () => {
    await service.change({ kind: 'me' }, await jpeg(300, 300, 1), asAlex, alex);
    const { changeId } = await service.change({ kind: 'me' }, await jpeg(300, 300, 2), asAlex, alex);
    await service.undo(changeId, asAlex, alex);
    await expect(service.undo(changeId, asAlex, alex)).rejects.toMatchObject({ code: 'UndoSuperseded' });
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
