/**
 * Admins act with the app's identity, so the organisation's `allowedRoles` are not theirs to meet; but where photos
 * are mastered on-premises, nothing in Microsoft 365 can change one. The admin's `set` and zip are refused before
 * anything is downloaded (the emulator would refuse the write too, but only after the app fetched and prepared the
 * image, and a zip would be planned for nothing).
 */
import { zipSync } from 'fflate';
import { translate } from '../../dist/i18n/index.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { PEOPLE, TENANT, startLocalBot, type LocalBot } from '../helpers/local-bot.js';
import { setPhotoRules } from '../helpers/emulator-photos.js';

const { patti, megan } = PEOPLE;

describe('admin changes where photos are managed on-premises (local mode, over HTTP)', () => {
  let bot: LocalBot;

  beforeAll(async () => {
    const photo = await encodeJpeg(photoLike(400, 400, 7));
    const zip = zipSync({ 'meganb@example.com.jpg': new Uint8Array(photo) });
    bot = await startLocalBot({ 'a.jpg': photo, 'photos.zip': Buffer.from(zip) }, undefined, {
      PHOTO_POLICY_CACHE_SECONDS: '0',
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  async function setSource(source: 'cloud' | 'onPremises'): Promise<void> {
    const { LocalTokenIssuer } = await import('../../dist/auth/local-token-issuer.js');
    const issuer = await LocalTokenIssuer.open(bot.dataDir);
    const token = issuer.issueApp({ tenantId: TENANT, roles: ['PeopleSettings.ReadWrite.All'] });
    await setPhotoRules(bot.emulatorUrl, token, { source, allowedRoles: [] });
  }

  const downloads = () => bot.fileRequests().length;
  const writes = () => bot.app.emulator!.photoWrites().get(`users/${megan.id}/photo`) ?? 0;

  it('refuses set <upn> with an image before downloading it, and says photos change only on-premises', async () => {
    await setSource('onPremises');
    const fetched = downloads();
    const reply = await bot.ask(patti, { text: 'set meganb@example.com', attachments: [bot.image('a.jpg')] });
    expect(reply.text).toContain(translate('en', 'PhotosManagedOnPremises'));
    expect(downloads()).toBe(fetched);
    expect(writes()).toBe(0);
  });

  it('refuses a zip before downloading it', async () => {
    await setSource('onPremises');
    const fetched = downloads();
    const reply = await bot.ask(patti, {
      attachments: [
        { contentType: 'application/zip', contentUrl: bot.fileUrl('photos.zip'), name: 'photos.zip' },
      ],
    });
    expect(reply.text).toContain(translate('en', 'PhotosManagedOnPremises'));
    expect(downloads()).toBe(fetched);
  });

  it('sets the photo once the organisation manages photos in the cloud again', async () => {
    await setSource('cloud');
    const reply = await bot.ask(patti, { text: 'set meganb@example.com', attachments: [bot.image('a.jpg')] });
    expect(JSON.stringify(reply.attachments)).toContain('The photo of Megan Bowen is set');
    expect(writes()).toBe(1);
  });
});
