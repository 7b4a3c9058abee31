/**
 * What the parts of admin work promise each other: who is an admin, what an import reads and plans, and what a
 * bulk job is. The chat's admin card, the command line and the job runner all speak these types, so a plan made
 * from a zip in chat and one made from a folder on the command line run the same way.
 *
 * Nothing here does any work; the implementations live beside it (admin-check.ts, zip-source.ts, import-plan.ts,
 * import-jobs.ts, ...).
 */
import type { AccessTokenSource } from '../graph/graph-transport.js';

/** Someone acting as an admin: who they are, in which tenant. */
export interface AdminIdentity {
  /** Entra object id. */
  readonly id: string;
  /** The tenant the request came from (a Teams activity's `conversation.tenantId`, a token's `tid`). */
  readonly tenantId: string | undefined;
  readonly displayName?: string;
}

/** Answers "may this person act as an admin now?", asking Graph (with a short cache) every time it is asked. */
export interface AdminGate {
  /**
   * Resolves when `who` is an admin; otherwise throws AppError `NotAdmin` or `TenantNotAllowed`. Graph is asked with
   * the app's own token, so no delegated permission of the caller is involved.
   */
  requireAdmin(who: AdminIdentity): Promise<void>;
}

/** A person in the directory, as matching and the report see them. */
export interface DirectoryPerson {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail?: string | null;
  readonly mailNickname?: string | null;
  readonly employeeId?: string | null;
}

/** Reads the people of the directory with the app's own token (`User.Read.All`). */
export interface PeopleDirectory {
  /** Everyone (every page), for matching an import. */
  allPeople(token: AccessTokenSource): Promise<DirectoryPerson[]>;
  /** One person by object id, user principal name or mail; `null` when there is none. */
  person(idOrName: string, token: AccessTokenSource): Promise<DirectoryPerson | null>;
  /** People whose name, user principal name or mail starts with `text`, at most `limit`, for a people picker. */
  searchPeople(text: string, limit: number, token: AccessTokenSource): Promise<DirectoryPerson[]>;
}

/** One file of an import, as a zip or a folder offers it. Its bytes are read only when asked for. */
export interface ImportEntry {
  /** The entry's name as the zip or folder gives it (shown and reported; never used as a path). */
  readonly name: string;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** Reads the whole entry (at most its declared size; more is refused). */
  read(): Promise<Uint8Array>;
}

/** Why a file of an import is not used. */
export type SkipReason =
  /** No person matches the file's name (or its mapping.csv row). */
  | 'unmatched'
  /** Several people match. */
  | 'ambiguous'
  /** Another file already matched the same person: neither is used. */
  | 'duplicate-person'
  /** A name with `..`, an absolute path or a drive letter. */
  | 'unsafe-name'
  /** A symbolic link (or another special file). */
  | 'link'
  /** A zip inside the zip: not opened. */
  | 'nested-zip'
  /** Not an image (by its first bytes). */
  | 'not-an-image'
  /** An image that could not be read, or larger than a photo may be. */
  | 'unreadable';

/** One file the plan will use: whose photo, and where its bytes wait (never under the entry's own name). */
export interface PlannedPhoto {
  readonly file: string;
  readonly person: DirectoryPerson;
  /** The storage key of the file's bytes, e.g. `admin-jobs/<jobId>/files/00042`. */
  readonly key: string;
  readonly bytes: number;
}

/** One file the plan will not use, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: SkipReason;
  /** For `ambiguous` and `duplicate-person`: who matched (user principal names). */
  readonly candidates?: readonly string[];
}

/** What an import would do: who gets which photo, and which files are left out. */
export interface ImportPlan {
  readonly matched: readonly PlannedPhoto[];
  readonly skipped: readonly SkippedFile[];
}

/** Where a bulk job was started. */
export type JobOrigin = 'chat' | 'cli';

/** A job's life: planned (waiting for Start), queued, running, then done, or cancelled; an undo runs the same way. */
export type JobState =
  'planned' | 'queued' | 'running' | 'done' | 'cancelled' | 'undo-queued' | 'undoing' | 'undone';

/** The states after which a job does nothing more (until an undo of a `done` job is asked for). */
export const FINAL_JOB_STATES: readonly JobState[] = ['done', 'cancelled', 'undone'];

/** One person's line in a job's report. */
export interface JobItemResult {
  readonly file: string;
  /** User principal name, or empty for a file no one matched. */
  readonly person: string;
  readonly personId?: string;
  /** `set`, `failed`, `skipped`; after an undo, `restored` (old photo back) or `removed` (there was none). */
  readonly result: 'set' | 'failed' | 'skipped' | 'restored' | 'removed' | 'pending';
  /** An error code or a {@link SkipReason}; empty on success. */
  readonly reason?: string;
  readonly graphRequestId?: string;
  /** The change this item made, which the batch undo reverses. */
  readonly changeId?: string;
}

/** Where a job's progress is shown in chat: enough to update the card in place from any instance. */
export interface JobConversation {
  /** botbuilder's ConversationReference, as JSON. */
  readonly reference: Readonly<Record<string, unknown>>;
  /** The progress card's activity id, once it was posted. */
  readonly progressActivityId?: string;
  readonly locale: string;
}

/** A bulk job as stored and shown. */
export interface JobSummary {
  readonly id: string;
  readonly state: JobState;
  readonly origin: JobOrigin;
  /** The admin who created it; only they (or the command line) may start, cancel or undo it. */
  readonly admin: AdminIdentity;
  /** The zip's or folder's name. */
  readonly source: string;
  readonly createdAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly skipped: number;
  /** After an undo: how many photos were put back (or removed, where there was none). */
  readonly undone?: number;
  readonly conversation?: JobConversation;
}

/** What a running job reports after each person (and when it starts and ends). */
export interface JobProgress {
  readonly job: JobSummary;
  /** Photos per minute so far in this run; `undefined` before the first. */
  readonly ratePerMinute?: number;
  /** Milliseconds left at that rate; `undefined` before the first. */
  readonly etaMs?: number;
}

/** Caps on what an import may read (from config `ZIP_*` and `PHOTO_MAX_INPUT_BYTES`). */
export interface ImportLimits {
  /** Largest zip, in bytes. */
  readonly maxBytes: number;
  readonly maxEntries: number;
  /** All entries together, uncompressed. */
  readonly maxUncompressedBytes: number;
  /** Highest uncompressed : compressed ratio of one entry. */
  readonly maxRatio: number;
  /** Largest single image (`PHOTO_MAX_INPUT_BYTES`); a larger entry is skipped as `unreadable`. */
  readonly maxEntryBytes: number;
}

/** The files an import offers, and those already left out while listing them (unsafe names, links, ...). */
export interface ImportSource {
  /** The zip's or folder's name, for cards and reports. */
  readonly name: string;
  readonly entries: readonly ImportEntry[];
  readonly skipped: readonly SkippedFile[];
}

/** The bulk jobs of the app, shared by the admin card and the command line (implemented by import-jobs.ts). */
export interface BulkJobs {
  /**
   * Matches the source's files to people, keeps each matched file's bytes in storage, and saves the job as
   * `planned`. Throws AppError `NothingToImport` when nothing matched.
   */
  plan(request: {
    readonly source: ImportSource;
    readonly admin: AdminIdentity;
    readonly origin: JobOrigin;
    readonly conversation?: JobConversation;
  }): Promise<{ readonly job: JobSummary; readonly plan: ImportPlan }>;
  /** `planned` → `queued`; AppError `JobNotStartable` otherwise, `JobNotFound` for someone else's job. */
  start(jobId: string, admin: AdminIdentity): Promise<JobSummary>;
  /** `planned` (or `queued`, not yet running) → `cancelled`; the kept files are deleted. */
  cancel(jobId: string, admin: AdminIdentity): Promise<JobSummary>;
  /** `done` → `undo-queued`: every photo the job set goes back (or is removed where there was none). */
  undo(jobId: string, admin: AdminIdentity): Promise<JobSummary>;
  get(jobId: string): Promise<JobSummary | undefined>;
  /** Every job, newest first. */
  list(): Promise<JobSummary[]>;
  /** The report's lines, in the order of the plan (matched, then skipped). */
  items(jobId: string): Promise<JobItemResult[]>;
  /** The report as CSV: `person,file,result,reason,graphRequestId`, one header line, RFC 4180 quoting. */
  reportCsv(jobId: string): Promise<string>;
  /** Records where the job's progress card is (after the card was posted). */
  setConversation(jobId: string, conversation: JobConversation): Promise<void>;
  /**
   * Takes queued work (jobs and undos) from the shared queue and runs it on this instance, one job at a time under
   * a renewed lease, until `signal` aborts. Jobs another instance left unfinished are picked up again.
   */
  work(signal: AbortSignal): Promise<void>;
  /** Runs one queued job (or undo) now in this process, under the same lease, and resolves when it ended. */
  runToEnd(jobId: string, onProgress?: (progress: JobProgress) => void): Promise<JobSummary>;
  /** Called after each person of any job this instance runs; returns a function that stops listening. */
  onProgress(listener: (progress: JobProgress) => void): () => void;
}

/** The app's own Graph token (application permission `User.ReadWrite.All`), or none configured. */
export type AppTokenSource = AccessTokenSource;
