/**
 * Approval requests on both storage kinds (files, and Blob Storage on Azurite): several service instances over one
 * storage stand for several bot instances. The clock is injected: expiry is tested without waiting.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { approvalRules, type ApprovalRules } from '../../src/approval/approval-rules.js';
import { ApprovalService, digestOf } from '../../src/approval/approval-service.js';
import { ApprovalError } from '../../src/approval/approval-types.js';
import { RequestStore } from '../../src/approval/request-store.js';
import { GraphError } from '../../src/graph/graph-errors.js';
import { AuditLog } from '../../src/storage/audit-log.js';
import { createStorage, type Storage } from '../../src/storage/index.js';
import { type Azurite, startAzurite } from '../helpers/azurite.js';
import { ManualClock } from '../storage/storage-contract.js';

const HOUR = 3_600_000;
const ADA = { id: 'ada-id', name: 'Ada Lovelace' };
const BOB = { id: 'bob-id', name: 'Bob Approver' };
const CY = { id: 'cy-id', name: 'Cy Approver' };
const APPROVERS = new Set([BOB.id, CY.id]);

/** Rules without Graph: Bob and Cy approve; everyone needs approval. */
const rules: ApprovalRules = {
  needsApproval: () => Promise.resolve(true),
  isApprover: (id) => Promise.resolve(APPROVERS.has(id)),
};

describe.each(['fs', 'blob'] as const)('approval requests (%s storage)', (kind) => {
  let azurite: Azurite | undefined;
  let folder: string;
  let clock: ManualClock;
  let storage: Storage;
  let applied: { requester: string; approver: string; bytes: number }[];
  let failApply: boolean;
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

  const instance = () =>
    new ApprovalService({
      store: new RequestStore(storage),
      rules,
      audit: new AuditLog({ storage, now: clock.now }),
      expiryMs: 72 * HOUR,
      now: clock.now,
      apply: (request, photo, approver) => {
        if (failApply) return Promise.reject(new GraphError('GraphUnavailable', { status: 503 }));
        applied.push({ requester: request.requester.id, approver: approver.id, bytes: photo.length });
        return Promise.resolve(`change-${applied.length}`);
      },
    });

  async function newRequest(service = instance()) {
    return service.create(
      service.draft(),
      {
        requester: { ...ADA, tenantId: 't' },
        conversation: { conversation: { id: 'a:1' } },
        waitingActivityId: 'w-1',
        locale: 'en-US',
      },
      jpeg,
    );
  }
  const claimOf = (request: { id: string }) => ({ requestId: request.id, photoDigest: digestOf(jpeg) });

  beforeAll(async () => {
    if (kind === 'blob') azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite?.stop();
  });
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'approval-'));
    clock = new ManualClock();
    applied = [];
    failApply = false;
    storage =
      kind === 'fs'
        ? createStorage({ kind: 'fs', root: folder, now: clock.now, durable: false })
        : createStorage({
            kind: 'blob',
            connectionString: azurite!.connectionString,
            container: `approval-${randomBytes(6).toString('hex')}`,
            now: clock.now,
          });
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('decides a request exactly once when approvers on several instances press at once', async () => {
    const request = await newRequest();
    const services = Array.from({ length: 6 }, instance);
    const results = await Promise.allSettled(
      services.map((service, n) => service.decide(claimOf(request), n % 2 ? BOB : CY, 'approve')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(applied).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as ApprovalError).code).toBe('RequestDecided');
    }
    const stored = await new RequestStore(storage).get(request.id);
    expect(stored).toMatchObject({ state: 'approved', changeId: 'change-1' });
    // The waiting photo is not kept once decided.
    expect(await new RequestStore(storage).photo(request.id)).toBeUndefined();
  });

  it('refuses after the expiry, and the sweep marks it expired once', async () => {
    const service = instance();
    const request = await newRequest(service);
    clock.advance(72 * HOUR);
    await expect(service.decide(claimOf(request), BOB, 'approve')).rejects.toMatchObject({
      code: 'RequestExpired',
    });
    expect(applied).toHaveLength(0);
    const expired = await service.expireDue();
    expect(expired.map((r) => [r.id, r.state])).toEqual([[request.id, 'expired']]);
    expect(await service.expireDue()).toEqual([]);
    await expect(service.decide(claimOf(request), BOB, 'reject')).rejects.toMatchObject({
      code: 'RequestExpired',
    });
    expect(applied).toHaveLength(0);
  });

  it('does not expire a request before its time', async () => {
    const service = instance();
    await newRequest(service);
    clock.advance(72 * HOUR - 1);
    expect(await service.expireDue()).toEqual([]);
  });

  it('leaves the request pending when the photo could not be set, so it can be approved again', async () => {
    const service = instance();
    const request = await newRequest(service);
    failApply = true;
    await expect(service.decide(claimOf(request), BOB, 'approve')).rejects.toBeInstanceOf(GraphError);
    failApply = false;
    await expect(service.decide(claimOf(request), CY, 'approve')).resolves.toMatchObject({
      state: 'approved',
    });
    expect(applied).toEqual([{ requester: ADA.id, approver: CY.id, bytes: jpeg.length }]);
  });

  it('keeps a rejection reason for the requester, cut to 500 characters', async () => {
    const service = instance();
    const request = await newRequest(service);
    const decided = await service.decide(claimOf(request), BOB, 'reject', `  ${'x'.repeat(600)}  `);
    expect(decided).toMatchObject({ state: 'rejected', decidedBy: BOB });
    expect(decided.reason).toHaveLength(500);
  });

  it('lists and deletes a person’s requests (my data, forget me); a pending one can no longer be approved', async () => {
    const service = instance();
    const first = await newRequest(service);
    await service.decide(claimOf(first), BOB, 'reject');
    clock.advance(1000);
    const second = await newRequest(service);
    const store = new RequestStore(storage);
    expect((await store.listFor(ADA.id)).map((r) => [r.id, r.state])).toEqual([
      [first.id, 'rejected'],
      [second.id, 'pending'],
    ]);
    expect(await store.listFor(BOB.id)).toEqual([]);
    expect(await store.deleteFor(ADA.id)).toBe(2);
    expect(await store.listFor(ADA.id)).toEqual([]);
    expect(await store.photo(second.id)).toBeUndefined();
    await expect(service.decide(claimOf(second), BOB, 'approve')).rejects.toMatchObject({
      code: 'RequestNotFound',
    });
    expect(applied).toHaveLength(0);
  });
});

describe('approval rules over Graph memberships', () => {
  const SALES = 'sales-group';
  const MARKETING = 'marketing-group';
  const groupsOf: Record<string, string[]> = { ada: [MARKETING], bob: [SALES], eve: [] };
  let reads: string[];
  const directory = {
    memberships: (userId: string) => {
      reads.push(userId);
      if (!(userId in groupsOf)) return Promise.reject(new GraphError('GraphNotFound', { status: 404 }));
      return Promise.resolve((groupsOf[userId] ?? []).map((id) => ({ kind: 'group' as const, id })));
    },
  };
  const clock = new ManualClock();
  const build = (mode: 'everyone' | 'group') =>
    approvalRules({
      approval: { mode, groupId: MARKETING, approversGroupId: SALES, expiryMs: HOUR },
      directory,
      appToken: () => Promise.resolve('app-token'),
      cacheMs: 60_000,
      clock: clock.now,
    });
  beforeEach(() => {
    reads = [];
  });

  it('asks for approval from members of the group only, or from everyone', async () => {
    const group = build('group');
    expect(await group.needsApproval('ada')).toBe(true);
    expect(await group.needsApproval('bob')).toBe(false);
    expect(await build('everyone').needsApproval('bob')).toBe(true);
  });

  it('approvers are the approvers group’s members; an unknown user is none', async () => {
    const rules = build('group');
    expect(await rules.isApprover('bob')).toBe(true);
    expect(await rules.isApprover('ada')).toBe(false);
    expect(await rules.isApprover('nobody')).toBe(false);
  });

  it('reads Graph again once the admin check’s cache time has passed', async () => {
    const rules = build('group');
    await rules.isApprover('bob');
    await rules.isApprover('bob');
    expect(reads).toEqual(['bob']);
    clock.advance(60_000);
    groupsOf.bob = [];
    expect(await rules.isApprover('bob')).toBe(false);
    expect(reads).toEqual(['bob', 'bob']);
  });
});
