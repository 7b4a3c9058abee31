/**
 * The organisation's photo rules before a change of one's own photo (issue 18): Graph's `photoUpdateSettings`,
 * read with the app's own token where the app has an identity, else with the person's delegated token.
 *
 * - `source: onPremises`: photos are changed in the on-premises directory only, so nothing here can change one:
 *   `PhotosManagedOnPremises`, for everyone (admins acting with the app's identity too, see {@link requireCloud}).
 * - `allowedRoles` not empty: only holders of one of those directory roles (by role template id, read from the
 *   person's `transitiveMemberOf` as the admin check reads it) may change their own photo; anyone else gets
 *   `PhotoChangesTurnedOff`, naming whom to ask (`PHOTO_ADMIN_CONTACT`, else "your IT admin").
 * - Rules or roles that cannot be read (the app may not): nothing is refused here, and Graph decides on the write;
 *   its refusal reads the same to the person (see graph-errors.ts).
 */
import type { TurnContext } from 'botbuilder';
import type { MembershipReader } from '../admin/admin-check.js';
import { AppError, type PolicyErrorCode } from '../errors.js';
import type { AccessTokenSource } from '../graph/graph-transport.js';
import type { PhotoRules } from '../graph/photo-settings-client.js';
import { translate, type Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { PolicyGate } from './trust-gates.js';

/** Reads a tenant's rules (PhotoSettingsClient implements it; it never throws). */
export interface PhotoRulesReader {
  read(tenantId: string, token: AccessTokenSource): Promise<PhotoRules>;
  /** Drops the tenant's kept rules. */
  forget?(tenantId: string): void;
}

/** A refusal by the organisation's photo rules, with whom the person should ask. */
export class PhotoPolicyError extends AppError<PolicyErrorCode> {
  /** `PHOTO_ADMIN_CONTACT`, when set: the text names it instead of "your IT admin". */
  readonly contact: string | undefined;

  constructor(code: PolicyErrorCode, contact: string | undefined, detail?: string) {
    super(code, detail);
    this.contact = contact;
  }
}

/**
 * The `{contact}` of a policy refusal's text in `locale`: the configured contact the error carries, else "your IT
 * admin" (Graph's own refusal of a write carries none). Empty for any other error.
 */
export function policyTextParams(error: unknown, locale: Locale): Record<string, string> {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'PhotoChangesTurnedOff' && code !== 'PhotosManagedOnPremises') return {};
  const contact = error instanceof PhotoPolicyError ? error.contact : undefined;
  return { contact: contact ?? translate(locale, 'policy.yourItAdmin') };
}

/** Whose photo change is checked. */
export interface PolicySubject {
  /** The person's Entra object id. */
  readonly userId: string;
  /** Their tenant: the rules are cached per tenant. */
  readonly tenantId: string;
}

export interface PhotoPolicyOptions {
  readonly rules: PhotoRulesReader;
  readonly directory: MembershipReader;
  /** The app's own token; `null` where the app has no identity (then the person's token is used, when given). */
  readonly appToken: AccessTokenSource | null;
  /** `config.trust.policy.adminContact`. */
  readonly adminContact: string | undefined;
  /** The tenant when an activity names none (local mode: the emulator's). */
  readonly defaultTenantId?: () => Promise<string>;
  readonly logger: Logger;
}

/** The {@link PolicyGate} of the app, also used by the page and (for `onPremises`) by admin changes. */
export class PhotoPolicy implements PolicyGate {
  constructor(private readonly options: PhotoPolicyOptions) {}

  /** @throws PhotoPolicyError when the organisation's rules refuse this sender's change of their own photo */
  async check(context: TurnContext, token?: AccessTokenSource): Promise<void> {
    const { activity } = context;
    await this.checkPerson(
      { userId: activity.from.aadObjectId ?? activity.from.id, tenantId: await this.#tenantOf(context) },
      token,
    );
  }

  /**
   * Graph's own refusal of a write under the rules (they changed since they were read and kept): as this app's
   * refusal, naming the contact, and the tenant's rules are read again next time. Any other error as it is.
   */
  async explain(error: unknown, context: TurnContext): Promise<unknown> {
    return this.explainFor(error, await this.#tenantOf(context));
  }

  /** {@link explain} for a tenant named directly (admins' changes). */
  async explainFor(error: unknown, tenantId: string | undefined): Promise<unknown> {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof PhotoPolicyError) return error;
    if (code !== 'PhotoChangesTurnedOff' && code !== 'PhotosManagedOnPremises') return error;
    this.options.rules.forget?.(tenantId ?? (await this.#defaultTenant()));
    return this.#refusal(code, 'Graph refused the write');
  }

  async #tenantOf(context: TurnContext): Promise<string> {
    const { activity } = context;
    const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
    const tenantId =
      activity.conversation.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : undefined);
    return tenantId ?? (await this.#defaultTenant());
  }

  /**
   * The same check for a person named directly (the page's own-photo change).
   * @throws PhotoPolicyError
   */
  async checkPerson(subject: PolicySubject, token?: AccessTokenSource): Promise<void> {
    const reader = this.options.appToken ?? token;
    // No identity to read with yet (before sign-in, where the app has none): the check after sign-in reads them.
    if (!reader) return;
    const rules = await this.options.rules.read(subject.tenantId, reader);
    if (!rules.known) return;
    if (rules.source === 'onPremises') throw this.#refusal('PhotosManagedOnPremises');
    if (rules.allowedRoles.length === 0) return;
    const allowed = new Set(rules.allowedRoles.map((id) => id.toLowerCase()));
    let held: boolean;
    try {
      const memberships = await this.options.directory.memberships(subject.userId, reader);
      held = memberships.some(
        (entry) => entry.kind === 'role' && allowed.has(entry.roleTemplateId.toLowerCase()),
      );
    } catch (error) {
      // Roles that cannot be read are no refusal: Graph applies the same rule to the write itself.
      this.options.logger.warn('photo rules: roles not readable; Graph decides on this change', {
        outcome: 'unknown',
        code: error instanceof AppError ? error.code : 'unknown',
      });
      return;
    }
    if (!held) throw this.#refusal('PhotoChangesTurnedOff', 'no allowed role');
  }

  /**
   * For admins changing someone's photo with the app's identity: `allowedRoles` is not theirs to meet (they act for
   * the organisation), but with photos managed on-premises nothing here can change one.
   * @throws PhotoPolicyError `PhotosManagedOnPremises`
   */
  async requireCloud(tenantId: string | undefined): Promise<void> {
    const { appToken } = this.options;
    if (!appToken) return;
    const rules = await this.options.rules.read(tenantId ?? (await this.#defaultTenant()), appToken);
    if (rules.known && rules.source === 'onPremises') throw this.#refusal('PhotosManagedOnPremises');
  }

  #refusal(code: PolicyErrorCode, detail?: string): PhotoPolicyError {
    return new PhotoPolicyError(code, this.options.adminContact, detail);
  }

  async #defaultTenant(): Promise<string> {
    return (await this.options.defaultTenantId?.()) ?? 'default';
  }
}
