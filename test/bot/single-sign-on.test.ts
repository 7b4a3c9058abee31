/**
 * Teams single sign-on, offline: botbuilder's TestAdapter plays the token service (exchangeable tokens), a fake
 * Entra ID behind @azure/identity's seam answers the on-behalf-of exchange with a token the Graph emulator accepts,
 * and the emulator is the Graph the photo goes to. A photo sent before signing in waits and is used afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { OboTokenProvider } from '../../src/auth/obo-token-provider.js';
import { AttachmentDownloader } from '../../src/bot/attachments/attachment-downloader.js';
import { PhotoMessageHandler } from '../../src/bot/handlers/photo-message-handler.js';
import { SignInHandler } from '../../src/bot/handlers/sign-in-handler.js';
import { UndoHandler } from '../../src/bot/handlers/undo-handler.js';
import { SsoSenderTokens } from '../../src/bot/sender-tokens.js';
import { TeamsPhotoBot } from '../../src/bot/teams-photo-bot.js';
import { UserTokenService } from '../../src/bot/user-token-service.js';
import { PhotoChangeService, type ChangeTarget } from '../../src/changes/photo-change-service.js';
import { GraphPhotoClient } from '../../src/graph/graph-photo-client.js';
import { silentLogger } from '../../src/logger.js';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import { AuditLog } from '../../src/storage/audit-log.js';
import { BackupStore } from '../../src/storage/backup-store.js';
import { createStorage } from '../../src/storage/index.js';
import { PendingStore } from '../../src/storage/pending-store.js';
import { SEED, startHarness, type Harness } from '../emulator/harness.js';
import { FAKE_AUTHORITY, fakeEntra } from '../helpers/fake-entra.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

const CONNECTION = 'graph';
const USER = '29:alex';

describe('single sign-on', () => {
  let harness: Harness;
  let folder: string;
  let fileUrl: string;
  let closeFiles: () => Promise<void>;
  let adapter: TestAdapter;
  let exchanges: ReturnType<typeof fakeEntra>;

  beforeEach(async () => {
    harness = await startHarness();
    folder = await mkdtemp(path.join(tmpdir(), 'sso-'));
    const photo = await encodeJpeg(photoLike(800, 600));
    const files = createServer((_req, res) => {
      res.writeHead(200);
      res.end(photo);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/photo.jpg`;
    closeFiles = () =>
      new Promise((resolve) => {
        files.close(() => {
          resolve();
        });
      });

    // Entra's on-behalf-of answer: a Graph token for Alex that the emulator accepts.
    exchanges = fakeEntra(() => ({
      status: 200,
      body: { token_type: 'Bearer', access_token: harness.user(SEED.alex.upn), expires_in: 3600 },
    }));
    const storage = createStorage({ kind: 'fs', root: folder });
    const pending = new PendingStore({ storage, namespace: 'bot' });
    const userTokens = new UserTokenService(CONNECTION);
    const tokens = new SsoSenderTokens(
      userTokens,
      new OboTokenProvider({
        tenantId: 'tenant',
        clientId: 'app',
        secret: { clientSecret: 'secret' },
        authorityHost: FAKE_AUTHORITY,
        credentialOptions: exchanges.credentialOptions,
      }),
    );
    const graph = new GraphPhotoClient({ baseUrl: harness.emulator.url });
    const backups = new BackupStore<ChangeTarget>({ storage, targetKey: (t) => t.subject });
    const changes = new PhotoChangeService({ graph, backups, audit: new AuditLog({ storage }) });
    // The photo handler asks the sign-in handler for a card, which is built after it.
    const late: { signIn?: SignInHandler } = {};
    const photoHandler = new PhotoMessageHandler({
      preparer: { run: (input, options) => preparePhoto(input, options) },
      downloader: new AttachmentDownloader({
        botToken: () => Promise.resolve(''),
        tokenHosts: ['127.0.0.1'],
        allowLoopback: true,
        maxBytes: 25 * 1024 * 1024,
        timeoutMs: 10_000,
      }),
      tokens,
      changes,
      pending,
      pendingPhotoMs: 60_000,
      signIn: (context) => late.signIn!.prompt(context),
      maxInputBytes: 25 * 1024 * 1024,
      logger: silentLogger,
    });
    const signIn = new SignInHandler({
      userTokens,
      pending,
      resume: (context, ssoToken) => photoHandler.resumePending(context, ssoToken),
      logger: silentLogger,
    });
    late.signIn = signIn;
    const bot = new TeamsPhotoBot({
      photo: photoHandler,
      undo: new UndoHandler({ changes, backups, tokens, logger: silentLogger }),
      signIn,
    });
    adapter = new TestAdapter((context) => bot.run(context), { channelId: 'msteams' });
  });
  afterEach(async () => {
    await harness.stop();
    await closeFiles();
    await rm(folder, { recursive: true, force: true });
  });

  const activity = (extra: Partial<Activity>): Partial<Activity> => ({
    channelId: 'msteams',
    from: { id: USER, name: 'Alex', aadObjectId: SEED.alex.id },
    locale: 'en-US',
    ...extra,
  });
  const exchangeInvoke = (id: string, token: string) =>
    activity({
      type: 'invoke',
      name: 'signin/tokenExchange',
      value: { id, connectionName: CONNECTION, token },
    });
  const sent = (type: string) => adapter.activeQueue.filter((a) => a.type === type);
  const hasPhoto = async () =>
    (await new GraphPhotoClient({ baseUrl: harness.emulator.url }).getPhoto({ kind: 'me' }, () =>
      Promise.resolve(harness.user(SEED.alex.upn)),
    )) !== null;

  it('asks a sender who has not signed in to sign in, keeps the photo, and sets it once the exchange succeeds', async () => {
    adapter.addExchangeableToken(CONNECTION, 'msteams', USER, 'teams-sso-token', 'token-for-our-api');
    await adapter.processActivity(
      activity({ type: 'message', attachments: [{ contentType: 'image/*', contentUrl: fileUrl }] }),
    );
    const signInCard = sent('message').find(
      (a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.oauth',
    );
    expect(signInCard).toBeDefined();
    expect(JSON.stringify(signInCard!.attachments![0]!.content)).toContain('tokenExchangeResource');
    expect(await hasPhoto()).toBe(false);

    adapter.activeQueue.length = 0;
    await adapter.processActivity(exchangeInvoke('exchange-1', 'teams-sso-token'));
    expect(sent('invokeResponse')[0]?.value).toMatchObject({ status: 200 });
    expect(await hasPhoto()).toBe(true);
    const card = sent('message').find(
      (a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive',
    );
    expect(card).toBeDefined();
    // The OBO exchange asked Entra for User.ReadWrite on behalf of the user, with our API's token as assertion.
    expect(exchanges.requests[0]!.form.get('assertion')).toBe('token-for-our-api');
    expect(exchanges.requests[0]!.form.get('scope')).toContain('User.ReadWrite');
  });

  it('answers a token it cannot exchange with 412, so Teams shows the sign-in button', async () => {
    await adapter.processActivity(exchangeInvoke('exchange-2', 'not-exchangeable'));
    expect(sent('invokeResponse')[0]?.value).toEqual({
      status: 412,
      body: { id: 'exchange-2', connectionName: CONNECTION, failureDetail: expect.any(String) as unknown },
    });
    expect(sent('message')).toHaveLength(0);
  });

  it('answers a duplicate exchange with 200 and does the work once', async () => {
    adapter.addExchangeableToken(CONNECTION, 'msteams', USER, 'teams-sso-token', 'token-for-our-api');
    await adapter.processActivity(exchangeInvoke('exchange-3', 'teams-sso-token'));
    const afterFirst = sent('message').length;
    expect(afterFirst).toBeGreaterThan(0);
    await adapter.processActivity(exchangeInvoke('exchange-3', 'teams-sso-token'));
    const responses = sent('invokeResponse');
    expect(responses.map((r) => (r.value as { status: number }).status)).toEqual([200, 200]);
    expect(sent('message')).toHaveLength(afterFirst);
  });

  it('completes a sign-in through the button with signin/verifyState and its magic code', async () => {
    adapter.addUserToken(CONNECTION, 'msteams', USER, 'token-for-our-api', '123456');
    await adapter.processActivity(
      activity({ type: 'message', attachments: [{ contentType: 'image/*', contentUrl: fileUrl }] }),
    );
    adapter.activeQueue.length = 0;
    const verify = (state: string) =>
      activity({ type: 'invoke', name: 'signin/verifyState', value: { state } });

    // A wrong code signs nobody in: the photo keeps waiting.
    await adapter.processActivity(verify('wrong'));
    expect(sent('message').map((a) => a.text)).toEqual([expect.stringMatching(/sign in/i)]);
    expect(await hasPhoto()).toBe(false);

    adapter.activeQueue.length = 0;
    await adapter.processActivity(verify('123456'));
    expect(sent('invokeResponse')[0]?.value).toMatchObject({ status: 200 });
    expect(await hasPhoto()).toBe(true);
  });
});
