/**
 * The policy texts in every language (issue 18), kept apart from the main catalogs so each feature's texts live
 * together. Each catalog spreads its language's part; English is the source and defines the keys and placeholders.
 *
 * - `PhotoChangesTurnedOff` / `PhotosManagedOnPremises`: the organisation's photo rules (Graph `photoUpdateSettings`)
 *   refuse the change; `{contact}` is `PHOTO_ADMIN_CONTACT`, else `policy.yourItAdmin`.
 * - `photo.unconfirmed.*`: the answer after a change, by whether reading the photo back from
 *   Microsoft 365 showed the new one; `photo.propagation3Days` is said either way.
 */
const en = {
  PhotoChangesTurnedOff:
    'Your organisation has turned off profile photo changes for you, so I did not try to change it.',
  'PhotoChangesTurnedOff.next': 'Please ask {contact} to change it for you.',
  PhotosManagedOnPremises:
    "Your organisation's profile photos are managed in its on-premises directory, so no change in Microsoft 365 is possible.",
  'PhotosManagedOnPremises.next': 'Photos can be changed only in that directory: please ask {contact}.',
  'policy.yourItAdmin': 'your IT admin',
  'photo.unconfirmed.title': 'Your new photo was sent to Microsoft 365, not confirmed yet',
  'photo.unconfirmed.text':
    'Microsoft 365 accepted it, but reading it back did not show the new photo yet. Check your photo in Outlook on the web in a few minutes; if the old one is still there, send the photo again.',
  'photo.propagation3Days': 'Teams and other apps may show your old photo for up to 3\u00a0days.',
} as const;

type Texts = Record<keyof typeof en, string>;

export const policyTexts = {
  en,
  de: {
    PhotoChangesTurnedOff:
      'Ihre Organisation hat Änderungen am Profilbild für Sie deaktiviert, daher habe ich es nicht versucht.',
    'PhotoChangesTurnedOff.next': 'Bitte wenden Sie sich an {contact}, damit es für Sie geändert wird.',
    PhotosManagedOnPremises:
      'Die Profilbilder Ihrer Organisation werden im lokalen Verzeichnis verwaltet, daher ist keine Änderung in Microsoft 365 möglich.',
    'PhotosManagedOnPremises.next':
      'Bilder lassen sich nur in diesem Verzeichnis ändern: Bitte wenden Sie sich an {contact}.',
    'policy.yourItAdmin': 'Ihre IT-Administration',
    'photo.unconfirmed.title': 'Ihr neues Bild wurde an Microsoft 365 gesendet, aber noch nicht bestätigt',
    'photo.unconfirmed.text':
      'Microsoft 365 hat es angenommen, aber beim Zurücklesen war das neue Bild noch nicht zu sehen. Prüfen Sie Ihr Bild in einigen Minuten in Outlook im Web; ist dort noch das alte, senden Sie das Bild erneut.',
    'photo.propagation3Days':
      'Teams und andere Apps zeigen Ihr altes Bild möglicherweise noch bis zu 3\u00a0Tage lang an.',
  } satisfies Texts,
  es: {
    PhotoChangesTurnedOff:
      'Tu organización ha desactivado los cambios de foto de perfil para ti, así que no intenté cambiarla.',
    'PhotoChangesTurnedOff.next': 'Pide a {contact} que la cambie por ti.',
    PhotosManagedOnPremises:
      'Las fotos de perfil de tu organización se gestionan en su directorio local, así que no es posible cambiarlas en Microsoft 365.',
    'PhotosManagedOnPremises.next':
      'Las fotos solo se pueden cambiar en ese directorio: consulta a {contact}.',
    'policy.yourItAdmin': 'tu administrador de TI',
    'photo.unconfirmed.title': 'Tu nueva foto se envió a Microsoft 365, aún sin confirmar',
    'photo.unconfirmed.text':
      'Microsoft 365 la aceptó, pero al volver a leerla todavía no aparecía la nueva foto. Revisa tu foto en Outlook en la web dentro de unos minutos; si sigue la anterior, vuelve a enviar la foto.',
    'photo.propagation3Days':
      'Teams y otras aplicaciones pueden mostrar tu foto anterior durante hasta 3\u00a0días.',
  } satisfies Texts,
  ptBR: {
    PhotoChangesTurnedOff:
      'Sua organização desativou as alterações de foto de perfil para você, então não tentei alterá-la.',
    'PhotoChangesTurnedOff.next': 'Fale com {contact} para alterá-la para você.',
    PhotosManagedOnPremises:
      'As fotos de perfil da sua organização são gerenciadas no diretório local dela, então não é possível alterá-las no Microsoft 365.',
    'PhotosManagedOnPremises.next': 'As fotos só podem ser alteradas nesse diretório: fale com {contact}.',
    'policy.yourItAdmin': 'o administrador de TI',
    'photo.unconfirmed.title': 'Sua nova foto foi enviada ao Microsoft 365, ainda sem confirmação',
    'photo.unconfirmed.text':
      'O Microsoft 365 a aceitou, mas ao lê-la de volta a nova foto ainda não aparecia. Verifique sua foto no Outlook na Web em alguns minutos; se a antiga continuar lá, envie a foto de novo.',
    'photo.propagation3Days':
      'O Teams e outros aplicativos podem mostrar sua foto antiga por até 3\u00a0dias.',
  } satisfies Texts,
  ru: {
    PhotoChangesTurnedOff:
      'Ваша организация отключила для вас изменение фото профиля, поэтому я не пытался его изменить.',
    'PhotoChangesTurnedOff.next': 'Попросите {contact} изменить его за вас.',
    PhotosManagedOnPremises:
      'Фото профилей вашей организации управляются в её локальном каталоге, поэтому изменить их в Microsoft 365 нельзя.',
    'PhotosManagedOnPremises.next':
      'Фото можно изменить только в этом каталоге: попросите об этом {contact}.',
    'policy.yourItAdmin': 'вашего ИТ-администратора',
    'photo.unconfirmed.title': 'Ваше новое фото отправлено в Microsoft 365, но ещё не подтверждено',
    'photo.unconfirmed.text':
      'Microsoft 365 принял его, но при повторном чтении нового фото ещё не было видно. Проверьте фото в Outlook в интернете через несколько минут; если там всё ещё старое, отправьте фото ещё раз.',
    'photo.propagation3Days': 'Teams и другие приложения могут показывать ваше старое фото до 3\u00a0дней.',
  } satisfies Texts,
  zhCN: {
    PhotoChangesTurnedOff: '你的组织已为你关闭了更改个人资料照片的功能，因此我没有尝试更改。',
    'PhotoChangesTurnedOff.next': '请让{contact}替你更改。',
    PhotosManagedOnPremises: '你的组织的个人资料照片在其本地目录中管理，因此无法在 Microsoft 365 中更改。',
    'PhotosManagedOnPremises.next': '照片只能在该目录中更改：请联系{contact}。',
    'policy.yourItAdmin': '你的 IT 管理员',
    'photo.unconfirmed.title': '你的新照片已发送到 Microsoft 365，尚未确认',
    'photo.unconfirmed.text':
      'Microsoft 365 已接受照片，但回读时还未显示新照片。请几分钟后在 Outlook 网页版中查看你的照片；如果仍是旧照片，请重新发送。',
    'photo.propagation3Days': 'Teams 和其他应用可能会在最长 3\u00a0天内显示你的旧照片。',
  } satisfies Texts,
};
