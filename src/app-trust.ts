/**
 * Issue 18's features around a change, composed apart from app.ts: quality review (app-quality.ts), approval
 * (app-approval.ts), a person's own data and backup retention (app-privacy.ts), and the gates the chat handler runs
 * with the organisation's photo rules (app-policy.ts, built earlier: the change service compares what it reads back
 * with its comparer).
 */
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { AppTokenSource } from './admin/admin-contracts.js';
import { approvalFeature, type ApprovalFeatureDeps } from './app-approval.js';
import { privacyFeatures } from './app-privacy.js';
import { qualityFeatures, type QualityFeatureDeps } from './app-quality.js';
import type { TeamsPhotoBotHandlers } from './bot/teams-photo-bot.js';
import type { DisplayNameLookup, PreviewMaker } from './bot/handlers/photo-previews.js';
import type { PhotoChangeService } from './changes/photo-change-service.js';
import type { AppConfig } from './config.js';
import type { GraphPhotoClient } from './graph/graph-photo-client.js';
import type { Logger } from './logger.js';
import type { AnyBackupStore } from './privacy/person-data-service.js';
import type { AuditLog } from './storage/audit-log.js';
import type { PendingStore } from './storage/pending-store.js';
import type { Storage } from './storage/storage.js';
import type { PhotoPolicy } from './trust/photo-policy.js';
import type { QualitySettings } from './trust/quality-check.js';
import type { OwnPhotoGates } from './trust/trust-gates.js';

export interface TrustFeatureDeps {
  readonly config: AppConfig;
  readonly storage: Storage;
  readonly graphBaseUrl: string;
  readonly appToken: AppTokenSource;
  readonly graph: GraphPhotoClient;
  readonly changes: PhotoChangeService;
  readonly backups: AnyBackupStore;
  readonly audit: AuditLog;
  readonly pending: PendingStore;
  readonly previews: PreviewMaker;
  readonly displayName?: DisplayNameLookup;
  /** The organisation's photo rules (app-policy.ts). */
  readonly policy: PhotoPolicy;
  /** The chat handler that goes on after **Use anyway** (built after the gates it runs). */
  readonly photo: QualityFeatureDeps['photo'];
  /** The adapter, once it exists: approval cards are sent and updated through it. */
  readonly adapter: () => CloudAdapter | undefined;
  /** The bot's app id ('' in local mode), for continuing a conversation. */
  readonly botAppId: string;
  /** The clock approval requests expire by (tests move it forward). */
  readonly approvalClock?: ApprovalFeatureDeps['now'];
  readonly logger: Logger;
}

export interface TrustFeatures {
  /** What the chat handler runs around a change of one's own photo. */
  readonly gates: OwnPhotoGates;
  /** The bot's routes of the new cards and commands. */
  readonly handlers: Pick<TeamsPhotoBotHandlers, 'qualityReview' | 'approval' | 'privacy'>;
  /** The page's quality checks. */
  readonly qualitySettings: QualitySettings;
  /** Whether a person's own changes wait for an approver; absent with APPROVAL=off. */
  readonly approvalNeeded: ((userId: string) => Promise<boolean>) | undefined;
  /** Keeps conversation references for approval (absent with APPROVAL=off). */
  readonly middleware: ((context: TurnContext, next: () => Promise<void>) => Promise<void>) | undefined;
  /** Starts the retention sweep (once the server listens). */
  start(): void;
  /** Stops the sweeps, waiting for ones under way. */
  stop(): Promise<void>;
}

export function trustFeatures(deps: TrustFeatureDeps): TrustFeatures {
  const { config, logger } = deps;
  // Approval of one's own photo changes; `undefined` with APPROVAL=off.
  const approval = approvalFeature({
    config,
    storage: deps.storage,
    graphBaseUrl: deps.graphBaseUrl,
    appToken: deps.appToken,
    graph: deps.graph,
    changes: deps.changes,
    audit: deps.audit,
    previews: deps.previews,
    ...(deps.displayName ? { displayName: deps.displayName } : {}),
    adapter: deps.adapter,
    botAppId: deps.botAppId,
    logger,
    ...(deps.approvalClock ? { now: deps.approvalClock } : {}),
  });
  const quality = qualityFeatures({
    config,
    pending: deps.pending,
    previews: deps.previews,
    photo: deps.photo,
    logger,
  });
  // A person's own data (`my data`, `forget me`) and backup retention.
  const privacy = privacyFeatures({
    trust: config.trust,
    backups: deps.backups,
    audit: deps.audit,
    pending: deps.pending,
    storage: deps.storage,
    logger,
  });
  return {
    gates: {
      policy: deps.policy,
      quality: quality.review,
      ...(approval ? { approval: approval.handler } : {}),
    },
    handlers: {
      privacy: privacy.handler,
      qualityReview: quality.review,
      ...(approval ? { approval: approval.handler } : {}),
    },
    qualitySettings: quality.settings,
    approvalNeeded: approval ? (userId) => approval.needsApproval(userId) : undefined,
    middleware: approval?.middleware,
    start() {
      privacy.start();
    },
    async stop() {
      await privacy.stop();
      await approval?.stop();
    },
  };
}
