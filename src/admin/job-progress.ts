/**
 * The progress of one run of a bulk job: after each person, everyone listening (the chat's progress card, the
 * command line's bar) hears the counts, the rate of this run so far and the time left; the stored summary follows
 * at most every {@link SUMMARY_EVERY_MS}, so another instance following the job sees it move.
 */
import type { JobProgress } from './admin-contracts.js';
import { type JobStore, type StoredJob, summaryOf } from './job-store.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../storage/storage.js';

/** How often the stored summary is written while a job runs (every line is written at once regardless). */
const SUMMARY_EVERY_MS = 500;

/** What a tracker reports to. */
export interface ProgressDeps {
  readonly store: JobStore;
  /** Everyone listening to progress (besides a run's own caller). */
  readonly listeners: () => Iterable<(progress: JobProgress) => void>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** An error for the log: its name, never its message. */
function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * Progress of one run: emitted after each line to the listeners and the caller, with the rate of this run so
 * far; the stored summary is written at most every {@link SUMMARY_EVERY_MS} (and at the end), one write at a time.
 */
export function progressTracker(
  deps: ProgressDeps,
  first: StoredJob,
  todo: number,
  onProgress: ((progress: JobProgress) => void) | undefined,
) {
  const startedAt = deps.clock();
  let finished = 0;
  let lastSave = startedAt;
  let saving: Promise<void> = Promise.resolve();
  let latest = first;
  const save = (job: StoredJob) => {
    latest = job;
    lastSave = deps.clock();
    saving = saving.then(() => deps.store.saveJob(latest));
    return saving;
  };
  const emit = (job: StoredJob, extra: Omit<JobProgress, 'job'> = {}) => {
    const progress: JobProgress = { job: summaryOf(job, undefined), ...extra };
    for (const listener of [...deps.listeners(), ...(onProgress ? [onProgress] : [])]) {
      try {
        listener(progress);
      } catch (error) {
        deps.logger.warn('bulk job progress listener failed', { error: nameOf(error) });
      }
    }
  };
  return {
    emit: (job: StoredJob) => {
      emit(job);
    },
    step: async (job: StoredJob) => {
      finished++;
      const elapsed = deps.clock() - startedAt;
      const ratePerMinute = elapsed > 0 ? (finished * 60_000) / elapsed : undefined;
      const etaMs =
        ratePerMinute === undefined ? undefined : Math.round(((todo - finished) * 60_000) / ratePerMinute);
      emit(job, {
        ...(ratePerMinute === undefined ? {} : { ratePerMinute }),
        ...(etaMs === undefined ? {} : { etaMs }),
      });
      if (deps.clock() - lastSave >= SUMMARY_EVERY_MS) await save(job);
    },
    flush: (job: StoredJob) => save(job),
  };
}
