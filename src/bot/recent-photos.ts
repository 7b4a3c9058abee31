/**
 * Photos that wait a few minutes in the shared pending store, prepared (the JPEG the pipeline made, no metadata):
 * - the last photo each person sent, so that `group Marketing` typed after an image uses that image;
 * - the photo behind a pick card ("which group did you mean?"), under an id the card carries.
 *
 * Keys are made from the sender's own id, so a card's data (which a client can forge) only ever reaches the photos
 * of the person who pressed it. Both kinds expire with the store's sweeper.
 */
import { randomBytes } from 'node:crypto';
import type { PendingStore } from '../storage/pending-store.js';
import { encodeKeySegment } from '../storage/storage.js';

/** A choice id as a card carries it: 16 random bytes, base64url. */
const CHOICE_ID = /^[A-Za-z0-9_-]{22}$/;

export class RecentPhotos {
  constructor(
    private readonly pending: PendingStore,
    /** How long a photo waits. */
    private readonly ttlMs: number,
  ) {}

  /** Keeps `jpeg` as the sender's last photo, replacing the one before. */
  async keep(senderId: string, jpeg: Uint8Array): Promise<void> {
    await this.pending.put(this.lastKey(senderId), jpeg, this.ttlMs, 'image/jpeg');
  }

  /** The sender's last photo, if it has not expired; it stays, so it can go to several groups in turn. */
  async latest(senderId: string): Promise<Uint8Array | undefined> {
    return (await this.pending.get(this.lastKey(senderId)))?.value;
  }

  /** Keeps `jpeg` for a pick card and returns the id the card carries. */
  async holdForChoice(senderId: string, jpeg: Uint8Array): Promise<string> {
    const id = randomBytes(16).toString('base64url');
    await this.pending.put(this.choiceKey(senderId, id), jpeg, this.ttlMs, 'image/jpeg');
    return id;
  }

  /** The photo behind a pick card of the sender's; `undefined` when it expired, was used, or is not theirs. */
  async choice(senderId: string, choiceId: string): Promise<Uint8Array | undefined> {
    if (!CHOICE_ID.test(choiceId)) return undefined;
    return (await this.pending.get(this.choiceKey(senderId, choiceId)))?.value;
  }

  /** Drops a pick card's photo once it is used or the card is cancelled. */
  async release(senderId: string, choiceId: string): Promise<void> {
    if (CHOICE_ID.test(choiceId)) await this.pending.delete(this.choiceKey(senderId, choiceId));
  }

  private lastKey(senderId: string): string {
    return `recent-${encodeKeySegment(senderId)}`;
  }

  private choiceKey(senderId: string, choiceId: string): string {
    return `choice-${encodeKeySegment(senderId)}-${choiceId}`;
  }
}
