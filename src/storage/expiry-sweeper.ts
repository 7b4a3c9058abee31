/**
 * The periodic clean-up of expired state: waiting photos, exchange claims and leases. Readers never see an expired
 * item, but nothing removes its bytes until someone asks; without this sweep, every photo that waited for a
 * sign-in that never came, and every claim, would stay in the store (on disk or in Blob Storage) for ever.
 */
import type { Logger } from '../logger.js';

/** Something with expired items to remove: a {@link PendingStore}, a {@link LeaseStore}. */
export interface Sweepable {
  /** Removes expired items; returns how many. */
  deleteExpired(): Promise<number>;
}

/** Timers, injected so tests control them. */
export interface SweepTimers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Options of {@link startExpirySweeper}. */
export interface ExpirySweeperOptions {
  readonly targets: readonly Sweepable[];
  /** Time between sweeps, in milliseconds. */
  readonly intervalMs: number;
  readonly logger: Logger;
  readonly timers?: SweepTimers;
}

/** A running sweeper. */
export interface ExpirySweeper {
  /** Sweeps now (waiting for a sweep under way first); returns how many items were removed. */
  sweep(): Promise<number>;
  /** Stops the timer and waits for a sweep under way. */
  stop(): Promise<void>;
}

const NODE_TIMERS: SweepTimers = {
  setInterval: (run, ms) => {
    const handle = setInterval(run, ms);
    // The sweep alone must never keep the process alive.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => {
    clearInterval(handle as NodeJS.Timeout);
  },
};

/** Starts sweeping `targets` every `intervalMs`; the first sweep comes after one interval. */
export function startExpirySweeper(options: ExpirySweeperOptions): ExpirySweeper {
  if (!Number.isSafeInteger(options.intervalMs) || options.intervalMs <= 0)
    throw new RangeError('intervalMs must be a positive whole number');
  const timers = options.timers ?? NODE_TIMERS;
  let running: Promise<number> | undefined;

  const sweepOnce = async (): Promise<number> => {
    let removed = 0;
    for (const target of options.targets) removed += await target.deleteExpired();
    return removed;
  };
  const sweep = (): Promise<number> => {
    // One sweep at a time: a slow store must not pile sweeps up.
    running ??= sweepOnce().finally(() => {
      running = undefined;
    });
    return running;
  };

  const handle = timers.setInterval(() => {
    sweep().then(
      (removed) => {
        if (removed > 0) options.logger.debug('expired state removed', { removed });
      },
      (error: unknown) => {
        // Nothing depends on the sweep for correctness: log and try again next time.
        options.logger.warn('sweeping expired state failed', {
          error: error instanceof Error ? error.name : typeof error,
        });
      },
    );
  }, options.intervalMs);

  return {
    sweep,
    async stop() {
      timers.clearInterval(handle);
      await running?.catch(() => undefined);
    },
  };
}
