/**
 * Backups of replaced photos, one per change, so Undo can put back exactly what a change replaced.
 *
 * Before a photo change, the handler saves the target's current photo (or the fact that it had none) and gets a
 * fresh change id, which the Undo button carries. Backups are per change, not per target: Undo on an older card
 * still finds what that change replaced, and {@link BackupStore.checkUndo} refuses it clearly when a newer change
 * to the same target came after it.
 *
 * Keys:
 * - `backups/changes/<changeId>`: the record (JSON, no bytes), cheap to read and list;
 * - `backups/photos/<changeId>`: the replaced photo's bytes, when there was one;
 * - `backups/latest/<target>`: the id of the latest change per target.
 *
 * - `backups/reversed/<changeId>`: written when an undo reversed that change (or a redo reversed that undo), so a
 *   second press is told "already undone" rather than "superseded".
 *
 * Undo itself is a change: the handler saves a backup before restoring, so the restoration can be undone in
 * turn, and the undone change becomes superseded (a second Undo of the same card is refused).
 *
 * History: every record says which change's photo it replaced (`basedOn`), and an undo says which change's photo it
 * put back (`inPlace`). The latest pointer carries the change whose photo is in place now, so "undo" can walk back
 * one change at a time (B, then A, then the photo from before the first change) across instances, from storage
 * alone. A redo (an undo of an undo) is an ordinary change that sets the undone photo again, itself undoable.
 */
import { randomBytes } from 'node:crypto';
import { mapLimited } from './concurrency.js';
import { type JsonObject, createJsonIfAbsent, getJson, putJson } from './json.js';
import {
  type Clock,
  type Storage,
  CorruptStoredItemError,
  StorageContentionError,
  encodeKeySegment,
} from './storage.js';

/** A photo as Graph returned it. */
export interface BackupPhoto {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** What is kept per change, without the photo's bytes. */
export interface BackupRecord<T extends JsonObject> {
  readonly changeId: string;
  /** Whose photo changed, as the caller describes it (e.g. a Graph photo target). */
  readonly target: T;
  /** The target's identity, as {@link BackupStoreOptions.targetKey} gave it. */
  readonly targetKey: string;
  /** The user id of who made the change. */
  readonly actor: string;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  /** False when the target had no photo before the change: Undo then removes the photo. */
  readonly hadPhoto: boolean;
  /** Size and type of the replaced photo, when there was one. */
  readonly photoBytes?: number;
  readonly photoContentType?: string;
  /** What the change was; absent in records written before history existed (read as `change`). */
  readonly kind?: ChangeKind;
  /**
   * The change whose photo this one replaced, as the history saw it (`null`: the photo from before any recorded
   * change of the target). Absent in older records (read as `null`).
   */
  readonly basedOn?: string | null;
  /** For an undo: the change it undid; for a redo: the undo it reversed. */
  readonly reverses?: string;
  /** For an undo: the change whose photo it put back (`null`: the photo from before the history, or none). */
  readonly inPlace?: string | null;
}

/** A new photo (`change`), an undo of one, or a redo: the undone photo set again (an undo of an undo). */
export type ChangeKind = 'change' | 'undo' | 'redo';

/** How a change was reversed: by which change, when. */
export interface Reversal {
  readonly by: string;
  /** ISO 8601, UTC. */
  readonly at: string;
}

/** A backup with the replaced photo (`null` when the target had none). */
export interface Backup<T extends JsonObject> extends BackupRecord<T> {
  readonly photo: BackupPhoto | null;
}

/** Whether a change can be undone. */
export type UndoCheck<T extends JsonObject> =
  /** The change is the target's latest: restore `backup.photo` (or remove the photo when it is `null`). */
  | { readonly status: 'ready'; readonly backup: Backup<T> }
  /**
   * A newer change to the same target came after it; undoing would silently discard that one. `inPlace` is the
   * record of the change whose photo is in place now (`undefined` when it is the photo from before the history).
   */
  | {
      readonly status: 'superseded';
      readonly backup: BackupRecord<T>;
      readonly latestChangeId: string;
      readonly inPlace?: BackupRecord<T>;
    }
  /** The change was already reversed (an undo undid it, or a redo reversed this undo). */
  | { readonly status: 'reversed'; readonly backup: BackupRecord<T>; readonly reversal: Reversal }
  /** No such change (an unknown, malformed or removed id). */
  | { readonly status: 'not-found' };

/** What {@link BackupStore.save} needs. */
export interface BackupInput<T extends JsonObject> {
  readonly target: T;
  readonly actor: string;
  /** The target's photo before the change, or `null` when it had none. */
  readonly photo: BackupPhoto | null;
  /** What the change is (default `change`); an undo or a redo names the change it reverses. */
  readonly history?:
    | { readonly kind: 'change' }
    | { readonly kind: 'undo'; readonly reverses: string; readonly inPlace: string | null }
    | { readonly kind: 'redo'; readonly reverses: string };
  /**
   * The change's id, chosen by the caller (one that {@link CHANGE_ID_PATTERN} accepts) instead of a fresh random
   * one: a bulk job reserves an id per person before the change, so that after a crash it can tell whether that
   * change was made. Saving a second backup under an id already used is refused.
   */
  readonly changeId?: string;
}

/** Options of {@link BackupStore}. */
export interface BackupStoreOptions<T extends JsonObject> {
  readonly storage: Storage;
  /**
   * The identity of a target: two targets naming the same photo must give the same string (e.g. `me` and the
   * same user by id), so a change through one supersedes a change through the other. Any string is fine; it is
   * encoded into a key segment.
   */
  readonly targetKey: (target: T) => string;
  readonly now?: Clock;
  /** Makes change ids (default: 128 random bits, base64url). Must match {@link CHANGE_ID_PATTERN}. */
  readonly newChangeId?: () => string;
}

/** Change ids come back from cards, that is from users: anything else is refused before it reaches a key. */
export const CHANGE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

const PREFIX = 'backups';

interface LatestPointer {
  readonly changeId: string;
  readonly createdAt: string;
  /** The change whose photo is in place (`null`: the photo from before the history); absent in older pointers. */
  readonly inPlace?: string | null;
}

/** The change whose photo a pointer says is in place (older pointers: the latest change itself). */
function inPlaceOf(pointer: LatestPointer): string | null {
  return pointer.inPlace === undefined ? pointer.changeId : pointer.inPlace;
}

/** A random change id: 128 bits, base64url (22 characters). */
export function randomChangeId(): string {
  return randomBytes(16).toString('base64url');
}

/** Backups per change, and the latest change per target. */
export class BackupStore<T extends JsonObject> {
  private readonly storage: Storage;
  private readonly targetKey: (target: T) => string;
  private readonly now: Clock;
  private readonly newChangeId: () => string;

  constructor(options: BackupStoreOptions<T>) {
    this.storage = options.storage;
    this.targetKey = options.targetKey;
    this.now = options.now ?? Date.now;
    this.newChangeId = options.newChangeId ?? randomChangeId;
  }

  /**
   * Records what a change is about to replace. Call it before writing the new photo, and
   * {@link BackupStore.markLatest} once the write succeeded: a change that failed never becomes the target's
   * latest, so it neither supersedes the change before it nor can be undone itself.
   */
  async save(input: BackupInput<T>): Promise<BackupRecord<T>> {
    const targetKey = this.targetKey(input.target);
    // Read once, before the change: the caller holds the photo's lease, so nothing moves the pointer meanwhile.
    const pointer = await getJson<LatestPointer>(this.storage, latestKey(targetKey));
    const basedOn = pointer === undefined ? null : inPlaceOf(pointer);
    const history = input.history ?? { kind: 'change' };
    const reserved = input.changeId;
    if (reserved !== undefined && !CHANGE_ID_PATTERN.test(reserved))
      throw new RangeError('a reserved change id must match CHANGE_ID_PATTERN');
    // Ids are random, so a clash is next to impossible; creating without overwriting makes it harmless anyway.
    for (let attempt = 0; attempt < 5; attempt++) {
      const changeId = reserved ?? this.newChangeId();
      if (!CHANGE_ID_PATTERN.test(changeId))
        throw new RangeError('newChangeId made an id outside CHANGE_ID_PATTERN');
      const createdAt = new Date(this.now()).toISOString();
      const photo = input.photo;
      if (reserved !== undefined) {
        if ((await this.record(reserved)) !== undefined)
          throw new StorageContentionError(`change ${reserved} is already saved`);
        // A photo without a record under a reserved id is what an interrupted save of the same change left.
        if (photo !== null)
          await this.storage.put(photoKey(changeId), photo.bytes, { contentType: photo.contentType });
      } else if (photo !== null) {
        const created = await this.storage.createIfAbsent(photoKey(changeId), photo.bytes, {
          contentType: photo.contentType,
        });
        if (!created) continue;
      }
      const record: BackupRecord<T> = {
        changeId,
        target: input.target,
        targetKey,
        actor: input.actor,
        createdAt,
        hadPhoto: photo !== null,
        ...(photo === null
          ? {}
          : { photoBytes: photo.bytes.byteLength, photoContentType: photo.contentType }),
        kind: history.kind,
        basedOn,
        ...(history.kind === 'change' ? {} : { reverses: history.reverses }),
        ...(history.kind === 'undo' ? { inPlace: history.inPlace } : {}),
      };
      if (!(await createJsonIfAbsent(this.storage, recordKey(changeId), record))) {
        if (reserved !== undefined) throw new StorageContentionError(`change ${reserved} is already saved`);
        continue;
      }
      return record;
    }
    throw new Error('could not find a free change id');
  }

  /**
   * Marks a saved change as its target's latest: the one Undo may act on, which supersedes every change before it.
   * Call it only after the change took effect. Changes of one target must not run at once (the change service
   * holds a lease per photo), so the last caller here is the last change made.
   */
  async markLatest(record: BackupRecord<T>): Promise<void> {
    // The reversal first: should the pointer write then fail, the reversed change is still the one in place, and
    // it is judged by the pointer before the marker, so it stays undoable rather than wrongly "already undone".
    if (record.reverses !== undefined) {
      const reversal: Reversal = { by: record.changeId, at: record.createdAt };
      await putJson(this.storage, reversedKey(record.reverses), reversal);
    }
    const latest: LatestPointer = {
      changeId: record.changeId,
      createdAt: record.createdAt,
      inPlace: record.kind === 'undo' ? (record.inPlace ?? null) : record.changeId,
    };
    await putJson(this.storage, latestKey(record.targetKey), latest);
  }

  /**
   * The change whose photo is in place for `target` now, by the history: `undefined` when nothing was ever
   * recorded, `null` when it is the photo from before the first recorded change (or no photo).
   */
  async inPlaceFor(target: T): Promise<BackupRecord<T> | null | undefined> {
    const pointer = await getJson<LatestPointer>(this.storage, latestKey(this.targetKey(target)));
    if (pointer === undefined) return undefined;
    const id = inPlaceOf(pointer);
    return id === null ? null : ((await this.record(id)) ?? null);
  }

  /** How a change was reversed, if it was. */
  async reversalOf(changeId: string): Promise<Reversal | undefined> {
    if (!CHANGE_ID_PATTERN.test(changeId)) return undefined;
    return getJson<Reversal>(this.storage, reversedKey(changeId));
  }

  /** The record of a change, without bytes; `undefined` for an unknown or malformed id. */
  async record(changeId: string): Promise<BackupRecord<T> | undefined> {
    if (!CHANGE_ID_PATTERN.test(changeId)) return undefined;
    return getJson<BackupRecord<T>>(this.storage, recordKey(changeId));
  }

  /** A change's backup with the replaced photo; `undefined` for an unknown or malformed id. */
  async get(changeId: string): Promise<Backup<T> | undefined> {
    const record = await this.record(changeId);
    return record === undefined ? undefined : this.withPhoto(record);
  }

  /** The id of the latest change saved for `target` (or any target with the same key). */
  async latestChangeFor(target: T): Promise<string | undefined> {
    return this.latestByKey(this.targetKey(target));
  }

  /**
   * Whether the change `changeId` may be undone now, with what to restore when it may. A change may be undone
   * while its photo is the one in place, even when an undo of a later change put it back (that is how "undo"
   * walks back); an undo may be reversed (a redo) only while it is the latest change. Otherwise it was either
   * reversed already (`reversed`) or something newer came after it (`superseded`), told apart by the reversal
   * marker {@link BackupStore.markLatest} writes.
   */
  async checkUndo(changeId: string): Promise<UndoCheck<T>> {
    const record = await this.record(changeId);
    if (record === undefined) return { status: 'not-found' };
    const pointer = await getJson<LatestPointer>(this.storage, latestKey(record.targetKey));
    // A record that never became the latest is a change Graph refused: there is nothing of it to undo.
    if (pointer === undefined) return { status: 'not-found' };
    const current = record.kind === 'undo' ? pointer.changeId : inPlaceOf(pointer);
    if (current === changeId) return { status: 'ready', backup: await this.withPhoto(record) };
    const reversal = await this.reversalOf(changeId);
    if (reversal !== undefined) return { status: 'reversed', backup: record, reversal };
    const inPlaceId = inPlaceOf(pointer);
    const inPlace = inPlaceId === null ? undefined : await this.record(inPlaceId);
    return {
      status: 'superseded',
      backup: record,
      latestChangeId: pointer.changeId,
      ...(inPlace === undefined ? {} : { inPlace }),
    };
  }

  // --- Issue 18 (privacy, retention): listing and deleting backups. ---

  /**
   * Every backup record (no bytes), read with at most 16 reads at once. A full scan: one list of
   * `backups/changes/` and one small JSON read per backup; `my data`, `forget me` and the retention sweep use it
   * (records are keyed by change id, which says nothing of who or when).
   */
  async allRecords(): Promise<BackupRecord<T>[]> {
    const keys = await this.storage.list(`${PREFIX}/changes/`);
    const records = await mapLimited(keys, 16, (key) => getJson<BackupRecord<T>>(this.storage, key));
    return records.filter((record): record is BackupRecord<T> => record !== undefined);
  }

  /**
   * Deletes a change's backup: the record first (from then on Undo of it answers "not found", never a half
   * backup), then the replaced photo and the reversal marker. Idempotent. Latest pointers are left: a pointer to a
   * removed change makes an Undo of it "not found" and of an older one "superseded", as before.
   */
  async deleteChange(changeId: string): Promise<void> {
    if (!CHANGE_ID_PATTERN.test(changeId)) return;
    await this.storage.delete(recordKey(changeId));
    await this.storage.delete(photoKey(changeId));
    await this.storage.delete(reversedKey(changeId));
  }

  /** Deletes a target's latest pointer (ids and a date only), e.g. when its person asks to be forgotten. */
  async deleteLatest(targetKey: string): Promise<boolean> {
    const key = latestKey(targetKey);
    if ((await this.storage.get(key)) === undefined) return false;
    await this.storage.delete(key);
    return true;
  }

  // --- End of issue 18 additions. ---

  private async latestByKey(targetKey: string): Promise<string | undefined> {
    return (await getJson<LatestPointer>(this.storage, latestKey(targetKey)))?.changeId;
  }

  private async withPhoto(record: BackupRecord<T>): Promise<Backup<T>> {
    if (!record.hadPhoto) return { ...record, photo: null };
    const item = await this.storage.get(photoKey(record.changeId));
    if (item === undefined) throw new CorruptStoredItemError(`backup ${record.changeId} has lost its photo`);
    return { ...record, photo: { bytes: item.value, contentType: item.contentType } };
  }
}

function recordKey(changeId: string): string {
  return `${PREFIX}/changes/${changeId}`;
}

function photoKey(changeId: string): string {
  return `${PREFIX}/photos/${changeId}`;
}

function reversedKey(changeId: string): string {
  return `${PREFIX}/reversed/${changeId}`;
}

function latestKey(targetKey: string): string {
  return `${PREFIX}/latest/${encodeKeySegment(targetKey)}`;
}
