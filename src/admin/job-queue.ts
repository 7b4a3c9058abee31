/**
 * The queue bulk jobs go through, shared by every instance: one message per job run (an import or its undo).
 *
 * A received message is hidden from other receivers for a visibility lease; the holder renews it while it works
 * and completes (deletes) it at the end. A holder that crashes never completes, so the message shows up again once
 * its lease ran out, and another instance picks the job up where it stopped (the job's own state says where).
 * Delivery is therefore "at least once": the job runner makes a second delivery harmless (see import-jobs.ts).
 *
 * Two implementations of one contract:
 * - {@link StorageJobQueue}: messages kept in the app's own {@link Storage} (files by default), the default;
 * - {@link AzureJobQueue}: an Azure Storage queue (`@azure/storage-queue`), used with Blob storage.
 */
import { randomBytes } from 'node:crypto';
import { type QueueClient, QueueServiceClient, type RestError } from '@azure/storage-queue';
import { createJsonIfAbsent, decodeJson, getJson, JSON_CONTENT_TYPE, putJson } from '../storage/json.js';
import { type Clock, type Storage, validateKey } from '../storage/storage.js';

/** What a queue message says: which job, and whether to run it or to undo it. */
export type JobMessage = { readonly jobId: string; readonly kind: 'run' | 'undo' };

/** A message taken from the queue: hidden from others until its visibility lease ends. */
export interface ReceivedJobMessage {
  readonly message: JobMessage;
  /** Keeps the message hidden for `ms` more from now. @returns `false` when the lease was lost meanwhile */
  renew(ms: number): Promise<boolean>;
  /** Removes the message for good: the work it asked for is done (or can never be done). */
  complete(): Promise<void>;
}

/** A queue of job messages. */
export interface JobQueue {
  send(message: JobMessage): Promise<void>;
  /** The oldest visible message, hidden from others for `visibilityMs`; `undefined` when there is none. */
  receive(visibilityMs: number): Promise<ReceivedJobMessage | undefined>;
}

/** Queue names: usable both as one storage key segment and as an Azure queue name. */
const QUEUE_NAME = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;

function checkQueueName(name: string): string {
  if (!QUEUE_NAME.test(name)) {
    throw new RangeError('a queue name is 3 to 63 lower-case letters, digits and single hyphens');
  }
  return name;
}

function checkVisibility(ms: number): void {
  if (!Number.isSafeInteger(ms) || ms <= 0)
    throw new RangeError('a visibility lease is a positive whole number');
}

/** Reads a message body, refusing anything this app did not write (a message is data from a shared store). */
function parseMessage(value: unknown): JobMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { jobId, kind } = value as Record<string, unknown>;
  if (typeof jobId !== 'string' || (kind !== 'run' && kind !== 'undo')) return undefined;
  return { jobId, kind };
}

/** Options of {@link StorageJobQueue}. */
export interface StorageJobQueueOptions {
  readonly storage: Storage;
  /** The queue's name (config `bulk.queue.name`). */
  readonly name: string;
  /** The clock the storage judges expiry by (default `Date.now`). */
  readonly now?: Clock;
}

interface ClaimBody {
  readonly holder: string;
}

/**
 * A queue kept in the shared storage. Keys:
 * - `queues/<name>/messages/<time>-<random>`: a message (JSON), named so that keys sort oldest first;
 * - `queues/<name>/claims/<message>`: its visibility lease, created with `createIfAbsent` and an expiry, so of
 *   several receivers exactly one gets a message, and a crashed receiver's claim runs out by itself.
 */
export class StorageJobQueue implements JobQueue {
  private readonly storage: Storage;
  private readonly prefix: string;
  private readonly now: Clock;

  constructor(options: StorageJobQueueOptions) {
    this.storage = options.storage;
    this.prefix = validateKey(`queues/${checkQueueName(options.name)}`);
    this.now = options.now ?? Date.now;
  }

  async send(message: JobMessage): Promise<void> {
    const checked = parseMessage(message);
    if (checked === undefined) throw new RangeError('not a job message');
    // A fixed-width time first, so the keys (listed sorted) come out oldest first.
    const id = `${this.now().toString().padStart(15, '0')}-${randomBytes(6).toString('hex')}`;
    await putJson(this.storage, `${this.prefix}/messages/${id}`, checked);
  }

  async receive(visibilityMs: number): Promise<ReceivedJobMessage | undefined> {
    checkVisibility(visibilityMs);
    const keys = await this.storage.list(`${this.prefix}/messages/`);
    for (const key of keys) {
      const id = key.slice(key.lastIndexOf('/') + 1);
      const claimKey = `${this.prefix}/claims/${id}`;
      const holder = randomBytes(16).toString('base64url');
      const claimed = await createJsonIfAbsent(this.storage, claimKey, { holder } satisfies ClaimBody, {
        expiresAt: this.now() + visibilityMs,
      });
      if (!claimed) continue;
      // Read after claiming: a message completed between the listing and the claim is gone by now.
      const body = await this.storage.get(key);
      if (body === undefined) {
        await this.release(claimKey, holder);
        continue;
      }
      const message = parseMessage(safeDecode(body.value, key));
      if (message === undefined) {
        // Not ours to run; dropped so it cannot block the queue.
        await this.storage.delete(key);
        await this.release(claimKey, holder);
        continue;
      }
      return {
        message,
        renew: (ms) => this.renew(claimKey, holder, ms),
        complete: () => this.complete(key, claimKey, holder),
      };
    }
    return undefined;
  }

  private async complete(key: string, claimKey: string, holder: string): Promise<void> {
    const claim = await getJson<Partial<ClaimBody>>(this.storage, claimKey);
    // Someone else received the message after our lease ran out: it is theirs to complete now (as Azure refuses a
    // stale pop receipt).
    if (claim !== undefined && claim.holder !== holder) return;
    await this.storage.delete(key);
    await this.release(claimKey, holder);
  }

  private async renew(claimKey: string, holder: string, ms: number): Promise<boolean> {
    checkVisibility(ms);
    const claim = await getJson<Partial<ClaimBody>>(this.storage, claimKey);
    if (claim?.holder !== holder) return false;
    // A read then a write: renewing well before the end keeps another receiver out of the gap.
    await putJson(this.storage, claimKey, claim, { expiresAt: this.now() + ms });
    return true;
  }

  private async release(claimKey: string, holder: string): Promise<void> {
    const claim = await getJson<Partial<ClaimBody>>(this.storage, claimKey);
    if (claim?.holder === holder) await this.storage.delete(claimKey);
  }
}

function safeDecode(value: Uint8Array, key: string): unknown {
  try {
    return decodeJson({ value, contentType: JSON_CONTENT_TYPE }, key);
  } catch {
    return undefined;
  }
}

/** Options of {@link AzureJobQueue}. */
export interface AzureJobQueueOptions {
  /** An Azure Storage connection string with a queue endpoint (Azurite's development account in tests). */
  readonly connectionString: string;
  readonly name: string;
}

/** Azure Storage queues hide a message for at most 7 days; the visibility is given in whole seconds. */
const MAX_VISIBILITY_SECONDS = 7 * 24 * 3600;

function visibilitySeconds(ms: number): number {
  checkVisibility(ms);
  return Math.min(MAX_VISIBILITY_SECONDS, Math.max(1, Math.ceil(ms / 1000)));
}

/**
 * A queue on Azure Storage queues: `receiveMessages` with a visibility timeout hides a message from other
 * receivers, `updateMessage` extends that, `deleteMessage` completes it. The queue is created on first use.
 */
export class AzureJobQueue implements JobQueue {
  private readonly client: QueueClient;
  private created: Promise<void> | undefined;

  constructor(options: AzureJobQueueOptions) {
    this.client = QueueServiceClient.fromConnectionString(options.connectionString).getQueueClient(
      checkQueueName(options.name),
    );
  }

  async send(message: JobMessage): Promise<void> {
    const checked = parseMessage(message);
    if (checked === undefined) throw new RangeError('not a job message');
    await this.ensureQueue();
    // Base64, as the other Azure SDKs read queue messages by default.
    await this.client.sendMessage(Buffer.from(JSON.stringify(checked), 'utf8').toString('base64'));
  }

  async receive(visibilityMs: number): Promise<ReceivedJobMessage | undefined> {
    const visibilityTimeout = visibilitySeconds(visibilityMs);
    await this.ensureQueue();
    for (;;) {
      const answer = await this.client.receiveMessages({ numberOfMessages: 1, visibilityTimeout });
      const received = answer.receivedMessageItems[0];
      if (received === undefined) return undefined;
      const { messageId } = received;
      let popReceipt = received.popReceipt;
      const message = parseMessage(decodeQueueText(received.messageText));
      if (message === undefined) {
        // Not ours to run; dropped so it cannot block the queue.
        await this.client.deleteMessage(messageId, popReceipt);
        continue;
      }
      return {
        message,
        renew: async (ms) => {
          try {
            const updated = await this.client.updateMessage(
              messageId,
              popReceipt,
              undefined,
              visibilitySeconds(ms),
            );
            if (updated.popReceipt === undefined) return false;
            popReceipt = updated.popReceipt;
            return true;
          } catch (error) {
            if (lostMessage(error)) return false;
            throw error;
          }
        },
        complete: async () => {
          try {
            await this.client.deleteMessage(messageId, popReceipt);
          } catch (error) {
            // Someone else received it after our lease ran out: theirs to complete now.
            if (!lostMessage(error)) throw error;
          }
        },
      };
    }
  }

  private ensureQueue(): Promise<void> {
    this.created ??= this.client.createIfNotExists().then(
      () => undefined,
      (error: unknown) => {
        this.created = undefined; // try again next time
        throw error;
      },
    );
    return this.created;
  }
}

/** The message is gone (404), or was received again by someone else, so our pop receipt no longer matches. */
function lostMessage(error: unknown): boolean {
  const { statusCode, code } = error as RestError;
  return statusCode === 404 || code === 'PopReceiptMismatch' || code === 'MessageNotFound';
}

function decodeQueueText(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}
