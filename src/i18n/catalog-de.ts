/**
 * German (`de`, also served to `de-AT`, `de-CH` and every other German variant).
 * Formal "Sie", as Microsoft 365's German business UI; Swiss readers accept "ß" in UI text.
 */
import type { Catalog } from './catalog-en.js';
import { qualityTexts } from './sections/quality.js';
import { policyTexts } from './sections/policy.js';
import { approvalTexts } from './sections/approval.js';
import { privacyTexts } from './sections/privacy.js';

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
  'GraphMailboxUnsupported.next':
    'Bitte wenden Sie sich an Ihre IT-Abteilung, damit es für Sie geändert wird.',
  GraphPolicyBlocked: 'Ihre Organisation erlaubt nicht, das eigene Profilbild zu ändern.',
  'GraphPolicyBlocked.next': 'Bitte wenden Sie sich an Ihre IT-Abteilung, damit es für Sie geändert wird.',
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
  EmulatorUnreachable: 'Der lokale Graph-Emulator läuft nicht.',
  'EmulatorUnreachable.next':
    'Starten Sie ihn mit profile-photo emulator oder npm start, oder setzen Sie GRAPH_EMULATOR_PORT auf seinen Port.',
  PlaygroundUnreachable: 'Microsoft 365 Agents Playground hat nicht geantwortet.',
  'PlaygroundUnreachable.next':
    'Starten Sie es mit npm run dev, oder geben Sie mit --playground-url die Adresse an, die es ausgegeben hat.',
  DataDirNotWritable: 'Der Datenordner (DATA_DIR) kann nicht angelegt oder beschrieben werden.',
  'DataDirNotWritable.next': 'Setzen Sie DATA_DIR auf einen Ordner, in den dieser Benutzer schreiben darf.',
  ConfigInvalid: 'Die Konfiguration ist ungültig.',
  'ConfigInvalid.next':
    'Korrigieren Sie die genannten Variablen und starten Sie erneut (die README beschreibt jede).',
  InvalidRequest: 'Diese Anfrage konnte ich nicht verstehen.',
  'InvalidRequest.next': 'Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
  NotAdmin: 'Nur Admins von Teams Photo dürfen Fotos anderer Personen festlegen, und Sie sind keiner.',
  'NotAdmin.next':
    'Wenden Sie sich an Ihre IT, wenn das Foto einer Kollegin oder eines Kollegen geändert werden soll; für Ihr eigenes senden Sie mir einfach ein Bild.',
  TenantNotAllowed: 'Diese App führt keine Admin-Aktionen für Ihre Organisation aus.',
  'TenantNotAllowed.next':
    'Bitten Sie die Betreiber von Teams Photo, Ihren Mandanten hinzuzufügen, oder nutzen Sie die von Ihrer Organisation installierte Kopie.',
  AppIdentityMissing:
    'Für die App ist keine eigene Identität eingerichtet, daher kann sie keine Fotos anderer Personen ändern.',
  'AppIdentityMissing.next':
    'Bitten Sie die Person, die Teams Photo bereitgestellt hat, die App-Anmeldedaten (GRAPH_APP_CREDENTIAL) mit User.ReadWrite.All einzurichten.',
  PersonNotFound:
    'Im Verzeichnis habe ich niemanden mit diesem Namen, dieser E-Mail-Adresse oder diesem Benutzerprinzipalnamen gefunden.',
  'PersonNotFound.next':
    'Prüfen Sie die Schreibweise: Benutzerprinzipalname, E-Mail-Adresse oder Objekt-ID funktionieren.',
  ZipTooLarge: 'Diese ZIP-Datei ist größer als für einen Import erlaubt.',
  'ZipTooLarge.next':
    'Teilen Sie die Fotos auf mehrere kleinere ZIP-Dateien auf und senden Sie sie nacheinander.',
  ZipTooManyEntries: 'Diese ZIP-Datei enthält mehr Dateien, als ein Import haben darf.',
  'ZipTooManyEntries.next': 'Teilen Sie die Fotos auf mehrere ZIP-Dateien mit jeweils weniger Dateien auf.',
  ZipTooMuchData:
    'Diese ZIP-Datei entpackt sich zu mehr Daten, als ein Import fassen darf, oder ist so gebaut, dass sie weit größer wird, als sie ist (eine ZIP-Bombe).',
  'ZipTooMuchData.next':
    'Senden Sie eine ZIP-Datei nur mit den Fotos selbst oder teilen Sie sie in kleinere auf.',
  ZipUnreadable: 'Diese ZIP-Datei konnte ich nicht lesen: Sie ist beschädigt oder keine ZIP-Datei.',
  'ZipUnreadable.next':
    'Erstellen Sie die ZIP-Datei neu (etwa mit „Komprimieren“ Ihres Systems) und senden Sie sie noch einmal.',
  NothingToImport: 'In diesem Import gibt es keine Fotos, die ich verwenden kann.',
  'NothingToImport.next':
    'Benennen Sie jedes Foto nach Benutzerprinzipalname, E-Mail-Adresse, E-Mail-Alias oder Personalnummer der Person, oder legen Sie eine mapping.csv mit den Spalten file und user bei.',
  JobNotFound: 'Diesen Massenauftrag habe ich nicht gefunden.',
  'JobNotFound.next':
    'Verwenden Sie die Schaltflächen auf der Karte eines Auftrags, den Sie selbst gestartet haben; in der Befehlszeile listet profile-photo jobs alle Aufträge auf.',
  JobNotStartable:
    'Dieser Massenauftrag wurde schon gestartet oder abgebrochen und kann nicht erneut starten.',
  'JobNotStartable.next':
    'Sehen Sie sich seine Fortschrittskarte an oder senden Sie die ZIP-Datei erneut für einen neuen Auftrag.',
  JobInProgress: 'Dieser Massenauftrag läuft noch.',
  'JobInProgress.next': 'Warten Sie, bis er fertig ist, und versuchen Sie es dann erneut.',
  AdminChoiceExpired: 'Diese Auswahl ist nicht mehr offen.',
  'AdminChoiceExpired.next': 'Senden Sie admin, um eine neue Admin-Karte zu öffnen.',
  ReportLinkExpired: 'Dieser Berichtslink ist abgelaufen oder gehört nicht Ihnen.',
  'ReportLinkExpired.next':
    'Klicken Sie auf der Karte des Auftrags auf „Bericht herunterladen“, um einen neuen Link zu erhalten.',

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
  GroupNotFound: 'Keine der Gruppen, deren Besitzer Sie sind, heißt „{name}“.',
  'GroupNotFound.next':
    'Prüfen Sie den Namen oder die E-Mail-Adresse der Gruppe und versuchen Sie es erneut.',
  NotGroupOwner: 'Sie sind kein Besitzer von {name}, daher können Sie das Foto nicht ändern.',
  'NotGroupOwner.next':
    'Wenden Sie sich an einen der Besitzer, oder bitten Sie Ihre IT-Abteilung, Sie zum Besitzer zu machen.',
  ContactNotFound: 'Keiner Ihrer Outlook-Kontakte heißt „{name}“.',
  'ContactNotFound.next':
    'Prüfen Sie den Namen oder die E-Mail-Adresse des Kontakts in Outlook und versuchen Sie es erneut.',
  NoPhotoToRemove: 'Es gibt kein Foto zum Entfernen, daher wurde nichts geändert.',
  'NoPhotoToRemove.next': 'Senden Sie mir ein Foto, wann immer Sie eines festlegen möchten.',
  NoRecentImage: 'Ich habe von Ihnen in den letzten Minuten kein Bild erhalten, das ich verwenden könnte.',
  'NoRecentImage.next':
    'Senden Sie das Bild erneut, mit „Gruppe“ und dem Namen der Gruppe in derselben Nachricht.',
  ChoiceExpired: 'Diese Auswahl ist abgelaufen: Das Foto wartet nicht mehr.',
  'ChoiceExpired.next': 'Bitte senden Sie das Bild erneut.',
  // Group and contact photos in chat (issue 15).
  'undo.other.restored': 'Rückgängig gemacht: Das Foto von vor dieser Änderung ist wieder da.',
  'undo.other.removed': 'Rückgängig gemacht: Es gibt jetzt kein Foto, wie vor dieser Änderung.',
  'command.team': 'team',
  'command.removeGroupPhoto': 'gruppenfoto entfernen',
  'group.youOwn': 'Gruppen, deren Besitzer Sie sind: {names}.',
  'group.ownNone':
    'Sie sind Besitzer keiner Microsoft 365-Gruppe, daher gibt es kein Gruppenfoto, das Sie ändern können. Wenden Sie sich an einen Besitzer der Gruppe oder an Ihre IT-Abteilung.',
  'group.whichOne':
    'Welche Gruppe? Senden Sie das Bild mit „Gruppe“ und dem Namen der Gruppe, zum Beispiel „Gruppe Marketing“.',
  'group.teamOnlyInChannel':
    'Nennen Sie den Namen der Gruppe nach „Gruppe“ (zum Beispiel „Gruppe Marketing“): Nur im Kanal eines Teams steht „Gruppe“ allein für dieses Team.',
  'contact.whichOne':
    'Welcher Kontakt? Senden Sie das Bild mit „Kontakt“ und einem Namen, zum Beispiel „Kontakt Ravi Kumar“.',
  'contact.some': 'Einige Ihrer Kontakte: {names}.',
  'contact.none': 'Sie haben noch keine Outlook-Kontakte.',
  'target.updated.group': 'Das Foto von {name} ist festgelegt',
  'target.updated.contact': 'Das Foto Ihres Kontakts {name} ist festgelegt',
  'target.updated.propagation':
    'Es kann bis zu 72\u00a0Stunden dauern, bis es überall in Microsoft 365 erscheint, und Teams zeigt das alte Foto möglicherweise noch bis zu 3\u00a0Tage lang an.',
  'target.previewAlt': 'Vorschau des Fotos von {name}',
  'target.beforeAlt': 'Das Foto von {name} vor dieser Änderung',
  'pick.group.title': 'Welche Gruppe meinten Sie?',
  'pick.group.text':
    'Mehrere Gruppen, deren Besitzer Sie sind, passen zu „{name}“. Wählen Sie eine aus, um ihr Foto festzulegen:',
  'pick.contact.title': 'Welchen Kontakt meinten Sie?',
  'pick.contact.text':
    'Mehrere Ihrer Kontakte passen zu „{name}“. Wählen Sie einen aus, um sein Foto festzulegen:',
  'pick.cancel': 'Abbrechen',
  'pick.cancelled': 'Abgebrochen: Es wurde nichts geändert.',
  'pick.inFolder': '{name} (im Ordner {folder})',
  'remove.confirm.own': 'Ihr Profilbild entfernen?',
  'remove.confirm.group': 'Das Foto von {name} entfernen?',
  'remove.confirm.text': 'Ich bewahre vorher eine Kopie auf, damit Sie das rückgängig machen können.',
  'remove.confirm.button': 'Entfernen',
  'remove.done.own': 'Ihr Profilbild ist entfernt',
  'remove.done.group': 'Das Foto von {name} ist entfernt',
  'remove.whichOne':
    'Geben Sie „mein Foto entfernen“ ein, oder „Gruppenfoto entfernen“ und den Namen der Gruppe.',
  'channel.imageNeedsCommand':
    'In einem Team oder Gruppenchat ändere ich nur das Foto einer Gruppe: Erwähnen Sie mich mit „Gruppe“ (dieses Team) oder „Gruppe <Name>“. Um Ihr eigenes Foto zu ändern, senden Sie es mir in unserem persönlichen Chat.',
  'help.group':
    'Senden Sie ein Foto mit „Gruppe“ und dem Namen einer Gruppe, um das Foto einer Gruppe festzulegen, deren Besitzer Sie sind; im Kanal eines Teams erwähnen Sie mich mit „Gruppe“, um das Foto dieses Teams festzulegen.',
  'help.contact':
    'Senden Sie ein Foto mit „Kontakt“ und einem Namen, um das Foto eines Ihrer Outlook-Kontakte festzulegen.',
  'help.remove':
    'Geben Sie „mein Foto entfernen“ ein (oder „Gruppenfoto entfernen“ und einen Namen), um ein Foto zu entfernen; Sie können das rückgängig machen.',
  // The messaging extension (issue 15).
  'extension.dialog.title': 'Als Gruppenfoto festlegen',
  'extension.dialog.text': 'Wählen Sie die Gruppe, deren Foto dieses Bild werden soll.',
  'extension.dialog.group': 'Gruppe',
  'extension.dialog.groupPick': 'Gruppe wählen',
  'extension.dialog.groupSearch': 'Gruppennamen eingeben',
  'extension.dialog.groupRequired': 'Wählen Sie eine der Gruppen, deren Besitzer Sie sind.',
  'extension.dialog.set': 'Foto festlegen',
  'extension.dialog.previewAlt': 'Vorschau des neuen Gruppenfotos',
  'extension.noImage':
    'In dieser Nachricht habe ich kein Bild gefunden. Verwenden Sie „Als Gruppenfoto festlegen“ bei einer Nachricht mit einem Bild oder einer Bilddatei.',
  'extension.imageNotReadable':
    'Ich konnte das Bild in dieser Nachricht nicht öffnen: Vielleicht wurde es entfernt, oder Sie haben keinen Zugriff darauf.',
  'extension.done': 'Das Foto von {name} ist festgelegt.',
  'extension.group.photoAlt': 'Das Foto von {name}',
  'extension.group.change': 'Foto ändern',
  'extension.group.current': 'Aktuelles Foto',
  'extension.group.recent': 'Ihr zuletzt gesendetes Bild',
  'extension.group.set': 'Als Foto festlegen',
  'extension.group.sendFirst':
    'Um es zu ändern, senden Sie mir das Bild in unserem Chat mit „gruppe {name}“, oder verwenden Sie „Als Gruppenfoto festlegen“ bei einer Nachricht mit dem Bild.',
  'extension.signIn.text':
    'Bitte melden Sie sich einmal an, damit ich die Gruppen sehen kann, deren Besitzer Sie sind, und ihre Fotos ändern kann.',
  // The app package's group, contact and messaging-extension strings (issue 15).
  'command.group': 'gruppe',
  'command.contact': 'kontakt',
  'command.remove': 'mein foto entfernen',
  'app.command.group.description':
    'Senden Sie ein Bild mit „Gruppe“ und einem Namen, um das Foto einer Gruppe festzulegen',
  'app.command.contact.description':
    'Senden Sie ein Bild mit „Kontakt“ und einem Namen, um das Foto eines Kontakts festzulegen',
  'app.command.remove.description': 'Ihr Foto oder das einer Gruppe entfernen: „mein Foto entfernen“',
  'app.extension.setGroupPhoto.title': 'Als Gruppenfoto festlegen',
  'app.extension.setGroupPhoto.description':
    'Ein Bild aus dieser Nachricht als Foto einer Gruppe festlegen, deren Besitzer Sie sind',
  'app.extension.groups.title': 'Gruppen',
  'app.extension.groups.description': 'Eine Gruppe suchen, deren Besitzer Sie sind, und ihr Foto ändern',
  'app.extension.groups.parameter.title': 'Gruppenname',
  'app.extension.groups.parameter.description':
    'Der Name oder die E-Mail-Adresse einer Gruppe, deren Besitzer Sie sind',
  // Added once the rest of issue 15 was translated.
  'help.openPage': 'Fotoseite öffnen',
  'target.updated.contactNote':
    'Es erscheint in Ihren Outlook-Kontakten und überall, wo Teams und Outlook diesen Kontakt zeigen; nur Sie sehen es.',
  // The Teams page (issue 16).
  'tab.name': 'Foto',
  'tab.heading': 'Profilfoto',
  'tab.intro':
    'Wählen Sie, wessen Foto Sie ändern möchten, und ein Bild, verschieben und zoomen Sie das Quadrat und legen Sie es dann fest.',
  'tab.target.label': 'Wessen Foto',
  'tab.target.me': 'Mein Foto',
  'tab.target.meNamed': 'Mein Foto ({name})',
  'tab.target.groups': 'Gruppen, deren Besitzer Sie sind',
  'tab.target.contacts': 'Ihre Kontakte',
  'tab.current.label': 'Das aktuelle Foto',
  'tab.current.none': 'Noch kein Foto',
  'tab.file.choose': 'Bild auswählen',
  'tab.file.drop': 'oder hier ablegen',
  'tab.file.formats': 'JPEG, PNG, GIF, WebP oder HEIC, bis 25\u00a0MB.',
  'tab.crop.label': 'Der verwendete Ausschnitt',
  'tab.crop.help':
    'Ziehen Sie, um das Quadrat zu verschieben; zoomen Sie mit zwei Fingern, dem Mausrad oder den Schaltflächen.',
  'tab.crop.box': 'Das Quadrat im Bild (x, y, Breite, Höhe, in Pixeln):',
  'tab.zoomIn': 'Vergrößern',
  'tab.zoomOut': 'Verkleinern',
  'tab.result.label': 'So wird es aussehen',
  'tab.set': 'Foto festlegen',
  'tab.undo': 'Rückgängig',
  'tab.status.signingIn': 'Sie werden angemeldet…',
  'tab.status.chooseFile': 'Wählen Sie ein Bild aus, oder legen Sie eines im Feld oben ab.',
  'tab.status.reading': 'Das Bild wird gelesen…',
  'tab.status.adjust': 'Verschieben und zoomen Sie das Quadrat, und wählen Sie dann „Foto festlegen“.',
  'tab.status.cannotDraw':
    'Dieser Browser kann dieses Bild nicht anzeigen (zum Beispiel ein HEIC-Foto), daher wird sein automatisches Quadrat als Zahlen angegeben. Sie können es trotzdem festlegen.',
  'tab.status.setting': 'Das Foto wird festgelegt…',
  'tab.status.undoing': 'Die Änderung wird rückgängig gemacht…',
  'tab.status.openInTeams':
    'Öffnen Sie diese Seite über die Registerkarte „Foto“ von Teams Photo in Microsoft Teams.',
  'tab.status.signInFailed':
    'Teams konnte Sie nicht bei Teams Photo anmelden. Bitte schließen Sie die Registerkarte und öffnen Sie sie erneut.',
  'tab.status.offline':
    'Der Server hat nicht geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  // Admins (issue 17): die Admin-Karte, `setzen <Person>` mit einem Bild, Massenimporte aus einer ZIP-Datei.
  'command.admin': 'admin',
  'command.set': 'setzen',
  'app.command.admin.description':
    'Admins: Fotos anderer Personen festlegen, einzeln oder aus einer ZIP-Datei',
  'admin.card.title': 'Fotos anderer Personen festlegen',
  'admin.card.intro':
    'Als Admin können Sie das Profilfoto jeder Person festlegen. Ich tue das mit der eigenen Identität der App und trage jede Änderung ins Überwachungsprotokoll ein.',
  'admin.card.pickLabel': 'Wessen Foto',
  'admin.card.pickPlaceholder': 'Namen oder E-Mail eingeben',
  'admin.card.pickError': 'Wählen Sie zuerst eine Person aus.',
  'admin.card.sendNow': 'Foto jetzt senden',
  'admin.card.setHint':
    'Oder senden Sie ein Bild mit „{word}“ und dem Benutzerprinzipalnamen oder der E-Mail der Person, zum Beispiel „{word} {example}“.',
  'admin.card.zipHint':
    'Für viele Personen auf einmal senden Sie eine ZIP-Datei mit Fotos, jedes benannt nach Benutzerprinzipalname, E-Mail, E-Mail-Alias oder Personalnummer der Person (oder mit einer mapping.csv aus Datei und Benutzer). Ich antworte mit einem Plan, den Sie prüfen, bevor sich etwas ändert.',
  'admin.waiting.title': 'Senden Sie jetzt das Foto für {name}',
  'admin.waiting.text':
    'Das nächste Bild, das Sie innerhalb von {time} in diesem Chat senden, wird das Profilfoto dieser Person.',
  'admin.updated.title': 'Das Foto von {name} ist festgelegt',
  'admin.updated.note':
    'Mit der eigenen Identität der App festgelegt und im Überwachungsprotokoll eingetragen. Es kann bis zu 72\u00a0Stunden dauern, bis es überall erscheint.',
  'admin.plan.title': 'Importplan für {file}',
  'admin.plan.matched': 'Fotos, die zu einer Person passen',
  'admin.plan.unmatched': 'Dateien, die zu niemandem passen',
  'admin.plan.ambiguous':
    'Dateien, die zu mehreren Personen passen oder zu einer Person, zu der auch eine andere Datei passt',
  'admin.plan.unreadable':
    'Dateien, die ich nicht verwenden kann (kein Bild, unlesbar, unsicherer Name oder verschachtelte ZIP-Datei)',
  'admin.plan.more': 'und {count}\u00a0weitere',
  'admin.plan.text':
    'Noch hat sich nichts geändert. Starten legt die passenden Fotos fest (jedes alte Foto wird vorher gesichert); dieser Plan wartet {time}.',
  'admin.plan.start': 'Starten',
  'admin.plan.cancel': 'Abbrechen',
  'admin.plan.cancelled': 'Der Import von {file} ist abgebrochen. Es wurde nichts geändert.',
  'admin.plan.started': 'Der Import von {file} hat begonnen. Sein Fortschritt steht in der Karte unten.',
  'admin.progress.title': 'Fotos aus {file} werden importiert',
  'admin.progress.undoTitle': 'Die vom Import von {file} geänderten Fotos werden zurückgesetzt',
  'admin.progress.done': 'Erledigt',
  'admin.progress.failed': 'Fehlgeschlagen',
  'admin.progress.left': 'Verbleibende Zeit',
  'admin.progress.waiting': 'Wartet, bis es an der Reihe ist…',
  'admin.progress.count': '{done} von {total}',
  'admin.report.title': 'Der Import von {file} ist abgeschlossen',
  'admin.report.set': 'Festgelegte Fotos',
  'admin.report.skipped': 'Übersprungene Dateien',
  'admin.report.cancelledTitle': 'Der Import von {file} wurde abgebrochen',
  'admin.report.undoneTitle': 'Der Import von {file} ist rückgängig gemacht',
  'admin.report.undone': 'Zurückgesetzte oder entfernte Fotos',
  'admin.report.download': 'Bericht herunterladen',
  'admin.report.open': 'Bericht öffnen',
  'admin.personalOnly':
    'Admin-Aufgaben erledige ich nur in Ihrem persönlichen Chat mit mir, damit niemand sonst die betroffenen Personen und Fotos sieht. Öffnen Sie einen Chat mit Teams Photo und senden Sie dort admin.',
  'admin.report.linkNote':
    'Der Link zum Bericht ist für Sie erstellt und funktioniert {time} lang: Leiten Sie ihn nicht weiter (er nennt alle Personen des Imports).',
  'admin.report.undo': 'Diesen Import rückgängig machen',
  'admin.undo.started':
    'Die Fotos des Imports von {file} werden zurückgesetzt. Der Fortschritt steht in der Karte unten.',
  ...qualityTexts.de,
  ...policyTexts.de,
  ...approvalTexts.de,
  ...privacyTexts.de,
};
