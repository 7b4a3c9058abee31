/**
 * Changing a photo safely: the target's current photo is backed up before anything changes, the change is made
 * through Graph, and every attempt is written to the audit log. Undo restores the backed-up photo byte for byte,
 * or removes the photo when there was none, and refuses when a newer change came after the one being undone.
 *
 * Nothing is half-done: when Graph refuses the new photo, the old one is still in place and its backup stays.
 */
import { AppError, type ErrorCode } from '../errors.js';
import type { AccessTokenSource, GraphPhotoClient } from '../graph/graph-photo-client.js';
import type { PhotoTarget } from '../graph/photo-target.js';
import type { AuditLog, AuditPath, AuditTarget } from '../storage/audit-log.js';
import type { BackupStore } from '../storage/backup-store.js';

/** What a backup records about whose photo changed (a type alias, so it fits the JSON store). */
export type ChangeTarget = {
  /** The target as Graph was called with it. */
  readonly target: PhotoTarget;
  /** The same photo named independently of who asks (`me` becomes the user's id), so changes can be ordered. */
  readonly subject: string;
};

export interface PhotoChangeServiceDeps {
  readonly graph: GraphPhotoClient;
  readonly backups: BackupStore<ChangeTarget>;
  readonly audit: AuditLog;
}

/** Who is acting, and through which part of the app. */
export interface Actor {
  /** The acting user's Entra object id (or the app's id for app-only changes). */
  readonly id: string;
  readonly path: AuditPath;
  /** Shown to the user with any failure, to quote to support. */
  readonly correlationId?: string;
}

export interface ChangeResult {
  /** Carried by the Undo action. */
  readonly changeId: string;
  readonly graphRequestId: string | undefined;
}

export interface UndoResult {
  /** `restored`: the previous photo is back; `removed`: there was none, so the photo is gone. */
  readonly outcome: 'restored' | 'removed';
  /** The undo is itself a change, with its own backup of what it replaced. */
  readonly changeId: string;
}

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

function auditTarget(target: PhotoTarget, actorId: string): AuditTarget {
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

function resultOf(error: unknown): ErrorCode | 'InternalError' {
  return error instanceof AppError ? (error as AppError).code : 'InternalError';
}

export class PhotoChangeService {
  constructor(private readonly deps: PhotoChangeServiceDeps) {}

  /**
   * Backs up the target's photo, then sets the new one.
   * @throws GraphError or AuthError; the photo is then unchanged
   */
  async change(
    target: PhotoTarget,
    jpeg: Uint8Array,
    token: AccessTokenSource,
    actor: Actor,
  ): Promise<ChangeResult> {
    const changeId = await this.backUp(target, token, actor);
    const { requestId } = await this.audited(target, actor, changeId, () =>
      this.deps.graph.putPhoto(target, jpeg, token),
    );
    return { changeId, graphRequestId: requestId };
  }

  /**
   * Undoes a change: puts back the photo it replaced, or removes the photo when there was none. Only the actor who
   * made the change may undo it.
   * @throws AppError `UndoNotFound` or `UndoSuperseded`; GraphError or AuthError
   */
  async undo(changeId: string, token: AccessTokenSource, actor: Actor): Promise<UndoResult> {
    const check = await this.deps.backups.checkUndo(changeId);
    // Someone else's change is "not found" to this actor: undoing it is not theirs to do, nor to learn about.
    if (check.status === 'not-found' || check.backup.actor !== actor.id) {
      throw new AppError('UndoNotFound', 'no such change for this actor');
    }
    if (check.status === 'superseded')
      throw new AppError('UndoSuperseded', `newer change ${check.latestChangeId}`);
    const { target } = check.backup.target;
    const previous = check.backup.photo;
    if (previous) {
      const { changeId: undoId } = await this.change(target, previous.bytes, token, actor);
      return { outcome: 'restored', changeId: undoId };
    }
    const undoId = await this.backUp(target, token, actor);
    await this.audited(target, actor, undoId, async () => {
      await this.deps.graph.deletePhoto(target, token);
      return { requestId: undefined };
    });
    return { outcome: 'removed', changeId: undoId };
  }

  /** Saves the target's current photo (or that it has none) and returns the new change's id. */
  private async backUp(target: PhotoTarget, token: AccessTokenSource, actor: Actor): Promise<string> {
    const before = await this.deps.graph.getPhoto(target, token);
    const backup = await this.deps.backups.save({
      target: { target, subject: subjectOf(target, actor.id) },
      actor: actor.id,
      photo: before ? { bytes: before, contentType: 'image/jpeg' } : null,
    });
    return backup.changeId;
  }

  /** Runs a Graph change and writes its outcome to the audit log, success or not. */
  private async audited<R extends { requestId: string | undefined }>(
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
      await this.deps.audit.append({
        ...entry,
        result: 'success',
        ...(outcome.requestId ? { graphRequestId: outcome.requestId } : {}),
      });
      return outcome;
    } catch (error) {
      const requestId = (error as { requestId?: unknown }).requestId;
      await this.deps.audit.append({
        ...entry,
        result: resultOf(error),
        ...(typeof requestId === 'string' ? { graphRequestId: requestId } : {}),
      });
      throw error;
    }
  }
}
