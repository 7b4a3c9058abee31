/**
 * A group's photo from chat, end to end in local mode over real HTTP: the compiled bot, the pipeline on worker
 * threads and the in-process Graph emulator, whose directory gives Alex a few groups of his own. Owners set their
 * groups' photos by name (accents and case do not matter), pick among several, use the image they sent a moment
 * before, set their team's photo from its channel; everyone else is refused, audited, and changes nothing.
 */
import { AuditLog } from '../../dist/storage/audit-log.js';
import { FsStorage } from '../../dist/storage/fs-storage.js';
import path from 'node:path';
import { photoAt, putPhotoAt } from '../helpers/emulator-photos.js';
import { encodeJpeg, encodePng, photoLike } from '../helpers/images.js';
import { actionsOf, cardOf, PEOPLE, press, startLocalBot, type LocalBot } from '../helpers/local-bot.js';

const MY_TEAM = '00000000-0000-0000-0000-000000000031';
const MARKETING = '00000000-0000-0000-0000-000000000032';
const DESIGN_TEAM = 'design-team-group';
const DESIGN_OPS = 'design-ops-group';
const CAFE = 'equipe-cafe-group';

describe('Group photos in chat (local mode, over HTTP)', () => {
  let bot: LocalBot;

  beforeAll(async () => {
    bot = await startLocalBot(
      {
        'a.jpg': await encodeJpeg(photoLike(900, 700, 1)),
        'b.png': await encodePng(photoLike(640, 640, 2)),
      },
      (directory) => {
        const alex = PEOPLE.alex.id;
        const group = (id: string, displayName: string, mailNickname: string) => ({
          id,
          displayName,
          mailNickname,
          mail: `${mailNickname}@example.com`,
          owners: [alex],
          members: [alex],
        });
        directory.groups = [
          ...(directory.groups ?? []),
          group(DESIGN_TEAM, 'Design Team', 'design-team'),
          group(DESIGN_OPS, 'Design Ops', 'design-ops'),
          group(CAFE, 'Équipe Café', 'equipe-cafe'),
        ];
      },
    );
  });
  afterAll(async () => {
    await bot.stop();
  });

  const groupPhoto = (groupId: string) =>
    photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.alex), `/groups/${groupId}/photo`);
  const changeIdOf = (card: Record<string, unknown> | undefined) =>
    actionsOf(card).find((action) => action.verb === 'undoPhotoChange')?.data.changeId;

  it('sets the photo of a group the sender owns, named in the message with the image, and Undo removes it again', async () => {
    expect(await groupPhoto(MY_TEAM)).toBeNull();
    const answer = await bot.ask(PEOPLE.alex, { text: 'group My Team', attachments: [bot.image('a.jpg')] });
    const card = cardOf(answer);
    expect(JSON.stringify(card)).toContain('The photo of My Team is set');
    const set = await groupPhoto(MY_TEAM);
    expect(set).not.toBeNull();
    // Alex's own photo is not what changed.
    expect(await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.alex), '/me/photo')).toBeNull();

    const undo = await press(bot, PEOPLE.alex, {
      verb: 'undoPhotoChange',
      data: { changeId: changeIdOf(card)! },
    });
    expect(undo).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    // Said of the group's photo, not of "your" photo.
    expect(JSON.stringify(undo)).toContain('Undone: there is no photo now, as before this change.');
    expect(await groupPhoto(MY_TEAM)).toBeNull();
  });

  it('matches without regard to case or accents, and by mail address', async () => {
    const byName = await bot.ask(PEOPLE.alex, {
      text: 'group equipe CAFE',
      attachments: [bot.image('b.png')],
    });
    expect(JSON.stringify(cardOf(byName))).toContain('The photo of Équipe Café is set');
    const first = await groupPhoto(CAFE);
    expect(first).not.toBeNull();
    const byMail = await bot.ask(PEOPLE.alex, {
      text: 'group equipe-cafe@example.com',
      attachments: [bot.image('a.jpg')],
    });
    expect(JSON.stringify(cardOf(byMail))).toContain('Équipe Café');
    expect((await groupPhoto(CAFE))!.equals(first!)).toBe(false);
  });

  it('uses the image sent a moment before when "group <name>" comes on its own', async () => {
    await bot.ask(PEOPLE.alex, { attachments: [bot.image('b.png')] });
    const own = await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.alex), '/me/photo');
    expect(own).not.toBeNull();
    const answer = await bot.ask(PEOPLE.alex, { text: 'group design ops' });
    expect(JSON.stringify(cardOf(answer))).toContain('The photo of Design Ops is set');
    // The same prepared photo: Graph got the bytes that became Alex's own photo.
    expect((await groupPhoto(DESIGN_OPS))!.equals(own!)).toBe(true);
  });

  it('says so when there is no recent image to use', async () => {
    const answer = await bot.ask(PEOPLE.megan, { text: 'group Marketing' });
    expect(answer.text).toMatch(/no image from you from the last few minutes/);
  });

  it('refuses a group the sender does not own, lists the groups they do own, and changes nothing', async () => {
    const before = await groupPhoto(MARKETING);
    const answer = await bot.ask(PEOPLE.alex, { text: 'group Marketing', attachments: [bot.image('a.jpg')] });
    expect(answer.text).toMatch(/None of the groups you own is called "Marketing"/);
    expect(answer.text).toMatch(/Groups you own: .*Design Ops.*My Team/);
    expect(await groupPhoto(MARKETING)).toEqual(before);
  });

  it('offers a pick card when several owned groups match, and sets the one picked', async () => {
    const answer = await bot.ask(PEOPLE.alex, { text: 'group design', attachments: [bot.image('a.jpg')] });
    const card = cardOf(answer);
    expect(JSON.stringify(card)).toContain('Which group did you mean?');
    const picks = actionsOf(card).filter((action) => action.verb === 'pickPhotoTarget');
    expect(picks.map((pick) => pick.title)).toEqual([
      'Design Ops (design-ops@example.com)',
      'Design Team (design-team@example.com)',
    ]);
    const before = await groupPhoto(DESIGN_TEAM);
    const picked = await press(bot, PEOPLE.alex, picks[1]!);
    expect(picked).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(picked)).toContain('The photo of Design Team is set');
    expect(await groupPhoto(DESIGN_TEAM)).not.toEqual(before);
    // Used once: the same button again finds nothing waiting.
    const again = await press(bot, PEOPLE.alex, picks[1]!);
    expect(JSON.stringify(again)).toMatch(/That choice has expired/);
  });

  it("refuses and audits a forged pick naming a group the sender does not own, and that group's photo stays", async () => {
    const owner = PEOPLE.megan;
    await putPhotoAt(
      bot.emulatorUrl,
      bot.tokenOf(owner),
      `/groups/${MARKETING}/photo`,
      await encodeJpeg(photoLike(300, 300, 9)),
    );
    const marketingBefore = await groupPhoto(MARKETING);
    const answer = await bot.ask(PEOPLE.alex, { text: 'group design', attachments: [bot.image('b.png')] });
    const pick = actionsOf(cardOf(answer)).find((action) => action.verb === 'pickPhotoTarget')!;
    const since = Date.now();
    const forged = await press(bot, PEOPLE.alex, { verb: pick.verb, data: { ...pick.data, id: MARKETING } });
    expect(forged).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(JSON.stringify(forged)).toMatch(/You are not an owner of Marketing/);
    expect((await groupPhoto(MARKETING))!.equals(marketingBefore!)).toBe(true);
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

  describe("in a team's channel", () => {
    const channelMessage = (text: string) => ({
      text: `<at>Teams Photo</at> ${text}`,
      entities: [
        {
          type: 'mention',
          text: '<at>Teams Photo</at>',
          mentioned: { id: '28:teams-photo-bot', name: 'Teams Photo' },
        },
      ],
      conversation: {
        id: '19:general-myteam@thread.tacv2;messageid=1700000000000',
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

    it("sets this team's photo for its owner, answering in the thread", async () => {
      const before = await groupPhoto(MY_TEAM);
      const sentBefore = bot.connector.sent.length;
      const answer = await bot.ask(PEOPLE.alex, channelMessage('group'));
      expect(JSON.stringify(cardOf(answer))).toContain('The photo of My Team is set');
      expect(await groupPhoto(MY_TEAM)).not.toEqual(before);
      const reply = bot.connector.sent.slice(sentBefore).find((s) => s.activity.type === 'message')!;
      expect(reply.path).toContain(
        encodeURIComponent('19:general-myteam@thread.tacv2;messageid=1700000000000'),
      );
    });

    it("refuses a member who is not an owner, audits it, and the team's photo stays", async () => {
      const before = await groupPhoto(MY_TEAM);
      const answer = await bot.ask(PEOPLE.megan, channelMessage('team'));
      expect(answer.text).toMatch(/You are not an owner of My Team/);
      expect(answer.text).toMatch(/Groups you own: Marketing/);
      expect(await groupPhoto(MY_TEAM)).toEqual(before);
    });

    it("does not touch anyone's photo for an image without a group command", async () => {
      const own = await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.adele), '/me/photo');
      const answer = await bot.ask(PEOPLE.adele, { ...channelMessage(''), text: '<at>Teams Photo</at>' });
      expect(answer.text).toMatch(/only change a group's photo/);
      expect(await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.adele), '/me/photo')).toEqual(own);
    });
  });
});
