/**
 * The emulator's `photoUpdateSettings` (beta): served with Graph's permissions, kept in the data folder, and
 * enforced on user photo writes over real sockets: a user without an allowed role gets 403, a holder of one passes,
 * the app itself is not subject to `allowedRoles`, and `onPremises` refuses every user photo write.
 */
import { rm } from 'node:fs/promises';
import { startHarness, errorCode, jpeg, SEED, temporaryDataDir, type Harness } from './harness.js';

const SETTINGS = '/beta/admin/people/photoUpdateSettings';
/** User Administrator, which the seed gives Adele. */
const USER_ADMIN_ROLE = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const WRITE = ['PeopleSettings.ReadWrite.All'];

describe('emulator photoUpdateSettings', () => {
  let dataDir: string;
  let h: Harness;
  let photo: Buffer;

  beforeAll(async () => {
    dataDir = await temporaryDataDir();
    h = await startHarness({ dataDir });
    photo = await jpeg(200, 200, 7);
  });
  afterAll(async () => {
    await h.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const patch = (body: unknown, token = h.app(WRITE)) =>
    h.call('PATCH', SETTINGS, {
      token,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  const putOwn = (upn: string) => h.call('PUT', '/v1.0/me/photo/$value', { token: h.user(upn), body: photo });

  it('serves the default to the app (PeopleSettings.Read.All), on beta only', async () => {
    const answer = await h.call('GET', SETTINGS, { token: h.app() });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ source: 'cloud', allowedRoles: [] });
    expect((await h.call('GET', '/v1.0/admin/people/photoUpdateSettings', { token: h.app() })).status).toBe(
      400,
    );
  });

  it('refuses a read without the permission and a change without ReadWrite', async () => {
    expect((await h.call('GET', SETTINGS, { token: h.user(SEED.alex.upn) })).status).toBe(403);
    expect((await patch({ source: 'onPremises' }, h.app())).status).toBe(403);
    expect((await patch({ source: 'onPremises' }, h.user(SEED.patti.upn))).status).toBe(403);
    expect((await h.call('GET', SETTINGS, { token: h.app() })).json).toMatchObject({ source: 'cloud' });
  });

  it('refuses a malformed change', async () => {
    expect((await patch({ source: 'somewhere' })).status).toBe(400);
    expect((await patch({ allowedRoles: 'all' })).status).toBe(400);
    expect((await patch({ other: 1 })).status).toBe(400);
  });

  it('blocks a user without an allowed role (403) and lets a holder of one pass', async () => {
    const changed = await patch({ allowedRoles: [USER_ADMIN_ROLE.toUpperCase()] });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ source: 'cloud', allowedRoles: [USER_ADMIN_ROLE.toUpperCase()] });

    const refused = await putOwn(SEED.alex.upn);
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe('PhotoUpdateNotAllowedByPolicy');
    const innerError = (refused.json['error'] as { innerError?: Record<string, unknown> }).innerError;
    expect(typeof innerError?.['request-id']).toBe('string');
    // Nothing was stored for Alex, and his removal is refused too.
    expect((await h.call('GET', '/v1.0/me/photo/$value', { token: h.user(SEED.alex.upn) })).status).toBe(404);
    expect((await h.call('DELETE', '/v1.0/me/photo', { token: h.user(SEED.alex.upn) })).status).toBe(403);

    expect((await putOwn(SEED.adele.upn)).status).toBe(200);
    // An admin acting with the app's identity is not subject to allowedRoles.
    const byApp = await h.call('PUT', `/v1.0/users/${SEED.alex.id}/photo/$value`, {
      token: h.app(),
      body: photo,
    });
    expect(byApp.status).toBe(200);
    // A group's photo is no user photo: its owner still changes it.
    const group = await h.call('PUT', `/v1.0/groups/${SEED.marketing}/photo/$value`, {
      token: h.user('meganb@example.com'),
      body: photo,
    });
    expect(group.status).toBe(200);
  });

  it('onPremises refuses every user photo write, the app included; persists across a restart', async () => {
    expect((await patch({ source: 'onPremises' })).json).toMatchObject({
      source: 'onPremises',
      allowedRoles: [USER_ADMIN_ROLE.toUpperCase()],
    });
    const adele = await putOwn(SEED.adele.upn);
    expect(adele.status).toBe(403);
    expect(errorCode(adele)).toBe('PhotoUpdateManagedOnPremises');
    const byApp = await h.call('PUT', `/v1.0/users/${SEED.megan.id}/photo/$value`, {
      token: h.app(),
      body: photo,
    });
    expect(byApp.status).toBe(403);
    expect(errorCode(byApp)).toBe('PhotoUpdateManagedOnPremises');

    await h.stop();
    h = await startHarness({ dataDir });
    {
      const again = h;
      expect((await again.call('GET', SETTINGS, { token: again.app() })).json).toMatchObject({
        source: 'onPremises',
      });
      await again.call('PATCH', SETTINGS, {
        token: again.app(WRITE),
        body: JSON.stringify({ source: 'cloud', allowedRoles: [] }),
        headers: { 'content-type': 'application/json' },
      });
      const alex = await again.call('PUT', '/v1.0/me/photo/$value', {
        token: again.user(SEED.alex.upn),
        body: photo,
      });
      expect(alex.status).toBe(200);
    }
  });
});
