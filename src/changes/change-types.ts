/**
 * What a photo change is about and what it gives back: whose photo, who acts, and the results of a change, an undo
 * and a redo, and the refusal of an undo that came too late (see photo-change-service.ts).
 */
import { AppError } from '../errors.js';
import type { PhotoTarget } from '../graph/photo-target.js';
import type { BackupRecord } from '../storage/backup-store.js';
import type { AuditPath } from '../storage/audit-log.js';

/** What a backup records about whose photo changed (a type alias, so it fits the JSON store). */
export type ChangeTarget = {
  /** The target as Graph was called with it. */
  readonly target: PhotoTarget;
  /** The same photo named independently of who asks (`me` becomes the user's id), so changes can be ordered. */
  readonly subject: string;
};

/** Who is acting, and through which part of the app. */
export interface Actor {
  /** The acting user's Entra object id (or the app's id for app-only changes). */
  readonly id: string;
  readonly path: AuditPath;
  /** Shown to the user with any failure, to quote to support. */
  readonly correlationId?: string;
}

/**
 * Whether two encoded pictures show the same photo (Graph re-encodes what it stores, so not byte for byte); never
 * throws. src/photo/photo-compare.ts makes one.
 */
export type PhotoComparer = (sent: Uint8Array, readBack: Uint8Array) => Promise<boolean>;

/**
 * What reading the photo back after the change showed: the photo sent (`matched`), another one or none
 * (`differed`), nothing readable (`failed`), or it was not read back (`skipped`: no comparer, `verify: false`, or a
 * change retried after it was already made).
 */
export type ReadBackOutcome = 'matched' | 'differed' | 'failed' | 'skipped';

export interface ChangeResult {
  /** Carried by the Undo action. */
  readonly changeId: string;
  /**
   * True only when the photo was read back from Graph after the change and showed the photo sent; false when the
   * read-back failed, differed or was skipped. Never an error: Graph accepted the change either way.
   */
  readonly confirmed: boolean;
  /** Why {@link ChangeResult.confirmed} is what it is. */
  readonly readBack: ReadBackOutcome;
  readonly graphRequestId: string | undefined;
  /** The photo the change replaced (from its backup), `null` when there was none: the card's "before". */
  readonly replaced: Uint8Array | null;
  /**
   * True when a change retried under its reserved id ({@link ChangeOptions.changeId}) had already been made by an
   * earlier attempt: Graph was not called again (and its request id is not known here).
   */
  readonly resumed?: boolean;
}

/**
 * Options of {@link PhotoChangeService.change}.
 *
 * `changeId` reserves the change's id up front (a bulk job records it before the change), which makes the change
 * idempotent per id: called again with the same id after a crash, the change is not made a second time when the
 * first attempt took effect (the result then says `resumed`), and is otherwise completed with the backup the first
 * attempt saved (not a fresh one, which could already hold the new photo). "Took effect" is read from the history
 * (the change became the latest), or, when the process stopped between Graph's answer and that record, from Graph
 * holding exactly the photo being set. When something else changed the photo
 * since that backup, nothing is done: `UndoSuperseded`.
 */
export interface ChangeOptions {
  readonly changeId?: string;
  /**
   * Read the photo back after the change and compare it (see read-back.ts); true by default when the service has a
   * comparer. Bulk imports pass `false`: it would double their Graph reads, against Graph's photo throttling.
   */
  readonly verify?: boolean;
}

/** Options of {@link PhotoChangeService.undo}: `undoId` reserves the undo's own change id, as for a change. */
export interface UndoOptions {
  readonly undoId?: string;
}

/** What a redo did: a change like any other, and the photo it set again. */
export interface RedoResult extends ChangeResult {
  readonly photo: Uint8Array;
}

/** The change whose photo is in place, as a card names it. */
export interface InPlaceChange {
  readonly changeId: string;
  /** ISO 8601, UTC: when that photo was set. */
  readonly createdAt: string;
  /** Whether the acting person set it (else someone else did, e.g. an admin). */
  readonly byActor: boolean;
}

export interface UndoResult {
  /** `restored`: the previous photo is back; `removed`: there was none, so the photo is gone. */
  readonly outcome: 'restored' | 'removed';
  /** The undo is itself a change, with its own backup of what it replaced; a redo reverses it. */
  readonly changeId: string;
  /** The photo now in place (byte for byte what the undone change replaced), `null` when there is none. */
  readonly photo: Uint8Array | null;
  /** The change whose photo is back, `null` when it is the photo from before the first recorded change. */
  readonly inPlace: InPlaceChange | null;
}

/** What typed `undo` did: undid a change, or found nothing left of the person's own history to undo. */
export type UndoLatestResult =
  UndoResult | { readonly outcome: 'nothing-left' } | { readonly outcome: 'nothing-yet' };

/**
 * `UndoSuperseded`, saying what came after: `newerPhotoAt` is when the photo in place now was set, when the actor
 * set it themselves (so the answer can say "you set a newer photo on <date>").
 */
export class SupersededError extends AppError<'UndoSuperseded'> {
  readonly newerPhotoAt: string | undefined;

  /**
   * @param inPlace the change whose photo is in place now. It is always newer than the superseded change: the
   *   photo in place only moves back past a change by undoing it, and an undone change is "already undone".
   */
  constructor(inPlace: BackupRecord<ChangeTarget> | undefined, actor: Actor) {
    super('UndoSuperseded', inPlace ? `newer change ${inPlace.changeId}` : 'newer change');
    // "You set a newer photo" only when it was this person; someone else's change is not theirs to be told of.
    this.newerPhotoAt = inPlace !== undefined && inPlace.actor === actor.id ? inPlace.createdAt : undefined;
  }
}
