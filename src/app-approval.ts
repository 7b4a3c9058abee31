/**
 * The composition of approval (issue 18): the rules read from Graph with the app's own identity, the requests in
 * the shared storage, the handler that is both the chat handler's approval gate and the routes of the approval
 * cards, the conversation references that let the bot reach approvers, and the sweeper that expires old requests.
 * `app.ts` builds it once; with `APPROVAL=off` it builds nothing and the gate is absent.
 */
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { AppTokenSource } from './admin/admin-contracts.js';
import { approvalRules } from './approval/approval-rules.js';
import { ApprovalService } from './approval/approval-service.js';
import { RequestStore } from './approval/request-store.js';
import { ConversationReferences } from './bot/conversation-references.js';
import { ApprovalHandler } from './bot/handlers/approval-handler.js';
import type { DisplayNameLookup, PreviewMaker } from './bot/handlers/photo-previews.js';
import type { PhotoChangeService } from './changes/photo-change-service.js';
import type { AppConfig } from './config.js';
import { GraphDirectoryClient } from './graph/graph-directory-client.js';
import type { GraphPhotoClient } from './graph/graph-photo-client.js';
import type { Logger } from './logger.js';
import type { AuditLog } from './storage/audit-log.js';
import { startExpirySweeper, type ExpirySweeper } from './storage/expiry-sweeper.js';
import type { Storage } from './storage/storage.js';

export interface ApprovalFeatureDeps {
  readonly config: AppConfig;
  readonly storage: Storage;
  readonly graphBaseUrl: string;
  /** The app's own Graph token: membership reads, the requester's current photo, and the approved change. */
  readonly appToken: AppTokenSource;
  readonly graph: GraphPhotoClient;
  readonly changes: PhotoChangeService;
  readonly audit: AuditLog;
  readonly previews: PreviewMaker;
  readonly displayName?: DisplayNameLookup;
  /** The adapter, once it exists: cards are sent and updated through it. */
  readonly adapter: () => CloudAdapter | undefined;
  /** The bot's app id ('' in local mode), for continuing a conversation. */
  readonly botAppId: string;
  readonly logger: Logger;
  /** Milliseconds since the epoch (tests move it to expire requests); `Date.now` by default. */
  readonly now?: () => number;
}

export interface ApprovalFeature {
  /** The chat handler's gate and the cards' routes. */
  readonly handler: ApprovalHandler;
  /** Keeps people's conversation references (and offers pending requests to an approver's first message). */
  readonly middleware: (context: TurnContext, next: () => Promise<void>) => Promise<void>;
  /** The requests, for `my data` and `forget me` ({@link PersonRequests}). */
  readonly requests: RequestStore;
  readonly references: ConversationReferences;
  /** Whether this person's own changes wait for an approver (asked fresh, with the membership cache). */
  needsApproval(userId: string): Promise<boolean>;
  stop(): Promise<void>;
}

/** Approval as configured, or `undefined` with `APPROVAL=off`. */
export function approvalFeature(deps: ApprovalFeatureDeps): ApprovalFeature | undefined {
  const { config, storage, appToken, logger } = deps;
  const settings = config.trust.approval;
  if (settings.mode === 'off') return undefined;
  const directory = new GraphDirectoryClient({ baseUrl: deps.graphBaseUrl, version: config.graph.version });
  const clock = deps.now ?? Date.now;
  const rules = approvalRules({
    approval: settings,
    directory,
    appToken,
    // Never kept longer than the admin check keeps its answers.
    cacheMs: config.admin.cacheMs,
    clock,
  });
  const store = new RequestStore(storage);
  const service = new ApprovalService({
    store,
    rules,
    audit: deps.audit,
    expiryMs: settings.expiryMs,
    now: clock,
    // Set with the app's identity, as an admin's single set is: backed up and audited by the change service.
    apply: async (request, jpeg, approver) =>
      (
        await deps.changes.change({ kind: 'user', user: request.requester.id }, jpeg, appToken, {
          id: approver.id,
          path: 'chat',
          correlationId: request.id,
        })
      ).changeId,
  });
  const references = new ConversationReferences(storage, logger);
  const continueWith = async (reference: object, logic: (context: TurnContext) => Promise<void>) => {
    const adapter = deps.adapter();
    if (!adapter) throw new Error('the adapter is not ready');
    await adapter.continueConversationAsync(deps.botAppId, reference, logic);
  };
  const handler = new ApprovalHandler({
    service,
    store,
    references,
    previews: deps.previews,
    currentPhoto: (userId) => deps.graph.getPhoto({ kind: 'user', user: userId }, appToken),
    ...(deps.displayName ? { displayName: deps.displayName } : {}),
    logger,
    proactive: {
      async send(reference, card) {
        let id: string | undefined;
        await continueWith(reference, async (context) => {
          id = (await context.sendActivity({ attachments: [card] }))?.id;
        });
        return id;
      },
      async update(reference, activityId, card) {
        await continueWith(reference, async (context) => {
          await context.updateActivity({ id: activityId, type: 'message', attachments: [card] });
        });
      },
    },
  });
  const sweeper: ExpirySweeper = startExpirySweeper({
    targets: [
      {
        deleteExpired: async () => (await handler.expireDue()) + (await store.deleteExpired()),
      },
    ],
    intervalMs: config.bot.pendingSweepMs,
    logger,
  });
  return {
    handler,
    middleware: references.middleware((context) => handler.onFirstContact(context)),
    requests: store,
    references,
    needsApproval: (userId) => rules.needsApproval(userId),
    stop: () => sweeper.stop(),
  };
}
