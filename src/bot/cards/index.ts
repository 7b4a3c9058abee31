/**
 * The bot's Adaptive Card builders. The sign-in card is not here: it is an OAuthCard built with botbuilder.
 */
export {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  MAX_PREVIEW_DATA_URI_BYTES,
  checkPreviewDataUri,
  jpegDataUri,
  type AdaptiveCard,
  type AdaptiveCardAttachment,
  type CardElement,
  type ExecuteAction,
} from './adaptive-card.js';
export {
  UNDO_PHOTO_CHANGE_VERB,
  isUndoPhotoChangeData,
  photoUpdatedCard,
  type PhotoUpdatedCardOptions,
  type UndoPhotoChangeData,
} from './photo-updated-card.js';
export {
  REDO_PHOTO_CHANGE_VERB,
  undoneCard,
  undoneText,
  type BackTo,
  type UndoneCardOptions,
} from './undone-card.js';
export { PICTURE_PX, initialsOf, pictureOf, type Picture } from './photo-pictures.js';
export {
  OPEN_PHOTO_PAGE,
  helpCard,
  welcomeCard,
  type HelpCardOptions,
  type WelcomeCardOptions,
} from './help-cards.js';
export {
  CANCEL_CHOICE_VERB,
  CONFIRM_REMOVE_VERB,
  MAX_PICK_BUTTONS,
  PICK_TARGET_VERB,
  isConfirmRemoveData,
  isPickTargetData,
  pickCard,
  removeConfirmCard,
  removedCard,
  targetUpdatedCard,
  type ConfirmRemoveData,
  type PickOption,
  type PickTargetData,
  type RemovableGroup,
  type TargetKind,
} from './target-cards.js';
export {
  GROUP_CHOICE_ID,
  GROUPS_DATASET,
  MAX_STATIC_GROUP_CHOICES,
  THUMBNAIL_CARD_CONTENT_TYPE,
  groupDialogCard,
  groupPreviewCard,
  groupResultCard,
  setGroupPhotoDialogCard,
  signInDialogCard,
  type ChoiceSetInput,
  type ExtensionCard,
  type ExtensionCardAttachment,
  type GroupChoice,
  type GroupDialogOptions,
  type GroupPreviewCard,
  type GroupResultOptions,
  type OpenUrlAction,
  type SetGroupPhotoData,
  type SetGroupPhotoDialogOptions,
  type SubmitAction,
} from './extension-cards.js';
