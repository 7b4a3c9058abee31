/**
 * A group's or a contact's photo from chat: an image with `group <name or mail>` or `contact <name or mail>` (or
 * the command alone right after an image, which waits a few minutes as a prepared photo), and in a team's channel
 * `@Teams Photo group` for that team's own group. The name is looked up among the groups the sender owns or among
 * their contacts; several matches get a pick card, none a refusal that lists what there is. Every id that comes
 * back from a card is checked again on the server (a card's data can be forged): a group must be one the sender
 * owns, a contact one of theirs; a refused attempt is written to the audit log.
 */
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { DELEGATED_SCOPES } from '../../auth/obo-token-provider.js';
import type { PhotoChangeService } from '../../changes/photo-change-service.js';
import { requireGroupOwner } from '../../changes/owner-check.js';
import { AppError, AuthError } from '../../errors.js';
import type { AccessTokenSource } from '../../graph/graph-photo-client.js';
import type { PhotoTarget } from '../../graph/photo-target.js';
import {
  errorText,
  pickLocale,
  sentenceGap,
  translate,
  type ArgumentCommandMatch,
  type Locale,
} from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import {
  jpegDataUri,
  pickCard,
  targetUpdatedCard,
  type AdaptiveCardAttachment,
  type PickOption,
  type PickTargetData,
  type TargetKind,
} from '../cards/index.js';
import type { PendingStore } from '../../storage/pending-store.js';
import { encodeKeySegment } from '../../storage/storage.js';
import type { RecentPhotos } from '../recent-photos.js';
import { senderId, type SenderTokens } from '../sender-tokens.js';
import { codeOf, failureText } from '../turn-errors.js';
import { IncomingImages, type PhotoPreparer } from './incoming-image.js';
import { cardResponse, messageResponse } from './invoke-responses.js';
import { PREVIEW_SIDE, previewDataUriOf } from './photo-previews.js';
import type { ResumeOutcome, SignInPrompt } from './photo-message-handler.js';
import { contactLabel, groupLabel, listOf, MAX_LISTED, ownedGroupsText } from './target-texts.js';
import {
  refusedGroupName,
  type ContactLookup,
  type GroupLookup,
  type NamedContact,
  type NamedGroup,
} from './target-lookups.js';

export interface TargetPhotoDeps {
  readonly images: IncomingImages;
  readonly preparer: PhotoPreparer;
  readonly recent: RecentPhotos;
  readonly tokens: SenderTokens;
  readonly changes: PhotoChangeService;
  readonly groups: GroupLookup;
  readonly contacts: ContactLookup;
  readonly logger: Logger;
  /** `null` in local mode, where nobody signs in. */
  readonly signIn: SignInPrompt | null;
  /** Where a command waits for the sender's sign-in, and for how long. */
  readonly pending: PendingStore;
  readonly pendingMs: number;
}

/** `group <name>` or `contact <name>`, as parsed from the message. */
export type TargetCommand = ArgumentCommandMatch & { readonly command: TargetKind };

/** An answer in chat: a sentence, or a card. */
type Answer = string | { readonly attachments: AdaptiveCardAttachment[] };

/** The refusals that are the state of things, answered without a support reference. */
const PLAIN_REFUSALS = new Set(['NoRecentImage', 'ChoiceExpired', 'ContactNotFound', 'GroupNotFound']);

export class TargetPhotoHandler {
  constructor(private readonly deps: TargetPhotoDeps) {}

  /** `group ...` or `contact ...`, with an image in the message or one sent a few minutes before. */
  async onCommand(context: TurnContext, command: TargetCommand): Promise<void> {
    await this.run(context, command);
  }

  /**
   * After a sign-in: runs the command that waited for it, if any, with the photo sent last.
   * @param ssoToken the token the sign-in produced
   */
  async resumePending(context: TurnContext, ssoToken: string): Promise<ResumeOutcome> {
    // Read back from storage: checked as the untyped JSON it is.
    const stored = await this.deps.pending.takeJson<{ command?: unknown; name?: unknown }>(
      commandKey(context),
    );
    const { command, name } = stored ?? {};
    if ((command !== 'group' && command !== 'contact') || typeof name !== 'string') return 'none';
    return this.run(context, { command, name }, ssoToken);
  }

  private async run(context: TurnContext, command: TargetCommand, ssoToken?: string): Promise<ResumeOutcome> {
    const locale = pickLocale(context.activity.locale);
    try {
      const jpeg = await this.photoFor(context);
      if (jpeg === undefined) return 'failed';
      const answer =
        command.command === 'group'
          ? await this.forGroup(context, locale, command.name, jpeg, ssoToken)
          : await this.forContact(context, locale, command.name, jpeg, ssoToken);
      await context.sendActivity(answer);
      return 'done';
    } catch (error) {
      if (error instanceof AuthError && this.deps.signIn && ssoToken === undefined) {
        // The photo waits as the sender's last one and the command beside it: once signed in, it runs.
        await this.deps.pending.putJson(commandKey(context), command, this.deps.pendingMs);
        await this.deps.signIn(context);
        return 'failed';
      }
      await context.sendActivity(await this.refusalText(context, locale, error));
      return 'failed';
    }
  }

  /** A pick card's button: the choice is checked again, then the photo that waited is set; the card is replaced. */
  async onPick(context: TurnContext, data: PickTargetData): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    const sender = senderId(context);
    try {
      const jpeg = await this.deps.recent.choice(sender, data.choice);
      if (jpeg === undefined) throw new AppError('ChoiceExpired', 'no photo waits under that choice');
      let card: AdaptiveCardAttachment;
      if (data.kind === 'group') {
        const token = await this.token(context, 'group');
        const group = await this.ownedGroup(context, data.id, token);
        card = await this.applyToGroup(context, locale, group, jpeg, token);
      } else {
        const token = await this.token(context, 'contact');
        const folderId = data.folderId === '' ? undefined : data.folderId;
        const contact = await this.deps.contacts.requireContact(data.id, folderId, token);
        card = await this.apply(context, locale, contactTarget(contact), contact.displayName, jpeg, token);
      }
      await this.deps.recent.release(sender, data.choice);
      return cardResponse(card);
    } catch (error) {
      return messageResponse(await this.refusalText(context, locale, error));
    }
  }

  /** A pick card's or a confirmation's Cancel: the photo that waited for the choice is dropped. */
  async onCancel(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse> {
    const choice = (data as { choice?: unknown } | null)?.choice;
    if (typeof choice === 'string' && choice !== '')
      await this.deps.recent.release(senderId(context), choice);
    return messageResponse(translate(pickLocale(context.activity.locale), 'pick.cancelled'));
  }

  /** The message's image (kept as the sender's last photo), or the last one they sent; `undefined` once answered. */
  private async photoFor(context: TurnContext): Promise<Uint8Array | undefined> {
    const sender = senderId(context);
    if (IncomingImages.present(context)) {
      const received = await this.deps.images.receive(context);
      if (!received) return undefined;
      await this.deps.recent.keep(sender, received.photo.jpeg);
      return received.photo.jpeg;
    }
    const latest = await this.deps.recent.latest(sender);
    if (latest === undefined) throw new AppError('NoRecentImage', 'no image in the message nor waiting');
    return latest;
  }

  private async forGroup(
    context: TurnContext,
    locale: Locale,
    name: string,
    jpeg: Uint8Array,
    ssoToken?: string,
  ): Promise<Answer> {
    const teamGroupId = teamGroupIdOf(context);
    if (name === '' && teamGroupId === undefined) {
      return translate(
        locale,
        context.activity.conversation.conversationType === 'personal'
          ? 'group.whichOne'
          : 'group.teamOnlyInChannel',
      );
    }
    const token = await this.token(context, 'group', ssoToken);
    if (name === '' && teamGroupId !== undefined) {
      // This team's own group: the id comes with the activity, and the owner check is the same as for a card's.
      const group = await this.ownedGroup(context, teamGroupId, token);
      return attachmentOf(await this.applyToGroup(context, locale, group, jpeg, token));
    }
    const found = await this.deps.groups.find(name, token);
    if (found.kind === 'one') {
      const group = found.item;
      return attachmentOf(await this.applyToGroup(context, locale, group, jpeg, token));
    }
    if (found.kind === 'several') {
      const choice = await this.deps.recent.holdForChoice(senderId(context), jpeg);
      const options: PickOption[] = found.items.map((group) => ({ id: group.id, label: groupLabel(group) }));
      return attachmentOf(pickCard({ locale, kind: 'group', query: name, options, choice }));
    }
    return `${errorText('GroupNotFound', locale, { name })}${sentenceGap(locale)}${ownedGroupsText(locale, found.available)}`;
  }

  private async forContact(
    context: TurnContext,
    locale: Locale,
    name: string,
    jpeg: Uint8Array,
    ssoToken?: string,
  ): Promise<Answer> {
    if (name === '') return translate(locale, 'contact.whichOne');
    const token = await this.token(context, 'contact', ssoToken);
    const found = await this.deps.contacts.find(name, token);
    if (found.kind === 'one') {
      const contact = found.item;
      return attachmentOf(
        await this.apply(context, locale, contactTarget(contact), contact.displayName, jpeg, token),
      );
    }
    if (found.kind === 'several') {
      const choice = await this.deps.recent.holdForChoice(senderId(context), jpeg);
      const options: PickOption[] = found.items.map((contact) => ({
        id: contact.id,
        label: contact.folderName
          ? translate(locale, 'pick.inFolder', { name: contact.displayName, folder: contact.folderName })
          : contactLabel(contact),
        ...(contact.folderId === undefined ? {} : { folderId: contact.folderId }),
      }));
      return attachmentOf(pickCard({ locale, kind: 'contact', query: name, options, choice }));
    }
    const names = found.available.slice(0, MAX_LISTED).map((contact) => contact.displayName);
    const list =
      names.length === 0
        ? translate(locale, 'contact.none')
        : translate(locale, 'contact.some', { names: listOf(locale, names) });
    return `${errorText('ContactNotFound', locale, { name })}${sentenceGap(locale)}${list}`;
  }

  /** The owner check on the server, for any group id that did not come from the owned list itself. */
  private async ownedGroup(
    context: TurnContext,
    groupId: string,
    token: AccessTokenSource,
  ): Promise<NamedGroup> {
    return requireGroupOwner(this.deps.groups, this.deps.changes, groupId, token, this.actor(context));
  }

  /** Sets a group's photo (its owner already checked) and builds the answer card. */
  private applyToGroup(
    context: TurnContext,
    locale: Locale,
    group: NamedGroup,
    jpeg: Uint8Array,
    token: AccessTokenSource,
  ): Promise<AdaptiveCardAttachment> {
    return this.apply(context, locale, { kind: 'group', groupId: group.id }, group.displayName, jpeg, token);
  }

  /** Sets the photo and builds the answer card. */
  private async apply(
    context: TurnContext,
    locale: Locale,
    target: PhotoTarget,
    name: string,
    jpeg: Uint8Array,
    token: AccessTokenSource,
  ): Promise<AdaptiveCardAttachment> {
    const preview = await this.deps.preparer.run(jpeg, { size: PREVIEW_SIDE, crop: 'center' });
    const result = await this.deps.changes.change(target, jpeg, token, this.actor(context));
    this.deps.logger.info('photo changed', {
      correlationId: result.changeId,
      outcome: 'ok',
      graphRequestId: result.graphRequestId,
      path: 'chat',
      target: target.kind,
    });
    const beforeDataUri = await previewDataUriOf(this.deps.preparer, result.replaced, this.deps.logger);
    return targetUpdatedCard({
      locale,
      kind: target.kind === 'group' ? 'group' : 'contact',
      name,
      previewDataUri: jpegDataUri(preview.jpeg),
      beforeDataUri,
      changeId: result.changeId,
    });
  }

  /** @param ssoToken a token a sign-in just produced (otherwise the stored one is used) */
  private async token(context: TurnContext, kind: TargetKind, ssoToken?: string): Promise<AccessTokenSource> {
    const scopes = kind === 'group' ? DELEGATED_SCOPES.groupPhoto : DELEGATED_SCOPES.contactPhoto;
    return this.deps.tokens.forSender(context, scopes, ssoToken);
  }

  /** A refusal as the person reads it: the state plainly, with what they own where that helps. */
  private async refusalText(context: TurnContext, locale: Locale, error: unknown): Promise<string> {
    const code = codeOf(error);
    if (code === 'NotGroupOwner') {
      const name = refusedGroupName(error) ?? '';
      const owned = await this.ownedList(context, locale);
      return `${errorText('NotGroupOwner', locale, { name })}${owned === undefined ? '' : `${sentenceGap(locale)}${owned}`}`;
    }
    if (code !== undefined && PLAIN_REFUSALS.has(code)) return errorText(code, locale);
    return failureText(error, locale, this.deps.logger, 'group or contact photo');
  }

  /** "Groups you own: ...", or `undefined` when even that cannot be read. */
  private async ownedList(context: TurnContext, locale: Locale): Promise<string | undefined> {
    try {
      const owned = await this.deps.groups.owned(await this.token(context, 'group'));
      return ownedGroupsText(locale, owned);
    } catch {
      return undefined;
    }
  }

  private actor(context: TurnContext) {
    return { id: senderId(context), path: 'chat' as const };
  }
}

/** The team's Microsoft 365 group id of a channel message (`channelData.team.aadGroupId`), if any. */
function teamGroupIdOf(context: TurnContext): string | undefined {
  const team = (context.activity.channelData as { team?: { aadGroupId?: unknown } } | undefined)?.team;
  return typeof team?.aadGroupId === 'string' && team.aadGroupId !== '' ? team.aadGroupId : undefined;
}

/** The pending store's key of a command that waits for its sender's sign-in. */
function commandKey(context: TurnContext): string {
  return `command-${encodeKeySegment(senderId(context))}`;
}

function contactTarget(contact: NamedContact): PhotoTarget {
  return {
    kind: 'contact',
    owner: { kind: 'me' },
    contactId: contact.id,
    ...(contact.folderId === undefined ? {} : { folderId: contact.folderId }),
  };
}

function attachmentOf(card: AdaptiveCardAttachment): Answer {
  return { attachments: [card] };
}
