/**
 * Changing a photo safely: the target's current photo is backed up before anything changes, the change is made
 * through Graph, and every attempt is written to the audit log. Undo restores the backed-up photo byte for byte,
 * or removes the photo when there was none, and refuses when a newer change came after the one being undone.
 *
 * Nothing is half-done: when Graph refuses the new photo, the old one is still in place and its backup stays, and
 * the target's "latest change" does not move (it moves only once Graph accepted), so the previous card's Undo still
 * works. Changes and undos of one photo run one at a time: each holds a lease on the photo in the shared storage
 * (so this holds across instances on Blob Storage too), waits a bounded time for another one to finish, and is
 * refused with `PhotoChangeInProgress` past it.
 *
 * History: `undoLatest` walks back through a person's own changes one at a time (B, then A, then the photo from
 * before their first change, then nothing left), from the state in storage (see `BackupStore`), so it holds across
 * instances. A redo is explicit: a new change that sets the undone photo again, itself undoable.
 */
import { AppError, type ErrorCode } from '../errors.js';
import { auditTarget, subjectOf } from './change-subjects.js';
import { auditedChange } from './audited-change.js';
import { sameBytes, withReadBack } from './read-back.js';
import type { AccessTokenSource, GraphPhotoClient } from '../graph/graph-photo-client.js';
import type { PhotoTarget } from '../graph/photo-target.js';
import type { AuditLog } from '../storage/audit-log.js';
import type { BackupInput, BackupRecord, BackupStore } from '../storage/backup-store.js';
import type { LeaseStore, LeaseTerms } from '../storage/lease-store.js';

export { subjectOf } from './change-subjects.js';
export type * from './change-types.js';
export { SupersededError } from './change-types.js';
import { SupersededError } from './change-types.js';
import type {
  Actor,
  ChangeOptions,
  ChangeResult,
  ChangeTarget,
  InPlaceChange,
  PhotoComparer,
  RedoResult,
  UndoLatestResult,
  UndoOptions,
  UndoResult,
} from './change-types.js';

export interface PhotoChangeServiceDeps {
  readonly graph: GraphPhotoClient;
  readonly backups: BackupStore<ChangeTarget>;
  readonly audit: AuditLog;
  /** One change at a time per photo; the app passes a store in the shared storage. */
  readonly leases: LeaseStore;
  /** How long a photo's lease lives and how long a change waits for one; {@link DEFAULT_PHOTO_LEASE} by default. */
  readonly leaseTerms?: LeaseTerms;
  /** Compares the photo read back after a change with the one sent; without it nothing is read back. */
  readonly comparer?: PhotoComparer;
}

/**
 * The lease must outlive the slowest change, or a second change could start while the first still runs. A change
 * is a read and a write to Graph; at worst each is 4 attempts of up to 30 s plus 3 waits of up to 30 s
 * (`Retry-After`), 3.5 minutes, so 7 minutes for both: the lease lives 8. It is released as soon as the change
 * ends, so only a crashed holder makes others wait that long. A second change of the same photo waits up to 30 s,
 * then is refused with `PhotoChangeInProgress`.
 */
export const DEFAULT_PHOTO_LEASE: LeaseTerms = { ttlMs: 8 * 60_000, waitMs: 30_000 };

/** A result before (or without) reading the photo back. */
const UNVERIFIED = { confirmed: false, readBack: 'skipped' } as const;

export class PhotoChangeService {
  private readonly leaseTerms: LeaseTerms;

  constructor(private readonly deps: PhotoChangeServiceDeps) {
    this.leaseTerms = deps.leaseTerms ?? DEFAULT_PHOTO_LEASE;
  }

  /**
   * Backs up the target's photo, then sets the new one; the change becomes the target's latest once Graph accepted.
   * @throws GraphError or AuthError, the photo then unchanged; AppError `PhotoChangeInProgress` when another change
   *   of the same photo kept it busy for the whole wait
   */
  async change(
    target: PhotoTarget,
    jpeg: Uint8Array,
    token: AccessTokenSource,
    actor: Actor,
    options: ChangeOptions = {},
  ): Promise<ChangeResult> {
    return this.oneAtATime(
      subjectOf(target, actor.id),
      async () => {
        const made = await this.changeHeld(
          target,
          jpeg,
          token,
          actor,
          actor.path,
          undefined,
          options.changeId,
        );
        return options.verify === false ? made : withReadBack(this.deps, made, target, jpeg, token);
      },
      options.changeId,
    );
  }

  /**
   * Undoes a change: puts back the photo it replaced, or removes the photo when there was none. Only the actor who
   * made the change may undo it.
   * @throws AppError `UndoNotFound` (also for someone else's change), `UndoSuperseded` or `PhotoChangeInProgress`;
   *   GraphError or AuthError, after which the change can still be undone
   */
  async undo(
    changeId: string,
    token: AccessTokenSource,
    actor: Actor,
    options: UndoOptions = {},
  ): Promise<UndoResult> {
    const record = await this.ownRecord(changeId, actor);
    // A card's Undo undoes a photo change; reversing an undo is a redo, asked for by its own button.
    if (record.kind === 'undo') throw new AppError('UndoNotFound', 'that change is an undo');
    const { undoId } = options;
    return this.oneAtATime(
      record.target.subject,
      async () => {
        // Retried under its reserved id after that undo was made: what it did, without doing it again.
        if (undoId !== undefined && (await this.deps.backups.reversalOf(changeId))?.by === undoId) {
          const undone = await this.deps.backups.get(changeId);
          if (undone === undefined) throw new AppError('UndoNotFound', 'no such change for this actor');
          return {
            outcome: undone.photo ? 'restored' : 'removed',
            changeId: undoId,
            photo: undone.photo?.bytes ?? null,
            inPlace: await this.inPlaceChange(undone.basedOn ?? null, actor),
          };
        }
        return this.undoHeld(changeId, token, actor, undoId);
      },
      undoId,
    );
  }

  /**
   * Removes the target's photo, backed up first: undoing the removal puts it back byte for byte.
   * @throws AppError `NoPhotoToRemove` when there is none (nothing is recorded then), `PhotoChangeInProgress`;
   *   GraphError or AuthError, the photo then still in place
   */
  async remove(target: PhotoTarget, token: AccessTokenSource, actor: Actor): Promise<ChangeResult> {
    return this.oneAtATime(subjectOf(target, actor.id), async () => {
      const current = await this.deps.graph.getPhoto(target, token);
      if (current === null) throw new AppError('NoPhotoToRemove', 'the target has no photo');
      const { backup, before } = await this.backUp(target, token, actor, undefined, current);
      const { requestId } = await auditedChange(this.deps.audit, target, actor, backup.changeId, async () => {
        await this.deps.graph.deletePhoto(target, token, actor.path);
        return { requestId: undefined as string | undefined };
      });
      await this.deps.backups.markLatest(backup);
      return { ...UNVERIFIED, changeId: backup.changeId, graphRequestId: requestId, replaced: before };
    });
  }

  /**
   * Whose photo a change of the actor's was about, so that an Undo or a redo asks for the right permission and
   * checks the actor's rights on it again.
   * @throws AppError `UndoNotFound` for an unknown change or somebody else's
   */
  async targetOf(changeId: string, actor: Actor): Promise<PhotoTarget> {
    return (await this.ownRecord(changeId, actor)).target.target;
  }

  /**
   * Writes a refused attempt to the audit log (a forged card naming a group the actor does not own, say): nothing
   * was asked of Graph and nothing changed, but the organisation's record shows who tried what.
   */
  async recordRefusal(target: PhotoTarget, actor: Actor, code: ErrorCode): Promise<void> {
    await this.deps.audit.append({
      actor: actor.id,
      target: auditTarget(target, actor.id),
      path: actor.path,
      result: code,
      ...(actor.correlationId ? { correlationId: actor.correlationId } : {}),
    });
  }

  /**
   * The text command `undo`: undoes the change whose photo is in place for `target`, so that repeated undos walk
   * back through the history one change at a time, down to the photo from before the first change (or none).
   * Stops with `nothing-left` there, or at a change somebody else made; `nothing-yet` when nothing was recorded.
   * @throws as {@link PhotoChangeService.undo}
   */
  async undoLatest(target: PhotoTarget, token: AccessTokenSource, actor: Actor): Promise<UndoLatestResult> {
    const subject: ChangeTarget = { target, subject: subjectOf(target, actor.id) };
    return this.oneAtATime(subject.subject, async () => {
      const inPlace = await this.deps.backups.inPlaceFor(subject);
      if (inPlace === undefined) return { outcome: 'nothing-yet' };
      // Only one's own changes are walked back: a change somebody else made is theirs to undo.
      if (inPlace === null || inPlace.actor !== actor.id) return { outcome: 'nothing-left' };
      return this.undoHeld(inPlace.changeId, token, actor);
    });
  }

  /**
   * Redo: reverses an undo by setting again the photo it removed or replaced. It is a new change, undoable like
   * any other. Only the person who made the undo may redo it, and only while nothing came after it.
   * @throws AppError `UndoNotFound` (also for someone else's undo, or for an id that is not an undo),
   *   `RedoAlreadyDone`, `UndoSuperseded` or `PhotoChangeInProgress`; GraphError or AuthError
   */
  async redo(undoId: string, token: AccessTokenSource, actor: Actor): Promise<RedoResult> {
    const record = await this.ownRecord(undoId, actor);
    if (record.kind !== 'undo') throw new AppError('UndoNotFound', 'that change is not an undo');
    return this.oneAtATime(record.target.subject, async () => {
      const check = await this.deps.backups.checkUndo(undoId);
      if (check.status === 'not-found') throw new AppError('UndoNotFound', 'no such change for this actor');
      if (check.status === 'reversed')
        throw new AppError('RedoAlreadyDone', `redone by ${check.reversal.by}`);
      if (check.status === 'superseded') throw new SupersededError(check.inPlace, actor);
      const photo = check.backup.photo;
      // An undo always replaced a photo (the one the undone change had set), so there is one to set again.
      if (photo === null) throw new AppError('UndoNotFound', 'the undo replaced no photo');
      const target = check.backup.target.target;
      const result = await this.changeHeld(target, photo.bytes, token, actor, 'redo', {
        kind: 'redo',
        reverses: undoId,
      });
      return { ...(await withReadBack(this.deps, result, target, photo.bytes, token)), photo: photo.bytes };
    });
  }

  /** The record of a change the actor made; anything else is "not found" to them. */
  private async ownRecord(changeId: string, actor: Actor): Promise<BackupRecord<ChangeTarget>> {
    const record = await this.deps.backups.record(changeId);
    // Someone else's change is "not found" to this actor: undoing it is not theirs to do, nor to learn about.
    if (record === undefined || record.actor !== actor.id) {
      throw new AppError('UndoNotFound', 'no such change for this actor');
    }
    return record;
  }

  /** An undo, with the photo's lease already held. */
  private async undoHeld(
    changeId: string,
    token: AccessTokenSource,
    actor: Actor,
    undoId?: string,
  ): Promise<UndoResult> {
    // Checked under the lease: no other change of this photo can slip in between the check and the undo.
    const check = await this.deps.backups.checkUndo(changeId);
    if (check.status === 'not-found') throw new AppError('UndoNotFound', 'no such change for this actor');
    if (check.status === 'reversed')
      throw new AppError('UndoAlreadyUndone', `undone by ${check.reversal.by}`);
    if (check.status === 'superseded') throw new SupersededError(check.inPlace, actor);
    const { target } = check.backup.target;
    const previous = check.backup.photo;
    const backTo = check.backup.basedOn ?? null;
    const history = { kind: 'undo', reverses: changeId, inPlace: backTo } as const;
    const inPlace = await this.inPlaceChange(backTo, actor);
    if (previous) {
      const { changeId: madeId } = await this.changeHeld(
        target,
        previous.bytes,
        token,
        actor,
        'undo',
        history,
        undoId,
      );
      return { outcome: 'restored', changeId: madeId, photo: previous.bytes, inPlace };
    }
    const { backup, resumed } = await this.backUp(target, token, actor, history, undefined, undoId);
    const made =
      resumed &&
      ((await this.alreadyMade(backup, actor)) || (await this.deps.graph.getPhoto(target, token)) === null);
    if (made) {
      // Retried: the photo is gone already; only the history is brought up to date.
      await this.deps.backups.markLatest(backup);
    } else {
      await auditedChange(this.deps.audit, target, actor, backup.changeId, async () => {
        await this.deps.graph.deletePhoto(target, token, 'undo');
        return { requestId: undefined };
      });
      await this.deps.backups.markLatest(backup);
    }
    return { outcome: 'removed', changeId: backup.changeId, photo: null, inPlace };
  }

  /** The change whose photo an undo puts back, as a card names it (`null`: the photo from before the history). */
  private async inPlaceChange(changeId: string | null, actor: Actor): Promise<InPlaceChange | null> {
    const record = changeId === null ? undefined : await this.deps.backups.record(changeId);
    return record === undefined
      ? null
      : { changeId: record.changeId, createdAt: record.createdAt, byActor: record.actor === actor.id };
  }

  /**
   * For a change retried under its reserved id, whose backup an earlier attempt saved: whether that attempt took
   * effect (the change became the latest, or was undone since). When it did not, and nothing else moved the photo
   * since the backup, the caller makes the change now with that backup.
   * @throws SupersededError when another change of the photo came after the backup: overwriting it is not ours
   */
  private async alreadyMade(record: BackupRecord<ChangeTarget>, actor: Actor): Promise<boolean> {
    const { backups } = this.deps;
    if ((await backups.latestChangeFor(record.target)) === record.changeId) return true;
    if ((await backups.reversalOf(record.changeId)) !== undefined) return true;
    const inPlace = await backups.inPlaceFor(record.target);
    if ((inPlace?.changeId ?? null) === (record.basedOn ?? null)) return false;
    throw new SupersededError(inPlace ?? undefined, actor);
  }

  /** A change, with the photo's lease already held. */
  private async changeHeld(
    target: PhotoTarget,
    jpeg: Uint8Array,
    token: AccessTokenSource,
    actor: Actor,
    // Told to Graph as a harmless header, so the local emulator's page can show how each photo changed.
    via: string = actor.path,
    history?: BackupInput<ChangeTarget>['history'],
    /** A change id the caller reserved (see {@link ChangeOptions}). */
    reserved?: string,
  ): Promise<ChangeResult> {
    const { backup, before, resumed } = await this.backUp(target, token, actor, history, undefined, reserved);
    if (resumed && (await this.alreadyMade(backup, actor))) {
      return {
        ...UNVERIFIED,
        changeId: backup.changeId,
        graphRequestId: undefined,
        replaced: before,
        resumed: true,
      };
    }
    if (resumed && sameBytes(await this.deps.graph.getPhoto(target, token), jpeg)) {
      // Graph took the first attempt's photo, and the process stopped before recording it: recorded now, not sent
      // again. (Where Graph keeps a re-encoded copy the bytes differ, and the same photo is sent once more.)
      await this.deps.backups.markLatest(backup);
      const confirmed = { confirmed: true, readBack: 'matched' } as const;
      return {
        ...confirmed,
        changeId: backup.changeId,
        graphRequestId: undefined,
        replaced: before,
        resumed: true,
      };
    }
    const { requestId } = await auditedChange(this.deps.audit, target, actor, backup.changeId, () =>
      this.deps.graph.putPhoto(target, jpeg, token, 'PUT', via),
    );
    // Only now, with Graph's yes, does this change supersede the one before it.
    await this.deps.backups.markLatest(backup);
    return { ...UNVERIFIED, changeId: backup.changeId, graphRequestId: requestId, replaced: before };
  }

  /**
   * Runs `work` holding the lease on one photo.
   * @param reservedId a change's reserved id: the lease is held under it, so a retry of that change after a crash
   *   takes over the lease the crashed run left instead of waiting out its lifetime
   */
  private oneAtATime<T>(subject: string, work: () => Promise<T>, reservedId?: string): Promise<T> {
    return this.deps.leases.run(
      subject,
      this.leaseTerms,
      () => new AppError('PhotoChangeInProgress', 'another change of this photo is under way'),
      work,
      reservedId === undefined ? undefined : `change:${reservedId}`,
    );
  }

  /** Saves the target's current photo (or that it has none) as a new change's backup. */
  private async backUp(
    target: PhotoTarget,
    token: AccessTokenSource,
    actor: Actor,
    history?: BackupInput<ChangeTarget>['history'],
    /** The photo already read (a removal reads it first, to refuse when there is none). */
    read?: Uint8Array,
    /** A change id the caller reserved: its backup, when an earlier attempt saved one, is used again. */
    reserved?: string,
  ): Promise<{ backup: BackupRecord<ChangeTarget>; before: Uint8Array | null; resumed: boolean }> {
    const subject = subjectOf(target, actor.id);
    if (reserved !== undefined) {
      const earlier = await this.deps.backups.get(reserved);
      if (earlier !== undefined) {
        // A reserved id names one change of one photo by one actor; anything else is not a retry of it.
        if (earlier.actor !== actor.id || earlier.target.subject !== subject)
          throw new AppError('UndoNotFound', 'the reserved change id belongs to another change');
        return { backup: earlier, before: earlier.photo?.bytes ?? null, resumed: true };
      }
    }
    const before = read ?? (await this.deps.graph.getPhoto(target, token)) ?? null;
    const backup = await this.deps.backups.save({
      target: { target, subject },
      actor: actor.id,
      photo: before ? { bytes: before, contentType: 'image/jpeg' } : null,
      ...(history ? { history } : {}),
      ...(reserved === undefined ? {} : { changeId: reserved }),
    });
    return { backup, before, resumed: false };
  }
}
