/**
 * What an approval request is (issue 18): a person's new photo waiting for an approver's yes or no, with what the
 * bot needs to update the person's waiting card in place later. Plain JSON (type aliases), so it fits the store.
 */
import { AppError, type ApprovalErrorCode } from '../errors.js';

/** A request's life: pending until exactly one of approve, reject, withdraw or expire happens. */
export type RequestState = 'pending' | 'approved' | 'rejected' | 'expired' | 'withdrawn';

/** What ended a request (the decision marker's content). */
export type Decision = 'approve' | 'reject' | 'withdraw' | 'expire';

/** Who asked. */
export type Requester = {
  /** Entra object id. */
  readonly id: string;
  readonly name: string;
  /** The tenant the request came from (the activity's `conversation.tenantId`). */
  readonly tenantId: string | undefined;
};

/** One request, as stored. */
export type ApprovalRequest = {
  readonly id: string;
  readonly requester: Requester;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  /** ISO 8601, UTC: from then on nobody can decide it. */
  readonly expiresAt: string;
  readonly state: RequestState;
  /** The approver who approved or rejected it (or the requester who withdrew it). */
  readonly decidedBy?: { readonly id: string; readonly name: string };
  /** ISO 8601, UTC. */
  readonly decidedAt?: string;
  /** A rejection's reason, as the approver typed it (shown to the requester only; never audited). */
  readonly reason?: string;
  /** The change an approval made (its backup's id). */
  readonly changeId?: string;
  /** SHA-256 (hex) of the photo: the approver's card carries it, so a card can only decide its own request. */
  readonly photoDigest: string;
  /** The requester's conversation (a botbuilder `ConversationReference`), for updating their card in place. */
  readonly conversation: Readonly<Record<string, unknown>>;
  /** The id of the requester's "waiting for approval" card in that conversation. */
  readonly waitingActivityId: string | undefined;
  /** The requester's language (the activity's `locale`), for the updates of their card. */
  readonly locale: string | undefined;
};

/** The marker whose atomic creation decides a request once, across instances. */
export type DecisionMarker = {
  readonly decision: Decision;
  readonly by: { readonly id: string; readonly name: string };
  /** ISO 8601, UTC. */
  readonly at: string;
};

/** An approver's card of a request, so that it can be updated once someone decided. */
export type ApproverCard = {
  readonly approverId: string;
  readonly activityId: string;
  readonly conversation: Readonly<Record<string, unknown>>;
};

/** The state a decision leads to. */
export const STATE_OF_DECISION: Readonly<Record<Decision, RequestState>> = {
  approve: 'approved',
  reject: 'rejected',
  withdraw: 'withdrawn',
  expire: 'expired',
};

/** A refused decision: not an approver, one's own request, decided already, expired, unknown. */
export class ApprovalError extends AppError<ApprovalErrorCode> {
  /** For `RequestDecided`: what decided it. */
  readonly marker: DecisionMarker | undefined;

  constructor(code: ApprovalErrorCode, detail?: string, marker?: DecisionMarker) {
    super(code, detail);
    this.marker = marker;
  }
}

/** The longest rejection reason kept (longer ones are cut). */
export const MAX_REASON_LENGTH = 500;
