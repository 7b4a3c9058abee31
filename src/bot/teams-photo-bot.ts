/**
 * The bot: a TeamsActivityHandler that only routes. Each feature lives in its own handler under handlers/.
 */
import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
} from 'botbuilder';
import { AppError } from '../errors.js';
import { errorText, matchCommand, parseArgumentCommand, pickLocale, translate } from '../i18n/index.js';
import { silentLogger, type Logger } from '../logger.js';
import {
  CANCEL_CHOICE_VERB,
  CONFIRM_REMOVE_VERB,
  OPEN_PHOTO_PAGE,
  PICK_TARGET_VERB,
  helpCard,
  isConfirmRemoveData,
  isPickTargetData,
  isUndoPhotoChangeData,
  REDO_PHOTO_CHANGE_VERB,
  UNDO_PHOTO_CHANGE_VERB,
  welcomeCard,
} from './cards/index.js';
import {
  MESSAGE_ACTION_SET_GROUP_PHOTO,
  SEARCH_COMMAND_GROUPS,
  type BotTextCommand,
} from './bot-commands.js';
import { zipOf, type BulkImportHandler } from './admin/bulk-import.js';
import {
  ADMIN_JOB_CANCEL_VERB,
  ADMIN_JOB_REPORT_VERB,
  ADMIN_JOB_START_VERB,
  ADMIN_JOB_UNDO_VERB,
  ADMIN_SEND_NOW_VERB,
  isAdminJobData,
} from './cards/admin-cards.js';
import { AdminHandler } from './handlers/admin-handler.js';
import type { MessagingExtensionHandler } from './handlers/messaging-extension-handler.js';
import type { PhotoMessageHandler } from './handlers/photo-message-handler.js';
import { PhotoMessageHandler as PhotoMessages } from './handlers/photo-message-handler.js';
import type { RemovePhotoHandler } from './handlers/remove-photo-handler.js';
import type { SignInHandler } from './handlers/sign-in-handler.js';
import type { TargetPhotoHandler } from './handlers/target-photo-handler.js';
import type { UndoHandler } from './handlers/undo-handler.js';
import { acceptsPhotoFrom, photoChannels } from './photo-channels.js';
import { failureText } from './turn-errors.js';
import type { ApprovalRoutes, PrivacyRoutes, QualityReviewRoutes } from '../trust/trust-routes.js';
import {
  APPROVE_REQUEST_VERB,
  CONFIRM_FORGET_VERB,
  REJECT_REQUEST_VERB,
  USE_ANYWAY_VERB,
  WITHDRAW_REQUEST_VERB,
} from '../trust/trust-verbs.js';

export interface TeamsPhotoBotHandlers {
  readonly photo: PhotoMessageHandler;
  readonly undo: UndoHandler;
  /** `null` in local mode, where nobody signs in. */
  readonly signIn: SignInHandler | null;
  /** Groups' and contacts' photos (`group <name>`, `contact <name>`, pick cards); absent, only one's own. */
  readonly targets?: TargetPhotoHandler;
  /** `remove my photo`, `remove group photo <name>`. */
  readonly remove?: RemovePhotoHandler;
  /** The messaging extension: **Set as group photo** on a message, the **Groups** search and their dialogs. */
  readonly extension?: MessagingExtensionHandler;
  /** Admins: the `admin` card, its people picker, **Send the photo now**, `set <person>` with an image. */
  readonly admin?: AdminHandler;
  /** Admins: a .zip sent in personal chat, its plan, Start / Cancel, the report and **Undo this batch**. */
  readonly bulk?: BulkImportHandler;
  /** **Use anyway** on a quality warning. */
  readonly qualityReview?: QualityReviewRoutes;
  /** Approvers' **Approve** / **Reject**, a requester's **Withdraw**. */
  readonly approval?: ApprovalRoutes;
  /** `my data`, `forget me`. */
  readonly privacy?: PrivacyRoutes;
}

/** How the bot routes, beside its handlers. */
export interface TeamsPhotoBotOptions {
  /** Channel ids whose photo messages are handled (default: Teams only; see photo-channels.ts). */
  readonly photoChannels?: ReadonlySet<string>;
  /** Where a refused photo message is logged with its reference. */
  readonly logger?: Logger;
  /**
   * The Photo page's address (`.../tab`), once known (the server's own address in local mode), for the help card's
   * **Open the Photo page**; `undefined` when there is none to open.
   */
  readonly photoPageUrl?: () => string | undefined;
}

export class TeamsPhotoBot extends TeamsActivityHandler {
  private readonly photoChannels: ReadonlySet<string>;
  private readonly logger: Logger;
  private readonly photoPageUrl: () => string | undefined;

  constructor(
    private readonly features: TeamsPhotoBotHandlers,
    options: TeamsPhotoBotOptions = {},
  ) {
    super();
    this.photoChannels = options.photoChannels ?? photoChannels(false);
    this.logger = options.logger ?? silentLogger;
    this.photoPageUrl = options.photoPageUrl ?? (() => undefined);
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
    const locale = pickLocale(context.activity.locale);
    const hasImage = PhotoMessages.wants(context);
    // Refused before any handler sees it: nothing is downloaded for a channel this bot is not built for.
    if (hasImage && !acceptsPhotoFrom(this.photoChannels, context.activity.channelId)) {
      await context.sendActivity(
        failureText(new AppError('UnsupportedChannel'), locale, this.logger, 'photo'),
      );
      return;
    }
    // In group chats and channels the bot's @mention is part of the text.
    const text = TurnContext.removeRecipientMention(context.activity);
    const argument = parseArgumentCommand(text);
    const { targets, remove, admin, bulk } = this.features;
    const personal = isPersonal(context);
    if (argument?.command === 'set') {
      // Someone else's photo: only ever the admin handler's, which checks the sender before anything is fetched.
      if (!personal) await context.sendActivity(translate(locale, 'admin.personalOnly'));
      else if (admin) await admin.onSet(context, argument.name, hasImage);
      else await context.sendActivity(errorText('NotAdmin', locale));
      return;
    }
    const zip = bulk && personal ? zipOf(context.activity.attachments) : undefined;
    if (zip && bulk) {
      await bulk.onZip(context, zip);
      return;
    }
    if (argument && targets && (argument.command === 'group' || argument.command === 'contact')) {
      await targets.onCommand(context, { command: argument.command, name: argument.name });
      return;
    }
    if (argument && remove && argument.command === 'remove-own') {
      await remove.onRemoveOwn(context);
      return;
    }
    if (argument && remove && argument.command === 'remove-group') {
      await remove.onRemoveGroup(context, argument.name);
      return;
    }
    if (hasImage) {
      // In a team or a group chat an image is someone's message to the others: only a group command acts on it.
      if (!personal) {
        await context.sendActivity(translate(locale, 'channel.imageNeedsCommand'));
        return;
      }
      // An admin who pressed **Send the photo now**: this image is for the person they picked.
      if (admin && (await admin.waiting(context))) {
        await admin.onWaitingImage(context);
        return;
      }
      await this.features.photo.handle(context);
      return;
    }
    // Anything that is not a command gets help.
    await this.textCommands[matchCommand(text) ?? 'help'](context);
  }

  /**
   * One route per text command in BOT_TEXT_COMMANDS (bot-commands.ts, which the app manifest's command list is
   * written and checked from): a command added there without a route here does not compile.
   */
  private readonly textCommands: Readonly<Record<BotTextCommand, (context: TurnContext) => Promise<void>>> = {
    undo: (context) => this.features.undo.onText(context),
    admin: async (context) => {
      const locale = pickLocale(context.activity.locale);
      // The card lists people and jobs: never in a team or a group chat, where everyone would see it.
      if (!isPersonal(context)) await context.sendActivity(translate(locale, 'admin.personalOnly'));
      else if (this.features.admin) await this.features.admin.onCommand(context);
      else await context.sendActivity(errorText('NotAdmin', locale));
    },
    'my-data': (context) => this.privacyCommand(context, 'command.myData', (p) => p.onMyData(context)),
    'forget-me': (context) => this.privacyCommand(context, 'command.forgetMe', (p) => p.onForgetMe(context)),
    help: async (context) => {
      await context.sendActivity({
        attachments: [
          helpCard({
            locale: pickLocale(context.activity.locale),
            offerPage: this.photoPageUrl() !== undefined,
          }),
        ],
      });
    },
  };

  /**
   * `my data` / `forget me` (issue 18): a person's data is shown and deleted only in their personal chat; elsewhere
   * the bot says where to go. Without the privacy feature, help.
   */
  private async privacyCommand(
    context: TurnContext,
    word: 'command.myData' | 'command.forgetMe',
    run: (privacy: PrivacyRoutes) => Promise<void>,
  ): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    const { privacy } = this.features;
    if (!privacy) await this.textCommands.help(context);
    else if (!isPersonal(context))
      await context.sendActivity(
        translate(locale, 'privacy.personalOnly', { word: translate(locale, word) }),
      );
    else await run(privacy);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { verb, data } = invokeValue.action;
    if (verb === UNDO_PHOTO_CHANGE_VERB) {
      return this.features.undo.onCardAction(context, isUndoPhotoChangeData(data) ? data.changeId : '');
    }
    if (verb === REDO_PHOTO_CHANGE_VERB) {
      return this.features.undo.onRedoCardAction(context, isUndoPhotoChangeData(data) ? data.changeId : '');
    }
    const { targets, remove, admin, bulk, qualityReview, approval, privacy } = this.features;
    if (verb === USE_ANYWAY_VERB && qualityReview) return qualityReview.onUseAnyway(context, data);
    if (approval) {
      if (verb === APPROVE_REQUEST_VERB) return approval.onApprove(context, data);
      if (verb === REJECT_REQUEST_VERB) return approval.onReject(context, data);
      if (verb === WITHDRAW_REQUEST_VERB) return approval.onWithdraw(context, data);
    }
    if (verb === CONFIRM_FORGET_VERB && privacy) return privacy.onConfirmForget(context, data);
    if (verb === ADMIN_SEND_NOW_VERB && admin) return admin.onSendNow(context, data);
    if (bulk && isAdminJobData(data)) {
      if (verb === ADMIN_JOB_START_VERB) return bulk.onStart(context, data.jobId);
      if (verb === ADMIN_JOB_CANCEL_VERB) return bulk.onCancel(context, data.jobId);
      if (verb === ADMIN_JOB_REPORT_VERB) return bulk.onReport(context, data.jobId);
      if (verb === ADMIN_JOB_UNDO_VERB) return bulk.onUndo(context, data.jobId);
    }
    if (verb === PICK_TARGET_VERB && targets && isPickTargetData(data)) return targets.onPick(context, data);
    if (verb === CANCEL_CHOICE_VERB && targets) return targets.onCancel(context, data);
    if (verb === CONFIRM_REMOVE_VERB && remove && isConfirmRemoveData(data))
      return remove.onConfirm(context, data);
    return {
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: 'unknown action' },
    };
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { signIn, extension, admin } = this.features;
    if (signIn && context.activity.name === 'signin/tokenExchange') return signIn.onTokenExchange(context);
    if (signIn && context.activity.name === 'signin/verifyState') return signIn.onVerifyState(context);
    // The admin card's people picker: routed by its dataset, beside the extension's group picker.
    if (admin && context.activity.name === 'application/search' && AdminHandler.isPeopleSearch(context))
      return admin.onSearch(context);
    // The extension's group picker; botbuilder's own route would refuse an empty query text before it got here.
    if (extension && context.activity.name === 'application/search') return extension.onSearch(context);
    return super.onInvokeActivity(context);
  }

  // The messaging extension. Commands it does not know fall to botbuilder, which answers 501 Not Implemented.

  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const { extension } = this.features;
    if (extension && action.commandId === MESSAGE_ACTION_SET_GROUP_PHOTO)
      return extension.onFetchTask(context, action);
    return super.handleTeamsMessagingExtensionFetchTask(context, action);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const { extension } = this.features;
    if (extension && action.commandId === MESSAGE_ACTION_SET_GROUP_PHOTO) {
      // `undefined` closes the dialog: botbuilder then answers 200 with no body at all.
      return (await extension.onSubmitAction(context, action)) as MessagingExtensionActionResponse;
    }
    return super.handleTeamsMessagingExtensionSubmitAction(context, action);
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const { extension } = this.features;
    if (extension && query.commandId === SEARCH_COMMAND_GROUPS) return extension.onQuery(context, query);
    return super.handleTeamsMessagingExtensionQuery(context, query);
  }

  /** **Change photo** on a group search result (the only dialog a card of this bot opens). */
  protected override async handleTeamsTaskModuleFetch(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    const page = this.photoPageUrl();
    if ((request.data as { open?: unknown } | undefined)?.open === OPEN_PHOTO_PAGE && page !== undefined) {
      // The Photo page as a dialog: the same page as the tab, in the person's language.
      const locale = pickLocale(context.activity.locale);
      const url = `${page}?locale=${encodeURIComponent(locale)}`;
      return {
        task: {
          type: 'continue',
          value: {
            title: translate(locale, 'tab.heading'),
            url,
            fallbackUrl: url,
            height: 'large',
            width: 'large',
          },
        },
      };
    }
    const { extension } = this.features;
    if (extension) return extension.onTaskFetch(context, request);
    return super.handleTeamsTaskModuleFetch(context, request);
  }

  protected override async handleTeamsTaskModuleSubmit(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    const { extension } = this.features;
    if (extension) return extension.onTaskSubmit(context, request);
    return super.handleTeamsTaskModuleSubmit(context, request);
  }
}

/** A personal (one-to-one) chat with the bot. */
function isPersonal(context: TurnContext): boolean {
  // botbuilder types it as always there; test adapters and some channels leave it out (then: a personal chat).
  const { conversationType } = context.activity.conversation as { conversationType?: string };
  return (conversationType ?? 'personal') === 'personal';
}
