/**
 * Removing a photo: `remove my photo`, or `remove group photo <name>` for a group the sender owns. The bot asks
 * first (a card with Remove and Cancel); on Remove the photo is backed up, then deleted, and the answer offers Undo,
 * which puts it back byte for byte. The group named on the confirmation is checked again on the server when it is
 * pressed (the card's data can be forged); a refused attempt is written to the audit log.
 */
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { DELEGATED_SCOPES } from '../../auth/obo-token-provider.js';
import type { PhotoChangeService } from '../../changes/photo-change-service.js';
import { requireGroupOwner } from '../../changes/owner-check.js';
import type { PhotoTarget } from '../../graph/photo-target.js';
import { errorText, pickLocale, sentenceGap, translate, type Locale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import { removeConfirmCard, removedCard, type ConfirmRemoveData } from '../cards/index.js';
import { senderId, type SenderTokens } from '../sender-tokens.js';
import { codeOf, failureText } from '../turn-errors.js';
import type { PhotoPreparer } from './incoming-image.js';
import { cardResponse, messageResponse } from './invoke-responses.js';
import { previewDataUriOf } from './photo-previews.js';
import { refusedGroupName, type GroupLookup } from './target-lookups.js';
import { ownedGroupsText } from './target-texts.js';

export interface RemovePhotoDeps {
  readonly tokens: SenderTokens;
  readonly changes: PhotoChangeService;
  readonly groups: GroupLookup;
  readonly preparer: PhotoPreparer;
  readonly logger: Logger;
}

/** Refusals that are the state of things: said plainly, without a support reference. */
const PLAIN_REFUSALS = new Set(['NoPhotoToRemove', 'GroupNotFound']);

export class RemovePhotoHandler {
  constructor(private readonly deps: RemovePhotoDeps) {}

  /** `remove my photo`: asks first. */
  async onRemoveOwn(context: TurnContext): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    await context.sendActivity({ attachments: [removeConfirmCard(locale)] });
  }

  /** `remove group photo <name>`: finds the group among those the sender owns, then asks first. */
  async onRemoveGroup(context: TurnContext, name: string): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    if (name === '') {
      await context.sendActivity(translate(locale, 'remove.whichOne'));
      return;
    }
    try {
      const token = await this.deps.tokens.forSender(context, DELEGATED_SCOPES.groupPhoto);
      const found = await this.deps.groups.find(name, token);
      if (found.kind === 'none') {
        await context.sendActivity(
          `${errorText('GroupNotFound', locale, { name })}${sentenceGap(locale)}${ownedGroupsText(locale, found.available)}`,
        );
        return;
      }
      const groups = found.kind === 'one' ? [found.item] : found.items;
      await context.sendActivity({
        attachments: [
          removeConfirmCard(
            locale,
            groups.map((group) => ({ id: group.id, name: group.displayName })),
          ),
        ],
      });
    } catch (error) {
      await context.sendActivity(this.refusalText(error, locale));
    }
  }

  /** The confirmation's Remove: checks again, backs up, removes, and answers with the card that offers Undo. */
  async onConfirm(context: TurnContext, data: ConfirmRemoveData): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    const actor = { id: senderId(context), path: 'chat' as const };
    try {
      let target: PhotoTarget = { kind: 'me' };
      let groupName: string | undefined;
      let token = await this.deps.tokens.forSender(context, DELEGATED_SCOPES.ownPhoto);
      if (data.kind === 'group') {
        target = { kind: 'group', groupId: data.id };
        token = await this.deps.tokens.forSender(context, DELEGATED_SCOPES.groupPhoto);
        const group = await requireGroupOwner(this.deps.groups, this.deps.changes, data.id, token, actor);
        groupName = group.displayName;
      }
      const result = await this.deps.changes.remove(target, token, actor);
      this.deps.logger.info('photo removed', {
        correlationId: result.changeId,
        outcome: 'ok',
        graphRequestId: result.graphRequestId,
        target: target.kind,
      });
      const beforeDataUri = await previewDataUriOf(this.deps.preparer, result.replaced, this.deps.logger);
      return cardResponse(
        removedCard({
          locale,
          ...(groupName === undefined ? {} : { groupName }),
          beforeDataUri,
          changeId: result.changeId,
        }),
      );
    } catch (error) {
      return messageResponse(this.refusalText(error, locale));
    }
  }

  private refusalText(error: unknown, locale: Locale): string {
    const code = codeOf(error);
    if (code === 'NotGroupOwner') return errorText(code, locale, { name: refusedGroupName(error) ?? '' });
    if (code !== undefined && PLAIN_REFUSALS.has(code)) return errorText(code, locale);
    return failureText(error, locale, this.deps.logger, 'photo removal');
  }
}
