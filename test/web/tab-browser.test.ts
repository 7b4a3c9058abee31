/**
 * The Photo tab in a real browser (Debian's Chromium, driven by playwright-core) against the real app in local
 * mode, as a person without Teams around it uses it at http://localhost:3978/tab: the page signs in as the local
 * user (Alex), a photo of four coloured quadrants is uploaded, its square crop moved with the mouse on a desktop
 * or a finger on a phone (and zoomed with a pinch or the zoom button), then set. What counts is Graph afterwards:
 * the emulator's photo must have changed and show exactly the part of the picture the page's box selected. Each
 * test keeps a screenshot in test-artifacts/tab-browser/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PLAYGROUND_TEAM_GROUP_ID } from '../../dist/emulator/seed-directory.js';
import { translate } from '../../dist/i18n/index.js';
import { boxOf, mouseDrag, Touchscreen, VIEWPORTS, waitForText } from '../helpers/browser.js';
import { ownPhoto, photoAt } from '../helpers/emulator-photos.js';
import { PEOPLE } from '../helpers/local-bot.js';
import {
  cropBox,
  currentPhoto,
  expectInside,
  expectShowsBox,
  moveCrop,
  quadrantPhoto,
  resultPreview,
  setPhoto,
  startTabSession,
  upload,
  withTab,
  type QuadrantPhoto,
  type TabSession,
} from './tab-session.js';

let session: TabSession;
let landscape: QuadrantPhoto;
let portrait: QuadrantPhoto;

beforeAll(async () => {
  session = await startTabSession();
  landscape = await quadrantPhoto(1200, 800);
  portrait = await quadrantPhoto(800, 1200);
}, 120_000);

afterAll(async () => {
  await session.close();
});

const alexToken = () => session.bot.tokenOf(PEOPLE.alex);
const alexPhoto = () => ownPhoto(session.bot.emulatorUrl, alexToken());
const teamPhoto = () =>
  photoAt(session.bot.emulatorUrl, alexToken(), `/groups/${PLAYGROUND_TEAM_GROUP_ID}/photo`);

/** The photo changed from `before` (there was none, or it had other bytes). */
function expectChanged(before: Buffer | null, after: Buffer | null): asserts after is Buffer {
  expect(after).not.toBeNull();
  expect(before !== null && after !== null && before.equals(after)).toBe(false);
}

describe('the Photo tab in Chromium, in local mode', () => {
  it('on a desktop: uploads a photo, moves the crop with the mouse, and sets the part the box shows', async () => {
    await withTab(session, 'desktop', 'desktop-en', async (opened) => {
      const { page } = opened;
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      const before = await alexPhoto();

      const automatic = await upload(opened, landscape);
      const box = await moveCrop(page, (from, to) => mouseDrag(page, from, to), 'x');
      await expectShowsBox(await resultPreview(page), landscape, box, automatic);
      await setPhoto(opened, translate('en', 'photo.updated.title'));

      const after = await alexPhoto();
      expectChanged(before, after);
      await expectShowsBox(after, landscape, box, automatic);
      // The page now shows the new photo as the current one.
      await expectShowsBox(await currentPhoto(page), landscape, box);
    });
  }, 90_000);

  it('on a phone: zooms with a pinch, moves the crop with a finger, and sets the part the box shows', async () => {
    await withTab(session, 'phone', 'phone-touch', async (opened) => {
      const { page } = opened;
      const before = await alexPhoto();
      // Nothing wider than the phone: no sideways scrolling to reach a control.
      const scrollWidth = await page.evaluate('document.documentElement.scrollWidth');
      expect(scrollWidth).toBeLessThanOrEqual(VIEWPORTS.phone.viewport.width);

      const automatic = await upload(opened, portrait);
      const touch = await Touchscreen.of(page);
      const area = await boxOf(page, 'crop-area');
      await touch.pinch(area, area.width / 5, (area.width * 3) / 5);
      const zoomed = await cropBox(page, automatic);
      expect(zoomed.w).toBeLessThan(automatic.w * 0.9);
      expectInside(zoomed, portrait);
      const box = await moveCrop(page, (from, to) => touch.drag(from, to), 'y');
      await expectShowsBox(await resultPreview(page), portrait, box, automatic);
      await setPhoto(opened, translate('en', 'photo.updated.title'));

      const after = await alexPhoto();
      expectChanged(before, after);
      await expectShowsBox(after, portrait, box, automatic);
    });
  }, 90_000);

  it('in German (?locale=de): the page’s language, the outcome and its Undo in German', async () => {
    await withTab(
      session,
      'desktop',
      'desktop-de',
      async (opened) => {
        const { page } = opened;
        expect(await page.locator('html').getAttribute('lang')).toBe('de');
        const before = await alexPhoto();

        const box = await upload(opened, landscape);
        await setPhoto(opened, translate('de', 'photo.updated.title'));

        const after = await alexPhoto();
        expectChanged(before, after);
        await expectShowsBox(after, landscape, box);

        await page.getByTestId('undo').click();
        // The photo before (an earlier test's, or none when this one runs alone) is back, or none again.
        await waitForText(opened, 'status', translate('de', before ? 'undo.restored' : 'undo.removed'));
        expect(await alexPhoto()).toEqual(before);
      },
      '?locale=de',
    );
  }, 90_000);

  it('for a group the user owns: zoomed with the buttons and the wheel, set as the group’s photo and not the user’s', async () => {
    await withTab(session, 'desktop', 'desktop-group', async (opened) => {
      const { page } = opened;
      const ownBefore = await alexPhoto();
      const groupBefore = await teamPhoto();

      await page.getByTestId('target-select').selectOption(`group:${PLAYGROUND_TEAM_GROUP_ID}`);
      const automatic = await upload(opened, landscape);
      let box = automatic;
      for (let press = 0; press < 3; press++) {
        await page.getByTestId('zoom-in').click();
        const zoomed = await cropBox(page, box);
        expect(zoomed.w).toBeLessThan(box.w);
        box = zoomed;
      }
      // The wheel zooms about the pointer: over the picture's top-left quadrant, the square closes in on it.
      const area = await boxOf(page, 'crop-area');
      await page.mouse.move(area.x - area.width / 4, area.y - area.height / 4);
      await page.mouse.wheel(0, -300);
      const wheeled = await cropBox(page, box);
      expect(wheeled.w).toBeLessThan(box.w);
      box = wheeled;
      expectInside(box, landscape);
      await setPhoto(opened, translate('en', 'target.updated.group', { name: 'My Team' }));

      const groupAfter = await teamPhoto();
      expectChanged(groupBefore, groupAfter);
      await expectShowsBox(groupAfter, landscape, box, automatic);
      expect(await alexPhoto()).toEqual(ownBefore);
    });
  }, 90_000);
});
