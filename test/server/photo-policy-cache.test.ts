/**
 * The organisation's photo rules change while the app keeps the old ones (PHOTO_POLICY_CACHE_SECONDS): Graph then
 * refuses the write itself, and the answer is still the rules' refusal naming whom to ask (not "your IT admin"),
 * and the kept rules are dropped, so the next photo is refused before anything is written.
 */
import path from 'node:path';
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { AuditLog } from '../../dist/storage/audit-log.js';
import { FsStorage } from '../../dist/storage/fs-storage.js';
import { translate } from '../../dist/i18n/index.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { PEOPLE, TENANT, startLocalBot, type LocalBot } from '../helpers/local-bot.js';
import { setPhotoRules } from '../helpers/emulator-photos.js';

const CONTACT = 'the help desk (ext. 4321)';
/** User Administrator: Alex holds no such role. */
const USER_ADMIN_ROLE = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const { alex } = PEOPLE;

describe('photo rules that changed while the app kept the old ones', () => {
  let bot: LocalBot;

  beforeAll(async () => {
    bot = await startLocalBot({ 'a.jpg': await encodeJpeg(photoLike(500, 400, 9)) }, undefined, {
      PHOTO_ADMIN_CONTACT: CONTACT,
      PHOTO_POLICY_CACHE_SECONDS: '3600',
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  async function setRules(rules: Record<string, unknown>): Promise<void> {
    const issuer = await LocalTokenIssuer.open(bot.dataDir);
    const token = issuer.issueApp({ tenantId: TENANT, roles: ['PeopleSettings.ReadWrite.All'] });
    await setPhotoRules(bot.emulatorUrl, token, rules);
  }

  const attempts = () => bot.app.emulator!.photoWrites().get(`users/${alex.id}/photo`) ?? 0;
  /** Alex's changes Graph was asked to make and refused under the rules (the change service audits each). */
  async function refusedByGraphCount(): Promise<number> {
    const log = new AuditLog({ storage: new FsStorage({ root: path.join(bot.dataDir, 'storage') }) });
    const all = await log.list(0, Date.now() + 60_000);
    return all.filter((r) => r.actor === alex.id && r.result === 'PhotoChangesTurnedOff').length;
  }

  it('answers Graph’s refusal as the rules’ own, naming the contact, then refuses before trying', async () => {
    // The rules are read and kept with this first change.
    const first = await bot.ask(alex, { attachments: [bot.image('a.jpg')] });
    expect(JSON.stringify(first.attachments)).toContain(translate('en', 'photo.updated.title'));
    const written = attempts();

    await setRules({ source: 'cloud', allowedRoles: [USER_ADMIN_ROLE] });
    const refusedByGraph = await bot.ask(alex, { attachments: [bot.image('a.jpg')] });
    expect(refusedByGraph.text).toContain(translate('en', 'PhotoChangesTurnedOff'));
    expect(refusedByGraph.text).toContain(`Please ask ${CONTACT} to change it for you.`);
    expect(attempts()).toBe(written);
    expect(await refusedByGraphCount()).toBe(1);

    // The kept rules were dropped: this time the app refuses before Graph is asked to change anything.
    const refusedAtOnce = await bot.ask(alex, { attachments: [bot.image('a.jpg')] });
    expect(refusedAtOnce.text).toContain(`Please ask ${CONTACT}`);
    expect(await refusedByGraphCount()).toBe(1);
  });
});
