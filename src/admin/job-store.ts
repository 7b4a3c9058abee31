/**
 * Bulk jobs as kept in the shared {@link Storage}, so that any instance can show, run or resume any job.
 *
 * Keys:
 * - `admin-jobs/<jobId>/job`: the job ({@link StoredJob}: its {@link JobSummary} and plan counts);
 * - `admin-jobs/<jobId>/conversation`: where its progress card is, kept apart so that the runner's writes of the
 *   job never undo a card's record written meanwhile by another instance;
 * - `admin-jobs/<jobId>/items/<nnnnn>`: one person's (or one skipped file's) line, in the plan's order, each its
 *   own item so that a finished person is on record the moment it is written: a crash loses at most the people
 *   under way, whose lines say `started` and are checked on resume (see import-jobs.ts);
 * - `admin-jobs/<jobId>/files/<nnnnn>`: the matched files' bytes, written by the planner, deleted once the job
 *   ended (the photos set are in the backups by then);
 * - `admin-job-index/<inverted time>-<jobId>`: an empty marker per job, so `list` finds jobs newest first
 *   without listing every item of every job.
 *
 * Job ids are 10 characters of lower-case base32 (50 random bits): short enough for a card and a command line,
 * and checked by {@link isJobId} wherever one comes back from a card, a URL or a queue.
 */
import { randomBytes } from 'node:crypto';
import type { ImportPlan, JobConversation, JobItemResult, JobSummary } from './admin-contracts.js';
import { mapLimited } from '../storage/concurrency.js';
import { getJson, putJson } from '../storage/json.js';
import type { Storage } from '../storage/storage.js';

/** A job id: 10 characters of RFC 4648 base32, lower case. */
export const JOB_ID_PATTERN = /^[a-z2-7]{10}$/;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A fresh random job id. */
export function newJobId(): string {
  const bytes = randomBytes(10);
  let id = '';
  for (const byte of bytes) id += BASE32.charAt(byte & 31);
  return id;
}

/** True for a well-formed job id (anything else never reaches a storage key). */
export function isJobId(value: unknown): value is string {
  return typeof value === 'string' && JOB_ID_PATTERN.test(value);
}

/** A job as stored: what is shown (but its conversation, kept apart), and what its plan held. */
export type StoredJob = Omit<JobSummary, 'conversation'> & {
  /** How many lines the report has (matched files, then skipped ones). */
  readonly items: number;
};

/**
 * One line of a job as stored: the report's line, and what the runner needs to resume it. `started` (with
 * `reservedChangeId`) marks a person whose change was under way; `undoStarted` (with `undoId`) the same for the
 * batch undo.
 */
export type StoredJobItem = {
  /** The line's place in the plan, from 0. */
  readonly index: number;
  readonly file: string;
  readonly person: string;
  readonly personId?: string;
  readonly result: JobItemResult['result'];
  readonly reason?: string;
  readonly graphRequestId?: string;
  readonly changeId?: string;
  /** The storage key of the file's bytes (matched files only). */
  readonly fileKey?: string;
  /** The change id reserved for this person before the change was asked for. */
  readonly reservedChangeId?: string;
  /** The change is under way (or was, when the instance running it stopped). */
  readonly started?: boolean;
  /** The undo's own change id, reserved before the undo was asked for. */
  readonly undoId?: string;
  readonly undoStarted?: boolean;
};

/** The most lines a job may have (the zip entry cap's upper bound). */
export const MAX_JOB_ITEMS = 100_000;

/** Largest time an index marker can invert; later than any plausible clock (year 2286). */
const TIME_CEILING = 9_999_999_999_999;

/** Reads and writes jobs and their lines. */
export class JobStore {
  constructor(private readonly storage: Storage) {}

  /** The job, or `undefined` for an unknown or malformed id. */
  async job(jobId: string): Promise<StoredJob | undefined> {
    if (!isJobId(jobId)) return undefined;
    return getJson<StoredJob>(this.storage, jobKey(jobId));
  }

  /** Where the job's progress card is, if it was recorded. */
  async conversation(jobId: string): Promise<JobConversation | undefined> {
    if (!isJobId(jobId)) return undefined;
    return getJson<JobConversation>(this.storage, `${jobPrefix(jobId)}/conversation`);
  }

  async saveConversation(jobId: string, conversation: JobConversation): Promise<void> {
    await putJson(this.storage, `${jobPrefix(checked(jobId))}/conversation`, conversation);
  }

  /** Writes the job (replacing what was there). */
  async saveJob(job: StoredJob): Promise<void> {
    await putJson(this.storage, jobKey(checked(job.id)), job);
  }

  /**
   * Writes a new job with its lines: the lines first and the job last, so a job is never seen without them (lines
   * left by a failed plan belong to no job and are never read).
   */
  async create(job: StoredJob, items: readonly StoredJobItem[]): Promise<void> {
    checked(job.id);
    if (items.length > MAX_JOB_ITEMS) throw new RangeError(`a job has at most ${MAX_JOB_ITEMS} lines`);
    await mapLimited(items, 16, (item) => this.saveItem(job.id, item));
    await this.saveJob(job);
    const inverted = (TIME_CEILING - Date.parse(job.createdAt)).toString().padStart(13, '0');
    await this.storage.put(`${INDEX}/${inverted}-${job.id}`, new Uint8Array(0));
  }

  /** Writes one line; once this resolves, the line survives any crash. */
  async saveItem(jobId: string, item: StoredJobItem): Promise<void> {
    await putJson(this.storage, itemKey(checked(jobId), item.index), item);
  }

  /** The job's lines in the plan's order. */
  async items(jobId: string): Promise<StoredJobItem[]> {
    if (!isJobId(jobId)) return [];
    const keys = await this.storage.list(`${jobPrefix(jobId)}/items/`);
    const items = await mapLimited(keys, 16, (key) => getJson<StoredJobItem>(this.storage, key));
    return items
      .filter((item): item is StoredJobItem => item !== undefined)
      .sort((a, b) => a.index - b.index);
  }

  /** Every job id, newest first. */
  async jobIds(): Promise<string[]> {
    const keys = await this.storage.list(`${INDEX}/`);
    return keys.map((key) => key.slice(key.lastIndexOf('-') + 1)).filter(isJobId);
  }

  /** Deletes the kept file bytes of a job (its report stays). */
  async deleteFiles(jobId: string): Promise<void> {
    const keys = await this.storage.list(`${jobPrefix(checked(jobId))}/files/`);
    await mapLimited(keys, 16, (key) => this.storage.delete(key));
  }

  /** A file's kept bytes, or `undefined` when they are gone. */
  async file(key: string): Promise<Uint8Array | undefined> {
    return (await this.storage.get(key))?.value;
  }
}

/** Where a job keeps its matched files: a planned photo's key must start with this. */
export function filesPrefix(jobId: string): string {
  return `${jobPrefix(checked(jobId))}/files/`;
}

const INDEX = 'admin-job-index';

function checked(jobId: string): string {
  if (!isJobId(jobId)) throw new RangeError('not a job id');
  return jobId;
}

function jobPrefix(jobId: string): string {
  return `admin-jobs/${jobId}`;
}

function jobKey(jobId: string): string {
  return `${jobPrefix(jobId)}/job`;
}

function itemKey(jobId: string, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= MAX_JOB_ITEMS)
    throw new RangeError('bad line number');
  return `${jobPrefix(jobId)}/items/${index.toString().padStart(5, '0')}`;
}

/** A copy of `value` without its property `key`. */
export function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as Omit<T, K>;
}

/** A stored job as the contract shows it, with where its progress card is when there is one. */
export function summaryOf(job: StoredJob, conversation: JobConversation | undefined): JobSummary {
  const summary: JobSummary = without(job, 'items');
  return conversation === undefined ? summary : { ...summary, conversation };
}

/** A plan's report lines as stored: its matched photos `pending`, then its skipped files with their reasons. */
export function planLines(plan: ImportPlan, jobId: string): StoredJobItem[] {
  const files = filesPrefix(jobId);
  const items: StoredJobItem[] = plan.matched.map((photo, index) => {
    // The planner names where it kept the bytes; only this job's own files are ever read back.
    if (!photo.key.startsWith(files)) throw new RangeError('a planned photo is kept outside its job');
    return {
      index,
      file: photo.file,
      person: photo.person.userPrincipalName,
      personId: photo.person.id,
      result: 'pending',
      fileKey: photo.key,
    };
  });
  plan.skipped.forEach((skipped, offset) => {
    const only = skipped.candidates?.length === 1 ? skipped.candidates[0] : undefined;
    items.push({
      index: plan.matched.length + offset,
      file: skipped.file,
      person: only ?? '',
      result: 'skipped',
      reason: skipped.reason,
    });
  });
  return items;
}
