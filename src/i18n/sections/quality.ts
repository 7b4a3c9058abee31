/**
 * The quality texts in every language (issue 18), kept apart from the main catalogs so each feature's texts live
 * together. Each catalog spreads its language's part; English is the source and defines the keys and placeholders.
 *
 * Each reason (`quality.reason.<reason>`, see src/trust/quality-check.ts) says what is wrong and what to do about it.
 */
const en = {
  PhotoQualityBlocked: "This photo does not meet your organisation's rules for profile photos.",
  'PhotoQualityBlocked.next': 'Please send another photo; nothing was changed.',
  PhotoQualityWarning: 'This photo may not make a good profile photo.',
  'PhotoQualityWarning.next': 'Choose Use anyway to set it all the same, or send another photo.',
  'quality.reason.noFace': 'No face was found in it: choose a photo that shows your face.',
  'quality.reason.severalFaces': 'It shows several faces: choose a photo of you alone.',
  'quality.reason.faceTooSmall':
    'Your face is small in it: choose a closer photo, or crop it around your face.',
  'quality.reason.tooDark': 'It is too dark: take one in better light.',
  'quality.reason.blurred': 'It is blurred: hold the camera still, or choose a sharper photo.',
  'quality.reason.flat': 'It is mostly one flat colour: choose a photo that shows you.',
  'quality.reason.tooSmall': 'It is small once cropped: send a larger photo.',
  'quality.card.title': 'This photo may not make a good profile photo',
  'quality.card.useAnyway': 'Use anyway',
  'quality.card.sendAnother':
    'Your photo is unchanged. Choose Use anyway to set this one, or send another photo and I will check that one.',
  'quality.used': 'You chose to use this photo anyway.',
  'quality.alreadyUsed': 'You already used this photo. Send another photo to change it again.',
  'quality.expired': 'This photo is no longer waiting: it expired. Please send it again.',
  'quality.replaced':
    'You sent a newer photo since this one: use the card of the newest photo, or send it again.',
} as const;

type Texts = Record<keyof typeof en, string>;

export const qualityTexts = {
  en,
  de: {
    PhotoQualityBlocked: 'Dieses Foto entspricht nicht den Regeln Ihrer Organisation für Profilbilder.',
    'PhotoQualityBlocked.next': 'Bitte senden Sie ein anderes Foto; es wurde nichts geändert.',
    PhotoQualityWarning: 'Dieses Foto eignet sich möglicherweise nicht gut als Profilbild.',
    'PhotoQualityWarning.next':
      'Wählen Sie „Trotzdem verwenden“, um es dennoch festzulegen, oder senden Sie ein anderes Foto.',
    'quality.reason.noFace': 'Es wurde kein Gesicht gefunden: Wählen Sie ein Foto, das Ihr Gesicht zeigt.',
    'quality.reason.severalFaces':
      'Es zeigt mehrere Gesichter: Wählen Sie ein Foto, auf dem nur Sie zu sehen sind.',
    'quality.reason.faceTooSmall':
      'Ihr Gesicht ist darauf klein: Wählen Sie ein näheres Foto oder schneiden Sie es um Ihr Gesicht zu.',
    'quality.reason.tooDark': 'Es ist zu dunkel: Nehmen Sie eines bei besserem Licht auf.',
    'quality.reason.blurred':
      'Es ist unscharf: Halten Sie die Kamera ruhig oder wählen Sie ein schärferes Foto.',
    'quality.reason.flat': 'Es besteht fast nur aus einer Farbe: Wählen Sie ein Foto, das Sie zeigt.',
    'quality.reason.tooSmall': 'Nach dem Zuschneiden ist es klein: Senden Sie ein größeres Foto.',
    'quality.card.title': 'Dieses Foto eignet sich möglicherweise nicht gut als Profilbild',
    'quality.card.useAnyway': 'Trotzdem verwenden',
    'quality.card.sendAnother':
      'Ihr Profilbild ist unverändert. Wählen Sie „Trotzdem verwenden“, um dieses festzulegen, oder senden Sie ein anderes Foto, und ich prüfe dieses.',
    'quality.used': 'Sie haben dieses Foto trotzdem verwendet.',
    'quality.alreadyUsed':
      'Sie haben dieses Foto bereits verwendet. Senden Sie ein anderes Foto, um es erneut zu ändern.',
    'quality.expired': 'Dieses Foto wartet nicht mehr: Es ist abgelaufen. Bitte senden Sie es erneut.',
    'quality.replaced':
      'Sie haben seitdem ein neueres Foto gesendet: Verwenden Sie die Karte des neuesten Fotos oder senden Sie es erneut.',
  } satisfies Texts,
  es: {
    PhotoQualityBlocked: 'Esta foto no cumple las normas de tu organización para las fotos de perfil.',
    'PhotoQualityBlocked.next': 'Envía otra foto; no se ha cambiado nada.',
    PhotoQualityWarning: 'Es posible que esta foto no sea una buena foto de perfil.',
    'PhotoQualityWarning.next': 'Elige Usar de todos modos para ponerla igualmente, o envía otra foto.',
    'quality.reason.noFace': 'No se encontró ninguna cara: elige una foto que muestre tu cara.',
    'quality.reason.severalFaces': 'Muestra varias caras: elige una foto en la que salgas solo tú.',
    'quality.reason.faceTooSmall':
      'Tu cara se ve pequeña: elige una foto más cercana o recórtala alrededor de tu cara.',
    'quality.reason.tooDark': 'Está demasiado oscura: haz una con mejor luz.',
    'quality.reason.blurred': 'Está borrosa: mantén la cámara quieta o elige una foto más nítida.',
    'quality.reason.flat': 'Es casi toda de un solo color: elige una foto en la que salgas tú.',
    'quality.reason.tooSmall': 'Queda pequeña una vez recortada: envía una foto más grande.',
    'quality.card.title': 'Es posible que esta foto no sea una buena foto de perfil',
    'quality.card.useAnyway': 'Usar de todos modos',
    'quality.card.sendAnother':
      'Tu foto de perfil no ha cambiado. Elige Usar de todos modos para poner esta, o envía otra foto y la revisaré.',
    'quality.used': 'Has elegido usar esta foto de todos modos.',
    'quality.alreadyUsed': 'Ya has usado esta foto. Envía otra foto para volver a cambiarla.',
    'quality.expired': 'Esta foto ya no está en espera: ha caducado. Envíala de nuevo.',
    'quality.replaced':
      'Has enviado una foto más reciente: usa la tarjeta de la foto más reciente o vuelve a enviarla.',
  } satisfies Texts,
  ptBR: {
    PhotoQualityBlocked: 'Esta foto não atende às regras da sua organização para fotos de perfil.',
    'PhotoQualityBlocked.next': 'Envie outra foto; nada foi alterado.',
    PhotoQualityWarning: 'Esta foto pode não ficar boa como foto de perfil.',
    'PhotoQualityWarning.next': 'Escolha Usar assim mesmo para defini-la mesmo assim, ou envie outra foto.',
    'quality.reason.noFace': 'Nenhum rosto foi encontrado: escolha uma foto que mostre seu rosto.',
    'quality.reason.severalFaces': 'Ela mostra vários rostos: escolha uma foto só sua.',
    'quality.reason.faceTooSmall':
      'Seu rosto aparece pequeno: escolha uma foto mais próxima ou recorte-a em volta do seu rosto.',
    'quality.reason.tooDark': 'Ela está escura demais: tire uma com mais luz.',
    'quality.reason.blurred': 'Ela está desfocada: segure a câmera firme ou escolha uma foto mais nítida.',
    'quality.reason.flat': 'Ela é quase toda de uma só cor: escolha uma foto que mostre você.',
    'quality.reason.tooSmall': 'Ela fica pequena depois do recorte: envie uma foto maior.',
    'quality.card.title': 'Esta foto pode não ficar boa como foto de perfil',
    'quality.card.useAnyway': 'Usar assim mesmo',
    'quality.card.sendAnother':
      'Sua foto de perfil não mudou. Escolha Usar assim mesmo para definir esta, ou envie outra foto, e eu verifico essa.',
    'quality.used': 'Você escolheu usar esta foto assim mesmo.',
    'quality.alreadyUsed': 'Você já usou esta foto. Envie outra foto para alterá-la de novo.',
    'quality.expired': 'Esta foto não está mais aguardando: ela expirou. Envie-a novamente.',
    'quality.replaced':
      'Você enviou uma foto mais recente: use o cartão da foto mais recente ou envie-a novamente.',
  } satisfies Texts,
  ru: {
    PhotoQualityBlocked: 'Это фото не соответствует правилам вашей организации для фото профиля.',
    'PhotoQualityBlocked.next': 'Отправьте другое фото; ничего не изменилось.',
    PhotoQualityWarning: 'Это фото может плохо подойти для профиля.',
    'PhotoQualityWarning.next':
      'Нажмите «Всё равно использовать», чтобы установить его, или отправьте другое фото.',
    'quality.reason.noFace': 'На нём не найдено лицо: выберите фото, на котором видно ваше лицо.',
    'quality.reason.severalFaces': 'На нём несколько лиц: выберите фото, где вы одни.',
    'quality.reason.faceTooSmall':
      'Ваше лицо на нём маленькое: выберите фото крупнее или обрежьте его вокруг лица.',
    'quality.reason.tooDark': 'Оно слишком тёмное: сделайте снимок при лучшем освещении.',
    'quality.reason.blurred': 'Оно размыто: держите камеру неподвижно или выберите более чёткое фото.',
    'quality.reason.flat': 'Оно почти целиком одного цвета: выберите фото, на котором видно вас.',
    'quality.reason.tooSmall': 'После обрезки оно маленькое: отправьте фото побольше.',
    'quality.card.title': 'Это фото может плохо подойти для профиля',
    'quality.card.useAnyway': 'Всё равно использовать',
    'quality.card.sendAnother':
      'Ваше фото профиля не изменилось. Нажмите «Всё равно использовать», чтобы установить это фото, или отправьте другое, и я проверю его.',
    'quality.used': 'Вы решили всё равно использовать это фото.',
    'quality.alreadyUsed': 'Вы уже использовали это фото. Отправьте другое фото, чтобы сменить его снова.',
    'quality.expired': 'Это фото больше не ждёт: срок истёк. Отправьте его ещё раз.',
    'quality.replaced':
      'С тех пор вы отправили более новое фото: используйте карточку самого нового фото или отправьте его ещё раз.',
  } satisfies Texts,
  zhCN: {
    PhotoQualityBlocked: '这张照片不符合贵组织对个人资料照片的规定。',
    'PhotoQualityBlocked.next': '请发送另一张照片；没有做任何更改。',
    PhotoQualityWarning: '这张照片可能不适合做个人资料照片。',
    'PhotoQualityWarning.next': '选择“仍然使用”以照样设置它，或发送另一张照片。',
    'quality.reason.noFace': '照片中没有找到人脸：请选择一张能看到你的脸的照片。',
    'quality.reason.severalFaces': '照片中有多张人脸：请选择一张只有你一个人的照片。',
    'quality.reason.faceTooSmall': '你的脸在照片中太小：请选择一张更近的照片，或围绕你的脸裁剪。',
    'quality.reason.tooDark': '照片太暗：请在光线更好的地方拍一张。',
    'quality.reason.blurred': '照片模糊：请拿稳相机，或选择一张更清晰的照片。',
    'quality.reason.flat': '照片几乎全是一种颜色：请选择一张能看到你的照片。',
    'quality.reason.tooSmall': '裁剪后照片太小：请发送一张更大的照片。',
    'quality.card.title': '这张照片可能不适合做个人资料照片',
    'quality.card.useAnyway': '仍然使用',
    'quality.card.sendAnother':
      '你的个人资料照片没有更改。选择“仍然使用”来设置这张照片，或者发送另一张照片，我会检查那一张。',
    'quality.used': '你选择了仍然使用这张照片。',
    'quality.alreadyUsed': '你已经使用过这张照片。发送另一张照片即可再次更改。',
    'quality.expired': '这张照片已不再等待：它已过期。请重新发送。',
    'quality.replaced': '你之后发送了一张更新的照片：请使用最新照片的卡片，或重新发送。',
  } satisfies Texts,
};
