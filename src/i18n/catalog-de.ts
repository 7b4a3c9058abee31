/**
 * German (`de`, also served to `de-AT`, `de-CH` and every other German variant).
 * Formal "Sie", as Microsoft 365's German business UI; Swiss readers accept "ß" in UI text.
 */
import type { Catalog } from './catalog-en.js';

/** German text for every key. */
export const de: Catalog = {
  // Error codes (src/errors.ts): what happened, then `<code>.next`, what the person can do about it.
  ImageTooLarge: 'Diese Datei ist zu groß für ein Profilbild.',
  'ImageTooLarge.next': 'Bitte senden Sie eine kleinere Kopie, höchstens 25\u00a0MB.',
  UnsupportedImage: 'Diese Datei kann ich nicht als Bild verwenden.',
  'UnsupportedImage.next': 'Bitte senden Sie ein Foto im Format JPEG, PNG, GIF, WebP oder HEIC.',
  ImageDimensionsTooLarge:
    'Dieses Bild hat zu viele Pixel (höchstens 50\u00a0Megapixel und 20000\u00a0Pixel pro Seite).',
  'ImageDimensionsTooLarge.next':
    'Bitte senden Sie eine kleinere Kopie, etwa einen Screenshot oder einen Export mit geringerer Auflösung.',
  ImageTooSmall: 'Dieses Bild ist zu klein für ein Profilbild.',
  'ImageTooSmall.next': 'Bitte senden Sie eines mit mindestens 96\u00a0Pixeln pro Seite.',
  CorruptImage: 'Dieses Bild scheint beschädigt oder unvollständig zu sein, daher konnte ich es nicht lesen.',
  'CorruptImage.next': 'Bitte versuchen Sie es mit einer anderen Kopie.',
  ImageProcessingTimeout: 'Die Vorbereitung dieses Bildes hat zu lange gedauert.',
  'ImageProcessingTimeout.next': 'Bitte versuchen Sie es erneut oder senden Sie ein kleineres Bild.',
  ServerBusy: 'Ich bereite gerade andere Fotos vor.',
  'ServerBusy.next': 'Bitte versuchen Sie es in einer Minute erneut.',
  InvalidCropBox: 'Der Zuschnitt muss ein Quadrat innerhalb des Bildes sein.',
  'InvalidCropBox.next':
    'Geben Sie ihn als x,y,w,h mit w gleich h an, oder lassen Sie --crop weg, damit ich ihn wähle.',
  GraphUnauthorized: 'Microsoft 365 hat meine Anmeldung für Sie nicht akzeptiert.',
  'GraphUnauthorized.next': 'Bitte melden Sie sich erneut an und senden Sie das Foto noch einmal.',
  GraphForbidden: 'Sie sind nicht berechtigt, dieses Foto zu ändern.',
  'GraphForbidden.next': 'Bitte wenden Sie sich an den Besitzer oder an Ihre IT-Abteilung.',
  GraphNotFound: 'Ich konnte diese Person, Gruppe oder diesen Kontakt in Ihrer Organisation nicht finden.',
  'GraphNotFound.next': 'Bitte prüfen Sie den Namen und versuchen Sie es erneut.',
  GraphPhotoTooLarge: 'Microsoft 365 hat das Foto als zu groß abgelehnt.',
  'GraphPhotoTooLarge.next':
    'Bitte senden Sie ein kleineres Bild; wenn das wieder passiert, informieren Sie Ihre IT-Abteilung.',
  GraphThrottled: 'Microsoft 365 bittet mich, weniger Anfragen zu senden.',
  'GraphThrottled.next': 'Bitte versuchen Sie es in einigen Minuten erneut.',
  GraphUnavailable: 'Microsoft 365 antwortet gerade nicht.',
  'GraphUnavailable.next': 'Bitte versuchen Sie es in einigen Minuten erneut.',
  GraphMailboxUnsupported:
    'Ihr Konto hat kein Exchange-Online-Postfach, daher lässt Microsoft 365 mich Ihr Foto nicht ändern.',
  'GraphMailboxUnsupported.next': 'Bitte bitten Sie Ihre IT-Abteilung, es für Sie zu ändern.',
  GraphPolicyBlocked: 'Ihre Organisation erlaubt nicht, das eigene Profilbild zu ändern.',
  'GraphPolicyBlocked.next': 'Bitte bitten Sie Ihre IT-Abteilung, es für Sie zu ändern.',
  GraphBadRequest: 'Microsoft 365 hat dieses Foto nicht akzeptiert.',
  'GraphBadRequest.next': 'Bitte versuchen Sie es mit einem anderen Bild.',
  SignInRequired: 'Sie müssen sich anmelden, bevor ich Ihr Foto ändern kann.',
  'SignInRequired.next': 'Bitte senden Sie das Foto erneut und wählen Sie „Anmelden“, wenn ich danach frage.',
  ConsentRequired:
    'Teams Photo benötigt Ihre Zustimmung (oder die eines Administrators), bevor es Fotos ändern kann.',
  'ConsentRequired.next':
    'Bitte melden Sie sich erneut an und stimmen Sie zu, oder bitten Sie Ihre IT-Abteilung, Teams Photo zu genehmigen.',
  UnknownUser: 'Diesen Benutzer kenne ich nicht.',
  'UnknownUser.next':
    'Verwenden Sie einen der Benutzer auf der Seite des Emulators, oder tragen Sie ihn in dessen directory.json ein.',
  UndoNotFound: 'Ich kann diese Änderung nicht mehr finden, daher gibt es nichts rückgängig zu machen.',
  'UndoNotFound.next': 'Um ein älteres Foto zurückzuholen, senden Sie es mir erneut.',
  UndoSuperseded:
    'Das Foto wurde seitdem erneut geändert. Würde diese ältere Änderung rückgängig gemacht, ginge die neuere verloren.',
  'UndoSuperseded.next':
    'Machen Sie zuerst die neuere Änderung rückgängig, oder senden Sie mir das gewünschte Foto.',
  NoImageFound: 'In dieser Nachricht habe ich kein Bild gefunden.',
  'NoImageFound.next':
    'Fügen Sie ein Foto (JPEG, PNG, GIF, WebP oder HEIC) ein oder hängen Sie es an, und senden Sie es erneut.',
  FileNotAnImage: 'Die Datei {name} ist kein Foto.',
  'FileNotAnImage.next': 'Bitte senden Sie stattdessen ein Foto im Format JPEG, PNG, GIF, WebP oder HEIC.',
  AttachmentHostNotAllowed: 'Ich kann nur Bilder herunterladen, die in Teams gesendet wurden.',
  'AttachmentHostNotAllowed.next': 'Bitte fügen Sie das Foto in diesem Chat ein oder hängen Sie es an.',
  AttachmentDownloadFailed: 'Ich konnte dieses Bild nicht herunterladen.',
  'AttachmentDownloadFailed.next': 'Bitte senden Sie es erneut.',
  UnknownLocalUser: 'Sie sind nicht im lokalen Verzeichnis, daher kann ich Ihr Foto hier nicht ändern.',
  'UnknownLocalUser.next':
    'Bitten Sie die Person, die diesen Bot betreibt, Sie in das Verzeichnis aufzunehmen.',
  InputNotReadable: 'Die Eingabedatei konnte nicht gelesen werden.',
  'InputNotReadable.next': 'Prüfen Sie den Pfad und ob dieser Benutzer die Datei lesen darf.',
  OutputNotWritable: 'Die Ausgabedatei konnte nicht geschrieben werden.',
  'OutputNotWritable.next': 'Prüfen Sie, ob der Ordner existiert und dieser Benutzer dort schreiben darf.',
  PortInUse:
    'Dieser Port ist bereits belegt, vielleicht durch eine weitere Instanz des Bots oder des Emulators.',
  'PortInUse.next':
    'Beenden Sie dieses Programm, oder wählen Sie mit PORT, GRAPH_EMULATOR_PORT oder --port einen anderen Port.',
  BotUnreachable: 'Der Bot hat nicht geantwortet.',
  'BotUnreachable.next':
    'Starten Sie ihn mit npm start, oder geben Sie mit --bot seinen Nachrichtenendpunkt an.',
  PlaygroundUnreachable: 'Microsoft 365 Agents Playground hat nicht geantwortet.',
  'PlaygroundUnreachable.next':
    'Starten Sie es mit npm run dev, oder geben Sie mit --playground-url die Adresse an, die es ausgegeben hat.',
  DataDirNotWritable: 'Der Datenordner (DATA_DIR) kann nicht angelegt oder beschrieben werden.',
  'DataDirNotWritable.next': 'Setzen Sie DATA_DIR auf einen Ordner, in den dieser Benutzer schreiben darf.',
  ConfigInvalid: 'Die Konfiguration ist ungültig.',
  'ConfigInvalid.next':
    'Korrigieren Sie die genannten Variablen und starten Sie erneut (die README beschreibt jede).',

  'welcome.title': 'Hallo {name}! Ich bin Teams Photo.',
  'welcome.titleNoName': 'Hallo! Ich bin Teams Photo.',
  'welcome.body':
    'Senden Sie mir in diesem Chat ein Foto, und ich mache es zu Ihrem Profilbild in Microsoft 365: aufrecht, quadratisch und mit Ihnen in der Mitte.',
  'help.title': 'So verwenden Sie Teams Photo',
  'help.sendPhoto': 'Senden Sie in diesem Chat ein Foto, um es als Ihr Profilbild festzulegen.',
  'help.formats': 'Ich akzeptiere JPEG, PNG, GIF, WebP oder HEIC bis 25\u00a0MB.',
  'help.undo': 'Geben Sie „rückgängig“ ein, um Ihr vorheriges Foto wiederherzustellen.',
  'help.help': 'Geben Sie „Hilfe“ ein, um diese Hilfe erneut anzuzeigen.',
  'command.undo': 'rückgängig',
  'command.help': 'hilfe',
  'photo.updated.title': 'Ihr neues Profilbild ist festgelegt',
  'photo.updated.propagation':
    'Es kann eine Weile dauern – bis zu 72\u00a0Stunden –, bis es überall in Microsoft 365 angezeigt wird, und Teams zeigt das alte Foto möglicherweise noch etwas länger an.',
  'photo.updated.undo': 'Rückgängig',
  'photo.previewAlt': 'Vorschau Ihres Profilbilds',
  'photo.severalImages': 'Sie haben {count}\u00a0Bilder gesendet; ich habe das erste verwendet.',
  'undo.restored': 'Erledigt: Ihr vorheriges Foto ist wieder da.',
  'undo.removed': 'Sie hatten vorher kein Foto, daher habe ich das neue entfernt.',
  'undo.nothingToUndo': 'Es gibt noch nichts rückgängig zu machen.',
  'signin.title': 'Bei Teams Photo anmelden',
  'signin.text':
    'Bitte melden Sie sich einmal an, damit ich Ihr Foto ändern kann. Ich behalte das gesendete Foto und verwende es, sobald Sie angemeldet sind.',
  'signin.button': 'Anmelden',
  'signin.done': 'Danke, Sie sind angemeldet. Ich lege jetzt Ihr Foto fest.',
  'error.reference': 'Referenz: {id}',
  'error.generic': 'Bei mir ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',
  'local.unknownUser':
    'Tragen Sie sich in {file} ein (Ihre ID steht im Terminal des Bots, neben der Referenz unten) und senden Sie das Foto erneut: Die Datei wird bei jeder Änderung neu geladen, ein Neustart ist nicht nötig.',
  PhotoChangeInProgress: 'An diesem Foto wird gerade schon eine andere Änderung vorgenommen.',
  'PhotoChangeInProgress.next': 'Bitte versuchen Sie es in einer Minute erneut.',
  ImageProcessingFailed:
    'Für die Vorbereitung dieses Bildes wäre mehr Speicher nötig, als ich einem einzelnen Foto geben kann.',
  'ImageProcessingFailed.next':
    'Bitte senden Sie eine kleinere Kopie, zum Beispiel einen Screenshot davon oder einen JPEG-Export mit geringerer Auflösung.',
  UnsupportedChannel: 'Ich kann Fotos nur aus Nachrichten ändern, die in Microsoft Teams gesendet wurden.',
  'UnsupportedChannel.next': 'Bitte senden Sie mir das Foto in einem Teams-Chat.',
  UndoAlreadyUndone: 'Diese Änderung wurde bereits rückgängig gemacht.',
  'UndoAlreadyUndone.next':
    'Schreiben Sie „rückgängig“, um noch einen Schritt zurückzugehen, oder senden Sie mir das gewünschte Foto.',
  RedoAlreadyDone: 'Dieses Foto ist bereits wieder Ihr Profilbild.',
  'RedoAlreadyDone.next': 'Schreiben Sie „rückgängig“, wenn Sie es wieder rückgängig machen möchten.',
  'undo.supersededOn':
    'Sie haben am {date} ein neueres Foto festgelegt; diese ältere Änderung rückgängig zu machen, würde es verwerfen.',
  'undo.backToChange': 'Rückgängig gemacht: Das Foto, das Sie am {date} festgelegt haben, ist wieder da.',
  'undo.backToOriginal':
    'Rückgängig gemacht: Das Foto, das Sie vor Ihrer ersten Änderung hier hatten, ist wieder da.',
  'undo.backToNone':
    'Rückgängig gemacht: Sie haben jetzt kein Profilbild, wie vor Ihrer ersten Änderung hier.',
  'undo.nothingLeft':
    'Es gibt nichts mehr rückgängig zu machen. Senden Sie mir ein Foto, wann immer Sie ein neues möchten.',
  'redo.action': 'Dieses Foto wieder verwenden',
  'redo.title': 'Dieses Foto ist wieder Ihr Profilbild',
  'photo.before': 'Vorher',
  'photo.after': 'Nachher',
  'photo.noPhoto': 'Kein Foto',
  'photo.beforeAlt': 'Ihr Profilbild vor dieser Änderung',
  'app.name.short': 'Teams Photo',
  'app.name.full': 'Teams Photo: Ihr Microsoft 365-Profilbild, direkt aus Teams',
  'app.description.short': 'Senden Sie ein Foto im Chat, und es wird Ihr Profilbild.',
  'app.description.full':
    'Senden Sie Teams Photo in einem persönlichen Chat ein Bild, und es wird Ihr Microsoft 365-Profilbild: aufgerichtet, quadratisch um Sie zugeschnitten, ohne Metadaten und in der richtigen Größe für Microsoft 365. Jede Änderung lässt sich rückgängig machen: Geben Sie „rückgängig“ ein oder drücken Sie auf der Antwortkarte auf „Rückgängig“. Fotos im Format JPEG, PNG, GIF, WebP und HEIC werden angenommen.',
  'app.command.help.description': 'So verwenden Sie Teams Photo',
  'app.command.undo.description': 'Ihr vorheriges Profilbild wiederherstellen',
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
    'Members will see it in Teams and Outlook within a few hours; Teams can show the old photo for up to 3\u00a0days.',
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
};
