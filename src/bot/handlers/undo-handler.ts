/**
 * Undo, from the photo card's button (`Action.Execute`, answered with a card that replaces it in place) or from
 * the text command `undo` (the sender's latest change). Only the person who made a change can undo it.
 */
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { PhotoChangeService } from '../../changes/photo-change-service.js';
import { subjectOf, type ChangeTarget } from '../../changes/photo-change-service.js';
import { DELEGATED_SCOPES } from '../../auth/obo-token-provider.js';
import { pickLocale, translate } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { BackupStore } from '../../storage/backup-store.js';
import { undoneCard } from '../cards/index.js';
import { senderId, type SenderTokens } from '../sender-tokens.js';
import { failureText } from '../turn-errors.js';

export interface UndoDeps {
  readonly changes: PhotoChangeService;
  readonly backups: BackupStore<ChangeTarget>;
  readonly tokens: SenderTokens;
  readonly logger: Logger;
}

export class UndoHandler {
  constructor(private readonly deps: UndoDeps) {}

  /** The card's Undo button: undoes that change and answers with the card that replaces the photo card. */
  async onCardAction(context: TurnContext, changeId: string): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    try {
      const outcome = await this.undo(context, changeId);
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: undoneCard({ locale, outcome }).content,
      };
    } catch (error) {
      const text = failureText(error, locale, this.deps.logger, 'undo');
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as never };
    }
  }

  /** The text command `undo`: the sender's latest change to their own photo. */
  async onText(context: TurnContext): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    try {
      const latest = await this.deps.backups.latestChangeFor({
        target: { kind: 'me' },
        subject: subjectOf({ kind: 'me' }, senderId(context)),
      });
      if (!latest) {
        await context.sendActivity(translate(locale, 'undo.nothingToUndo'));
        return;
      }
      const outcome = await this.undo(context, latest);
      await context.sendActivity(
        translate(locale, outcome === 'restored' ? 'undo.restored' : 'undo.removed'),
      );
    } catch (error) {
      await context.sendActivity(failureText(error, locale, this.deps.logger, 'undo'));
    }
  }

  private async undo(context: TurnContext, changeId: string): Promise<'restored' | 'removed'> {
    const token = await this.deps.tokens.forSender(context, DELEGATED_SCOPES.ownPhoto);
    const { outcome } = await this.deps.changes.undo(changeId, token, {
      id: senderId(context),
      path: 'chat',
    });
    return outcome;
  }
}
