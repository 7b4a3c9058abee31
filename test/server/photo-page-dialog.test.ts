/**
 * The Photo page as a dialog from the bot's cards, end to end in local mode over real HTTP: help offers **Open the
 * Photo page**, whose `task/fetch` answers the page's address on this server in the person's language, and that
 * address serves the page.
 */
import { actionsOf, cardOf, invoke, PEOPLE, startLocalBot, type LocalBot } from '../helpers/local-bot.js';

describe('the Photo page as a dialog (local mode, over HTTP)', () => {
  let bot: LocalBot;

  beforeAll(async () => {
    bot = await startLocalBot({});
  });
  afterAll(async () => {
    await bot.stop();
  });

  it("help offers the page, and its task/fetch opens the page in the sender's language", async () => {
    const help = await bot.ask(PEOPLE.alex, { text: 'hilfe', locale: 'de-DE' });
    const open = actionsOf(cardOf(help)).find((action) => action.title === 'Fotoseite öffnen');
    expect(open).toMatchObject({
      type: 'Action.Submit',
      data: { msteams: { type: 'task/fetch' }, open: 'photoPage' },
    });

    const answer = await invoke(bot, PEOPLE.alex, 'task/fetch', { data: open!.data }, { locale: 'de-DE' });
    const task = (answer.body as { task?: { type?: string; value?: { url?: string; title?: string } } }).task;
    expect(task?.type).toBe('continue');
    expect(task?.value?.title).toBe('Profilfoto');
    expect(task?.value?.url).toBe(`${bot.app.server.url}/tab?locale=de`);
    const page = await fetch(task!.value!.url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="de"');
  });
});
