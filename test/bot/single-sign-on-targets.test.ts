/**
 * Single sign-on for a group's photo, offline (as single-sign-on.test.ts does for one's own): a sender who has not
 * signed in sends an image with `group My Team`, gets the sign-in card, and once Teams' token exchange succeeds the
 * command runs with the image that waited, on behalf of the sender (Group.ReadWrite.All through OBO).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { AttachmentDownloader } from '../../src/bot/attachments/attachment-downloader.js';
import { IncomingImages } from '../../src/bot/handlers/incoming-image.js';
import { PhotoMessageHandler } from '../../src/bot/handlers/photo-message-handler.js';
import { SignInHandler } from '../../src/bot/handlers/sign-in-handler.js';
import { TargetPhotoHandler } from '../../src/bot/handlers/target-photo-handler.js';
import { UndoHandler } from '../../src/bot/handlers/undo-handler.js';
import { RecentPhotos } from '../../src/bot/recent-photos.js';
import { TeamsPhotoBot } from '../../src/bot/teams-photo-bot.js';
import { PhotoChangeService, type ChangeTarget } from '../../src/changes/photo-change-service.js';
import { GraphDirectoryClient } from '../../src/graph/graph-directory-client.js';
import { GraphPhotoClient } from '../../src/graph/graph-photo-client.js';
import { silentLogger } from '../../src/logger.js';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import { AuditLog } from '../../src/storage/audit-log.js';
import { BackupStore } from '../../src/storage/backup-store.js';
import { createStorage } from '../../src/storage/index.js';
import { LeaseStore } from '../../src/storage/lease-store.js';
import { PendingStore } from '../../src/storage/pending-store.js';
import { ContactTargets } from '../../src/targets/contact-targets.js';
import { GroupTargets } from '../../src/targets/group-targets.js';
import { SEED, startHarness, type Harness } from '../emulator/harness.js';
import { fakeEntra } from '../helpers/fake-entra.js';
import { ssoSenderTokens } from '../helpers/sso-tokens.js';
import { fileServer, type FileServer } from '../helpers/file-server.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

const CONNECTION = 'graph';
const USER = '29:alex';

describe('single sign-on for a group photo', () => {
  let harness: Harness;
  let folder: string;
  let fileUrl: string;
  let files: FileServer;
  let adapter: TestAdapter;
  let exchanges: ReturnType<typeof fakeEntra>;

  beforeEach(async () => {
    harness = await startHarness();
    folder = await mkdtemp(path.join(tmpdir(), 'sso-targets-'));
    files = await fileServer({ 'photo.jpg': await encodeJpeg(photoLike(800, 600, 3)) });
    fileUrl = `${files.url}/photo.jpg`;

    exchanges = fakeEntra(() => ({
      status: 200,
      body: { token_type: 'Bearer', access_token: harness.user(SEED.alex.upn), expires_in: 3600 },
    }));
    const storage = createStorage({ kind: 'fs', root: folder });
    const pending = new PendingStore({ storage, namespace: 'bot' });
    const { userTokens, tokens } = ssoSenderTokens(CONNECTION, exchanges);
    const graphOptions = { baseUrl: harness.emulator.url, sleep: () => Promise.resolve() };
    const backups = new BackupStore<ChangeTarget>({ storage, targetKey: (t) => t.subject });
    const changes = new PhotoChangeService({
      graph: new GraphPhotoClient(graphOptions),
      backups,
      audit: new AuditLog({ storage }),
      leases: new LeaseStore({ storage, namespace: 'photos' }),
    });
    const directory = new GraphDirectoryClient(graphOptions);
    const preparer = {
      run: (input: Uint8Array, options?: Parameters<typeof preparePhoto>[1]) => preparePhoto(input, options),
    };
    const downloader = new AttachmentDownloader({
      botToken: () => Promise.resolve(''),
      tokenHosts: ['127.0.0.1'],
      allowLoopback: true,
      maxBytes: 25 * 1024 * 1024,
      timeoutMs: 10_000,
    });
    const late: { signIn?: SignInHandler } = {};
    const prompt = (context: Parameters<SignInHandler['prompt']>[0]) => late.signIn!.prompt(context);
    const photo = new PhotoMessageHandler({
      preparer,
      downloader,
      tokens,
      changes,
      pending,
      pendingPhotoMs: 60_000,
      now: Date.now,
      signIn: prompt,
      maxInputBytes: 25 * 1024 * 1024,
      logger: silentLogger,
    });
    const targets = new TargetPhotoHandler({
      images: new IncomingImages({
        preparer,
        downloader,
        maxInputBytes: 25 * 1024 * 1024,
        logger: silentLogger,
      }),
      preparer,
      recent: new RecentPhotos(pending, 60_000),
      tokens,
      changes,
      groups: new GroupTargets(directory),
      contacts: new ContactTargets(directory),
      logger: silentLogger,
      signIn: prompt,
      pending,
      pendingMs: 60_000,
    });
    late.signIn = new SignInHandler({
      userTokens,
      pending,
      resume: async (context, ssoToken) => {
        const own = await photo.resumePending(context, ssoToken);
        return own === 'none' ? targets.resumePending(context, ssoToken) : own;
      },
      logger: silentLogger,
    });
    const bot = new TeamsPhotoBot({
      photo,
      undo: new UndoHandler({ changes, backups, tokens, logger: silentLogger }),
      signIn: late.signIn,
      targets,
    });
    adapter = new TestAdapter((context) => bot.run(context), { channelId: 'msteams' });
  });
  afterEach(async () => {
    await harness.stop();
    await files.close();
    await rm(folder, { recursive: true, force: true });
  });

  const activity = (extra: Partial<Activity>): Partial<Activity> => ({
    channelId: 'msteams',
    from: { id: USER, name: 'Alex', aadObjectId: SEED.alex.id },
    conversation: { id: 'a:alex', conversationType: 'personal', isGroup: false, name: '' },
    locale: 'en-US',
    ...extra,
  });
  const replies = (type: string) => adapter.activeQueue.filter((a) => a.type === type);
  const teamPhoto = () =>
    new GraphPhotoClient({ baseUrl: harness.emulator.url }).getPhoto(
      { kind: 'group', groupId: SEED.myTeam },
      () => Promise.resolve(harness.user(SEED.alex.upn)),
    );

  it("keeps the command and its image while the sender signs in, then sets the group's photo on their behalf", async () => {
    adapter.addExchangeableToken(CONNECTION, 'msteams', USER, 'teams-sso-token', 'token-for-our-api');
    await adapter.processActivity(
      activity({
        type: 'message',
        text: 'group My Team',
        attachments: [{ contentType: 'image/*', contentUrl: fileUrl }],
      }),
    );
    expect(
      replies('message').some(
        (a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.oauth',
      ),
    ).toBe(true);
    expect(await teamPhoto()).toBeNull();

    adapter.activeQueue.length = 0;
    await adapter.processActivity(
      activity({
        type: 'invoke',
        name: 'signin/tokenExchange',
        value: { id: 'x-1', connectionName: CONNECTION, token: 'teams-sso-token' },
      }),
    );
    expect(replies('invokeResponse')[0]?.value).toMatchObject({ status: 200 });
    expect(await teamPhoto()).not.toBeNull();
    expect(JSON.stringify(replies('message'))).toContain('The photo of My Team is set');
    // On behalf of the sender, for the group's permission.
    expect(exchanges.requests.some((r) => r.form.get('scope')?.includes('Group.ReadWrite.All'))).toBe(true);
  });
});
