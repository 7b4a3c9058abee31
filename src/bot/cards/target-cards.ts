/**
 * The cards of photos that are not the sender's own, and of removals:
 * - the answer to a group's or contact's new photo (named, before and after, Undo);
 * - the pick card when several groups or contacts match a name (one `Action.Execute` button per match);
 * - the confirmation before a photo is removed, and the answer once it is (Undo puts it back).
 *
 * Names come from the directory (a group's or contact's display name, which anyone with the right can set), so
 * titles that carry one are plain text runs, never Markdown; button titles are plain text in every host.
 */
import { translate, type Locale } from '../../i18n/index.js';
import {
  cardAttachment,
  plainTitleBlock,
  textBlock,
  titleBlock,
  type AdaptiveCardAttachment,
  type ExecuteAction,
} from './adaptive-card.js';
import { beforeAfter, initialsOf, type Picture } from './photo-pictures.js';
import { UNDO_PHOTO_CHANGE_VERB, type UndoPhotoChangeData } from './photo-updated-card.js';

/** The verb of a pick card's buttons: set the photo that waits (`choice`) on the target picked. */
export const PICK_TARGET_VERB = 'pickPhotoTarget';
/** The verb of a pick card's or a confirmation's Cancel. */
export const CANCEL_CHOICE_VERB = 'cancelPhotoChoice';
/** The verb of a removal's confirmation button. */
export const CONFIRM_REMOVE_VERB = 'confirmRemovePhoto';

/** Whose photo a pick card or a removal names. */
export type TargetKind = 'group' | 'contact';

/** At most this many buttons on a pick card: Teams shows five or six actions before it folds them away. */
export const MAX_PICK_BUTTONS = 6;

/** A pick card button's data: the target chosen, and the id of the photo that waits for the choice. */
export interface PickTargetData {
  readonly kind: TargetKind;
  readonly id: string;
  /** A contact's folder ('' for the default Contacts folder). */
  readonly folderId: string;
  readonly choice: string;
}

/** A removal's confirmation data: one's own photo, or a group's by id. */
export type ConfirmRemoveData = { readonly kind: 'me' } | { readonly kind: 'group'; readonly id: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= 512;
}

/** True when an invoke's data is a pick card button's (the invoke is input from the network). */
export function isPickTargetData(data: unknown): data is PickTargetData {
  return (
    isRecord(data) &&
    (data.kind === 'group' || data.kind === 'contact') &&
    nonEmpty(data.id) &&
    typeof data.folderId === 'string' &&
    data.folderId.length <= 512 &&
    nonEmpty(data.choice)
  );
}

/** True when an invoke's data is a removal's confirmation. */
export function isConfirmRemoveData(data: unknown): data is ConfirmRemoveData {
  return isRecord(data) && (data.kind === 'me' || (data.kind === 'group' && nonEmpty(data.id)));
}

/** What {@link targetUpdatedCard} needs. */
export interface TargetUpdatedCardOptions {
  readonly locale: Locale;
  readonly kind: TargetKind;
  /** The group's or contact's display name. */
  readonly name: string;
  readonly previewDataUri: string;
  /** The replaced photo's preview; without one the group's or contact's initials stand in. */
  readonly beforeDataUri: string | undefined;
  readonly changeId: string;
}

function undoAction(locale: Locale, changeId: string): ExecuteAction {
  return {
    type: 'Action.Execute',
    title: translate(locale, 'photo.updated.undo'),
    verb: UNDO_PHOTO_CHANGE_VERB,
    data: { changeId } satisfies UndoPhotoChangeData,
  };
}

function beforePicture(previewDataUri: string | undefined, name: string): Picture {
  if (previewDataUri !== undefined) return { kind: 'photo', previewDataUri };
  const initials = initialsOf(name);
  return initials === '' ? { kind: 'none' } : { kind: 'initials', initials };
}

/**
 * A group's or contact's photo is set: its name, before and after, when others will see it, and Undo.
 * @throws as `beforeAfter` for previews that are too large or not JPEG data URIs; TypeError for an empty change id
 */
export function targetUpdatedCard(options: TargetUpdatedCardOptions): AdaptiveCardAttachment {
  const { locale, kind, name, changeId } = options;
  if (changeId === '') throw new TypeError('changeId must not be empty');
  const title = translate(locale, kind === 'group' ? 'target.updated.group' : 'target.updated.contact', {
    name,
  });
  return cardAttachment(
    title,
    [
      plainTitleBlock(title),
      beforeAfter(locale, beforePicture(options.beforeDataUri, name), options.previewDataUri, {
        before: translate(locale, 'target.beforeAlt', { name }),
        after: translate(locale, 'target.previewAlt', { name }),
      }),
      // A group's photo is everyone's; a contact's lives in the sender's own mailbox.
      textBlock(
        translate(locale, kind === 'group' ? 'target.updated.propagation' : 'target.updated.contactNote'),
        { subtle: true },
      ),
    ],
    [undoAction(locale, changeId)],
  );
}

/** One choice on a pick card. */
export interface PickOption {
  readonly id: string;
  /** What the button says: the display name (with its folder, for a contact outside the default one). */
  readonly label: string;
  readonly folderId?: string;
}

/** What {@link pickCard} needs. */
export interface PickCardOptions {
  readonly locale: Locale;
  readonly kind: TargetKind;
  /** The name the person typed. */
  readonly query: string;
  /** The matches, in order; the first {@link MAX_PICK_BUTTONS} get a button. */
  readonly options: readonly PickOption[];
  /** The id of the photo that waits for the choice. */
  readonly choice: string;
}

/** Several groups or contacts match: one button per match, and Cancel. */
export function pickCard(options: PickCardOptions): AdaptiveCardAttachment {
  const { locale, kind, query, choice } = options;
  const title = translate(locale, kind === 'group' ? 'pick.group.title' : 'pick.contact.title');
  const text = translate(locale, kind === 'group' ? 'pick.group.text' : 'pick.contact.text', { name: query });
  const buttons: ExecuteAction[] = options.options.slice(0, MAX_PICK_BUTTONS).map((option) => ({
    type: 'Action.Execute',
    title: option.label,
    verb: PICK_TARGET_VERB,
    data: { kind, id: option.id, folderId: option.folderId ?? '', choice } satisfies PickTargetData,
  }));
  return cardAttachment(
    title,
    [titleBlock(title), { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] }],
    [...buttons, cancelAction(locale, choice)],
  );
}

function cancelAction(locale: Locale, choice: string): ExecuteAction {
  return {
    type: 'Action.Execute',
    title: translate(locale, 'pick.cancel'),
    verb: CANCEL_CHOICE_VERB,
    data: { choice },
  };
}

/** A group whose photo a removal would remove. */
export interface RemovableGroup {
  readonly id: string;
  readonly name: string;
}

/**
 * Asks before a photo is removed: one's own (`groups` left out), or a group's. Several groups matching the name get
 * one Remove button each, labelled with the group's name.
 */
export function removeConfirmCard(
  locale: Locale,
  groups?: readonly RemovableGroup[],
): AdaptiveCardAttachment {
  const one = groups?.length === 1 ? groups[0] : undefined;
  const title =
    groups === undefined
      ? translate(locale, 'remove.confirm.own')
      : translate(locale, 'remove.confirm.group', { name: one?.name ?? '' });
  const confirm = (label: string, data: ConfirmRemoveData): ExecuteAction => ({
    type: 'Action.Execute',
    title: label,
    verb: CONFIRM_REMOVE_VERB,
    data: data.kind === 'me' ? { kind: 'me' } : { kind: 'group', id: data.id },
  });
  const buttons =
    groups === undefined
      ? [confirm(translate(locale, 'remove.confirm.button'), { kind: 'me' })]
      : groups.slice(0, MAX_PICK_BUTTONS).map((group) =>
          confirm(one ? translate(locale, 'remove.confirm.button') : group.name, {
            kind: 'group',
            id: group.id,
          }),
        );
  const heading = groups !== undefined && one === undefined ? translate(locale, 'pick.group.title') : title;
  return cardAttachment(
    heading,
    [plainTitleBlock(heading), textBlock(translate(locale, 'remove.confirm.text'), { subtle: true })],
    [...buttons, cancelAction(locale, '')],
  );
}

/** What {@link removedCard} needs. */
export interface RemovedCardOptions {
  readonly locale: Locale;
  /** The group's name; left out for one's own photo. */
  readonly groupName?: string;
  /** The removed photo's preview, if one could be made. */
  readonly beforeDataUri: string | undefined;
  readonly changeId: string;
}

/** A photo was removed: before (the removed photo) and after (none), and Undo, which puts it back. */
export function removedCard(options: RemovedCardOptions): AdaptiveCardAttachment {
  const { locale, groupName, changeId } = options;
  if (changeId === '') throw new TypeError('changeId must not be empty');
  const title =
    groupName === undefined
      ? translate(locale, 'remove.done.own')
      : translate(locale, 'remove.done.group', { name: groupName });
  const before: Picture =
    options.beforeDataUri === undefined
      ? { kind: 'none' }
      : { kind: 'photo', previewDataUri: options.beforeDataUri };
  const alt =
    groupName === undefined
      ? { before: translate(locale, 'photo.beforeAlt'), after: translate(locale, 'photo.noPhoto') }
      : {
          before: translate(locale, 'target.beforeAlt', { name: groupName }),
          after: translate(locale, 'photo.noPhoto'),
        };
  return cardAttachment(
    title,
    [plainTitleBlock(title), beforeAfter(locale, before, { kind: 'none' }, alt)],
    [undoAction(locale, changeId)],
  );
}
