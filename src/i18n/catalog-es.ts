/**
 * Spanish (`es`, also served to `es-MX`, `es-419` and every other Spanish variant).
 * Informal "tú", as Microsoft's Spanish style guide recommends; wording understood on both sides of the Atlantic.
 */
import type { Catalog } from './catalog-en.js';

/** Spanish text for every key. */
export const es: Catalog = {
  ImageTooLarge: 'Ese archivo es demasiado grande para una foto de perfil. Envía una imagen más pequeña.',
  UnsupportedImage: 'No puedo usar ese archivo como imagen. Envía una foto JPEG, PNG, GIF, WebP o HEIC.',
  ImageDimensionsTooLarge:
    'Esa imagen tiene demasiados píxeles (el límite es de 50 megapíxeles y 20000 píxeles por lado).',
  ImageTooSmall:
    'Esa imagen es demasiado pequeña para una foto de perfil. Envía una de al menos 96 píxeles por lado.',
  CorruptImage: 'Esa imagen parece dañada o incompleta y no he podido leerla. Prueba con otra copia.',
  ImageProcessingTimeout:
    'Preparar esa imagen ha tardado demasiado. Vuelve a intentarlo o envía una imagen más pequeña.',
  ServerBusy: 'Ahora mismo estoy preparando otras fotos. Vuelve a intentarlo dentro de un minuto.',
  InvalidCropBox: 'El recorte debe ser un cuadrado que quede dentro de la imagen.',
  GraphUnauthorized:
    'Microsoft 365 no ha aceptado mi inicio de sesión en tu nombre. Vuelve a iniciar sesión.',
  GraphForbidden: 'No tienes permiso para cambiar esa foto.',
  GraphNotFound: 'No he encontrado a esa persona, grupo o contacto en tu organización.',
  GraphPhotoTooLarge: 'Microsoft 365 ha rechazado la foto por ser demasiado grande.',
  GraphThrottled: 'Microsoft 365 me pide que vaya más despacio. Vuelve a intentarlo dentro de unos minutos.',
  GraphUnavailable: 'Microsoft 365 no responde en este momento. Vuelve a intentarlo dentro de unos minutos.',
  GraphMailboxUnsupported:
    'Esta cuenta no tiene buzón de Exchange Online (o está alojado en un servidor local), así que aquí no se puede cambiar su foto.',
  GraphPolicyBlocked: 'Un administrador ha desactivado el cambio de fotos de perfil en tu organización.',
  GraphBadRequest: 'Microsoft 365 no ha aceptado esa foto. Prueba con otra imagen.',
  SignInRequired: 'Primero inicia sesión para que pueda cambiar tu foto.',
  ConsentRequired:
    'Teams Photo necesita tu consentimiento (o el de un administrador) antes de poder cambiar fotos.',
  UnknownUser: 'No conozco a ese usuario.',
  UndoNotFound: 'Ya no encuentro ese cambio, así que no hay nada que deshacer.',
  UndoSuperseded:
    'Esa foto se ha vuelto a cambiar desde entonces; deshacer este cambio anterior haría perder el más reciente.',
  NoImageFound:
    'No he encontrado ninguna imagen en ese mensaje. Envía una foto (JPEG, PNG, GIF, WebP o HEIC) o adjúntala como archivo.',
  AttachmentHostNotAllowed: 'Solo puedo descargar imágenes enviadas en Teams.',
  AttachmentDownloadFailed: 'No he podido descargar esa imagen. Vuelve a enviarla.',
  UnknownLocalUser: 'No estás en el directorio local, así que aquí no puedo cambiar tu foto.',
  InputNotReadable: 'No se ha podido leer el archivo de entrada.',
  OutputNotWritable: 'No se ha podido escribir el archivo de salida.',
  PortInUse: 'Ese puerto ya está en uso; elige otro con --port o GRAPH_EMULATOR_PORT.',
  BotUnreachable:
    'El bot no ha respondido. Inícialo con npm start o indica su punto de conexión de mensajes con --bot.',

  'welcome.title': '¡Hola, {name}! Soy Teams Photo.',
  'welcome.titleNoName': '¡Hola! Soy Teams Photo.',
  'welcome.body':
    'Envíame una foto en este chat y la convertiré en tu foto de perfil de Microsoft 365: bien orientada, cuadrada y centrada en ti.',
  'help.title': 'Cómo usar Teams Photo',
  'help.sendPhoto': 'Envía una foto en este chat para convertirla en tu foto de perfil.',
  'help.formats': 'Acepto JPEG, PNG, GIF, WebP o HEIC de hasta 25 MB.',
  'help.undo': 'Escribe "deshacer" para recuperar tu foto anterior.',
  'help.help': 'Escribe "ayuda" para volver a ver esto.',
  'command.undo': 'deshacer',
  'command.help': 'ayuda',
  'photo.updated.title': 'Ya tienes tu nueva foto de perfil',
  'photo.updated.propagation':
    'Puede tardar un tiempo (hasta 72 horas) en verse en todo Microsoft 365, y Teams puede seguir mostrando la foto anterior algo más.',
  'photo.updated.undo': 'Deshacer',
  'photo.previewAlt': 'Vista previa de tu foto de perfil',
  'photo.severalImages': 'Has enviado {count} imágenes; he usado la primera.',
  'undo.restored': 'Listo: has recuperado tu foto anterior.',
  'undo.removed': 'Antes no tenías foto, así que he quitado la nueva.',
  'undo.nothingToUndo': 'Todavía no hay nada que deshacer.',
  'signin.title': 'Inicia sesión en Teams Photo',
  'signin.text':
    'Inicia sesión una vez para que pueda cambiar tu foto. Guardaré la foto que has enviado y la usaré en cuanto inicies sesión.',
  'signin.button': 'Iniciar sesión',
  'signin.done': 'Gracias, ya has iniciado sesión. Estoy poniendo tu foto ahora.',
  'error.reference': 'Referencia: {id}',
  'error.generic': 'Algo ha fallado por mi parte. Vuelve a intentarlo.',
  'local.unknownUser':
    'No te encuentro ({id}) en el directorio local, así que aquí no puedo cambiar tu foto. Añádete a {file}.',
};
