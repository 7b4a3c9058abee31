/**
 * Teams single sign-on, offline: botbuilder's TestAdapter plays the token service (exchangeable tokens), a fake
 * Entra ID behind @azure/identity's seam answers the on-behalf-of exchange with a token the Graph emulator accepts,
 * and the emulator is the Graph the photo goes to (its fault script makes a write fail on purpose). A photo sent
 * before signing in waits, prepared (never the raw download), and is used afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { AttachmentDownloader } from '../../src/bot/attachments/attachment-downloader.js';
import { PhotoMessageHandler } from '../../src/bot/handlers/photo-message-handler.js';
import { SignInHandler } from '../../src/bot/handlers/sign-in-handler.js';
import { UndoHandler } from '../../src/bot/handlers/undo-handler.js';
import { TeamsPhotoBot } from '../../src/bot/teams-photo-bot.js';
import { PhotoChangeService, type ChangeTarget } from '../../src/changes/photo-change-service.js';
import { FaultScript } from '../../src/emulator/faults.js';
import { GraphPhotoClient } from '../../src/graph/graph-photo-client.js';
import { silentLogger } from '../../src/logger.js';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import { AuditLog } from '../../src/storage/audit-log.js';
import { BackupStore } from '../../src/storage/backup-store.js';
import { createStorage, encodeKeySegment } from '../../src/storage/index.js';
import { LeaseStore } from '../../src/storage/lease-store.js';
import { PendingStore } from '../../src/storage/pending-store.js';
import { SEED, startHarness, type Harness } from '../emulator/harness.js';
import { fakeEntra } from '../helpers/fake-entra.js';
import { ssoSenderTokens } from '../helpers/sso-tokens.js';
import { encodeJpeg, exifSegment, jpegMarkers, photoLike, withSegments } from '../helpers/images.js';
import sharp from 'sharp';

const CONNECTION = 'graph';
const USER = '29:alex';
const MEGAN = '29:megan';

describe('single sign-on', () => {
  let harness: Harness;
  let folder: string;
  let fileUrl: string;
  let closeFiles: () => Promise<void>;
  let adapter: TestAdapter;
  let exchanges: ReturnType<typeof fakeEntra>;
  let pending: PendingStore;
  let script: FaultScript;
  /** The photo the file server sends: a camera JPEG with EXIF and a GPS position. */
  let sent: Buffer;

  beforeEach(async () => {
    script = new FaultScript();
    harness = await startHarness({ faults: { script } });
    folder = await mkdtemp(path.join(tmpdir(), 'sso-'));
    sent = withSegments(await encodeJpeg(photoLike(800, 600)), exifSegment(1, true));
    const files = createServer((_req, res) => {
      res.writeHead(200);
      res.end(sent);
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
    pending = new PendingStore({ storage, namespace: 'bot' });
    const { userTokens, tokens } = ssoSenderTokens(CONNECTION, exchanges);
    const graph = new GraphPhotoClient({ baseUrl: harness.emulator.url, sleep: () => Promise.resolve() });
    const backups = new BackupStore<ChangeTarget>({ storage, targetKey: (t) => t.subject });
    const leases = new LeaseStore({ storage, namespace: 'photos' });
    const changes = new PhotoChangeService({ graph, backups, audit: new AuditLog({ storage }), leases });
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
      now: Date.now,
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

  const activity = (
    extra: Partial<Activity>,
    from: { id: string; name: string; aadObjectId: string } = {
      id: USER,
      name: 'Alex',
      aadObjectId: SEED.alex.id,
    },
  ): Partial<Activity> => ({
    channelId: 'msteams',
    from,
    locale: 'en-US',
    ...extra,
  });
  const exchangeInvoke = (id: string, token: string, from?: Parameters<typeof activity>[1]) =>
    activity(
      {
        type: 'invoke',
        name: 'signin/tokenExchange',
        value: { id, connectionName: CONNECTION, token },
      },
      from,
    );
  const replies = (type: string) => adapter.activeQueue.filter((a) => a.type === type);
  const hasPhoto = async () =>
    (await new GraphPhotoClient({ baseUrl: harness.emulator.url }).getPhoto({ kind: 'me' }, () =>
      Promise.resolve(harness.user(SEED.alex.upn)),
    )) !== null;

  it('asks a sender who has not signed in to sign in, keeps the photo, and sets it once the exchange succeeds', async () => {
    adapter.addExchangeableToken(CONNECTION, 'msteams', USER, 'teams-sso-token', 'token-for-our-api');
    await adapter.processActivity(
      activity({ type: 'message', attachments: [{ contentType: 'image/*', contentUrl: fileUrl }] }),
    );
    const signInCard = replies('message').find(
      (a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.oauth',
    );
    expect(signInCard).toBeDefined();
    expect(JSON.stringify(signInCard!.attachments![0]!.content)).toContain('tokenExchangeResource');
    expect(await hasPhoto()).toBe(false);

    adapter.activeQueue.length = 0;
    await adapter.processActivity(exchangeInvoke('exchange-1', 'teams-sso-token'));
    expect(replies('invokeResponse')[0]?.value).toMatchObject({ status: 200 });
    expect(await hasPhoto()).toBe(true);
    const card = replies('message').find(
      (a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive',
    );
    expect(card).toBeDefined();
    // The OBO exchange asked Entra for User.ReadWrite on behalf of the user, with our API's token as assertion.
    expect(exchanges.requests[0]!.form.get('assertion')).toBe('token-for-our-api');
    expect(exchanges.requests[0]!.form.get('scope')).toContain('User.ReadWrite');
  });

  it('answers a token it cannot exchange with 412, so Teams shows the sign-in button', async () => {
    await adapter.processActivity(exchangeInvoke('exchange-2', 'not-exchangeable'));
    expect(replies('invokeResponse')[0]?.value).toEqual({
      status: 412,
      body: { id: 'exchange-2', connectionName: CONNECTION, failureDetail: expect.any(String) as unknown },
    });
    expect(replies('message')).toHaveLength(0);
  });

  it('answers a duplicate exchange with 200 and does the work once', async () => {
    adapter.addExchangeableToken(CONNECTION, 'msteams', USER, 'teams-sso-token', 'token-for-our-api');
    await adapter.processActivity(exchangeInvoke('exchange-3', 'teams-sso-token'));
    const afterFirst = replies('message').length;
    expect(afterFirst).toBeGreaterThan(0);
    await adapter.processActivity(exchangeInvoke('exchange-3', 'teams-sso-token'));
    const responses = replies('invokeResponse');
    expect(responses.map((r) => (r.value as { status: number }).status)).toEqual([200, 200]);
    expect(replies('message')).toHaveLength(afterFirst);
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
    expect(replies('message').map((a) => a.text)).toEqual([expect.stringMatching(/sign in/i)]);
    expect(await hasPhoto()).toBe(false);

    adapter.activeQueue.length = 0;
    await adapter.processActivity(verify('123456'));
    expect(replies('invokeResponse')[0]?.value).toMatchObject({ status: 200 });
    expect(await hasPhoto()).toBe(true);
  });

  it('keeps only the prepared photo while it waits: a small JPEG without EXIF or GPS, not the download', async () => {
    await adapter.processActivity(
      activity({ type: 'message', attachments: [{ contentType: 'image/*', contentUrl: fileUrl }] }),
    );
    const waiting = await pending.get(`photo-${encodeKeySegment(SEED.alex.id)}`);
    expect(waiting).toBeDefined();
    const bytes = Buffer.from(waiting!.value);
    expect(bytes.equals(sent)).toBe(false);
    expect(sent.includes('Exif\0\0')).toBe(true); // what was sent had them
    expect(bytes.includes('Exif')).toBe(false);
    expect(jpegMarkers(bytes)).not.toContain(0xe1);
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 600, height: 600 });
    expect(metadata.exif).toBeUndefined();
    expect(waiting!.contentType).toBe('image/jpeg');
  });

  it("does not let one user's exchange swallow another's with the same exchange id", async () => {
    const megan = { id: MEGAN, name: 'Megan', aadObjectId: SEED.megan.id };
    adapter.addExchangeableToken(CONNECTION, 'msteams', USER, 'alex-sso', 'token-for-our-api');
    adapter.addExchangeableToken(CONNECTION, 'msteams', MEGAN, 'megan-sso', 'token-for-our-api');
    await adapter.processActivity(exchangeInvoke('same-id', 'alex-sso'));
    expect(replies('message').map((a) => a.text)).toEqual([expect.stringMatching(/signed in/)]);
    adapter.activeQueue.length = 0;
    await adapter.processActivity(exchangeInvoke('same-id', 'megan-sso', megan));
    expect(replies('invokeResponse')[0]?.value).toMatchObject({ status: 200 });
    // Megan's sign-in went on (she was told), not dropped as a copy of Alex's.
    expect(replies('message').map((a) => a.text)).toEqual([expect.stringMatching(/signed in/)]);
  });

  it('gives the exchange back when the waiting photo cannot be set, so the retried exchange sets it', async () => {
    adapter.addExchangeableToken(CONNECTION, 'msteams', USER, 'teams-sso-token', 'token-for-our-api');
    await adapter.processActivity(
      activity({ type: 'message', attachments: [{ contentType: 'image/*', contentUrl: fileUrl }] }),
    );
    adapter.activeQueue.length = 0;
    // The read of the current photo succeeds; every attempt to write the new one gets 503.
    script.push('pass', 1).push('unavailable', 4);
    await adapter.processActivity(exchangeInvoke('exchange-5', 'teams-sso-token'));
    expect(replies('invokeResponse')[0]?.value).toMatchObject({ status: 200 });
    expect(replies('message').map((a) => a.text)).toEqual([
      expect.stringMatching(/signed in/),
      expect.stringMatching(/Microsoft 365 is not answering/),
    ]);
    expect(script.pending).toBe(0);
    expect(await hasPhoto()).toBe(false);

    adapter.activeQueue.length = 0;
    await adapter.processActivity(exchangeInvoke('exchange-5', 'teams-sso-token'));
    expect(replies('invokeResponse')[0]?.value).toMatchObject({ status: 200 });
    expect(await hasPhoto()).toBe(true);
    expect(
      replies('message').some(
        (a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive',
      ),
    ).toBe(true);
  });
});
