/**
 * Undo and redo. Undo comes from the photo card's button (`Action.Execute`, answered with a card that replaces it
 * in place) or from the text command `undo`, which walks back through the sender's own history one change at a
 * time. Each answer says what is in place now and offers **Use this photo again** (a redo: a new change, itself
 * undoable, answered with the photo card). Only the person who made a change can undo or redo it.
 */
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { PhotoChangeService, UndoResult } from '../../changes/photo-change-service.js';
import { SupersededError, type ChangeTarget } from '../../changes/photo-change-service.js';
import { requireGroupOwner } from '../../changes/owner-check.js';
import { DELEGATED_SCOPES, scopesForTarget } from '../../auth/obo-token-provider.js';
import { AppError } from '../../errors.js';
import type { AccessTokenSource } from '../../graph/graph-photo-client.js';
import type { PhotoTarget } from '../../graph/photo-target.js';
import { errorText, pickLocale, sentenceGap, translate, type Locale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { BackupStore } from '../../storage/backup-store.js';
import { photoUpdatedCard, pictureOf, undoneCard, type AdaptiveCardAttachment } from '../cards/index.js';
import { senderId, type SenderTokens } from '../sender-tokens.js';
import { codeOf, failureText } from '../turn-errors.js';
import { cardResponse, messageResponse } from './invoke-responses.js';
import { refusedGroupName, type GroupLookup } from './target-lookups.js';
import {
  formatWhen,
  previewDataUriOf,
  senderDisplayName,
  timeZoneOf,
  type DisplayNameLookup,
  type PreviewMaker,
} from './photo-previews.js';

export interface UndoDeps {
  readonly changes: PhotoChangeService;
  /** Kept for the wiring's sake; the history is read through the change service. */
  readonly backups?: BackupStore<ChangeTarget>;
  readonly tokens: SenderTokens;
  readonly logger: Logger;
  /** Makes the previews of the photo in place; without it the cards show the placeholder. */
  readonly previews?: PreviewMaker;
  /** The sender's name from a directory, for the card's initials (else `from.name`). */
  readonly displayName?: DisplayNameLookup;
  /** The owner check for an undo or redo of a group's photo (a former owner may no longer change it). */
  readonly groups?: Pick<GroupLookup, 'requireOwned'>;
  /**
   * Undo and redo of a change an admin made to someone else's photo: the admin is checked again and the app's own
   * token is used (never the admin's delegated one, which Graph would refuse for another user's photo). Without it
   * such an undo is refused.
   */
  readonly admin?: { undoToken(context: TurnContext, targetId: string): Promise<AccessTokenSource> };
}

/** Answers that are not failures but the state of things: said plainly, with what to do next, no reference. */
const STATE_CODES = new Set([
  'UndoAlreadyUndone',
  'RedoAlreadyDone',
  'UndoSuperseded',
  'NotAdmin',
  'TenantNotAllowed',
]);

export class UndoHandler {
  constructor(private readonly deps: UndoDeps) {}

  /** The card's Undo button: undoes that change and answers with the card that replaces the photo card. */
  async onCardAction(context: TurnContext, changeId: string): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    try {
      const target = await this.targetOf(context, changeId);
      const token = await this.tokenFor(context, target);
      const result = await this.deps.changes.undo(changeId, token, this.actor(context, target));
      const own = target === undefined || target.kind === 'me';
      return cardResponse(await this.undoneAnswer(context, locale, result, own));
    } catch (error) {
      return messageResponse(this.refusalText(error, locale, context, 'undo'));
    }
  }

  /** The card's "Use this photo again": reverses that undo with a new change, answered with the photo card. */
  async onRedoCardAction(context: TurnContext, undoId: string): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    try {
      const target = await this.targetOf(context, undoId);
      const token = await this.tokenFor(context, target);
      const result = await this.deps.changes.redo(undoId, token, this.actor(context, target));
      this.deps.logger.info('redo done', {
        correlationId: result.changeId,
        outcome: 'ok',
        graphRequestId: result.graphRequestId,
        undoId,
      });
      const [after, before] = await Promise.all([this.preview(result.photo), this.preview(result.replaced)]);
      // The photo set again is the one the undo removed, so a preview of it exists unless the pool failed.
      if (after === undefined) {
        return messageResponse(translate(locale, 'redo.title'));
      }
      const card = photoUpdatedCard({
        locale,
        previewDataUri: after,
        changeId: result.changeId,
        before: pictureOf(before, await senderDisplayName(context, this.deps.displayName)),
        again: true,
        confirmed: result.confirmed,
      });
      return cardResponse(card);
    } catch (error) {
      return messageResponse(this.refusalText(error, locale, context, 'redo'));
    }
  }

  /** The text command `undo`: the sender's own latest change still in place, one step further back each time. */
  async onText(context: TurnContext): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    try {
      const result = await this.deps.changes.undoLatest(
        { kind: 'me' },
        await this.token(context),
        this.actor(context),
      );
      if (result.outcome === 'nothing-yet') {
        await context.sendActivity(translate(locale, 'undo.nothingToUndo'));
        return;
      }
      if (result.outcome === 'nothing-left') {
        await context.sendActivity(translate(locale, 'undo.nothingLeft'));
        return;
      }
      const card = await this.undoneAnswer(context, locale, result);
      await context.sendActivity({ attachments: [card] });
    } catch (error) {
      await context.sendActivity(this.refusalText(error, locale, context, 'undo'));
    }
  }

  /** The card that says what an undo left in place, with the picture and "Use this photo again". */
  private async undoneAnswer(
    context: TurnContext,
    locale: Locale,
    result: UndoResult,
    /** False for a group's or a contact's photo: the sentences about "your photo" do not fit it. */
    own = true,
  ): Promise<AdaptiveCardAttachment> {
    // The undo's own change id is its correlation id (the audit log has Graph's request id under it).
    this.deps.logger.info('undo done', {
      correlationId: result.changeId,
      outcome: 'ok',
      result: result.outcome,
    });
    const previewDataUri = await this.preview(result.photo);
    const backTo = !own
      ? ({ kind: 'other' } as const)
      : result.inPlace !== null && result.inPlace.byActor
        ? ({
            kind: 'change',
            date: formatWhen(result.inPlace.createdAt, locale, timeZoneOf(context)),
          } as const)
        : ({ kind: 'original' } as const);
    return undoneCard({
      locale,
      outcome: result.outcome,
      ...(previewDataUri === undefined ? {} : { previewDataUri }),
      backTo,
      redoChangeId: result.changeId,
    });
  }

  /** The answer to a refused undo or redo: the state said plainly, or a failure with its reference. */
  private refusalText(error: unknown, locale: Locale, context: TurnContext, what: string): string {
    if (error instanceof SupersededError && error.newerPhotoAt !== undefined) {
      const date = formatWhen(error.newerPhotoAt, locale, timeZoneOf(context));
      return `${translate(locale, 'undo.supersededOn', { date })}${sentenceGap(locale)}${translate(locale, 'UndoSuperseded.next')}`;
    }
    const code = codeOf(error);
    if (code === 'NotGroupOwner') return errorText(code, locale, { name: refusedGroupName(error) ?? '' });
    if (code !== undefined && STATE_CODES.has(code)) return errorText(code, locale);
    return failureText(error, locale, this.deps.logger, what);
  }

  private preview(jpeg: Uint8Array | null): Promise<string | undefined> {
    const maker = this.deps.previews;
    return maker === undefined ? Promise.resolve(undefined) : previewDataUriOf(maker, jpeg, this.deps.logger);
  }

  private token(context: TurnContext) {
    return this.deps.tokens.forSender(context, DELEGATED_SCOPES.ownPhoto);
  }

  /** Whose photo a change of the sender's was about; `undefined` for an unknown change (refused later). */
  private targetOf(context: TurnContext, changeId: string): Promise<PhotoTarget | undefined> {
    return this.deps.changes.targetOf(changeId, this.actor(context)).catch(() => undefined);
  }

  /**
   * A token with the permission the change's photo needs (one's own, a group's, a contact's). A group's owner is
   * checked again first: the Undo button stays on a card long after its owner may have stopped being one.
   * An unknown change gets the own-photo token; the change service then answers "not found".
   */
  private async tokenFor(context: TurnContext, target: PhotoTarget | undefined): Promise<AccessTokenSource> {
    if (target?.kind === 'user') {
      // Someone else's photo: only an admin's change, undone with the app's token after a fresh admin check.
      if (!this.deps.admin) throw new AppError('NotAdmin', 'no admin check wired for this undo');
      return this.deps.admin.undoToken(context, target.user);
    }
    if (target === undefined || target.kind === 'me') return this.token(context);
    const token = await this.deps.tokens.forSender(context, scopesForTarget(target));
    if (target.kind === 'group' && this.deps.groups) {
      await requireGroupOwner(
        this.deps.groups,
        this.deps.changes,
        target.groupId,
        token,
        this.actor(context),
      );
    }
    return token;
  }

  /** Who acts, and through which path: an admin's undo of someone else's photo is audited as `admin`. */
  private actor(context: TurnContext, target?: PhotoTarget) {
    return { id: senderId(context), path: target?.kind === 'user' ? ('admin' as const) : ('chat' as const) };
  }
}
