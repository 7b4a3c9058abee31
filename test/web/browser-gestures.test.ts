/**
 * The gestures the tab's browser tests rely on (test/helpers/browser.ts), on a bare page in the same Chromium: a
 * mouse drag and a finger drag arrive as pointer events of their kind that add up to the distance asked for, and a
 * pinch as two touch pointers moving apart. If these fail, the browser or the helper is at fault, not the page.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchChromium, mouseDrag, Touchscreen, VIEWPORTS } from '../helpers/browser.js';

/** Records every pointer event on a full-page area (at whole CSS pixels: a phone's 3x screen gives fractions). */
const RECORDER = `<!doctype html><html><body style="margin:0">
<div id="area" style="width:100vw;height:100vh;touch-action:none"></div>
<script>
  window.seen = [];
  for (const type of ['pointerdown', 'pointermove', 'pointerup']) {
    document.getElementById('area').addEventListener(type, (e) => {
      window.seen.push({ type, kind: e.pointerType, id: e.pointerId, x: Math.round(e.clientX), y: Math.round(e.clientY) });
    });
  }
</script></body></html>`;

interface Seen {
  type: string;
  kind: string;
  id: number;
  x: number;
  y: number;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser.close();
});

async function recorderAt(viewport: keyof typeof VIEWPORTS) {
  const context = await browser.newContext(VIEWPORTS[viewport]);
  const page = await context.newPage();
  await page.setContent(RECORDER);
  return { page, seen: () => page.evaluate<Seen[]>('window.seen'), close: () => context.close() };
}

describe('browser gestures', () => {
  it('drags with the mouse as mouse pointer events from start to end', async () => {
    const recorder = await recorderAt('desktop');
    try {
      await mouseDrag(recorder.page, { x: 100, y: 100 }, { x: 340, y: 160 });
      const seen = (await recorder.seen()).filter((e) => e.type !== 'pointermove' || e.x !== 100);

      expect(seen[0]).toMatchObject({ type: 'pointerdown', kind: 'mouse', x: 100, y: 100 });
      expect(seen.at(-1)).toMatchObject({ type: 'pointerup', kind: 'mouse', x: 340, y: 160 });
      expect(seen.filter((e) => e.type === 'pointermove').length).toBeGreaterThanOrEqual(10);
    } finally {
      await recorder.close();
    }
  });

  it('drags with a finger as touch pointer events from start to end', async () => {
    const recorder = await recorderAt('phone');
    try {
      const touch = await Touchscreen.of(recorder.page);
      await touch.drag({ x: 200, y: 600 }, { x: 200, y: 300 });
      const seen = await recorder.seen();

      expect(seen.every((e) => e.kind === 'touch')).toBe(true);
      expect(seen[0]).toMatchObject({ type: 'pointerdown', x: 200, y: 600 });
      const moves = seen.filter((e) => e.type === 'pointermove');
      expect(moves.at(-1)).toMatchObject({ x: 200, y: 300 });
      expect(seen.at(-1)?.type).toBe('pointerup');
    } finally {
      await recorder.close();
    }
  });

  it('pinches as two touch pointers moving apart about the centre', async () => {
    const recorder = await recorderAt('phone');
    try {
      const touch = await Touchscreen.of(recorder.page);
      await touch.pinch({ x: 195, y: 400 }, 60, 240);
      const seen = await recorder.seen();

      const downs = seen.filter((e) => e.type === 'pointerdown');
      expect(downs.map((e) => e.x).sort((a, b) => a - b)).toEqual([165, 225]);
      expect(new Set(downs.map((e) => e.id)).size).toBe(2);
      const last = (id: number) => seen.filter((e) => e.type === 'pointermove' && e.id === id).at(-1)?.x;
      const ends = downs.map((e) => last(e.id) ?? Number.NaN).sort((a, b) => a - b);
      expect(ends).toEqual([75, 315]);
      expect(seen.filter((e) => e.type === 'pointerup')).toHaveLength(2);
    } finally {
      await recorder.close();
    }
  });
});
