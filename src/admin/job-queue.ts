/**
 * The queue bulk jobs go through, shared by every instance: one message per job run (an import or an undo).
 * (Skeleton: the implementations follow.)
 */

/** What a queue message says: which job, and whether to run it or undo it. */
export type JobMessage = { readonly jobId: string; readonly kind: 'run' | 'undo' };

/** A message taken from the queue: hidden from others until its visibility lease ends. */
export interface ReceivedJobMessage {
  readonly message: JobMessage;
  /** Keeps the message hidden for `ms` more from now. */
  renew(ms: number): Promise<void>;
  /** Removes the message for good: the work it asked for is done. */
  complete(): Promise<void>;
}

/** A queue of job messages. */
export interface JobQueue {
  send(message: JobMessage): Promise<void>;
  /** The next visible message, hidden from others for `visibilityMs`; `undefined` when there is none. */
  receive(visibilityMs: number): Promise<ReceivedJobMessage | undefined>;
}
