/**
 * The page under approval: a change of one's own photo that waits for an approver is a request, and requests are
 * made in chat (where the requester's and the approvers' cards live). The page refuses it, saying so, and changes
 * nothing; a person whose changes need no approval sets their photo on the page as before.
 */
import { ownPhoto } from '../helpers/emulator-photos.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { PEOPLE, SEEDED, errorOf, startLocalApi, type LocalApi } from './api-helpers.js';

const SALES = '00000000-0000-0000-0000-000000000033';

describe('the page API with approval for one group', () => {
  let api: LocalApi;

  beforeAll(async () => {
    api = await startLocalApi({
      APPROVAL: 'group',
      APPROVAL_GROUP_ID: SEEDED.marketing,
      APPROVERS_GROUP_ID: SALES,
      ADMIN_CACHE_SECONDS: '0',
    });
  });
  afterAll(async () => {
    await api.stop();
  });

  const putOwn = async (person: (typeof PEOPLE)[keyof typeof PEOPLE]) =>
    api.call('PUT', '/api/photo?target=me', {
      token: await api.pageToken(person),
      body: await encodeJpeg(photoLike(320, 320, 5)),
    });

  it('refuses a member of the approval group, pointing to the chat, and changes nothing', async () => {
    const refused = await putOwn(PEOPLE.alex);
    expect(refused.status).toBe(409);
    expect(errorOf(refused).code).toBe('ApprovalInChat');
    expect(errorOf(refused).message).toContain('personal chat');
    expect(await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.alex))).toBeNull();
  });

  it('lets someone outside the group change their photo on the page', async () => {
    // Patti is in Sales, not in Marketing.
    const answer = await putOwn(PEOPLE.patti);
    expect(answer.status).toBe(200);
    expect(await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.patti))).not.toBeNull();
  });
});
