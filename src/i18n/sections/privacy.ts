/**
 * The privacy texts in every language (issue 18), kept apart from the main catalogs so each feature's texts live
 * together. Each catalog spreads its language's part; English is the source and defines the keys and placeholders.
 */
const en = {
  'help.myData': 'Type "{myData}" to see what I keep about you, or "{forgetMe}" to delete it.',
  ForgetConfirmationExpired: 'That confirmation has expired, was already used, or is not yours.',
  'ForgetConfirmationExpired.next': 'Send forget me to get a new one. Nothing was deleted.',
  'command.myData': 'my data',
  'command.forgetMe': 'forget me',
  'app.command.myData.description': 'What Teams Photo keeps about you, with dates',
  'app.command.forgetMe.description': 'Delete your photo backups, waiting photos and requests',
  'privacy.personalOnly':
    'Your data is shown and deleted only in your personal chat with me, so no one else sees it. Open a chat with Teams Photo and send {word} there.',
  'privacy.myData.title': 'What Teams Photo keeps about you',
  'privacy.kind.backups': 'Photo backups (for Undo)',
  'privacy.kind.audit': 'Audit log entries',
  'privacy.kind.pending': 'Photos and choices waiting',
  'privacy.kind.requests': 'Approval requests',
  'privacy.value.none': 'None',
  'privacy.value.range': '{count}: {first} to {last}',
  'privacy.value.single': '{count}: {first}',
  'privacy.value.until': '{count}: kept until {last} at the latest',
  'privacy.backups.note':
    'A backup is the photo a change replaced (yours, or one you changed), kept so Undo can put it back. Backups are deleted after {days}\u00a0days.',
  'privacy.audit.note':
    "Audit entries are the organisation's record of who changed which photo and when. They hold no image and stay when you ask me to forget you.",
  'privacy.audit.recent': 'Latest audit entries',
  'privacy.audit.line': '{when}: {action}',
  'privacy.audit.action.change': 'photo changed',
  'privacy.audit.action.refused': 'photo change not done ({code})',
  'privacy.audit.action.forgotten': 'data deleted on request',
  'privacy.myData.next': 'To delete your backups, waiting photos and requests, send {word}.',
  'privacy.forget.title': 'Delete your data?',
  'privacy.forget.intro':
    'I will delete what is listed here. Undo of your earlier changes will then no longer be possible; your profile photo itself stays as it is.',
  'privacy.forget.stays':
    "Your audit entries stay: they are the organisation's record of photo changes and hold no image.",
  'privacy.forget.confirm': 'Delete my data',
  'privacy.forget.expires': 'This button works for {minutes}\u00a0minutes; after that, send {word} again.',
  'privacy.forget.nothing':
    "I keep nothing about you that could be deleted: no backups, waiting photos or requests. Your audit entries, if any, stay as the organisation's record.",
  'privacy.forget.done.title': 'Your data is deleted',
  'privacy.forget.done.text':
    'Undo on older cards can no longer put a photo back. To change your photo again, just send me a picture.',
} as const;

type Texts = Record<keyof typeof en, string>;

const de: Texts = {
  'help.myData':
    'Geben Sie „{myData}“ ein, um zu sehen, was ich über Sie speichere, oder „{forgetMe}“, um es zu löschen.',
  ForgetConfirmationExpired:
    'Diese Bestätigung ist abgelaufen, wurde schon verwendet oder gehört nicht Ihnen.',
  'ForgetConfirmationExpired.next':
    'Senden Sie vergiss mich, um eine neue zu erhalten. Es wurde nichts gelöscht.',
  'command.myData': 'meine daten',
  'command.forgetMe': 'vergiss mich',
  'app.command.myData.description': 'Was Teams Photo über Sie speichert, mit Datum',
  'app.command.forgetMe.description': 'Ihre Foto-Sicherungen, wartenden Fotos und Anfragen löschen',
  'privacy.personalOnly':
    'Ihre Daten zeige und lösche ich nur in Ihrem persönlichen Chat mit mir, damit niemand sonst sie sieht. Öffnen Sie einen Chat mit Teams Photo und senden Sie dort {word}.',
  'privacy.myData.title': 'Was Teams Photo über Sie speichert',
  'privacy.kind.backups': 'Foto-Sicherungen (für Rückgängig)',
  'privacy.kind.audit': 'Einträge im Überwachungsprotokoll',
  'privacy.kind.pending': 'Wartende Fotos und Auswahlen',
  'privacy.kind.requests': 'Genehmigungsanfragen',
  'privacy.value.none': 'Keine',
  'privacy.value.range': '{count}: {first} bis {last}',
  'privacy.value.single': '{count}: {first}',
  'privacy.value.until': '{count}: gespeichert bis spätestens {last}',
  'privacy.backups.note':
    'Eine Sicherung ist das Foto, das eine Änderung ersetzt hat (Ihres oder eines, das Sie geändert haben), damit Rückgängig es zurückholen kann. Sicherungen werden nach {days}\u00a0Tagen gelöscht.',
  'privacy.audit.note':
    'Protokolleinträge sind der Nachweis der Organisation, wer welches Foto wann geändert hat. Sie enthalten kein Bild und bleiben erhalten, wenn Sie mich bitten, Sie zu vergessen.',
  'privacy.audit.recent': 'Neueste Protokolleinträge',
  'privacy.audit.line': '{when}: {action}',
  'privacy.audit.action.change': 'Foto geändert',
  'privacy.audit.action.refused': 'Fotoänderung nicht erfolgt ({code})',
  'privacy.audit.action.forgotten': 'Daten auf Wunsch gelöscht',
  'privacy.myData.next': 'Um Ihre Sicherungen, wartenden Fotos und Anfragen zu löschen, senden Sie {word}.',
  'privacy.forget.title': 'Ihre Daten löschen?',
  'privacy.forget.intro':
    'Ich lösche, was hier aufgeführt ist. Ihre früheren Änderungen lassen sich danach nicht mehr rückgängig machen; Ihr Profilbild selbst bleibt, wie es ist.',
  'privacy.forget.stays':
    'Ihre Protokolleinträge bleiben: Sie sind der Nachweis der Organisation über Fotoänderungen und enthalten kein Bild.',
  'privacy.forget.confirm': 'Meine Daten löschen',
  'privacy.forget.expires':
    'Diese Schaltfläche funktioniert {minutes}\u00a0Minuten lang; danach senden Sie erneut {word}.',
  'privacy.forget.nothing':
    'Ich speichere nichts über Sie, das gelöscht werden könnte: keine Sicherungen, wartenden Fotos oder Anfragen. Ihre Protokolleinträge, falls vorhanden, bleiben als Nachweis der Organisation.',
  'privacy.forget.done.title': 'Ihre Daten sind gelöscht',
  'privacy.forget.done.text':
    'Rückgängig auf älteren Karten kann kein Foto mehr zurückholen. Um Ihr Foto wieder zu ändern, senden Sie mir einfach ein Bild.',
};

const es: Texts = {
  'help.myData': 'Escribe "{myData}" para ver lo que guardo sobre ti, o "{forgetMe}" para borrarlo.',
  ForgetConfirmationExpired: 'Esa confirmación ha caducado, ya se usó o no es tuya.',
  'ForgetConfirmationExpired.next': 'Envía olvídame para obtener una nueva. No se ha borrado nada.',
  'command.myData': 'mis datos',
  'command.forgetMe': 'olvídame',
  'app.command.myData.description': 'Lo que Teams Photo guarda sobre ti, con fechas',
  'app.command.forgetMe.description': 'Borrar tus copias de fotos, fotos en espera y solicitudes',
  'privacy.personalOnly':
    'Tus datos solo se muestran y se borran en tu chat personal conmigo, para que nadie más los vea. Abre un chat con Teams Photo y envía {word} allí.',
  'privacy.myData.title': 'Lo que Teams Photo guarda sobre ti',
  'privacy.kind.backups': 'Copias de fotos (para Deshacer)',
  'privacy.kind.audit': 'Entradas del registro de auditoría',
  'privacy.kind.pending': 'Fotos y elecciones en espera',
  'privacy.kind.requests': 'Solicitudes de aprobación',
  'privacy.value.none': 'Ninguna',
  'privacy.value.range': '{count}: del {first} al {last}',
  'privacy.value.single': '{count}: {first}',
  'privacy.value.until': '{count}: se guardan como mucho hasta el {last}',
  'privacy.backups.note':
    'Una copia es la foto que un cambio sustituyó (la tuya o una que cambiaste), guardada para que Deshacer pueda recuperarla. Las copias se borran a los {days}\u00a0días.',
  'privacy.audit.note':
    'Las entradas de auditoría son el registro de la organización de quién cambió qué foto y cuándo. No contienen ninguna imagen y se quedan cuando me pides que te olvide.',
  'privacy.audit.recent': 'Últimas entradas de auditoría',
  'privacy.audit.line': '{when}: {action}',
  'privacy.audit.action.change': 'foto cambiada',
  'privacy.audit.action.refused': 'cambio de foto no realizado ({code})',
  'privacy.audit.action.forgotten': 'datos borrados a petición',
  'privacy.myData.next': 'Para borrar tus copias, fotos en espera y solicitudes, envía {word}.',
  'privacy.forget.title': '¿Borrar tus datos?',
  'privacy.forget.intro':
    'Borraré lo que aparece aquí. Después ya no se podrán deshacer tus cambios anteriores; tu foto de perfil se queda como está.',
  'privacy.forget.stays':
    'Tus entradas de auditoría se quedan: son el registro de la organización de los cambios de fotos y no contienen ninguna imagen.',
  'privacy.forget.confirm': 'Borrar mis datos',
  'privacy.forget.expires':
    'Este botón funciona durante {minutes}\u00a0minutos; después, envía {word} de nuevo.',
  'privacy.forget.nothing':
    'No guardo nada sobre ti que se pueda borrar: ni copias, ni fotos en espera, ni solicitudes. Tus entradas de auditoría, si las hay, se quedan como registro de la organización.',
  'privacy.forget.done.title': 'Tus datos se han borrado',
  'privacy.forget.done.text':
    'Deshacer en tarjetas anteriores ya no puede recuperar ninguna foto. Para cambiar tu foto otra vez, envíame una imagen.',
};

const ptBR: Texts = {
  'help.myData': 'Digite "{myData}" para ver o que guardo sobre você, ou "{forgetMe}" para apagar.',
  ForgetConfirmationExpired: 'Essa confirmação expirou, já foi usada ou não é sua.',
  'ForgetConfirmationExpired.next': 'Envie esqueça-me para receber uma nova. Nada foi excluído.',
  'command.myData': 'meus dados',
  'command.forgetMe': 'esqueça-me',
  'app.command.myData.description': 'O que o Teams Photo guarda sobre você, com datas',
  'app.command.forgetMe.description': 'Excluir seus backups de fotos, fotos em espera e solicitações',
  'privacy.personalOnly':
    'Seus dados só são mostrados e excluídos no seu chat pessoal comigo, para que ninguém mais os veja. Abra um chat com o Teams Photo e envie {word} lá.',
  'privacy.myData.title': 'O que o Teams Photo guarda sobre você',
  'privacy.kind.backups': 'Backups de fotos (para Desfazer)',
  'privacy.kind.audit': 'Entradas do log de auditoria',
  'privacy.kind.pending': 'Fotos e escolhas em espera',
  'privacy.kind.requests': 'Solicitações de aprovação',
  'privacy.value.none': 'Nenhum',
  'privacy.value.range': '{count}: de {first} a {last}',
  'privacy.value.single': '{count}: {first}',
  'privacy.value.until': '{count}: guardados no máximo até {last}',
  'privacy.backups.note':
    'Um backup é a foto que uma alteração substituiu (a sua ou uma que você alterou), guardada para que Desfazer possa trazê-la de volta. Os backups são excluídos após {days}\u00a0dias.',
  'privacy.audit.note':
    'As entradas de auditoria são o registro da organização de quem alterou qual foto e quando. Elas não contêm imagem e permanecem quando você me pede para esquecê-lo.',
  'privacy.audit.recent': 'Últimas entradas de auditoria',
  'privacy.audit.line': '{when}: {action}',
  'privacy.audit.action.change': 'foto alterada',
  'privacy.audit.action.refused': 'alteração de foto não feita ({code})',
  'privacy.audit.action.forgotten': 'dados excluídos a pedido',
  'privacy.myData.next': 'Para excluir seus backups, fotos em espera e solicitações, envie {word}.',
  'privacy.forget.title': 'Excluir seus dados?',
  'privacy.forget.intro':
    'Vou excluir o que está listado aqui. Depois disso, não será mais possível desfazer suas alterações anteriores; sua foto de perfil continua como está.',
  'privacy.forget.stays':
    'Suas entradas de auditoria permanecem: são o registro da organização das alterações de fotos e não contêm imagem.',
  'privacy.forget.confirm': 'Excluir meus dados',
  'privacy.forget.expires':
    'Este botão funciona por {minutes}\u00a0minutos; depois disso, envie {word} de novo.',
  'privacy.forget.nothing':
    'Não guardo nada sobre você que possa ser excluído: nenhum backup, foto em espera ou solicitação. Suas entradas de auditoria, se houver, permanecem como registro da organização.',
  'privacy.forget.done.title': 'Seus dados foram excluídos',
  'privacy.forget.done.text':
    'Desfazer em cartões antigos não pode mais trazer uma foto de volta. Para alterar sua foto de novo, é só me enviar uma imagem.',
};

const ru: Texts = {
  'help.myData':
    'Напишите «{myData}», чтобы увидеть, что я храню о вас, или «{forgetMe}», чтобы удалить это.',
  ForgetConfirmationExpired: 'Это подтверждение истекло, уже использовано или не ваше.',
  'ForgetConfirmationExpired.next': 'Отправьте «забудь меня», чтобы получить новое. Ничего не удалено.',
  'command.myData': 'мои данные',
  'command.forgetMe': 'забудь меня',
  'app.command.myData.description': 'Что Teams Photo хранит о вас, с датами',
  'app.command.forgetMe.description': 'Удалить резервные копии фото, ожидающие фото и запросы',
  'privacy.personalOnly':
    'Ваши данные я показываю и удаляю только в личном чате со мной, чтобы их никто больше не видел. Откройте чат с Teams Photo и отправьте там {word}.',
  'privacy.myData.title': 'Что Teams Photo хранит о вас',
  'privacy.kind.backups': 'Резервные копии фото (для отмены)',
  'privacy.kind.audit': 'Записи журнала аудита',
  'privacy.kind.pending': 'Ожидающие фото и выборы',
  'privacy.kind.requests': 'Запросы на утверждение',
  'privacy.value.none': 'Нет',
  'privacy.value.range': '{count}: с {first} по {last}',
  'privacy.value.single': '{count}: {first}',
  'privacy.value.until': '{count}: хранятся не дольше чем до {last}',
  'privacy.backups.note':
    'Резервная копия — это фото, которое заменило изменение (ваше или то, что вы изменили); она хранится, чтобы отмена могла его вернуть. Копии удаляются через {days}\u00a0дн.',
  'privacy.audit.note':
    'Записи аудита — это учёт организации: кто, какое фото и когда изменил. В них нет изображений, и они остаются, когда вы просите меня забыть вас.',
  'privacy.audit.recent': 'Последние записи аудита',
  'privacy.audit.line': '{when}: {action}',
  'privacy.audit.action.change': 'фото изменено',
  'privacy.audit.action.refused': 'фото не изменено ({code})',
  'privacy.audit.action.forgotten': 'данные удалены по запросу',
  'privacy.myData.next': 'Чтобы удалить резервные копии, ожидающие фото и запросы, отправьте {word}.',
  'privacy.forget.title': 'Удалить ваши данные?',
  'privacy.forget.intro':
    'Я удалю то, что перечислено здесь. После этого отменить прежние изменения будет нельзя; само фото профиля останется как есть.',
  'privacy.forget.stays':
    'Ваши записи аудита останутся: это учёт организации об изменениях фото, изображений в них нет.',
  'privacy.forget.confirm': 'Удалить мои данные',
  'privacy.forget.expires': 'Эта кнопка действует {minutes}\u00a0мин.; потом отправьте {word} ещё раз.',
  'privacy.forget.nothing':
    'Я не храню о вас ничего, что можно удалить: ни резервных копий, ни ожидающих фото, ни запросов. Ваши записи аудита, если есть, остаются как учёт организации.',
  'privacy.forget.done.title': 'Ваши данные удалены',
  'privacy.forget.done.text':
    'Отмена на старых карточках больше не сможет вернуть фото. Чтобы снова сменить фото, просто отправьте мне изображение.',
};

const zhCN: Texts = {
  'help.myData': '输入“{myData}”查看我保存的关于你的信息，或输入“{forgetMe}”删除这些信息。',
  ForgetConfirmationExpired: '该确认已过期、已被使用，或不属于你。',
  'ForgetConfirmationExpired.next': '发送“忘记我”获取新的确认。没有删除任何内容。',
  'command.myData': '我的数据',
  'command.forgetMe': '忘记我',
  'app.command.myData.description': 'Teams Photo 保存的关于你的内容及日期',
  'app.command.forgetMe.description': '删除你的照片备份、等待中的照片和请求',
  'privacy.personalOnly':
    '你的数据只在你与我的个人聊天中显示和删除，这样其他人看不到。请打开与 Teams Photo 的聊天，并在那里发送“{word}”。',
  'privacy.myData.title': 'Teams Photo 保存的关于你的内容',
  'privacy.kind.backups': '照片备份（用于撤销）',
  'privacy.kind.audit': '审核日志条目',
  'privacy.kind.pending': '等待中的照片和选择',
  'privacy.kind.requests': '审批请求',
  'privacy.value.none': '无',
  'privacy.value.range': '{count}：{first} 至 {last}',
  'privacy.value.single': '{count}：{first}',
  'privacy.value.until': '{count}：最晚保存到 {last}',
  'privacy.backups.note':
    '备份是某次更改所替换的照片（你的照片，或你更改过的照片），保存它是为了让撤销可以恢复。备份会在 {days}\u00a0天后删除。',
  'privacy.audit.note':
    '审核条目是组织关于谁在何时更改了哪张照片的记录。它们不包含图像，在你要求我忘记你时也会保留。',
  'privacy.audit.recent': '最近的审核条目',
  'privacy.audit.line': '{when}：{action}',
  'privacy.audit.action.change': '已更改照片',
  'privacy.audit.action.refused': '照片未更改（{code}）',
  'privacy.audit.action.forgotten': '应要求删除数据',
  'privacy.myData.next': '要删除你的备份、等待中的照片和请求，请发送“{word}”。',
  'privacy.forget.title': '删除你的数据？',
  'privacy.forget.intro':
    '我将删除此处列出的内容。之后将无法再撤销你之前的更改；你的个人资料照片本身保持不变。',
  'privacy.forget.stays': '你的审核条目会保留：它们是组织关于照片更改的记录，不包含图像。',
  'privacy.forget.confirm': '删除我的数据',
  'privacy.forget.expires': '此按钮在 {minutes}\u00a0分钟内有效；之后请再次发送“{word}”。',
  'privacy.forget.nothing':
    '我没有保存任何可删除的关于你的内容：没有备份、等待中的照片或请求。你的审核条目（如有）会作为组织的记录保留。',
  'privacy.forget.done.title': '你的数据已删除',
  'privacy.forget.done.text': '旧卡片上的撤销无法再恢复照片。要再次更改照片，只需给我发送一张图片。',
};

export const privacyTexts = { en, de, es, ptBR, ru, zhCN };
