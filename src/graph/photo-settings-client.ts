/**
 * The organisation's photo rules: Graph's beta `GET /admin/people/photoUpdateSettings`, `source` (`cloud` |
 * `onPremises`) and `allowedRoles` (directory role template ids; empty: everyone may change their own photo).
 *
 * Always asked on `beta` (the resource has no v1.0 yet), whatever version the photo client uses. It needs
 * `PeopleSettings.Read.All` (application or delegated); a 401 or 403 means this app may not read them, which is not a
 * refusal of the change: the answer is then `unknown` and Graph itself decides on the photo write. Any other failure
 * is `unknown` too, but only a 401/403 is kept, since it will not change until an admin grants the permission.
 *
 * Answers are kept per tenant for `cacheMs`; concurrent reads of one tenant share one request.
 */
import type { Logger } from '../logger.js';
import { GraphError } from './graph-errors.js';
import { GraphTransport, type AccessTokenSource, type GraphTransportOptions } from './graph-transport.js';

/** What the app knows of a tenant's photo rules. */
export type PhotoRules =
  | {
      readonly known: true;
      /** `cloud`, `onPremises` or a value Graph added later (treated as `cloud`: Graph still decides). */
      readonly source: string;
      readonly allowedRoles: readonly string[];
    }
  | { readonly known: false };

export interface PhotoSettingsClientOptions extends Omit<GraphTransportOptions, 'version'> {
  /** How long an answer is kept per tenant; 0 keeps none. */
  readonly cacheMs: number;
  readonly logger: Logger;
  /** Milliseconds since the epoch; `Date.now` by default. */
  readonly clock?: () => number;
}

const UNKNOWN: PhotoRules = { known: false };

/** Most tenants whose answer is kept at once (a multi-tenant app); the oldest goes first beyond it. */
const MAX_TENANTS = 1000;

export class PhotoSettingsClient {
  readonly #transport: GraphTransport;
  readonly #cacheMs: number;
  readonly #logger: Logger;
  readonly #clock: () => number;
  readonly #kept = new Map<string, { rules: PhotoRules; until: number }>();
  readonly #asking = new Map<string, Promise<{ rules: PhotoRules; keep: boolean }>>();

  constructor(options: PhotoSettingsClientOptions) {
    const { cacheMs, logger, clock, ...transport } = options;
    this.#transport = new GraphTransport({ ...transport, version: 'beta' });
    this.#cacheMs = cacheMs;
    this.#logger = logger;
    this.#clock = clock ?? Date.now;
  }

  /**
   * The tenant's rules, from the cache or Graph. Never throws: what cannot be read is `unknown`.
   * @param tenantId the cache's key (the token must be for this tenant)
   */
  async read(tenantId: string, token: AccessTokenSource): Promise<PhotoRules> {
    const key = tenantId.toLowerCase();
    const kept = this.#kept.get(key);
    if (kept && kept.until > this.#clock()) return kept.rules;
    let asking = this.#asking.get(key);
    if (!asking) {
      asking = this.#ask(token).finally(() => this.#asking.delete(key));
      this.#asking.set(key, asking);
    }
    const { rules, keep } = await asking;
    if (keep && this.#cacheMs > 0) this.#keep(key, rules);
    return rules;
  }

  /** Drops what is kept for a tenant: its rules are read again next time (Graph refused by newer ones). */
  forget(tenantId: string): void {
    this.#kept.delete(tenantId.toLowerCase());
  }

  async #ask(token: AccessTokenSource): Promise<{ rules: PhotoRules; keep: boolean }> {
    try {
      const answer = await this.#transport.require('/admin/people/photoUpdateSettings', token, {
        method: 'GET',
      });
      const body = (await answer.response.json()) as { source?: unknown; allowedRoles?: unknown } | null;
      const source = typeof body?.source === 'string' ? body.source : 'cloud';
      // Graph's own example answers `allowedRoles: {}` for "none"; anything but a list of ids is none.
      const allowedRoles = Array.isArray(body?.allowedRoles)
        ? body.allowedRoles.filter((id): id is string => typeof id === 'string' && id.trim() !== '')
        : [];
      return { rules: { known: true, source, allowedRoles }, keep: true };
    } catch (error) {
      const status = error instanceof GraphError ? error.status : undefined;
      const may = status === 401 || status === 403;
      // Only the code and status: never the token or Graph's message.
      this.#logger.warn(
        may
          ? 'photo rules not readable (PeopleSettings.Read.All not granted?); Graph decides on each change'
          : 'photo rules could not be read; Graph decides on this change',
        {
          outcome: 'unknown',
          code:
            error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'unknown',
          status,
          graphRequestId: error instanceof GraphError ? error.requestId : undefined,
        },
      );
      return { rules: UNKNOWN, keep: may };
    }
  }

  #keep(key: string, rules: PhotoRules): void {
    this.#kept.delete(key);
    if (this.#kept.size >= MAX_TENANTS) {
      const oldest = this.#kept.keys().next();
      if (!oldest.done) this.#kept.delete(oldest.value);
    }
    this.#kept.set(key, { rules, until: this.#clock() + this.#cacheMs });
  }
}
