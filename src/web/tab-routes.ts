/**
 * Serves the Teams page on the bot's own server: `GET /tab` (the HTML in the page's language, see tab-page.ts),
 * `GET /tab/app.js` and `GET /tab/app.css` (the bundle `npm run build` writes to dist/web/, read once and kept in
 * memory), and 404 for anything else under `/tab/`. Transport only: the page's text and policy are tab-page.ts's.
 *
 * Every answer says `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer`; the HTML carries the
 * Content-Security-Policy. The HTML is revalidated on every load (`no-cache`, and it varies with Accept-Language);
 * an asset asked for under its current version (`?v=<hash>`, as the HTML links it) may be cached for a year, since
 * a new build changes the hash and so the URL; asked for otherwise, it is revalidated.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import { pageLocale } from './page-locale.js';
import { renderTabPage, TAB_CONTENT_SECURITY_POLICY } from './tab-page.js';
import { isTabAsset, TAB_ASSETS, TAB_PATH, type TabAsset } from './tab-paths.js';

/** Where the built assets are: beside this module once compiled (dist/web/). */
const BUILT_ASSETS_DIR = path.dirname(fileURLToPath(import.meta.url));

/** What {@link registerTabRoutes} takes. */
export interface TabRoutesOptions {
  /** The directory holding app.js and app.css; default the compiled module's own, dist/web/. */
  readonly assetsDir?: string;
  /** Told once when the assets are missing (the page is then served without them). */
  readonly logger?: Pick<Logger, 'warn'>;
}

/** The assets in memory, and their version: the start of a SHA-256 over both. */
interface Assets {
  readonly files: ReadonlyMap<TabAsset, Buffer>;
  readonly version: string;
}

/** Headers on every answer under /tab. */
const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' } as const;

function readAssets(dir: string): Assets | null {
  try {
    const files = new Map<TabAsset, Buffer>();
    const hash = createHash('sha256');
    for (const name of Object.keys(TAB_ASSETS) as TabAsset[]) {
      const bytes = readFileSync(path.join(dir, name));
      files.set(name, bytes);
      hash.update(name).update('\0').update(bytes);
    }
    return { files, version: hash.digest('hex').slice(0, 16) };
  } catch {
    return null;
  }
}

/** The query string's first value for `name`. */
function queryValue(req: Request, name: string): string | null {
  return new URL(req.url ?? '/', 'http://page.invalid').searchParams.get(name);
}

function send(res: Response, status: number, body: string | Buffer, headers: Record<string, string>): void {
  res.sendRaw(status, body, {
    ...COMMON_HEADERS,
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
}

function notFound(res: Response): void {
  send(res, 404, 'Not found\n', { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
}

/** Adds the page's routes to `server`. */
export function registerTabRoutes(server: Server, options: TabRoutesOptions = {}): void {
  const dir = options.assetsDir ?? BUILT_ASSETS_DIR;
  let assets: Assets | null = null;
  let warned = false;
  // Read on first use and kept; until a build provides them, each request looks again.
  const loaded = (): Assets | null => {
    assets ??= readAssets(dir);
    if (assets === null && !warned) {
      warned = true;
      options.logger?.warn('tab assets missing', { outcome: 'refused', code: 'TabAssetsMissing' });
    }
    return assets;
  };

  server.get(TAB_PATH, (req, res, next) => {
    const locale = pageLocale(queryValue(req, 'locale'), req.headers['accept-language']);
    const html = renderTabPage({ locale, assetVersion: loaded()?.version ?? 'missing' });
    send(res, 200, html, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': TAB_CONTENT_SECURITY_POLICY,
      'cache-control': 'no-cache',
      vary: 'Accept-Language',
    });
    next();
  });

  server.get(`${TAB_PATH}/*`, (req, res, next) => {
    const name = new URL(req.url ?? '/', 'http://page.invalid').pathname.slice(TAB_PATH.length + 1);
    const current = loaded();
    const bytes = isTabAsset(name) ? current?.files.get(name) : undefined;
    if (current === null || bytes === undefined || !isTabAsset(name)) {
      notFound(res);
      next();
      return;
    }
    const etag = `"${current.version}"`;
    const cacheControl =
      queryValue(req, 'v') === current.version ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (req.headers['if-none-match'] === etag) {
      res.sendRaw(304, '', { ...COMMON_HEADERS, etag, 'cache-control': cacheControl });
    } else {
      send(res, 200, bytes, { 'content-type': TAB_ASSETS[name], etag, 'cache-control': cacheControl });
    }
    next();
  });
}
