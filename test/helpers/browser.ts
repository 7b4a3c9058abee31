/**
 * A real browser for the page's tests: Debian's Chromium driven by playwright-core (no browser download from a
 * CDN; scripts/ensure-chromium.mjs installs the package when it is missing, as `npm test` does first), opened at a
 * desktop's or a phone's viewport, with what the page reported (script errors, console errors such as a
 * Content-Security-Policy refusal) kept for the test to check, screenshots saved under the git-ignored
 * `test-artifacts/` for a person to look at, and touch gestures sent through the DevTools protocol the way a
 * phone's touchscreen sends them (Playwright itself can only tap).
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

const ROOT = new URL('../..', import.meta.url).pathname;
const ENSURE = path.join(ROOT, 'scripts', 'ensure-chromium.mjs');

/** Where screenshots go: git-ignored, kept after the run (CI can upload the folder). */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

/** The viewports the page must work at: a laptop, and a phone held upright (an iPhone 14's CSS size). */
export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** A point in CSS pixels of the viewport. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * The Chromium binary, installing it first when it is missing (a test file run on its own skips `pretest`).
 * The script's own one-line reason is on stderr when it cannot, and the test fails: never skips.
 */
export function chromiumPath(): string {
  const binary = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    execFileSync(process.execPath, [ENSURE], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return binary;
}

/** Starts Chromium headless; as root it needs `--no-sandbox` (its sandbox refuses to run as root). */
export function launchChromium(): Promise<Browser> {
  const root = process.getuid?.() === 0;
  return chromium.launch({ executablePath: chromiumPath(), args: root ? ['--no-sandbox'] : [] });
}

export interface OpenedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** The HTTP status the page was served with, or null when there was no response. */
  readonly status: number | null;
  /** Script errors and console errors the page produced so far (a CSP refusal shows up here). */
  readonly problems: string[];
  /** Saves a full-page screenshot as `test-artifacts/<folder>/<name>.png`; returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens `url` in a fresh context (no cookies or storage shared with another test) at a viewport.
 * @param folder the artifacts sub-folder for this test file's screenshots
 */
export async function openPage(
  browser: Browser,
  url: string,
  viewport: ViewportName,
  folder: string,
): Promise<OpenedPage> {
  const context = await browser.newContext({ ...VIEWPORTS[viewport], locale: 'en-US' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  const response = await page.goto(url);
  return {
    page,
    context,
    status: response?.status() ?? null,
    problems,
    async screenshot(name) {
      const dir = path.join(ARTIFACTS, folder);
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: () => context.close(),
  };
}

/** The centre of the element with `data-testid=testId`, in viewport CSS pixels, and its size. */
export async function boxOf(page: Page, testId: string): Promise<Point & { width: number; height: number }> {
  const locator = page.getByTestId(testId);
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`[data-testid=${testId}] is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width, height: box.height };
}

/** Presses the mouse at `from`, moves to `to` in small steps as a hand does, and lets go. */
export async function mouseDrag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/**
 * Touch gestures as a touchscreen sends them (`Input.dispatchTouchEvent`): the page sees real touch events and
 * the pointer events Chromium derives from them (`pointerType: 'touch'`), several fingers at once for a pinch.
 */
export class Touchscreen {
  private constructor(private readonly cdp: CDPSession) {}

  static async of(page: Page): Promise<Touchscreen> {
    return new Touchscreen(await page.context().newCDPSession(page));
  }

  /** One finger from `from` to `to`. */
  async drag(from: Point, to: Point, steps = 12): Promise<void> {
    await this.gesture([from], [to], steps);
  }

  /** Two fingers on either side of `centre`, `startGap` apart along x, moved to `endGap` apart (wider zooms in). */
  async pinch(centre: Point, startGap: number, endGap: number, steps = 12): Promise<void> {
    const fingers = (gap: number): Point[] => [
      { x: centre.x - gap / 2, y: centre.y },
      { x: centre.x + gap / 2, y: centre.y },
    ];
    await this.gesture(fingers(startGap), fingers(endGap), steps);
  }

  /** Fingers down at `starts`, moved together in a straight line to `ends`, then lifted. */
  private async gesture(starts: Point[], ends: Point[], steps: number): Promise<void> {
    const at = (t: number) =>
      starts.map((start, id) => {
        const end = ends[id] ?? start;
        return { x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t, id };
      });
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
    for (let step = 1; step <= steps; step++) {
      await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step / steps) });
    }
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
}

/**
 * Waits until the element's text contains `text`; on time-out the error names what it showed instead and what the
 * page reported, which is what a person needs to see first.
 */
export async function waitForText(
  opened: OpenedPage,
  testId: string,
  text: string,
  timeoutMs = 20_000,
): Promise<string> {
  const locator = opened.page.getByTestId(testId);
  const deadline = Date.now() + timeoutMs;
  let shown = '';
  while (Date.now() < deadline) {
    shown = (await locator.textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
    if (shown.includes(text)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `[data-testid=${testId}] did not show "${text}" within ${timeoutMs} ms; it shows "${shown}"` +
      (opened.problems.length > 0 ? `; the page reported: ${opened.problems.join(' | ')}` : ''),
  );
}
