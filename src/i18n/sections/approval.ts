/**
 * The approval texts in every language (issue 18), kept apart from the main catalogs so each feature's texts live
 * together. Each catalog spreads its language's part; English is the source and defines the keys and placeholders.
 */
const en = {
  ApprovalInChat:
    'Your organisation reviews photo changes before they go live, and such a request can only be made in chat with me.',
  'ApprovalInChat.next':
    'Send the photo to Teams Photo in your personal chat: an approver will see it there.',
  NotApprover: 'Only approvers of photo changes can approve or reject a request, and you are not one.',
  'NotApprover.next': 'If you should be one, ask your IT admin to add you to the approvers group.',
  OwnRequest: 'You cannot approve or reject your own photo request.',
  'OwnRequest.next': 'Another approver will decide it; you can withdraw it from your own card.',
  NotRequester: 'Only the person who asked can withdraw this request.',
  'NotRequester.next': 'To refuse the photo, use Reject on the approver card.',
  RequestDecided: 'This request has already been dealt with: {outcome}.',
  'RequestDecided.next': 'There is nothing more to do with it.',
  RequestExpired: 'This request expired before anyone decided it, so the photo was not changed.',
  'RequestExpired.next': 'The person who asked can send the photo again to make a new request.',
  RequestNotFound: 'I cannot find that request, or this card is not the one it was sent on.',
  'RequestNotFound.next': 'Use the latest card of the request; without one, there is nothing to decide.',
  'approval.outcome.approve': 'approved by {name}',
  'approval.outcome.reject': 'rejected by {name}',
  'approval.outcome.withdraw': 'withdrawn by the person who asked',
  'approval.outcome.expire': 'expired without a decision',
  'approval.waiting.title': 'Your new photo is waiting for approval',
  'approval.waiting.body':
    'Your organisation has photo changes approved first. Nothing changes until an approver approves it. If nobody decides, the request expires on {when}.',
  'approval.waiting.noApprover':
    'No approver could be reached yet: I can only write to approvers who have chatted with me. Your request is kept, and an approver gets it when they first message me.',
  'approval.withdraw': 'Withdraw',
  'approval.request.title': '{name} asks to use a new profile photo',
  'approval.request.when': 'Asked {when}. Expires {expires} if nobody decides.',
  'approval.request.note':
    'Approving sets this photo for them at once. Rejecting leaves their photo as it is, and they see your reason.',
  'approval.reasonLabel': 'Reason for rejecting (optional, shown to the person who asked)',
  'approval.approve': 'Approve',
  'approval.reject': 'Reject',
  'approval.decided.approve': 'Approved by {name}. The new photo is set.',
  'approval.decided.reject': 'Rejected by {name}. The photo was not changed.',
  'approval.decided.withdraw': 'The person who asked withdrew this request. Nothing changed.',
  'approval.decided.expire': 'This request expired without a decision. Nothing changed.',
  'approval.approved.title': 'Your new photo was approved',
  'approval.approved.body':
    '{name} approved it, and it is now your profile photo. It can take a while to show everywhere in Microsoft 365.',
  'approval.rejected.title': 'Your new photo was not approved',
  'approval.rejected.body': '{name} rejected it, so your photo is unchanged. You can send me another one.',
  'approval.rejected.reason': 'Their reason: {reason}',
  'approval.expired.title': 'Your photo request expired',
  'approval.expired.body':
    'No approver decided in time, so your photo is unchanged. Send me the photo again to ask once more.',
  'approval.withdrawn.title': 'You withdrew your photo request',
  'approval.withdrawn.body': 'Your photo is unchanged. Send me a photo whenever you want to ask again.',
} as const;

type Texts = Record<keyof typeof en, string>;

const de = {
  ApprovalInChat:
    'Ihre Organisation prüft Fotoänderungen, bevor sie gelten, und eine solche Anfrage ist nur im Chat mit mir möglich.',
  'ApprovalInChat.next':
    'Senden Sie das Foto im persönlichen Chat an Teams Photo: Dort sieht es eine genehmigende Person.',
  NotApprover:
    'Nur Genehmigende von Fotoänderungen können eine Anfrage genehmigen oder ablehnen, und Sie gehören nicht dazu.',
  'NotApprover.next':
    'Wenn Sie dazugehören sollten, bitten Sie Ihren IT-Admin, Sie zur Gruppe der Genehmigenden hinzuzufügen.',
  OwnRequest: 'Ihre eigene Fotoanfrage können Sie weder genehmigen noch ablehnen.',
  'OwnRequest.next':
    'Eine andere genehmigende Person entscheidet darüber; zurückziehen können Sie sie auf Ihrer eigenen Karte.',
  NotRequester: 'Nur die Person, die gefragt hat, kann diese Anfrage zurückziehen.',
  'NotRequester.next': 'Um das Foto abzulehnen, verwenden Sie „Ablehnen“ auf der Karte für Genehmigende.',
  RequestDecided: 'Über diese Anfrage wurde bereits entschieden: {outcome}.',
  'RequestDecided.next': 'Hier ist nichts mehr zu tun.',
  RequestExpired:
    'Diese Anfrage ist abgelaufen, bevor jemand entschieden hat; das Foto wurde nicht geändert.',
  'RequestExpired.next': 'Die Person kann das Foto erneut senden und damit eine neue Anfrage stellen.',
  RequestNotFound:
    'Ich finde diese Anfrage nicht, oder diese Karte ist nicht die, mit der sie gesendet wurde.',
  'RequestNotFound.next':
    'Verwenden Sie die neueste Karte der Anfrage; gibt es keine, ist nichts zu entscheiden.',
  'approval.outcome.approve': 'genehmigt von {name}',
  'approval.outcome.reject': 'abgelehnt von {name}',
  'approval.outcome.withdraw': 'von der fragenden Person zurückgezogen',
  'approval.outcome.expire': 'ohne Entscheidung abgelaufen',
  'approval.waiting.title': 'Ihr neues Foto wartet auf Genehmigung',
  'approval.waiting.body':
    'Ihre Organisation lässt Fotoänderungen zuerst genehmigen. Bis jemand genehmigt, ändert sich nichts. Entscheidet niemand, läuft die Anfrage am {when} ab.',
  'approval.waiting.noApprover':
    'Noch konnte ich keine genehmigende Person erreichen: Ich kann nur denen schreiben, die schon mit mir gechattet haben. Ihre Anfrage bleibt bestehen, und eine genehmigende Person erhält sie, sobald sie mir zum ersten Mal schreibt.',
  'approval.withdraw': 'Zurückziehen',
  'approval.request.title': '{name} möchte ein neues Profilfoto verwenden',
  'approval.request.when': 'Gefragt {when}. Läuft {expires} ab, wenn niemand entscheidet.',
  'approval.request.note':
    'Genehmigen setzt dieses Foto sofort. Ablehnen lässt das bisherige Foto unverändert, und die Person sieht Ihre Begründung.',
  'approval.reasonLabel': 'Grund für die Ablehnung (optional, wird der fragenden Person gezeigt)',
  'approval.approve': 'Genehmigen',
  'approval.reject': 'Ablehnen',
  'approval.decided.approve': 'Genehmigt von {name}. Das neue Foto ist gesetzt.',
  'approval.decided.reject': 'Abgelehnt von {name}. Das Foto wurde nicht geändert.',
  'approval.decided.withdraw': 'Die fragende Person hat diese Anfrage zurückgezogen. Nichts wurde geändert.',
  'approval.decided.expire': 'Diese Anfrage ist ohne Entscheidung abgelaufen. Nichts wurde geändert.',
  'approval.approved.title': 'Ihr neues Foto wurde genehmigt',
  'approval.approved.body':
    '{name} hat es genehmigt, und es ist jetzt Ihr Profilfoto. Es kann eine Weile dauern, bis es überall in Microsoft 365 erscheint.',
  'approval.rejected.title': 'Ihr neues Foto wurde nicht genehmigt',
  'approval.rejected.body':
    '{name} hat es abgelehnt, Ihr Foto bleibt also unverändert. Sie können mir ein anderes senden.',
  'approval.rejected.reason': 'Begründung: {reason}',
  'approval.expired.title': 'Ihre Fotoanfrage ist abgelaufen',
  'approval.expired.body':
    'Niemand hat rechtzeitig entschieden, Ihr Foto bleibt also unverändert. Senden Sie mir das Foto erneut, um noch einmal zu fragen.',
  'approval.withdrawn.title': 'Sie haben Ihre Fotoanfrage zurückgezogen',
  'approval.withdrawn.body':
    'Ihr Foto bleibt unverändert. Senden Sie mir jederzeit ein Foto, wenn Sie erneut fragen möchten.',
} satisfies Texts;

const es = {
  ApprovalInChat:
    'Tu organización revisa los cambios de foto antes de publicarlos, y esa solicitud solo puede hacerse en el chat conmigo.',
  'ApprovalInChat.next': 'Envía la foto a Teams Photo en tu chat personal: allí la verá un aprobador.',
  NotApprover:
    'Solo quienes aprueban cambios de foto pueden aprobar o rechazar una solicitud, y tú no eres uno de ellos.',
  'NotApprover.next':
    'Si deberías serlo, pide a tu administrador de TI que te añada al grupo de aprobadores.',
  OwnRequest: 'No puedes aprobar ni rechazar tu propia solicitud de foto.',
  'OwnRequest.next': 'Otra persona aprobadora la decidirá; puedes retirarla desde tu propia tarjeta.',
  NotRequester: 'Solo la persona que la pidió puede retirar esta solicitud.',
  'NotRequester.next': 'Para rechazar la foto, usa Rechazar en la tarjeta de aprobación.',
  RequestDecided: 'Esta solicitud ya se ha resuelto: {outcome}.',
  'RequestDecided.next': 'No queda nada por hacer con ella.',
  RequestExpired: 'Esta solicitud caducó antes de que nadie decidiera, así que la foto no cambió.',
  'RequestExpired.next': 'La persona puede enviar la foto de nuevo para hacer otra solicitud.',
  RequestNotFound: 'No encuentro esa solicitud, o esta tarjeta no es con la que se envió.',
  'RequestNotFound.next': 'Usa la tarjeta más reciente de la solicitud; sin ella, no hay nada que decidir.',
  'approval.outcome.approve': 'aprobada por {name}',
  'approval.outcome.reject': 'rechazada por {name}',
  'approval.outcome.withdraw': 'retirada por la persona que la pidió',
  'approval.outcome.expire': 'caducada sin decisión',
  'approval.waiting.title': 'Tu nueva foto está pendiente de aprobación',
  'approval.waiting.body':
    'Tu organización aprueba primero los cambios de foto. Nada cambia hasta que alguien la apruebe. Si nadie decide, la solicitud caduca el {when}.',
  'approval.waiting.noApprover':
    'Todavía no he podido contactar con ninguna persona aprobadora: solo puedo escribir a quienes ya han chateado conmigo. Tu solicitud se guarda, y una persona aprobadora la recibirá cuando me escriba por primera vez.',
  'approval.withdraw': 'Retirar',
  'approval.request.title': '{name} pide usar una nueva foto de perfil',
  'approval.request.when': 'Pedida {when}. Caduca {expires} si nadie decide.',
  'approval.request.note':
    'Aprobar pone esta foto al instante. Rechazar deja su foto como está, y verá tu motivo.',
  'approval.reasonLabel': 'Motivo del rechazo (opcional, se muestra a quien lo pidió)',
  'approval.approve': 'Aprobar',
  'approval.reject': 'Rechazar',
  'approval.decided.approve': 'Aprobada por {name}. La nueva foto está puesta.',
  'approval.decided.reject': 'Rechazada por {name}. La foto no cambió.',
  'approval.decided.withdraw': 'La persona que la pidió retiró esta solicitud. No cambió nada.',
  'approval.decided.expire': 'Esta solicitud caducó sin decisión. No cambió nada.',
  'approval.approved.title': 'Tu nueva foto ha sido aprobada',
  'approval.approved.body':
    '{name} la aprobó y ya es tu foto de perfil. Puede tardar un rato en verse en todo Microsoft 365.',
  'approval.rejected.title': 'Tu nueva foto no ha sido aprobada',
  'approval.rejected.body': '{name} la rechazó, así que tu foto no cambia. Puedes enviarme otra.',
  'approval.rejected.reason': 'Su motivo: {reason}',
  'approval.expired.title': 'Tu solicitud de foto ha caducado',
  'approval.expired.body':
    'Nadie decidió a tiempo, así que tu foto no cambia. Envíame la foto de nuevo para volver a pedirlo.',
  'approval.withdrawn.title': 'Has retirado tu solicitud de foto',
  'approval.withdrawn.body': 'Tu foto no cambia. Envíame una foto cuando quieras volver a pedirlo.',
} satisfies Texts;

const ptBR = {
  ApprovalInChat:
    'Sua organização revisa as alterações de foto antes de publicá-las, e essa solicitação só pode ser feita no chat comigo.',
  'ApprovalInChat.next': 'Envie a foto para o Teams Photo no seu chat pessoal: um aprovador a verá lá.',
  NotApprover:
    'Só aprovadores de mudanças de foto podem aprovar ou rejeitar uma solicitação, e você não é um deles.',
  'NotApprover.next':
    'Se deveria ser, peça ao seu administrador de TI para incluir você no grupo de aprovadores.',
  OwnRequest: 'Você não pode aprovar nem rejeitar a sua própria solicitação de foto.',
  'OwnRequest.next': 'Outro aprovador vai decidir; você pode retirá-la no seu próprio cartão.',
  NotRequester: 'Só quem pediu pode retirar esta solicitação.',
  'NotRequester.next': 'Para recusar a foto, use Rejeitar no cartão de aprovação.',
  RequestDecided: 'Esta solicitação já foi resolvida: {outcome}.',
  'RequestDecided.next': 'Não há mais nada a fazer com ela.',
  RequestExpired: 'Esta solicitação expirou antes de alguém decidir, então a foto não mudou.',
  'RequestExpired.next': 'A pessoa pode enviar a foto de novo para fazer outra solicitação.',
  RequestNotFound: 'Não encontro essa solicitação, ou este cartão não é aquele com que ela foi enviada.',
  'RequestNotFound.next': 'Use o cartão mais recente da solicitação; sem ele, não há nada a decidir.',
  'approval.outcome.approve': 'aprovada por {name}',
  'approval.outcome.reject': 'rejeitada por {name}',
  'approval.outcome.withdraw': 'retirada por quem pediu',
  'approval.outcome.expire': 'expirada sem decisão',
  'approval.waiting.title': 'Sua nova foto está aguardando aprovação',
  'approval.waiting.body':
    'Sua organização aprova as mudanças de foto primeiro. Nada muda até que alguém aprove. Se ninguém decidir, a solicitação expira em {when}.',
  'approval.waiting.noApprover':
    'Ainda não consegui falar com nenhum aprovador: só posso escrever para quem já conversou comigo. Sua solicitação fica guardada, e um aprovador a recebe quando me escrever pela primeira vez.',
  'approval.withdraw': 'Retirar',
  'approval.request.title': '{name} pede para usar uma nova foto de perfil',
  'approval.request.when': 'Pedida {when}. Expira {expires} se ninguém decidir.',
  'approval.request.note':
    'Aprovar define esta foto na hora. Rejeitar deixa a foto como está, e a pessoa vê o seu motivo.',
  'approval.reasonLabel': 'Motivo da rejeição (opcional, mostrado a quem pediu)',
  'approval.approve': 'Aprovar',
  'approval.reject': 'Rejeitar',
  'approval.decided.approve': 'Aprovada por {name}. A nova foto está definida.',
  'approval.decided.reject': 'Rejeitada por {name}. A foto não mudou.',
  'approval.decided.withdraw': 'Quem pediu retirou esta solicitação. Nada mudou.',
  'approval.decided.expire': 'Esta solicitação expirou sem decisão. Nada mudou.',
  'approval.approved.title': 'Sua nova foto foi aprovada',
  'approval.approved.body':
    '{name} aprovou, e agora ela é a sua foto de perfil. Pode levar um tempo para aparecer em todo o Microsoft 365.',
  'approval.rejected.title': 'Sua nova foto não foi aprovada',
  'approval.rejected.body': '{name} rejeitou, então sua foto não mudou. Você pode me enviar outra.',
  'approval.rejected.reason': 'O motivo: {reason}',
  'approval.expired.title': 'Sua solicitação de foto expirou',
  'approval.expired.body':
    'Nenhum aprovador decidiu a tempo, então sua foto não mudou. Envie a foto de novo para pedir outra vez.',
  'approval.withdrawn.title': 'Você retirou sua solicitação de foto',
  'approval.withdrawn.body': 'Sua foto não mudou. Envie uma foto quando quiser pedir de novo.',
} satisfies Texts;

const ru = {
  ApprovalInChat:
    'Ваша организация проверяет смену фото перед публикацией, а такой запрос можно отправить только в чате со мной.',
  'ApprovalInChat.next': 'Отправьте фото Teams Photo в личном чате: там его увидит утверждающий.',
  NotApprover: 'Одобрять и отклонять запросы могут только согласующие изменения фото, а вы не из их числа.',
  'NotApprover.next':
    'Если вы должны быть среди них, попросите ИТ-администратора добавить вас в группу согласующих.',
  OwnRequest: 'Нельзя одобрить или отклонить собственный запрос на фото.',
  'OwnRequest.next': 'Решение примет другой согласующий; отозвать запрос можно в вашей карточке.',
  NotRequester: 'Отозвать этот запрос может только тот, кто его отправил.',
  'NotRequester.next': 'Чтобы отказать, нажмите «Отклонить» в карточке согласующего.',
  RequestDecided: 'По этому запросу уже есть решение: {outcome}.',
  'RequestDecided.next': 'Больше ничего делать не нужно.',
  RequestExpired: 'Срок запроса истёк до того, как кто-то принял решение, поэтому фото не изменилось.',
  'RequestExpired.next': 'Автор запроса может отправить фото ещё раз, чтобы создать новый запрос.',
  RequestNotFound: 'Не удаётся найти этот запрос, или эта карточка отправлена не для него.',
  'RequestNotFound.next': 'Используйте последнюю карточку запроса; если её нет, решать нечего.',
  'approval.outcome.approve': 'одобрил(а) {name}',
  'approval.outcome.reject': 'отклонил(а) {name}',
  'approval.outcome.withdraw': 'отозван автором запроса',
  'approval.outcome.expire': 'срок истёк без решения',
  'approval.waiting.title': 'Ваше новое фото ожидает одобрения',
  'approval.waiting.body':
    'В вашей организации изменения фото сначала одобряют. Пока согласующий не одобрит, ничего не изменится. Если никто не решит, запрос истечёт {when}.',
  'approval.waiting.noApprover':
    'Пока не удалось связаться ни с одним согласующим: я могу писать только тем, кто уже общался со мной. Ваш запрос сохранён, и согласующий получит его, когда впервые напишет мне.',
  'approval.withdraw': 'Отозвать',
  'approval.request.title': '{name} просит установить новое фото профиля',
  'approval.request.when': 'Запрошено {when}. Истекает {expires}, если никто не решит.',
  'approval.request.note':
    'При одобрении это фото сразу устанавливается. При отклонении фото остаётся прежним, а автор увидит вашу причину.',
  'approval.reasonLabel': 'Причина отказа (необязательно, её увидит автор запроса)',
  'approval.approve': 'Одобрить',
  'approval.reject': 'Отклонить',
  'approval.decided.approve': 'Одобрено: {name}. Новое фото установлено.',
  'approval.decided.reject': 'Отклонено: {name}. Фото не изменилось.',
  'approval.decided.withdraw': 'Автор отозвал этот запрос. Ничего не изменилось.',
  'approval.decided.expire': 'Срок запроса истёк без решения. Ничего не изменилось.',
  'approval.approved.title': 'Ваше новое фото одобрено',
  'approval.approved.body':
    '{name} одобрил(а) его, и теперь это ваше фото профиля. Может пройти время, прежде чем оно появится везде в Microsoft 365.',
  'approval.rejected.title': 'Ваше новое фото не одобрено',
  'approval.rejected.body':
    '{name} отклонил(а) его, поэтому ваше фото не изменилось. Можете прислать другое.',
  'approval.rejected.reason': 'Причина: {reason}',
  'approval.expired.title': 'Срок вашего запроса на фото истёк',
  'approval.expired.body':
    'Никто не принял решение вовремя, поэтому ваше фото не изменилось. Пришлите фото ещё раз, чтобы запросить снова.',
  'approval.withdrawn.title': 'Вы отозвали запрос на фото',
  'approval.withdrawn.body': 'Ваше фото не изменилось. Пришлите фото, когда захотите запросить снова.',
} satisfies Texts;

const zhCN = {
  ApprovalInChat: '您的组织会在照片更改生效前进行审核，而这样的请求只能在与我的聊天中提交。',
  'ApprovalInChat.next': '请在与 Teams Photo 的个人聊天中发送照片：审批人会在那里看到它。',
  NotApprover: '只有照片更改的审批人才能批准或拒绝请求，而你不是审批人。',
  'NotApprover.next': '如果你应当是审批人，请让 IT 管理员把你加入审批人组。',
  OwnRequest: '你不能批准或拒绝自己的照片请求。',
  'OwnRequest.next': '将由其他审批人决定；你可以在自己的卡片上撤回请求。',
  NotRequester: '只有提出请求的人才能撤回此请求。',
  'NotRequester.next': '要拒绝这张照片，请在审批卡片上点“拒绝”。',
  RequestDecided: '此请求已经处理：{outcome}。',
  'RequestDecided.next': '无需再做任何操作。',
  RequestExpired: '此请求在有人决定之前已过期，因此照片没有更改。',
  'RequestExpired.next': '提出请求的人可以再次发送照片，发起新的请求。',
  RequestNotFound: '找不到该请求，或者这张卡片不是发送该请求的卡片。',
  'RequestNotFound.next': '请使用该请求最新的卡片；如果没有，就无需决定。',
  'approval.outcome.approve': '已由 {name} 批准',
  'approval.outcome.reject': '已由 {name} 拒绝',
  'approval.outcome.withdraw': '已被请求人撤回',
  'approval.outcome.expire': '未经决定已过期',
  'approval.waiting.title': '你的新照片正在等待审批',
  'approval.waiting.body':
    '你的组织要求先审批照片更改。在审批人批准之前不会有任何更改。如果无人决定，请求将于 {when} 过期。',
  'approval.waiting.noApprover':
    '暂时联系不到任何审批人：我只能给和我聊过天的审批人发消息。你的请求会保留，审批人第一次给我发消息时就会收到。',
  'approval.withdraw': '撤回',
  'approval.request.title': '{name} 请求使用新的头像',
  'approval.request.when': '请求时间 {when}。如无人决定，将于 {expires} 过期。',
  'approval.request.note': '批准会立即为其设置这张照片。拒绝则保留其原有照片，对方会看到你的理由。',
  'approval.reasonLabel': '拒绝理由（可选，会显示给提出请求的人）',
  'approval.approve': '批准',
  'approval.reject': '拒绝',
  'approval.decided.approve': '已由 {name} 批准。新照片已设置。',
  'approval.decided.reject': '已由 {name} 拒绝。照片没有更改。',
  'approval.decided.withdraw': '提出请求的人已撤回此请求。没有任何更改。',
  'approval.decided.expire': '此请求未经决定已过期。没有任何更改。',
  'approval.approved.title': '你的新照片已获批准',
  'approval.approved.body':
    '{name} 已批准，它现在是你的头像。可能需要一段时间才会在 Microsoft 365 各处显示。',
  'approval.rejected.title': '你的新照片未获批准',
  'approval.rejected.body': '{name} 拒绝了它，所以你的照片没有更改。你可以再发一张给我。',
  'approval.rejected.reason': '理由：{reason}',
  'approval.expired.title': '你的照片请求已过期',
  'approval.expired.body': '没有审批人及时决定，所以你的照片没有更改。再次把照片发给我即可重新请求。',
  'approval.withdrawn.title': '你已撤回照片请求',
  'approval.withdrawn.body': '你的照片没有更改。想再次请求时，随时给我发照片。',
} satisfies Texts;

export const approvalTexts = { en, de, es, ptBR, ru, zhCN };
