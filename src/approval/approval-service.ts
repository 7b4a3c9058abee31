/**
 * The approval flow's rules, apart from Teams: making a request, deciding it (approve, reject), withdrawing it, and
 * expiring it. Every decision is checked here, on the server, whatever a card sent:
 *
 * 1. the request exists and is the one on the card (its photo's digest);
 * 2. the person deciding is not the requester (even an approver cannot approve their own photo);
 * 3. they are an approver now (Graph, through the admin check's short cache);
 * 4. it is not past its expiry;
 * 5. nobody decided it yet: a decision marker is created with the storage's atomic create-if-absent, so of two
 *    approvers pressing at once, on any instances, exactly one decides.
 *
 * An approval then sets the photo with the app's own identity (backup and audit by the change service); every
 * decision and every refusal is written to the audit log (identifiers and codes only; never the reason's text).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AuditApprovalNote, AuditLog } from '../storage/audit-log.js';
import type { ApprovalRules } from './approval-rules.js';
import {
  ApprovalError,
  MAX_REASON_LENGTH,
  STATE_OF_DECISION,
  type ApprovalRequest,
  type Decision,
  type DecisionMarker,
  type Requester,
} from './approval-types.js';
import type { RequestStore } from './request-store.js';
import { AppError } from '../errors.js';

/** Someone pressing a button: their Entra object id and name. */
export interface Person {
  readonly id: string;
  readonly name: string;
}

/** Sets the approved photo as the requester's, with the app's identity; returns the change's id. */
export type ApplyApproved = (request: ApprovalRequest, jpeg: Uint8Array, approver: Person) => Promise<string>;

export interface ApprovalServiceDeps {
  readonly store: RequestStore;
  readonly rules: ApprovalRules;
  readonly apply: ApplyApproved;
  readonly audit: AuditLog;
  /** How long a request waits for a decision. */
  readonly expiryMs: number;
  /** Milliseconds since the epoch; `Date.now` by default. */
  readonly now?: () => number;
}

/** What a new request needs besides the photo. */
export interface NewRequest {
  readonly requester: Requester;
  readonly conversation: Readonly<Record<string, unknown>>;
  readonly waitingActivityId: string | undefined;
  readonly locale: string | undefined;
}

/** The card's claim: which request, and which photo. */
export interface CardClaim {
  readonly requestId: string;
  readonly photoDigest: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** SHA-256 of a photo, hex. */
export function digestOf(jpeg: Uint8Array): string {
  return createHash('sha256').update(jpeg).digest('hex');
}

export class ApprovalService {
  private readonly now: () => number;

  constructor(private readonly deps: ApprovalServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Whether this person's own changes wait for an approver (Graph, fresh within the cache). */
  needsApproval(userId: string): Promise<boolean> {
    return this.deps.rules.needsApproval(userId);
  }

  isApprover(userId: string): Promise<boolean> {
    return this.deps.rules.isApprover(userId);
  }

  /** A request id and its dates, before anything is stored (the waiting card shows the expiry). */
  draft(): { id: string; createdAt: string; expiresAt: string } {
    const now = this.now();
    return {
      id: randomUUID(),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.deps.expiryMs).toISOString(),
    };
  }

  /** Stores a pending request and audits it. */
  async create(
    draft: { id: string; createdAt: string; expiresAt: string },
    input: NewRequest,
    jpeg: Uint8Array,
  ): Promise<ApprovalRequest> {
    const request: ApprovalRequest = {
      ...draft,
      requester: input.requester,
      state: 'pending',
      photoDigest: digestOf(jpeg),
      conversation: input.conversation,
      waitingActivityId: input.waitingActivityId,
      locale: input.locale,
    };
    await this.deps.store.create(request, jpeg);
    await this.record(input.requester.id, request.requester.id, 'request', 'success', request.id);
    return request;
  }

  /**
   * Approves or rejects, after every check in the module's comment.
   * @throws ApprovalError `RequestNotFound`, `OwnRequest`, `NotApprover`, `RequestExpired`, `RequestDecided`
   *   (each audited); GraphError or AppError when the photo could not be set (the request then stays pending)
   */
  async decide(
    claim: CardClaim,
    approver: Person,
    decision: 'approve' | 'reject',
    reason?: string,
  ): Promise<ApprovalRequest> {
    return this.refusalsAudited(approver, claim.requestId, decision, async () => {
      const request = await this.requestOnCard(claim);
      if (request.requester.id.toLowerCase() === approver.id.toLowerCase()) {
        throw new ApprovalError('OwnRequest', 'an approver decided their own request');
      }
      if (!(await this.deps.rules.isApprover(approver.id))) {
        throw new ApprovalError('NotApprover', 'not a member of the approvers group');
      }
      this.refuseIfExpired(request);
      const marker = await this.take(request, decision, approver);
      let changeId: string | undefined;
      if (decision === 'approve') {
        try {
          const jpeg = await this.deps.store.photo(request.id);
          if (jpeg === undefined) throw new ApprovalError('RequestNotFound', 'the photo is gone');
          changeId = await this.deps.apply(request, jpeg, approver);
        } catch (error) {
          // Nothing changed: the request can be decided again.
          await this.deps.store.unmark(request.id);
          throw error;
        }
      }
      const trimmed = reason?.trim().slice(0, MAX_REASON_LENGTH);
      return this.finish(request, marker, {
        ...(changeId === undefined ? {} : { changeId }),
        ...(decision === 'reject' && trimmed ? { reason: trimmed } : {}),
      });
    });
  }

  /**
   * The requester withdraws their pending request.
   * @throws ApprovalError `RequestNotFound`, `NotRequester`, `RequestDecided` (audited)
   */
  async withdraw(requestId: string, requester: Person): Promise<ApprovalRequest> {
    return this.refusalsAudited(requester, requestId, 'withdraw', async () => {
      const request = await this.deps.store.get(requestId);
      if (request === undefined) throw new ApprovalError('RequestNotFound', 'no such request');
      if (request.requester.id.toLowerCase() !== requester.id.toLowerCase()) {
        throw new ApprovalError('NotRequester', 'only the requester withdraws');
      }
      const marker = await this.take(request, 'withdraw', requester);
      return this.finish(request, marker, {});
    });
  }

  /**
   * Marks a pending request past its expiry as expired. @returns the expired request, or `undefined` when it was not
   * due or someone else decided it first
   */
  async expire(request: ApprovalRequest): Promise<ApprovalRequest | undefined> {
    if (request.state !== 'pending' || Date.parse(request.expiresAt) > this.now()) return undefined;
    const marker: DecisionMarker = {
      decision: 'expire',
      by: { id: request.requester.id, name: '' },
      at: new Date(this.now()).toISOString(),
    };
    if (!(await this.deps.store.mark(request.id, marker))) return undefined;
    return this.finish(request, marker, {});
  }

  /** {@link ApprovalService.expire} by id (after a decision came too late). */
  async expireById(requestId: string): Promise<ApprovalRequest | undefined> {
    const request = UUID.test(requestId) ? await this.deps.store.get(requestId) : undefined;
    return request === undefined ? undefined : this.expire(request);
  }

  /** Expires every pending request past its expiry; returns those this call expired. */
  async expireDue(): Promise<ApprovalRequest[]> {
    const expired: ApprovalRequest[] = [];
    for (const request of await this.deps.store.pending()) {
      const done = await this.expire(request);
      if (done) expired.push(done);
    }
    return expired;
  }

  /** The request the card names, if its photo is the one on the card. */
  private async requestOnCard(claim: CardClaim): Promise<ApprovalRequest> {
    const request = UUID.test(claim.requestId) ? await this.deps.store.get(claim.requestId) : undefined;
    if (request === undefined || request.photoDigest !== claim.photoDigest) {
      throw new ApprovalError('RequestNotFound', 'no such request, or not the photo on the card');
    }
    return request;
  }

  private refuseIfExpired(request: ApprovalRequest): void {
    if (Date.parse(request.expiresAt) > this.now()) return;
    throw new ApprovalError('RequestExpired', 'past its expiry');
  }

  /** Creates the decision marker, or says who decided first. */
  private async take(request: ApprovalRequest, decision: Decision, by: Person): Promise<DecisionMarker> {
    const marker: DecisionMarker = {
      decision,
      by: { id: by.id, name: by.name },
      at: new Date(this.now()).toISOString(),
    };
    if (await this.deps.store.mark(request.id, marker)) return marker;
    const first = await this.deps.store.marker(request.id);
    throw new ApprovalError('RequestDecided', `already ${first?.decision ?? 'decided'}`, first);
  }

  /** Records the decision on the request, drops its photo and audits it. */
  private async finish(
    request: ApprovalRequest,
    marker: DecisionMarker,
    extra: { changeId?: string; reason?: string },
  ): Promise<ApprovalRequest> {
    const decided: ApprovalRequest = {
      ...request,
      state: STATE_OF_DECISION[marker.decision],
      ...(marker.decision === 'expire' ? {} : { decidedBy: marker.by }),
      decidedAt: marker.at,
      ...extra,
    };
    await this.deps.store.save(decided);
    // Approved: the photo is in Graph (and its backup); otherwise it is not needed any more.
    await this.deps.store.deletePhoto(request.id);
    await this.record(
      marker.decision === 'expire' ? request.requester.id : marker.by.id,
      request.requester.id,
      marker.decision,
      'success',
      request.id,
      extra.changeId,
    );
    return decided;
  }

  /** Runs a decision; a refusal is audited before it propagates. */
  private async refusalsAudited<T>(
    who: Person,
    requestId: string,
    action: Decision,
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppError) {
        const request = UUID.test(requestId)
          ? await this.deps.store.get(requestId).catch(() => undefined)
          : undefined;
        const code: AppError['code'] = (error as AppError).code;
        await this.record(who.id, request?.requester.id ?? who.id, action, code, request?.id);
      }
      throw error;
    }
  }

  private async record(
    actor: string,
    requesterId: string,
    approval: AuditApprovalNote,
    result: 'success' | AppError['code'],
    requestId: string | undefined,
    changeId?: string,
  ): Promise<void> {
    await this.deps.audit.append({
      actor,
      target: { kind: 'user', id: requesterId },
      path: 'chat',
      result,
      approval,
      ...(requestId === undefined ? {} : { correlationId: requestId }),
      ...(changeId === undefined ? {} : { changeId }),
    });
  }
}
