/**
 * The English catalog: the source text and the definition of every message key.
 *
 * Its type defines {@link MessageKey} and, through the `{placeholders}` in each value, which parameters a key
 * takes. The other catalogs are typed `Record<MessageKey, string>`, so a key missing from (or added only to)
 * any of them is a compile error. Error codes are keys as they are, so `translate(locale, error.code)` works
 * for any {@link ErrorCode}.
 *
 * Style: British spelling, as in the README; the command words `undo` and `help` appear in the help text
 * exactly as `command.undo` and `command.help` (a test checks this in every language).
 */
import type { ErrorCode } from '../errors.js';

/** English text for every key. */
export const en = {
  // Error codes (src/errors.ts).
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
  BotUnreachable: 'The bot did not answer. Start it with npm start, or point --bot at its messages endpoint.',

  // The bot's own text.
  'welcome.title': "Hi {name}! I'm Teams Photo.",
  'welcome.titleNoName': "Hi! I'm Teams Photo.",
  'welcome.body':
    "Send me a photo in this chat and I'll make it your Microsoft 365 profile photo: upright, square and centred on you.",
  'help.title': 'How to use Teams Photo',
  'help.sendPhoto': 'Send a photo in this chat to make it your profile photo.',
  'help.formats': 'I accept JPEG, PNG, GIF, WebP or HEIC, up to 25 MB.',
  'help.undo': 'Type "undo" to put your previous photo back.',
  'help.help': 'Type "help" to see this again.',
  'command.undo': 'undo',
  'command.help': 'help',
  'photo.updated.title': 'Your new profile photo is set',
  'photo.updated.propagation':
    'It can take a while — up to 72 hours — to show everywhere in Microsoft 365, and Teams may show your old photo a little longer.',
  'photo.updated.undo': 'Undo',
  'photo.previewAlt': 'Preview of your profile photo',
  'photo.severalImages': 'You sent {count} images; I used the first one.',
  'undo.restored': 'Done: your previous photo is back.',
  'undo.removed': 'You had no photo before, so I removed the new one.',
  'undo.nothingToUndo': 'There is nothing to undo yet.',
  'signin.title': 'Sign in to Teams Photo',
  'signin.text':
    "Please sign in once so I can change your photo. I'll keep the photo you sent and use it as soon as you're signed in.",
  'signin.button': 'Sign in',
  'signin.done': "Thanks, you're signed in. I'm setting your photo now.",
  'error.reference': 'Reference: {id}',
  'error.generic': 'Something went wrong on my side. Please try again.',
  'local.unknownUser':
    "I can't find you ({id}) in the local directory, so I can't change your photo here. Add yourself to {file}.",
} as const satisfies Record<ErrorCode, string> & Record<string, string>;

/** Every message key: the error codes and the bot's own keys. */
export type MessageKey = keyof typeof en;

/** A complete catalog: one string per key. */
export type Catalog = Record<MessageKey, string>;

/** The `{placeholder}` names in a string literal type (`'a {x} b {y}'` gives `'x' | 'y'`). */
type PlaceholdersIn<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;

/** The placeholder names a key's English text uses; every other catalog must use the same ones. */
export type MessagePlaceholder<K extends MessageKey> = PlaceholdersIn<(typeof en)[K]>;

/** The parameters a key takes, e.g. `{ name: string }` for `welcome.title`, `{}` for a key without any. */
export type MessageParams<K extends MessageKey> = Readonly<Record<MessagePlaceholder<K>, string | number>>;
