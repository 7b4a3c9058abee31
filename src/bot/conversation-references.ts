/**
 * Where the bot can write to people on its own initiative: the conversation reference of each person's personal
 * chat with the bot, kept in the shared storage (`conversations/<user>`) whenever they message it, so any instance
 * can send them a card later (approval requests to approvers). A reference holds ids and the service URL only: no
 * message text. Only personal chats are kept; a person who never chatted with the bot cannot be reached.
 */
import { TurnContext, type ConversationReference } from 'botbuilder';
import type { Logger } from '../logger.js';
import { getJson, putJson } from '../storage/json.js';
import { encodeKeySegment, type Storage } from '../storage/storage.js';

const PREFIX = 'conversations/';
/** Most references remembered in memory as "already stored as is" (only spares writes). */
const MAX_REMEMBERED = 10_000;

const keyOf = (userId: string) => `${PREFIX}${encodeKeySegment(userId.toLowerCase())}`;

export class ConversationReferences {
  /** What this instance last stored per user, so an unchanged reference is not written on every message. */
  private readonly stored = new Map<string, string>();

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {}

  /**
   * Keeps the sender's reference when the activity is a message in a personal chat.
   * @returns `true` when this person had no reference stored before (their first message, as far as the store knows)
   */
  async remember(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    // botbuilder types both as always there; test adapters and some channels leave them out.
    const from = activity.from as typeof activity.from | undefined;
    const userId = from?.aadObjectId;
    const conversation = activity.conversation as typeof activity.conversation | undefined;
    const { conversationType } = (conversation ?? {}) as { conversationType?: string };
    if (activity.type !== 'message' || !userId || (conversationType ?? 'personal') !== 'personal')
      return false;
    const reference = TurnContext.getConversationReference(activity);
    // Only what continuing the conversation needs: never the activity's text or attachments.
    const kept = {
      channelId: reference.channelId,
      serviceUrl: reference.serviceUrl,
      conversation: reference.conversation,
      user: reference.user,
      bot: reference.bot,
      locale: activity.locale,
    };
    const json = JSON.stringify(kept);
    const key = keyOf(userId);
    if (this.stored.get(key) === json) return false;
    const known = this.stored.has(key) || (await this.storage.get(key)) !== undefined;
    await putJson(this.storage, key, kept);
    this.stored.delete(key);
    if (this.stored.size >= MAX_REMEMBERED) {
      const oldest = this.stored.keys().next();
      if (!oldest.done) this.stored.delete(oldest.value);
    }
    this.stored.set(key, json);
    return !known;
  }

  /** A middleware that remembers references and never stops a turn when storing fails. */
  middleware(onFirst?: (context: TurnContext) => Promise<void>) {
    return async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
      let first = false;
      try {
        first = await this.remember(context);
      } catch (error) {
        this.logger.warn('conversation reference not stored', {
          error: error instanceof Error ? error.name : typeof error,
        });
      }
      await next();
      if (first && onFirst) {
        await onFirst(context).catch((error: unknown) => {
          this.logger.warn('first-contact follow-up failed', {
            error: error instanceof Error ? error.name : typeof error,
          });
        });
      }
    };
  }

  /** A person's reference (with the locale they last wrote in), if they ever chatted with the bot. */
  async get(userId: string): Promise<(Partial<ConversationReference> & { locale?: string }) | undefined> {
    return getJson(this.storage, keyOf(userId));
  }

  /** The user ids (lower case) of everyone the bot can reach. */
  async reachable(): Promise<string[]> {
    const keys = await this.storage.list(PREFIX);
    const refs = await Promise.all(
      keys.map((key) => getJson<{ user?: { aadObjectId?: string } }>(this.storage, key)),
    );
    return refs.flatMap((ref) => (ref?.user?.aadObjectId ? [ref.user.aadObjectId.toLowerCase()] : []));
  }

  /** Forgets a person's reference (`forget me`). */
  async forget(userId: string): Promise<void> {
    this.stored.delete(keyOf(userId));
    await this.storage.delete(keyOf(userId));
  }
}
