/**
 * Group photos and removals in German, end to end in local mode over real HTTP: a person whose Teams runs in German
 * (`locale: 'de-DE'`) types the German command words (`gruppe`, `team`, `mein foto entfernen`) and gets every
 * answer in German: the card that says the group's photo is set and its Undo, the refusal for a group they do not
 * own with the groups they do own, the question when the name is missing, the channel hint, and the removal's
 * confirmation and result. The sentences are written out rather than read from the catalog, so a German catalog
 * that fell back to English, or a path that ignores the locale, fails here.
 */
import { photoAt, putPhotoAt } from '../helpers/emulator-photos.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import {
  actionsOf,
  cardOf,
  PEOPLE,
  press,
  startLocalBot,
  type LocalBot,
  type Person,
} from '../helpers/local-bot.js';

const MY_TEAM = '00000000-0000-0000-0000-000000000031';
const MARKETING = '00000000-0000-0000-0000-000000000032';
const CAFE = 'equipe-cafe-group';
const GERMAN = { locale: 'de-DE' } as const;

describe('Group photos in German (local mode, over HTTP)', () => {
  let bot: LocalBot;

  beforeAll(async () => {
    bot = await startLocalBot({ 'a.jpg': await encodeJpeg(photoLike(900, 700, 4)) }, (directory) => {
      const alex = PEOPLE.alex.id;
      directory.groups = [
        ...(directory.groups ?? []),
        {
          id: CAFE,
          displayName: 'Équipe Café',
          mailNickname: 'equipe-cafe',
          mail: 'equipe-cafe@example.com',
          owners: [alex],
          members: [alex],
        },
      ];
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  const groupPhoto = (groupId: string) =>
    photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.alex), `/groups/${groupId}/photo`);
  const ownPhoto = (person: Person) => photoAt(bot.emulatorUrl, bot.tokenOf(person), '/me/photo');

  it('"gruppe My Team" with an image sets the group\'s photo, says so in German, and Undo answers in German', async () => {
    expect(await groupPhoto(MY_TEAM)).toBeNull();
    const answer = await bot.ask(PEOPLE.alex, {
      ...GERMAN,
      text: 'gruppe My Team',
      attachments: [bot.image('a.jpg')],
    });
    const card = cardOf(answer);
    const texts = JSON.stringify(card);
    expect(texts).toContain('Das Foto von My Team ist festgelegt');
    expect(texts).toContain(
      'Es kann bis zu 72\u00a0Stunden dauern, bis es überall in Microsoft 365 erscheint, und Teams zeigt das alte Foto möglicherweise noch bis zu 3\u00a0Tage lang an.',
    );
    expect(await groupPhoto(MY_TEAM)).not.toBeNull();

    const undoAction = actionsOf(card).find((action) => action.verb === 'undoPhotoChange')!;
    expect(undoAction.title).toBe('Rückgängig');
    const undo = await press(bot, PEOPLE.alex, undoAction, GERMAN);
    expect(JSON.stringify(undo)).toContain(
      'Rückgängig gemacht: Es gibt jetzt kein Foto, wie vor dieser Änderung.',
    );
    expect(await groupPhoto(MY_TEAM)).toBeNull();
  });

  it('keeps the accents and case of a quoted name: Gruppe „Équipe Café“', async () => {
    const answer = await bot.ask(PEOPLE.alex, {
      ...GERMAN,
      text: 'Gruppe „Équipe Café“',
      attachments: [bot.image('a.jpg')],
    });
    expect(JSON.stringify(cardOf(answer))).toContain('Das Foto von Équipe Café ist festgelegt');
    expect(await groupPhoto(CAFE)).not.toBeNull();
  });

  it('refuses a group the sender does not own in German, listing the groups they own, and changes nothing', async () => {
    const before = await groupPhoto(MARKETING);
    const answer = await bot.ask(PEOPLE.alex, {
      ...GERMAN,
      text: 'gruppe Marketing',
      attachments: [bot.image('a.jpg')],
    });
    expect(answer.text).toBe(
      'Keine der Gruppen, deren Besitzer Sie sind, heißt „Marketing“. Prüfen Sie den Namen oder die E-Mail-Adresse der Gruppe und versuchen Sie es erneut. Gruppen, deren Besitzer Sie sind: Équipe Café und My Team.',
    );
    expect(await groupPhoto(MARKETING)).toEqual(before);
  });

  it('asks which group in German when "gruppe" comes without a name in a personal chat', async () => {
    const answer = await bot.ask(PEOPLE.alex, {
      ...GERMAN,
      text: 'Gruppe',
      attachments: [bot.image('a.jpg')],
    });
    expect(answer.text).toBe(
      'Welche Gruppe? Senden Sie das Bild mit „Gruppe“ und dem Namen der Gruppe, zum Beispiel „Gruppe Marketing“.',
    );
  });

  describe("in a team's channel", () => {
    const channelMessage = (text: string) => ({
      ...GERMAN,
      text: `<at>Teams Photo</at> ${text}`,
      entities: [
        {
          type: 'mention',
          text: '<at>Teams Photo</at>',
          mentioned: { id: '28:teams-photo-bot', name: 'Teams Photo' },
        },
      ],
      conversation: {
        id: '19:general-myteam@thread.tacv2;messageid=1700000000001',
        conversationType: 'channel',
        isGroup: true,
        tenantId: 'tenant',
      },
      channelData: {
        tenant: { id: 'tenant' },
        team: { id: '19:myteam@thread.tacv2', aadGroupId: MY_TEAM },
        channel: { id: '19:general-myteam@thread.tacv2' },
      },
      attachments: [bot.image('a.jpg')],
    });

    it('refuses "team" from a member who is not an owner, in German, and the team\'s photo stays', async () => {
      const before = await groupPhoto(MY_TEAM);
      const answer = await bot.ask(PEOPLE.megan, channelMessage('team'));
      expect(answer.text).toBe(
        'Sie sind kein Besitzer von My Team, daher können Sie das Foto nicht ändern. Wenden Sie sich an einen der Besitzer, oder bitten Sie Ihre IT-Abteilung, Sie zum Besitzer zu machen. Gruppen, deren Besitzer Sie sind: Marketing.',
      );
      expect(await groupPhoto(MY_TEAM)).toEqual(before);
    });

    it('tells, in German, how to change a group photo when an image comes without a command', async () => {
      const answer = await bot.ask(PEOPLE.adele, { ...channelMessage(''), text: '<at>Teams Photo</at>' });
      expect(answer.text).toBe(
        'In einem Team oder Gruppenchat ändere ich nur das Foto einer Gruppe: Erwähnen Sie mich mit „Gruppe“ (dieses Team) oder „Gruppe <Name>“. Um Ihr eigenes Foto zu ändern, senden Sie es mir in unserem persönlichen Chat.',
      );
    });
  });

  it('"mein foto entfernen" asks in German first, then removes the photo and says so in German', async () => {
    await putPhotoAt(
      bot.emulatorUrl,
      bot.tokenOf(PEOPLE.adele),
      '/me/photo',
      await encodeJpeg(photoLike(300, 300, 8)),
    );
    const ask = await bot.ask(PEOPLE.adele, { ...GERMAN, text: 'mein foto entfernen' });
    const card = cardOf(ask);
    expect(JSON.stringify(card)).toContain('Ihr Profilbild entfernen?');
    expect(JSON.stringify(card)).toContain(
      'Ich bewahre vorher eine Kopie auf, damit Sie das rückgängig machen können.',
    );
    const confirm = actionsOf(card).find((action) => action.verb === 'confirmRemovePhoto')!;
    expect(confirm.title).toBe('Entfernen');
    // Nothing happens before the confirmation.
    expect(await ownPhoto(PEOPLE.adele)).not.toBeNull();
    const removed = await press(bot, PEOPLE.adele, confirm, GERMAN);
    expect(JSON.stringify(removed)).toContain('Ihr Profilbild ist entfernt');
    expect(await ownPhoto(PEOPLE.adele)).toBeNull();
  });

  it('"mein foto entfernen bitte" is not the removal command: nothing is asked and the photo stays', async () => {
    const photo = await encodeJpeg(photoLike(300, 300, 9));
    await putPhotoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.patti), '/me/photo', photo);
    const answer = await bot.ask(PEOPLE.patti, { ...GERMAN, text: 'mein foto entfernen bitte' });
    // The help card, in German, rather than a confirmation.
    expect(JSON.stringify(cardOf(answer))).toContain('So verwenden Sie Teams Photo');
    expect(actionsOf(cardOf(answer)).some((action) => action.verb === 'confirmRemovePhoto')).toBe(false);
    expect((await ownPhoto(PEOPLE.patti))!.equals(photo)).toBe(true);
  });
});
