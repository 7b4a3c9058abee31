/**
 * The audit log: who changed whose photo, when, through which path, with what result.
 *
 * Append-only: every record is a new key, written with create-if-absent and never overwritten, named
 * `audit/<yyyy-mm-dd>/<yyyymmddThhmmssmmmZ>-<random>` (UTC) so keys sort by time and a day is one prefix.
 * A record holds identifiers and codes only: no image bytes, no tokens, no free text. The entry type has no
 * field that could take bytes, and {@link AuditLog.append} copies the known fields one by one and refuses values
 * that look like tokens, so a careless caller cannot smuggle either in.
 */
import { randomBytes } from 'node:crypto';
import { type ErrorCode, isErrorCode } from '../errors.js';
import { mapLimited } from './concurrency.js';
import { createJsonIfAbsent, getJson } from './json.js';
import { type Clock, type Storage, InvalidStorageValueError } from './storage.js';

/** Where a change came from. */
export const AUDIT_PATHS = ['chat', 'messaging-extension', 'tab', 'admin', 'bulk'] as const;
export type AuditPath = (typeof AUDIT_PATHS)[number];

/**
 * What an entry records besides a photo change (issue 18): `forgotten`, a person had their data deleted
 * (`forget me`). Absent: a photo change (every entry written before this existed).
 */
export const AUDIT_ACTIONS = ['forgotten'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `success`, the code of a known refusal or failure, or `InternalError` for anything unexpected. */
export type AuditResult = 'success' | ErrorCode | 'InternalError';

/**
 * What an entry says about approval (issue 18): a step of a request (made, approved, rejected, withdrawn, expired),
 * or `skipped-admin` for an admin's change (single or bulk), which never waits for an approver.
 */
export const AUDIT_APPROVAL_NOTES = [
  'request',
  'approve',
  'reject',
  'withdraw',
  'expire',
  'skipped-admin',
] as const;
export type AuditApprovalNote = (typeof AUDIT_APPROVAL_NOTES)[number];

/** Whose photo: a user, a group or a contact, by id. */
export interface AuditTarget {
  readonly kind: 'user' | 'group' | 'contact';
  readonly id: string;
}

/** What a caller records. Identifiers and codes only. */
export interface AuditEntry {
  /** The user id of who made the change. */
  readonly actor: string;
  readonly target: AuditTarget;
  readonly path: AuditPath;
  readonly result: AuditResult;
  /** Graph's `request-id` of the photo request, for support cases with Microsoft. */
  readonly graphRequestId?: string;
  /** The backup's change id, when there is one. */
  readonly changeId?: string;
  /** The correlation id the user was shown, if any. */
  readonly correlationId?: string;
  /** What happened, when it is not a photo change (see {@link AUDIT_ACTIONS}). */
  readonly action?: AuditAction;
  /** The approval step this entry records, or that approval was skipped (see {@link AUDIT_APPROVAL_NOTES}). */
  readonly approval?: AuditApprovalNote;
}

/** A stored record. */
export interface AuditRecord extends AuditEntry {
  /** The record's key, unique. */
  readonly id: string;
  /** When it was appended, ISO 8601 UTC. */
  readonly at: string;
}

/** Options of {@link AuditLog}. */
export interface AuditLogOptions {
  readonly storage: Storage;
  readonly now?: Clock;
  /** Written on every entry that carries no approval note of its own (the admin services' log: `skipped-admin`). */
  readonly approval?: AuditApprovalNote;
}

const PREFIX = 'audit/';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Up to this many days, a listing reads one prefix per day; beyond it, the whole log's keys once. */
const MAX_DAY_PREFIXES = 62;
const MAX_FIELD_LENGTH = 256;
const TARGET_KINDS: readonly string[] = ['user', 'group', 'contact'];
/** Printable ASCII without spaces: ids, codes and request ids all fit; free text and binary do not. */
const IDENTIFIER = /^[\x21-\x7e]+$/;
/** A JWT (three base64url parts, the first starting `eyJ`, i.e. `{"`) or an Authorization header value. */
const TOKEN_LIKE = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.|^bearer$/i;
const KEY_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-/;

function identifier(value: unknown, field: string): string {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > MAX_FIELD_LENGTH ||
    !IDENTIFIER.test(value)
  ) {
    throw new InvalidStorageValueError(
      `audit field ${field} must be an identifier of 1 to 256 printable characters`,
    );
  }
  if (TOKEN_LIKE.test(value)) throw new InvalidStorageValueError(`audit field ${field} looks like a token`);
  return value;
}

function optionalIdentifier(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : identifier(value, field);
}

/** Copies the known fields of `entry`, checked; anything else the object carries is left behind. */
function sanitize(entry: AuditEntry): AuditEntry {
  const target = entry.target as Partial<AuditTarget> | undefined;
  if (target === undefined || typeof target.kind !== 'string' || !TARGET_KINDS.includes(target.kind)) {
    throw new InvalidStorageValueError('audit target kind must be user, group or contact');
  }
  if (!(AUDIT_PATHS as readonly unknown[]).includes(entry.path)) {
    throw new InvalidStorageValueError('audit path is not one of the known paths');
  }
  const result: unknown = entry.result;
  if (result !== 'success' && result !== 'InternalError' && !isErrorCode(result)) {
    throw new InvalidStorageValueError('audit result must be success, InternalError or a known error code');
  }
  const graphRequestId = optionalIdentifier(entry.graphRequestId, 'graphRequestId');
  const changeId = optionalIdentifier(entry.changeId, 'changeId');
  const correlationId = optionalIdentifier(entry.correlationId, 'correlationId');
  if (entry.action !== undefined && !(AUDIT_ACTIONS as readonly unknown[]).includes(entry.action)) {
    throw new InvalidStorageValueError('audit action is not one of the known actions');
  }
  if (
    entry.approval !== undefined &&
    !(AUDIT_APPROVAL_NOTES as readonly unknown[]).includes(entry.approval)
  ) {
    throw new InvalidStorageValueError('audit approval note is not one of the known notes');
  }
  return {
    actor: identifier(entry.actor, 'actor'),
    target: { kind: target.kind, id: identifier(target.id, 'target.id') },
    path: entry.path,
    result: entry.result,
    ...(graphRequestId === undefined ? {} : { graphRequestId }),
    ...(changeId === undefined ? {} : { changeId }),
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(entry.action === undefined ? {} : { action: entry.action }),
    ...(entry.approval === undefined ? {} : { approval: entry.approval }),
  };
}

function compactTime(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, ''); // 20261123T101010123Z
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function timeOfKey(key: string): number | undefined {
  const match = KEY_TIME.exec(key.slice(key.lastIndexOf('/') + 1));
  if (!match) return undefined;
  const part = (index: number) => Number(match[index]);
  return Date.UTC(part(1), part(2) - 1, part(3), part(4), part(5), part(6), part(7));
}

function toMs(value: Date | number): number {
  return typeof value === 'number' ? value : value.getTime();
}

/** The append-only audit log. */
export class AuditLog {
  private readonly storage: Storage;
  private readonly now: Clock;
  private readonly approval: AuditApprovalNote | undefined;

  constructor(options: AuditLogOptions) {
    this.storage = options.storage;
    this.now = options.now ?? Date.now;
    this.approval = options.approval;
  }

  /**
   * Appends one record. It never replaces an existing record: a (practically impossible) key clash just picks
   * another random suffix.
   * @throws InvalidStorageValueError when a field is missing, unknown, too long, or looks like a token
   */
  async append(entry: AuditEntry): Promise<AuditRecord> {
    const clean = sanitize(
      this.approval !== undefined && entry.approval === undefined
        ? { ...entry, approval: this.approval }
        : entry,
    );
    for (let attempt = 0; attempt < 5; attempt++) {
      const at = new Date(this.now());
      const id = `${PREFIX}${dayOf(at.getTime())}/${compactTime(at)}-${randomBytes(6).toString('hex')}`;
      const record: AuditRecord = { id, at: at.toISOString(), ...clean };
      if (await createJsonIfAbsent(this.storage, id, record)) return record;
    }
    throw new Error('could not find a free audit key');
  }

  /** The records appended from `from` (inclusive) to `to` (exclusive), oldest first. */
  async list(from: Date | number, to: Date | number): Promise<AuditRecord[]> {
    const start = toMs(from);
    const end = toMs(to);
    if (!(end > start)) return [];
    const firstDay = Math.floor(start / DAY_MS);
    const lastDay = Math.floor((end - 1) / DAY_MS);
    const prefixes =
      lastDay - firstDay < MAX_DAY_PREFIXES
        ? Array.from(
            { length: lastDay - firstDay + 1 },
            (_, i) => `${PREFIX}${dayOf((firstDay + i) * DAY_MS)}/`,
          )
        : [PREFIX];
    const keys = (await Promise.all(prefixes.map((prefix) => this.storage.list(prefix))))
      .flat()
      .filter((key) => {
        const time = timeOfKey(key);
        return time !== undefined && time >= start && time < end;
      });
    keys.sort();
    const records = await mapLimited(keys, 16, (key) => getJson<AuditRecord>(this.storage, key));
    return records.filter((record): record is AuditRecord => record !== undefined);
  }
}
