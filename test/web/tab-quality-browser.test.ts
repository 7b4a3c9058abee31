/**
 * Quality checks on the Photo tab, in a real browser (Debian's Chromium, driven by playwright-core) against the real
 * app in local mode with `QUALITY_CHECKS=warn`: a dark photo of a real portrait is refused with the warning and its
 * finding, nothing changes in Graph, and **Use anyway** then sets it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { translate } from '../../dist/i18n/index.js';
import { waitForText } from '../helpers/browser.js';
import { ownPhoto } from '../helpers/emulator-photos.js';
import { PEOPLE } from '../helpers/local-bot.js';
import { darkPortrait } from '../helpers/quality-images.js';
import { startTabSession, withTab, type TabSession } from './tab-session.js';

let session: TabSession;

beforeAll(async () => {
  session = await startTabSession({ QUALITY_CHECKS: 'warn' });
}, 120_000);

afterAll(async () => {
  await session.close();
});

const alexPhoto = () => ownPhoto(session.bot.emulatorUrl, session.bot.tokenOf(PEOPLE.alex));

describe('the Photo tab with quality warnings', () => {
  it('warns about a dark photo with its finding, changes nothing, and sets it on Use anyway', async () => {
    await withTab(session, 'desktop', 'quality-warn', async (opened) => {
      const { page } = opened;
      const before = await alexPhoto();
      await page
        .getByTestId('file-input')
        .setInputFiles({ name: 'dark.jpg', mimeType: 'image/jpeg', buffer: await darkPortrait() });
      await page.getByTestId('crop-box').waitFor({ state: 'visible', timeout: 20_000 });
      const useAnyway = page.getByTestId('use-anyway');
      expect(await useAnyway.isHidden()).toBe(true);
      await page.getByTestId('set-photo').click();
      await waitForText(opened, 'status', translate('en', 'PhotoQualityWarning'), 30_000);
      await waitForText(opened, 'note', translate('en', 'quality.reason.tooDark'));
      expect(await useAnyway.isVisible()).toBe(true);
      expect(await useAnyway.textContent()).toBe('Use anyway');
      const after = await alexPhoto();
      expect(after === null ? before === null : before !== null && after.equals(before)).toBe(true);

      await useAnyway.click();
      await waitForText(opened, 'status', translate('en', 'photo.updated.title'), 30_000);
      expect(await useAnyway.isHidden()).toBe(true);
      const set = await alexPhoto();
      expect(set).not.toBeNull();
      expect(before !== null && set!.equals(before)).toBe(false);
      // The browser logs the warning's 409 as a failed load: that one is expected, anything else still counts.
      const expected = opened.problems.filter((problem) => problem.includes('status of 409'));
      expect(expected).toHaveLength(1);
      opened.problems.splice(opened.problems.indexOf(expected[0]!), 1);
    });
  });
});
