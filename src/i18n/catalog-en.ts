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
 *
 * Every error code has two keys: `<Code>`, what happened, and `<Code>.next`, what the person can do about it, so
 * that no answer stops without a next step (`errorText` joins the two). A number and its unit are joined by a
 * no-break space (`\u00a0`) so a chat bubble never breaks between them. A count whose words depend on the number
 * in a language with several plural forms uses an ICU plural: `{count, plural, one {# ...} few {# ...} ...}`,
 * chosen with `Intl.PluralRules` (see `translate.ts`).
 */
import type { ErrorCode } from '../errors.js';
import { qualityTexts } from './sections/quality.js';
import { policyTexts } from './sections/policy.js';
import { approvalTexts } from './sections/approval.js';
import { privacyTexts } from './sections/privacy.js';

/** English text for every key. */
export const en = {
  // Error codes (src/errors.ts): what happened, then `<code>.next`, what the person can do about it.
  ImageTooLarge: 'That file is too large for a profile photo.',
  'ImageTooLarge.next': 'Please send a smaller copy, up to 25\u00a0MB.',
  UnsupportedImage: 'That is not an image I can use.',
  'UnsupportedImage.next': 'Please send a JPEG, PNG, GIF, WebP or HEIC photo.',
  ImageDimensionsTooLarge:
    'That image has too many pixels (the limit is 50\u00a0megapixels, 20000\u00a0pixels a side).',
  'ImageDimensionsTooLarge.next':
    'Please send a smaller copy, for example a screenshot of it or an export at a lower resolution.',
  ImageTooSmall: 'That image is too small for a profile photo.',
  'ImageTooSmall.next': 'Please send one at least 96\u00a0pixels on each side.',
  CorruptImage: 'That image looks damaged or incomplete, so I could not read it.',
  'CorruptImage.next': 'Please try another copy.',
  ImageProcessingTimeout: 'Preparing that image took too long.',
  'ImageProcessingTimeout.next': 'Please try again, or send a smaller image.',
  ServerBusy: 'I am busy preparing other photos right now.',
  'ServerBusy.next': 'Please try again in a minute.',
  InvalidCropBox: 'The crop must be a square that lies inside the picture.',
  'InvalidCropBox.next': 'Give it as x,y,w,h with w equal to h, or leave --crop out to let me choose.',
  GraphUnauthorized: 'Microsoft 365 did not accept my sign-in for you.',
  'GraphUnauthorized.next': 'Please sign in again, then send the photo again.',
  GraphForbidden: 'You do not have permission to change that photo.',
  'GraphForbidden.next': 'Please ask its owner or your IT department to change it.',
  GraphNotFound: 'I could not find that person, group or contact in your organisation.',
  'GraphNotFound.next': 'Please check the name and try again.',
  GraphPhotoTooLarge: 'Microsoft 365 refused the photo as too large.',
  'GraphPhotoTooLarge.next': 'Please send a smaller image; if this keeps happening, tell your IT department.',
  GraphThrottled: 'Microsoft 365 is asking me to slow down.',
  'GraphThrottled.next': 'Please try again in a few minutes.',
  GraphUnavailable: 'Microsoft 365 is not answering right now.',
  'GraphUnavailable.next': 'Please try again in a few minutes.',
  GraphMailboxUnsupported:
    'Your account has no Exchange Online mailbox, so Microsoft 365 does not let me change your photo.',
  'GraphMailboxUnsupported.next': 'Please ask your IT department to change it for you.',
  GraphPolicyBlocked: 'Your organisation does not let people change their own profile photo.',
  'GraphPolicyBlocked.next': 'Please ask your IT department to change it for you.',
  GraphBadRequest: 'Microsoft 365 did not accept that photo.',
  'GraphBadRequest.next': 'Please try another image.',
  SignInRequired: 'I need you to sign in before I can change your photo.',
  'SignInRequired.next': 'Please send the photo again and choose Sign in when I ask.',
  ConsentRequired: "Teams Photo needs your consent (or an administrator's) before it can change photos.",
  'ConsentRequired.next':
    'Please sign in again and accept, or ask your IT department to approve Teams Photo.',
  UnknownUser: 'I do not know that user.',
  'UnknownUser.next':
    "Use one of the users listed on the emulator's page, or add them to its directory.json.",
  UndoNotFound: 'I cannot find that change any more, so there is nothing to undo.',
  'UndoNotFound.next': 'To go back to an older photo, send it to me again.',
  UndoSuperseded:
    'That photo has been changed again since, so undoing this older change would lose the newer one.',
  'UndoSuperseded.next': 'Undo the newer change first, or send me the photo you want.',
  NoImageFound: 'I did not find an image in that message.',
  'NoImageFound.next': 'Paste or attach a photo (JPEG, PNG, GIF, WebP or HEIC) and send it again.',
  FileNotAnImage: 'The file {name} is not a photo.',
  'FileNotAnImage.next': 'Please send a JPEG, PNG, GIF, WebP or HEIC photo instead.',
  AttachmentHostNotAllowed: 'I can only download images that were sent in Teams.',
  'AttachmentHostNotAllowed.next': 'Please paste or attach the photo in this chat.',
  AttachmentDownloadFailed: 'I could not download that image.',
  'AttachmentDownloadFailed.next': 'Please send it again.',
  UnknownLocalUser: 'You are not in the local directory, so I cannot change your photo here.',
  'UnknownLocalUser.next': 'Please ask whoever runs this bot to add you to its directory.',
  InputNotReadable: 'The input file could not be read.',
  'InputNotReadable.next': 'Check the path and that this user may read the file.',
  OutputNotWritable: 'The output file could not be written.',
  'OutputNotWritable.next': 'Check that its folder exists and that this user may write there.',
  PortInUse: 'That port is already in use, perhaps by another copy of the bot or the emulator.',
  'PortInUse.next': 'Stop that program, or choose another port with PORT, GRAPH_EMULATOR_PORT or --port.',
  BotUnreachable: 'The bot did not answer.',
  'BotUnreachable.next': 'Start it with npm start, or point --bot at its messages endpoint.',
  EmulatorUnreachable: 'The local Graph emulator is not running.',
  'EmulatorUnreachable.next':
    'Start it with profile-photo emulator or npm start, or set GRAPH_EMULATOR_PORT to the port it listens on.',
  PlaygroundUnreachable: 'Microsoft 365 Agents Playground did not answer.',
  'PlaygroundUnreachable.next':
    'Start it with npm run dev, or point --playground-url at the address it printed.',
  DataDirNotWritable: 'The data folder (DATA_DIR) cannot be created or written to.',
  'DataDirNotWritable.next': 'Point DATA_DIR at a folder this user can write to.',
  ConfigInvalid: 'The configuration is not valid.',
  'ConfigInvalid.next': 'Fix the variables listed and start again (the README describes each one).',
  InvalidRequest: 'I could not make sense of that request.',
  'InvalidRequest.next': 'Please reload the page and try again.',
  NotAdmin: "Only admins of Teams Photo can set other people's photos, and you are not one.",
  'NotAdmin.next':
    "Ask your IT admin if you need a colleague's photo changed; to change your own, just send me a picture.",
  TenantNotAllowed: 'This app does not serve admin actions from your organisation.',
  'TenantNotAllowed.next':
    'Ask the people who run Teams Photo to add your tenant, or use the copy your organisation installed.',
  AppIdentityMissing: "The app has no identity of its own set up, so it cannot change other people's photos.",
  'AppIdentityMissing.next':
    'Ask whoever deployed Teams Photo to configure its app credential (GRAPH_APP_CREDENTIAL) with User.ReadWrite.All.',
  PersonNotFound: 'I could not find anyone with that name, mail or user principal name in the directory.',
  'PersonNotFound.next': 'Check the spelling: a user principal name, a mail address or an object id works.',
  ZipTooLarge: 'That zip is larger than the import limit.',
  'ZipTooLarge.next': 'Split the photos into several smaller zips and send them one after another.',
  ZipTooManyEntries: 'That zip holds more files than one import may.',
  'ZipTooManyEntries.next': 'Split the photos into several zips with fewer files each.',
  ZipTooMuchData:
    'That zip unpacks to more data than an import may hold, or it is built to unpack far larger than it is (a zip bomb).',
  'ZipTooMuchData.next': 'Send a zip made of the photos themselves, or split it into smaller ones.',
  ZipUnreadable: 'I could not read that zip: it is damaged or not a zip file.',
  'ZipUnreadable.next':
    "Make the zip again (for example with your system's Compress or Send to) and send it once more.",
  NothingToImport: 'There are no photos in that import I could use.',
  'NothingToImport.next':
    "Name each photo after the person's user principal name, mail, mail nickname or employee id, or add a mapping.csv with file and user columns.",
  JobNotFound: 'I could not find that bulk job.',
  'JobNotFound.next':
    'Use the buttons on the card of a job you started yourself; on the command line, profile-photo jobs lists every job.',
  JobNotStartable: 'That bulk job has already been started or cancelled, so it cannot start again.',
  'JobNotStartable.next': 'Look at its progress card, or send the zip again for a new job.',
  JobInProgress: 'That bulk job is still running.',
  'JobInProgress.next': 'Wait until it has finished, then try again.',
  AdminChoiceExpired: 'That choice is no longer open.',
  'AdminChoiceExpired.next': 'Send admin to open a new admin card.',
  ReportLinkExpired: 'That report link has expired or is not yours.',
  'ReportLinkExpired.next': "Press Download report on the job's card for a new link.",

  // The bot's own text.
  'welcome.title': "Hi {name}! I'm Teams Photo.",
  'welcome.titleNoName': "Hi! I'm Teams Photo.",
  'welcome.body':
    "Send me a photo in this chat and I'll make it your Microsoft 365 profile photo: upright, square and centred on you.",
  'help.title': 'How to use Teams Photo',
  'help.sendPhoto': 'Send a photo in this chat to make it your profile photo.',
  'help.formats': 'I accept JPEG, PNG, GIF, WebP or HEIC, up to 25\u00a0MB.',
  'help.undo': 'Type "undo" to put your previous photo back.',
  'help.help': 'Type "help" to see this again.',
  'command.undo': 'undo',
  'command.help': 'help',
  'photo.updated.title': 'Your new profile photo is set',
  'photo.updated.propagation':
    'It can take a while — up to 72\u00a0hours — to show everywhere in Microsoft 365, and Teams may show your old photo a little longer.',
  'photo.updated.undo': 'Undo',
  'photo.previewAlt': 'Preview of your profile photo',
  'photo.severalImages': 'You sent {count}\u00a0images; I used the first one.',
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
    "Add yourself to {file} (your id is in the bot's terminal, next to the reference below), then send the photo again: the file is reloaded when it changes, so there is no need to restart.",
  PhotoChangeInProgress: 'Another change to this photo is still under way.',
  'PhotoChangeInProgress.next': 'Please try again in a minute.',
  ImageProcessingFailed: 'That image needed more memory to prepare than I can give one photo.',
  'ImageProcessingFailed.next':
    'Please send a smaller copy, for example a screenshot of it or a JPEG export at a lower resolution.',
  UnsupportedChannel: 'I can only change photos from messages sent in Microsoft Teams.',
  'UnsupportedChannel.next': 'Please send me the photo in a Teams chat.',
  UndoAlreadyUndone: 'That change has already been undone.',
  'UndoAlreadyUndone.next': 'Type "undo" to go back one more step, or send me the photo you want.',
  RedoAlreadyDone: 'That photo is already back in place.',
  'RedoAlreadyDone.next': 'Type "undo" if you want to undo it again.',
  'undo.supersededOn': 'You set a newer photo on {date}, so undoing this older change would lose it.',
  'undo.backToChange': 'Undone: the photo you set on {date} is back.',
  'undo.backToOriginal': 'Undone: the photo you had before your first change here is back.',
  'undo.backToNone': 'Undone: you have no profile photo now, as before your first change here.',
  'undo.nothingLeft': 'There is nothing left to undo. Send me a photo whenever you want a new one.',
  'redo.action': 'Use this photo again',
  'redo.title': 'This photo is your profile photo again',
  'photo.before': 'Before',
  'photo.after': 'After',
  'photo.noPhoto': 'No photo',
  'photo.beforeAlt': 'Your profile photo before this change',
  // The app package (appPackage/manifest.json and its <lang>.json files, written by
  // `npm run appPackage:generate`): the app's names, descriptions and command descriptions, within the schema's lengths.
  'app.name.short': 'Teams Photo',
  'app.name.full': 'Teams Photo: your Microsoft 365 profile photo, set from Teams',
  'app.description.short': 'Send a photo in chat and it becomes your profile photo.',
  'app.description.full':
    'Send Teams Photo an image in a personal chat and it becomes your Microsoft 365 profile photo: turned upright, cropped square around you, stripped of metadata and sized for Microsoft 365. Every change can be undone: type "undo" or press Undo on the answer card. JPEG, PNG, GIF, WebP and HEIC photos are accepted.',
  'app.command.help.description': 'How to use Teams Photo',
  'app.command.undo.description': 'Put your previous profile photo back',
  // Choosing a group or contact, and removing a photo (issue 15).
  GroupNotFound: 'None of the groups you own is called "{name}".',
  'GroupNotFound.next': "Check the group's name or email address and try again.",
  NotGroupOwner: 'You are not an owner of {name}, so you cannot change its photo.',
  'NotGroupOwner.next': 'Ask one of its owners, or ask your IT department to make you an owner.',
  ContactNotFound: 'None of your Outlook contacts is called "{name}".',
  'ContactNotFound.next': "Check the contact's name or email address in Outlook and try again.",
  NoPhotoToRemove: 'There is no photo to remove, so nothing was changed.',
  'NoPhotoToRemove.next': 'Send me a photo whenever you want to set one.',
  NoRecentImage: 'I have no image from you from the last few minutes to use.',
  'NoRecentImage.next': 'Send the image again with "group" and the group\'s name in the same message.',
  ChoiceExpired: 'That choice has expired: the photo is no longer waiting.',
  'ChoiceExpired.next': 'Please send the image again.',
  // Group and contact photos in chat (issue 15).
  'undo.other.restored': 'Undone: the photo from before this change is back.',
  'undo.other.removed': 'Undone: there is no photo now, as before this change.',
  'command.team': 'team',
  'command.removeGroupPhoto': 'remove group photo',
  'group.youOwn': 'Groups you own: {names}.',
  'group.ownNone':
    'You do not own any Microsoft 365 group, so there is no group photo you can change. Ask an owner of the group, or your IT department.',
  'group.whichOne':
    'Which group? Send the image with "group" and the group\'s name, for example "group Marketing".',
  'group.teamOnlyInChannel':
    'Name the group after "group" (for example "group Marketing"): only in a team\'s channel does "group" alone mean that team.',
  'contact.whichOne':
    'Which contact? Send the image with "contact" and a name, for example "contact Ravi Kumar".',
  'contact.some': 'Some of your contacts: {names}.',
  'contact.none': 'You have no Outlook contacts yet.',
  'target.updated.group': 'The photo of {name} is set',
  'target.updated.contact': 'The photo of your contact {name} is set',
  'target.updated.propagation':
    'It can take up to 72\u00a0hours to show everywhere in Microsoft 365, and Teams may show the old photo for up to 3\u00a0days.',
  'target.previewAlt': 'Preview of the photo of {name}',
  'target.beforeAlt': 'The photo of {name} before this change',
  'pick.group.title': 'Which group did you mean?',
  'pick.group.text': 'Several groups you own match "{name}". Choose one to set its photo:',
  'pick.contact.title': 'Which contact did you mean?',
  'pick.contact.text': 'Several of your contacts match "{name}". Choose one to set their photo:',
  'pick.cancel': 'Cancel',
  'pick.cancelled': 'Cancelled: nothing was changed.',
  'pick.inFolder': '{name} (in {folder})',
  'remove.confirm.own': 'Remove your profile photo?',
  'remove.confirm.group': 'Remove the photo of {name}?',
  'remove.confirm.text': 'I keep a copy first, so you can undo this.',
  'remove.confirm.button': 'Remove',
  'remove.done.own': 'Your profile photo is removed',
  'remove.done.group': 'The photo of {name} is removed',
  'remove.whichOne': 'Type "remove my photo", or "remove group photo" and the group\'s name.',
  'channel.imageNeedsCommand':
    'In a team or group chat I only change a group\'s photo: mention me with "group" (this team) or "group <name>". To change your own photo, send it to me in our personal chat.',
  'help.group':
    'Send a photo with "group" and a group\'s name to set the photo of a group you own; in a team\'s channel, mention me with "group" to set that team\'s photo.',
  'help.contact': 'Send a photo with "contact" and a name to set one of your Outlook contacts\' photo.',
  'help.remove':
    'Type "remove my photo" (or "remove group photo" and a name) to remove a photo; you can undo it.',
  // The messaging extension (issue 15).
  'extension.dialog.title': 'Set as group photo',
  'extension.dialog.text': 'Choose the group whose photo this image becomes.',
  'extension.dialog.group': 'Group',
  'extension.dialog.groupPick': 'Choose a group',
  'extension.dialog.groupSearch': 'Type a group name',
  'extension.dialog.groupRequired': 'Choose one of the groups you own.',
  'extension.dialog.set': 'Set photo',
  'extension.dialog.previewAlt': 'Preview of the new group photo',
  'extension.noImage':
    'I found no image in that message. Use "Set as group photo" on a message with a picture or an image file.',
  'extension.imageNotReadable':
    'I could not open the image in that message: it may have been removed, or you may not have access to it.',
  'extension.done': 'The photo of {name} is set.',
  'extension.group.photoAlt': 'The photo of {name}',
  'extension.group.change': 'Change photo',
  'extension.group.current': 'Its photo now',
  'extension.group.recent': 'The image you sent last',
  'extension.group.set': 'Set as its photo',
  'extension.group.sendFirst':
    'To change it, send me the image in our chat with "group {name}", or use "Set as group photo" on a message with the image.',
  'extension.signIn.text': 'Please sign in once so I can see the groups you own and change their photos.',
  // The app package's group, contact and messaging-extension strings (issue 15).
  'command.group': 'group',
  'command.contact': 'contact',
  'command.remove': 'remove my photo',
  'app.command.group.description': 'Send an image with "group" and a name to set a group\'s photo',
  'app.command.contact.description': 'Send an image with "contact" and a name to set a contact\'s photo',
  'app.command.remove.description': 'Remove your photo, or a group\'s: "remove my photo"',
  'app.extension.setGroupPhoto.title': 'Set as group photo',
  'app.extension.setGroupPhoto.description': 'Make an image in this message the photo of a group you own',
  'app.extension.groups.title': 'Groups',
  'app.extension.groups.description': 'Find a group you own and change its photo',
  'app.extension.groups.parameter.title': 'Group name',
  'app.extension.groups.parameter.description': 'The name or email address of a group you own',
  // Added once the rest of issue 15 was translated.
  'help.openPage': 'Open the Photo page',
  'target.updated.contactNote':
    'It shows in your Outlook contacts and wherever Teams and Outlook show this contact; only you see it.',
  // The Teams page (issue 16).
  'tab.name': 'Photo',
  'tab.heading': 'Profile photo',
  'tab.intro': 'Choose whose photo to change and a picture, move and zoom the square, then set it.',
  'tab.target.label': 'Whose photo',
  'tab.target.me': 'My photo',
  'tab.target.meNamed': 'My photo ({name})',
  'tab.target.groups': 'Groups you own',
  'tab.target.contacts': 'Your contacts',
  'tab.current.label': 'The photo now',
  'tab.current.none': 'No photo yet',
  'tab.file.choose': 'Choose a picture',
  'tab.file.drop': 'or drop one here',
  'tab.file.formats': 'JPEG, PNG, GIF, WebP or HEIC, up to 25\u00a0MB.',
  'tab.crop.label': 'The square to use',
  'tab.crop.help': 'Drag to move the square; pinch, scroll or use the buttons to zoom.',
  'tab.crop.box': 'The square in the picture (x, y, width, height, in pixels):',
  'tab.zoomIn': 'Zoom in',
  'tab.zoomOut': 'Zoom out',
  'tab.result.label': 'How it will look',
  'tab.set': 'Set photo',
  'tab.undo': 'Undo',
  'tab.status.signingIn': 'Signing you in…',
  'tab.status.chooseFile': 'Choose a picture, or drop one on the box above.',
  'tab.status.reading': 'Reading the picture…',
  'tab.status.adjust': 'Move and zoom the square, then choose Set photo.',
  'tab.status.cannotDraw':
    'This browser cannot show this picture (a HEIC photo, for example), so its automatic square is given as numbers. You can still set it.',
  'tab.status.setting': 'Setting the photo…',
  'tab.status.undoing': 'Undoing the change…',
  'tab.status.openInTeams': 'Open this page from the Photo tab of Teams Photo in Microsoft Teams.',
  'tab.status.signInFailed':
    'Teams could not sign you in to Teams Photo. Please close the tab and open it again.',
  'tab.status.offline': 'The server did not answer. Check your connection and try again.',
  // Admins (issue 17): the admin command card, `set <person>` with an image, bulk imports from a zip.
  'command.admin': 'admin',
  'command.set': 'set',
  'app.command.admin.description': "Admins: set other people's photos, one by one or from a zip",
  'admin.card.title': "Set other people's photos",
  'admin.card.intro':
    "As an admin you can set anyone's profile photo. I do it with the app's own identity and record every change in the audit log.",
  'admin.card.pickLabel': 'Whose photo',
  'admin.card.pickPlaceholder': 'Type a name or mail',
  'admin.card.pickError': 'Pick a person first.',
  'admin.card.sendNow': 'Send the photo now',
  'admin.card.setHint':
    'Or send an image with "{word}" and their user principal name or mail, for example "{word} {example}".',
  'admin.card.zipHint':
    "For many people at once, send a .zip of photos, each named after the person's user principal name, mail, mail nickname or employee id (or with a mapping.csv of file and user). I answer with a plan to check before anything changes.",
  'admin.waiting.title': 'Send the photo for {name} now',
  'admin.waiting.text': 'The next image you send in this chat within {time} becomes their profile photo.',
  'admin.updated.title': 'The photo of {name} is set',
  'admin.updated.note':
    "Set with the app's own identity and recorded in the audit log. It can take up to 72\u00a0hours to show everywhere.",
  'admin.plan.title': 'Import plan for {file}',
  'admin.plan.matched': 'Photos that match a person',
  'admin.plan.unmatched': 'Files that match nobody',
  'admin.plan.ambiguous': 'Files that match several people, or a person another file matches too',
  'admin.plan.unreadable': 'Files I cannot use (not an image, unreadable, unsafe name or nested zip)',
  'admin.plan.more': 'and {count}\u00a0more',
  'admin.plan.text':
    'Nothing has changed yet. Start sets the matched photos (each old photo is backed up first); this plan waits {time}.',
  'admin.plan.start': 'Start',
  'admin.plan.cancel': 'Cancel',
  'admin.plan.cancelled': 'The import of {file} is cancelled. Nothing was changed.',
  'admin.plan.started': 'The import of {file} has started. Its progress is in the card below.',
  'admin.progress.title': 'Importing photos from {file}',
  'admin.progress.undoTitle': 'Putting back the photos the import of {file} changed',
  'admin.progress.done': 'Done',
  'admin.progress.failed': 'Failed',
  'admin.progress.left': 'Time left',
  'admin.progress.waiting': 'Waiting for its turn…',
  'admin.progress.count': '{done} of {total}',
  'admin.report.title': 'The import of {file} has finished',
  'admin.report.set': 'Photos set',
  'admin.report.skipped': 'Files skipped',
  'admin.report.cancelledTitle': 'The import of {file} was cancelled',
  'admin.report.undoneTitle': 'The import of {file} is undone',
  'admin.report.undone': 'Photos put back or removed',
  'admin.report.download': 'Download report',
  'admin.report.open': 'Open the report',
  'admin.personalOnly':
    'Admin work happens only in your personal chat with me, so that no one else sees the people and photos involved. Open a chat with Teams Photo and send admin there.',
  'admin.report.linkNote':
    'The report link is made for you and works for {time}: do not forward it (it names everyone in the import).',
  'admin.report.undo': 'Undo this batch',
  'admin.undo.started': 'Putting back the photos of the import of {file}. Its progress is in the card below.',
  ...qualityTexts.en,
  ...policyTexts.en,
  ...approvalTexts.en,
  ...privacyTexts.en,
} as const satisfies Record<ErrorCode, string> & Record<ErrorNextKey, string> & Record<string, string>;

/**
 * The key of an error code's second part: what the person can do next. Every code must have one (the type above
 * makes a missing one a compile error, and test/i18n/catalogs.test.ts checks it in every catalog at run time).
 */
export type ErrorNextKey = `${ErrorCode}.next`;

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
