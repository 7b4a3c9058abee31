/**
 * A running job's progress on the terminal: a bar with the count, the rate and the time left when stdout is a
 * terminal (`cli-progress`), plain lines otherwise (a log file, a pipe, a test), one every tenth of the job or every
 * {@link PLAIN_EVERY} people, whichever comes first, so a long job in a log shows it is moving without a line for
 * each person.
 */
import cliProgress from 'cli-progress';
import type { JobProgress, JobSummary } from '../admin/admin-contracts.js';
import type { CliIo } from './command.js';

/** Shows a job's progress; {@link ProgressView.stop} before printing anything else. */
export interface ProgressView {
  update(progress: JobProgress): void;
  stop(): void;
}

/** A plain line at least this often (people), and at every tenth of the job. */
export const PLAIN_EVERY = 25;

/**
 * How far a job is: people finished with (set or failed) of all matched, or, while it is undone, photos put back
 * of those it set.
 */
export function progressOf(job: JobSummary): { readonly count: number; readonly total: number } {
  if (isUndo(job)) {
    return { count: job.undone ?? 0, total: job.done - job.failed };
  }
  return { count: job.done, total: job.total };
}

/**
 * The view for this terminal.
 * @param verb what the job does to each person, for the lines ("set", "undone")
 */
export function progressView(io: CliIo, tty: boolean, verb: string): ProgressView {
  return tty ? barView(verb) : plainView(io, verb);
}

function barView(verb: string): ProgressView {
  const bar = new cliProgress.SingleBar(
    {
      // Not `{eta}` or `{rate}`: cli-progress fills its own placeholders of those names.
      format: `{bar} {value}/{total} ${verb}{failed} | {speed} | {left}`,
      stream: process.stdout,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  // The last update (the job's end) carries no rate: the last one measured stays on the bar.
  let rate: number | undefined;
  return {
    update(progress) {
      const { count, total } = progressOf(progress.job);
      rate = progress.ratePerMinute ?? rate;
      const payload = {
        failed: failedText(progress.job),
        speed: rateText(rate),
        left: etaText(count >= total ? 0 : progress.etaMs),
      };
      if (!started) {
        bar.start(total, count, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(count, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function plainView(io: CliIo, verb: string): ProgressView {
  let lastShown = -1;
  return {
    update({ job, ratePerMinute, etaMs }) {
      const { count, total } = progressOf(job);
      const step = Math.max(1, Math.min(PLAIN_EVERY, Math.ceil(total / 10)));
      // The first line says the job started; then one per step, and the last when it is through.
      const due = lastShown < 0 || count - lastShown >= step || (count === total && lastShown !== count);
      if (!due) return;
      lastShown = count;
      const percent = total === 0 ? 100 : Math.floor((count * 100) / total);
      io.out(
        `progress: ${count}/${total} ${verb} (${percent}%)${failedText(job).replace(' |', ',')}, ${rateText(ratePerMinute)}, ${etaText(etaMs)}`,
      );
    },
    stop() {
      // Plain lines need no tidying.
    },
  };
}

/** ` | 3 failed` while importing; nothing while undoing (the summary counts no failed undos, the end says them). */
function failedText(job: JobSummary): string {
  return isUndo(job) ? '' : ` | ${job.failed} failed`;
}

function isUndo(job: JobSummary): boolean {
  return job.state === 'undo-queued' || job.state === 'undoing' || job.state === 'undone';
}

function rateText(perMinute: number | undefined): string {
  return perMinute === undefined ? '-/min' : `${Math.round(perMinute)}/min`;
}

function etaText(ms: number | undefined): string {
  return ms === undefined ? 'time left unknown' : `${durationText(ms)} left`;
}

/** `45 s`, `3 min 05 s`, `1 h 02 min`. */
export function durationText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
