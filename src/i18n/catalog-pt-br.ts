/**
 * Brazilian Portuguese (`pt-BR`, also served to `pt`, `pt-PT` and every other Portuguese variant).
 * "Você" and Microsoft's pt-BR terms ("entrar" for sign in, "arquivo", "baixar").
 */
import type { Catalog } from './catalog-en.js';
import { qualityTexts } from './sections/quality.js';
import { policyTexts } from './sections/policy.js';
import { approvalTexts } from './sections/approval.js';
import { privacyTexts } from './sections/privacy.js';

/** Brazilian Portuguese text for every key. */
export const ptBR: Catalog = {
  // Error codes (src/errors.ts): what happened, then `<code>.next`, what the person can do about it.
  ImageTooLarge: 'Esse arquivo é grande demais para uma foto de perfil.',
  'ImageTooLarge.next': 'Envie uma cópia menor, de até 25\u00a0MB.',
  UnsupportedImage: 'Não consigo usar esse arquivo como imagem.',
  'UnsupportedImage.next': 'Envie uma foto JPEG, PNG, GIF, WebP ou HEIC.',
  ImageDimensionsTooLarge:
    'Essa imagem tem pixels demais (o limite é de 50\u00a0megapixels e 20000\u00a0pixels por lado).',
  'ImageDimensionsTooLarge.next':
    'Envie uma cópia menor, por exemplo uma captura de tela ou uma exportação em resolução mais baixa.',
  ImageTooSmall: 'Essa imagem é pequena demais para uma foto de perfil.',
  'ImageTooSmall.next': 'Envie uma com pelo menos 96\u00a0pixels de cada lado.',
  CorruptImage: 'Essa imagem parece danificada ou incompleta, então não consegui lê-la.',
  'CorruptImage.next': 'Tente outra cópia.',
  ImageProcessingTimeout: 'A preparação dessa imagem demorou demais.',
  'ImageProcessingTimeout.next': 'Tente de novo ou envie uma imagem menor.',
  ServerBusy: 'No momento estou preparando outras fotos.',
  'ServerBusy.next': 'Tente de novo daqui a um minuto.',
  InvalidCropBox: 'O recorte deve ser um quadrado dentro da imagem.',
  'InvalidCropBox.next': 'Informe-o como x,y,w,h com w igual a h, ou omita --crop para que eu escolha.',
  GraphUnauthorized: 'O Microsoft 365 não aceitou minha autenticação em seu nome.',
  'GraphUnauthorized.next': 'Entre novamente e envie a foto de novo.',
  GraphForbidden: 'Você não tem permissão para alterar essa foto.',
  'GraphForbidden.next': 'Peça ao proprietário ou ao seu departamento de TI que a altere.',
  GraphNotFound: 'Não encontrei essa pessoa, grupo ou contato na sua organização.',
  'GraphNotFound.next': 'Confira o nome e tente de novo.',
  GraphPhotoTooLarge: 'O Microsoft 365 recusou a foto por ser grande demais.',
  'GraphPhotoTooLarge.next': 'Envie uma imagem menor; se isso continuar, avise seu departamento de TI.',
  GraphThrottled: 'O Microsoft 365 está pedindo que eu vá mais devagar.',
  'GraphThrottled.next': 'Tente de novo em alguns minutos.',
  GraphUnavailable: 'O Microsoft 365 não está respondendo agora.',
  'GraphUnavailable.next': 'Tente de novo em alguns minutos.',
  GraphMailboxUnsupported:
    'Sua conta não tem caixa de correio do Exchange Online, então o Microsoft 365 não me deixa alterar sua foto.',
  'GraphMailboxUnsupported.next': 'Peça ao seu departamento de TI que a altere para você.',
  GraphPolicyBlocked: 'Sua organização não permite que as pessoas alterem a própria foto de perfil.',
  'GraphPolicyBlocked.next': 'Peça ao seu departamento de TI que a altere para você.',
  GraphBadRequest: 'O Microsoft 365 não aceitou essa foto.',
  'GraphBadRequest.next': 'Tente outra imagem.',
  SignInRequired: 'Você precisa entrar antes que eu possa alterar sua foto.',
  'SignInRequired.next': 'Envie a foto de novo e escolha “Entrar” quando eu pedir.',
  ConsentRequired:
    'O Teams Photo precisa do seu consentimento (ou do de um administrador) antes de poder alterar fotos.',
  'ConsentRequired.next':
    'Entre novamente e aceite, ou peça ao seu departamento de TI que aprove o Teams Photo.',
  UnknownUser: 'Não conheço esse usuário.',
  'UnknownUser.next':
    'Use um dos usuários listados na página do emulador ou adicione-o ao directory.json dele.',
  UndoNotFound: 'Não encontro mais essa alteração, então não há nada para desfazer.',
  'UndoNotFound.next': 'Para voltar a uma foto anterior, envie-a para mim de novo.',
  UndoSuperseded:
    'Essa foto foi alterada de novo depois disso; desfazer esta alteração mais antiga apagaria a mais recente.',
  'UndoSuperseded.next': 'Desfaça primeiro a alteração mais recente ou me envie a foto que você quer.',
  NoImageFound: 'Não encontrei nenhuma imagem nessa mensagem.',
  'NoImageFound.next': 'Cole ou anexe uma foto (JPEG, PNG, GIF, WebP ou HEIC) e envie de novo.',
  FileNotAnImage: 'O arquivo {name} não é uma foto.',
  'FileNotAnImage.next': 'Envie no lugar dele uma foto JPEG, PNG, GIF, WebP ou HEIC.',
  AttachmentHostNotAllowed: 'Só consigo baixar imagens enviadas no Teams.',
  'AttachmentHostNotAllowed.next': 'Cole ou anexe a foto neste chat.',
  AttachmentDownloadFailed: 'Não consegui baixar essa imagem.',
  'AttachmentDownloadFailed.next': 'Envie-a de novo.',
  UnknownLocalUser: 'Você não está no diretório local, então não posso alterar sua foto aqui.',
  'UnknownLocalUser.next': 'Peça a quem executa este bot que adicione você ao diretório dele.',
  InputNotReadable: 'Não foi possível ler o arquivo de entrada.',
  'InputNotReadable.next': 'Confira o caminho e se este usuário pode ler o arquivo.',
  OutputNotWritable: 'Não foi possível gravar o arquivo de saída.',
  'OutputNotWritable.next': 'Confira se a pasta existe e se este usuário pode gravar nela.',
  PortInUse: 'Essa porta já está em uso, talvez por outra cópia do bot ou do emulador.',
  'PortInUse.next': 'Encerre esse programa ou escolha outra porta com PORT, GRAPH_EMULATOR_PORT ou --port.',
  BotUnreachable: 'O bot não respondeu.',
  'BotUnreachable.next': 'Inicie-o com npm start ou indique o endpoint de mensagens dele com --bot.',
  EmulatorUnreachable: 'O emulador local do Graph não está em execução.',
  'EmulatorUnreachable.next':
    'Inicie-o com profile-photo emulator ou npm start, ou indique a porta dele em GRAPH_EMULATOR_PORT.',
  PlaygroundUnreachable: 'O Microsoft 365 Agents Playground não respondeu.',
  'PlaygroundUnreachable.next':
    'Inicie-o com npm run dev ou indique em --playground-url o endereço que ele mostrou.',
  DataDirNotWritable: 'Não é possível criar a pasta de dados (DATA_DIR) nem gravar nela.',
  'DataDirNotWritable.next': 'Aponte DATA_DIR para uma pasta em que este usuário possa gravar.',
  ConfigInvalid: 'A configuração não é válida.',
  'ConfigInvalid.next': 'Corrija as variáveis listadas e inicie de novo (o README descreve cada uma).',
  InvalidRequest: 'Não consegui entender essa solicitação.',
  'InvalidRequest.next': 'Recarregue a página e tente de novo.',
  NotAdmin: 'Só administradores do Teams Photo podem definir fotos de outras pessoas, e você não é um deles.',
  'NotAdmin.next':
    'Peça à equipe de TI se precisar trocar a foto de um colega; para trocar a sua, é só me enviar uma imagem.',
  TenantNotAllowed: 'Este app não atende ações de administração da sua organização.',
  'TenantNotAllowed.next':
    'Peça a quem administra o Teams Photo para incluir o seu locatário, ou use a cópia que a sua organização instalou.',
  AppIdentityMissing:
    'O app não tem uma identidade própria configurada, então não pode trocar fotos de outras pessoas.',
  'AppIdentityMissing.next':
    'Peça a quem implantou o Teams Photo para configurar a credencial do app (GRAPH_APP_CREDENTIAL) com User.ReadWrite.All.',
  PersonNotFound: 'Não encontrei ninguém com esse nome, e-mail ou nome principal de usuário no diretório.',
  'PersonNotFound.next':
    'Confira a grafia: funciona o nome principal de usuário, o e-mail ou o ID do objeto.',
  ZipTooLarge: 'Esse zip é maior que o limite de uma importação.',
  'ZipTooLarge.next': 'Divida as fotos em vários zips menores e envie um depois do outro.',
  ZipTooManyEntries: 'Esse zip tem mais arquivos do que uma importação permite.',
  'ZipTooManyEntries.next': 'Divida as fotos em vários zips com menos arquivos cada.',
  ZipTooMuchData:
    'Esse zip descompacta em mais dados do que uma importação permite, ou foi feito para ficar muito maior do que é (uma bomba zip).',
  'ZipTooMuchData.next': 'Envie um zip só com as fotos, ou divida-o em zips menores.',
  ZipUnreadable: 'Não consegui ler esse zip: ele está danificado ou não é um arquivo zip.',
  'ZipUnreadable.next':
    'Crie o zip de novo (por exemplo com a opção Compactar do sistema) e envie mais uma vez.',
  NothingToImport: 'Não há fotos nessa importação que eu possa usar.',
  'NothingToImport.next':
    'Dê a cada foto o nome principal de usuário, o e-mail, o apelido de e-mail ou a matrícula da pessoa, ou inclua um mapping.csv com as colunas file e user.',
  JobNotFound: 'Não encontrei esse trabalho em lote.',
  'JobNotFound.next':
    'Use os botões do cartão de um trabalho que você mesmo iniciou; na linha de comando, profile-photo jobs lista todos os trabalhos.',
  JobNotStartable: 'Esse trabalho em lote já foi iniciado ou cancelado, então não pode começar de novo.',
  'JobNotStartable.next': 'Veja o cartão de progresso dele, ou envie o zip outra vez para um novo trabalho.',
  JobInProgress: 'Esse trabalho em lote ainda está em andamento.',
  'JobInProgress.next': 'Espere ele terminar e tente de novo.',
  AdminChoiceExpired: 'Essa escolha não está mais aberta.',
  'AdminChoiceExpired.next': 'Envie admin para abrir um novo cartão de administração.',
  ReportLinkExpired: 'Esse link do relatório expirou ou não é seu.',
  'ReportLinkExpired.next': 'Clique em Baixar relatório no cartão do trabalho para obter um link novo.',

  'welcome.title': 'Olá, {name}! Eu sou o Teams Photo.',
  'welcome.titleNoName': 'Olá! Eu sou o Teams Photo.',
  'welcome.body':
    'Envie uma foto neste chat e eu a transformo na sua foto de perfil do Microsoft 365: na posição certa, quadrada e centralizada em você.',
  'help.title': 'Como usar o Teams Photo',
  'help.sendPhoto': 'Envie uma foto neste chat para usá-la como sua foto de perfil.',
  'help.formats': 'Aceito JPEG, PNG, GIF, WebP ou HEIC de até 25\u00a0MB.',
  'help.undo': 'Digite "desfazer" para voltar à sua foto anterior.',
  'help.help': 'Digite "ajuda" para ver isto de novo.',
  'command.undo': 'desfazer',
  'command.help': 'ajuda',
  'photo.updated.title': 'Sua nova foto de perfil foi definida',
  'photo.updated.propagation':
    'Pode levar um tempo (até 72\u00a0horas) para ela aparecer em todo o Microsoft 365, e o Teams pode mostrar a antiga por mais algum tempo.',
  'photo.updated.undo': 'Desfazer',
  'photo.previewAlt': 'Prévia da sua foto de perfil',
  'photo.severalImages': 'Você enviou {count}\u00a0imagens; usei a primeira.',
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
    'Adicione-se a {file} (seu id aparece no terminal do bot, ao lado da referência abaixo) e envie a foto de novo: o arquivo é recarregado quando muda, não é preciso reiniciar.',
  PhotoChangeInProgress: 'Outra alteração desta foto ainda está em andamento.',
  'PhotoChangeInProgress.next': 'Tente de novo em um minuto.',
  ImageProcessingFailed: 'Preparar essa imagem exigiria mais memória do que posso dedicar a uma única foto.',
  'ImageProcessingFailed.next':
    'Envie uma cópia menor, por exemplo uma captura de tela dela ou uma exportação em JPEG com resolução menor.',
  UnsupportedChannel: 'Só consigo trocar fotos a partir de mensagens enviadas no Microsoft Teams.',
  'UnsupportedChannel.next': 'Envie a foto para mim em um chat do Teams.',
  UndoAlreadyUndone: 'Essa alteração já foi desfeita.',
  'UndoAlreadyUndone.next': 'Digite "desfazer" para voltar mais um passo ou me envie a foto que você quer.',
  RedoAlreadyDone: 'Essa foto já voltou a ser sua foto de perfil.',
  'RedoAlreadyDone.next': 'Digite "desfazer" se quiser desfazer de novo.',
  'undo.supersededOn':
    'Você definiu uma foto mais recente em {date}, então desfazer esta alteração anterior a perderia.',
  'undo.backToChange': 'Desfeito: a foto que você definiu em {date} está de volta.',
  'undo.backToOriginal':
    'Desfeito: a foto que você tinha antes da sua primeira alteração aqui está de volta.',
  'undo.backToNone':
    'Desfeito: agora você não tem foto de perfil, como antes da sua primeira alteração aqui.',
  'undo.nothingLeft': 'Não há mais nada para desfazer. Envie uma foto quando quiser uma nova.',
  'redo.action': 'Usar esta foto de novo',
  'redo.title': 'Esta foto voltou a ser sua foto de perfil',
  'photo.before': 'Antes',
  'photo.after': 'Depois',
  'photo.noPhoto': 'Sem foto',
  'photo.beforeAlt': 'Sua foto de perfil antes desta alteração',
  'app.name.short': 'Teams Photo',
  'app.name.full': 'Teams Photo: sua foto de perfil do Microsoft 365, pelo Teams',
  'app.description.short': 'Envie uma foto no chat e ela vira sua foto de perfil.',
  'app.description.full':
    'Envie uma imagem ao Teams Photo em um chat pessoal e ela vira sua foto de perfil do Microsoft 365: na posição certa, recortada em quadrado ao seu redor, sem metadados e no tamanho certo para o Microsoft 365. Toda alteração pode ser desfeita: digite "desfazer" ou toque em Desfazer no cartão de resposta. São aceitas fotos JPEG, PNG, GIF, WebP e HEIC.',
  'app.command.help.description': 'Como usar o Teams Photo',
  'app.command.undo.description': 'Voltar à sua foto de perfil anterior',
  // Choosing a group or contact, and removing a photo (issue 15).
  GroupNotFound: 'Nenhum dos grupos dos quais você é proprietário se chama "{name}".',
  'GroupNotFound.next': 'Verifique o nome ou o endereço de email do grupo e tente de novo.',
  NotGroupOwner: 'Você não é proprietário de {name}, então não pode alterar a foto.',
  'NotGroupOwner.next':
    'Peça a um dos proprietários ou peça ao seu departamento de TI para tornar você proprietário.',
  ContactNotFound: 'Nenhum dos seus contatos do Outlook se chama "{name}".',
  'ContactNotFound.next': 'Verifique o nome ou o endereço de email do contato no Outlook e tente de novo.',
  NoPhotoToRemove: 'Não há foto para remover, então nada foi alterado.',
  'NoPhotoToRemove.next': 'Envie uma foto quando quiser definir uma.',
  NoRecentImage: 'Não tenho nenhuma imagem sua dos últimos minutos para usar.',
  'NoRecentImage.next': 'Envie a imagem de novo com "grupo" e o nome do grupo na mesma mensagem.',
  ChoiceExpired: 'Essa escolha expirou: a foto não está mais aguardando.',
  'ChoiceExpired.next': 'Envie a imagem de novo.',
  // Group and contact photos in chat (issue 15).
  'undo.other.restored': 'Desfeito: a foto de antes desta alteração está de volta.',
  'undo.other.removed': 'Desfeito: agora não há foto, como antes desta alteração.',
  'command.team': 'equipe',
  'command.removeGroupPhoto': 'remover foto do grupo',
  'group.youOwn': 'Grupos dos quais você é proprietário: {names}.',
  'group.ownNone':
    'Você não é proprietário de nenhum grupo do Microsoft 365, então não há foto de grupo que você possa alterar. Peça a um proprietário do grupo ou ao seu departamento de TI.',
  'group.whichOne':
    'Qual grupo? Envie a imagem com "grupo" e o nome do grupo, por exemplo "grupo Marketing".',
  'group.teamOnlyInChannel':
    'Escreva o nome do grupo depois de "grupo" (por exemplo "grupo Marketing"): só no canal de uma equipe "grupo" sozinho significa essa equipe.',
  'contact.whichOne':
    'Qual contato? Envie a imagem com "contato" e um nome, por exemplo "contato Ravi Kumar".',
  'contact.some': 'Alguns dos seus contatos: {names}.',
  'contact.none': 'Você ainda não tem contatos do Outlook.',
  'target.updated.group': 'A foto de {name} foi definida',
  'target.updated.contact': 'A foto do seu contato {name} foi definida',
  'target.updated.propagation':
    'Pode levar até 72\u00a0horas para aparecer em todo o Microsoft 365, e o Teams pode mostrar a foto antiga por até 3\u00a0dias.',
  'target.previewAlt': 'Prévia da foto de {name}',
  'target.beforeAlt': 'A foto de {name} antes desta alteração',
  'pick.group.title': 'Qual grupo você quis dizer?',
  'pick.group.text':
    'Vários grupos dos quais você é proprietário correspondem a "{name}". Escolha um para definir a foto dele:',
  'pick.contact.title': 'Qual contato você quis dizer?',
  'pick.contact.text':
    'Vários dos seus contatos correspondem a "{name}". Escolha um para definir a foto dele:',
  'pick.cancel': 'Cancelar',
  'pick.cancelled': 'Cancelado: nada foi alterado.',
  'pick.inFolder': '{name} (em {folder})',
  'remove.confirm.own': 'Remover sua foto de perfil?',
  'remove.confirm.group': 'Remover a foto de {name}?',
  'remove.confirm.text': 'Antes eu guardo uma cópia, então você pode desfazer isso.',
  'remove.confirm.button': 'Remover',
  'remove.done.own': 'Sua foto de perfil foi removida',
  'remove.done.group': 'A foto de {name} foi removida',
  'remove.whichOne': 'Digite "remover minha foto", ou "remover foto do grupo" e o nome do grupo.',
  'channel.imageNeedsCommand':
    'Em uma equipe ou chat em grupo, só altero a foto de um grupo: mencione-me com "grupo" (esta equipe) ou "grupo <nome>". Para alterar sua própria foto, envie-a para mim no nosso chat pessoal.',
  'help.group':
    'Envie uma foto com "grupo" e o nome de um grupo para definir a foto de um grupo do qual você é proprietário; no canal de uma equipe, mencione-me com "grupo" para definir a foto dessa equipe.',
  'help.contact':
    'Envie uma foto com "contato" e um nome para definir a foto de um dos seus contatos do Outlook.',
  'help.remove':
    'Digite "remover minha foto" (ou "remover foto do grupo" e um nome) para remover uma foto; você pode desfazer isso.',
  // The messaging extension (issue 15).
  'extension.dialog.title': 'Definir como foto do grupo',
  'extension.dialog.text': 'Escolha o grupo cuja foto será esta imagem.',
  'extension.dialog.group': 'Grupo',
  'extension.dialog.groupPick': 'Escolha um grupo',
  'extension.dialog.groupSearch': 'Digite o nome de um grupo',
  'extension.dialog.groupRequired': 'Escolha um dos grupos dos quais você é proprietário.',
  'extension.dialog.set': 'Definir foto',
  'extension.dialog.previewAlt': 'Prévia da nova foto do grupo',
  'extension.noImage':
    'Não encontrei nenhuma imagem nessa mensagem. Use "Definir como foto do grupo" em uma mensagem com uma imagem ou um arquivo de imagem.',
  'extension.imageNotReadable':
    'Não consegui abrir a imagem dessa mensagem: ela pode ter sido removida, ou você pode não ter acesso a ela.',
  'extension.done': 'A foto de {name} foi definida.',
  'extension.group.photoAlt': 'A foto de {name}',
  'extension.group.change': 'Alterar foto',
  'extension.group.current': 'Foto atual',
  'extension.group.recent': 'A última imagem que você enviou',
  'extension.group.set': 'Definir como foto',
  'extension.group.sendFirst':
    'Para alterá-la, envie-me a imagem no nosso chat com "grupo {name}", ou use "Definir como foto do grupo" em uma mensagem com a imagem.',
  'extension.signIn.text':
    'Entre uma vez para que eu possa ver os grupos dos quais você é proprietário e alterar as fotos deles.',
  // The app package's group, contact and messaging-extension strings (issue 15).
  'command.group': 'grupo',
  'command.contact': 'contato',
  'command.remove': 'remover minha foto',
  'app.command.group.description': 'Envie uma imagem com "grupo" e um nome para definir a foto de um grupo',
  'app.command.contact.description':
    'Envie uma imagem com "contato" e um nome para definir a foto de um contato',
  'app.command.remove.description': 'Remover sua foto ou a de um grupo: "remover minha foto"',
  'app.extension.setGroupPhoto.title': 'Definir como foto do grupo',
  'app.extension.setGroupPhoto.description':
    'Usar uma imagem desta mensagem como foto de um grupo do qual você é proprietário',
  'app.extension.groups.title': 'Grupos',
  'app.extension.groups.description': 'Encontrar um grupo do qual você é proprietário e alterar a foto dele',
  'app.extension.groups.parameter.title': 'Nome do grupo',
  'app.extension.groups.parameter.description':
    'O nome ou o endereço de email de um grupo do qual você é proprietário',
  // Added once the rest of issue 15 was translated.
  'help.openPage': 'Abrir a página Foto',
  'target.updated.contactNote':
    'Ela aparece nos seus contatos do Outlook e onde o Teams e o Outlook mostrarem este contato; só você a vê.',
  // The Teams page (issue 16).
  'tab.name': 'Foto',
  'tab.heading': 'Foto do perfil',
  'tab.intro':
    'Escolha de quem é a foto que você quer mudar e uma imagem, mova e amplie o quadrado e depois defina a foto.',
  'tab.target.label': 'Foto de',
  'tab.target.me': 'Minha foto',
  'tab.target.meNamed': 'Minha foto ({name})',
  'tab.target.groups': 'Grupos dos quais você é proprietário',
  'tab.target.contacts': 'Seus contatos',
  'tab.current.label': 'A foto atual',
  'tab.current.none': 'Ainda sem foto',
  'tab.file.choose': 'Escolher uma imagem',
  'tab.file.drop': 'ou solte uma aqui',
  'tab.file.formats': 'JPEG, PNG, GIF, WebP ou HEIC, até 25\u00a0MB.',
  'tab.crop.label': 'O quadrado que será usado',
  'tab.crop.help':
    'Arraste para mover o quadrado; use dois dedos, a roda do mouse ou os botões para ampliar.',
  'tab.crop.box': 'O quadrado na imagem (x, y, largura, altura, em pixels):',
  'tab.zoomIn': 'Ampliar',
  'tab.zoomOut': 'Reduzir',
  'tab.result.label': 'Como vai ficar',
  'tab.set': 'Definir foto',
  'tab.undo': 'Desfazer',
  'tab.status.signingIn': 'Entrando…',
  'tab.status.chooseFile': 'Escolha uma imagem ou solte uma na caixa acima.',
  'tab.status.reading': 'Lendo a imagem…',
  'tab.status.adjust': 'Mova e amplie o quadrado e depois escolha Definir foto.',
  'tab.status.cannotDraw':
    'Este navegador não consegue mostrar esta imagem (uma foto HEIC, por exemplo), então o quadrado automático dela é mostrado em números. Você ainda pode defini-la.',
  'tab.status.setting': 'Definindo a foto…',
  'tab.status.undoing': 'Desfazendo a alteração…',
  'tab.status.openInTeams': 'Abra esta página pela guia Foto do Teams Photo no Microsoft Teams.',
  'tab.status.signInFailed':
    'O Teams não conseguiu conectar você ao Teams Photo. Feche a guia e abra-a novamente.',
  'tab.status.offline': 'O servidor não respondeu. Verifique sua conexão e tente novamente.',
  // Administradores (issue 17): o cartão de administração, `definir <pessoa>` com uma imagem, importações de um zip.
  'command.admin': 'admin',
  'command.set': 'definir',
  'app.command.admin.description': 'Administradores: defina fotos de outras pessoas, uma a uma ou de um zip',
  'admin.card.title': 'Definir fotos de outras pessoas',
  'admin.card.intro':
    'Como administrador, você pode definir a foto de perfil de qualquer pessoa. Faço isso com a identidade própria do aplicativo e registro cada alteração no log de auditoria.',
  'admin.card.pickLabel': 'De quem é a foto',
  'admin.card.pickPlaceholder': 'Digite um nome ou email',
  'admin.card.pickError': 'Escolha uma pessoa primeiro.',
  'admin.card.sendNow': 'Enviar a foto agora',
  'admin.card.setHint':
    'Ou envie uma imagem com "{word}" e o nome principal de usuário ou o email da pessoa, por exemplo "{word} {example}".',
  'admin.card.zipHint':
    'Para muitas pessoas de uma vez, envie um .zip de fotos, cada uma com o nome principal de usuário, o email, o apelido de email ou a matrícula da pessoa (ou com um mapping.csv de arquivo e usuário). Respondo com um plano para você conferir antes que algo mude.',
  'admin.waiting.title': 'Envie agora a foto de {name}',
  'admin.waiting.text':
    'A próxima imagem que você enviar neste chat em até {time} será a foto de perfil dessa pessoa.',
  'admin.updated.title': 'A foto de {name} foi definida',
  'admin.updated.note':
    'Definida com a identidade própria do aplicativo e registrada no log de auditoria. Pode levar até 72\u00a0horas para aparecer em todos os lugares.',
  'admin.plan.title': 'Plano de importação de {file}',
  'admin.plan.matched': 'Fotos que correspondem a uma pessoa',
  'admin.plan.unmatched': 'Arquivos que não correspondem a ninguém',
  'admin.plan.ambiguous':
    'Arquivos que correspondem a várias pessoas, ou a uma pessoa à qual outro arquivo também corresponde',
  'admin.plan.unreadable':
    'Arquivos que não posso usar (não são imagens, ilegíveis, nome inseguro ou zip dentro do zip)',
  'admin.plan.more': 'e mais {count}',
  'admin.plan.text':
    'Nada mudou ainda. Iniciar define as fotos encontradas (cada foto antiga é copiada antes); este plano aguarda {time}.',
  'admin.plan.start': 'Iniciar',
  'admin.plan.cancel': 'Cancelar',
  'admin.plan.cancelled': 'A importação de {file} foi cancelada. Nada foi alterado.',
  'admin.plan.started': 'A importação de {file} começou. O progresso está no cartão abaixo.',
  'admin.progress.title': 'Importando fotos de {file}',
  'admin.progress.undoTitle': 'Restaurando as fotos que a importação de {file} alterou',
  'admin.progress.done': 'Concluídas',
  'admin.progress.failed': 'Com falha',
  'admin.progress.left': 'Tempo restante',
  'admin.progress.waiting': 'Aguardando a vez…',
  'admin.progress.count': '{done} de {total}',
  'admin.report.title': 'A importação de {file} terminou',
  'admin.report.set': 'Fotos definidas',
  'admin.report.skipped': 'Arquivos ignorados',
  'admin.report.cancelledTitle': 'A importação de {file} foi cancelada',
  'admin.report.undoneTitle': 'A importação de {file} foi desfeita',
  'admin.report.undone': 'Fotos restauradas ou removidas',
  'admin.report.download': 'Baixar relatório',
  'admin.report.open': 'Abrir o relatório',
  'admin.personalOnly':
    'Tarefas de administração só acontecem no seu chat pessoal comigo, para que ninguém mais veja as pessoas e fotos envolvidas. Abra um chat com o Teams Photo e envie admin lá.',
  'admin.report.linkNote':
    'O link do relatório foi feito para você e funciona por {time}: não o encaminhe (ele cita todas as pessoas da importação).',
  'admin.report.undo': 'Desfazer esta importação',
  'admin.undo.started': 'Restaurando as fotos da importação de {file}. O progresso está no cartão abaixo.',
  ...qualityTexts.ptBR,
  ...policyTexts.ptBR,
  ...approvalTexts.ptBR,
  ...privacyTexts.ptBR,
};
