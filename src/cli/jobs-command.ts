/** `profile-photo jobs`: the bulk jobs, newest first, as a table (id, state, source, created, done/total, failed). */
import { parseArgs } from 'node:util';
import type { JobSummary } from '../admin/admin-contracts.js';
import { openAdminSession } from './admin-session.js';
import { EXIT, type CliIo, type Command } from './command.js';

const usage = `profile-photo jobs

Lists the bulk import jobs, newest first: id, state, source, when it was created (UTC), how many people
are done of the total, and how many failed. States: planned, queued, running, done, cancelled,
undo-queued, undoing, undone. Jobs from chat (the admin card) are listed too.`;

const HEADINGS = ['ID', 'STATE', 'SOURCE', 'CREATED (UTC)', 'DONE', 'FAILED'] as const;

export const jobsCommand: Command = {
  name: 'jobs',
  summary: 'list the bulk import jobs and their state (admins)',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    parseArgs({ args: [...args], options: {}, allowPositionals: false, strict: true });
    const session = await openAdminSession({ preparer: 'inline' });
    try {
      const jobs = await session.services.jobs.list();
      if (jobs.length === 0) {
        io.out('No jobs yet. Start one with: profile-photo import <folder|zip>');
        return EXIT.ok;
      }
      for (const line of table(jobs)) io.out(line);
      return EXIT.ok;
    } finally {
      await session.close();
    }
  },
};

function table(jobs: readonly JobSummary[]): string[] {
  const rows = jobs.map((job) => [
    job.id,
    job.state,
    job.source,
    job.createdAt.slice(0, 16).replace('T', ' '),
    `${job.done}/${job.total}`,
    String(job.failed),
  ]);
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(HEADINGS), ...rows.map(line)];
}
