import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditLog, type AuditEntry, FsStorage, type Storage } from '../../src/storage/index.js';
import { ManualClock } from './storage-contract.js';

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  actor: 'ada-object-id',
  target: { kind: 'user', id: 'ada-object-id' },
  path: 'chat',
  result: 'success',
  graphRequestId: '0f6c8a3e-1b0a-4d8e-9a54-2a1f6f0c1d11',
  ...overrides,
});

const HOUR = 60 * 60 * 1000;

describe('AuditLog', () => {
  let scratch: string;
  let storage: Storage;
  let clock: ManualClock;
  let log: AuditLog;

  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'audit-log-'));
    clock = new ManualClock(Date.UTC(2026, 10, 23, 22, 30));
    storage = new FsStorage({ root: scratch, now: clock.now });
    log = new AuditLog({ storage, now: clock.now });
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('appends records under the day, named by time, and lists a range oldest first', async () => {
    const first = await log.append(entry());
    clock.advance(2 * HOUR); // past midnight UTC: the next day's folder
    const second = await log.append(entry({ path: 'admin', result: 'GraphForbidden', actor: 'admin-id' }));
    clock.advance(HOUR);
    const third = await log.append(entry({ path: 'bulk', changeId: 'AbCdEfGh12345678' }));

    expect(first.id).toMatch(/^audit\/2026-11-23\/20261123T223000000Z-[0-9a-f]{12}$/);
    expect(second.id).toMatch(/^audit\/2026-11-24\/20261124T003000000Z-/);
    expect(second).toMatchObject({
      at: '2026-11-24T00:30:00.000Z',
      actor: 'admin-id',
      result: 'GraphForbidden',
    });

    const all = await log.list(Date.UTC(2026, 10, 23), Date.UTC(2026, 10, 25));
    expect(all).toEqual([first, second, third]);
    // `from` is inclusive, `to` exclusive, to the millisecond.
    expect(await log.list(new Date(second.at), new Date(third.at))).toEqual([second]);
    expect(await log.list(Date.UTC(2026, 10, 24), Date.UTC(2026, 10, 24, 1))).toEqual([second]);
    expect(await log.list(Date.UTC(2026, 10, 25), Date.UTC(2026, 10, 26))).toEqual([]);
    expect(await log.list(Date.UTC(2026, 10, 26), Date.UTC(2026, 10, 25))).toEqual([]);
    // A long range reads the whole log once instead of one prefix per day.
    expect(await log.list(Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1))).toEqual([first, second, third]);
  });

  it('is append-only: records made at the same instant all stay, and none is overwritten', async () => {
    const records = await Promise.all(
      Array.from({ length: 25 }, (_, i) => log.append(entry({ actor: `u${i}` }))),
    );
    expect(new Set(records.map((record) => record.id)).size).toBe(25);
    const listed = await log.list(clock.time, clock.time + 1);
    expect(listed.map((record) => record.actor).sort()).toEqual(records.map((record) => record.actor).sort());
    // Records are created, never put: an existing key refuses a second write.
    const [one] = records;
    expect(await storage.createIfAbsent(one!.id, new TextEncoder().encode('{}'))).toBe(false);
    expect((await log.list(clock.time, clock.time + 1)).find((r) => r.id === one!.id)).toEqual(one);
  });

  it('keeps only the known fields: no bytes, no tokens, no extras', async () => {
    const sneaky = {
      ...entry(),
      photo: Buffer.from('JPEG bytes'),
      accessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln',
    } as AuditEntry;
    const record = await log.append(sneaky);
    const stored = await storage.get(record.id);
    const json = JSON.parse(new TextDecoder().decode(stored?.value)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual([
      'actor',
      'at',
      'graphRequestId',
      'id',
      'path',
      'result',
      'target',
    ]);
    expect(JSON.stringify(json)).not.toMatch(/JPEG|eyJ/);
  });

  it('refuses values that are bytes, tokens or unknown codes', async () => {
    const refused: AuditEntry[] = [
      entry({ graphRequestId: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }),
      entry({ actor: 'Bearer' }),
      entry({ actor: 'has spaces and\nlines' }),
      entry({ actor: '' }),
      entry({ actor: 'x'.repeat(257) }),
      entry({ changeId: Buffer.from('bytes') as unknown as string }),
      entry({ target: { kind: 'user', id: new Uint8Array([1, 2]) as unknown as string } }),
      entry({ target: { kind: 'printer', id: 'p' } as unknown as AuditEntry['target'] }),
      entry({ path: 'email' as AuditEntry['path'] }),
      entry({ result: 'NotACode' as AuditEntry['result'] }),
    ];
    for (const bad of refused) {
      await expect(log.append(bad)).rejects.toMatchObject({ code: 'InvalidStorageValue' });
    }
    expect(await storage.list('audit/')).toEqual([]);
  });

  it('types entries so bytes cannot be passed', () => {
    // @ts-expect-error a photo is not an audit field
    const withPhoto: AuditEntry = { ...entry(), photo: new Uint8Array(1) };
    // @ts-expect-error ids are strings, not bytes
    const bytesAsId: AuditEntry = { ...entry(), graphRequestId: new Uint8Array(1) };
    // @ts-expect-error only the known paths
    const unknownPath: AuditEntry = { ...entry(), path: 'email' };
    expect([withPhoto, bytesAsId, unknownPath]).toHaveLength(3);
  });

  it('accepts every known path and any known error code or InternalError as the result', async () => {
    for (const p of ['chat', 'messaging-extension', 'tab', 'admin', 'bulk'] as const) {
      await log.append(entry({ path: p, result: 'InternalError' }));
    }
    await log.append(entry({ result: 'ImageTooLarge' }));
    expect(await storage.list('audit/')).toHaveLength(6);
  });
});
