/**
 * Signing in inside the messaging extension, offline: botbuilder's TestAdapter plays the Bot Framework token
 * service, a fake Entra ID behind @azure/identity's seam answers the on-behalf-of exchange with a token the Graph
 * emulator accepts, and the emulator is the Graph the groups come from. Without a token each invoke asks Teams to
 * sign the person in, the way that invoke allows; with Teams' SSO token in `value.authentication.token` (or one the
 * token service keeps) it answers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { AttachmentDownloader } from '../../../src/bot/attachments/attachment-downloader.js';
import { ExtensionSignIn } from '../../../src/bot/extension/extension-sign-in.js';
import { GroupThumbnails } from '../../../src/bot/extension/group-thumbnails.js';
import { MessageImages } from '../../../src/bot/extension/message-image.js';
import { MessagingExtensionHandler } from '../../../src/bot/handlers/messaging-extension-handler.js';
import { UndoHandler } from '../../../src/bot/handlers/undo-handler.js';
import type { PhotoMessageHandler } from '../../../src/bot/handlers/photo-message-handler.js';
import { RecentPhotos } from '../../../src/bot/recent-photos.js';
import { TeamsPhotoBot } from '../../../src/bot/teams-photo-bot.js';
import { PhotoChangeService, type ChangeTarget } from '../../../src/changes/photo-change-service.js';
import { GraphContentClient } from '../../../src/graph/graph-content-client.js';
import { GraphDirectoryClient } from '../../../src/graph/graph-directory-client.js';
import { GraphPhotoClient } from '../../../src/graph/graph-photo-client.js';
import { silentLogger } from '../../../src/logger.js';
import { preparePhoto } from '../../../src/photo/photo-pipeline.js';
import { AuditLog } from '../../../src/storage/audit-log.js';
import { BackupStore } from '../../../src/storage/backup-store.js';
import { createStorage } from '../../../src/storage/index.js';
import { LeaseStore } from '../../../src/storage/lease-store.js';
import { PendingStore } from '../../../src/storage/pending-store.js';
import { GroupTargets } from '../../../src/targets/group-targets.js';
import { SEED, startHarness, type Harness } from '../../emulator/harness.js';
import { fakeEntra } from '../../helpers/fake-entra.js';
import { ssoSenderTokens } from '../../helpers/sso-tokens.js';

const CONNECTION = 'graph';
const USER = '29:alex';
/** The TestAdapter's sign-in page for the connection (its link ends with a user id the adapter fills in itself). */
const SIGN_IN_LINK = expect.stringMatching(
  /^https:\/\/botframeworktestadapter\.com\/oauthsignin\/graph\/msteams\//,
) as unknown as string;

describe('signing in inside the messaging extension', () => {
  let harness: Harness;
  let folder: string;
  let adapter: TestAdapter;
  let exchanges: ReturnType<typeof fakeEntra>;

  beforeEach(async () => {
    harness = await startHarness();
    folder = await mkdtemp(path.join(tmpdir(), 'extension-sso-'));
    exchanges = fakeEntra(() => ({
      status: 200,
      body: { token_type: 'Bearer', access_token: harness.user(SEED.alex.upn), expires_in: 3600 },
    }));
    const storage = createStorage({ kind: 'fs', root: folder });
    const { userTokens, tokens } = ssoSenderTokens(CONNECTION, exchanges);
    const graphOptions = { baseUrl: harness.emulator.url, sleep: () => Promise.resolve() };
    const graph = new GraphPhotoClient(graphOptions);
    const backups = new BackupStore<ChangeTarget>({ storage, targetKey: (t) => t.subject });
    const changes = new PhotoChangeService({
      graph,
      backups,
      audit: new AuditLog({ storage }),
      leases: new LeaseStore({ storage, namespace: 'photos' }),
    });
    const preparer = {
      run: (input: Uint8Array, options?: Parameters<typeof preparePhoto>[1]) => preparePhoto(input, options),
    };
    const extension = new MessagingExtensionHandler({
      images: new MessageImages({
        downloader: new AttachmentDownloader({
          botToken: () => Promise.resolve(''),
          tokenHosts: ['127.0.0.1'],
          allowLoopback: true,
          maxBytes: 25 * 1024 * 1024,
          timeoutMs: 10_000,
        }),
        contents: new GraphContentClient({ ...graphOptions, maxBytes: 25 * 1024 * 1024 }),
      }),
      preparer,
      maxInputBytes: 25 * 1024 * 1024,
      recent: new RecentPhotos(new PendingStore({ storage, namespace: 'bot' }), 60_000),
      signIn: new ExtensionSignIn({ tokens, userTokens }),
      changes,
      groups: new GroupTargets(new GraphDirectoryClient(graphOptions)),
      thumbnails: new GroupThumbnails({ preparer, photos: graph, logger: silentLogger }),
      logger: silentLogger,
    });
    const bot = new TeamsPhotoBot({
      photo: {} as unknown as PhotoMessageHandler,
      undo: new UndoHandler({ changes, backups, tokens, logger: silentLogger }),
      signIn: null,
      extension,
    });
    adapter = new TestAdapter((context) => bot.run(context), { channelId: 'msteams' });
  });
  afterEach(async () => {
    await harness.stop();
    await rm(folder, { recursive: true, force: true });
  });

  /** Sends an invoke as Alex and returns the invoke response. */
  async function invoke(
    name: string,
    value: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }> {
    adapter.activeQueue.length = 0;
    const activity: Partial<Activity> = {
      type: 'invoke',
      name,
      value,
      channelId: 'msteams',
      from: { id: USER, name: 'Alex', aadObjectId: SEED.alex.id },
      locale: 'en-US',
    };
    await adapter.processActivity(activity);
    const response = adapter.activeQueue.find((a) => a.type === 'invokeResponse');
    return response?.value as { status: number; body: unknown };
  }

  const query = (extra: Record<string, unknown> = {}) =>
    invoke('composeExtension/query', {
      commandId: 'groups',
      parameters: [{ name: 'initialRun', value: 'true' }],
      ...extra,
    });
  const signInAnswer = (type: 'auth' | 'silentAuth') => ({
    composeExtension: {
      type,
      suggestedActions: { actions: [{ type: 'openUrl', value: SIGN_IN_LINK, title: 'Sign in' }] },
    },
  });

  it('asks Teams to try single sign-on (silentAuth) for a search without a token', async () => {
    expect(await query()).toEqual({ status: 200, body: signInAnswer('silentAuth') });
    expect(exchanges.requests).toHaveLength(0);
  });

  it('asks to sign in (auth) for the message action without a token', async () => {
    const answer = await invoke('composeExtension/fetchTask', {
      commandId: 'setGroupPhoto',
      commandContext: 'message',
      messagePayload: { body: { contentType: 'html', content: '<p>hi</p>' }, attachments: [] },
    });
    // No image in the message: said without asking anything of Graph, so without a sign-in either.
    expect(JSON.stringify(answer.body)).toContain('I found no image in that message');
    const withImage = await invoke('composeExtension/fetchTask', {
      commandId: 'setGroupPhoto',
      commandContext: 'message',
      messagePayload: {
        attachments: [
          { contentType: 'reference', contentUrl: 'https://contoso.sharepoint.com/a.jpg', name: 'a.jpg' },
        ],
      },
    });
    expect(withImage).toEqual({ status: 200, body: signInAnswer('auth') });
  });

  it('answers a group dialog and the typeahead without a token with a sign-in dialog and a 401', async () => {
    const dialog = await invoke('task/fetch', {
      data: { msteams: { type: 'task/fetch' }, groupId: SEED.myTeam },
    });
    expect(dialog.body).toMatchObject({
      task: { type: 'continue', value: { title: 'Sign in to Teams Photo' } },
    });
    const card = (dialog.body as { task: { value: { card: { content: { actions: unknown } } } } }).task.value
      .card.content;
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Sign in', url: SIGN_IN_LINK }]);
    const search = await invoke('application/search', { queryText: 'my', dataset: 'teamsPhotoGroups' });
    expect(search).toMatchObject({
      status: 401,
      body: { statusCode: 401, type: 'application/vnd.microsoft.error' },
    });
  });

  it("uses Teams' SSO token from the invoke: exchanged, then on behalf of the person for Graph", async () => {
    adapter.addExchangeableToken(CONNECTION, 'msteams', USER, 'teams-sso-token', 'token-for-our-api');
    const answer = await query({ authentication: { token: 'teams-sso-token' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ composeExtension: { type: 'result', attachmentLayout: 'list' } });
    expect(JSON.stringify(answer.body)).toContain('My Team');
    expect(exchanges.requests[0]!.form.get('assertion')).toBe('token-for-our-api');
    expect(exchanges.requests[0]!.form.get('scope')).toContain('Group.ReadWrite.All');
  });

  it('asks again when the SSO token cannot be exchanged, and uses a token the service keeps', async () => {
    expect(await query({ authentication: { token: 'not-exchangeable' } })).toEqual({
      status: 200,
      body: signInAnswer('silentAuth'),
    });
    adapter.addUserToken(CONNECTION, 'msteams', USER, 'token-for-our-api');
    const answer = await query();
    expect(JSON.stringify(answer.body)).toContain('My Team');
    const search = await invoke('application/search', { queryText: 'my', dataset: 'teamsPhotoGroups' });
    expect(search.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results: [{ title: 'My Team (myteam@example.com)', value: SEED.myTeam }] },
    });
  });
});
