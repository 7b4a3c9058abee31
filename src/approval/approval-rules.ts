/**
 * Who needs approval and who approves (config `APPROVAL`, `APPROVAL_GROUP_ID`, `APPROVERS_GROUP_ID`), read from
 * Graph with the app's own token at every request and every decision. Group membership is the admin check's own
 * reading ({@link AdminCheck}: the user's `transitiveMemberOf`, so nested groups count; a user Graph does not know
 * belongs to nothing; the same short cache, `ADMIN_CACHE_SECONDS`, and nothing cached on a Graph failure), asked
 * with one group as its only rule: no second copy of that logic.
 */
import { AdminCheck, type MembershipReader } from '../admin/admin-check.js';
import type { AppTokenSource } from '../admin/admin-contracts.js';
import type { TrustConfig } from '../config-trust.js';
import { AppError } from '../errors.js';

/** What the approval flow asks about people. */
export interface ApprovalRules {
  /** Whether this person's own photo changes wait for an approver. */
  needsApproval(userId: string): Promise<boolean>;
  /** Whether this person may approve or reject (asked afresh, within the admin check's cache, at every decision). */
  isApprover(userId: string): Promise<boolean>;
}

/** Membership of one group, directly or through nested groups. */
export class GroupMembership {
  readonly #check: AdminCheck;

  constructor(options: {
    readonly directory: MembershipReader;
    readonly appToken: AppTokenSource;
    readonly groupId: string;
    /** The admin check's cache (`config.admin.cacheMs`): never longer. */
    readonly cacheMs: number;
    readonly clock?: () => number;
  }) {
    this.#check = new AdminCheck({
      directory: options.directory,
      appToken: options.appToken,
      rules: {
        roleTemplateIds: [],
        groupId: options.groupId,
        cacheMs: options.cacheMs,
        allowedTenants: null,
      },
      ...(options.clock ? { clock: options.clock } : {}),
    });
  }

  /** @throws GraphError when Graph could not answer */
  async has(userId: string): Promise<boolean> {
    try {
      await this.#check.requireAdmin({ id: userId, tenantId: undefined });
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === 'NotAdmin') return false;
      throw error;
    }
  }
}

/** The rules of `config.trust.approval`, over Graph. */
export function approvalRules(options: {
  readonly approval: TrustConfig['approval'];
  readonly directory: MembershipReader;
  readonly appToken: AppTokenSource;
  readonly cacheMs: number;
  readonly clock?: () => number;
}): ApprovalRules {
  const { approval } = options;
  const group = (groupId: string | undefined) =>
    groupId === undefined ? undefined : new GroupMembership({ ...options, groupId });
  const requesters = group(approval.groupId);
  const approvers = group(approval.approversGroupId);
  return {
    async needsApproval(userId) {
      if (approval.mode === 'off') return false;
      if (approval.mode === 'everyone') return true;
      return (await requesters?.has(userId)) ?? false;
    },
    async isApprover(userId) {
      return (await approvers?.has(userId)) ?? false;
    },
  };
}
