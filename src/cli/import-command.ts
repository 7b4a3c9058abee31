/**
 * `profile-photo import <folder|zip> [--dry-run] [--concurrency N] [--report out.csv]` and
 * `profile-photo import --resume <jobId>`: a bulk import with the same matching, backups, audit, report and
 * resumability as the admin card's zip, run in this process.
 *
 * The job id is printed before the first photo changes, so `undo --job` can use it even when the run is
 * interrupted. A killed run leaves its job `running` under a lease that runs out after JOB_LEASE_SECONDS;
 * `import --resume <jobId>` then takes it over and goes on where it stopped: people already set are not set again.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportLimits, ImportSource, JobSummary } from '../admin/admin-contracts.js';
import { AppError } from '../errors.js';
import { openFolder } from '../admin/folder-source.js';
import { openZip } from '../admin/zip-source.js';
import { FsStorage } from '../storage/fs-storage.js';
import { openAdminSession, type AdminSession } from './admin-session.js';
import { readCapped } from './cli-files.js';
import { EXIT, UsageError, type CliIo, type Command } from './command.js';
import { progressView } from './job-progress.js';
import { printPlan, printRunEnd, writeReport } from './job-report.js';

const usage = `profile-photo import <folder|zip> [--dry-run] [--concurrency N] [--report out.csv]
       profile-photo import --resume <jobId> [--concurrency N] [--report out.csv]

Sets the photos of many people at once with the app's own identity. Each file is matched to a person by
its name (user principal name, mail, mail nickname or employee id, e.g. adelev@example.com.jpg), or by a
mapping.csv beside the photos (columns: file, and user, upn, mail or employeeId). Prints the plan
(matched, unmatched, ambiguous, unreadable), then the job's id, then runs it here: every photo is backed
up before it changes, Graph's throttling is waited out, and at most N photos change at once.
  --dry-run          print the plan only; nothing is stored or changed
  --concurrency N    photos changed at once, 1 to 16 (default BULK_CONCURRENCY, 4: Graph's limit per app)
  --report FILE      write the report (person,file,result,reason,graphRequestId) as CSV when the job ends
  --resume ID        go on with a job that was interrupted (killed, or the machine stopped): people already
                     set are not set again. A killed run's job is free again JOB_LEASE_SECONDS after it died.

Undo a whole job with: profile-photo undo --job <id>. List jobs with: profile-photo jobs.
Exit codes: 0 the job ran to its end (failures, if any, are listed and in the report); 1 refused (e.g.
NothingToImport, ZipTooLarge, JobNotFound); 2 usage error.`;

/** Most photos changed at once (config BULK_CONCURRENCY's range). */
const MAX_CONCURRENCY = 16;

export const importCommand: Command = {
  name: 'import',
  summary: "set many people's photos from a folder or a zip, as one job (admins)",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        'dry-run': { type: 'boolean' },
        concurrency: { type: 'string' },
        report: { type: 'string' },
        resume: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const resume = values.resume?.trim();
    if (values.resume !== undefined && !resume) throw new UsageError('--resume needs a job id');
    if (resume !== undefined && positionals.length > 0)
      throw new UsageError('--resume takes a job id, not a folder or zip');
    if (resume === undefined && positionals.length !== 1)
      throw new UsageError('import needs one folder or zip');
    if (values['dry-run'] && resume !== undefined) throw new UsageError('--dry-run plans a new import');
    if (values['dry-run'] && values.report !== undefined)
      throw new UsageError('--dry-run writes no report: the plan is printed');
    const concurrency = values.concurrency === undefined ? undefined : parseConcurrency(values.concurrency);

    const session = await openAdminSession({
      preparer: 'pool',
      ...(concurrency === undefined ? {} : { concurrency }),
    });
    try {
      const options = { report: values.report, tty: process.stdout.isTTY };
      if (resume !== undefined) return await resumeJob(session, io, resume, options);
      const source = await openSource(positionals[0] as string, session.services.limits);
      if (values['dry-run']) return await dryRun(session, io, source);
      return await runImport(session, io, source, options);
    } finally {
      await session.close();
    }
  },
};

interface RunOptions {
  readonly report: string | undefined;
  readonly tty: boolean;
}

/** Plans, prints the plan and the job id, starts the job and runs it to its end here. */
async function runImport(
  session: AdminSession,
  io: CliIo,
  source: ImportSource,
  options: RunOptions,
): Promise<number> {
  const { jobs } = session.services;
  const { job, plan } = await jobs.plan({ source, admin: session.operator, origin: 'cli' });
  printPlan(io, source.name, plan);
  io.out(`Job ${job.id}: setting ${photos(job.total)}. Undo it with: profile-photo undo --job ${job.id}`);
  io.out(`If this run is interrupted, go on with: profile-photo import --resume ${job.id}`);
  await jobs.start(job.id, session.operator);
  return runToEnd(session, io, job.id, options);
}

/** Goes on with an interrupted job (or a planned one never started); a job already done just reports again. */
async function resumeJob(
  session: AdminSession,
  io: CliIo,
  jobId: string,
  options: RunOptions,
): Promise<number> {
  const { jobs } = session.services;
  const job = await jobs.get(jobId);
  if (!job) throw new AppError('JobNotFound', 'no such job');
  if (job.state === 'planned') await jobs.start(job.id, session.operator);
  else if (job.state !== 'queued' && job.state !== 'running' && job.state !== 'done') {
    // Undos resume with `undo --job`; a cancelled or undone job has nothing left to run.
    throw new AppError('JobNotStartable', `job is ${job.state}`);
  }
  io.out(`Job ${job.id}: ${job.state === 'done' ? 'already done' : 'resuming'} (${job.source}).`);
  return runToEnd(session, io, job.id, options);
}

async function runToEnd(
  session: AdminSession,
  io: CliIo,
  jobId: string,
  options: RunOptions,
): Promise<number> {
  const { jobs } = session.services;
  let end: JobSummary;
  const current = await jobs.get(jobId);
  if (current?.state === 'done') {
    end = current;
  } else {
    const view = progressView(io, options.tty, 'set');
    try {
      end = await jobs.runToEnd(jobId, (progress) => {
        view.update(progress);
      });
    } finally {
      view.stop();
    }
  }
  printRunEnd(io, end, await jobs.items(jobId));
  if (options.report !== undefined) await writeReport(io, jobs, jobId, options.report);
  return EXIT.ok;
}

/**
 * The plan alone: matched against the directory as a real import would be, the files kept in a temporary store
 * that is removed afterwards, so nothing is stored in the app's storage and no photo changes.
 */
async function dryRun(session: AdminSession, io: CliIo, source: ImportSource): Promise<number> {
  const { services } = session;
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'profile-photo-dry-run-'));
  try {
    const people = await services.people.allPeople(services.appToken);
    const plan = await services.planner({
      source,
      people,
      storage: new FsStorage({ root: scratch, durable: false }),
      jobId: 'dry-run',
    });
    printPlan(io, source.name, plan);
    if (plan.matched.length === 0) throw new AppError('NothingToImport', 'no file matched anyone');
    io.out(`Dry run: nothing changed. Without --dry-run, ${photos(plan.matched.length)} would be set.`);
    return EXIT.ok;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A folder, or a zip read with the zip's byte cap checked before reading it. */
async function openSource(where: string, limits: ImportLimits): Promise<ImportSource> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(where)).isDirectory();
  } catch (cause) {
    throw new AppError('InputNotReadable', 'no such file or folder', { cause });
  }
  if (isFolder) return openFolder(path.resolve(where), limits);
  const bytes = await readCapped(where, limits.maxBytes, 'ZipTooLarge');
  return openZip(bytes, path.basename(where), limits);
}

function parseConcurrency(text: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= MAX_CONCURRENCY))
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`);
  return value;
}

/** "1 photo", "2 photos": the command line speaks English only. */
function photos(count: number): string {
  return `${count} ${count === 1 ? 'photo' : 'photos'}`;
}
