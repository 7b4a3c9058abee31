/**
 * The bulk import handler's own checks, with the jobs faked: a plan left longer than it may wait is refused
 * (`AdminChoiceExpired`, audited, dropped) rather than started; zips are found among a message's attachments in
 * both shapes Teams and local mode send, and nothing else is taken for one.
 */
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import type { BulkJobs, JobSummary } from '../../../src/admin/admin-contracts.js';
import { AdminGuard } from '../../../src/bot/admin/admin-guard.js';
import { BulkImportHandler, zipOf } from '../../../src/bot/admin/bulk-import.js';
import type { AuditEntry } from '../../../src/storage/audit-log.js';
import { silentLogger } from '../../../src/logger.js';

const ADMIN = 'admin-1';
const PLAN_MS = 10 * 60_000;

function planned(): JobSummary {
  return {
    id: 'job-1',
    state: 'planned',
    origin: 'chat',
    admin: { id: ADMIN, tenantId: 't' },
    source: 'photos.zip',
    createdAt: new Date(1_000_000).toISOString(),
    total: 2,
    done: 0,
    failed: 0,
    skipped: 0,
  };
}

function contextFrom(id: string): TurnContext {
  const activity = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    from: { id: `29:${id}`, aadObjectId: id },
    recipient: { id: 'bot' },
    conversation: { id: 'c', tenantId: 't' },
    locale: 'en-US',
  } as Partial<Activity> as Activity;
  return new TurnContext(new TestAdapter(), activity);
}

describe('BulkImportHandler', () => {
  it('refuses to start a plan older than it may wait, audits it, and drops the plan', async () => {
    const calls: string[] = [];
    const audit: AuditEntry[] = [];
    const jobs = {
      get: () => Promise.resolve(planned()),
      start: () => {
        calls.push('start');
        return Promise.resolve(planned());
      },
      cancel: () => {
        calls.push('cancel');
        return Promise.resolve({ ...planned(), state: 'cancelled' as const });
      },
    } as Partial<BulkJobs> as BulkJobs;
    const guard = new AdminGuard({
      gate: { requireAdmin: () => Promise.resolve() },
      audit: {
        append: (entry: AuditEntry) => {
          audit.push(entry);
          return Promise.resolve({ ...entry, id: 'x', at: '' });
        },
      },
      logger: silentLogger,
    });
    const handler = (now: number) =>
      new BulkImportHandler({
        guard,
        jobs,
        openZip: () => Promise.reject(new Error('unused')),
        downloader: { download: () => Promise.reject(new Error('unused')) },
        limits: { maxBytes: 1, maxEntries: 1, maxUncompressedBytes: 1, maxRatio: 1, maxEntryBytes: 1 },
        planMs: PLAN_MS,
        links: { sign: () => Promise.reject(new Error('unused')) },
        linkMs: 1,
        baseUrl: () => undefined,
        progress: { track: () => Promise.resolve() },
        now: () => now,
        logger: silentLogger,
      });
    const answer = await handler(1_000_000 + PLAN_MS + 1).onStart(contextFrom(ADMIN), 'job-1');
    expect(answer.value).toBe('That choice is no longer open. Send admin to open a new admin card.');
    expect(calls).toEqual(['cancel']);
    expect(audit).toEqual([
      { actor: ADMIN, target: { kind: 'user', id: ADMIN }, path: 'admin', result: 'AdminChoiceExpired' },
    ]);
  });
});

describe('zipOf', () => {
  it('finds a zip sent as a Teams file, or as a plain attachment (local mode)', () => {
    expect(
      zipOf([
        { contentType: 'text/html', content: '<p>hi</p>' },
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'team.zip',
          content: { downloadUrl: 'https://contoso.sharepoint.com/x', fileType: 'zip' },
        },
      ]),
    ).toEqual({
      file: { kind: 'file', url: 'https://contoso.sharepoint.com/x', fileType: 'zip' },
      name: 'team.zip',
    });
    expect(zipOf([{ contentType: 'application/zip', contentUrl: 'http://127.0.0.1:1/p.zip' }])).toEqual({
      file: { kind: 'file', url: 'http://127.0.0.1:1/p.zip', fileType: 'zip' },
      name: 'photos.zip',
    });
  });

  it('takes nothing else for a zip', () => {
    expect(
      zipOf([{ contentType: 'image/*', contentUrl: 'https://smba.trafficmanager.net/a' }]),
    ).toBeUndefined();
    expect(
      zipOf([
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          content: { downloadUrl: 'https://x/y', fileType: 'pdf' },
        },
      ]),
    ).toBeUndefined();
    expect(zipOf([{ contentType: 'application/zip' }])).toBeUndefined();
    expect(zipOf(undefined)).toBeUndefined();
  });
});
