/**
 * The **Groups** search and the group dialog, end to end in local mode over real HTTP: the groups a person owns with
 * their photos or initials, bounded; the dialog picker's typeahead; **Change photo** with the image sent a moment
 * before, and Set; and a person who does not own the group is told so.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { PLAYGROUND_TEAM_GROUP_ID } from '../../dist/emulator/seed-directory.js';
import { photoAt, putPhotoAt } from '../helpers/emulator-photos.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import {
  PEOPLE,
  actionsOf,
  invoke,
  startLocalBot,
  type LocalBot,
  type Person,
} from '../helpers/local-bot.js';

type Json = Record<string, unknown>;
interface Result {
  readonly contentType: string;
  readonly content: Json;
  readonly preview: {
    contentType: string;
    content: { title: string; text?: string; images: { url: string }[] };
  };
}

const MY_TEAM = PLAYGROUND_TEAM_GROUP_ID;
const DESIGN_TEAM = 'design-team-group';
const DESIGN_OPS = 'design-ops-group';
/** Projects Alex owns besides, so that he owns more groups than a search shows. */
const PROJECTS = 28;

describe('the Groups search and the group dialog (local mode, over HTTP)', () => {
  let bot: LocalBot;

  beforeAll(async () => {
    bot = await startLocalBot({ 'a.jpg': await encodeJpeg(photoLike(800, 600, 12)) }, (directory) => {
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
        ...Array.from({ length: PROJECTS }, (_, i) =>
          group(`project-${i}`, `Project ${String(i).padStart(2, '0')}`, `project-${i}`),
        ),
      ];
    });
    await putPhotoAt(
      bot.emulatorUrl,
      bot.tokenOf(PEOPLE.alex),
      `/groups/${DESIGN_OPS}/photo`,
      await encodeJpeg(photoLike(500, 500, 13)),
    );
  });
  afterAll(async () => {
    await bot.stop();
  });

  function query(person: Person, parameters: Json[]) {
    return invoke(bot, person, 'composeExtension/query', {
      commandId: 'groups',
      parameters,
      queryOptions: { skip: 0, count: 25 },
    });
  }
  const resultsOf = (body: Json | null) => (body?.composeExtension as { attachments: Result[] }).attachments;
  const decode = (uri: string) => Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');

  it('lists the groups matching the name typed, each with a card and a preview of its photo or initials', async () => {
    const answer = await query(PEOPLE.alex, [{ name: 'groupName', value: 'design' }]);
    expect(answer.body?.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const results = resultsOf(answer.body);
    expect(results.map((r) => r.preview.content.title)).toEqual(['Design Ops', 'Design Team']);
    const [ops, team] = results;

    // Design Ops has a photo: a small JPEG, the same in the card and the preview.
    expect(ops!.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    const opsThumbnail = ops!.preview.content.images[0]!.url;
    expect(opsThumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(await sharp(decode(opsThumbnail)).metadata()).toMatchObject({ width: 96, height: 96 });
    expect(JSON.stringify(ops!.content)).toContain(opsThumbnail);
    expect(ops!.preview.content.text).toBe('design-ops@example.com');

    // Design Team has none: its initials, drawn as a PNG for the preview and as text on the card.
    const teamThumbnail = team!.preview.content.images[0]!.url;
    expect(teamThumbnail).toMatch(/^data:image\/png;base64,/);
    expect(await sharp(decode(teamThumbnail)).metadata()).toMatchObject({
      format: 'png',
      width: 96,
      height: 96,
    });
    expect(JSON.stringify(team!.content.body)).toContain('"text":"DT"');

    expect(team!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(team!.content.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Change photo',
        data: { msteams: { type: 'task/fetch' }, groupId: DESIGN_TEAM },
      },
    ]);
  });

  it('lists every owned group on the first run, at most 25, and only groups the person owns', async () => {
    const answer = await query(PEOPLE.alex, [{ name: 'initialRun', value: 'true' }]);
    const titles = resultsOf(answer.body).map((r) => r.preview.content.title);
    expect(titles).toHaveLength(25);
    expect(titles.slice(0, 3)).toEqual(['Design Ops', 'Design Team', 'My Team']);
    expect(titles).not.toContain('Marketing');
    const megan = await query(PEOPLE.megan, [{ name: 'initialRun', value: 'true' }]);
    expect(resultsOf(megan.body).map((r) => r.preview.content.title)).toEqual(['Marketing']);
  });

  it('leaves a command it does not know to botbuilder, which answers 501', async () => {
    const answer = await invoke(bot, PEOPLE.alex, 'composeExtension/query', {
      commandId: 'people',
      parameters: [],
    });
    expect(answer.status).toBe(501);
  });

  it('says so when the person owns no group', async () => {
    const answer = await query(PEOPLE.adele, [{ name: 'initialRun', value: 'true' }]);
    expect(answer.body).toEqual({
      composeExtension: {
        type: 'message',
        text: expect.stringMatching(/You do not own any Microsoft 365 group/) as unknown,
      },
    });
  });

  it("answers the dialog picker's typeahead from the person's own groups, and refuses another dataset", async () => {
    const search = (value: Json) => invoke(bot, PEOPLE.alex, 'application/search', value);
    const answer = await search({
      kind: 'search',
      queryText: 'design',
      queryOptions: { skip: 0, top: 15 },
      dataset: 'teamsPhotoGroups',
    });
    expect(answer).toEqual({
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.search.searchResponse',
        value: {
          results: [
            { title: 'Design Ops (design-ops@example.com)', value: DESIGN_OPS },
            { title: 'Design Team (design-team@example.com)', value: DESIGN_TEAM },
          ],
        },
      },
    });
    const paged = await search({
      queryText: 'project',
      queryOptions: { skip: 10, top: 5 },
      dataset: 'teamsPhotoGroups',
    });
    const values = (paged.body?.value as { results: { value: string }[] }).results.map((r) => r.value);
    expect(values).toEqual(['project-10', 'project-11', 'project-12', 'project-13', 'project-14']);
    const marketing = await search({ queryText: 'marketing', dataset: 'teamsPhotoGroups' });
    expect(marketing.body?.value).toEqual({ results: [] });
    const other = await search({ queryText: 'design', dataset: 'graph.microsoft.com/users' });
    expect(other).toMatchObject({
      status: 400,
      body: { statusCode: 400, type: 'application/vnd.microsoft.error' },
    });
  });

  it('gives the Set as group photo dialog a typeahead when the person owns more groups than it lists', async () => {
    const answer = await invoke(bot, PEOPLE.alex, 'composeExtension/fetchTask', {
      commandId: 'setGroupPhoto',
      commandContext: 'message',
      messagePayload: { attachments: [bot.image('a.jpg')] },
    });
    const card = (answer.body?.task as { value: { card: { content: { body: Json[] } } } }).value.card.content;
    const picker = card.body.find((element) => element.type === 'Input.ChoiceSet')!;
    expect(picker).toMatchObject({
      style: 'filtered',
      'choices.data': { type: 'Data.Query', dataset: 'teamsPhotoGroups' },
    });
    expect(picker.choices).toHaveLength(15);
  });

  it("opens a group's dialog that says how to send an image when there is none waiting", async () => {
    const answer = await invoke(bot, PEOPLE.megan, 'task/fetch', {
      data: { msteams: { type: 'task/fetch' }, groupId: '00000000-0000-0000-0000-000000000032' },
    });
    const task = answer.body?.task as { type: string; value: { title: string; card: { content: Json } } };
    expect({ type: task.type, title: task.value.title }).toEqual({ type: 'continue', title: 'Marketing' });
    expect(JSON.stringify(task.value.card.content)).toContain(
      'send me the image in our chat with \\"group Marketing\\"',
    );
    expect(task.value.card.content.actions).toBeUndefined();
  });

  it('offers the image sent a moment before, and Set makes it the group photo and posts the card with Undo', async () => {
    // Alex sends an image in chat: it becomes his own photo, and waits a few minutes for a group.
    await bot.ask(PEOPLE.alex, { attachments: [bot.image('a.jpg')] });
    const own = await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.alex), '/me/photo');
    const opened = await invoke(bot, PEOPLE.alex, 'task/fetch', {
      data: { msteams: { type: 'task/fetch' }, groupId: MY_TEAM },
    });
    const card = (opened.body?.task as { value: { title: string; card: { content: Json } } }).value.card
      .content;
    const set = (card.actions as { type: string; data: { choice: string; groupId: string } }[])[0]!;
    expect(set).toMatchObject({
      type: 'Action.Submit',
      title: 'Set as its photo',
      data: { groupId: MY_TEAM },
    });

    const before = bot.connector.sent.filter((s) => (s.activity.type ?? 'message') === 'message').length;
    const answer = await invoke(bot, PEOPLE.alex, 'task/submit', { data: set.data });
    expect(answer.body).toEqual({ task: { type: 'message', value: 'The photo of My Team is set.' } });
    const photo = await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.alex), `/groups/${MY_TEAM}/photo`);
    // The same prepared photo Alex's own became.
    expect(createHash('sha256').update(photo!).digest('hex')).toBe(
      createHash('sha256').update(own!).digest('hex'),
    );
    const posted = (await bot.connector.waitFor(before + 1)).at(-1)!;
    const undo = actionsOf(posted.activity.attachments![0]!.content).find(
      (a) => a.verb === 'undoPhotoChange',
    );
    expect(undo).toBeDefined();
  });

  it('tells someone who does not own the group so, and a forged Set for it is refused', async () => {
    const opened = await invoke(bot, PEOPLE.megan, 'task/fetch', {
      data: { msteams: { type: 'task/fetch' }, groupId: MY_TEAM },
    });
    expect(opened.body).toEqual({
      task: { type: 'message', value: expect.stringMatching(/You are not an owner of My Team/) as unknown },
    });
    const before = await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.alex), `/groups/${MY_TEAM}/photo`);
    const forged = await invoke(bot, PEOPLE.megan, 'task/submit', {
      data: { choice: 'AAAAAAAAAAAAAAAAAAAAAA', groupId: MY_TEAM },
    });
    expect(JSON.stringify(forged.body)).toMatch(/You are not an owner of My Team/);
    expect(await photoAt(bot.emulatorUrl, bot.tokenOf(PEOPLE.alex), `/groups/${MY_TEAM}/photo`)).toEqual(
      before,
    );
  });
});
