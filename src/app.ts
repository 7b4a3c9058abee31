/**
 * The composition root: builds every service from the configuration and wires them together. In local mode (no
 * bot credentials) the Graph emulator runs in the same process and the local token issuer stands in for sign-in;
 * otherwise Graph is the configured cloud and tokens come from Teams SSO on behalf of the sender.
 */
import { CloudAdapter, type TurnContext } from 'botbuilder';
import type { AppTokenSource } from './admin/admin-contracts.js';
import { adminAppTokens } from './admin/app-tokens.js';
import { adminFeatures } from './app-admin.js';
import { policyFeatures } from './app-policy.js';
import { trustFeatures } from './app-trust.js';
import { photoApiRoutes, type PhotoApiDeps } from './api/photo-api.js';
import { TabPhotoActions } from './api/photo-actions.js';
import { LocalTabGraphTokens, OboTabGraphTokens, type TabGraphTokens } from './api/tab-graph-tokens.js';
import {
  entraTabTokenValidator,
  localTabTokenValidator,
  type TabTokenValidator,
} from './api/tab-token-validator.js';
import { LocalTokenIssuer } from './auth/local-token-issuer.js';
import { OboTokenProvider, type OboProviderOptions } from './auth/obo-token-provider.js';
import {
  AttachmentDownloader,
  type AttachmentDownloaderOptions,
} from './bot/attachments/attachment-downloader.js';
import { ExtensionSignIn } from './bot/extension/extension-sign-in.js';
import { GroupThumbnails } from './bot/extension/group-thumbnails.js';
import { MessageImages } from './bot/extension/message-image.js';
import { IncomingImages } from './bot/handlers/incoming-image.js';
import { MessagingExtensionHandler } from './bot/handlers/messaging-extension-handler.js';
import { PhotoMessageHandler } from './bot/handlers/photo-message-handler.js';
import { RemovePhotoHandler } from './bot/handlers/remove-photo-handler.js';
import { TargetPhotoHandler } from './bot/handlers/target-photo-handler.js';
import { RecentPhotos } from './bot/recent-photos.js';
import { SignInHandler } from './bot/handlers/sign-in-handler.js';
import { UndoHandler } from './bot/handlers/undo-handler.js';
import { LocalSenderTokens, SsoSenderTokens, type SenderTokens } from './bot/sender-tokens.js';
import { photoChannels } from './bot/photo-channels.js';
import { TeamsPhotoBot } from './bot/teams-photo-bot.js';
import { failureText, localDirectoryFile } from './bot/turn-errors.js';
import { UserTokenService } from './bot/user-token-service.js';
import { PhotoChangeService, type ChangeTarget } from './changes/photo-change-service.js';
import { ConfigError, type AppConfig } from './config.js';
import { faultsFromConfig, type EmulatorFaults } from './emulator/faults.js';
import { startEmulator, type RunningEmulator } from './emulator/graph-emulator.js';
import { GraphContentClient } from './graph/graph-content-client.js';
import { GraphDirectoryClient } from './graph/graph-directory-client.js';
import { GraphPhotoClient } from './graph/graph-photo-client.js';
import { pickLocale } from './i18n/index.js';
import type { Logger } from './logger.js';
import { PhotoWorkerPool } from './photo/worker-pool.js';
import { channelAuthentication, type BotCredentialsFactory } from './server/channel-authentication.js';
import { botTokenSource } from './server/bot-token-source.js';
import { startServer, type RunningServer } from './server/server.js';
import { AuditLog } from './storage/audit-log.js';
import { BackupStore } from './storage/backup-store.js';
import { createStorage, type Storage } from './storage/index.js';
import { PendingStore } from './storage/pending-store.js';
import { LeaseStore } from './storage/lease-store.js';
import { startExpirySweeper } from './storage/expiry-sweeper.js';
import { ContactTargets } from './targets/contact-targets.js';
import { GroupTargets } from './targets/group-targets.js';

export interface RunningApp {
  readonly server: RunningServer;
  /** The in-process Graph emulator, in local mode. */
  readonly emulator: RunningEmulator | null;
  /** Finishes turns under way, then stops the server, the workers and the emulator. */
  close(): Promise<void>;
}

/** Seams for tests: where attachments are fetched from. */
export interface AppSeams {
  /**
   * The bot's Bot Framework credentials (replies, the token service, inline images) instead of the ones built
   * from BOT_ID / BOT_PASSWORD: an offline test hands in a fixed token rather than reaching Entra ID.
   */
  readonly botCredentials?: BotCredentialsFactory;
  /** Storage instead of the configured one (a test hands in one that fails). */
  readonly storage?: Storage;
  /**
   * How images are downloaded: a resolver that points a Teams host name at a loopback server, and the test
   * certificate that server presents. Production leaves both to the system.
   */
  readonly downloads?: Pick<AttachmentDownloaderOptions, 'resolve' | 'ca'>;
  /** Faults for the in-process emulator in local mode, instead of the configured ones (tests script them). */
  readonly emulatorFaults?: EmulatorFaults;
  /**
   * The Entra credentials' pipeline options, on-behalf-of and the app's own (an in-process `httpClient` standing in
   * for Entra ID), so an offline test gets tokens without reaching Microsoft. Production leaves them at the defaults.
   */
  readonly oboCredentialOptions?: OboProviderOptions['credentialOptions'];
  /** The clock approval requests expire by (a test moves it forward instead of waiting hours). */
  readonly approvalClock?: () => number;
}

export type { BotCredentialsFactory } from './server/channel-authentication.js';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export async function startApp(config: AppConfig, logger: Logger, seams: AppSeams = {}): Promise<RunningApp> {
  const local = config.bot.app === null;
  const storage = seams.storage ?? createStorage(config.storage);
  const pool = new PhotoWorkerPool({
    size: config.photo.poolSize,
    queueLimit: config.photo.queueLimit,
    jobTimeoutMs: config.photo.jobTimeoutMs,
    workerMemoryMb: config.photo.workerMemoryMb,
    faceDetection: config.trust.faceDetection,
  });

  let emulator: RunningEmulator | null = null;
  let tokens: SenderTokens;
  let userTokens: UserTokenService | null = null;
  let graphBaseUrl = config.graph.baseUrl;
  // The app's own Graph token, for admins' changes of other people's photos (never a user's delegated token).
  let appToken: AppTokenSource;
  // The page's API: who the caller is (their Teams SSO token, or a local one) and Graph tokens on behalf of them.
  let tab: { validator: TabTokenValidator; tokens: TabGraphTokens; local?: PhotoApiDeps['localTokens'] };
  if (local) {
    emulator = await startEmulator({
      port: config.emulator.port,
      dataDir: config.dataDir,
      faults: seams.emulatorFaults ?? faultsFromConfig(config.emulator.faults),
    });
    graphBaseUrl = emulator.url;
    const issuer = await LocalTokenIssuer.open(config.dataDir);
    tokens = new LocalSenderTokens(issuer, emulator.currentDirectory);
    const { currentDirectory } = emulator;
    appToken = adminAppTokens({
      config,
      local: { issuer, tenantId: async () => (await currentDirectory()).tenant.id },
    });
    tab = {
      validator: localTabTokenValidator(issuer, currentDirectory),
      tokens: new LocalTabGraphTokens(issuer, currentDirectory),
      local: { issuer, currentDirectory },
    };
  } else {
    if (!config.entra) {
      throw new ConfigError([
        'the bot needs the Entra app (AAD_APP_*) to sign users in and act on their behalf',
      ]);
    }
    const { tenantId, clientId, authorityHost, credential } = config.entra;
    userTokens = new UserTokenService(config.bot.oauthConnectionName);
    const obo = new OboTokenProvider({
      tenantId,
      clientId,
      authorityHost,
      secret: credential,
      ...(seams.oboCredentialOptions ? { credentialOptions: seams.oboCredentialOptions } : {}),
    });
    tokens = new SsoSenderTokens(userTokens, obo);
    // config.tab is there whenever config.entra is (see config.ts).
    if (!config.tab) throw new ConfigError(['the page needs the Entra app (AAD_APP_*)']);
    tab = { validator: entraTabTokenValidator(config.tab), tokens: new OboTabGraphTokens(obo) };
    appToken = adminAppTokens({
      config,
      ...(seams.oboCredentialOptions ? { credentialOptions: seams.oboCredentialOptions } : {}),
    });
  }

  const graphOptions = { baseUrl: graphBaseUrl, version: config.graph.version };
  const graph = new GraphPhotoClient(graphOptions);
  const directory = new GraphDirectoryClient(graphOptions);
  const groups = new GroupTargets(directory);
  const contacts = new ContactTargets(directory);
  const backups = new BackupStore<ChangeTarget>({ storage, targetKey: (target) => target.subject });
  const pending = new PendingStore({ storage, namespace: 'bot' });
  const leases = new LeaseStore({ storage, namespace: 'photos' });
  const audit = new AuditLog({ storage });
  // The organisation's photo rules and the read-back after a change (app-policy.ts, issue 18).
  const localPolicy = emulator ? { localDirectory: emulator.currentDirectory } : {};
  const trust = policyFeatures({ config, graphBaseUrl, appToken, logger, ...localPolicy });
  const changes = new PhotoChangeService({ graph, backups, audit, leases, comparer: trust.comparer });
  // Expired waiting photos, exchange claims and abandoned leases are deleted, not just hidden from readers.
  const sweeper = startExpirySweeper({
    targets: [pending, leases],
    intervalMs: config.bot.pendingSweepMs,
    logger,
  });

  const app = config.bot.app;
  const downloads = {
    // Local mode has no bot credentials: images come from loopback and need no token.
    botToken: app ? botTokenSource(app, seams.botCredentials) : () => Promise.resolve(''),
    ...seams.downloads,
    tokenHosts: app ? config.bot.tokenHosts : LOOPBACK_HOSTS,
    allowLoopback: local,
    timeoutMs: config.bot.downloadTimeoutMs,
  };
  const downloader = new AttachmentDownloader({ ...downloads, maxBytes: config.photo.maxInputBytes });

  // Local mode: the card's initials come from the emulator's directory (the Playground sends no name).
  const localDirectory = emulator?.currentDirectory;
  const displayName = localDirectory
    ? async (context: TurnContext) =>
        (await localDirectory()).findUserById(context.activity.from.aadObjectId ?? '')?.displayName
    : undefined;
  let signIn: SignInHandler | null = null;
  const signInPrompt = userTokens
    ? (context: TurnContext) => (signIn as SignInHandler).prompt(context)
    : null;
  // The last photo each person sent waits a few minutes for `group <name>` or `contact <name>`, and pick cards.
  const recent = new RecentPhotos(pending, config.bot.recentPhotoMs);
  // Set once the adapter exists (below): progress and approval cards are sent and updated through it.
  const adapterRef: { current?: CloudAdapter } = {};
  // Quality review, approval, a person's own data (app-trust.ts, issue 18).
  const guards = trustFeatures({
    config,
    storage,
    graphBaseUrl,
    appToken,
    graph,
    changes,
    backups,
    audit,
    pending,
    previews: pool,
    ...(displayName ? { displayName } : {}),
    policy: trust.policy,
    photo: () => photo,
    adapter: () => adapterRef.current,
    botAppId: app?.appId ?? '',
    ...(seams.approvalClock ? { approvalClock: seams.approvalClock } : {}),
    logger,
  });
  const photo = new PhotoMessageHandler({
    preparer: pool,
    downloader,
    tokens,
    changes,
    pending,
    pendingPhotoMs: config.bot.pendingPhotoMs,
    now: Date.now,
    signIn: signInPrompt,
    maxInputBytes: config.photo.maxInputBytes,
    logger,
    directoryFile: localDirectoryFile(config.dataDir, process.cwd()),
    ...(displayName ? { displayName } : {}),
    recent,
    // Issue 18's gates of one's own photo changes (src/trust/trust-gates.ts).
    gates: guards.gates,
  });
  const images = new IncomingImages({
    preparer: pool,
    downloader,
    maxInputBytes: config.photo.maxInputBytes,
    logger,
  });
  const targets = new TargetPhotoHandler({
    images,
    preparer: pool,
    recent,
    tokens,
    changes,
    groups,
    contacts,
    logger,
    signIn: signInPrompt,
    pending,
    pendingMs: config.bot.pendingPhotoMs,
  });
  if (userTokens) {
    signIn = new SignInHandler({
      userTokens,
      pending,
      // The own photo that waited, else a group's or contact's command that did.
      resume: async (context, ssoToken) => {
        const own = await photo.resumePending(context, ssoToken);
        return own === 'none' ? targets.resumePending(context, ssoToken) : own;
      },
      logger,
    });
  }
  // The messaging extension: Set as group photo on a message (its image read with the person's own token), the
  // Groups search and their dialogs. Photos are prepared on the same pool and wait in the same store as in chat.
  const extension = new MessagingExtensionHandler({
    images: new MessageImages({
      downloader,
      contents: new GraphContentClient({ ...graphOptions, maxBytes: config.photo.maxInputBytes }),
    }),
    preparer: pool,
    maxInputBytes: config.photo.maxInputBytes,
    recent,
    signIn: new ExtensionSignIn({ tokens, userTokens }),
    changes,
    groups,
    thumbnails: new GroupThumbnails({ preparer: pool, photos: graph, logger }),
    logger,
  });
  // Admins: the card, bulk imports and their jobs (app-admin.ts).
  const admin = adminFeatures({
    cloudCheck: (who) => trust.policy.requireCloud(who.tenantId),
    config,
    storage,
    graphBaseUrl,
    appToken,
    pool,
    images,
    pending,
    audit,
    downloads,
    adapter: () => adapterRef.current,
    botAppId: app?.appId ?? '',
    publicBaseUrl: () => publicBaseUrl,
    logger,
  });
  const bot = new TeamsPhotoBot(
    {
      photo,
      undo: new UndoHandler({
        changes,
        backups,
        tokens,
        logger,
        previews: pool,
        ...(displayName ? { displayName } : {}),
        groups,
        admin: admin.handler,
      }),
      signIn,
      targets,
      remove: new RemovePhotoHandler({ tokens, changes, groups, preparer: pool, logger }),
      extension,
      admin: admin.handler,
      bulk: admin.bulk,
      ...guards.handlers,
    },
    { photoChannels: photoChannels(local), logger, photoPageUrl: () => photoPageUrl },
  );

  const adapter = new CloudAdapter(channelAuthentication(app, config.bot.channel, seams.botCredentials));
  adapterRef.current = adapter;
  if (guards.middleware) adapter.use(guards.middleware);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    await context.sendActivity(failureText(error, pickLocale(context.activity.locale), logger, 'turn'));
  };

  const photoApi = photoApiRoutes({
    validator: tab.validator,
    actions: new TabPhotoActions({
      tokens: tab.tokens,
      preparer: pool,
      changes,
      photos: graph,
      groups,
      directory,
      maxInputBytes: config.photo.maxInputBytes,
      logger,
      policy: trust.policy,
      quality: guards.qualitySettings,
      ...(guards.approvalNeeded ? { approvalNeeded: guards.approvalNeeded } : {}),
    }),
    maxInputBytes: config.photo.maxInputBytes,
    logger,
    ...(tab.local ? { localTokens: tab.local } : {}),
  });

  // The Photo page the help card opens as a dialog: on the bot's domain, or (local mode) this server once it listens.
  let photoPageUrl: string | undefined = config.tab?.pageUrl;
  // Where report links point: the bot's domain, or (local mode) this server once it listens.
  let publicBaseUrl: string | undefined =
    photoPageUrl === undefined ? undefined : new URL(photoPageUrl).origin;
  const server = await startServer({
    port: config.bot.port,
    // Without credentials nothing authenticates a request: then only this machine may send them.
    host: local ? '127.0.0.1' : '0.0.0.0',
    localOnly: local,
    adapter,
    bot,
    logger,
    routes: [photoApi, admin.route],
  });
  if (local) {
    photoPageUrl = `${server.url}/tab`;
    publicBaseUrl = server.url;
  }
  admin.start();
  guards.start();
  return {
    server,
    emulator,
    async close() {
      await server.close();
      await admin.stop();
      await guards.stop();
      await sweeper.stop();
      await pool.close();
      await emulator?.close();
    },
  };
}
