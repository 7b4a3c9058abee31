/**
 * Report links: signed over job, admin, tenant and expiry with a key in the shared storage, so that any instance
 * checks what another signed; an edited or forged link is refused whatever it says, an expired one as expired.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPORT_LINK_KEY, ReportLinks } from '../../src/admin/report-links.js';
import { FsStorage } from '../../src/storage/index.js';

describe('ReportLinks', () => {
  let scratch: string;
  let now = 1_000_000;
  const clock = () => now;
  const admin = { id: 'admin-1', tenantId: 'tenant-1' };

  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'report-links-'));
    now = 1_000_000;
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  const links = (lifetimeMs = 60_000) =>
    new ReportLinks({ storage: new FsStorage({ root: scratch }), lifetimeMs, now: clock });

  it('checks a link another instance signed, with the key both read from the storage', async () => {
    const query = await links().sign('job-1', admin);
    const check = await links().check(Object.fromEntries(query));
    expect(check).toEqual({
      ok: true,
      claims: { jobId: 'job-1', adminId: 'admin-1', tenantId: 'tenant-1', expiresAt: 1_060_000 },
    });
    expect((await new FsStorage({ root: scratch }).get(REPORT_LINK_KEY))?.value.length).toBe(32);
  });

  it.each([
    ['another job', { job: 'job-2' }],
    ['another admin', { admin: 'admin-2' }],
    ['another tenant', { tenant: 'tenant-2' }],
    ['a later expiry', { exp: String(9_999_999_999) }],
    ['no signature', { sig: undefined }],
    ['a signature of another length', { sig: 'AAAA' }],
  ])('refuses a link edited to name %s', async (_what, edit) => {
    const query = Object.fromEntries(await links().sign('job-1', admin));
    expect(await links().check({ ...query, ...edit })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a link signed with another key (another deployment)', async () => {
    const query = Object.fromEntries(await links().sign('job-1', admin));
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'report-links-other-'));
    try {
      const other = new ReportLinks({
        storage: new FsStorage({ root: elsewhere }),
        lifetimeMs: 60_000,
        now: clock,
      });
      expect(await other.check(query)).toEqual({ ok: false, reason: 'bad-signature' });
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses an expired link as expired', async () => {
    const query = Object.fromEntries(await links().sign('job-1', admin));
    now += 59_999;
    expect((await links().check(query)).ok).toBe(true);
    now += 1;
    expect(await links().check(query)).toEqual({ ok: false, reason: 'expired' });
  });
});
