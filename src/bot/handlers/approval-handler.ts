/**
 * Approval in Teams (issue 18): the gate the chat handler runs before changing a person's own photo, and the card
 * actions of approvers (**Approve**, **Reject**) and requesters (**Withdraw**).
 *
 * A change that needs approval becomes a request: the requester gets a "waiting for approval" card with their
 * preview, and each approver the bot can reach (anyone in the approvers group who has chatted with the bot in
 * personal scope) gets a card with the old and the new photo. Every decision is checked by {@link ApprovalService}
 * on the server; afterwards the requester's card and the other approvers' cards are updated in place, through the
 * Bot Connector, from whichever instance decided.
 */
import { TurnContext, type AdaptiveCardInvokeResponse, type ConversationReference } from 'botbuilder';
import type { ApprovalService, Person } from '../../approval/approval-service.js';
import type { ApprovalRequest, Decision } from '../../approval/approval-types.js';
import type { RequestStore } from '../../approval/request-store.js';
import { AppError } from '../../errors.js';
import { pickLocale, translate, type Locale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import { mapLimited } from '../../storage/concurrency.js';
import type { ApprovalGate } from '../../trust/trust-gates.js';
import type { ApprovalRoutes } from '../../trust/trust-routes.js';
import {
  approverCard,
  approverDecidedCard,
  requestActionData,
  requesterOutcomeCard,
  waitingCard,
} from '../cards/approval-cards.js';
import { pictureOf, type AdaptiveCardAttachment } from '../cards/index.js';
import type { ConversationReferences } from '../conversation-references.js';
import { failureText } from '../turn-errors.js';
import { cardResponse, messageResponse } from './invoke-responses.js';
import {
  formatWhen,
  previewDataUriOf,
  senderDisplayName,
  timeZoneOf,
  type DisplayNameLookup,
  type PreviewMaker,
} from './photo-previews.js';

/** A conversation reference as stored (a plain object). */
type Reference = Partial<ConversationReference>;

/** Writing to people outside the current turn (the adapter's `continueConversationAsync`). */
export interface ProactiveCards {
  /** Posts a card in the conversation; returns its activity id. */
  send(reference: Reference, card: AdaptiveCardAttachment): Promise<string | undefined>;
  /** Replaces the card `activityId` in the conversation. */
  update(reference: Reference, activityId: string, card: AdaptiveCardAttachment): Promise<void>;
}

export interface ApprovalHandlerDeps {
  readonly service: ApprovalService;
  readonly store: RequestStore;
  readonly references: ConversationReferences;
  readonly proactive: ProactiveCards;
  readonly previews: PreviewMaker;
  /** The requester's current photo, read with the app's identity; `null` when there is none. */
  readonly currentPhoto: (userId: string) => Promise<Uint8Array | null>;
  /** Names from a directory (local mode), else the activity's `from.name`. */
  readonly displayName?: DisplayNameLookup;
  readonly logger: Logger;
}

/** Approvers written to at once when a request is made. */
const NOTIFY_CONCURRENCY = 4;

export class ApprovalHandler implements ApprovalGate, ApprovalRoutes {
  constructor(private readonly deps: ApprovalHandlerDeps) {}

  async intercept(context: TurnContext, jpeg: Uint8Array): Promise<boolean> {
    const requesterId = context.activity.from.aadObjectId;
    if (!requesterId || !(await this.deps.service.needsApproval(requesterId))) return false;
    const { service, logger } = this.deps;
    const locale = pickLocale(context.activity.locale);
    const draft = service.draft();
    const previewDataUri = await this.preview(jpeg);
    const expires = formatWhen(draft.expiresAt, locale, timeZoneOf(context));
    const waiting = (noApprover: boolean) =>
      waitingCard({ locale, previewDataUri, expires, requestId: draft.id, noApprover });
    const sent = await context.sendActivity({ attachments: [waiting(false)] });
    const request = await service.create(
      draft,
      {
        requester: {
          id: requesterId,
          name: (await senderDisplayName(context, this.deps.displayName)) ?? '',
          tenantId: context.activity.conversation.tenantId,
        },
        conversation: TurnContext.getConversationReference(context.activity),
        waitingActivityId: sent?.id,
        locale: context.activity.locale,
      },
      jpeg,
    );
    const reached = await this.notifyApprovers(request, previewDataUri);
    logger.info('approval requested', { correlationId: request.id, approvers: reached });
    if (reached === 0 && sent?.id) {
      await context.updateActivity({ id: sent.id, type: 'message', attachments: [waiting(true)] });
    }
    return true;
  }

  onApprove(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse> {
    return this.decide(context, data, 'approve');
  }

  onReject(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse> {
    return this.decide(context, data, 'reject');
  }

  async onWithdraw(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    const action = requestActionData(data);
    try {
      if (!action) throw new AppError('RequestNotFound', 'not a request action');
      const jpeg = await this.deps.store.photo(action.requestId);
      const withdrawn = await this.deps.service.withdraw(
        action.requestId,
        await this.person(context, 'NotRequester'),
      );
      const previewDataUri = jpeg ? await this.preview(jpeg) : undefined;
      await this.updateApprovers(withdrawn, 'withdraw', previewDataUri);
      return cardResponse(requesterOutcomeCard({ locale, previewDataUri, decision: 'withdraw', byName: '' }));
    } catch (error) {
      return this.refusal(context, error, action?.requestId);
    }
  }

  /**
   * An approver's first message to the bot: the pending requests they have no card of yet (they could not be
   * reached when those were made).
   */
  async onFirstContact(context: TurnContext): Promise<void> {
    const userId = context.activity.from.aadObjectId;
    if (!userId || !(await this.deps.service.isApprover(userId))) return;
    for (const request of await this.deps.store.pending()) {
      if (request.requester.id.toLowerCase() === userId.toLowerCase()) continue;
      // One found past its expiry is expired here rather than offered.
      const expired = await this.deps.service.expire(request);
      if (expired) {
        await this.afterDecision(expired, 'expire', undefined);
        continue;
      }
      const cards = await this.deps.store.cards(request.id);
      if (cards.some((card) => card.approverId.toLowerCase() === userId.toLowerCase())) continue;
      const jpeg = await this.deps.store.photo(request.id);
      if (!jpeg) continue;
      await this.notifyOne(userId, request, await this.beforePicture(request), await this.preview(jpeg));
    }
  }

  /** Expires the requests past their expiry and updates their cards; returns how many. */
  async expireDue(): Promise<number> {
    const expired = await this.deps.service.expireDue();
    for (const request of expired) await this.afterDecision(request, 'expire', undefined);
    return expired.length;
  }

  private async decide(
    context: TurnContext,
    data: unknown,
    decision: 'approve' | 'reject',
  ): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    const action = requestActionData(data);
    try {
      if (!action) throw new AppError('RequestNotFound', 'not a request action');
      const approver = await this.person(context, 'NotApprover');
      // Read before the decision: afterwards the waiting photo is deleted.
      const jpeg = await this.deps.store.photo(action.requestId);
      const decided = await this.deps.service.decide(
        { requestId: action.requestId, photoDigest: action.photoDigest ?? '' },
        approver,
        decision,
        action.reason,
      );
      const previewDataUri = jpeg ? await this.preview(jpeg) : undefined;
      await this.afterDecision(decided, decision, previewDataUri, approver.id);
      return cardResponse(
        approverDecidedCard({
          locale,
          requesterName: decided.requester.name,
          previewDataUri,
          decision,
          byName: approver.name,
        }),
      );
    } catch (error) {
      return this.refusal(context, error, action?.requestId);
    }
  }

  /** A refused action, answered in the clicker's language; a request found expired is expired now. */
  private async refusal(
    context: TurnContext,
    error: unknown,
    requestId: string | undefined,
  ): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    if (error instanceof AppError && error.code === 'RequestExpired' && requestId) {
      const expired = await this.deps.service.expireById(requestId).catch(() => undefined);
      if (expired) await this.afterDecision(expired, 'expire', undefined);
    }
    const marker = (error as { marker?: { decision: Decision; by: { name: string } } }).marker;
    const outcome = marker
      ? translate(locale, `approval.outcome.${marker.decision}`, { name: marker.by.name })
      : '';
    return messageResponse(failureText(error, locale, this.deps.logger, 'approval action', { outcome }));
  }

  /** Updates the requester's card and every approver's card but the decider's (their own is the invoke's answer). */
  private async afterDecision(
    request: ApprovalRequest,
    decision: Decision,
    previewDataUri: string | undefined,
    deciderId?: string,
  ): Promise<void> {
    const { proactive, logger } = this.deps;
    if (request.waitingActivityId) {
      const card = requesterOutcomeCard({
        locale: pickLocale(request.locale),
        previewDataUri,
        decision,
        byName: request.decidedBy?.name ?? '',
        ...(request.reason ? { reason: request.reason } : {}),
      });
      await proactive
        .update(request.conversation, request.waitingActivityId, card)
        .catch((error: unknown) => {
          logger.warn('requester card not updated', { correlationId: request.id, error: nameOf(error) });
        });
    }
    await this.updateApprovers(request, decision, previewDataUri, deciderId);
  }

  private async updateApprovers(
    request: ApprovalRequest,
    decision: Decision,
    previewDataUri: string | undefined,
    exceptId?: string,
  ): Promise<void> {
    const cards = await this.deps.store.cards(request.id);
    for (const card of cards) {
      if (exceptId !== undefined && card.approverId.toLowerCase() === exceptId.toLowerCase()) continue;
      const locale = pickLocale((card.conversation as { locale?: string }).locale);
      const update = approverDecidedCard({
        locale,
        requesterName: request.requester.name,
        previewDataUri,
        decision,
        byName: request.decidedBy?.name ?? '',
      });
      await this.deps.proactive.update(card.conversation, card.activityId, update).catch((error: unknown) => {
        this.deps.logger.warn('approver card not updated', {
          correlationId: request.id,
          error: nameOf(error),
        });
      });
    }
  }

  /** Sends the request's card to every approver the bot can reach; returns how many got it. */
  private async notifyApprovers(request: ApprovalRequest, previewDataUri: string): Promise<number> {
    const requester = request.requester.id.toLowerCase();
    const candidates = (await this.deps.references.reachable()).filter((id) => id !== requester);
    if (candidates.length === 0) return 0;
    const before = await this.beforePicture(request);
    const sent = await mapLimited(candidates, NOTIFY_CONCURRENCY, async (userId) => {
      try {
        if (!(await this.deps.service.isApprover(userId))) return false;
        return await this.notifyOne(userId, request, before, previewDataUri);
      } catch (error) {
        this.deps.logger.warn('approver not notified', { correlationId: request.id, error: nameOf(error) });
        return false;
      }
    });
    return sent.filter(Boolean).length;
  }

  private async notifyOne(
    approverId: string,
    request: ApprovalRequest,
    before: ReturnType<typeof pictureOf>,
    previewDataUri: string,
  ): Promise<boolean> {
    const reference = await this.deps.references.get(approverId);
    if (!reference) return false;
    const locale: Locale = pickLocale(reference.locale);
    const card = approverCard({
      locale,
      requesterName: request.requester.name,
      before,
      previewDataUri,
      when: formatWhen(request.createdAt, locale),
      expires: formatWhen(request.expiresAt, locale),
      requestId: request.id,
      photoDigest: request.photoDigest,
    });
    const activityId = await this.deps.proactive.send(reference, card);
    if (!activityId) return false;
    await this.deps.store.addCard(
      request.id,
      { approverId, activityId, conversation: reference },
      request.expiresAt,
    );
    return true;
  }

  /** The requester's current photo (read with the app's identity), else their initials. */
  private async beforePicture(request: ApprovalRequest): Promise<ReturnType<typeof pictureOf>> {
    const current = await this.deps.currentPhoto(request.requester.id).catch((error: unknown) => {
      this.deps.logger.warn('current photo not read', { correlationId: request.id, error: nameOf(error) });
      return null;
    });
    return pictureOf(
      await previewDataUriOf(this.deps.previews, current, this.deps.logger),
      request.requester.name,
    );
  }

  private async preview(jpeg: Uint8Array): Promise<string> {
    const uri = await previewDataUriOf(this.deps.previews, jpeg, this.deps.logger);
    if (uri === undefined) throw new Error('the prepared photo could not be previewed');
    return uri;
  }

  private async person(context: TurnContext, refusal: 'NotApprover' | 'NotRequester'): Promise<Person> {
    const id = context.activity.from.aadObjectId;
    if (!id) throw new AppError(refusal, 'no Entra id on the activity');
    return { id, name: (await senderDisplayName(context, this.deps.displayName)) ?? '' };
  }
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
