/**
 * The read-back after a change (issue 18), for real: the Graph client against the emulator over loopback and the
 * real comparer (src/photo/photo-compare.ts). A Graph that serves another photo after accepting the new one, or
 * fails to serve any, leaves the change made but not confirmed; `verify: false` (bulk imports) reads nothing back.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PhotoChangeService, type ChangeTarget } from '../../src/changes/photo-change-service.js';
import { FaultScript } from '../../src/emulator/faults.js';
import { GraphPhotoClient } from '../../src/graph/graph-photo-client.js';
import type { PhotoTarget } from '../../src/graph/photo-target.js';
import { createPhotoComparer } from '../../src/photo/photo-compare.js';
import { AuditLog } from '../../src/storage/audit-log.js';
import { BackupStore } from '../../src/storage/backup-store.js';
import { createStorage } from '../../src/storage/index.js';
import { LeaseStore } from '../../src/storage/lease-store.js';
import { SEED, jpeg, startHarness, type Harness } from '../emulator/harness.js';
import { encodeJpeg, quadrants } from '../helpers/images.js';

describe('PhotoChangeService read-back', () => {
  let harness: Harness;
  let folder: string;
  let script: FaultScript;
  let graph: GraphPhotoClient;
  let reads: number;
  /** What the stand-in Graph serves instead of the stored photo, when set. */
  let servedInstead: Uint8Array | undefined;
  const alex = { id: SEED.alex.id, path: 'chat' as const };
  const asAlex = () => Promise.resolve(harness.user(SEED.alex.upn));

  const service = (withComparer = true) => {
    const storage = createStorage({ kind: 'fs', root: folder });
    // The real client, except that a read may serve another photo (a Graph that lost or mixed up the change).
    const lying = Object.create(graph) as GraphPhotoClient;
    lying.getPhoto = async (target: PhotoTarget, token) => {
      reads++;
      const real = await graph.getPhoto(target, token);
      return servedInstead ?? real;
    };
    return new PhotoChangeService({
      graph: lying,
      backups: new BackupStore<ChangeTarget>({ storage, targetKey: (t) => t.subject }),
      audit: new AuditLog({ storage }),
      leases: new LeaseStore({ storage, namespace: 'photos' }),
      ...(withComparer ? { comparer: createPhotoComparer() } : {}),
    });
  };

  beforeEach(async () => {
    script = new FaultScript();
    harness = await startHarness({ faults: { script, photoRoutesOnly: true } });
    folder = await mkdtemp(path.join(tmpdir(), 'read-back-'));
    graph = new GraphPhotoClient({ baseUrl: harness.emulator.url, sleep: () => Promise.resolve() });
    reads = 0;
    servedInstead = undefined;
  });
  afterEach(async () => {
    await harness.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('confirms a change whose photo reads back as the one sent', async () => {
    const result = await service().change({ kind: 'me' }, await jpeg(300, 300, 1), asAlex, alex);
    expect(result).toMatchObject({ confirmed: true, readBack: 'matched' });
    expect(reads).toBe(2); // the backup's read, then the read-back
  });

  it('does not confirm a change when Graph serves another photo, and the change stands', async () => {
    const sent = await jpeg(300, 300, 2);
    const changes = service();
    servedInstead = await encodeJpeg(quadrants(300, 300), 90);
    const result = await changes.change({ kind: 'me' }, sent, asAlex, alex);
    expect(result).toMatchObject({ confirmed: false, readBack: 'differed' });
    servedInstead = undefined;
    expect(Buffer.from((await graph.getPhoto({ kind: 'me' }, asAlex))!).equals(sent)).toBe(true);
  });

  it('does not confirm a change whose read-back fails, and does not throw', async () => {
    // The backup's read and the write pass; the read-back meets 503 on each of its 4 attempts.
    script.push('pass').push('pass').push('unavailable', 4);
    const result = await service().change({ kind: 'me' }, await jpeg(300, 300, 4), asAlex, alex);
    expect(result).toMatchObject({ confirmed: false, readBack: 'failed' });
    expect(script.pending).toBe(0);
  });

  it('reads nothing back with verify: false (bulk imports) or without a comparer', async () => {
    const skipped = await service().change({ kind: 'me' }, await jpeg(300, 300, 5), asAlex, alex, {
      verify: false,
    });
    expect(skipped).toMatchObject({ confirmed: false, readBack: 'skipped' });
    expect(reads).toBe(1);
    const none = await service(false).change({ kind: 'me' }, await jpeg(300, 300, 6), asAlex, alex);
    expect(none).toMatchObject({ confirmed: false, readBack: 'skipped' });
    expect(reads).toBe(2);
  });
});
