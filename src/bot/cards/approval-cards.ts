/**
 * The approval cards (issue 18): the requester's "waiting for approval" card with **Withdraw**, the approver's card
 * (old and new photo, who, when, **Approve**, **Reject** with a reason), and what each becomes once the request is
 * decided, withdrawn or expired (sent as an update of the same card). Names and reasons are values people typed:
 * they go in plain-text runs, never in Markdown text blocks.
 */
import { translate, type Locale } from '../../i18n/index.js';
import { APPROVE_REQUEST_VERB, REJECT_REQUEST_VERB, WITHDRAW_REQUEST_VERB } from '../../trust/trust-verbs.js';
import type { Decision } from '../../approval/approval-types.js';
import {
  cardAttachment,
  plainTitleBlock,
  previewImage,
  textBlock,
  titleBlock,
  type AdaptiveCardAttachment,
  type RichTextBlock,
} from './adaptive-card.js';
import { beforeAfter, type Picture } from './photo-pictures.js';

/** The id of the reason input on the approver's card (its value arrives in the action's data under this name). */
export const REASON_INPUT_ID = 'reason';

/** What the approval buttons send back. `photoDigest` ties an approver's card to its request's photo. */
export interface RequestActionData {
  readonly requestId: string;
  readonly photoDigest?: string;
  readonly reason?: string;
}

/** Reads a button's data (input from the network): `undefined` when it is not an approval action's. */
export function requestActionData(data: unknown): RequestActionData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { requestId, photoDigest, reason } = data as Record<string, unknown>;
  if (typeof requestId !== 'string' || requestId === '' || requestId.length > 100) return undefined;
  return {
    requestId,
    ...(typeof photoDigest === 'string' ? { photoDigest } : {}),
    ...(typeof reason === 'string' ? { reason } : {}),
  };
}

function plainText(text: string): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] };
}

/** The requester's card while the request waits. */
export function waitingCard(options: {
  readonly locale: Locale;
  readonly previewDataUri: string;
  /** The expiry, formatted for the person. */
  readonly expires: string;
  readonly requestId: string;
  /** True when no approver could be reached: the card says what happens then. */
  readonly noApprover?: boolean;
}): AdaptiveCardAttachment {
  const { locale } = options;
  const title = translate(locale, 'approval.waiting.title');
  return cardAttachment(
    title,
    [
      titleBlock(title),
      previewImage(options.previewDataUri, translate(locale, 'photo.previewAlt')),
      textBlock(translate(locale, 'approval.waiting.body', { when: options.expires })),
      ...(options.noApprover
        ? [textBlock(translate(locale, 'approval.waiting.noApprover'), { subtle: true })]
        : []),
    ],
    [
      {
        type: 'Action.Execute',
        title: translate(locale, 'approval.withdraw'),
        verb: WITHDRAW_REQUEST_VERB,
        data: { requestId: options.requestId },
      },
    ],
  );
}

/** What an approver's card shows about the request. */
export interface ApproverCardOptions {
  readonly locale: Locale;
  readonly requesterName: string;
  /** The current photo (or the requester's initials). */
  readonly before: Picture;
  /** The requested photo. */
  readonly previewDataUri: string;
  /** When it was asked and when it expires, formatted for the approver. */
  readonly when: string;
  readonly expires: string;
  readonly requestId: string;
  readonly photoDigest: string;
}

/** The approver's card: old and new photo, who and when, **Approve**, **Reject** with an optional reason. */
export function approverCard(options: ApproverCardOptions): AdaptiveCardAttachment {
  const { locale, requestId, photoDigest } = options;
  const title = translate(locale, 'approval.request.title', { name: options.requesterName });
  return cardAttachment(
    title,
    [
      plainTitleBlock(title),
      beforeAfter(locale, options.before, options.previewDataUri),
      textBlock(
        translate(locale, 'approval.request.when', { when: options.when, expires: options.expires }),
        {
          subtle: true,
        },
      ),
      textBlock(translate(locale, 'approval.request.note')),
      {
        type: 'Input.Text',
        id: REASON_INPUT_ID,
        label: translate(locale, 'approval.reasonLabel'),
        isMultiline: true,
        maxLength: 500,
      },
    ],
    [
      {
        type: 'Action.Execute',
        title: translate(locale, 'approval.approve'),
        verb: APPROVE_REQUEST_VERB,
        data: { requestId, photoDigest },
      },
      {
        type: 'Action.Execute',
        title: translate(locale, 'approval.reject'),
        verb: REJECT_REQUEST_VERB,
        data: { requestId, photoDigest },
      },
    ],
  );
}

/** An approver's card once the request is over: the requested photo and what became of it (no buttons). */
export function approverDecidedCard(options: {
  readonly locale: Locale;
  readonly requesterName: string;
  readonly previewDataUri: string | undefined;
  readonly decision: Decision;
  /** Who approved or rejected. */
  readonly byName: string;
}): AdaptiveCardAttachment {
  const { locale } = options;
  const title = translate(locale, 'approval.request.title', { name: options.requesterName });
  const outcome = translate(locale, `approval.decided.${options.decision}`, { name: options.byName });
  return cardAttachment(title, [
    plainTitleBlock(title),
    ...(options.previewDataUri
      ? [previewImage(options.previewDataUri, translate(locale, 'photo.previewAlt'))]
      : []),
    plainText(outcome),
  ]);
}

/** The requester's card once the request is over (an update of the waiting card). */
export function requesterOutcomeCard(options: {
  readonly locale: Locale;
  readonly previewDataUri: string | undefined;
  readonly decision: Decision;
  readonly byName: string;
  readonly reason?: string;
}): AdaptiveCardAttachment {
  const { locale, decision } = options;
  const key = (
    { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn', expire: 'expired' } as const
  )[decision];
  const title = translate(locale, `approval.${key}.title`);
  return cardAttachment(title, [
    titleBlock(title),
    ...(options.previewDataUri
      ? [previewImage(options.previewDataUri, translate(locale, 'photo.previewAlt'))]
      : []),
    plainText(translate(locale, `approval.${key}.body`, { name: options.byName })),
    ...(decision === 'reject' && options.reason
      ? [plainText(translate(locale, 'approval.rejected.reason', { reason: options.reason }))]
      : []),
  ]);
}
