/**
 * Answers to an `adaptiveCard/action` invoke (Universal Actions): a card that replaces the one whose button was
 * pressed, or a message the client shows instead.
 */
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { AdaptiveCardAttachment } from '../cards/index.js';

/** Replaces the card in place. */
export function cardResponse(card: AdaptiveCardAttachment): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content };
}

/** A message in place of the card's refresh (the card stays as it was). */
export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  // botbuilder types `value` as a record, but a message answer's value is its text (Universal Actions' contract).
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as never };
}
