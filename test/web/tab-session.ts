/**
 * The Photo tab as a person uses it, for the browser tests: the app as `npm start` runs it in local mode (the page
 * signs in as the local user through `/api/local/token`), Chromium opening `/tab`, and the steps of the page's DOM
 * contract (data-testid attributes): pick a target, upload a photo, move and zoom the square crop, read the box,
 * set it, read the status. The check that matters is on what Graph holds afterwards: the photo in the emulator
 * must show exactly the part of the uploaded picture the box selected, which a picture of four coloured quadrants
 * makes visible by sampling its pixels.
 */
import { expect } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  boxOf,
  launchChromium,
  openPage,
  waitForText,
  type OpenedPage,
  type Point,
  type ViewportName,
} from '../helpers/browser.js';
import {
  BLUE,
  GREEN,
  RED,
  YELLOW,
  colourAt,
  decodeReference,
  encodeJpeg,
  near,
  quadrants,
  type Rgb,
} from '../helpers/images.js';
import { startLocalBot, type LocalBot } from '../helpers/local-bot.js';

/** A crop box in upright source pixels, as `[data-testid=crop-box]` shows it (`x,y,w,h`). */
export interface CropBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A photo to upload: a picture in four coloured quadrants (red, green / blue, yellow) and its JPEG bytes. */
export interface QuadrantPhoto {
  readonly width: number;
  readonly height: number;
  readonly jpeg: Buffer;
}

export async function quadrantPhoto(width: number, height: number): Promise<QuadrantPhoto> {
  return { width, height, jpeg: await encodeJpeg(quadrants(width, height), 95) };
}

/** The running app and one browser, shared by a test file's tests. */
export interface TabSession {
  readonly bot: LocalBot;
  readonly browser: Browser;
  /** Opens the tab (`/tab` plus `query`) at a viewport. */
  open(viewport: ViewportName, query?: string): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** @param env more configuration variables (e.g. `QUALITY_CHECKS`) */
export async function startTabSession(env: Record<string, string> = {}): Promise<TabSession> {
  const bot = await startLocalBot({}, undefined, env);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await bot.stop();
    throw error;
  }
  return {
    bot,
    browser,
    open: (viewport, query = '') =>
      openPage(browser, `${bot.app.server.url}/tab${query}`, viewport, 'tab-browser'),
    async close() {
      await browser.close();
      await bot.stop();
    },
  };
}

/** Reads `[data-testid=crop-box]`; null while it does not show four numbers. */
async function readBox(page: Page): Promise<CropBox | null> {
  const text = (await page.getByTestId('crop-box').textContent()) ?? '';
  const numbers = text
    .trim()
    .split(/\s*,\s*/)
    .map((part) => Number(part));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return null;
  const [x, y, w, h] = numbers as [number, number, number, number];
  return { x, y, w, h };
}

/**
 * Waits until the crop box shows four numbers different from `previous` (any box when there is none), up to
 * `timeoutMs`; then returns what it shows (possibly `previous` unchanged, for the caller to judge).
 */
export async function cropBox(page: Page, previous?: CropBox, timeoutMs = 3_000): Promise<CropBox> {
  const deadline = Date.now() + timeoutMs;
  let box = await readBox(page);
  while (Date.now() < deadline && (!box || (previous && sameBox(box, previous)))) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    box = await readBox(page);
  }
  if (!box) throw new Error(`[data-testid=crop-box] shows no x,y,w,h box within ${timeoutMs} ms`);
  return box;
}

function sameBox(a: CropBox, b: CropBox): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

/** Uploads the photo through the file input, then waits for the page's automatic square crop. */
export async function upload(opened: OpenedPage, photo: QuadrantPhoto): Promise<CropBox> {
  await opened.page
    .getByTestId('file-input')
    .setInputFiles({ name: 'quadrants.jpg', mimeType: 'image/jpeg', buffer: photo.jpeg });
  const box = await cropBox(opened.page, undefined, 20_000);
  // The automatic crop is a square inside the picture.
  expect(Math.abs(box.w - box.h)).toBeLessThanOrEqual(1);
  expectInside(box, photo);
  return box;
}

export function expectInside(box: CropBox, photo: QuadrantPhoto): void {
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.w).toBeLessThanOrEqual(photo.width + 1);
  expect(box.y + box.h).toBeLessThanOrEqual(photo.height + 1);
}

/** A drag from one point to another, by mouse or by touch. */
export type Drag = (from: Point, to: Point) => Promise<void>;

/**
 * Moves the crop by dragging across `[data-testid=crop-area]` along one axis, a third of the area's size; if the
 * crop was already against that edge (nothing moved) it drags the other way. The box must then have moved by at
 * least a quarter of its size, far enough that the photo set from it differs visibly from the one before.
 */
export async function moveCrop(page: Page, drag: Drag, axis: 'x' | 'y'): Promise<CropBox> {
  const before = await cropBox(page);
  const area = await boxOf(page, 'crop-area');
  const distance = (axis === 'x' ? area.width : area.height) / 3;
  const towards = (sign: number): Point =>
    axis === 'x' ? { x: area.x + sign * distance, y: area.y } : { x: area.x, y: area.y + sign * distance };
  await drag(area, towards(1));
  let after = await cropBox(page, before);
  if (sameBox(after, before)) {
    await drag(area, towards(-1));
    after = await cropBox(page, before);
  }
  const moved = axis === 'x' ? Math.abs(after.x - before.x) : Math.abs(after.y - before.y);
  expect(moved).toBeGreaterThanOrEqual(before.w / 4);
  expect(after.w).toBeCloseTo(before.w, 0);
  return after;
}

/** Presses "set photo" and waits for the status to say `expected`; returns the whole status text. */
export async function setPhoto(opened: OpenedPage, expected: string): Promise<string> {
  await opened.page.getByTestId('set-photo').click();
  return waitForText(opened, 'status', expected, 30_000);
}

/** Colour of the quadrant at source pixel (x, y); null near a quadrant's edge, where JPEG blurs the two. */
function quadrantAt(photo: QuadrantPhoto, x: number, y: number, margin: number): Rgb | null {
  const midX = photo.width / 2;
  const midY = photo.height / 2;
  if (Math.abs(x - midX) < margin || Math.abs(y - midY) < margin) return null;
  if (y < midY) return x < midX ? RED : GREEN;
  return x < midX ? BLUE : YELLOW;
}

/** The grid the checks sample: 8x8 points at the centres of equal cells, as fractions of the square. */
const GRID = Array.from({ length: 64 }, (_, i) => ({
  u: ((i % 8) + 0.5) / 8,
  v: (Math.floor(i / 8) + 0.5) / 8,
}));

/** The colour the grid point (u, v) of `box` must have; null where it falls near a quadrant's edge. */
function expectedAt(photo: QuadrantPhoto, box: CropBox, u: number, v: number): Rgb | null {
  return quadrantAt(photo, box.x + u * box.w, box.y + v * box.h, Math.max(box.w, box.h) * 0.05 + 2);
}

/**
 * Checks that `image` (any format sharp reads) is the part of `photo` inside `box`, scaled: an 8x8 grid of points
 * in the image, each mapped back into the box, must have the colour of the quadrant it falls in.
 *
 * With `unlike` (the automatic square the page started from), it first checks that the grid tells the two boxes
 * apart, at several points: otherwise a server that ignored the chosen box and used its own would pass unseen.
 */
export async function expectShowsBox(
  image: Buffer,
  photo: QuadrantPhoto,
  box: CropBox,
  unlike?: CropBox,
): Promise<void> {
  if (unlike) {
    const telling = GRID.filter(({ u, v }) => {
      const mine = expectedAt(photo, box, u, v);
      const theirs = expectedAt(photo, unlike, u, v);
      return mine !== null && theirs !== null && mine !== theirs;
    });
    expect(telling.length).toBeGreaterThanOrEqual(4);
  }
  const raw = await decodeReference(image);
  const wrong: string[] = [];
  let checked = 0;
  for (const { u, v } of GRID) {
    const expected = expectedAt(photo, box, u, v);
    if (!expected) continue;
    checked++;
    const actual = colourAt(raw, Math.round(u * raw.width), Math.round(v * raw.height), 2);
    if (!near(actual, expected, 45)) {
      wrong.push(`(${u},${v}) is ${actual.map(Math.round).join('/')}, not ${expected.join('/')}`);
    }
  }
  expect(checked).toBeGreaterThanOrEqual(32);
  expect(wrong).toEqual([]);
}

/** The result preview canvas as PNG bytes, after checking it is 648x648. */
export async function resultPreview(page: Page): Promise<Buffer> {
  const canvas = page.getByTestId('result-preview');
  // The browser's canvas element; the test compiles without the DOM types, so only what is used is named.
  type Canvas = { width: number; height: number; toDataURL(type: string): string };
  const { width, height, url } = await canvas.evaluate((element) => {
    const c = element as unknown as Canvas;
    return { width: c.width, height: c.height, url: c.toDataURL('image/png') };
  });
  expect({ width, height }).toEqual({ width: 648, height: 648 });
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

/**
 * The picture `[data-testid=current-photo]` shows, as PNG bytes: the image redrawn on a canvas in the page, so it
 * is what the browser decoded whatever its source (a data: URI, a blob, the API's URL).
 */
export async function currentPhoto(page: Page): Promise<Buffer> {
  // The browser's elements; the test compiles without the DOM types, so only what is used is named.
  type Image = { decode(): Promise<void>; naturalWidth: number; naturalHeight: number };
  type Canvas = {
    width: number;
    height: number;
    getContext(type: '2d'): { drawImage(image: Image, x: number, y: number): void } | null;
    toDataURL(type: string): string;
  };
  type Document = { createElement(tag: 'canvas'): Canvas };
  const url = await page.getByTestId('current-photo').evaluate(async (element) => {
    const image = element as unknown as Image;
    await image.decode();
    const canvas = (globalThis as unknown as { document: Document }).document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    canvas.getContext('2d')?.drawImage(image, 0, 0);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

/**
 * Opens the tab, runs `steps`, then saves a screenshot as `test-artifacts/tab-browser/<name>.png` whether the
 * steps passed or not (a failure is when a person most wants to see the page) and closes it. The page must have
 * reported no script or console error (a Content-Security-Policy refusal is one) along the way.
 */
export async function withTab(
  session: TabSession,
  viewport: ViewportName,
  name: string,
  steps: (opened: OpenedPage) => Promise<void>,
  query = '',
): Promise<void> {
  const opened = await session.open(viewport, query);
  try {
    // The target list is filled once the page has its token: the page is signed in and ready.
    await opened.page
      .getByTestId('target-select')
      .locator('option[value="me"]')
      .waitFor({ state: 'attached', timeout: 20_000 })
      .catch((error: unknown) => {
        throw new Error(
          `the tab (HTTP ${opened.status ?? 'no answer'}) showed no "me" target within 20 s` +
            (opened.problems.length > 0 ? `; the page reported: ${opened.problems.join(' | ')}` : ''),
          { cause: error },
        );
      });
    await steps(opened);
    expect(opened.problems).toEqual([]);
  } finally {
    await opened.screenshot(name);
    await opened.close();
  }
}
