/**
 * The Teams page over real HTTP from the real app in local mode (`startApp`, what `npm start` runs, compiled): the
 * page, its headers and policy, its language, its two assets and their caching, and nothing else under /tab/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import restify from 'restify';
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { silentLogger } from '../../dist/logger.js';
import { TAB_CONTENT_SECURITY_POLICY } from '../../dist/web/tab-page.js';
import { registerTabRoutes } from '../../dist/web/tab-routes.js';

/** The `?v=` the page links its assets with. */
function assetVersion(html: string): string {
  const version = /\/tab\/app\.js\?v=([0-9a-f]+)"/.exec(html)?.[1];
  if (version === undefined) throw new Error('the page links no versioned app.js');
  return version;
}

/** A GET with the path sent exactly as written (fetch would resolve `%2e%2e` before sending). */
function rawGet(
  base: string,
  route: string,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    httpGet({ hostname, port, path: route }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    }).on('error', reject);
  });
}

describe('the /tab routes in the running app', () => {
  let dataDir: string;
  let app: RunningApp;
  const get = (route: string, headers: Record<string, string> = {}) =>
    fetch(`${app.server.url}${route}`, { headers });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-tab-'));
    const config = loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
    });
    app = await startApp(config, silentLogger);
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the page with the policy, nosniff, no referrer and revalidation', async () => {
    const response = await get('/tab');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(TAB_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('vary')).toBe('Accept-Language');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en"/);
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(html));
  });

  it('has exactly the policy the contract names: nothing inline, only its own origin, framed only by Microsoft 365', async () => {
    const policy = (await get('/tab')).headers.get('content-security-policy') ?? '';
    const directives = new Map(
      policy.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual([
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://teams.microsoft.us',
      'https://*.teams.microsoft.us',
      'https://*.cloud.microsoft',
      'https://*.microsoft365.com',
      'https://*.office.com',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://outlook-sdf.office.com',
      'https://outlook-sdf.office365.com',
    ]);
    expect(policy).not.toMatch(/unsafe-|\*(?!\.)|http:/);
  });

  it.each([
    ['?locale=de-de', {}, 'de'],
    ['?locale=pt-br', { 'accept-language': 'ru' }, 'pt-BR'],
    ['?locale=zh-Hans', {}, 'zh-CN'],
    ['', { 'accept-language': 'fr-FR, ru;q=0.8, en;q=0.5' }, 'ru'],
    ['', { 'accept-language': 'es-MX,es;q=0.9' }, 'es'],
    ['', { 'accept-language': 'zh-TW, zh-CN;q=0.1' }, 'zh-CN'],
    ['?locale=fr-fr', { 'accept-language': 'de' }, 'en'],
    ['', {}, 'en'],
  ])('answers %s with %j in %s', async (query, headers: Record<string, string>, lang) => {
    const html = await (await get(`/tab${query}`, headers)).text();
    expect(html).toContain(`<html lang="${lang}"`);
  });

  it('serves app.js and app.css, cached for a year under the version the page links, revalidated otherwise', async () => {
    const version = assetVersion(await (await get('/tab')).text());
    for (const [name, type] of [
      ['app.js', 'text/javascript; charset=utf-8'],
      ['app.css', 'text/css; charset=utf-8'],
    ] as const) {
      const linked = await get(`/tab/${name}?v=${version}`);
      expect(linked.status).toBe(200);
      expect(linked.headers.get('content-type')).toBe(type);
      expect(linked.headers.get('x-content-type-options')).toBe('nosniff');
      expect(linked.headers.get('referrer-policy')).toBe('no-referrer');
      expect(linked.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(linked.headers.get('etag')).toBe(`"${version}"`);
      expect((await linked.arrayBuffer()).byteLength).toBeGreaterThan(100);
      const unversioned = await get(`/tab/${name}`);
      expect(unversioned.headers.get('cache-control')).toBe('no-cache');
      const stale = await get(`/tab/${name}?v=0000000000000000`);
      expect(stale.headers.get('cache-control')).toBe('no-cache');
      const again = await get(`/tab/${name}`, { 'if-none-match': `"${version}"` });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
  });

  it.each([
    '/tab/index.html',
    '/tab/app.js.map',
    '/tab/tab-routes.js',
    '/tab/page-keys.js',
    '/tab/constructor',
    '/tab/__proto__',
    '/tab/%2e%2e/package.json',
    '/tab/..%2fapp.js',
    '/tab/app.js/x',
    '/tab/APP.JS',
  ])('answers 404 for %s, and serves nothing else from dist/web', async (route) => {
    const response = await rawGet(app.server.url, route);
    expect(response.status).toBe(404);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body).not.toMatch(/export|import|"name"/);
  });
});

describe('the /tab routes without a build', () => {
  it('still serve the page, answer 404 for the assets, and say so once in the log', async () => {
    const warnings: string[] = [];
    const server = restify.createServer();
    const empty = await mkdtemp(path.join(tmpdir(), 'teams-photo-no-assets-'));
    registerTabRoutes(server, { assetsDir: empty, logger: { warn: (event) => warnings.push(event) } });
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        resolve();
      });
    });
    try {
      const base = `http://127.0.0.1:${server.address().port}`;
      const page = await fetch(`${base}/tab`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/tab/app.js?v=missing');
      expect((await fetch(`${base}/tab/app.js`)).status).toBe(404);
      expect((await fetch(`${base}/tab/app.css`)).status).toBe(404);
      expect(warnings).toEqual(['tab assets missing']);
    } finally {
      server.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
