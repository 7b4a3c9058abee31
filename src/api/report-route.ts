/**
 * `GET /api/admin/report?job=&admin=&tenant=&exp=&sig=`: a bulk job's report as CSV, through the short-lived signed
 * link the job's card hands its admin (see src/admin/report-links.ts). The link is checked before anything is read:
 * a forged or edited link answers 403, an expired one 410, both with the error's sentence and no report. A good
 * link still has to name a job of that admin, who must still be an admin now (the gate is asked again): a link
 * outlives neither the job's owner nor their role.
 */
import type restify from 'restify';
import type { AdminGate, BulkJobs } from '../admin/admin-contracts.js';
import { REPORT_ROUTE, type ReportLinks } from '../admin/report-links.js';
import { newCorrelationId } from '../bot/turn-errors.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { RouteRegistrar } from '../server/server.js';
import { errorAnswer, noStore, queryOf, requestLocale } from './api-answers.js';

export { REPORT_ROUTE } from '../admin/report-links.js';

export interface ReportRouteDeps {
  readonly links: Pick<ReportLinks, 'check'>;
  readonly jobs: Pick<BulkJobs, 'get' | 'reportCsv'>;
  readonly gate: AdminGate;
  readonly logger: Logger;
}

/** The route, for `startServer({ routes })`. */
export function reportRoute(deps: ReportRouteDeps): RouteRegistrar {
  return (routes) => {
    routes.server.get(REPORT_ROUTE, async (req: restify.Request, res: restify.Response) => {
      await routes.inFlight(res, () => answer(deps, req, res));
    });
  };
}

async function answer(deps: ReportRouteDeps, req: restify.Request, res: restify.Response): Promise<void> {
  const reference = newCorrelationId();
  const locale = requestLocale(req);
  noStore(res);
  const refuse = (error: unknown, status?: number, reason?: string) => {
    const answered = errorAnswer(error, locale, deps.logger, 'report download', { reference, reason });
    for (const [name, value] of Object.entries(answered.headers)) res.setHeader(name, value);
    res.send(status ?? answered.status, answered.body);
  };
  try {
    const query = Object.fromEntries(queryOf(req));
    const check = await deps.links.check(query);
    if (!check.ok) {
      // The same sentence either way ("expired or not yours"); the status tells a client which.
      refuse(new AppError('ReportLinkExpired'), check.reason === 'expired' ? 410 : 403, check.reason);
      return;
    }
    const { jobId, adminId, tenantId } = check.claims;
    await deps.gate.requireAdmin({ id: adminId, tenantId: tenantId === '' ? undefined : tenantId });
    const job = await deps.jobs.get(jobId);
    // Signed for this admin, yet not their job (or gone): the same answer as a link that is not theirs.
    if (job === undefined || job.admin.id !== adminId) {
      refuse(new AppError('ReportLinkExpired'), 403, 'not this admin’s job');
      return;
    }
    const csv = await deps.jobs.reportCsv(jobId);
    deps.logger.info('report downloaded', { correlationId: reference, outcome: 'ok', jobId });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="report-${safeName(jobId)}.csv"`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.writeHead(200);
    res.end(csv);
  } catch (error) {
    refuse(error);
  }
}

/** A job id as a file name: letters, digits and dashes only (ids are UUIDs; anything else is dropped). */
function safeName(jobId: string): string {
  return jobId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 64) || 'job';
}
