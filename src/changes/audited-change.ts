/**
 * A Graph change of a photo with its audit entry: the outcome is written to the audit log, success or not, with
 * Graph's request id when there is one (split from photo-change-service.ts).
 */
import { auditTarget, resultOf } from './change-subjects.js';
import type { Actor } from './change-types.js';
import type { PhotoTarget } from '../graph/photo-target.js';
import type { AuditLog } from '../storage/audit-log.js';

/** Runs a Graph change and writes its outcome to the audit log, success or not. */
export async function auditedChange<R extends { requestId: string | undefined }>(
  audit: AuditLog,
  target: PhotoTarget,
  actor: Actor,
  changeId: string,
  run: () => Promise<R>,
): Promise<R> {
  const entry = {
    actor: actor.id,
    target: auditTarget(target, actor.id),
    path: actor.path,
    changeId,
    ...(actor.correlationId ? { correlationId: actor.correlationId } : {}),
  };
  try {
    const outcome = await run();
    await audit.append({
      ...entry,
      result: 'success',
      ...(outcome.requestId ? { graphRequestId: outcome.requestId } : {}),
    });
    return outcome;
  } catch (error) {
    const requestId = (error as { requestId?: unknown }).requestId;
    await audit.append({
      ...entry,
      result: resultOf(error),
      ...(typeof requestId === 'string' ? { graphRequestId: requestId } : {}),
    });
    throw error;
  }
}
