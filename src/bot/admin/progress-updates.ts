/**
 * A bulk job's progress card, kept up to date in place: this instance listens to the progress of every job it runs
 * and updates the card whose id the job keeps (`conversation.progressActivityId`), at most once every
 * `intervalMs` per job (Teams throttles message edits, and a person cannot read faster), with the latest progress
 * sent once the interval has passed and the end (done, cancelled, undone) always sent at once. Updates of one job
 * are sent one after another, so an older one never lands after a newer one.
 */
import {
  FINAL_JOB_STATES,
  type BulkJobs,
  type JobConversation,
  type JobProgress,
} from '../../admin/admin-contracts.js';
import { pickLocale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import { jobCard, type AdminJobData } from '../cards/admin-cards.js';
import type { AdaptiveCardAttachment } from '../cards/index.js';

/** Replaces the card `activityId` in the conversation `reference` (through the Bot Connector). */
export type CardUpdater = (
  conversation: JobConversation & { readonly progressActivityId: string },
  card: AdaptiveCardAttachment,
) => Promise<void>;

/** Default: one update every 2 s per job at most. */
export const DEFAULT_PROGRESS_INTERVAL_MS = 2000;

export interface ProgressUpdatesDeps {
  readonly jobs: Pick<BulkJobs, 'onProgress' | 'get'>;
  readonly update: CardUpdater;
  readonly logger: Logger;
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/** Per job: when its card was last updated, the progress waiting for the interval, and the updates in flight. */
interface JobCardState {
  last: number;
  waiting: JobProgress | undefined;
  timer: NodeJS.Timeout | undefined;
  chain: Promise<void>;
}

export class ProgressUpdates {
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly cards = new Map<string, JobCardState>();
  /** Where each job's card is, as this instance recorded it (a progress event may predate the stored record). */
  private readonly known = new Map<string, JobConversation>();
  /** Updates under way, of every job (an ended job's state is dropped, its last update still awaited on stop). */
  private readonly inFlight = new Set<Promise<void>>();
  private stopListening: (() => void) | undefined;

  constructor(private readonly deps: ProgressUpdatesDeps) {
    this.intervalMs = deps.intervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
    this.now = deps.now ?? Date.now;
  }

  /** Starts listening to the jobs this instance runs. */
  start(): void {
    this.stopListening ??= this.deps.jobs.onProgress((progress) => {
      this.onProgress(progress);
    });
  }

  /** Stops listening, drops the waiting updates, and waits for the ones in flight. */
  async stop(): Promise<void> {
    this.stopListening?.();
    this.stopListening = undefined;
    for (const state of this.cards.values()) clearTimeout(state.timer);
    this.cards.clear();
    await Promise.all([...this.inFlight]);
  }

  /**
   * Records where a job's card is, and brings the card up to date at once: a short job may have moved on (or even
   * ended) between Start and the card being posted.
   */
  async track(jobId: string, conversation: JobConversation): Promise<void> {
    this.known.set(jobId, conversation);
    const job = await this.deps.jobs.get(jobId);
    if (job !== undefined && job.state !== 'queued' && job.state !== 'undo-queued') {
      this.onProgress({ job: { ...job, conversation } });
    }
  }

  /** One job's progress: sent now, later (after the interval), or at once when the job has ended. */
  onProgress(progress: JobProgress): void {
    const { job } = progress;
    const card = this.cardOf(job.id, job.conversation);
    if (card === undefined) return;
    const state = this.stateOf(job.id);
    const final = FINAL_JOB_STATES.includes(job.state);
    const wait = state.last + this.intervalMs - this.now();
    if (final || wait <= 0) {
      clearTimeout(state.timer);
      state.timer = undefined;
      state.waiting = undefined;
      this.send(state, card, progress);
      if (final) {
        this.known.delete(job.id);
        this.cards.delete(job.id);
      }
      return;
    }
    state.waiting = progress;
    state.timer ??= setTimeout(() => {
      state.timer = undefined;
      const latest = state.waiting;
      state.waiting = undefined;
      if (latest !== undefined) this.send(state, card, latest);
    }, wait);
    state.timer.unref();
  }

  private send(
    state: JobCardState,
    conversation: JobConversation & { readonly progressActivityId: string },
    progress: JobProgress,
  ): void {
    state.last = this.now();
    const card = jobCard(pickLocale(conversation.locale), progress);
    const jobId: AdminJobData['jobId'] = progress.job.id;
    const chain = state.chain
      .then(() => this.deps.update(conversation, card))
      .catch((error: unknown) => {
        // A card that could not be updated costs the display only; the job goes on, and the next update may work.
        this.deps.logger.warn('progress card not updated', {
          jobId,
          error: error instanceof Error ? error.name : 'unknown',
        });
      });
    state.chain = chain;
    this.inFlight.add(chain);
    void chain.then(() => this.inFlight.delete(chain));
  }

  private cardOf(
    jobId: string,
    stored: JobConversation | undefined,
  ): (JobConversation & { readonly progressActivityId: string }) | undefined {
    const conversation = this.known.get(jobId) ?? stored;
    const activityId = conversation?.progressActivityId ?? stored?.progressActivityId;
    if (conversation === undefined || activityId === undefined) return undefined;
    return { ...conversation, progressActivityId: activityId };
  }

  private stateOf(jobId: string): JobCardState {
    let state = this.cards.get(jobId);
    if (state === undefined) {
      state = {
        last: Number.NEGATIVE_INFINITY,
        waiting: undefined,
        timer: undefined,
        chain: Promise.resolve(),
      };
      this.cards.set(jobId, state);
    }
    return state;
  }
}
