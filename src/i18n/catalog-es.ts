/**
 * Spanish (`es`, also served to `es-MX`, `es-419` and every other Spanish variant).
 * Informal "tú", as Microsoft's Spanish style guide recommends; wording understood on both sides of the Atlantic.
 */
import type { Catalog } from './catalog-en.js';
import { qualityTexts } from './sections/quality.js';
import { policyTexts } from './sections/policy.js';
import { approvalTexts } from './sections/approval.js';
import { privacyTexts } from './sections/privacy.js';

/** Spanish text for every key. */
export const es: Catalog = {
  // Error codes (src/errors.ts): what happened, then `<code>.next`, what the person can do about it.
  ImageTooLarge: 'Ese archivo es demasiado grande para una foto de perfil.',
  'ImageTooLarge.next': 'Envía una copia más pequeña, de 25\u00a0MB como máximo.',
  UnsupportedImage: 'No puedo usar ese archivo como imagen.',
  'UnsupportedImage.next': 'Envía una foto JPEG, PNG, GIF, WebP o HEIC.',
  ImageDimensionsTooLarge:
    'Esa imagen tiene demasiados píxeles (el límite es de 50\u00a0megapíxeles y 20000\u00a0píxeles por lado).',
  'ImageDimensionsTooLarge.next':
    'Envía una copia más pequeña, por ejemplo una captura de pantalla o una exportación a menor resolución.',
  ImageTooSmall: 'Esa imagen es demasiado pequeña para una foto de perfil.',
  'ImageTooSmall.next': 'Envía una de al menos 96\u00a0píxeles por lado.',
  CorruptImage: 'Esa imagen parece dañada o incompleta y no he podido leerla.',
  'CorruptImage.next': 'Prueba con otra copia.',
  ImageProcessingTimeout: 'Preparar esa imagen ha tardado demasiado.',
  'ImageProcessingTimeout.next': 'Vuelve a intentarlo o envía una imagen más pequeña.',
  ServerBusy: 'Ahora mismo estoy preparando otras fotos.',
  'ServerBusy.next': 'Vuelve a intentarlo dentro de un minuto.',
  InvalidCropBox: 'El recorte debe ser un cuadrado que quede dentro de la imagen.',
  'InvalidCropBox.next': 'Indícalo como x,y,w,h con w igual a h, u omite --crop para que lo elija yo.',
  GraphUnauthorized: 'Microsoft 365 no ha aceptado mi inicio de sesión en tu nombre.',
  'GraphUnauthorized.next': 'Vuelve a iniciar sesión y envía la foto otra vez.',
  GraphForbidden: 'No tienes permiso para cambiar esa foto.',
  'GraphForbidden.next': 'Pide a su propietario o a tu departamento de TI que la cambie.',
  GraphNotFound: 'No he encontrado a esa persona, grupo o contacto en tu organización.',
  'GraphNotFound.next': 'Comprueba el nombre y vuelve a intentarlo.',
  GraphPhotoTooLarge: 'Microsoft 365 ha rechazado la foto por ser demasiado grande.',
  'GraphPhotoTooLarge.next':
    'Envía una imagen más pequeña; si vuelve a ocurrir, avisa a tu departamento de TI.',
  GraphThrottled: 'Microsoft 365 me pide que vaya más despacio.',
  'GraphThrottled.next': 'Vuelve a intentarlo dentro de unos minutos.',
  GraphUnavailable: 'Microsoft 365 no responde en este momento.',
  'GraphUnavailable.next': 'Vuelve a intentarlo dentro de unos minutos.',
  GraphMailboxUnsupported:
    'Tu cuenta no tiene buzón de Exchange Online, así que Microsoft 365 no me deja cambiar tu foto.',
  'GraphMailboxUnsupported.next': 'Pide a tu departamento de TI que la cambie por ti.',
  GraphPolicyBlocked: 'Tu organización no permite que cada persona cambie su propia foto de perfil.',
  'GraphPolicyBlocked.next': 'Pide a tu departamento de TI que la cambie por ti.',
  GraphBadRequest: 'Microsoft 365 no ha aceptado esa foto.',
  'GraphBadRequest.next': 'Prueba con otra imagen.',
  SignInRequired: 'Tienes que iniciar sesión antes de que pueda cambiar tu foto.',
  'SignInRequired.next': 'Vuelve a enviar la foto y elige «Iniciar sesión» cuando te lo pida.',
  ConsentRequired:
    'Teams Photo necesita tu consentimiento (o el de un administrador) antes de poder cambiar fotos.',
  'ConsentRequired.next':
    'Vuelve a iniciar sesión y acepta, o pide a tu departamento de TI que apruebe Teams Photo.',
  UnknownUser: 'No conozco a ese usuario.',
  'UnknownUser.next':
    'Usa uno de los usuarios que aparecen en la página del emulador o añádelo a su directory.json.',
  UndoNotFound: 'Ya no encuentro ese cambio, así que no hay nada que deshacer.',
  'UndoNotFound.next': 'Para volver a una foto anterior, envíamela de nuevo.',
  UndoSuperseded:
    'Esa foto se ha vuelto a cambiar desde entonces; deshacer este cambio anterior haría perder el más reciente.',
  'UndoSuperseded.next': 'Deshaz primero el cambio más reciente o envíame la foto que quieras.',
  NoImageFound: 'No he encontrado ninguna imagen en ese mensaje.',
  'NoImageFound.next': 'Pega o adjunta una foto (JPEG, PNG, GIF, WebP o HEIC) y envíala de nuevo.',
  FileNotAnImage: 'El archivo {name} no es una foto.',
  'FileNotAnImage.next': 'Envía en su lugar una foto JPEG, PNG, GIF, WebP o HEIC.',
  AttachmentHostNotAllowed: 'Solo puedo descargar imágenes enviadas en Teams.',
  'AttachmentHostNotAllowed.next': 'Pega o adjunta la foto en este chat.',
  AttachmentDownloadFailed: 'No he podido descargar esa imagen.',
  'AttachmentDownloadFailed.next': 'Vuelve a enviarla.',
  UnknownLocalUser: 'No estás en el directorio local, así que aquí no puedo cambiar tu foto.',
  'UnknownLocalUser.next': 'Pide a quien ejecuta este bot que te añada a su directorio.',
  InputNotReadable: 'No se ha podido leer el archivo de entrada.',
  'InputNotReadable.next': 'Comprueba la ruta y que este usuario pueda leer el archivo.',
  OutputNotWritable: 'No se ha podido escribir el archivo de salida.',
  'OutputNotWritable.next': 'Comprueba que la carpeta exista y que este usuario pueda escribir en ella.',
  PortInUse: 'Ese puerto ya está en uso, quizá por otra copia del bot o del emulador.',
  'PortInUse.next': 'Detén ese programa o elige otro puerto con PORT, GRAPH_EMULATOR_PORT o --port.',
  BotUnreachable: 'El bot no ha respondido.',
  'BotUnreachable.next': 'Inícialo con npm start o indica su punto de conexión de mensajes con --bot.',
  EmulatorUnreachable: 'El emulador local de Graph no está en marcha.',
  'EmulatorUnreachable.next':
    'Inícialo con profile-photo emulator o npm start, o indica su puerto en GRAPH_EMULATOR_PORT.',
  PlaygroundUnreachable: 'Microsoft 365 Agents Playground no ha respondido.',
  'PlaygroundUnreachable.next':
    'Inícialo con npm run dev o indica con --playground-url la dirección que mostró.',
  DataDirNotWritable: 'No se puede crear la carpeta de datos (DATA_DIR) ni escribir en ella.',
  'DataDirNotWritable.next': 'Haz que DATA_DIR apunte a una carpeta en la que este usuario pueda escribir.',
  ConfigInvalid: 'La configuración no es válida.',
  'ConfigInvalid.next': 'Corrige las variables indicadas y vuelve a iniciar (el README describe cada una).',
  InvalidRequest: 'No he podido entender esa solicitud.',
  'InvalidRequest.next': 'Vuelve a cargar la página e inténtalo de nuevo.',
  NotAdmin:
    'Solo los administradores de Teams Photo pueden poner las fotos de otras personas, y tú no lo eres.',
  'NotAdmin.next':
    'Pide a tu equipo de TI que cambie la foto de un compañero; para cambiar la tuya, envíame una imagen.',
  TenantNotAllowed: 'Esta aplicación no atiende acciones de administración de tu organización.',
  'TenantNotAllowed.next':
    'Pide a quienes gestionan Teams Photo que añadan tu inquilino, o usa la copia que instaló tu organización.',
  AppIdentityMissing:
    'La aplicación no tiene configurada una identidad propia, así que no puede cambiar las fotos de otras personas.',
  'AppIdentityMissing.next':
    'Pide a quien desplegó Teams Photo que configure su credencial de aplicación (GRAPH_APP_CREDENTIAL) con User.ReadWrite.All.',
  PersonNotFound:
    'No he encontrado a nadie con ese nombre, correo o nombre principal de usuario en el directorio.',
  'PersonNotFound.next':
    'Revisa cómo está escrito: sirve el nombre principal de usuario, el correo o el identificador de objeto.',
  ZipTooLarge: 'Ese zip supera el límite de una importación.',
  'ZipTooLarge.next': 'Reparte las fotos en varios zip más pequeños y envíalos uno tras otro.',
  ZipTooManyEntries: 'Ese zip contiene más archivos de los que admite una importación.',
  'ZipTooManyEntries.next': 'Reparte las fotos en varios zip con menos archivos cada uno.',
  ZipTooMuchData:
    'Ese zip se descomprime en más datos de los que admite una importación, o está hecho para crecer mucho más de lo que ocupa (una bomba zip).',
  'ZipTooMuchData.next': 'Envía un zip solo con las fotos, o divídelo en otros más pequeños.',
  ZipUnreadable: 'No he podido leer ese zip: está dañado o no es un archivo zip.',
  'ZipUnreadable.next':
    'Vuelve a crear el zip (por ejemplo con la opción Comprimir de tu sistema) y envíalo otra vez.',
  NothingToImport: 'En esa importación no hay fotos que pueda usar.',
  'NothingToImport.next':
    'Pon a cada foto el nombre principal de usuario, el correo, el alias o el número de empleado de la persona, o añade un mapping.csv con las columnas file y user.',
  JobNotFound: 'No he encontrado ese trabajo masivo.',
  'JobNotFound.next':
    'Usa los botones de la tarjeta de un trabajo que hayas iniciado tú; en la línea de comandos, profile-photo jobs muestra todos los trabajos.',
  JobNotStartable: 'Ese trabajo masivo ya se inició o se canceló, así que no puede volver a empezar.',
  'JobNotStartable.next': 'Mira su tarjeta de progreso, o envía el zip de nuevo para crear otro trabajo.',
  JobInProgress: 'Ese trabajo masivo todavía está en marcha.',
  'JobInProgress.next': 'Espera a que termine y vuelve a intentarlo.',
  AdminChoiceExpired: 'Esa elección ya no está abierta.',
  'AdminChoiceExpired.next': 'Envía admin para abrir una tarjeta de administración nueva.',
  ReportLinkExpired: 'Ese enlace al informe ha caducado o no es tuyo.',
  'ReportLinkExpired.next': 'Pulsa Descargar informe en la tarjeta del trabajo para obtener un enlace nuevo.',

  'welcome.title': '¡Hola, {name}! Soy Teams Photo.',
  'welcome.titleNoName': '¡Hola! Soy Teams Photo.',
  'welcome.body':
    'Envíame una foto en este chat y la convertiré en tu foto de perfil de Microsoft 365: bien orientada, cuadrada y centrada en ti.',
  'help.title': 'Cómo usar Teams Photo',
  'help.sendPhoto': 'Envía una foto en este chat para convertirla en tu foto de perfil.',
  'help.formats': 'Acepto JPEG, PNG, GIF, WebP o HEIC de hasta 25\u00a0MB.',
  'help.undo': 'Escribe "deshacer" para recuperar tu foto anterior.',
  'help.help': 'Escribe "ayuda" para volver a ver esto.',
  'command.undo': 'deshacer',
  'command.help': 'ayuda',
  'photo.updated.title': 'Ya tienes tu nueva foto de perfil',
  'photo.updated.propagation':
    'Puede tardar un tiempo (hasta 72\u00a0horas) en verse en todo Microsoft 365, y Teams puede seguir mostrando la foto anterior algo más.',
  'photo.updated.undo': 'Deshacer',
  'photo.previewAlt': 'Vista previa de tu foto de perfil',
  'photo.severalImages': 'Has enviado {count}\u00a0imágenes; he usado la primera.',
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
    'Añádete a {file} (tu id aparece en el terminal del bot, junto a la referencia de abajo) y vuelve a enviar la foto: el archivo se recarga cuando cambia, no hace falta reiniciar.',
  PhotoChangeInProgress: 'Todavía hay otro cambio en curso en esta foto.',
  'PhotoChangeInProgress.next': 'Vuelve a intentarlo en un minuto.',
  ImageProcessingFailed:
    'Preparar esa imagen necesitaba más memoria de la que puedo dedicar a una sola foto.',
  'ImageProcessingFailed.next':
    'Envía una copia más pequeña, por ejemplo una captura de pantalla o una exportación JPEG a menor resolución.',
  UnsupportedChannel: 'Solo puedo cambiar fotos a partir de mensajes enviados en Microsoft Teams.',
  'UnsupportedChannel.next': 'Envíame la foto en un chat de Teams.',
  UndoAlreadyUndone: 'Ese cambio ya se deshizo.',
  'UndoAlreadyUndone.next': 'Escribe "deshacer" para retroceder un paso más o envíame la foto que quieras.',
  RedoAlreadyDone: 'Esa foto ya vuelve a ser tu foto de perfil.',
  'RedoAlreadyDone.next': 'Escribe "deshacer" si quieres deshacerlo otra vez.',
  'undo.supersededOn':
    'El {date} pusiste una foto más reciente, así que deshacer este cambio anterior la perdería.',
  'undo.backToChange': 'Deshecho: vuelve a estar la foto que pusiste el {date}.',
  'undo.backToOriginal': 'Deshecho: vuelve a estar la foto que tenías antes de tu primer cambio aquí.',
  'undo.backToNone': 'Deshecho: ahora no tienes foto de perfil, como antes de tu primer cambio aquí.',
  'undo.nothingLeft': 'No queda nada por deshacer. Envíame una foto cuando quieras una nueva.',
  'redo.action': 'Usar esta foto de nuevo',
  'redo.title': 'Esta foto vuelve a ser tu foto de perfil',
  'photo.before': 'Antes',
  'photo.after': 'Después',
  'photo.noPhoto': 'Sin foto',
  'photo.beforeAlt': 'Tu foto de perfil antes de este cambio',
  'app.name.short': 'Teams Photo',
  'app.name.full': 'Teams Photo: tu foto de perfil de Microsoft 365, desde Teams',
  'app.description.short': 'Envía una foto en el chat y se convertirá en tu foto de perfil.',
  'app.description.full':
    'Envía una imagen a Teams Photo en un chat personal y se convertirá en tu foto de perfil de Microsoft 365: enderezada, recortada en cuadrado a tu alrededor, sin metadatos y con el tamaño adecuado para Microsoft 365. Cada cambio se puede deshacer: escribe "deshacer" o pulsa Deshacer en la tarjeta de respuesta. Se aceptan fotos JPEG, PNG, GIF, WebP y HEIC.',
  'app.command.help.description': 'Cómo usar Teams Photo',
  'app.command.undo.description': 'Recuperar tu foto de perfil anterior',
  // Choosing a group or contact, and removing a photo (issue 15).
  GroupNotFound: 'Ninguno de los grupos de los que eres propietario se llama "{name}".',
  'GroupNotFound.next': 'Comprueba el nombre o la dirección de correo del grupo y vuelve a intentarlo.',
  NotGroupOwner: 'No eres propietario de {name}, así que no puedes cambiar su foto.',
  'NotGroupOwner.next':
    'Pídeselo a uno de sus propietarios o pide a tu departamento de TI que te haga propietario.',
  ContactNotFound: 'Ninguno de tus contactos de Outlook se llama "{name}".',
  'ContactNotFound.next':
    'Comprueba el nombre o la dirección de correo del contacto en Outlook y vuelve a intentarlo.',
  NoPhotoToRemove: 'No hay ninguna foto que quitar, así que no se ha cambiado nada.',
  'NoPhotoToRemove.next': 'Envíame una foto cuando quieras poner una.',
  NoRecentImage: 'No tengo ninguna imagen tuya de los últimos minutos que pueda usar.',
  'NoRecentImage.next': 'Vuelve a enviar la imagen con "grupo" y el nombre del grupo en el mismo mensaje.',
  ChoiceExpired: 'Esa elección ha caducado: la foto ya no está esperando.',
  'ChoiceExpired.next': 'Vuelve a enviar la imagen.',
  // Group and contact photos in chat (issue 15).
  'undo.other.restored': 'Deshecho: vuelve a estar la foto de antes de este cambio.',
  'undo.other.removed': 'Deshecho: ahora no hay foto, como antes de este cambio.',
  'command.team': 'equipo',
  'command.removeGroupPhoto': 'quitar foto del grupo',
  'group.youOwn': 'Grupos de los que eres propietario: {names}.',
  'group.ownNone':
    'No eres propietario de ningún grupo de Microsoft 365, así que no hay ninguna foto de grupo que puedas cambiar. Pídeselo a un propietario del grupo o a tu departamento de TI.',
  'group.whichOne':
    '¿Qué grupo? Envía la imagen con "grupo" y el nombre del grupo, por ejemplo "grupo Marketing".',
  'group.teamOnlyInChannel':
    'Escribe el nombre del grupo después de "grupo" (por ejemplo "grupo Marketing"): solo en el canal de un equipo "grupo" a secas significa ese equipo.',
  'contact.whichOne':
    '¿Qué contacto? Envía la imagen con "contacto" y un nombre, por ejemplo "contacto Ravi Kumar".',
  'contact.some': 'Algunos de tus contactos: {names}.',
  'contact.none': 'Todavía no tienes contactos de Outlook.',
  'target.updated.group': 'La foto de {name} ya está puesta',
  'target.updated.contact': 'La foto de tu contacto {name} ya está puesta',
  'target.updated.propagation':
    'Puede tardar hasta 72\u00a0horas en verse en todo Microsoft 365, y Teams puede seguir mostrando la foto anterior hasta 3\u00a0días.',
  'target.previewAlt': 'Vista previa de la foto de {name}',
  'target.beforeAlt': 'La foto de {name} antes de este cambio',
  'pick.group.title': '¿A qué grupo te refieres?',
  'pick.group.text':
    'Varios grupos de los que eres propietario coinciden con "{name}". Elige uno para ponerle la foto:',
  'pick.contact.title': '¿A qué contacto te refieres?',
  'pick.contact.text': 'Varios de tus contactos coinciden con "{name}". Elige uno para ponerle la foto:',
  'pick.cancel': 'Cancelar',
  'pick.cancelled': 'Cancelado: no se ha cambiado nada.',
  'pick.inFolder': '{name} (en {folder})',
  'remove.confirm.own': '¿Quitar tu foto de perfil?',
  'remove.confirm.group': '¿Quitar la foto de {name}?',
  'remove.confirm.text': 'Antes guardo una copia, así que podrás deshacerlo.',
  'remove.confirm.button': 'Quitar',
  'remove.done.own': 'Se ha quitado tu foto de perfil',
  'remove.done.group': 'Se ha quitado la foto de {name}',
  'remove.whichOne': 'Escribe "quitar mi foto", o "quitar foto del grupo" y el nombre del grupo.',
  'channel.imageNeedsCommand':
    'En un equipo o un chat de grupo solo cambio la foto de un grupo: mencióname con "grupo" (este equipo) o "grupo <nombre>". Para cambiar tu propia foto, envíamela en nuestro chat personal.',
  'help.group':
    'Envía una foto con "grupo" y el nombre de un grupo para poner la foto de un grupo del que eres propietario; en el canal de un equipo, mencióname con "grupo" para poner la foto de ese equipo.',
  'help.contact':
    'Envía una foto con "contacto" y un nombre para poner la foto de uno de tus contactos de Outlook.',
  'help.remove':
    'Escribe "quitar mi foto" (o "quitar foto del grupo" y un nombre) para quitar una foto; puedes deshacerlo.',
  // The messaging extension (issue 15).
  'extension.dialog.title': 'Poner como foto del grupo',
  'extension.dialog.text': 'Elija el grupo cuya foto será esta imagen.',
  'extension.dialog.group': 'Grupo',
  'extension.dialog.groupPick': 'Elija un grupo',
  'extension.dialog.groupSearch': 'Escriba el nombre de un grupo',
  'extension.dialog.groupRequired': 'Elija uno de los grupos de los que es propietario.',
  'extension.dialog.set': 'Establecer foto',
  'extension.dialog.previewAlt': 'Vista previa de la nueva foto del grupo',
  'extension.noImage':
    'No encontré ninguna imagen en ese mensaje. Use «Poner como foto del grupo» en un mensaje con una imagen o un archivo de imagen.',
  'extension.imageNotReadable':
    'No pude abrir la imagen de ese mensaje: puede que se haya eliminado o que no tengas acceso a ella.',
  'extension.done': 'La foto de {name} está establecida.',
  'extension.group.photoAlt': 'La foto de {name}',
  'extension.group.change': 'Cambiar foto',
  'extension.group.current': 'Su foto actual',
  'extension.group.recent': 'La última imagen que envió',
  'extension.group.set': 'Usar como su foto',
  'extension.group.sendFirst':
    'Para cambiarla, envíeme la imagen en nuestro chat con «grupo {name}», o use «Poner como foto del grupo» en un mensaje con la imagen.',
  'extension.signIn.text':
    'Inicie sesión una vez para que pueda ver los grupos de los que es propietario y cambiar sus fotos.',
  // The app package's group, contact and messaging-extension strings (issue 15).
  'command.group': 'grupo',
  'command.contact': 'contacto',
  'command.remove': 'quitar mi foto',
  'app.command.group.description': 'Envía una imagen con "grupo" y un nombre para poner la foto de un grupo',
  'app.command.contact.description':
    'Envía una imagen con "contacto" y un nombre para poner la foto de un contacto',
  'app.command.remove.description': 'Quitar tu foto o la de un grupo: "quitar mi foto"',
  'app.extension.setGroupPhoto.title': 'Poner como foto del grupo',
  'app.extension.setGroupPhoto.description':
    'Usar una imagen de este mensaje como foto de un grupo del que eres propietario',
  'app.extension.groups.title': 'Grupos',
  'app.extension.groups.description': 'Buscar un grupo del que eres propietario y cambiar su foto',
  'app.extension.groups.parameter.title': 'Nombre del grupo',
  'app.extension.groups.parameter.description':
    'El nombre o la dirección de correo de un grupo del que eres propietario',
  // Added once the rest of issue 15 was translated.
  'help.openPage': 'Abrir la página Foto',
  'target.updated.contactNote':
    'Aparece en tus contactos de Outlook y dondequiera que Teams y Outlook muestren este contacto; solo tú lo ves.',
  // The Teams page (issue 16).
  'tab.name': 'Foto',
  'tab.heading': 'Foto de perfil',
  'tab.intro':
    'Elige de quién es la foto que quieres cambiar y una imagen, mueve y amplía el cuadrado y, después, establécela.',
  'tab.target.label': 'Foto de',
  'tab.target.me': 'Mi foto',
  'tab.target.meNamed': 'Mi foto ({name})',
  'tab.target.groups': 'Grupos de los que eres propietario',
  'tab.target.contacts': 'Tus contactos',
  'tab.current.label': 'La foto actual',
  'tab.current.none': 'Todavía no hay foto',
  'tab.file.choose': 'Elegir una imagen',
  'tab.file.drop': 'o suéltala aquí',
  'tab.file.formats': 'JPEG, PNG, GIF, WebP o HEIC, hasta 25\u00a0MB.',
  'tab.crop.label': 'El cuadrado que se usará',
  'tab.crop.help':
    'Arrastra para mover el cuadrado; pellizca, usa la rueda del ratón o los botones para ampliar o reducir.',
  'tab.crop.box': 'El cuadrado en la imagen (x, y, ancho, alto, en píxeles):',
  'tab.zoomIn': 'Ampliar',
  'tab.zoomOut': 'Reducir',
  'tab.result.label': 'Así quedará',
  'tab.set': 'Establecer foto',
  'tab.undo': 'Deshacer',
  'tab.status.signingIn': 'Iniciando sesión…',
  'tab.status.chooseFile': 'Elige una imagen o suéltala en el cuadro de arriba.',
  'tab.status.reading': 'Leyendo la imagen…',
  'tab.status.adjust': 'Mueve y amplía el cuadrado y, después, elige Establecer foto.',
  'tab.status.cannotDraw':
    'Este navegador no puede mostrar esta imagen (por ejemplo, una foto HEIC), así que su cuadrado automático se muestra como números. Aun así, puedes establecerla.',
  'tab.status.setting': 'Estableciendo la foto…',
  'tab.status.undoing': 'Deshaciendo el cambio…',
  'tab.status.openInTeams': 'Abre esta página desde la pestaña Foto de Teams Photo en Microsoft Teams.',
  'tab.status.signInFailed':
    'Teams no ha podido iniciar tu sesión en Teams Photo. Cierra la pestaña y vuelve a abrirla.',
  'tab.status.offline': 'El servidor no ha respondido. Comprueba tu conexión e inténtalo de nuevo.',
  // Administradores (issue 17): la tarjeta de administración, `asignar <persona>` con una imagen, importaciones desde un zip.
  'command.admin': 'admin',
  'command.set': 'asignar',
  'app.command.admin.description':
    'Administradores: asigna fotos de otras personas, una a una o desde un zip',
  'admin.card.title': 'Asignar fotos de otras personas',
  'admin.card.intro':
    'Como administrador puedes asignar la foto de perfil de cualquier persona. Lo hago con la identidad propia de la aplicación y registro cada cambio en el registro de auditoría.',
  'admin.card.pickLabel': 'De quién es la foto',
  'admin.card.pickPlaceholder': 'Escribe un nombre o un correo',
  'admin.card.pickError': 'Elige primero a una persona.',
  'admin.card.sendNow': 'Enviar la foto ahora',
  'admin.card.setHint':
    'O envía una imagen con "{word}" y su nombre principal de usuario o su correo, por ejemplo "{word} {example}".',
  'admin.card.zipHint':
    'Para muchas personas a la vez, envía un .zip de fotos, cada una con el nombre principal de usuario, el correo, el alias de correo o el número de empleado de la persona (o con un mapping.csv de archivo y usuario). Te respondo con un plan para revisarlo antes de que cambie nada.',
  'admin.waiting.title': 'Envía ahora la foto para {name}',
  'admin.waiting.text': 'La próxima imagen que envíes en este chat en {time} será su foto de perfil.',
  'admin.updated.title': 'La foto de {name} está asignada',
  'admin.updated.note':
    'Asignada con la identidad propia de la aplicación y anotada en el registro de auditoría. Puede tardar hasta 72\u00a0horas en verse en todas partes.',
  'admin.plan.title': 'Plan de importación de {file}',
  'admin.plan.matched': 'Fotos que corresponden a una persona',
  'admin.plan.unmatched': 'Archivos que no corresponden a nadie',
  'admin.plan.ambiguous':
    'Archivos que corresponden a varias personas, o a una persona a la que también corresponde otro archivo',
  'admin.plan.unreadable':
    'Archivos que no puedo usar (no son imágenes, no se pueden leer, nombre inseguro o zip dentro del zip)',
  'admin.plan.more': 'y {count}\u00a0más',
  'admin.plan.text':
    'Todavía no ha cambiado nada. Iniciar asigna las fotos encontradas (antes se guarda una copia de cada foto anterior); este plan espera {time}.',
  'admin.plan.start': 'Iniciar',
  'admin.plan.cancel': 'Cancelar',
  'admin.plan.cancelled': 'La importación de {file} está cancelada. No se ha cambiado nada.',
  'admin.plan.started': 'La importación de {file} ha empezado. Su progreso está en la tarjeta de abajo.',
  'admin.progress.title': 'Importando fotos de {file}',
  'admin.progress.undoTitle': 'Restaurando las fotos que cambió la importación de {file}',
  'admin.progress.done': 'Hechas',
  'admin.progress.failed': 'Con error',
  'admin.progress.left': 'Tiempo restante',
  'admin.progress.waiting': 'Esperando su turno…',
  'admin.progress.count': '{done} de {total}',
  'admin.report.title': 'La importación de {file} ha terminado',
  'admin.report.set': 'Fotos asignadas',
  'admin.report.skipped': 'Archivos omitidos',
  'admin.report.cancelledTitle': 'La importación de {file} se canceló',
  'admin.report.undoneTitle': 'La importación de {file} está deshecha',
  'admin.report.undone': 'Fotos restauradas o quitadas',
  'admin.report.download': 'Descargar informe',
  'admin.report.open': 'Abrir el informe',
  'admin.personalOnly':
    'Las tareas de administración solo las hago en tu chat personal conmigo, para que nadie más vea a las personas y fotos implicadas. Abre un chat con Teams Photo y envía admin allí.',
  'admin.report.linkNote':
    'El enlace al informe está hecho para ti y funciona durante {time}: no lo reenvíes (nombra a todas las personas de la importación).',
  'admin.report.undo': 'Deshacer esta importación',
  'admin.undo.started':
    'Restaurando las fotos de la importación de {file}. Su progreso está en la tarjeta de abajo.',
  ...qualityTexts.es,
  ...policyTexts.es,
  ...approvalTexts.es,
  ...privacyTexts.es,
};
