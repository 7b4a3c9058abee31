/**
 * The page's own-photo change under the organisation's photo rules (issue 18), over real HTTP in local mode: the
 * rules are set through the emulator's Graph API; a refused person gets 403 with the policy's code and the
 * configured contact, before the upload is prepared and with nothing written; an allowed one gets the change,
 * `confirmed` by the read-back.
 */
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { ownPhoto, setPhotoRules } from '../helpers/emulator-photos.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { TENANT } from '../helpers/local-bot.js';
import { PEOPLE, errorOf, startLocalApi, type LocalApi } from './api-helpers.js';

const USER_ADMIN_ROLE = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const CONTACT = 'it-help@example.com';

describe('the page API under the photo rules', () => {
  let api: LocalApi;

  beforeAll(async () => {
    api = await startLocalApi({ PHOTO_ADMIN_CONTACT: CONTACT, PHOTO_POLICY_CACHE_SECONDS: '0' });
  });
  afterAll(async () => {
    await api.stop();
  });

  async function setRules(rules: Record<string, unknown>): Promise<void> {
    const issuer = await LocalTokenIssuer.open(api.dataDir);
    const token = issuer.issueApp({ tenantId: TENANT, roles: ['PeopleSettings.ReadWrite.All'] });
    await setPhotoRules(api.emulatorUrl, token, rules);
  }

  const putOwn = async (person: (typeof PEOPLE)[keyof typeof PEOPLE]) =>
    api.call('PUT', '/api/photo?target=me', {
      token: await api.pageToken(person),
      body: await encodeJpeg(photoLike(320, 320, 3)),
    });

  it('refuses a person without an allowed role, naming the contact; lets a role holder change, confirmed', async () => {
    await setRules({ source: 'cloud', allowedRoles: [USER_ADMIN_ROLE] });
    const refused = await putOwn(PEOPLE.alex);
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe('PhotoChangesTurnedOff');
    expect(errorOf(refused).message).toContain(`Please ask ${CONTACT}`);
    expect(await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.alex))).toBeNull();

    const allowed = await putOwn(PEOPLE.adele);
    expect(allowed.status).toBe(200);
    expect(allowed.json['confirmed']).toBe(true);
  });

  it('refuses everyone where photos are managed on-premises', async () => {
    await setRules({ source: 'onPremises', allowedRoles: [] });
    const refused = await putOwn(PEOPLE.adele);
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe('PhotosManagedOnPremises');
    await setRules({ source: 'cloud' });
  });
});
