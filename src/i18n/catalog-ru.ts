/**
 * Russian (`ru`). Polite "вы" (lowercase, as in Microsoft's Russian UI). The bot never speaks of itself in the
 * past tense, which in Russian would give it a grammatical gender, and counts are put in brackets so no plural
 * form has to agree with them.
 */
import type { Catalog } from './catalog-en.js';

/** Russian text for every key. */
export const ru: Catalog = {
  // Error codes (src/errors.ts): what happened, then `<code>.next`, what the person can do about it.
  ImageTooLarge: 'Этот файл слишком большой для фото профиля.',
  'ImageTooLarge.next': 'Отправьте копию поменьше, не больше 25\u00a0МБ.',
  UnsupportedImage: 'Этот файл не подходит.',
  'UnsupportedImage.next': 'Отправьте фото в формате JPEG, PNG, GIF, WebP или HEIC.',
  ImageDimensionsTooLarge:
    'У этого изображения слишком большое разрешение (не более 50\u00a0мегапикселей и 20000\u00a0пикселей по каждой стороне).',
  'ImageDimensionsTooLarge.next':
    'Отправьте копию поменьше, например снимок экрана или экспорт с меньшим разрешением.',
  ImageTooSmall: 'Это изображение слишком маленькое для фото профиля.',
  'ImageTooSmall.next': 'Отправьте изображение не меньше 96\u00a0пикселей по каждой стороне.',
  CorruptImage: 'Изображение повреждено или загружено не полностью, поэтому его не удалось прочитать.',
  'CorruptImage.next': 'Попробуйте другую копию.',
  ImageProcessingTimeout: 'Подготовка изображения заняла слишком много времени.',
  'ImageProcessingTimeout.next': 'Попробуйте ещё раз или отправьте изображение поменьше.',
  ServerBusy: 'Сейчас идёт подготовка других фото.',
  'ServerBusy.next': 'Попробуйте ещё раз через минуту.',
  InvalidCropBox: 'Область обрезки должна быть квадратом внутри изображения.',
  'InvalidCropBox.next':
    'Укажите её как x,y,w,h с w, равным h, или уберите --crop — тогда область будет выбрана автоматически.',
  GraphUnauthorized: 'Microsoft 365 не принимает вход от вашего имени.',
  'GraphUnauthorized.next': 'Войдите ещё раз и отправьте фото снова.',
  GraphForbidden: 'У вас нет прав на изменение этого фото.',
  'GraphForbidden.next': 'Попросите его владельца или ИТ-отдел изменить его.',
  GraphNotFound: 'Не удалось найти этого человека, группу или контакт в вашей организации.',
  'GraphNotFound.next': 'Проверьте имя и попробуйте ещё раз.',
  GraphPhotoTooLarge: 'Microsoft 365 отклоняет фото: слишком большой размер.',
  'GraphPhotoTooLarge.next': 'Отправьте изображение поменьше; если это повторится, сообщите в ИТ-отдел.',
  GraphThrottled: 'Microsoft 365 просит снизить частоту запросов.',
  'GraphThrottled.next': 'Попробуйте ещё раз через несколько минут.',
  GraphUnavailable: 'Microsoft 365 сейчас не отвечает.',
  'GraphUnavailable.next': 'Попробуйте ещё раз через несколько минут.',
  GraphMailboxUnsupported:
    'У вашей учётной записи нет почтового ящика Exchange Online, поэтому Microsoft 365 не даёт изменить ваше фото.',
  'GraphMailboxUnsupported.next': 'Попросите ИТ-отдел изменить его за вас.',
  GraphPolicyBlocked: 'В вашей организации нельзя самостоятельно менять фото профиля.',
  'GraphPolicyBlocked.next': 'Попросите ИТ-отдел изменить его за вас.',
  GraphBadRequest: 'Microsoft 365 не принимает это фото.',
  'GraphBadRequest.next': 'Попробуйте другое изображение.',
  SignInRequired: 'Чтобы изменить ваше фото, нужно сначала войти в систему.',
  'SignInRequired.next': 'Отправьте фото ещё раз и нажмите «Войти», когда появится запрос.',
  ConsentRequired: 'Чтобы изменять фото, Teams Photo нужно ваше согласие (или согласие администратора).',
  'ConsentRequired.next': 'Войдите ещё раз и дайте согласие или попросите ИТ-отдел одобрить Teams Photo.',
  UnknownUser: 'Такой пользователь мне неизвестен.',
  'UnknownUser.next':
    'Укажите одного из пользователей со страницы эмулятора или добавьте его в directory.json эмулятора.',
  UndoNotFound: 'Это изменение больше не найдено, поэтому отменять нечего.',
  'UndoNotFound.next': 'Чтобы вернуть прежнее фото, отправьте его мне ещё раз.',
  UndoSuperseded:
    'С тех пор фото уже изменили ещё раз, и отмена этого более раннего изменения удалит более позднее.',
  'UndoSuperseded.next': 'Сначала отмените более позднее изменение или отправьте мне нужное фото.',
  NoImageFound: 'В этом сообщении нет изображения.',
  'NoImageFound.next': 'Вставьте или прикрепите фото (JPEG, PNG, GIF, WebP или HEIC) и отправьте ещё раз.',
  FileNotAnImage: 'Файл {name} — не фотография.',
  'FileNotAnImage.next': 'Отправьте вместо него фото в формате JPEG, PNG, GIF, WebP или HEIC.',
  AttachmentHostNotAllowed: 'Я могу скачивать только изображения, отправленные в Teams.',
  'AttachmentHostNotAllowed.next': 'Вставьте или прикрепите фото в этом чате.',
  AttachmentDownloadFailed: 'Не удалось скачать это изображение.',
  'AttachmentDownloadFailed.next': 'Отправьте его ещё раз.',
  UnknownLocalUser: 'Вас нет в локальном каталоге, поэтому здесь я не могу изменить ваше фото.',
  'UnknownLocalUser.next': 'Попросите того, кто запустил этого бота, добавить вас в его каталог.',
  InputNotReadable: 'Не удалось прочитать входной файл.',
  'InputNotReadable.next': 'Проверьте путь и права на чтение файла.',
  OutputNotWritable: 'Не удалось записать выходной файл.',
  'OutputNotWritable.next': 'Проверьте, что папка существует и в неё разрешена запись.',
  PortInUse: 'Этот порт уже занят — возможно, другой копией бота или эмулятора.',
  'PortInUse.next':
    'Остановите эту программу или выберите другой порт с помощью PORT, GRAPH_EMULATOR_PORT или --port.',
  BotUnreachable: 'Бот не отвечает.',
  'BotUnreachable.next':
    'Запустите его командой npm start или укажите адрес его конечной точки сообщений в --bot.',
  PlaygroundUnreachable: 'Microsoft 365 Agents Playground не отвечает.',
  'PlaygroundUnreachable.next':
    'Запустите его командой npm run dev или укажите в --playground-url адрес, который он вывел.',
  DataDirNotWritable: 'Не удаётся создать папку данных (DATA_DIR) или записать в неё.',
  'DataDirNotWritable.next': 'Укажите в DATA_DIR папку, в которую этот пользователь может писать.',
  ConfigInvalid: 'Конфигурация недействительна.',
  'ConfigInvalid.next': 'Исправьте перечисленные переменные и запустите снова (все они описаны в README).',

  'welcome.title': 'Здравствуйте, {name}! Я — Teams Photo.',
  'welcome.titleNoName': 'Здравствуйте! Я — Teams Photo.',
  'welcome.body':
    'Отправьте мне фото в этом чате, и я сделаю его вашим фото профиля Microsoft 365: правильно повёрнутым, квадратным и с вами в центре.',
  'help.title': 'Как пользоваться Teams Photo',
  'help.sendPhoto': 'Отправьте фото в этот чат — оно станет вашим фото профиля.',
  'help.formats': 'Подойдут JPEG, PNG, GIF, WebP и HEIC размером до 25\u00a0МБ.',
  'help.undo': 'Напишите «отменить», чтобы вернуть прежнее фото.',
  'help.help': 'Напишите «помощь», чтобы снова увидеть эту подсказку.',
  'command.undo': 'отменить',
  'command.help': 'помощь',
  'photo.updated.title': 'Новое фото профиля установлено',
  'photo.updated.propagation':
    'Может пройти некоторое время (до 72\u00a0часов), прежде чем оно появится везде в Microsoft 365, а Teams может ещё какое-то время показывать старое.',
  'photo.updated.undo': 'Отменить',
  'photo.previewAlt': 'Предпросмотр фото профиля',
  'photo.severalImages':
    'Вы отправили {count, plural, one {#\u00a0изображение} few {#\u00a0изображения} many {#\u00a0изображений} other {#\u00a0изображения}}; использую первое.',
  'undo.restored': 'Готово: прежнее фото возвращено.',
  'undo.removed': 'Раньше у вас не было фото, поэтому новое удалено.',
  'undo.nothingToUndo': 'Пока нечего отменять.',
  'signin.title': 'Вход в Teams Photo',
  'signin.text':
    'Войдите один раз — тогда я смогу изменить ваше фото. Отправленное фото я сохраню и использую сразу после входа.',
  'signin.button': 'Войти',
  'signin.done': 'Спасибо, вход выполнен. Устанавливаю ваше фото.',
  'error.reference': 'Идентификатор для поддержки: {id}',
  'error.generic': 'Что-то пошло не так на моей стороне. Попробуйте ещё раз.',
  'local.unknownUser':
    'Добавьте себя в {file} (ваш id виден в терминале бота рядом с идентификатором ниже) и отправьте фото ещё раз: файл перечитывается при каждом изменении, перезапуск не нужен.',
  PhotoChangeInProgress: 'Это фото сейчас уже меняется.',
  'PhotoChangeInProgress.next': 'Попробуйте ещё раз через минуту.',
  ImageProcessingFailed:
    'Для подготовки этого изображения нужно больше памяти, чем я могу выделить на одно фото.',
  'ImageProcessingFailed.next':
    'Отправьте копию поменьше, например снимок экрана или JPEG с меньшим разрешением.',
  UnsupportedChannel: 'Я могу менять фото только по сообщениям, отправленным в Microsoft Teams.',
  'UnsupportedChannel.next': 'Отправьте мне фото в чате Teams.',
  UndoAlreadyUndone: 'Это изменение уже отменено.',
  'UndoAlreadyUndone.next':
    'Напишите «отменить», чтобы вернуться ещё на шаг назад, или отправьте мне нужное фото.',
  RedoAlreadyDone: 'Это фото уже снова стоит в профиле.',
  'RedoAlreadyDone.next': 'Напишите «отменить», если хотите снова отменить его.',
  'undo.supersededOn':
    'Вы поставили более новое фото {date}, поэтому отмена этого старого изменения его потеряет.',
  'undo.backToChange': 'Отменено: снова стоит фото, которое вы поставили {date}.',
  'undo.backToOriginal': 'Отменено: снова стоит фото, которое было у вас до первого изменения здесь.',
  'undo.backToNone': 'Отменено: теперь у вас нет фото профиля, как до первого изменения здесь.',
  'undo.nothingLeft': 'Больше нечего отменять. Отправьте мне фото, когда захотите новое.',
  'redo.action': 'Снова поставить это фото',
  'redo.title': 'Это фото снова стоит в вашем профиле',
  'photo.before': 'Было',
  'photo.after': 'Стало',
  'photo.noPhoto': 'Нет фото',
  'photo.beforeAlt': 'Фото профиля до этого изменения',
  'app.name.short': 'Teams Photo',
  'app.name.full': 'Teams Photo: фото профиля Microsoft 365 прямо из Teams',
  'app.description.short': 'Отправьте фото в чат — оно станет вашим фото профиля.',
  'app.description.full':
    'Отправьте изображение Teams Photo в личном чате — оно станет вашим фото профиля Microsoft 365: повёрнутым как надо, обрезанным до квадрата вокруг вас, без метаданных и нужного для Microsoft 365 размера. Любое изменение можно отменить: напишите «отменить» или нажмите «Отменить» на карточке ответа. Подходят фото JPEG, PNG, GIF, WebP и HEIC.',
  'app.command.help.description': 'Как пользоваться Teams Photo',
  'app.command.undo.description': 'Вернуть прежнее фото профиля',
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
  'target.updated.contactNote':
    'Оно видно в ваших контактах Outlook и везде, где Teams и Outlook показывают этот контакт; видите его только вы.',
};
