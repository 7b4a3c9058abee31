/**
 * `profile-photo undo --job <id>`: undoes a whole bulk job, run in this process to its end: every photo the job set
 * goes back byte for byte, or is removed where the person had none. An undo that was interrupted goes on where it
 * stopped when the same command is given again.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../errors.js';
import { openAdminSession } from './admin-session.js';
import { EXIT, UsageError, type CliIo, type Command } from './command.js';
import { progressView } from './job-progress.js';
import { printUndoEnd } from './job-report.js';

const usage = `profile-photo undo --job <id>

Undoes a bulk import: every photo the job set goes back to the one before it, byte for byte, or is removed
where the person had none. Runs here to its end, then prints how many were restored, removed or failed.
Given again after an interruption, it goes on where it stopped.
  --job ID   the job, as import printed it (profile-photo jobs lists them)

The command line acts as the app itself, so it may undo any job, one started in chat too.`;

export const undoCommand: Command = {
  name: 'undo',
  summary: 'undo a whole bulk import job (admins)',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { job: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const jobId = values.job?.trim();
    if (!jobId) throw new UsageError('undo needs --job <id>');
    if (positionals.length > 0) throw new UsageError('undo takes no other arguments');

    const session = await openAdminSession({ preparer: 'inline' });
    try {
      const { jobs } = session.services;
      const job = await jobs.get(jobId);
      if (!job) throw new AppError('JobNotFound', 'no such job');
      // A job already undone just reports again; an undo under way (or interrupted) is taken up again.
      if (job.state === 'done') await jobs.undo(job.id, session.operator);
      else if (job.state !== 'undo-queued' && job.state !== 'undoing' && job.state !== 'undone') {
        throw new AppError('JobNotStartable', `job is ${job.state}`);
      }
      let end = job;
      if (job.state !== 'undone') {
        io.out(`Job ${job.id}: undoing (${job.source}).`);
        const view = progressView(io, process.stdout.isTTY, 'undone');
        try {
          end = await jobs.runToEnd(job.id, (progress) => {
            view.update(progress);
          });
        } finally {
          view.stop();
        }
      }
      printUndoEnd(io, end, await jobs.items(job.id));
      return EXIT.ok;
    } finally {
      await session.close();
    }
  },
};
