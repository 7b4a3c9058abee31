/**
 * Russian (`ru`). Polite "вы" (lowercase, as in Microsoft's Russian UI). The bot never speaks of itself in the
 * past tense, which in Russian would give it a grammatical gender, and counts are put in brackets so no plural
 * form has to agree with them.
 */
import type { Catalog } from './catalog-en.js';
import { qualityTexts } from './sections/quality.js';
import { policyTexts } from './sections/policy.js';
import { approvalTexts } from './sections/approval.js';
import { privacyTexts } from './sections/privacy.js';

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
  EmulatorUnreachable: 'Локальный эмулятор Graph не запущен.',
  'EmulatorUnreachable.next':
    'Запустите его командой profile-photo emulator или npm start либо укажите его порт в GRAPH_EMULATOR_PORT.',
  PlaygroundUnreachable: 'Microsoft 365 Agents Playground не отвечает.',
  'PlaygroundUnreachable.next':
    'Запустите его командой npm run dev или укажите в --playground-url адрес, который он вывел.',
  DataDirNotWritable: 'Не удаётся создать папку данных (DATA_DIR) или записать в неё.',
  'DataDirNotWritable.next': 'Укажите в DATA_DIR папку, в которую этот пользователь может писать.',
  ConfigInvalid: 'Конфигурация недействительна.',
  'ConfigInvalid.next': 'Исправьте перечисленные переменные и запустите снова (все они описаны в README).',
  InvalidRequest: 'Этот запрос не удалось разобрать.',
  'InvalidRequest.next': 'Перезагрузите страницу и попробуйте ещё раз.',
  NotAdmin: 'Задавать фото других людей могут только администраторы Teams Photo, а вы не администратор.',
  'NotAdmin.next':
    'Если нужно сменить фото коллеги, обратитесь в ИТ-службу; чтобы сменить своё, просто пришлите мне изображение.',
  TenantNotAllowed: 'Это приложение не выполняет действия администраторов вашей организации.',
  'TenantNotAllowed.next':
    'Попросите тех, кто обслуживает Teams Photo, добавить ваш клиент, или используйте копию, установленную в вашей организации.',
  AppIdentityMissing:
    'У приложения не настроено собственное удостоверение, поэтому оно не может менять фото других людей.',
  'AppIdentityMissing.next':
    'Попросите того, кто развернул Teams Photo, настроить учётные данные приложения (GRAPH_APP_CREDENTIAL) с разрешением User.ReadWrite.All.',
  PersonNotFound:
    'В каталоге не нашлось никого с таким именем, адресом почты или именем участника-пользователя.',
  'PersonNotFound.next':
    'Проверьте написание: подойдёт имя участника-пользователя, адрес почты или идентификатор объекта.',
  ZipTooLarge: 'Этот zip больше допустимого для импорта размера.',
  'ZipTooLarge.next': 'Разделите фото на несколько zip поменьше и отправьте их по очереди.',
  ZipTooManyEntries: 'В этом zip больше файлов, чем допускает один импорт.',
  'ZipTooManyEntries.next': 'Разделите фото на несколько zip с меньшим числом файлов.',
  ZipTooMuchData:
    'Этот zip распаковывается в больший объём данных, чем допускает импорт, или сделан так, чтобы разрастись намного больше своего размера (zip-бомба).',
  'ZipTooMuchData.next': 'Отправьте zip только с самими фото или разделите его на несколько поменьше.',
  ZipUnreadable: 'Не удалось прочитать этот zip: он повреждён или это не zip-файл.',
  'ZipUnreadable.next': 'Создайте zip заново (например, командой «Сжать» вашей системы) и отправьте ещё раз.',
  NothingToImport: 'В этом импорте нет фото, которые я могу использовать.',
  'NothingToImport.next':
    'Назовите каждое фото по имени участника-пользователя, почте, псевдониму или табельному номеру человека, или добавьте mapping.csv со столбцами file и user.',
  JobNotFound: 'Не удалось найти это массовое задание.',
  'JobNotFound.next':
    'Используйте кнопки на карточке задания, которое вы запустили сами; в командной строке profile-photo jobs показывает все задания.',
  JobNotStartable: 'Это массовое задание уже запущено или отменено, поэтому запустить его снова нельзя.',
  'JobNotStartable.next':
    'Посмотрите его карточку хода выполнения или отправьте zip ещё раз для нового задания.',
  JobInProgress: 'Это массовое задание ещё выполняется.',
  'JobInProgress.next': 'Дождитесь его завершения и попробуйте снова.',
  AdminChoiceExpired: 'Этот выбор больше недоступен.',
  'AdminChoiceExpired.next': 'Отправьте admin, чтобы открыть новую карточку администратора.',
  ReportLinkExpired: 'Срок действия этой ссылки на отчёт истёк, или она не ваша.',
  'ReportLinkExpired.next': 'Нажмите «Скачать отчёт» на карточке задания, чтобы получить новую ссылку.',

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
  GroupNotFound: 'Среди групп, которыми вы владеете, нет группы «{name}».',
  'GroupNotFound.next': 'Проверьте название или адрес электронной почты группы и попробуйте ещё раз.',
  NotGroupOwner: 'Вы не владелец группы {name}, поэтому изменить её фото нельзя.',
  'NotGroupOwner.next':
    'Обратитесь к одному из её владельцев или попросите ИТ-отдел назначить вас владельцем.',
  ContactNotFound: 'Среди ваших контактов Outlook нет контакта «{name}».',
  'ContactNotFound.next':
    'Проверьте имя или адрес электронной почты контакта в Outlook и попробуйте ещё раз.',
  NoPhotoToRemove: 'Фото нет, удалять нечего, поэтому ничего не изменено.',
  'NoPhotoToRemove.next': 'Отправьте мне фото, когда захотите его установить.',
  NoRecentImage: 'За последние несколько минут от вас не приходило изображения, которое можно использовать.',
  'NoRecentImage.next':
    'Отправьте изображение ещё раз, указав в том же сообщении «группа» и название группы.',
  ChoiceExpired: 'Время выбора истекло: фото больше не ждёт.',
  'ChoiceExpired.next': 'Отправьте изображение ещё раз.',
  // Group and contact photos in chat (issue 15).
  'undo.other.restored': 'Отменено: снова стоит фото, которое было до этого изменения.',
  'undo.other.removed': 'Отменено: теперь фото нет, как до этого изменения.',
  'command.team': 'команда',
  'command.removeGroupPhoto': 'удалить фото группы',
  'group.youOwn': 'Группы, которыми вы владеете: {names}.',
  'group.ownNone':
    'Вы не владеете ни одной группой Microsoft 365, поэтому изменить фото группы нельзя. Обратитесь к владельцу группы или в ИТ-отдел.',
  'group.whichOne':
    'Какая группа? Отправьте изображение со словом «группа» и названием группы, например «группа Маркетинг».',
  'group.teamOnlyInChannel':
    'Укажите название группы после слова «группа» (например, «группа Маркетинг»): только в канале команды слово «группа» без названия означает эту команду.',
  'contact.whichOne':
    'Какой контакт? Отправьте изображение со словом «контакт» и именем, например «контакт Анна Смирнова».',
  'contact.some': 'Некоторые из ваших контактов: {names}.',
  'contact.none': 'У вас пока нет контактов Outlook.',
  'target.updated.group': 'Фото группы {name} установлено',
  'target.updated.contact': 'Фото вашего контакта {name} установлено',
  'target.updated.propagation':
    'Может пройти до 72\u00a0часов, пока оно появится везде в Microsoft 365, а Teams может показывать старое фото до 3\u00a0дней.',
  'target.previewAlt': 'Предпросмотр фото: {name}',
  'target.beforeAlt': 'Фото до этого изменения: {name}',
  'pick.group.title': 'Какую группу вы имели в виду?',
  'pick.group.text':
    'Запросу «{name}» соответствует несколько групп, которыми вы владеете. Выберите одну, чтобы установить её фото:',
  'pick.contact.title': 'Какой контакт вы имели в виду?',
  'pick.contact.text':
    'Запросу «{name}» соответствует несколько ваших контактов. Выберите один, чтобы установить его фото:',
  'pick.cancel': 'Отмена',
  'pick.cancelled': 'Отменено: ничего не изменено.',
  'pick.inFolder': '{name} (в папке {folder})',
  'remove.confirm.own': 'Удалить ваше фото профиля?',
  'remove.confirm.group': 'Удалить фото группы {name}?',
  'remove.confirm.text': 'Сначала будет сохранена копия, так что это можно будет отменить.',
  'remove.confirm.button': 'Удалить',
  'remove.done.own': 'Ваше фото профиля удалено',
  'remove.done.group': 'Фото группы {name} удалено',
  'remove.whichOne': 'Напишите «удалить фото профиля» или «удалить фото группы» и название группы.',
  'channel.imageNeedsCommand':
    'В команде или групповом чате я меняю только фото группы: упомяните меня со словом «группа» (эта команда) или «группа <название>». Чтобы изменить своё фото, отправьте его мне в личном чате.',
  'help.group':
    'Отправьте фото со словом «группа» и названием группы, чтобы установить фото группы, которой вы владеете; в канале команды упомяните меня со словом «группа», чтобы установить фото этой команды.',
  'help.contact':
    'Отправьте фото со словом «контакт» и именем, чтобы установить фото одного из ваших контактов Outlook.',
  'help.remove':
    'Напишите «удалить фото профиля» (или «удалить фото группы» и название), чтобы удалить фото; это можно отменить.',
  // The messaging extension (issue 15).
  'extension.dialog.title': 'Сделать фото группы',
  'extension.dialog.text': 'Выберите группу, фотографией которой станет это изображение.',
  'extension.dialog.group': 'Группа',
  'extension.dialog.groupPick': 'Выберите группу',
  'extension.dialog.groupSearch': 'Введите название группы',
  'extension.dialog.groupRequired': 'Выберите одну из групп, владельцем которых вы являетесь.',
  'extension.dialog.set': 'Установить фото',
  'extension.dialog.previewAlt': 'Предпросмотр нового фото группы',
  'extension.noImage':
    'В этом сообщении нет изображения. Используйте «Сделать фото группы» для сообщения с картинкой или файлом изображения.',
  'extension.imageNotReadable':
    'Не удалось открыть изображение в этом сообщении: возможно, его удалили или у вас нет к нему доступа.',
  'extension.done': 'Фото группы {name} установлено.',
  'extension.group.photoAlt': 'Фото: {name}',
  'extension.group.change': 'Изменить фото',
  'extension.group.current': 'Текущее фото',
  'extension.group.recent': 'Последнее отправленное вами изображение',
  'extension.group.set': 'Сделать её фото',
  'extension.group.sendFirst':
    'Чтобы изменить его, отправьте мне изображение в нашем чате с текстом «группа {name}» или используйте «Сделать фото группы» для сообщения с изображением.',
  'extension.signIn.text':
    'Войдите один раз, чтобы я мог видеть группы, которыми вы владеете, и менять их фото.',
  // The app package's group, contact and messaging-extension strings (issue 15).
  'command.group': 'группа',
  'command.contact': 'контакт',
  'command.remove': 'удалить фото профиля',
  'app.command.group.description':
    'Отправьте изображение со словом «группа» и названием, чтобы установить фото группы',
  'app.command.contact.description':
    'Отправьте изображение со словом «контакт» и именем, чтобы установить фото контакта',
  'app.command.remove.description': 'Удалить ваше фото или фото группы: «удалить фото профиля»',
  'app.extension.setGroupPhoto.title': 'Сделать фото группы',
  'app.extension.setGroupPhoto.description':
    'Сделать изображение из этого сообщения фото группы, которой вы владеете',
  'app.extension.groups.title': 'Группы',
  'app.extension.groups.description': 'Найти группу, которой вы владеете, и изменить её фото',
  'app.extension.groups.parameter.title': 'Название группы',
  'app.extension.groups.parameter.description':
    'Название или адрес электронной почты группы, которой вы владеете',
  // Added once the rest of issue 15 was translated.
  'help.openPage': 'Открыть страницу «Фото»',
  'target.updated.contactNote':
    'Оно видно в ваших контактах Outlook и везде, где Teams и Outlook показывают этот контакт; видите его только вы.',
  // The Teams page (issue 16).
  'tab.name': 'Фото',
  'tab.heading': 'Фото профиля',
  'tab.intro':
    'Выберите, чьё фото изменить, и изображение, передвиньте и масштабируйте квадрат, а затем установите фото.',
  'tab.target.label': 'Чьё фото',
  'tab.target.me': 'Моё фото',
  'tab.target.meNamed': 'Моё фото ({name})',
  'tab.target.groups': 'Группы, которыми вы владеете',
  'tab.target.contacts': 'Ваши контакты',
  'tab.current.label': 'Текущее фото',
  'tab.current.none': 'Фото пока нет',
  'tab.file.choose': 'Выбрать изображение',
  'tab.file.drop': 'или перетащите его сюда',
  'tab.file.formats': 'JPEG, PNG, GIF, WebP или HEIC, до 25\u00a0МБ.',
  'tab.crop.label': 'Используемый квадрат',
  'tab.crop.help':
    'Перетаскивайте, чтобы передвинуть квадрат; масштабируйте двумя пальцами, колесиком мыши или кнопками.',
  'tab.crop.box': 'Квадрат на изображении (x, y, ширина, высота, в пикселях):',
  'tab.zoomIn': 'Увеличить',
  'tab.zoomOut': 'Уменьшить',
  'tab.result.label': 'Как это будет выглядеть',
  'tab.set': 'Установить фото',
  'tab.undo': 'Отменить',
  'tab.status.signingIn': 'Выполняется вход…',
  'tab.status.chooseFile': 'Выберите изображение или перетащите его в поле выше.',
  'tab.status.reading': 'Читаю изображение…',
  'tab.status.adjust': 'Передвиньте и масштабируйте квадрат, а затем нажмите «Установить фото».',
  'tab.status.cannotDraw':
    'Этот браузер не может показать это изображение (например, фото HEIC), поэтому его автоматический квадрат указан числами. Установить его всё равно можно.',
  'tab.status.setting': 'Устанавливаю фото…',
  'tab.status.undoing': 'Отменяю изменение…',
  'tab.status.openInTeams':
    'Откройте эту страницу на вкладке «Фото» приложения Teams Photo в Microsoft Teams.',
  'tab.status.signInFailed':
    'Teams не удалось выполнить вход в Teams Photo. Закройте вкладку и откройте её снова.',
  'tab.status.offline': 'Сервер не ответил. Проверьте подключение и повторите попытку.',
  // Администраторы (issue 17): карточка администратора, `установить <человек>` с изображением, импорт из zip.
  'command.admin': 'админ',
  'command.set': 'установить',
  'app.command.admin.description': 'Для администраторов: фото других людей по одному или из zip-архива',
  'admin.card.title': 'Фото других людей',
  'admin.card.intro':
    'Как администратор вы можете задать фото профиля любого человека. Я делаю это от имени самого приложения и записываю каждое изменение в журнал аудита.',
  'admin.card.pickLabel': 'Чьё фото',
  'admin.card.pickPlaceholder': 'Введите имя или почту',
  'admin.card.pickError': 'Сначала выберите человека.',
  'admin.card.sendNow': 'Отправить фото сейчас',
  'admin.card.setHint':
    'Или отправьте изображение с текстом «{word}» и именем участника-пользователя или почтой человека, например «{word} {example}».',
  'admin.card.zipHint':
    'Чтобы задать фото многим сразу, отправьте zip-архив с фотографиями, названными по имени участника-пользователя, почте, псевдониму почты или табельному номеру каждого (или с файлом mapping.csv: файл и пользователь). Я отвечу планом, который можно проверить, пока ничего не изменилось.',
  'admin.waiting.title': 'Отправьте фото для {name} сейчас',
  'admin.waiting.text':
    'Жду следующее изображение в этом чате (срок — {time}): оно станет фото профиля этого человека.',
  'admin.updated.title': 'Фото {name} задано',
  'admin.updated.note':
    'Задано от имени самого приложения и записано в журнал аудита. Новое фото может появиться везде только через 72\u00a0часа.',
  'admin.plan.title': 'План импорта: {file}',
  'admin.plan.matched': 'Фото, для которых найден человек',
  'admin.plan.unmatched': 'Файлы, для которых никто не найден',
  'admin.plan.ambiguous':
    'Файлы, которым подходят несколько человек, или человек, которому подходит и другой файл',
  'admin.plan.unreadable':
    'Файлы, которые нельзя использовать (не изображение, не читаются, небезопасное имя или вложенный zip)',
  'admin.plan.more': 'и ещё {count}',
  'admin.plan.text':
    'Пока ничего не изменилось. «Начать» задаст найденные фото (каждое старое фото сначала сохраняется); срок действия плана — {time}.',
  'admin.plan.start': 'Начать',
  'admin.plan.cancel': 'Отмена',
  'admin.plan.cancelled': 'Импорт {file} отменён. Ничего не изменилось.',
  'admin.plan.started': 'Импорт {file} начался. Ход выполнения — в карточке ниже.',
  'admin.progress.title': 'Импорт фото из {file}',
  'admin.progress.undoTitle': 'Возвращаю фото, изменённые импортом {file}',
  'admin.progress.done': 'Готово',
  'admin.progress.failed': 'Ошибки',
  'admin.progress.left': 'Осталось времени',
  'admin.progress.waiting': 'Ожидает своей очереди…',
  'admin.progress.count': '{done} из {total}',
  'admin.report.title': 'Импорт {file} завершён',
  'admin.report.set': 'Задано фото',
  'admin.report.skipped': 'Пропущено файлов',
  'admin.report.cancelledTitle': 'Импорт {file} отменён',
  'admin.report.undoneTitle': 'Импорт {file} отменён, фото возвращены',
  'admin.report.undone': 'Возвращено или удалено фото',
  'admin.report.download': 'Скачать отчёт',
  'admin.report.open': 'Открыть отчёт',
  'admin.personalOnly':
    'Задачи администратора я выполняю только в вашем личном чате со мной, чтобы никто другой не видел затронутых людей и фото. Откройте чат с Teams Photo и отправьте там admin.',
  'admin.report.linkNote':
    'Ссылка на отчёт создана для вас и действует {time}: не пересылайте её (в отчёте перечислены все люди из импорта).',
  'admin.report.undo': 'Отменить этот импорт',
  'admin.undo.started': 'Возвращаю фото импорта {file}. Ход выполнения — в карточке ниже.',
  ...qualityTexts.ru,
  ...policyTexts.ru,
  ...approvalTexts.ru,
  ...privacyTexts.ru,
};
