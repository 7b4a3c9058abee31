/**
 * The check every admin action of the chat passes first, card buttons included: who sent the turn (their Entra
 * object id and the tenant the activity came from), asked of the admin gate on the server each time. A refusal is
 * written to the audit log (path `admin`, the refusal's code as the result) before it is answered, so the
 * organisation's record shows who tried what, even though nothing changed.
 */
import type { TurnContext } from 'botbuilder';
import type { AdminGate, AdminIdentity } from '../../admin/admin-contracts.js';
import { AppError, type ErrorCode } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { AuditLog } from '../../storage/audit-log.js';
import { codeOf } from '../turn-errors.js';

/** The codes a refused admin action is audited with (anything else is a failure, logged as such). */
const REFUSALS: ReadonlySet<string> = new Set<ErrorCode>([
  'NotAdmin',
  'TenantNotAllowed',
  'JobNotFound',
  'JobNotStartable',
  'AdminChoiceExpired',
  'AppIdentityMissing',
]);

/** The sender of a turn as an admin would be: their object id, and the tenant the activity came from. */
export function identityOf(context: TurnContext): AdminIdentity {
  const { activity } = context;
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId =
    activity.conversation.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : undefined);
  return {
    id: activity.from.aadObjectId ?? '',
    tenantId,
    ...(activity.from.name ? { displayName: activity.from.name } : {}),
  };
}

export interface AdminGuardDeps {
  readonly gate: AdminGate;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly logger: Logger;
}

/** Asks the gate, and audits what it refuses. */
export class AdminGuard {
  constructor(private readonly deps: AdminGuardDeps) {}

  /**
   * The sender, once the gate says they are an admin now.
   * @param targetId whose photo the action is about, for the audit entry (default: the sender)
   * @throws AppError `NotAdmin` or `TenantNotAllowed` (audited)
   */
  async require(context: TurnContext, targetId?: string): Promise<AdminIdentity> {
    const who = identityOf(context);
    try {
      // A sender without an Entra id (a channel that sends none) cannot be looked up, so cannot be an admin.
      if (who.id === '') throw new AppError('NotAdmin', 'the activity names no Entra object id');
      await this.deps.gate.requireAdmin(who);
      return who;
    } catch (error) {
      await this.refused(context, error, targetId);
      throw error;
    }
  }

  /**
   * Writes a refusal of an admin action to the audit log, when it is one (a forged job id, a replayed Start, an
   * expired choice, not an admin); other errors are not refusals and are left to the caller's answer.
   */
  async refused(context: TurnContext, error: unknown, targetId?: string): Promise<void> {
    const code = codeOf(error);
    if (code === undefined || !REFUSALS.has(code)) return;
    const actor = context.activity.from.aadObjectId ?? context.activity.from.id;
    try {
      await this.deps.audit.append({
        actor,
        target: { kind: 'user', id: targetId ?? actor },
        path: 'admin',
        result: code,
      });
    } catch (auditError) {
      // The refusal stands either way; a lost audit entry is logged, never turned into a yes.
      this.deps.logger.error('admin refusal not audited', {
        code,
        error: auditError instanceof Error ? auditError.name : 'unknown',
      });
    }
  }
}
