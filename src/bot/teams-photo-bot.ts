/**
 * The bot: a TeamsActivityHandler that only routes. Each feature lives in its own handler under handlers/.
 */
import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from 'botbuilder';
import { matchCommand, pickLocale } from '../i18n/index.js';
import { helpCard, isUndoPhotoChangeData, UNDO_PHOTO_CHANGE_VERB, welcomeCard } from './cards/index.js';
import type { PhotoMessageHandler } from './handlers/photo-message-handler.js';
import { PhotoMessageHandler as PhotoMessages } from './handlers/photo-message-handler.js';
import type { SignInHandler } from './handlers/sign-in-handler.js';
import type { UndoHandler } from './handlers/undo-handler.js';

export interface TeamsPhotoBotHandlers {
  readonly photo: PhotoMessageHandler;
  readonly undo: UndoHandler;
  /** `null` in local mode, where nobody signs in. */
  readonly signIn: SignInHandler | null;
}

export class TeamsPhotoBot extends TeamsActivityHandler {
  constructor(private readonly features: TeamsPhotoBotHandlers) {
    super();
    this.onMessage(async (context, next) => {
      await this.route(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botJoined = (context.activity.membersAdded ?? []).some(
        (m) => m.id === context.activity.recipient.id,
      );
      if (botJoined) {
        const locale = pickLocale(context.activity.locale);
        const name = context.activity.from.name;
        await context.sendActivity({ attachments: [welcomeCard({ locale, ...(name ? { name } : {}) })] });
      }
      await next();
    });
  }

  private async route(context: TurnContext): Promise<void> {
    if (PhotoMessages.wants(context)) {
      await this.features.photo.handle(context);
      return;
    }
    // In group chats and channels the bot's @mention is part of the text.
    const text = TurnContext.removeRecipientMention(context.activity);
    if (matchCommand(text) === 'undo') {
      await this.features.undo.onText(context);
      return;
    }
    await context.sendActivity({ attachments: [helpCard({ locale: pickLocale(context.activity.locale) })] });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { verb, data } = invokeValue.action;
    if (verb === UNDO_PHOTO_CHANGE_VERB) {
      return this.features.undo.onCardAction(context, isUndoPhotoChangeData(data) ? data.changeId : '');
    }
    return {
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: 'unknown action' },
    };
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { signIn } = this.features;
    if (signIn && context.activity.name === 'signin/tokenExchange') return signIn.onTokenExchange(context);
    if (signIn && context.activity.name === 'signin/verifyState') return signIn.onVerifyState(context);
    return super.onInvokeActivity(context);
  }
}
