/**
 * Quality checks in chat, end to end in local mode over real HTTP: the compiled bot, the pipeline (faces, measures)
 * on worker threads and the in-process Graph emulator. A dark, a blurred and a flat picture (made from a real
 * public-domain portrait) are sent in each mode: `off` sets them, `warn` answers with a preview and **Use anyway**
 * (which then sets the photo, once), `block` refuses and Graph's photo stays as it was.
 */
import { translate } from '../../dist/i18n/index.js';
import { USE_ANYWAY_VERB } from '../../dist/trust/trust-verbs.js';
import { ownPhoto, putOwnPhoto } from '../helpers/emulator-photos.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { actionsOf, cardOf, PEOPLE, press, startLocalBot, type LocalBot } from '../helpers/local-bot.js';
import { blurredPortrait, darkPortrait, flatPicture, portrait } from '../helpers/quality-images.js';

const BAD = [
  ['dark.jpg', 'tooDark'],
  ['blurred.jpg', 'blurred'],
  ['flat.jpg', 'flat'],
] as const;

async function images(): Promise<Record<string, Buffer>> {
  return {
    'portrait.jpg': await portrait(),
    'dark.jpg': await darkPortrait(),
    'blurred.jpg': await blurredPortrait(),
    'flat.jpg': await flatPicture(),
  };
}

const reasonText = (reason: string) => translate('en', `quality.reason.${reason}` as never);

describe.each(['off', 'warn', 'block'] as const)('Quality checks in chat, QUALITY_CHECKS=%s', (mode) => {
  let bot: LocalBot;
  let before: Buffer;
  const person = PEOPLE.megan;
  const photoNow = () => ownPhoto(bot.emulatorUrl, bot.tokenOf(person));

  beforeAll(async () => {
    bot = await startLocalBot(await images(), undefined, { QUALITY_CHECKS: mode });
    before = await encodeJpeg(photoLike(300, 300, 9));
    await putOwnPhoto(bot.emulatorUrl, bot.tokenOf(person), before);
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('sets a good photo at once, with no warning', async () => {
    const answer = await bot.ask(PEOPLE.adele, { attachments: [bot.image('portrait.jpg')] });
    expect(actionsOf(cardOf(answer)).map((action) => action.verb)).toContain('undoPhotoChange');
    expect(await ownPhoto(bot.emulatorUrl, bot.tokenOf(PEOPLE.adele))).not.toBeNull();
  });

  it.each(BAD)('answers %s as the mode says', async (name, reason) => {
    const current = (await photoNow())!;
    const answer = await bot.ask(person, { attachments: [bot.image(name)] });
    const card = cardOf(answer);
    if (mode === 'off') {
      expect(actionsOf(card).map((action) => action.verb)).toContain('undoPhotoChange');
      expect((await photoNow())!.equals(current)).toBe(false);
      return;
    }
    if (mode === 'block') {
      expect(card).toBeUndefined();
      expect(answer.text).toContain(translate('en', 'PhotoQualityBlocked'));
      expect(answer.text).toContain(reasonText(reason));
      expect(answer.text).toContain(translate('en', 'PhotoQualityBlocked.next'));
      expect((await photoNow())!.equals(before)).toBe(true);
      return;
    }
    // warn: the preview card, nothing changed yet.
    expect(JSON.stringify(card)).toContain(JSON.stringify(reasonText(reason)).slice(1, -1));
    const [useAnyway] = actionsOf(card);
    expect(useAnyway?.verb).toBe(USE_ANYWAY_VERB);
    expect(useAnyway?.title).toBe('Use anyway');
    expect((await photoNow())!.equals(current)).toBe(true);

    const sentBefore = bot.connector.sent.length;
    const used = await press(bot, person, useAnyway!);
    expect(JSON.stringify(used)).toContain(translate('en', 'quality.used'));
    const changed = (await photoNow())!;
    expect(changed.equals(current)).toBe(false);
    // The usual photo card with its Undo follows, as for any change.
    const updated = bot.connector.sent.slice(sentBefore).map((s) => cardOf(s.activity));
    expect(updated.some((c) => actionsOf(c).some((a) => a.verb === 'undoPhotoChange'))).toBe(true);

    // A second press applies nothing and says why.
    const again = await press(bot, person, useAnyway!);
    expect(JSON.stringify(again)).toContain(translate('en', 'quality.alreadyUsed'));
    expect((await photoNow())!.equals(changed)).toBe(true);
  });

  if (mode === 'warn') {
    it('never lets an older card apply a newer photo, nor a forged id', async () => {
      // The photo in place is the flat one (the last one used above): the newer card is for the dark one.
      const first = actionsOf(cardOf(await bot.ask(person, { attachments: [bot.image('flat.jpg')] })))[0]!;
      const second = actionsOf(cardOf(await bot.ask(person, { attachments: [bot.image('dark.jpg')] })))[0]!;
      const current = (await photoNow())!;
      expect(JSON.stringify(await press(bot, person, first))).toContain(translate('en', 'quality.replaced'));
      const forged = await press(bot, person, { verb: USE_ANYWAY_VERB, data: { photoId: 'not-a-photo' } });
      expect(JSON.stringify(forged)).toContain(translate('en', 'quality.replaced'));
      expect((await photoNow())!.equals(current)).toBe(true);
      // The newest card still works, for its own photo.
      expect(JSON.stringify(await press(bot, person, second))).toContain(translate('en', 'quality.used'));
      expect((await photoNow())!.equals(current)).toBe(false);
    });

    it("keeps one person's warned photo from another's Use anyway", async () => {
      const card = cardOf(await bot.ask(person, { attachments: [bot.image('blurred.jpg')] }));
      const other = await press(bot, PEOPLE.patti, actionsOf(card)[0]!);
      expect(JSON.stringify(other)).toContain(translate('en', 'quality.expired'));
      expect(await ownPhoto(bot.emulatorUrl, bot.tokenOf(PEOPLE.patti))).toBeNull();
    });
  }
});
