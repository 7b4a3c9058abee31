/**
 * The page's words: the strings the server embedded in its language (`<script type="application/json"
 * id="strings">`, see src/web/tab-page.ts), with `{name}` placeholders filled here. None of the page's keys uses a
 * plural, so a plain replacement is the whole of the catalog grammar the browser needs (a test checks the keys).
 */
import type { PageKey, PageStrings } from '../page-keys.js';

/** Text for a key, with its `{placeholders}` filled. */
export type Translate = (key: PageKey, params?: Readonly<Record<string, string>>) => string;

/**
 * Reads the embedded strings; a missing or broken block gives the key itself, so nothing throws. A placeholder
 * without a value becomes the empty string, as in the server's `translate`.
 */
export function readStrings(document: Document): Translate {
  let strings: Partial<PageStrings> = {};
  try {
    const parsed: unknown = JSON.parse(document.getElementById('strings')?.textContent ?? '{}');
    if (parsed !== null && typeof parsed === 'object') strings = parsed;
  } catch {
    // Leave the keys showing: better than a blank page.
  }
  return (key, params = {}) =>
    (strings[key] ?? key).replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_whole, name: string) =>
      Object.hasOwn(params, name) ? (params[name] ?? '') : '',
    );
}
