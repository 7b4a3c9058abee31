/**
 * The page's HTML as the server renders it (src/web/tab-page.ts) and how its language is chosen
 * (src/web/page-locale.ts): the DOM contract the browser code and the browser tests rely on, every language's
 * strings embedded so that no translation can end their `<script>` element, and text escaped in the markup.
 */
import { CATALOGS, SUPPORTED_LOCALES, type Locale } from '../../src/i18n/index.js';
import { localeFromAcceptLanguage, pageLocale } from '../../src/web/page-locale.js';
import { escapeHtml, pageStrings, renderTabPage, scriptJson } from '../../src/web/tab-page.js';

/** The text of the strings block, as a browser's parser would end it: at the first `</script`. */
function stringsBlock(html: string): string {
  const start = html.indexOf('<script type="application/json" id="strings">');
  if (start < 0) throw new Error('no strings block');
  const from = start + '<script type="application/json" id="strings">'.length;
  return html.slice(from, html.toLowerCase().indexOf('</script', from));
}

describe('the page', () => {
  const html = renderTabPage({ locale: 'en', assetVersion: 'abc123' });

  it('has every part of the DOM contract, of the agreed kind', () => {
    const contract: [string, RegExp][] = [
      [
        'target-select',
        /<select [^>]*data-testid="target-select"[^>]*><option value="me">My photo<\/option>/,
      ],
      [
        'current-photo',
        /<img data-testid="current-photo" src="data:image\/svg\+xml,[^"]+" alt="No photo yet"/,
      ],
      ['file-input', /<input type="file" data-testid="file-input" accept="image\/\*,\.heic,\.heif">/],
      ['crop-area', /<div class="crop-area" data-testid="crop-area" tabindex="0"/],
      ['zoom-in', /<button type="button" data-testid="zoom-in" aria-label="Zoom in"/],
      ['zoom-out', /<button type="button" data-testid="zoom-out" aria-label="Zoom out"/],
      ['crop-box', /<output data-testid="crop-box"><\/output>/],
      ['result-preview', /<canvas data-testid="result-preview" width="648" height="648"/],
      [
        'set-photo',
        /<button type="button" class="primary" data-testid="set-photo" disabled>Set photo<\/button>/,
      ],
      [
        'status',
        /<p class="status" data-testid="status" role="status" aria-live="polite">Signing you in…<\/p>/,
      ],
      ['undo', /<button type="button" data-testid="undo" hidden>Undo<\/button>/],
    ];
    for (const [id, pattern] of contract)
      expect({ id, found: pattern.test(html) }).toEqual({ id, found: true });
    // The drop zone is the label around the file input.
    expect(html).toMatch(
      /<label class="drop-zone" data-testid="drop-zone">[\s\S]*data-testid="file-input"[\s\S]*<\/label>/,
    );
  });

  it('loads only its own script and stylesheet, versioned, and has no inline script, style or handler', () => {
    expect(html).toContain('<link rel="stylesheet" href="/tab/app.css?v=abc123">');
    expect(html).toContain('<script src="/tab/app.js?v=abc123" defer></script>');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual([
      '<script type="application/json" id="strings">',
      '<script src="/tab/app.js?v=abc123" defer>',
    ]);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=|javascript:/i);
  });

  it.each(SUPPORTED_LOCALES)(
    'in %s: says so in <html lang> and embeds exactly the page strings of %s',
    (locale) => {
      const page = renderTabPage({ locale, assetVersion: 'v' });
      expect(page).toContain(`<html lang="${locale}"`);
      expect(JSON.parse(stringsBlock(page))).toEqual(pageStrings(locale));
      expect(page).toContain(`<h1>${escapeHtml(CATALOGS[locale]['tab.heading'])}</h1>`);
      expect(page).toContain(escapeHtml(CATALOGS[locale]['tab.set']));
    },
  );

  it('embeds JSON no text can break out of, which reads back the same', () => {
    const hostile = {
      close: '</script><script>alert(1)</script>',
      upper: '</SCRIPT >',
      comment: '<!-- <script>',
      amp: 'a & b > c',
      separators: 'line\u2028para\u2029',
    };
    const json = scriptJson(hostile);
    expect(json).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(json)).toEqual(hostile);
    // In a page, the block ends where it should and still holds all of it.
    const page = `<script type="application/json" id="strings">${json}</script>`;
    expect(JSON.parse(stringsBlock(page))).toEqual(hostile);
  });

  it('escapes text in markup and attributes', () => {
    expect(escapeHtml(`<b title="x">Tom & 'Jerry'</b>`)).toBe(
      '&lt;b title=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;',
    );
    const page = renderTabPage({ locale: 'en', assetVersion: '"><script>x</script>' });
    expect(page).not.toContain('"><script>x');
    expect(page).toContain('/tab/app.js?v=%22%3E%3Cscript%3Ex%3C%2Fscript%3E');
  });
});

describe('the page language', () => {
  it.each<[string | null, string | undefined, Locale]>([
    ['de-DE', 'en', 'de'],
    ['en-us', 'de', 'en'],
    ['pt-pt', undefined, 'pt-BR'],
    ['zh-TW', 'zh-CN', 'en'],
    ['fr-fr', 'de', 'en'],
    ['  ', 'es', 'es'],
    ['', 'ru', 'ru'],
    [null, 'zh-CN,zh;q=0.9', 'zh-CN'],
    [null, undefined, 'en'],
  ])('?locale=%j with Accept-Language %j is %s', (query, header, expected) => {
    expect(pageLocale(query, header)).toBe(expected);
  });

  it.each<[string, Locale]>([
    ['fr-FR, de;q=0.8, en;q=0.5', 'de'],
    ['en;q=0.5, ru;q=0.9', 'ru'],
    ['es;q=0.7, pt;q=0.7', 'es'],
    ['zh-TW, zh-CN;q=0.1', 'zh-CN'],
    ['zh-Hant, ja', 'en'],
    ['de;q=0, es', 'es'],
    ['de;q=abc, es;q=0.2', 'es'],
    ['*', 'en'],
    ['', 'en'],
    [`${'fr, '.repeat(40)}de`, 'en'],
  ])('Accept-Language %j is %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
