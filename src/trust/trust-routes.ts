/**
 * What the bot's routing (teams-photo-bot.ts) calls for issue 18's card actions and commands. Each feature's
 * handler implements its part in its own file.
 */
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';

/** **Use anyway** on a quality warning. */
export interface QualityReviewRoutes {
  onUseAnyway(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse>;
}

/** An approver's decision, or a requester withdrawing their request. */
export interface ApprovalRoutes {
  onApprove(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse>;
  onReject(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse>;
  onWithdraw(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse>;
}

/** `my data`, `forget me` and its confirmation. */
export interface PrivacyRoutes {
  onMyData(context: TurnContext): Promise<void>;
  onForgetMe(context: TurnContext): Promise<void>;
  onConfirmForget(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse>;
}
