/**
 * What the admin commands print about an import's plan and a job's outcome: the plan's counts and first few names,
 * the end of a run, the end of an undo, and the report file.
 */
import type { ImportPlan, JobItemResult, JobSummary, SkipReason } from '../admin/admin-contracts.js';
import type { BulkJobs } from '../admin/admin-contracts.js';
import { writeAtomically } from './cli-files.js';
import type { CliIo } from './command.js';

/** Names shown per group of the plan; the rest are counted. */
const FIRST_FEW = 5;

/** How the plan's skipped files are grouped in its summary, as the admin card groups them. */
const GROUP_OF: Record<SkipReason, 'unmatched' | 'ambiguous' | 'unreadable'> = {
  unmatched: 'unmatched',
  ambiguous: 'ambiguous',
  'duplicate-person': 'ambiguous',
  'unsafe-name': 'unreadable',
  link: 'unreadable',
  'nested-zip': 'unreadable',
  'not-an-image': 'unreadable',
  unreadable: 'unreadable',
};

/**
 * The plan's summary: one line of counts, then the first few names of each group, e.g.
 * `photos.zip: 200 matched, 3 unmatched, 1 ambiguous, 2 unreadable`.
 */
export function printPlan(io: CliIo, source: string, plan: ImportPlan): void {
  const groups = { unmatched: [] as string[], ambiguous: [] as string[], unreadable: [] as string[] };
  for (const skipped of plan.skipped) {
    const group = GROUP_OF[skipped.reason];
    const detail =
      skipped.reason === 'unmatched' || skipped.reason === 'unreadable'
        ? ''
        : ` (${skipped.reason}${skipped.candidates?.length ? `: ${skipped.candidates.join(', ')}` : ''})`;
    groups[group].push(`${skipped.file}${detail}`);
  }
  io.out(
    `${source}: ${plan.matched.length} matched, ${groups.unmatched.length} unmatched, ` +
      `${groups.ambiguous.length} ambiguous, ${groups.unreadable.length} unreadable`,
  );
  const matched = plan.matched.map((photo) => `${photo.file} -> ${photo.person.userPrincipalName}`);
  for (const [label, names] of [['matched', matched], ...Object.entries(groups)] as [string, string[]][]) {
    if (names.length === 0) continue;
    const more = names.length > FIRST_FEW ? `, and ${names.length - FIRST_FEW} more` : '';
    io.out(`  ${label}: ${names.slice(0, FIRST_FEW).join(', ')}${more}`);
  }
}

/** Counts of a job's report lines by result. */
export function countResults(items: readonly JobItemResult[]): Record<JobItemResult['result'], number> {
  const counts = { set: 0, failed: 0, skipped: 0, restored: 0, removed: 0, pending: 0 };
  for (const item of items) counts[item.result] += 1;
  return counts;
}

/** The end of a run: `Job <id> done: 195 set, 3 failed, 12 skipped.`, then the first few failures. */
export function printRunEnd(io: CliIo, job: JobSummary, items: readonly JobItemResult[]): void {
  const counts = countResults(items);
  const left = counts.pending > 0 ? `, ${counts.pending} not done` : '';
  io.out(
    `Job ${job.id} ${job.state}: ${counts.set} set, ${counts.failed} failed, ${counts.skipped} skipped${left}.`,
  );
  const failed = items.filter((item) => item.result === 'failed');
  for (const item of failed.slice(0, FIRST_FEW)) {
    io.out(`  failed: ${item.file} -> ${item.person || '?'}: ${item.reason ?? 'unknown'}`);
  }
  if (failed.length > FIRST_FEW) io.out(`  and ${failed.length - FIRST_FEW} more failed (see the report)`);
}

/**
 * The end of an undo: `Job <id> undone: 150 restored, 45 removed, 0 failed.` A photo the job set that is neither
 * restored nor removed is one the undo could not put back.
 */
export function printUndoEnd(io: CliIo, job: JobSummary, items: readonly JobItemResult[]): void {
  const counts = countResults(items);
  const failed = items.filter(
    (item) => item.changeId !== undefined && item.result !== 'restored' && item.result !== 'removed',
  );
  io.out(
    `Job ${job.id} ${job.state}: ${counts.restored} restored, ${counts.removed} removed, ${failed.length} failed.`,
  );
  for (const item of failed.slice(0, FIRST_FEW)) {
    io.out(`  not undone: ${item.person || item.file}: ${item.reason ?? 'unknown'}`);
  }
}

/** Writes the job's report CSV to `file` (a temporary file renamed into place) and says where. */
export async function writeReport(io: CliIo, jobs: BulkJobs, jobId: string, file: string): Promise<void> {
  const csv = await jobs.reportCsv(jobId);
  await writeAtomically(file, new TextEncoder().encode(csv));
  io.out(`Report: ${file}`);
}
