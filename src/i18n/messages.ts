/**
 * The one place where error codes become sentences for people. The bot's languages join this catalog in a later
 * issue; until then every locale falls back to English.
 */
import type { ErrorCode } from '../errors.js';

const en: Record<ErrorCode, string> = {
  ImageTooLarge: 'That file is too large for a profile photo. Please send a smaller image.',
  UnsupportedImage: 'That is not an image I can use. Please send a JPEG, PNG, GIF, WebP or HEIC photo.',
  ImageDimensionsTooLarge:
    'That image has too many pixels (the limit is 50 megapixels, 20000 pixels a side).',
  ImageTooSmall:
    'That image is too small for a profile photo. Please send one at least 96 pixels on each side.',
  CorruptImage: 'That image looks damaged or incomplete, so I could not read it. Please try another copy.',
  ImageProcessingTimeout: 'Preparing that image took too long. Please try again, or send a smaller image.',
  ServerBusy: 'I am busy preparing other photos right now. Please try again in a minute.',
  InvalidCropBox: 'The crop must be a square that lies inside the picture.',
  GraphUnauthorized: 'Microsoft 365 did not accept my sign-in for you. Please sign in again.',
  GraphForbidden: 'You do not have permission to change that photo.',
  GraphNotFound: 'I could not find that person, group or contact in your organisation.',
  GraphPhotoTooLarge: 'Microsoft 365 refused the photo as too large.',
  GraphThrottled: 'Microsoft 365 is asking me to slow down. Please try again in a few minutes.',
  GraphUnavailable: 'Microsoft 365 is not answering right now. Please try again in a few minutes.',
  GraphMailboxUnsupported:
    'This account has no Exchange Online mailbox (or it is hosted on-premises), so its photo cannot be changed here.',
  GraphPolicyBlocked: 'An administrator has turned off changing profile photos in your organisation.',
  GraphBadRequest: 'Microsoft 365 did not accept that photo. Please try another image.',
  SignInRequired: 'Please sign in first, so I can change your photo for you.',
  ConsentRequired: "Teams Photo needs your consent (or an administrator's) before it can change photos.",
  UnknownUser: 'I do not know that user.',
  UndoNotFound: 'I cannot find that change any more, so there is nothing to undo.',
  UndoSuperseded:
    'That photo has been changed again since, so undoing this older change would lose the newer one.',
  NoImageFound:
    'I did not find an image in that message. Send a photo (JPEG, PNG, GIF, WebP or HEIC), or attach it as a file.',
  AttachmentHostNotAllowed: 'I can only download images that were sent in Teams.',
  AttachmentDownloadFailed: 'I could not download that image. Please send it again.',
  UnknownLocalUser: 'You are not in the local directory, so I cannot change your photo here.',
  InputNotReadable: 'The input file could not be read.',
  OutputNotWritable: 'The output file could not be written.',
  PortInUse: 'That port is already in use; choose another with --port or GRAPH_EMULATOR_PORT.',
};

/** The sentence for an error code (English until the bot's catalogs arrive). */
export function errorText(code: ErrorCode): string {
  return en[code];
}
