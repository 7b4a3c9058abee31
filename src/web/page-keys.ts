/**
 * The catalog keys the Teams page shows, embedded in the page in its language (`<script type="application/json"
 * id="strings">`). The page's own words are the `tab.*` keys; the outcomes of a change or an Undo reuse the bot's
 * sentences, so a person reads the same words in chat and on the page. Error sentences are not here: the API
 * answers with its own localized message, which the page shows as it is.
 *
 * The browser code imports only the type of this list (`import type`), so no catalog is bundled into it.
 */
import type { MessageKey } from '../i18n/index.js';

/** Every key the page (server-rendered markup or browser code) uses. */
export const PAGE_MESSAGE_KEYS = [
  'tab.heading',
  'tab.intro',
  'tab.target.label',
  'tab.target.me',
  'tab.target.meNamed',
  'tab.target.groups',
  'tab.target.contacts',
  'tab.current.label',
  'tab.current.none',
  'tab.file.choose',
  'tab.file.drop',
  'tab.file.formats',
  'tab.crop.label',
  'tab.crop.help',
  'tab.crop.box',
  'tab.zoomIn',
  'tab.zoomOut',
  'tab.result.label',
  'tab.set',
  'tab.undo',
  'tab.status.signingIn',
  'tab.status.chooseFile',
  'tab.status.reading',
  'tab.status.adjust',
  'tab.status.cannotDraw',
  'tab.status.setting',
  'tab.status.undoing',
  'tab.status.openInTeams',
  'tab.status.signInFailed',
  'tab.status.offline',
  // The bot's sentences for the same outcomes.
  'photo.updated.title',
  'photo.updated.propagation',
  'target.updated.group',
  'target.updated.contact',
  'target.updated.propagation',
  'target.updated.contactNote',
  'undo.restored',
  'undo.removed',
  'undo.other.restored',
  'undo.other.removed',
  'pick.inFolder',
  'error.generic',
  // Quality checks (issue 18): a warned photo can be set all the same.
  'quality.card.useAnyway',
] as const satisfies readonly MessageKey[];

/** A key the page uses. */
export type PageKey = (typeof PAGE_MESSAGE_KEYS)[number];

/** The page's strings in one language, key → text (placeholders left for the browser to fill). */
export type PageStrings = Readonly<Record<PageKey, string>>;
