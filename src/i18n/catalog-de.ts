/**
 * German (`de`, also served to `de-AT`, `de-CH` and every other German variant).
 * Formal "Sie", as Microsoft 365's German business UI; Swiss readers accept "ß" in UI text.
 */
import type { Catalog } from './catalog-en.js';

/** German text for every key. */
export const de: Catalog = {
  ImageTooLarge: 'Diese Datei ist zu groß für ein Profilbild. Bitte senden Sie ein kleineres Bild.',
  UnsupportedImage:
    'Diese Datei kann ich nicht als Bild verwenden. Bitte senden Sie ein Foto im Format JPEG, PNG, GIF, WebP oder HEIC.',
  ImageDimensionsTooLarge:
    'Dieses Bild hat zu viele Pixel (höchstens 50 Megapixel und 20000 Pixel pro Seite).',
  ImageTooSmall:
    'Dieses Bild ist zu klein für ein Profilbild. Bitte senden Sie eines mit mindestens 96 Pixeln pro Seite.',
  CorruptImage:
    'Dieses Bild scheint beschädigt oder unvollständig zu sein, daher konnte ich es nicht lesen. Bitte versuchen Sie es mit einer anderen Kopie.',
  ImageProcessingTimeout:
    'Die Vorbereitung dieses Bildes hat zu lange gedauert. Bitte versuchen Sie es erneut oder senden Sie ein kleineres Bild.',
  ServerBusy: 'Ich bereite gerade andere Fotos vor. Bitte versuchen Sie es in einer Minute erneut.',
  InvalidCropBox: 'Der Zuschnitt muss ein Quadrat innerhalb des Bildes sein.',
  GraphUnauthorized:
    'Microsoft 365 hat meine Anmeldung für Sie nicht akzeptiert. Bitte melden Sie sich erneut an.',
  GraphForbidden: 'Sie sind nicht berechtigt, dieses Foto zu ändern.',
  GraphNotFound: 'Ich konnte diese Person, Gruppe oder diesen Kontakt in Ihrer Organisation nicht finden.',
  GraphPhotoTooLarge: 'Microsoft 365 hat das Foto als zu groß abgelehnt.',
  GraphThrottled:
    'Microsoft 365 bittet mich, weniger Anfragen zu senden. Bitte versuchen Sie es in einigen Minuten erneut.',
  GraphUnavailable: 'Microsoft 365 antwortet gerade nicht. Bitte versuchen Sie es in einigen Minuten erneut.',
  GraphMailboxUnsupported:
    'Dieses Konto hat kein Postfach in Exchange Online (oder es wird lokal gehostet), daher kann sein Foto hier nicht geändert werden.',
  GraphPolicyBlocked: 'Ein Administrator hat das Ändern von Profilbildern in Ihrer Organisation deaktiviert.',
  GraphBadRequest:
    'Microsoft 365 hat dieses Foto nicht akzeptiert. Bitte versuchen Sie es mit einem anderen Bild.',
  SignInRequired: 'Bitte melden Sie sich zuerst an, damit ich Ihr Foto ändern kann.',
  ConsentRequired:
    'Teams Photo benötigt Ihre Zustimmung (oder die eines Administrators), bevor es Fotos ändern kann.',
  UnknownUser: 'Diesen Benutzer kenne ich nicht.',
  UndoNotFound: 'Ich kann diese Änderung nicht mehr finden, daher gibt es nichts rückgängig zu machen.',
  UndoSuperseded:
    'Das Foto wurde seitdem erneut geändert. Würde diese ältere Änderung rückgängig gemacht, ginge die neuere verloren.',
  NoImageFound:
    'In dieser Nachricht habe ich kein Bild gefunden. Senden Sie ein Foto (JPEG, PNG, GIF, WebP oder HEIC) oder hängen Sie es als Datei an.',
  AttachmentHostNotAllowed: 'Ich kann nur Bilder herunterladen, die in Teams gesendet wurden.',
  AttachmentDownloadFailed: 'Ich konnte dieses Bild nicht herunterladen. Bitte senden Sie es erneut.',
  UnknownLocalUser: 'Sie sind nicht im lokalen Verzeichnis, daher kann ich Ihr Foto hier nicht ändern.',
  InputNotReadable: 'Die Eingabedatei konnte nicht gelesen werden.',
  OutputNotWritable: 'Die Ausgabedatei konnte nicht geschrieben werden.',
  PortInUse: 'Dieser Port ist bereits belegt; wählen Sie mit --port oder GRAPH_EMULATOR_PORT einen anderen.',
  BotUnreachable:
    'Der Bot hat nicht geantwortet. Starten Sie ihn mit npm start, oder geben Sie mit --bot seinen Nachrichtenendpunkt an.',

  'welcome.title': 'Hallo {name}! Ich bin Teams Photo.',
  'welcome.titleNoName': 'Hallo! Ich bin Teams Photo.',
  'welcome.body':
    'Senden Sie mir in diesem Chat ein Foto, und ich mache es zu Ihrem Profilbild in Microsoft 365: aufrecht, quadratisch und mit Ihnen in der Mitte.',
  'help.title': 'So verwenden Sie Teams Photo',
  'help.sendPhoto': 'Senden Sie in diesem Chat ein Foto, um es als Ihr Profilbild festzulegen.',
  'help.formats': 'Ich akzeptiere JPEG, PNG, GIF, WebP oder HEIC bis 25 MB.',
  'help.undo': 'Geben Sie „rückgängig“ ein, um Ihr vorheriges Foto wiederherzustellen.',
  'help.help': 'Geben Sie „Hilfe“ ein, um diese Hilfe erneut anzuzeigen.',
  'command.undo': 'rückgängig',
  'command.help': 'hilfe',
  'photo.updated.title': 'Ihr neues Profilbild ist festgelegt',
  'photo.updated.propagation':
    'Es kann eine Weile dauern – bis zu 72 Stunden –, bis es überall in Microsoft 365 angezeigt wird, und Teams zeigt das alte Foto möglicherweise noch etwas länger an.',
  'photo.updated.undo': 'Rückgängig',
  'photo.previewAlt': 'Vorschau Ihres Profilbilds',
  'photo.severalImages': 'Sie haben {count} Bilder gesendet; ich habe das erste verwendet.',
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
    'Ich kann Sie ({id}) nicht im lokalen Verzeichnis finden, daher kann ich Ihr Foto hier nicht ändern. Tragen Sie sich in {file} ein.',
};
