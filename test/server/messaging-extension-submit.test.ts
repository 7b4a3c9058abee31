/**
 * "Set as group photo" on a message, the dialog's Set, end to end in local mode over real HTTP: an owner's photo
 * is set, the result card with Undo is posted in the conversation (or, where the bot cannot post, handed back for
 * the compose box), and Undo puts the previous photo back. A forged Set naming someone else's group is refused on
 * the server, audited, and the photo stays byte for byte; a waiting photo is its sender's alone.
 */
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditLog } from '../../dist/storage/audit-log.js';
import { FsStorage } from '../../dist/storage/fs-storage.js';
import { PLAYGROUND_TEAM_GROUP_ID } from '../../dist/emulator/seed-directory.js';
import { photoAt, putPhotoAt } from '../helpers/emulator-photos.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import {
  PEOPLE,
  actionsOf,
  invoke,
  press,
  startLocalBot,
  type LocalBot,
  type Person,
} from '../helpers/local-bot.js';

type Json = Record<string, unknown>;

const MY_TEAM = PLAYGROUND_TEAM_GROUP_ID;
const MARKETING = '00000000-0000-0000-0000-000000000032';
const IN_GROUP_CHAT = {
  conversation: { id: '19:abc-group-chat@thread.v2', conversationType: 'groupChat', tenantId: 'tenant' },
};

describe('Set as group photo: Set (local mode, over HTTP)', () => {
  let bot: LocalBot;

  beforeAll(async () => {
    bot = await startLocalBot({
      'a.jpg': await encodeJpeg(photoLike(900, 700, 6)),
      'b.jpg': await encodeJpeg(photoLike(640, 640, 7)),
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  const groupPhoto = (groupId: string) =>
    photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.alex), `/groups/${groupId}/photo`);

  /** Opens the dialog on a message with `image` and returns the waiting photo's choice id. */
  async function openDialog(person: Person, image: string): Promise<string> {
    const answer = await invoke(
      bot,
      person,
      'composeExtension/fetchTask',
      {
        commandId: 'setGroupPhoto',
        commandContext: 'message',
        messagePayload: { attachments: [bot.image(image)] },
      },
      IN_GROUP_CHAT,
    );
    const card = (answer.body?.task as { value: { card: { content: Json } } }).value.card.content;
    return (card.actions as { data: { choice: string } }[])[0]!.data.choice;
  }

  /** Presses Set with the group picked (data as Teams merges the input's value into the button's data). */
  function submit(person: Person, data: Json, extra: Json = IN_GROUP_CHAT) {
    return invoke(
      bot,
      person,
      'composeExtension/submitAction',
      { commandId: 'setGroupPhoto', commandContext: 'message', data, context: { theme: 'default' } },
      extra,
    );
  }

  const messages = () => bot.connector.sent.filter((s) => (s.activity.type ?? 'message') === 'message');

  it("sets the owner's group photo, posts the card with Undo in the conversation, and Undo takes it back", async () => {
    expect(await groupPhoto(MY_TEAM)).toBeNull();
    const choice = await openDialog(PEOPLE.alex, 'a.jpg');
    const before = messages().length;
    const answer = await submit(PEOPLE.alex, { choice, groupId: MY_TEAM });
    // Nothing to show in the dialog: it closes, and the card is in the conversation.
    expect(answer).toEqual({ status: 200, body: null });
    const set = await groupPhoto(MY_TEAM);
    expect(set).not.toBeNull();
    const posted = (await bot.connector.waitFor(before + 1)).at(-1)!;
    expect(posted.path).toContain(encodeURIComponent('19:abc-group-chat@thread.v2'));
    const card = posted.activity.attachments![0]!.content as Json;
    expect(JSON.stringify(card)).toContain('The photo of My Team is set');
    const undo = actionsOf(card).find((action) => action.verb === 'undoPhotoChange');
    expect(undo).toBeDefined();

    const undone = await press(bot, PEOPLE.alex, undo!, IN_GROUP_CHAT);
    expect(undone).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(await groupPhoto(MY_TEAM)).toBeNull();

    // Used once: the same Set again finds no photo waiting.
    const again = await submit(PEOPLE.alex, { choice, groupId: MY_TEAM });
    expect(again.body).toEqual({
      task: { type: 'message', value: expect.stringMatching(/That choice has expired/) as unknown },
    });
  });

  it('puts back the photo the group had before, byte for byte', async () => {
    const earlier = await encodeJpeg(photoLike(400, 400, 8));
    await putPhotoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.alex), `/groups/${MY_TEAM}/photo`, earlier);
    const original = await groupPhoto(MY_TEAM);
    const before = messages().length;
    await submit(PEOPLE.alex, { choice: await openDialog(PEOPLE.alex, 'b.jpg'), groupId: MY_TEAM });
    expect((await groupPhoto(MY_TEAM))!.equals(original!)).toBe(false);
    const card = (await bot.connector.waitFor(before + 1)).at(-1)!.activity.attachments![0]!.content as Json;
    await press(
      bot,
      PEOPLE.alex,
      actionsOf(card).find((action) => action.verb === 'undoPhotoChange')!,
    );
    expect((await groupPhoto(MY_TEAM))!.equals(original!)).toBe(true);
  });

  it("refuses and audits a forged Set naming a group the person does not own, and that group's photo stays", async () => {
    await putPhotoAt(
      bot.emulatorUrl,
      bot.tokenOf(PEOPLE.megan),
      `/groups/${MARKETING}/photo`,
      await encodeJpeg(photoLike(300, 300, 9)),
    );
    const marketingBefore = await groupPhoto(MARKETING);
    const choice = await openDialog(PEOPLE.alex, 'a.jpg');
    const sentBefore = bot.connector.sent.length;
    const since = Date.now();
    const answer = await submit(PEOPLE.alex, { choice, groupId: MARKETING });
    expect(answer.body).toEqual({
      task: { type: 'message', value: expect.stringMatching(/You are not an owner of Marketing/) as unknown },
    });
    expect((await groupPhoto(MARKETING))!.equals(marketingBefore!)).toBe(true);
    expect(bot.connector.sent.length).toBe(sentBefore);
    const audit = await new AuditLog({
      storage: new FsStorage({ root: path.join(bot.dataDir, 'storage') }),
    }).list(since - 1000, Date.now() + 1000);
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: PEOPLE.alex.id,
          target: { kind: 'group', id: MARKETING },
          path: 'messaging-extension',
          result: 'NotGroupOwner',
        }),
      ]),
    );
  });

  it("does not let anyone else use a person's waiting photo, even for a group they own", async () => {
    const alexChoice = await openDialog(PEOPLE.alex, 'a.jpg');
    const marketingBefore = await groupPhoto(MARKETING);
    const answer = await submit(PEOPLE.megan, { choice: alexChoice, groupId: MARKETING });
    expect(JSON.stringify(answer.body)).toMatch(/That choice has expired/);
    expect((await groupPhoto(MARKETING))!.equals(marketingBefore!)).toBe(true);
  });

  it('refuses a Set with its data missing or malformed, changing nothing', async () => {
    const before = await groupPhoto(MY_TEAM);
    for (const data of [{}, { groupId: MY_TEAM }, { choice: ['x'], groupId: MY_TEAM }]) {
      const answer = await submit(PEOPLE.alex, data);
      expect(JSON.stringify(answer.body)).toMatch(/That choice has expired/);
    }
    expect(await groupPhoto(MY_TEAM)).toEqual(before);
  });

  it('hands the card back for the compose box when the bot cannot post in the conversation', async () => {
    // The Bot Connector's answer when the bot is not a member of the conversation: the post fails, the change
    // stands, and the card comes back in the answer.
    const attempts: string[] = [];
    const refusing = createServer((req, res) => {
      attempts.push(req.url ?? '');
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'not a member' } }));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const { port } = refusing.address() as AddressInfo;
    const before = await groupPhoto(MY_TEAM);
    const choice = await openDialog(PEOPLE.alex, 'b.jpg');
    const answer = await submit(
      PEOPLE.alex,
      { choice, groupId: MY_TEAM },
      { ...IN_GROUP_CHAT, serviceUrl: `http://127.0.0.1:${port}` },
    );
    expect(answer.status).toBe(200);
    const result = answer.body?.composeExtension as {
      type: string;
      attachmentLayout: string;
      attachments: Json[];
    };
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const card = result.attachments[0]!.content as Json;
    expect(JSON.stringify(card)).toContain('The photo of My Team is set');
    expect(actionsOf(card).some((action) => action.verb === 'undoPhotoChange')).toBe(true);
    expect(await groupPhoto(MY_TEAM)).not.toEqual(before);
    expect(attempts).toHaveLength(1);
    await new Promise<void>((resolve) => {
      refusing.close(() => {
        resolve();
      });
    });
  });
});
