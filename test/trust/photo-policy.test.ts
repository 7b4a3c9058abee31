/**
 * The policy gate (src/trust/photo-policy.ts) and Graph's own refusals under the same rules, against the emulator
 * over loopback: the gate reads the rules and the person's directory roles with the app's token; Graph's 403s map to
 * the same codes (graph-errors.ts), whose text falls back to "your IT admin"; the app's identity (admins) is not
 * subject to allowedRoles but is refused on-premises; rules the app cannot read refuse nothing.
 */
import { GraphDirectoryClient } from '../../src/graph/graph-directory-client.js';
import { GraphError } from '../../src/graph/graph-errors.js';
import { GraphPhotoClient } from '../../src/graph/graph-photo-client.js';
import { PhotoSettingsClient } from '../../src/graph/photo-settings-client.js';
import { errorText } from '../../src/i18n/index.js';
import { silentLogger } from '../../src/logger.js';
import { PhotoPolicy, PhotoPolicyError, policyTextParams } from '../../src/trust/photo-policy.js';
import { SEED, jpeg, startHarness, type Harness } from '../emulator/harness.js';

const USER_ADMIN_ROLE = 'fe930be7-5e62-47db-91af-98c3a49a38b1';

describe('PhotoPolicy and Graph refusals under photoUpdateSettings', () => {
  let h: Harness;
  let photos: GraphPhotoClient;
  let photo: Buffer;

  beforeAll(async () => {
    h = await startHarness();
    photos = new GraphPhotoClient({ baseUrl: h.emulator.url, sleep: () => Promise.resolve() });
    photo = await jpeg(200, 200, 4);
  });
  afterAll(async () => {
    await h.stop();
  });

  async function setRules(rules: Record<string, unknown>): Promise<void> {
    const answer = await h.call('PATCH', '/beta/admin/people/photoUpdateSettings', {
      token: h.app(['PeopleSettings.ReadWrite.All']),
      body: JSON.stringify(rules),
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(200);
  }

  const gate = (appRoles?: string[], adminContact?: string) => {
    const appToken = () => Promise.resolve(h.app(appRoles));
    return new PhotoPolicy({
      rules: new PhotoSettingsClient({ baseUrl: h.emulator.url, cacheMs: 0, logger: silentLogger }),
      directory: new GraphDirectoryClient({ baseUrl: h.emulator.url }),
      appToken,
      adminContact,
      logger: silentLogger,
    });
  };
  const check = (policy: PhotoPolicy, who: { id: string }) =>
    policy.checkPerson({ userId: who.id, tenantId: SEED.tenant });
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'passed',
      (error: unknown) => (error as { code?: string }).code,
    );

  it('allowedRoles: refuses a person without the role, passes a holder; the contact is in the text', async () => {
    await setRules({ source: 'cloud', allowedRoles: [USER_ADMIN_ROLE] });
    const policy = gate(undefined, 'Ravi at the help desk');
    const refusal = await check(policy, SEED.alex).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PhotoPolicyError);
    expect(errorText('PhotoChangesTurnedOff', 'en', policyTextParams(refusal, 'en'))).toContain(
      'Please ask Ravi at the help desk to change it for you.',
    );
    await expect(check(policy, SEED.adele)).resolves.toBeUndefined();
    // Rules the app may not read (no PeopleSettings.Read.All) refuse nothing: Graph decides on the write.
    await expect(check(gate(['User.Read.All']), SEED.alex)).resolves.toBeUndefined();
  });

  it("maps Graph's own refusal of the write to the same code, and lets the app's identity through", async () => {
    await setRules({ source: 'cloud', allowedRoles: [USER_ADMIN_ROLE] });
    const alex = () => Promise.resolve(h.user(SEED.alex.upn));
    const refusal = await photos.putPhoto({ kind: 'me' }, photo, alex).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GraphError);
    expect((refusal as GraphError).code).toBe('PhotoChangesTurnedOff');
    expect((refusal as GraphError).status).toBe(403);
    expect(errorText('PhotoChangesTurnedOff', 'en', policyTextParams(refusal, 'en'))).toContain(
      'Please ask your IT admin to change it for you.',
    );
    const app = () => Promise.resolve(h.app());
    await expect(photos.putPhoto({ kind: 'user', user: SEED.alex.id }, photo, app)).resolves.toBeDefined();
  });

  it('onPremises: refuses everyone, admins acting with the app identity too (before trying, and at Graph)', async () => {
    await setRules({ source: 'onPremises', allowedRoles: [] });
    const policy = gate();
    expect(await codeOf(check(policy, SEED.adele))).toBe('PhotosManagedOnPremises');
    expect(await codeOf(policy.requireCloud(SEED.tenant))).toBe('PhotosManagedOnPremises');
    const app = () => Promise.resolve(h.app());
    expect(await codeOf(photos.putPhoto({ kind: 'user', user: SEED.megan.id }, photo, app))).toBe(
      'PhotosManagedOnPremises',
    );
    await setRules({ source: 'cloud', allowedRoles: [USER_ADMIN_ROLE] });
    // Back in the cloud, admins are not subject to allowedRoles.
    await expect(policy.requireCloud(SEED.tenant)).resolves.toBeUndefined();
  });
});
