/**
 * The organisation's photo rules and the read-back, end to end in local mode: the compiled app over real HTTP, the
 * real pipeline, the in-process Graph emulator with its `photoUpdateSettings` (set through its own PATCH, as a person
 * trying it would), a fake Bot Connector and a file server.
 *
 * - `allowedRoles` set, a sender without the role: the answer names the configured contact, and the emulator
 *   carried out no photo write (the app did not even try: Graph's own refusal could not name the contact);
 * - a holder of an allowed role: the card says "set", the photo is in the emulator;
 * - `onPremises`: the answer says no change in Microsoft 365 is possible, nothing written;
 * - the read-back: Graph accepting the photo and then serving none makes the card say "not confirmed yet".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../dist/app.js';
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { loadConfig } from '../../dist/config.js';
import { FaultScript } from '../../dist/emulator/faults.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { translate } from '../../dist/i18n/index.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { fileServer } from '../helpers/file-server.js';
import { ownPhoto, setPhotoRules } from '../helpers/emulator-photos.js';

const TENANT = '00000000-0000-0000-0000-0000000000001';
const USERS = {
  alex: { id: '00000000-0000-0000-0000-0000000000020', upn: 'alexw@example.com' },
  megan: { id: '00000000-0000-0000-0000-0000000000021', upn: 'meganb@example.com' },
  adele: { id: '00000000-0000-0000-0000-0000000000022', upn: 'adelev@example.com' },
  patti: { id: '00000000-0000-0000-0000-0000000000024', upn: 'pattif@example.com' },
} as const;
type User = (typeof USERS)[keyof typeof USERS];
/** User Administrator: the seed gives it to Adele. */
const USER_ADMIN_ROLE = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const CONTACT = 'the help desk (ext. 4321)';

describe('photo rules and read-back, end to end in local mode', () => {
  let dataDir: string;
  let app: RunningApp;
  let issuer: LocalTokenIssuer;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let files: Awaited<ReturnType<typeof fileServer>>;
  const script = new FaultScript();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-policy-'));
    files = await fileServer({ 'a.jpg': await encodeJpeg(photoLike(900, 700, 5)) });
    const config = loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      PHOTO_ADMIN_CONTACT: CONTACT,
      // Each case changes the rules; the cache has its own test (test/graph/photo-settings-client.test.ts).
      PHOTO_POLICY_CACHE_SECONDS: '0',
      // Made-up pictures without a face: the quality checks have their own tests.
      QUALITY_CHECKS: 'off',
    });
    app = await startApp(config, process.env.TEST_LOG ? createLogger('debug') : silentLogger, {
      emulatorFaults: { script, photoRoutesOnly: true },
    });
    issuer = await LocalTokenIssuer.open(dataDir);
  });
  afterAll(async () => {
    await app.close();
    await files.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    connector = await fakeConnector();
  });
  afterEach(async () => {
    script.clear();
    await connector.close();
  });

  const tokenOf = (user: User) =>
    issuer.issueDelegated({ tenantId: TENANT, userId: user.id, userPrincipalName: user.upn });
  const writesOf = (user: User) => app.emulator!.photoWrites().get(`users/${user.id}/photo`) ?? 0;

  /** Sets the rules through the emulator's Graph API with an app token holding the ReadWrite permission. */
  const setRules = (rules: Record<string, unknown>): Promise<void> =>
    setPhotoRules(
      app.emulator!.url,
      issuer.issueApp({ tenantId: TENANT, roles: ['PeopleSettings.ReadWrite.All'] }),
      rules,
    );

  /** Sends the image; the bot's answer. */
  async function sendPhoto(user: User, locale = 'en-US') {
    const before = connector.sent.filter((s) => (s.activity.type ?? 'message') === 'message').length;
    await postActivity(
      app.server.url,
      teamsActivity(connector.url, user.id, {
        locale,
        attachments: [{ contentType: 'image/*', contentUrl: `${files.url}/a.jpg` }],
      }),
    );
    return (await connector.waitFor(before + 1)).at(-1)!.activity;
  }

  const cardText = (activity: { attachments?: { content?: unknown }[] }) =>
    JSON.stringify(activity.attachments?.[0]?.content ?? null);

  it('allowedRoles: a sender without the role is told whom to ask, and nothing is written', async () => {
    await setRules({ source: 'cloud', allowedRoles: [USER_ADMIN_ROLE] });
    const answer = await sendPhoto(USERS.alex);
    expect(answer.attachments ?? []).toEqual([]);
    expect(answer.text).toContain(
      `${translate('en', 'PhotoChangesTurnedOff')} Please ask ${CONTACT} to change it for you.`,
    );
    expect(writesOf(USERS.alex)).toBe(0);
    expect(await ownPhoto(app.emulator!.url, tokenOf(USERS.alex))).toBeNull();

    const german = await sendPhoto(USERS.megan, 'de-DE');
    expect(german.text).toContain(`Bitte wenden Sie sich an ${CONTACT}, damit es für Sie geändert wird.`);
    expect(writesOf(USERS.megan)).toBe(0);
  });

  it('allowedRoles: a holder of an allowed role sets the photo, confirmed by reading it back', async () => {
    await setRules({ source: 'cloud', allowedRoles: [USER_ADMIN_ROLE] });
    const answer = await sendPhoto(USERS.adele);
    const card = cardText(answer);
    expect(card).toContain(translate('en', 'photo.updated.title'));
    expect(card).toContain(translate('en', 'photo.propagation3Days'));
    expect(card).not.toContain(translate('en', 'photo.unconfirmed.title'));
    expect(writesOf(USERS.adele)).toBe(1);
    expect(await ownPhoto(app.emulator!.url, tokenOf(USERS.adele))).not.toBeNull();
  });

  it('onPremises: no change in Microsoft 365 is possible, for a role holder too', async () => {
    await setRules({ source: 'onPremises', allowedRoles: [] });
    const writes = writesOf(USERS.adele);
    const answer = await sendPhoto(USERS.adele);
    expect(answer.attachments ?? []).toEqual([]);
    expect(answer.text).toContain(translate('en', 'PhotosManagedOnPremises'));
    expect(answer.text).toContain(CONTACT);
    expect(writesOf(USERS.adele)).toBe(writes);
  });

  it('a photo Graph accepted but does not serve back: the card says "sent, not confirmed yet"', async () => {
    await setRules({ source: 'cloud', allowedRoles: [] });
    // The backup's read and the write pass; the read-back finds no photo.
    script
      .push('pass')
      .push('pass')
      .push({ status: 404, code: 'ImageNotFound', message: 'The photo wasn’t found.' });
    const answer = await sendPhoto(USERS.patti);
    expect(script.pending).toBe(0);
    const card = cardText(answer);
    expect(card).toContain(translate('en', 'photo.unconfirmed.title'));
    expect(card).toContain(translate('en', 'photo.unconfirmed.text'));
    expect(card).toContain(translate('en', 'photo.propagation3Days'));
    expect(card).not.toContain(translate('en', 'photo.updated.title'));
    // The change happened all the same, and its Undo is on the card.
    expect(writesOf(USERS.patti)).toBe(1);
    expect(card).toContain('undoPhotoChange');
  });
});
