/**
 * Who is an admin: holders of the configured directory roles (by role template id) and members, directly or through
 * nested groups, of the configured Entra group, as Graph says now. Asked with the app's own token on every admin
 * action (card submits included), so a forged or replayed card cannot act for someone who is no longer an admin for
 * longer than the short cache.
 *
 * Order of the rules: the tenant allowlist first (no Graph request for a tenant the app does not serve), then the
 * user's `transitiveMemberOf`. Answers, yes and no, are kept per user for `cacheMs`; a Graph failure is not kept and
 * propagates, so the next action asks again. Concurrent checks of one user share one request.
 */
import { AppError } from '../errors.js';
import { GraphError } from '../graph/graph-errors.js';
import type { Membership } from '../graph/graph-directory-client.js';
import type { AppConfig } from '../config.js';
import type { AdminGate, AdminIdentity, AppTokenSource } from './admin-contracts.js';

/** Reads a user's groups and directory roles (GraphDirectoryClient implements it). */
export interface MembershipReader {
  memberships(userId: string, token: AppTokenSource): Promise<Membership[]>;
}

/** Who counts as an admin: `config.admin`'s rules. */
export type AdminRules = Pick<
  AppConfig['admin'],
  'roleTemplateIds' | 'groupId' | 'cacheMs' | 'allowedTenants'
>;

export interface AdminCheckOptions {
  readonly directory: MembershipReader;
  /** The app's own token (see app-tokens.ts); the caller's token is never used here. */
  readonly appToken: AppTokenSource;
  readonly rules: AdminRules;
  /** Milliseconds since the epoch; `Date.now` by default. */
  readonly clock?: () => number;
}

/** Most users whose answer is kept at once; the oldest answer goes first beyond it. */
const MAX_CACHED_USERS = 10_000;

interface CachedAnswer {
  readonly admin: boolean;
  /** Milliseconds since the epoch. */
  readonly until: number;
}

/** The {@link AdminGate} of the app. */
export class AdminCheck implements AdminGate {
  readonly #directory: MembershipReader;
  readonly #appToken: AppTokenSource;
  readonly #roles: ReadonlySet<string>;
  readonly #groupId: string | undefined;
  readonly #cacheMs: number;
  readonly #tenants: ReadonlySet<string> | null;
  readonly #clock: () => number;
  readonly #answers = new Map<string, CachedAnswer>();
  readonly #asking = new Map<string, Promise<boolean>>();

  constructor(options: AdminCheckOptions) {
    const { rules } = options;
    this.#directory = options.directory;
    this.#appToken = options.appToken;
    // Ids compare without case: Entra writes GUIDs in lower case, people copy them in any case.
    this.#roles = new Set(rules.roleTemplateIds.map((id) => id.toLowerCase()));
    this.#groupId = rules.groupId?.toLowerCase();
    this.#cacheMs = rules.cacheMs;
    this.#tenants = rules.allowedTenants && new Set(rules.allowedTenants.map((id) => id.toLowerCase()));
    this.#clock = options.clock ?? Date.now;
  }

  /**
   * Resolves when `who` is an admin.
   * @throws AppError `TenantNotAllowed` for a tenant outside the allowlist (Graph is not asked), `NotAdmin` for
   *   anyone else who is not an admin
   * @throws GraphError when Graph could not answer (nothing is cached then)
   */
  async requireAdmin(who: AdminIdentity): Promise<void> {
    if (this.#tenants !== null && !this.#tenants.has(who.tenantId?.toLowerCase() ?? '')) {
      throw new AppError('TenantNotAllowed');
    }
    if (!(await this.#isAdmin(who.id))) throw new AppError('NotAdmin');
  }

  async #isAdmin(userId: string): Promise<boolean> {
    const key = userId.toLowerCase();
    const cached = this.#answers.get(key);
    if (cached && cached.until > this.#clock()) return cached.admin;
    let asking = this.#asking.get(key);
    if (!asking) {
      asking = this.#ask(userId).finally(() => this.#asking.delete(key));
      this.#asking.set(key, asking);
    }
    const admin = await asking;
    if (this.#cacheMs > 0) this.#keep(key, admin);
    return admin;
  }

  async #ask(userId: string): Promise<boolean> {
    let memberships: Membership[];
    try {
      memberships = await this.#directory.memberships(userId, this.#appToken);
    } catch (error) {
      // A user the directory does not know (a 404) belongs to nothing: an answer, not a failure.
      if (error instanceof GraphError && error.status === 404) return false;
      throw error;
    }
    return memberships.some((entry) =>
      entry.kind === 'role'
        ? this.#roles.has(entry.roleTemplateId.toLowerCase())
        : this.#groupId !== undefined && entry.id.toLowerCase() === this.#groupId,
    );
  }

  #keep(key: string, admin: boolean): void {
    this.#answers.delete(key);
    if (this.#answers.size >= MAX_CACHED_USERS) {
      const oldest = this.#answers.keys().next();
      if (!oldest.done) this.#answers.delete(oldest.value);
    }
    this.#answers.set(key, { admin, until: this.#clock() + this.#cacheMs });
  }
}
