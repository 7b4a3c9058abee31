/**
 * What the person-data service counts as a person's, on real file storage: backups of their own photo whoever made
 * the change (an admin's too) and of every change they made (a group's, a contact's), but not a neighbour's; audit
 * entries naming them as actor or as the user whose photo changed; their waiting items; and their approval
 * requests through PersonRequests when approval is there (listed, and deleted by `forget`). Deletion is
 * idempotent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PersonDataService } from '../../src/privacy/person-data-service.js';
import {
  AuditLog,
  BackupStore,
  createStorage,
  PendingStore,
  type JsonObject,
  type Storage,
} from '../../src/storage/index.js';
import type { PersonRequests, PersonRequestSummary } from '../../src/trust/person-data.js';
import { ManualClock } from '../storage/storage-contract.js';

const ADA = 'Ada-Id';
const BOB = 'bob-id';
const ADMIN = 'admin-id';
type Target = { subject: string };

let folder: string;
let storage: Storage;
let clock: ManualClock;
let backups: BackupStore<Target & JsonObject>;
let audit: AuditLog;
let pending: PendingStore;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'person-data-'));
  clock = new ManualClock();
  storage = createStorage({ kind: 'fs', root: folder, now: clock.now, durable: false });
  backups = new BackupStore({ storage, targetKey: (t) => t.subject, now: clock.now });
  audit = new AuditLog({ storage, now: clock.now });
  pending = new PendingStore({ storage, namespace: 'bot', now: clock.now });
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function change(actor: string, subject: string): Promise<string> {
  const record = await backups.save({ target: { subject }, actor, photo: null });
  await backups.markLatest(record);
  clock.advance(60_000);
  return record.changeId;
}

/** Approval's side, as approval implements it: requests per person. */
function requestsOf(
  byPerson: Record<string, PersonRequestSummary[]>,
): PersonRequests & { deleted: string[] } {
  const deleted: string[] = [];
  return {
    deleted,
    listFor: (person) => Promise.resolve(byPerson[person] ?? []),
    deleteFor: (person) => {
      deleted.push(person);
      const count = (byPerson[person] ?? []).length;
      byPerson[person] = [];
      return Promise.resolve(count);
    },
  };
}

it("counts a person's own photo's backups (an admin's change too), their changes of others, not a neighbour's", async () => {
  const own = await change(ADA, `users/${ADA}`);
  const byAdmin = await change(ADMIN, `users/${ADA.toLowerCase()}`);
  const group = await change(ADA, 'groups/g1');
  const contact = await change(ADA, `users/${ADA}/contacts//c1`);
  const bobs = await change(BOB, `users/${BOB}`);
  await audit.append({ actor: ADA, target: { kind: 'user', id: ADA }, path: 'chat', result: 'success' });
  clock.advance(60_000);
  await audit.append({
    actor: ADMIN,
    target: { kind: 'user', id: ADA },
    path: 'admin',
    result: 'GraphThrottled',
  });
  await audit.append({ actor: BOB, target: { kind: 'user', id: BOB }, path: 'chat', result: 'success' });
  await pending.put(`photo-${ADA}`, Buffer.from('jpeg'), 10 * 60_000);
  await pending.put(`photo-${BOB}`, Buffer.from('jpeg'), 10 * 60_000);
  const request: PersonRequestSummary = {
    id: 'r1',
    createdAt: '2026-11-20T10:00:00.000Z',
    expiresAt: '2026-11-27T10:00:00.000Z',
    state: 'pending',
  };
  const requests = requestsOf({ [ADA]: [request] });
  const service = new PersonDataService({ backups, audit, pending, requests, now: clock.now });

  const data = await service.collect(ADA);
  expect(data.backups.changeIds).toEqual([own, byAdmin, group, contact]);
  expect(data.backups.first).toBe(new Date(Date.UTC(2026, 10, 23, 10, 0, 0)).toISOString());
  expect(data.audit.count).toBe(2);
  expect(data.audit.recent.map((r) => r.actor)).toEqual([ADMIN, ADA]); // newest first
  expect(data.pending.items.map((i) => i.id)).toEqual([`photo-${ADA}`]);
  expect(data.requests).toMatchObject({ available: true, count: 1, first: request.createdAt });

  expect(await service.forget(ADA)).toEqual({ backups: 4, pending: 1, requests: 1 });
  expect(requests.deleted).toEqual([ADA]);
  for (const id of [own, byAdmin, group, contact]) expect(await backups.record(id)).toBeUndefined();
  expect(await backups.record(bobs)).toBeDefined();
  expect(await backups.latestChangeFor({ subject: `users/${ADA}` })).toBeUndefined();
  expect(await backups.latestChangeFor({ subject: `users/${BOB}` })).toBe(bobs);
  expect(await pending.get(`photo-${BOB}`)).toBeDefined();
  expect((await audit.list(0, clock.now() + 1)).length).toBe(3); // audit entries stay
  // A second time, nothing more to delete.
  expect(await service.forget(ADA)).toEqual({ backups: 0, pending: 0, requests: 0 });
});

it('says there are no requests when approval is not part of the app', async () => {
  const data = await new PersonDataService({ backups, audit, pending }).collect(ADA);
  expect(data.requests).toEqual({ count: 0, available: false, items: [] });
  expect(await new PersonDataService({ backups, audit, pending }).forget(ADA)).toEqual({
    backups: 0,
    pending: 0,
    requests: 0,
  });
});
