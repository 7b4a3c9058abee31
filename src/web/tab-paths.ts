/**
 * Where the Teams page lives on the bot's server, shared by the route that serves it (`tab-routes.ts`) and the app
 * package that points Teams at it (`src/app-package/static-tabs.ts`), so the manifest's tab and the server's route
 * cannot drift apart.
 */

/** The page itself: `GET /tab?locale=<tag>`. */
export const TAB_PATH = '/tab';

/** The page's two assets under {@link TAB_PATH}, built by `scripts/build-web.mjs` into `dist/web/`, and their types. */
export const TAB_ASSETS = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
} as const;

/** The name of one of {@link TAB_ASSETS}. */
export type TabAsset = keyof typeof TAB_ASSETS;

/** True when `name` is one of {@link TAB_ASSETS} (an own key, so `constructor` or `__proto__` is not). */
export function isTabAsset(name: string): name is TabAsset {
  return Object.hasOwn(TAB_ASSETS, name);
}
