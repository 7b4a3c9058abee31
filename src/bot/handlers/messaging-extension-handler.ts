/**
 * The messaging extension (issue 15): the message action **Set as group photo** and the search command **Groups**.
 *
 * - The message action (`composeExtension/fetchTask`) finds the image in the message (message-image.ts), prepares
 *   it on the photo pool exactly as a photo sent in chat, keeps it a few minutes under a choice id bound to the
 *   person (recent-photos.ts) and opens a dialog: the preview, and the groups they own to choose from. Its Set
 *   (`composeExtension/submitAction`) sets the photo and posts the result card, with Undo, in the conversation;
 *   where the bot cannot post (it is not in that conversation) the card goes into the compose box instead.
 * - The search lists the groups the person owns, each with its photo and **Change photo**, which opens the group's
 *   dialog (`task/fetch`): its photo now and the image they sent last, with Set (`task/submit`).
 * - The dialog's group picker asks `application/search` for more groups as the person types.
 *
 * As in chat (target-photo-handler.ts), every group id that comes back from a dialog is only what the client
 * sent: the owner check runs on the server before anything changes, and a refusal is written to the audit log.
 * Every answer is in the person's language; a person who has not signed in is asked to, in the way each invoke
 * allows (extension-sign-in.ts).
 */
import type {
  InvokeResponse,
  MessagingExtensionAction,
  MessagingExtensionActionResponse,
  MessagingExtensionAttachment,
  MessagingExtensionQuery,
  MessagingExtensionResponse,
  TaskModuleRequest,
  TaskModuleResponse,
  TurnContext,
} from 'botbuilder';
import { DELEGATED_SCOPES } from '../../auth/obo-token-provider.js';
import type { Actor, PhotoChangeService } from '../../changes/photo-change-service.js';
import { requireGroupOwner } from '../../changes/owner-check.js';
import { AppError, AuthError } from '../../errors.js';
import type { AccessTokenSource } from '../../graph/graph-photo-client.js';
import { errorText, pickLocale, translate, type Locale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import {
  GROUPS_DATASET,
  groupDialogCard,
  groupPreviewCard,
  groupResultCard,
  jpegDataUri,
  setGroupPhotoDialogCard,
  signInDialogCard,
  targetUpdatedCard,
  type AdaptiveCardAttachment,
  type SetGroupPhotoData,
} from '../cards/index.js';
import type { ExtensionSignIn } from '../extension/extension-sign-in.js';
import {
  dialogResponse,
  extensionMessageResponse,
  messageDialogResponse,
  resultResponse,
  searchErrorResponse,
  searchResponse,
  signInResponse,
} from '../extension/extension-responses.js';
import type { GroupThumbnails } from '../extension/group-thumbnails.js';
import {
  groupQueryOf,
  searchRequestOf,
  setGroupPhotoDataOf,
  taskGroupIdOf,
} from '../extension/invoke-values.js';
import type { MessageImages } from '../extension/message-image.js';
import type { RecentPhotos } from '../recent-photos.js';
import { senderId } from '../sender-tokens.js';
import { codeOf, failureText } from '../turn-errors.js';
import type { PhotoPreparer } from './incoming-image.js';
import { PREVIEW_SIDE, previewDataUriOf } from './photo-previews.js';
import { refusedGroupName, type GroupLookup, type NamedGroup } from './target-lookups.js';
import { groupLabel } from './target-texts.js';

/** The group look-ups the extension needs: the chat's, and the typeahead's search. */
export interface ExtensionGroups extends GroupLookup {
  search(query: string, token: AccessTokenSource, top?: number): Promise<readonly NamedGroup[]>;
}

export interface MessagingExtensionDeps {
  readonly images: MessageImages;
  readonly preparer: PhotoPreparer;
  /** The largest image accepted, as in chat. */
  readonly maxInputBytes: number;
  readonly recent: RecentPhotos;
  readonly signIn: ExtensionSignIn;
  readonly changes: PhotoChangeService;
  readonly groups: ExtensionGroups;
  readonly thumbnails: GroupThumbnails;
  readonly logger: Logger;
}

/** Search results shown at most. */
const MAX_SEARCH_RESULTS = 25;

/** Refusals that are the state of things: said plainly, without a support reference. */
const PLAIN_REFUSALS = new Set(['ChoiceExpired', 'GroupNotFound', 'NoRecentImage']);

/** How an invoke answers a refusal and a request to sign in. */
interface Answers<T> {
  readonly text: (text: string) => T;
  readonly signIn: (link: string) => T;
}

export class MessagingExtensionHandler {
  constructor(private readonly deps: MessagingExtensionDeps) {}

  /** **Set as group photo** on a message: the dialog with the message's image and the groups to choose from. */
  async onFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const locale = pickLocale(context.activity.locale);
    return this.guarded(context, locale, 'set as group photo', this.actionAnswers(locale), async () => {
      // Found before anything is asked of Graph: a message without an image costs nothing.
      const source = this.deps.images.find(action.messagePayload);
      if (!source) return messageDialogResponse(translate(locale, 'extension.noImage'));
      const owned = await this.deps.groups.owned(await this.groupToken(context));
      if (owned.length === 0) return messageDialogResponse(translate(locale, 'group.ownNone'));
      let bytes: Uint8Array;
      try {
        bytes = await this.deps.images.bytes(source, (scopes) => this.deps.signIn.token(context, scopes));
      } catch (error) {
        // Graph's "no" to reading the message's image is about the image, not about changing a photo.
        const code = codeOf(error);
        if (code === 'GraphForbidden' || code === 'GraphNotFound')
          return messageDialogResponse(translate(locale, 'extension.imageNotReadable'));
        throw error;
      }
      // The bytes are this turn's alone: handed to the worker rather than copied. Only the prepared JPEG (no
      // metadata) waits for the choice.
      const photo = await this.deps.preparer.run(
        bytes,
        { maxInputBytes: this.deps.maxInputBytes },
        { transferInput: true },
      );
      const preview = await this.deps.preparer.run(photo.jpeg, { size: PREVIEW_SIDE, crop: 'center' });
      const choice = await this.deps.recent.holdForChoice(senderId(context), photo.jpeg);
      const card = setGroupPhotoDialogCard({
        locale,
        previewDataUri: jpegDataUri(preview.jpeg),
        groups: owned.map((group) => ({ title: groupLabel(group), value: group.id })),
        choice,
      });
      return dialogResponse(translate(locale, 'extension.dialog.title'), card);
    });
  }

  /**
   * The dialog's Set: the owner check, then the change; the result card is posted in the conversation. Answers
   * nothing (`undefined`: the dialog closes) once posted, else the card for the compose box.
   */
  async onSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse | undefined> {
    const locale = pickLocale(context.activity.locale);
    const data = setGroupPhotoDataOf(action);
    if (!data) return messageDialogResponse(errorText('ChoiceExpired', locale));
    return this.guarded<MessagingExtensionActionResponse | undefined>(
      context,
      locale,
      'set as group photo',
      this.actionAnswers(locale),
      async () => {
        const { card } = await this.apply(context, locale, data);
        return (await this.post(context, card)) ? undefined : resultResponse([card]);
      },
    );
  }

  /** The **Groups** search: the groups the person owns that match the name typed (all of them at first). */
  async onQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const locale = pickLocale(context.activity.locale);
    const answers: Answers<MessagingExtensionResponse> = {
      text: extensionMessageResponse,
      signIn: (link) => signInResponse(locale, 'silentAuth', link),
    };
    return this.guarded(context, locale, 'group search', answers, async () => {
      const token = await this.groupToken(context);
      const name = groupQueryOf(query);
      const found = await this.deps.groups.search(name, token, MAX_SEARCH_RESULTS);
      if (found.length === 0 && name === '')
        return extensionMessageResponse(translate(locale, 'group.ownNone'));
      const pictures = await this.deps.thumbnails.of(found, token);
      const attachments: MessagingExtensionAttachment[] = found.map((group, index) => {
        const pictured = pictures[index];
        const card = groupResultCard({
          locale,
          id: group.id,
          displayName: group.displayName,
          ...(group.mail ? { mail: group.mail } : {}),
          picture: pictured?.picture ?? { kind: 'none' },
        });
        return pictured ? { ...card, preview: groupPreviewCard(locale, group, pictured.thumbnail) } : card;
      });
      return resultResponse(attachments);
    });
  }

  /** **Change photo** on a search result: the group's dialog (its photo now, and the image sent last with Set). */
  async onTaskFetch(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    const locale = pickLocale(context.activity.locale);
    const groupId = taskGroupIdOf(request);
    if (groupId === undefined) return messageDialogResponse(translate(locale, 'error.generic'));
    return this.guarded(context, locale, 'group dialog', this.dialogAnswers(locale), async () => {
      const token = await this.groupToken(context);
      // Not audited: a result card sent into a chat shows its button to everyone there, so a member who does not
      // own the group pressing it is no attempt at anything. Only a Set is.
      const group = await this.deps.groups.requireOwned(groupId, token);
      const current = await this.deps.thumbnails.one(group, token, PREVIEW_SIDE);
      const sender = senderId(context);
      const latest = await this.deps.recent.latest(sender);
      let recent: { previewDataUri: string; choice: string } | undefined;
      if (latest !== undefined) {
        const preview = await this.deps.preparer.run(latest, { size: PREVIEW_SIDE, crop: 'center' });
        // The Set button names this photo, not "the latest" at the time it is pressed.
        recent = {
          previewDataUri: jpegDataUri(preview.jpeg),
          choice: await this.deps.recent.holdForChoice(sender, latest),
        };
      }
      const card = groupDialogCard({
        locale,
        groupId: group.id,
        displayName: group.displayName,
        current: current.picture,
        ...(recent ? { recent } : {}),
      });
      return dialogResponse(group.displayName, card);
    });
  }

  /** The group dialog's Set: the same checks and change as the message action's. */
  async onTaskSubmit(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    const locale = pickLocale(context.activity.locale);
    const data = setGroupPhotoDataOf(request);
    if (!data) return messageDialogResponse(errorText('ChoiceExpired', locale));
    return this.guarded(context, locale, 'group dialog', this.dialogAnswers(locale), async () => {
      const { card, name } = await this.apply(context, locale, data);
      // The card carries Undo; where it cannot be posted the change stands and the dialog still says so.
      await this.post(context, card);
      return messageDialogResponse(translate(locale, 'extension.done', { name }));
    });
  }

  /** The group picker's typeahead (`application/search` on {@link GROUPS_DATASET}). */
  async onSearch(context: TurnContext): Promise<InvokeResponse> {
    const request = searchRequestOf(context.activity.value);
    if (!request) return searchErrorResponse(400, 'BadRequest', 'not a search request');
    if (request.dataset !== GROUPS_DATASET) return searchErrorResponse(400, 'BadRequest', 'unknown dataset');
    try {
      const token = await this.groupToken(context);
      const found = await this.deps.groups.search(request.queryText, token, request.skip + request.top);
      return searchResponse(
        found.slice(request.skip).map((group) => ({ title: groupLabel(group), value: group.id })),
      );
    } catch (error) {
      if (error instanceof AuthError) return searchErrorResponse(401, 'Unauthorized', 'sign in first');
      this.deps.logger.warn('group typeahead failed', { code: codeOf(error) ?? 'unexpected' });
      return searchErrorResponse(500, 'InternalError', 'the search failed');
    }
  }

  /** Checks the owner, takes the waiting photo, changes it, and builds the result card. */
  private async apply(
    context: TurnContext,
    locale: Locale,
    data: SetGroupPhotoData,
  ): Promise<{ card: AdaptiveCardAttachment; name: string }> {
    const sender = senderId(context);
    const token = await this.groupToken(context);
    const group = await this.ownedGroup(context, data.groupId, token);
    const jpeg = await this.deps.recent.choice(sender, data.choice);
    if (jpeg === undefined) throw new AppError('ChoiceExpired', 'no photo waits under that choice');
    const preview = await this.deps.preparer.run(jpeg, { size: PREVIEW_SIDE, crop: 'center' });
    const target = { kind: 'group', groupId: group.id } as const;
    const result = await this.deps.changes.change(target, jpeg, token, this.actor(context));
    this.deps.logger.info('photo changed', {
      correlationId: result.changeId,
      outcome: 'ok',
      graphRequestId: result.graphRequestId,
      path: 'messaging-extension',
      target: 'group',
    });
    await this.deps.recent.release(sender, data.choice);
    const card = targetUpdatedCard({
      locale,
      kind: 'group',
      name: group.displayName,
      previewDataUri: jpegDataUri(preview.jpeg),
      beforeDataUri: await previewDataUriOf(this.deps.preparer, result.replaced, this.deps.logger),
      changeId: result.changeId,
    });
    return { card, name: group.displayName };
  }

  /** The owner check on the server; a refusal is audited. */
  private async ownedGroup(
    context: TurnContext,
    groupId: string,
    token: AccessTokenSource,
  ): Promise<NamedGroup> {
    return requireGroupOwner(this.deps.groups, this.deps.changes, groupId, token, this.actor(context));
  }

  /** Posts the result card in the invoke's conversation; `false` when the bot cannot post there. */
  private async post(context: TurnContext, card: AdaptiveCardAttachment): Promise<boolean> {
    try {
      await context.sendActivity({ attachments: [card] });
      return true;
    } catch (error) {
      this.deps.logger.info('result card not posted', {
        outcome: 'refused',
        error: error instanceof Error ? error.name : 'unknown',
      });
      return false;
    }
  }

  private groupToken(context: TurnContext): Promise<AccessTokenSource> {
    return this.deps.signIn.token(context, DELEGATED_SCOPES.groupPhoto);
  }

  private actor(context: TurnContext): Actor {
    return { id: senderId(context), path: 'messaging-extension' };
  }

  /** An action's answers: a message dialog, or Teams' sign-in (`auth`). */
  private actionAnswers(locale: Locale): Answers<MessagingExtensionActionResponse> {
    return { text: messageDialogResponse, signIn: (link) => signInResponse(locale, 'auth', link) };
  }

  /** A dialog's answers: a message dialog, or a dialog with the sign-in link. */
  private dialogAnswers(locale: Locale): Answers<TaskModuleResponse> {
    return {
      text: messageDialogResponse,
      signIn: (link) =>
        dialogResponse(translate(locale, 'signin.title'), signInDialogCard(locale, link), 'small'),
    };
  }

  /** Runs `work`; a missing sign-in becomes the invoke's sign-in answer, any other failure a sentence. */
  private async guarded<T>(
    context: TurnContext,
    locale: Locale,
    what: string,
    answers: Answers<T>,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AuthError) {
        const link = await this.deps.signIn.signInLink(context).catch(() => undefined);
        if (link !== undefined) return answers.signIn(link);
      }
      return answers.text(this.refusalText(locale, error, what));
    }
  }

  private refusalText(locale: Locale, error: unknown, what: string): string {
    const code = codeOf(error);
    if (code === 'NotGroupOwner')
      return errorText('NotGroupOwner', locale, { name: refusedGroupName(error) ?? '' });
    if (code !== undefined && PLAIN_REFUSALS.has(code)) return errorText(code, locale);
    return failureText(error, locale, this.deps.logger, what);
  }
}
