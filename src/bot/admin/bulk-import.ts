/**
 * Bulk imports from chat: an admin sends a .zip, gets the plan (who gets which photo, which files are left out, and
 * why) with Start / Cancel; Start runs the job in the background and one progress card follows it, updated in place
 * (progress-updates.ts); the final card offers the report (a short-lived signed link) and **Undo this batch**.
 *
 * Every button asks the admin gate again and checks that the job is this admin's: a forged job id, somebody else's
 * job, a Start pressed twice or a plan left too long are refused (and audited), and nothing changes. The zip is
 * downloaded only for an admin, with the zip's own size cap rather than a photo's, and read in memory by the zip
 * source (nothing is written under an entry's own name).
 */
import { TurnContext, type AdaptiveCardInvokeResponse } from 'botbuilder';
import type {
  AdminIdentity,
  BulkJobs,
  ImportLimits,
  ImportSource,
  JobConversation,
  JobSummary,
} from '../../admin/admin-contracts.js';
import { REPORT_ROUTE, type ReportLinks } from '../../admin/report-links.js';
import { AppError, PhotoError } from '../../errors.js';
import { errorText, pickLocale, translate, type Locale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { AttachmentDownloader } from '../attachments/attachment-downloader.js';
import { TEAMS_FILE_DOWNLOAD_INFO, type Attachment, type PickedImage } from '../attachments/image-picker.js';
import { jobCard, noticeCard, planCard, type ReportLink } from '../cards/admin-cards.js';
import { cardResponse, messageResponse } from '../handlers/invoke-responses.js';
import { codeOf, failureText } from '../turn-errors.js';
import type { AdminGuard } from './admin-guard.js';
import type { ProgressUpdates } from './progress-updates.js';

/** Opens a zip's bytes as an import source (src/admin/zip-source.ts). */
export type ZipOpener = (
  bytes: Uint8Array,
  name: string,
  limits: ImportLimits,
) => Promise<ImportSource> | ImportSource;

/** Content types a zip may arrive with as a plain attachment (local mode, `send-image`, some clients). */
const ZIP_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'application/zip',
  'application/x-zip-compressed',
  'application/x-zip',
]);

/** The refusals answered plainly, without a support reference. */
const PLAIN_REFUSALS: ReadonlySet<string> = new Set([
  'NotAdmin',
  'TenantNotAllowed',
  'JobNotFound',
  'JobNotStartable',
  'JobInProgress',
  'AdminChoiceExpired',
  'AppIdentityMissing',
  'ZipTooLarge',
  'ZipTooManyEntries',
  'ZipTooMuchData',
  'ZipUnreadable',
  'NothingToImport',
]);

/** A zip the message carries: where to fetch it, and its name as the sender's client gave it (display only). */
export interface ZipAttachment {
  readonly file: PickedImage & { readonly kind: 'file' };
  readonly name: string;
}

/** The first zip among a message's attachments, without any I/O; `undefined` when there is none. */
export function zipOf(attachments: readonly Attachment[] | undefined): ZipAttachment | undefined {
  for (const attachment of attachments ?? []) {
    const type = typeof attachment.contentType === 'string' ? attachment.contentType.toLowerCase() : '';
    const name =
      typeof attachment.name === 'string' && attachment.name.trim() !== '' ? attachment.name.trim() : '';
    if (type === TEAMS_FILE_DOWNLOAD_INFO) {
      const content = (attachment.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
      const fileType =
        typeof content.fileType === 'string' ? content.fileType.toLowerCase().replace(/^\./, '') : '';
      if (fileType === 'zip' && typeof content.downloadUrl === 'string' && content.downloadUrl !== '') {
        return { file: { kind: 'file', url: content.downloadUrl, fileType }, name: name || 'photos.zip' };
      }
    } else if (
      ZIP_CONTENT_TYPES.has(type) &&
      typeof attachment.contentUrl === 'string' &&
      attachment.contentUrl !== ''
    ) {
      // Fetched as a file (no bot token): only Bot Framework hosts get the token, and a zip never comes from one.
      return {
        file: { kind: 'file', url: attachment.contentUrl, fileType: 'zip' },
        name: name || 'photos.zip',
      };
    }
  }
  return undefined;
}

export interface BulkImportDeps {
  readonly guard: AdminGuard;
  readonly jobs: BulkJobs;
  readonly openZip: ZipOpener;
  /** A downloader whose cap is the zip's (`ZIP_MAX_BYTES`), not a photo's. */
  readonly downloader: Pick<AttachmentDownloader, 'download'>;
  readonly limits: ImportLimits;
  /** How long a plan waits for Start (`ADMIN_PENDING_MINUTES`). */
  readonly planMs: number;
  readonly links: Pick<ReportLinks, 'sign'>;
  /** How long a report link works (`REPORT_LINK_MINUTES`), for the card to say. */
  readonly linkMs: number;
  /** The bot's public address (`https://<BOT_DOMAIN>`, the local server's in local mode); none: no link. */
  readonly baseUrl: () => string | undefined;
  readonly progress: Pick<ProgressUpdates, 'track'>;
  /** Refuses a zip up front where photos are mastered on-premises (see AdminHandlerDeps.cloudCheck). */
  readonly cloudCheck?: (admin: AdminIdentity) => Promise<void>;
  readonly now: () => number;
  readonly logger: Logger;
}

export class BulkImportHandler {
  constructor(private readonly deps: BulkImportDeps) {}

  /** A zip sent to the bot: checked admin, downloaded, opened, planned; answered with the plan card. */
  async onZip(context: TurnContext, zip: ZipAttachment): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    try {
      // Before any download: a non-admin's zip is never fetched.
      const admin = await this.deps.guard.require(context);
      await this.deps.cloudCheck?.(admin);
      await context.sendActivity({ type: 'typing' });
      const bytes = await this.download(zip);
      const source = await this.deps.openZip(bytes, zip.name, this.deps.limits);
      const { job, plan } = await this.deps.jobs.plan({
        source,
        admin,
        origin: 'chat',
        conversation: this.conversationOf(context, locale),
      });
      this.deps.logger.info('import planned', {
        jobId: job.id,
        matched: plan.matched.length,
        skipped: plan.skipped.length,
      });
      await context.sendActivity({ attachments: [planCard(locale, job, plan, this.deps.planMs)] });
    } catch (error) {
      await context.sendActivity(this.refusalText(error, locale));
    }
  }

  /**
   * Start: the job is queued, the plan card says so, and one progress card is posted whose id the job keeps, so
   * whichever instance runs it updates that card in place.
   */
  async onStart(context: TurnContext, jobId: string): Promise<AdaptiveCardInvokeResponse> {
    return this.guarded(context, async (admin, locale) => {
      const job = await this.ownJob(admin, jobId);
      if (job.state === 'planned' && this.deps.now() > Date.parse(job.createdAt) + this.deps.planMs) {
        // Too old to start: its kept files are dropped, as a Cancel would.
        await this.deps.jobs.cancel(jobId, admin).catch(() => undefined);
        throw new AppError('AdminChoiceExpired', 'the plan waited too long');
      }
      const started = await this.deps.jobs.start(jobId, admin);
      const posted = await context.sendActivity({ attachments: [jobCard(locale, { job: started })] });
      const conversation: JobConversation = {
        ...this.conversationOf(context, locale),
        ...(posted?.id ? { progressActivityId: posted.id } : {}),
      };
      await this.deps.jobs.setConversation(jobId, conversation);
      await this.deps.progress.track(jobId, conversation);
      this.deps.logger.info('import started', { jobId });
      return cardResponse(noticeCard(translate(locale, 'admin.plan.started', { file: job.source })));
    });
  }

  /** Cancel: the plan (or a queued job) is dropped with its kept files. */
  async onCancel(context: TurnContext, jobId: string): Promise<AdaptiveCardInvokeResponse> {
    return this.guarded(context, async (admin, locale) => {
      const job = await this.ownJob(admin, jobId);
      await this.deps.jobs.cancel(jobId, admin);
      return cardResponse(noticeCard(translate(locale, 'admin.plan.cancelled', { file: job.source })));
    });
  }

  /** **Download report**: the same card, now with a link to the report that works for this admin only, briefly. */
  async onReport(context: TurnContext, jobId: string): Promise<AdaptiveCardInvokeResponse> {
    return this.guarded(context, async (admin, locale) => {
      const job = await this.ownJob(admin, jobId);
      const base = this.deps.baseUrl();
      const link: ReportLink | undefined =
        base === undefined
          ? undefined
          : {
              url: `${base}${REPORT_ROUTE}?${(await this.deps.links.sign(jobId, admin)).toString()}`,
              lifetimeMs: this.deps.linkMs,
            };
      return cardResponse(jobCard(locale, { job }, link));
    });
  }

  /**
   * **Undo this batch**: every photo the job set goes back. The card it was pressed on (the job's progress card)
   * becomes the undo's progress card, updated in place like the import's.
   */
  async onUndo(context: TurnContext, jobId: string): Promise<AdaptiveCardInvokeResponse> {
    return this.guarded(context, async (admin, locale) => {
      const job = await this.ownJob(admin, jobId);
      const undoing = await this.deps.jobs.undo(jobId, admin);
      const cardId = context.activity.replyToId ?? job.conversation?.progressActivityId;
      const conversation: JobConversation = {
        ...this.conversationOf(context, locale),
        ...(cardId ? { progressActivityId: cardId } : {}),
      };
      await this.deps.jobs.setConversation(jobId, conversation);
      await this.deps.progress.track(jobId, conversation);
      this.deps.logger.info('import undo started', { jobId });
      return cardResponse(jobCard(locale, { job: undoing }));
    });
  }

  /** The admin check, then `work`; a refusal is audited and answered as a message, the card left as it was. */
  private async guarded(
    context: TurnContext,
    work: (admin: AdminIdentity, locale: Locale) => Promise<AdaptiveCardInvokeResponse>,
  ): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    let admin: AdminIdentity;
    try {
      admin = await this.deps.guard.require(context);
    } catch (error) {
      return messageResponse(this.refusalText(error, locale));
    }
    try {
      return await work(admin, locale);
    } catch (error) {
      await this.deps.guard.refused(context, error);
      return messageResponse(this.refusalText(error, locale));
    }
  }

  /** The job, when it is this admin's; anyone else's (or none) is "not found" to them. */
  private async ownJob(admin: AdminIdentity, jobId: string): Promise<JobSummary> {
    const job = await this.deps.jobs.get(jobId);
    if (job === undefined || job.admin.id !== admin.id)
      throw new AppError('JobNotFound', 'not this admin’s job');
    return job;
  }

  private async download(zip: ZipAttachment): Promise<Uint8Array> {
    try {
      return await this.deps.downloader.download(zip.file);
    } catch (error) {
      // The downloader speaks of images; over this downloader's cap it is the zip that is too large.
      if (error instanceof PhotoError && error.code === 'ImageTooLarge')
        throw new AppError('ZipTooLarge', 'over the zip cap');
      throw error;
    }
  }

  private conversationOf(context: TurnContext, locale: Locale): JobConversation {
    const reference = TurnContext.getConversationReference(context.activity);
    return { reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>, locale };
  }

  private refusalText(error: unknown, locale: Locale): string {
    const code = codeOf(error);
    if (code !== undefined && PLAIN_REFUSALS.has(code)) return errorText(code, locale);
    return failureText(error, locale, this.deps.logger, 'bulk import');
  }
}
