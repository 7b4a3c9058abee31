/**
 * Brazilian Portuguese (`pt-BR`, also served to `pt`, `pt-PT` and every other Portuguese variant).
 * "Você" and Microsoft's pt-BR terms ("entrar" for sign in, "arquivo", "baixar").
 */
import type { Catalog } from './catalog-en.js';

/** Brazilian Portuguese text for every key. */
export const ptBR: Catalog = {
  ImageTooLarge: 'Esse arquivo é grande demais para uma foto de perfil. Envie uma imagem menor.',
  UnsupportedImage: 'Não consigo usar esse arquivo como imagem. Envie uma foto JPEG, PNG, GIF, WebP ou HEIC.',
  ImageDimensionsTooLarge:
    'Essa imagem tem pixels demais (o limite é de 50 megapixels e 20000 pixels por lado).',
  ImageTooSmall:
    'Essa imagem é pequena demais para uma foto de perfil. Envie uma com pelo menos 96 pixels de cada lado.',
  CorruptImage: 'Essa imagem parece danificada ou incompleta, então não consegui lê-la. Tente outra cópia.',
  ImageProcessingTimeout:
    'A preparação dessa imagem demorou demais. Tente de novo ou envie uma imagem menor.',
  ServerBusy: 'No momento estou preparando outras fotos. Tente de novo daqui a um minuto.',
  InvalidCropBox: 'O recorte deve ser um quadrado dentro da imagem.',
  GraphUnauthorized: 'O Microsoft 365 não aceitou minha autenticação em seu nome. Entre novamente.',
  GraphForbidden: 'Você não tem permissão para alterar essa foto.',
  GraphNotFound: 'Não encontrei essa pessoa, grupo ou contato na sua organização.',
  GraphPhotoTooLarge: 'O Microsoft 365 recusou a foto por ser grande demais.',
  GraphThrottled: 'O Microsoft 365 está pedindo que eu vá mais devagar. Tente de novo em alguns minutos.',
  GraphUnavailable: 'O Microsoft 365 não está respondendo agora. Tente de novo em alguns minutos.',
  GraphMailboxUnsupported:
    'Esta conta não tem caixa de correio do Exchange Online (ou ela está hospedada localmente), então a foto dela não pode ser alterada aqui.',
  GraphPolicyBlocked: 'Um administrador desativou a alteração de fotos de perfil na sua organização.',
  GraphBadRequest: 'O Microsoft 365 não aceitou essa foto. Tente outra imagem.',
  SignInRequired: 'Entre primeiro, para que eu possa alterar sua foto.',
  ConsentRequired:
    'O Teams Photo precisa do seu consentimento (ou do de um administrador) antes de poder alterar fotos.',
  UnknownUser: 'Não conheço esse usuário.',
  UndoNotFound: 'Não encontro mais essa alteração, então não há nada para desfazer.',
  UndoSuperseded:
    'Essa foto foi alterada de novo depois disso; desfazer esta alteração mais antiga apagaria a mais recente.',
  NoImageFound:
    'Não encontrei nenhuma imagem nessa mensagem. Envie uma foto (JPEG, PNG, GIF, WebP ou HEIC) ou anexe-a como arquivo.',
  AttachmentHostNotAllowed: 'Só consigo baixar imagens enviadas no Teams.',
  AttachmentDownloadFailed: 'Não consegui baixar essa imagem. Envie-a de novo.',
  UnknownLocalUser: 'Você não está no diretório local, então não posso alterar sua foto aqui.',
  InputNotReadable: 'Não foi possível ler o arquivo de entrada.',
  OutputNotWritable: 'Não foi possível gravar o arquivo de saída.',
  PortInUse: 'Essa porta já está em uso; escolha outra com --port ou GRAPH_EMULATOR_PORT.',
  BotUnreachable:
    'O bot não respondeu. Inicie-o com npm start ou indique o endpoint de mensagens dele com --bot.',

  'welcome.title': 'Olá, {name}! Eu sou o Teams Photo.',
  'welcome.titleNoName': 'Olá! Eu sou o Teams Photo.',
  'welcome.body':
    'Envie uma foto neste chat e eu a transformo na sua foto de perfil do Microsoft 365: na posição certa, quadrada e centralizada em você.',
  'help.title': 'Como usar o Teams Photo',
  'help.sendPhoto': 'Envie uma foto neste chat para usá-la como sua foto de perfil.',
  'help.formats': 'Aceito JPEG, PNG, GIF, WebP ou HEIC de até 25 MB.',
  'help.undo': 'Digite "desfazer" para voltar à sua foto anterior.',
  'help.help': 'Digite "ajuda" para ver isto de novo.',
  'command.undo': 'desfazer',
  'command.help': 'ajuda',
  'photo.updated.title': 'Sua nova foto de perfil foi definida',
  'photo.updated.propagation':
    'Pode levar um tempo (até 72 horas) para ela aparecer em todo o Microsoft 365, e o Teams pode mostrar a antiga por mais algum tempo.',
  'photo.updated.undo': 'Desfazer',
  'photo.previewAlt': 'Prévia da sua foto de perfil',
  'photo.severalImages': 'Você enviou {count} imagens; usei a primeira.',
  'undo.restored': 'Pronto: sua foto anterior está de volta.',
  'undo.removed': 'Você não tinha foto antes, então removi a nova.',
  'undo.nothingToUndo': 'Ainda não há nada para desfazer.',
  'signin.title': 'Entre no Teams Photo',
  'signin.text':
    'Entre uma vez para que eu possa alterar sua foto. Vou guardar a foto que você enviou e usá-la assim que você entrar.',
  'signin.button': 'Entrar',
  'signin.done': 'Obrigado, você já entrou. Estou definindo sua foto agora.',
  'error.reference': 'Referência: {id}',
  'error.generic': 'Algo deu errado do meu lado. Tente de novo.',
  'local.unknownUser':
    'Não encontro você ({id}) no diretório local, então não posso alterar sua foto aqui. Adicione seu usuário a {file}.',
};
