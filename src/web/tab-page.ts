/**
 * The Teams page's HTML and its security headers. The markup is rendered here, in the page's language, so the page
 * reads before its script runs and a test can check it without a browser; the browser code (src/web/client/) finds
 * its parts by `data-testid` and fills in what depends on the person (their groups and contacts, the photos).
 *
 * Text goes into the markup escaped for HTML, and the strings the browser needs go in as JSON escaped so no
 * translation can end the `<script>` element it sits in (`<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`,
 * which JSON reads back as the same characters).
 */
import { CATALOGS, translate, type Locale } from '../i18n/index.js';
import { PAGE_MESSAGE_KEYS, type PageKey, type PageStrings } from './page-keys.js';
import { PLACEHOLDER_PHOTO } from './placeholder-photo.js';
import { TAB_PATH } from './tab-paths.js';

/**
 * The hosts allowed to frame the page: Teams, the Microsoft 365 app and Outlook, on the web, desktop and mobile
 * (Microsoft's list for tabs, with `*.cloud.microsoft`, where those clients are moving), and Teams in the US
 * government clouds the bot also serves (`gov.` and `dod.teams.microsoft.us`). Nothing else may embed it, which is
 * what stops another site from wrapping it to trick a click.
 */
export const FRAME_ANCESTORS: readonly string[] = [
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
];

/**
 * The page's Content-Security-Policy: its own script and stylesheet only (no inline script or style, no eval),
 * images from itself and the `data:`/`blob:` URLs it makes from photos, requests to its own origin only (the API),
 * framed only by {@link FRAME_ANCESTORS}; no `<base>` and no form submissions.
 */
export const TAB_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** JSON that is safe inside a `<script>` element: nothing in it can close the element or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** The page's strings in `locale`, raw (placeholders are filled in the browser). */
export function pageStrings(locale: Locale): PageStrings {
  const catalog = CATALOGS[locale];
  return Object.fromEntries(PAGE_MESSAGE_KEYS.map((key) => [key, catalog[key]])) as Record<PageKey, string>;
}

/** What the page's markup depends on. */
export interface TabPageOptions {
  readonly locale: Locale;
  /** A short hash of the assets, appended to their URLs so a browser's cached copy is never a stale one. */
  readonly assetVersion: string;
}

/** The whole page. */
export function renderTabPage({ locale, assetVersion }: TabPageOptions): string {
  const text = (key: PageKey) => escapeHtml(translate(locale, key));
  const asset = (name: string) => escapeHtml(`${TAB_PATH}/${name}?v=${encodeURIComponent(assetVersion)}`);
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" data-theme="default">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${text('tab.heading')} · Teams Photo</title>
<link rel="stylesheet" href="${asset('app.css')}">
<script type="application/json" id="strings">${scriptJson(pageStrings(locale))}</script>
<script src="${asset('app.js')}" defer></script>
</head>
<body>
<main class="page">
<header>
<h1>${text('tab.heading')}</h1>
<p class="intro">${text('tab.intro')}</p>
</header>
<section class="panel">
<label for="target">${text('tab.target.label')}</label>
<select id="target" data-testid="target-select"><option value="me">${text('tab.target.me')}</option></select>
<figure class="current">
<img data-testid="current-photo" src="${escapeHtml(PLACEHOLDER_PHOTO)}" alt="${text('tab.current.none')}" width="96" height="96" data-state="loading">
<figcaption>${text('tab.current.label')}</figcaption>
</figure>
</section>
<section class="panel">
<label class="drop-zone" data-testid="drop-zone">
<span class="drop-choose">${text('tab.file.choose')}</span>
<span>${text('tab.file.drop')}</span>
<span class="hint">${text('tab.file.formats')}</span>
<input type="file" data-testid="file-input" accept="image/*,.heic,.heif">
</label>
</section>
<section class="panel editor" hidden>
<h2>${text('tab.crop.label')}</h2>
<p class="hint" id="crop-help">${text('tab.crop.help')}</p>
<div class="crop-area" data-testid="crop-area" tabindex="0" role="group" aria-label="${text('tab.crop.label')}" aria-describedby="crop-help">
<img class="crop-image" alt="" draggable="false">
<div class="crop-square"></div>
</div>
<div class="zoom">
<button type="button" data-testid="zoom-out" aria-label="${text('tab.zoomOut')}" title="${text('tab.zoomOut')}">−</button>
<button type="button" data-testid="zoom-in" aria-label="${text('tab.zoomIn')}" title="${text('tab.zoomIn')}">+</button>
</div>
<p class="box-line">${text('tab.crop.box')} <output data-testid="crop-box"></output></p>
<figure class="result">
<canvas data-testid="result-preview" width="648" height="648" role="img" aria-label="${text('tab.result.label')}"></canvas>
<figcaption>${text('tab.result.label')}</figcaption>
</figure>
</section>
<div class="actions">
<button type="button" class="primary" data-testid="set-photo" disabled>${text('tab.set')}</button>
<button type="button" data-testid="use-anyway" hidden>${text('quality.card.useAnyway')}</button>
<button type="button" data-testid="undo" hidden>${text('tab.undo')}</button>
</div>
<p class="status" data-testid="status" role="status" aria-live="polite">${text('tab.status.signingIn')}</p>
<p class="note" data-testid="note" hidden></p>
</main>
</body>
</html>
`;
}
