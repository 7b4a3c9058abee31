/**
 * The Adaptive Card verbs of issue 18's cards (`Action.Execute`), routed in teams-photo-bot.ts. One place, so the
 * cards and the routing cannot disagree.
 */
/** **Use anyway** on a quality warning: set the kept photo despite its findings. */
export const USE_ANYWAY_VERB = 'photo.useAnyway';
/** An approver's **Approve** on a request card. */
export const APPROVE_REQUEST_VERB = 'approval.approve';
/** An approver's **Reject** (with a reason) on a request card. */
export const REJECT_REQUEST_VERB = 'approval.reject';
/** A requester's **Withdraw** on their waiting card. */
export const WITHDRAW_REQUEST_VERB = 'approval.withdraw';
/** **Delete my data** on the `forget me` confirmation card. */
export const CONFIRM_FORGET_VERB = 'privacy.forget';
