/**
 * The page's strings (src/web/page-keys.ts): every `tab.*` sentence the catalogs hold is one the page shows (the
 * tab's name aside, which is the manifest's), every key it embeds is used by its markup or its browser code, none
 * needs the catalog grammar the browser does not have (plurals), and the browser fills exactly the placeholders
 * each sentence has. The crop's lower limit is the pipeline's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { en } from '../../src/i18n/catalog-en.js';
import { CATALOGS, placeholdersOf, SUPPORTED_LOCALES } from '../../src/i18n/index.js';
import { DEFAULT_DIMENSION_LIMITS } from '../../src/photo/image-header.js';
import { MIN_CROP_SIDE } from '../../src/web/client/crop-box.js';
import { PAGE_MESSAGE_KEYS } from '../../src/web/page-keys.js';
import { pageStrings } from '../../src/web/tab-page.js';

const webDir = path.join(process.cwd(), 'src', 'web');
/** The page's code: the server's markup and every browser module. */
const pageCode = [
  readFileSync(path.join(webDir, 'tab-page.ts'), 'utf8'),
  ...readdirSync(path.join(webDir, 'client'))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(path.join(webDir, 'client', name), 'utf8')),
].join('\n');

describe('the page strings', () => {
  it('include every tab.* key but the tab name, and only keys the catalogs have', () => {
    const tabKeys = Object.keys(en).filter((key) => key.startsWith('tab.') && key !== 'tab.name');
    expect(PAGE_MESSAGE_KEYS.filter((key) => key.startsWith('tab.'))).toEqual(tabKeys);
    for (const key of PAGE_MESSAGE_KEYS) expect(Object.keys(en)).toContain(key);
    expect(new Set(PAGE_MESSAGE_KEYS).size).toBe(PAGE_MESSAGE_KEYS.length);
  });

  it('are each used by the markup or the browser code', () => {
    for (const key of PAGE_MESSAGE_KEYS) {
      // A conditional such as `own ? 'undo.restored' : 'undo.other.restored'` names each key whole.
      expect({ key, used: pageCode.includes(`'${key}'`) }).toEqual({ key, used: true });
    }
  });

  it('use no plural, which the browser does not resolve', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const [key, text] of Object.entries(pageStrings(locale))) {
        expect({ locale, key, plural: text.includes(', plural,') }).toEqual({ locale, key, plural: false });
      }
    }
  });

  it('are filled with exactly the placeholders they have', () => {
    // What the browser code passes, per key (main.ts and target-chooser.ts).
    const passed: Record<string, string[]> = {
      'tab.target.meNamed': ['name'],
      'target.updated.group': ['name'],
      'target.updated.contact': ['name'],
      'pick.inFolder': ['folder', 'name'],
    };
    for (const key of PAGE_MESSAGE_KEYS) {
      for (const locale of SUPPORTED_LOCALES) {
        const names = [...new Set(placeholdersOf(CATALOGS[locale][key]))].sort();
        expect({ key, locale, names }).toEqual({ key, locale, names: passed[key] ?? [] });
      }
    }
  });

  it('name the tab in every language, briefly', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const name = CATALOGS[locale]['tab.name'];
      expect({ locale, fits: name.length > 0 && name.length <= 16 }).toEqual({ locale, fits: true });
    }
  });

  it("keep the crop's smallest side the pipeline's", () => {
    expect(MIN_CROP_SIDE).toBe(DEFAULT_DIMENSION_LIMITS.minSide);
  });
});
