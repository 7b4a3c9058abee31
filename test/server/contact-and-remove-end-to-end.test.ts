/**
 * Contacts' photos and removals from chat, end to end in local mode over real HTTP: a contact found by name or
 * mail in any of the sender's contact folders, a pick card when several match, a refusal that lists some contacts
 * when none does; `remove my photo` and `remove group photo <name>` ask first, back up, and Undo puts the photo
 * back byte for byte. A forged confirmation for someone else's group is refused and audited.
 */
import path from 'node:path';
import { AuditLog } from '../../dist/storage/audit-log.js';
import { FsStorage } from '../../dist/storage/fs-storage.js';
import { photoAt, putPhotoAt } from '../helpers/emulator-photos.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { actionsOf, cardOf, PEOPLE, press, startLocalBot, type LocalBot } from '../helpers/local-bot.js';

const RAVI = 'AAMkAGAlex-contact-ravi=';
const SUPPLIERS = 'AAMkAGAlex-folder-suppliers=';
const TOMAS = 'AAMkAGAlex-contact-tomas=';
const MY_TEAM = '00000000-0000-0000-0000-000000000031';
const MARKETING = '00000000-0000-0000-0000-000000000032';

describe('Contact photos and removals in chat (local mode, over HTTP)', () => {
  let bot: LocalBot;

  beforeAll(async () => {
    bot = await startLocalBot({ 'a.jpg': await encodeJpeg(photoLike(900, 700, 3)) }, (directory) => {
      const alex = directory.users.find((user) => user.id === PEOPLE.alex.id)!;
      alex.contacts = [
        ...(alex.contacts ?? []),
        { id: 'sam-lee', displayName: 'Sam Lee', emailAddresses: [{ address: 'sam.lee@contoso.example' }] },
        {
          id: 'sam-park',
          displayName: 'Sam Park',
          emailAddresses: [{ address: 'sam.park@contoso.example' }],
        },
      ];
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  const alexToken = () => bot.tokenOf(PEOPLE.alex);
  const contactPhoto = (contactPath: string) =>
    photoAt(bot.emulatorUrl, alexToken(), `/me${contactPath}/photo`);
  const undoOf = (card: Record<string, unknown> | undefined) =>
    actionsOf(card).find((action) => action.verb === 'undoPhotoChange')!;

  it('sets the photo of a contact filed in a contact folder, found by name without accents', async () => {
    const answer = await bot.ask(PEOPLE.alex, {
      text: 'contact tomas garcia',
      attachments: [bot.image('a.jpg')],
    });
    expect(JSON.stringify(cardOf(answer))).toContain('The photo of your contact Tomás García is set');
    expect(
      await contactPhoto(
        `/contactFolders/${encodeURIComponent(SUPPLIERS)}/contacts/${encodeURIComponent(TOMAS)}`,
      ),
    ).not.toBeNull();
  });

  it('finds a contact by mail address, and Undo puts back what there was', async () => {
    const ravi = `/contacts/${encodeURIComponent(RAVI)}`;
    const original = await encodeJpeg(photoLike(200, 200, 4));
    await putPhotoAt(bot.emulatorUrl, alexToken(), `/me${ravi}/photo`, original);
    const answer = await bot.ask(PEOPLE.alex, {
      text: 'contact RAVI@fabrikam.example',
      attachments: [bot.image('a.jpg')],
    });
    const card = cardOf(answer);
    expect(JSON.stringify(card)).toContain('Ravi Kumar');
    expect((await contactPhoto(ravi))!.equals(original)).toBe(false);
    await press(bot, PEOPLE.alex, undoOf(card));
    expect((await contactPhoto(ravi))!.equals(original)).toBe(true);
  });

  it('offers a pick card when several contacts match', async () => {
    const answer = await bot.ask(PEOPLE.alex, { text: 'contact sam', attachments: [bot.image('a.jpg')] });
    const picks = actionsOf(cardOf(answer)).filter((action) => action.verb === 'pickPhotoTarget');
    expect(picks.map((pick) => pick.title)).toEqual([
      'Sam Lee (sam.lee@contoso.example)',
      'Sam Park (sam.park@contoso.example)',
    ]);
    const picked = await press(bot, PEOPLE.alex, picks[1]!);
    expect(JSON.stringify(picked)).toContain('The photo of your contact Sam Park is set');
    expect(await contactPhoto('/contacts/sam-park')).not.toBeNull();
    expect(await contactPhoto('/contacts/sam-lee')).toBeNull();
  });

  it("refuses a forged pick naming a contact that is not the sender's", async () => {
    const answer = await bot.ask(PEOPLE.alex, { text: 'contact sam', attachments: [bot.image('a.jpg')] });
    const pick = actionsOf(cardOf(answer)).find((action) => action.verb === 'pickPhotoTarget')!;
    const forged = await press(bot, PEOPLE.alex, {
      verb: pick.verb,
      data: { ...pick.data, id: 'not-a-contact-of-alex' },
    });
    expect(JSON.stringify(forged)).toMatch(/None of your Outlook contacts/);
  });

  it('says which contacts there are when none matches', async () => {
    const answer = await bot.ask(PEOPLE.alex, { text: 'contact Zed', attachments: [bot.image('a.jpg')] });
    expect(answer.text).toMatch(/None of your Outlook contacts is called "Zed"/);
    expect(answer.text).toMatch(/Some of your contacts: .*Ravi Kumar/);
  });

  it("removes one's own photo only after the confirmation, and Undo puts it back byte for byte", async () => {
    const original = await encodeJpeg(photoLike(300, 300, 5));
    await putPhotoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.adele), '/me/photo', original);
    const ask = await bot.ask(PEOPLE.adele, { text: 'remove my photo' });
    const confirm = actionsOf(cardOf(ask)).find((action) => action.verb === 'confirmRemovePhoto')!;
    expect(JSON.stringify(cardOf(ask))).toContain('Remove your profile photo?');
    // Nothing happens before the confirmation.
    expect(await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.adele), '/me/photo')).not.toBeNull();
    const removed = await press(bot, PEOPLE.adele, confirm);
    expect(JSON.stringify(removed)).toContain('Your profile photo is removed');
    expect(await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.adele), '/me/photo')).toBeNull();
    const undo = await press(
      bot,
      PEOPLE.adele,
      undoOf((removed as { value: Record<string, unknown> }).value),
    );
    expect(undo).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
    expect((await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.adele), '/me/photo'))!.equals(original)).toBe(
      true,
    );
  });

  it('says there is nothing to remove when there is no photo', async () => {
    const ask = await bot.ask(PEOPLE.patti, { text: 'remove my photo' });
    const confirm = actionsOf(cardOf(ask)).find((action) => action.verb === 'confirmRemovePhoto')!;
    const answer = await press(bot, PEOPLE.patti, confirm);
    expect(JSON.stringify(answer)).toMatch(/There is no photo to remove/);
  });

  it("removes a group's photo for its owner, and Undo puts it back", async () => {
    const original = await encodeJpeg(photoLike(300, 300, 6));
    await putPhotoAt(bot.emulatorUrl, alexToken(), `/groups/${MY_TEAM}/photo`, original);
    const ask = await bot.ask(PEOPLE.alex, { text: 'remove group photo my team' });
    expect(JSON.stringify(cardOf(ask))).toContain('Remove the photo of My Team?');
    const removed = await press(
      bot,
      PEOPLE.alex,
      actionsOf(cardOf(ask)).find((a) => a.verb === 'confirmRemovePhoto')!,
    );
    expect(JSON.stringify(removed)).toContain('The photo of My Team is removed');
    expect(await photoAt(bot.emulatorUrl, alexToken(), `/groups/${MY_TEAM}/photo`)).toBeNull();
    await press(bot, PEOPLE.alex, undoOf((removed as { value: Record<string, unknown> }).value));
    expect((await photoAt(bot.emulatorUrl, alexToken(), `/groups/${MY_TEAM}/photo`))!.equals(original)).toBe(
      true,
    );
  });

  it('refuses and audits a forged confirmation for a group the sender does not own; its photo stays', async () => {
    const marketing = await encodeJpeg(photoLike(300, 300, 7));
    await putPhotoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.megan), `/groups/${MARKETING}/photo`, marketing);
    const since = Date.now();
    const forged = await press(bot, PEOPLE.alex, {
      verb: 'confirmRemovePhoto',
      data: { kind: 'group', id: MARKETING },
    });
    expect(JSON.stringify(forged)).toMatch(/You are not an owner of Marketing/);
    expect(
      (await photoAt(bot.emulatorUrl, alexToken(), `/groups/${MARKETING}/photo`))!.equals(marketing),
    ).toBe(true);
    const audit = await new AuditLog({
      storage: new FsStorage({ root: path.join(bot.dataDir, 'storage') }),
    }).list(since - 1000, Date.now() + 1000);
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: PEOPLE.alex.id,
          target: { kind: 'group', id: MARKETING },
          result: 'NotGroupOwner',
        }),
      ]),
    );
  });
});
