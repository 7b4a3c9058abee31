/**
 * What `npm run build` leaves for the page in dist/web/ (scripts/build-web.mjs): the bundle and the stylesheet,
 * minified, small, without source maps, with teams-js inside and none of the bot's catalogs; the browser code never
 * builds markup from strings, so a name from the directory cannot become HTML.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { en } from '../../src/i18n/catalog-en.js';
import { PAGE_MESSAGE_KEYS } from '../../src/web/page-keys.js';

const dist = path.join(process.cwd(), 'dist', 'web');
const read = (name: string) => readFileSync(path.join(dist, name));

describe('the built page', () => {
  it('is in dist/web after the build: app.js and app.css, and no source map', () => {
    expect(existsSync(path.join(dist, 'app.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'app.css'))).toBe(true);
    expect(readdirSync(dist).filter((name) => name.startsWith('app.') && name.endsWith('.map'))).toEqual([]);
    expect(read('app.js').toString('utf8')).not.toContain('sourceMappingURL');
  });

  it('is small: under 120 KB (40 KB gzipped) of script and 8 KB of style', () => {
    const script = read('app.js');
    const style = read('app.css');
    expect(script.length).toBeLessThan(120 * 1024);
    expect(gzipSync(script, { level: 9 }).length).toBeLessThan(40 * 1024);
    expect(style.length).toBeLessThan(8 * 1024);
  });

  it('is minified', () => {
    const script = read('app.js').toString('utf8');
    expect(script.split('\n').length).toBeLessThan(10);
    expect(read('app.css').toString('utf8').split('\n').length).toBeLessThan(10);
  });

  it('holds teams-js and the page code, but no catalog: the page gets its words from the server', () => {
    const script = read('app.js').toString('utf8');
    expect(script).toContain('getAuthToken');
    expect(script).toContain('/api/local/token');
    expect(script).toContain('data-testid');
    for (const [key, text] of Object.entries(en)) {
      if ((PAGE_MESSAGE_KEYS as readonly string[]).includes(key) || text.length < 25) continue;
      expect({ key, bundled: script.includes(text) }).toEqual({ key, bundled: false });
    }
  });

  it('never writes markup from strings or evaluates code (the policy would refuse eval anyway)', () => {
    const sources = readdirSync(path.join(process.cwd(), 'src', 'web', 'client'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => readFileSync(path.join(process.cwd(), 'src', 'web', 'client', name), 'utf8'))
      .join('\n');
    expect(sources).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/,
    );
    expect(read('app.js').toString('utf8')).not.toMatch(/\beval\(|document\.write/);
  });
});
