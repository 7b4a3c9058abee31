/**
 * Short-lived signed links to a bulk job's report: an HMAC-SHA256 over the job id, the admin's id and tenant and
 * the link's expiry, so only the admin the link was made for can open it, and only until it expires. The key is
 * random, kept in the shared storage and created there with create-if-absent, so every instance (and every restart)
 * signs and checks with the same key: a link made by one instance opens on another.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AdminIdentity } from './admin-contracts.js';
import type { Clock, Storage } from '../storage/storage.js';

/** The path of the route that serves a report through a link (src/api/report-route.ts). */
export const REPORT_ROUTE = '/api/admin/report';

/** Where the key lives in the storage. */
export const REPORT_LINK_KEY = 'admin/report-link-key';

/** What a link names; all of it is signed. */
export interface ReportLinkClaims {
  readonly jobId: string;
  readonly adminId: string;
  /** The admin's tenant, so the report route can ask the admin gate again; '' when the activity had none. */
  readonly tenantId: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

/** A link's query as it arrives (each value may be missing or anything). */
export type ReportLinkQuery = Readonly<Record<string, string | undefined>>;

/** What a link's check found: the claims, or why not. */
export type ReportLinkCheck =
  | { readonly ok: true; readonly claims: ReportLinkClaims }
  | { readonly ok: false; readonly reason: 'bad-signature' | 'expired' };

export interface ReportLinksOptions {
  readonly storage: Storage;
  /** How long a link works. */
  readonly lifetimeMs: number;
  readonly now?: Clock;
}

const KEY_BYTES = 32;
/** Ids are short; anything longer is not a link of ours and is refused before any hashing. */
const MAX_VALUE_CHARS = 200;

/** Signs and checks report links. */
export class ReportLinks {
  private readonly now: Clock;
  private key: Promise<Buffer> | undefined;

  constructor(private readonly options: ReportLinksOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The query (`job`, `admin`, `tenant`, `exp`, `sig`) of a new link for `admin` to `jobId`'s report. */
  async sign(jobId: string, admin: AdminIdentity): Promise<URLSearchParams> {
    const claims: ReportLinkClaims = {
      jobId,
      adminId: admin.id,
      tenantId: admin.tenantId ?? '',
      expiresAt: this.now() + this.options.lifetimeMs,
    };
    const signature = await this.signatureOf(claims);
    return new URLSearchParams({
      job: claims.jobId,
      admin: claims.adminId,
      tenant: claims.tenantId,
      exp: String(claims.expiresAt),
      sig: signature.toString('base64url'),
    });
  }

  /**
   * Checks a link's query: the signature first (a forged or edited link is `bad-signature` whatever its expiry
   * says), then the expiry.
   */
  async check(query: ReportLinkQuery): Promise<ReportLinkCheck> {
    const { job, admin, tenant, exp, sig } = query;
    const values = [job, admin, tenant, exp, sig];
    if (
      values.some((v) => typeof v !== 'string' || v.length > MAX_VALUE_CHARS) ||
      !/^\d{1,16}$/.test(exp ?? '')
    )
      return { ok: false, reason: 'bad-signature' };
    const claims: ReportLinkClaims = {
      jobId: job ?? '',
      adminId: admin ?? '',
      tenantId: tenant ?? '',
      expiresAt: Number(exp),
    };
    if (claims.jobId === '' || claims.adminId === '') return { ok: false, reason: 'bad-signature' };
    const expected = await this.signatureOf(claims);
    const given = Buffer.from(sig ?? '', 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'bad-signature' };
    if (this.now() >= claims.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  private async signatureOf(claims: ReportLinkClaims): Promise<Buffer> {
    // Length-prefixed fields: no value can be shifted into its neighbour to forge another job's link.
    const message = [claims.jobId, claims.adminId, claims.tenantId, String(claims.expiresAt)]
      .map((field) => `${field.length}:${field}`)
      .join('|');
    return createHmac('sha256', await this.secret())
      .update(message, 'utf8')
      .digest();
  }

  /** The shared key: created once by whichever instance needs it first, read by all the others. */
  private secret(): Promise<Buffer> {
    this.key ??= (async () => {
      const { storage } = this.options;
      await storage.createIfAbsent(REPORT_LINK_KEY, randomBytes(KEY_BYTES), {
        contentType: 'application/octet-stream',
      });
      const stored = await storage.get(REPORT_LINK_KEY);
      if (stored === undefined || stored.value.length !== KEY_BYTES)
        throw new Error('the report link key in storage is missing or damaged');
      return Buffer.from(stored.value);
    })();
    // A failed read is not kept: the next link tries again.
    this.key.catch(() => {
      this.key = undefined;
    });
    return this.key;
  }
}
