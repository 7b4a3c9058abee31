/**
 * The owner check for a group id that came from outside (a card, a dialog, a team's activity, a request of the
 * page): the group must be one the actor owns now, asked of Graph on the server, and a refusal is written to the
 * audit log before it is answered, so the organisation's record shows who tried what.
 */
import { AppError } from '../errors.js';
import type { AccessTokenSource } from '../graph/graph-photo-client.js';
import type { Actor, PhotoChangeService } from './photo-change-service.js';

/** The one look-up the check needs (GroupTargets has it). */
export interface GroupOwnership<G> {
  /** @throws AppError `NotGroupOwner` when the caller does not own the group */
  requireOwned(groupId: string, token: AccessTokenSource): Promise<G>;
}

/**
 * The group, when `actor` owns it.
 * @throws AppError `NotGroupOwner` (after writing the refusal to the audit log), or whatever the look-up throws
 */
export async function requireGroupOwner<G>(
  groups: GroupOwnership<G>,
  audit: Pick<PhotoChangeService, 'recordRefusal'>,
  groupId: string,
  token: AccessTokenSource,
  actor: Actor,
): Promise<G> {
  try {
    return await groups.requireOwned(groupId, token);
  } catch (error) {
    if (error instanceof AppError && (error as AppError).code === 'NotGroupOwner') {
      await audit.recordRefusal({ kind: 'group', groupId }, actor, 'NotGroupOwner');
    }
    throw error;
  }
}
