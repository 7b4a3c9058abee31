/**
 * The welcome card (sent when the bot is added) and the help card (the answer to "help" or to text the bot does
 * not understand). Both end with the same help lines, so what a person reads first is what help shows later.
 */
import { translate, type Locale } from '../../i18n/index.js';
import {
  cardAttachment,
  listBlock,
  plainTitleBlock,
  textBlock,
  titleBlock,
  type AdaptiveCardAttachment,
  type SubmitAction,
} from './adaptive-card.js';

/** What {@link welcomeCard} needs. */
export interface WelcomeCardOptions {
  readonly locale: Locale;
  /** The person's display name (`activity.from.name`); left out, empty or blank gives the greeting without it. */
  readonly name?: string;
}

/** What {@link helpCard} needs. */
export interface HelpCardOptions {
  readonly locale: Locale;
  /** True when the Photo page can be opened (its address is known): the card then offers it as a dialog. */
  readonly offerPage?: boolean;
}

/** The `data.open` of the help card's **Open the Photo page**: its `task/fetch` asks for the page as a dialog. */
export const OPEN_PHOTO_PAGE = 'photoPage';

function helpLines(locale: Locale): string[] {
  return [
    translate(locale, 'help.sendPhoto'),
    translate(locale, 'help.formats'),
    translate(locale, 'help.undo'),
    translate(locale, 'help.group'),
    translate(locale, 'help.contact'),
    translate(locale, 'help.remove'),
    translate(locale, 'help.myData', {
      myData: translate(locale, 'command.myData'),
      forgetMe: translate(locale, 'command.forgetMe'),
    }),
    translate(locale, 'help.help'),
  ];
}

/**
 * The greeting: "Hi {name}! I'm Teams Photo.", what the bot does, then the help lines. The name goes into a
 * plain-text run, never into Markdown, so a display name such as `[x](https://...)` shows as typed.
 */
export function welcomeCard(options: WelcomeCardOptions): AdaptiveCardAttachment {
  const { locale } = options;
  const name = options.name?.trim() ?? '';
  const title =
    name === '' ? translate(locale, 'welcome.titleNoName') : translate(locale, 'welcome.title', { name });
  return cardAttachment(title, [
    name === '' ? titleBlock(title) : plainTitleBlock(title),
    textBlock(translate(locale, 'welcome.body')),
    listBlock(helpLines(locale)),
  ]);
}

/**
 * The help: a title and the help lines (send a photo, formats, undo, groups, contacts, removal, help), and, where the
 * page can be opened, **Open the Photo page** (an `Action.Submit` whose `task/fetch` opens the page in a dialog).
 */
export function helpCard(options: HelpCardOptions): AdaptiveCardAttachment {
  const title = translate(options.locale, 'help.title');
  const actions: SubmitAction[] = options.offerPage
    ? [
        {
          type: 'Action.Submit',
          title: translate(options.locale, 'help.openPage'),
          data: { msteams: { type: 'task/fetch' }, open: OPEN_PHOTO_PAGE },
        },
      ]
    : [];
  return cardAttachment(title, [titleBlock(title), listBlock(helpLines(options.locale))], actions);
}
