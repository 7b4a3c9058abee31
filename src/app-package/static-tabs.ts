/**
 * The app's personal tab, **Photo**: the page the bot's own server serves at `/tab` (src/web/tab-routes.ts), shown
 * beside the bot's chat. Its name comes from the catalogs (`tab.name`) like every other string of the manifest, and
 * its addresses from the same constant the server's route uses, so `npm run appPackage:generate` writes it and
 * `npm run validate` proves the manifest still points at the route.
 *
 * Teams fills `{locale}` in the tab's address with its user-interface language, which is how the page opens in the
 * person's language. The tab and the bot share one Teams SSO resource on the bot's domain,
 * `api://${{BOT_DOMAIN}}/botid-${{BOT_ID}}`: `getAuthToken()` in a tab only works when the resource's host is the
 * tab's host, and the bot's token exchange uses the same URI (the Azure Bot's OAuth connection, infra/).
 */
import { CATALOGS, type Locale } from '../i18n/index.js';
import { TAB_PATH } from '../web/tab-paths.js';
import { asArray, asObject, asText, type Json } from './json-shape.js';

/** The bot's public host name, as the Toolkit fills it per environment. */
export const BOT_DOMAIN_PLACEHOLDER = '${{BOT_DOMAIN}}';

/** The page's address in the manifest: the bot's `/tab` route, in Teams' language. */
export const TAB_URL = `https://${BOT_DOMAIN_PLACEHOLDER}${TAB_PATH}?locale={locale}`;

/** The single sign-on resource of the bot and the tab (`webApplicationInfo.resource`, the Entra app's URI). */
export const SSO_RESOURCE = `api://${BOT_DOMAIN_PLACEHOLDER}/botid-\${{BOT_ID}}`;

/** The Photo tab's entity id. */
export const PHOTO_TAB_ENTITY_ID = 'photo';

/**
 * The static tabs in a language: the bot's chat first (Teams' reserved `conversations`, so the chat stays the
 * first thing the personal app shows), then Photo.
 */
export function staticTabs(locale: Locale) {
  return [
    { entityId: 'conversations', scopes: ['personal'] },
    {
      entityId: PHOTO_TAB_ENTITY_ID,
      name: CATALOGS[locale]['tab.name'],
      contentUrl: TAB_URL,
      websiteUrl: TAB_URL,
      scopes: ['personal'],
    },
  ];
}

/** A stand-in host for the placeholder, so the template's address can be parsed as a URL. */
const PLACEHOLDER_HOST = 'bot-domain.invalid';

/** Why `url` (from the template) is not the bot's page, or null when it is. */
function notThePage(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.replaceAll(BOT_DOMAIN_PLACEHOLDER, PLACEHOLDER_HOST));
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== PLACEHOLDER_HOST || parsed.port !== '') {
    return `must be on https://${BOT_DOMAIN_PLACEHOLDER}, the bot's own server`;
  }
  if (parsed.pathname !== TAB_PATH) return `must be the bot's ${TAB_PATH} route`;
  if (parsed.searchParams.get('locale') !== '{locale}') {
    return "must pass ?locale={locale}, so the page opens in Teams' language";
  }
  return null;
}

/**
 * The template's static tabs against the server: every tab with a page shows the bot's `/tab` route (its
 * `contentUrl` and `websiteUrl`), only in personal scope, and the Photo tab is there. Checked on the template, so
 * the placeholder itself is what is compared, not whatever an environment fills in.
 */
export function checkStaticTabs(template: Json): string[] {
  const problems: string[] = [];
  const tabs = asArray(template.staticTabs).map(asObject);
  tabs.forEach((tab, t) => {
    for (const field of ['contentUrl', 'websiteUrl'] as const) {
      if (!Object.hasOwn(tab, field)) continue;
      const why = notThePage(asText(tab[field]));
      if (why !== null) {
        problems.push(
          `manifest.json: staticTabs[${t}].${field} ${why} (${TAB_URL}), not ${asText(tab[field])}`,
        );
      }
    }
    const scopes = asArray(tab.scopes);
    if (scopes.length !== 1 || scopes[0] !== 'personal') {
      problems.push(`manifest.json: staticTabs[${t}].scopes must be ["personal"] (a personal tab)`);
    }
  });
  const photo = tabs.find((tab) => tab.entityId === PHOTO_TAB_ENTITY_ID);
  if (photo === undefined || !Object.hasOwn(photo, 'contentUrl')) {
    problems.push(`manifest.json: staticTabs has no "${PHOTO_TAB_ENTITY_ID}" tab showing ${TAB_URL}`);
  }
  return problems;
}
