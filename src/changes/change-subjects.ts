/**
 * How the change service names a photo: one subject string per photo whoever asks (for ordering changes and for
 * the lease), and the audit log's target and result.
 */
import { AppError, type ErrorCode } from '../errors.js';
import type { PhotoTarget } from '../graph/photo-target.js';
import type { AuditTarget } from '../storage/audit-log.js';

/**
 * The backup's name for a target's photo: one string per photo, whoever asks (`me` is the actor's id). A user
 * named by user principal name is a different string from the same user by id, so callers name users by their
 * object id (the admin features resolve names first) for Undo to see every change to one photo in order.
 */
export function subjectOf(target: PhotoTarget, actorId: string): string {
  const owner = (o: { kind: 'me' } | { kind: 'user'; user: string }): string =>
    o.kind === 'me' ? actorId : o.user.toLowerCase();
  switch (target.kind) {
    case 'me':
      return `users/${actorId}`;
    case 'user':
      return `users/${target.user.toLowerCase()}`;
    case 'group':
      return `groups/${target.groupId}`;
    case 'contact':
      return `users/${owner(target.owner)}/contacts/${target.folderId ?? ''}/${target.contactId}`;
  }
}

export function auditTarget(target: PhotoTarget, actorId: string): AuditTarget {
  switch (target.kind) {
    case 'me':
      return { kind: 'user', id: actorId };
    case 'user':
      return { kind: 'user', id: target.user };
    case 'group':
      return { kind: 'group', id: target.groupId };
    case 'contact':
      return { kind: 'contact', id: target.contactId };
  }
}

/** An audit entry's result for a failure: its code, or `InternalError` for anything unexpected. */
export function resultOf(error: unknown): ErrorCode | 'InternalError' {
  return error instanceof AppError ? (error as AppError).code : 'InternalError';
}
