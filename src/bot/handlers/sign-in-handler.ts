/**
 * Teams single sign-on. The sign-in card is an OAuthCard whose token exchange resource lets Teams hand over the
 * user's token silently (`signin/tokenExchange`); when that fails, the card's button signs in and Teams sends
 * `signin/verifyState` with a magic code. Exchanges are deduplicated in the shared pending store (Teams sends one
 * per signed-in client, possibly to different instances), and a failed exchange is answered 412 so that Teams
 * shows the button. Once signed in, the photo that waited is set.
 */
import { createHash } from 'node:crypto';
import { CardFactory, type InvokeResponse, type TurnContext } from 'botbuilder';
import { errorText, pickLocale, translate } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { PendingStore } from '../../storage/pending-store.js';
import { senderId } from '../sender-tokens.js';
import type { UserTokenService } from '../user-token-service.js';
import type { ResumeOutcome } from './photo-message-handler.js';

/** How long an exchange id is remembered, to ignore the copies of one exchange. */
const EXCHANGE_DEDUP_MS = 10 * 60_000;

export interface SignInDeps {
  readonly userTokens: UserTokenService;
  readonly pending: PendingStore;
  /** Sets the photo that waited for the sign-in, if any, with the token the sign-in produced. */
  readonly resume: (context: TurnContext, ssoToken: string) => Promise<ResumeOutcome>;
  readonly logger: Logger;
}

interface ExchangeValue {
  readonly id?: unknown;
  readonly connectionName?: unknown;
  readonly token?: unknown;
}

export class SignInHandler {
  constructor(private readonly deps: SignInDeps) {}

  /** Sends the sign-in card. */
  async prompt(context: TurnContext): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    const resource = await this.deps.userTokens.signInResource(context);
    const card = CardFactory.oauthCard(
      this.deps.userTokens.connectionName,
      translate(locale, 'signin.title'),
      translate(locale, 'signin.text'),
      resource.signInLink,
      resource.tokenExchangeResource,
    );
    await context.sendActivity({ attachments: [card] });
  }

  /** `signin/tokenExchange`: 200 when exchanged (or a copy of an exchange already handled), 412 otherwise. */
  async onTokenExchange(context: TurnContext): Promise<InvokeResponse> {
    const value = (context.activity.value ?? {}) as ExchangeValue;
    const id = typeof value.id === 'string' ? value.id : '';
    const connectionName = this.deps.userTokens.connectionName;
    const ssoToken = typeof value.token === 'string' ? value.token : '';
    const exchanged = ssoToken ? await this.deps.userTokens.exchange(context, ssoToken) : undefined;
    if (!exchanged) {
      this.deps.logger.info('sso exchange', {
        outcome: 'refused',
        detail: 'Teams will show the sign-in button',
      });
      return {
        status: 412,
        body: { id, connectionName, failureDetail: 'The token could not be exchanged.' },
      };
    }
    // The same exchange arrives once per signed-in client: only the first one goes on. Teams names each exchange;
    // without a name, a digest of the token stands in (never the token itself). The key names the user too: an
    // exchange id is only unique per user, and one user's exchange must never swallow another's.
    const exchangeId = id || createHash('sha256').update(ssoToken).digest('hex');
    const claim = exchangeClaimId(senderId(context), exchangeId);
    if (await this.deps.pending.claim(claim, EXCHANGE_DEDUP_MS)) {
      this.deps.logger.info('sso exchange', { outcome: 'ok' });
      // A resumed change that failed (or a turn that broke on the way) gives the claim back, so Teams' retry of
      // this exchange is processed rather than taken for a copy.
      let outcome: ResumeOutcome = 'failed';
      try {
        outcome = await this.signedIn(context, exchanged);
      } finally {
        if (outcome === 'failed') await this.deps.pending.release(claim);
      }
    }
    return { status: 200 };
  }

  /** `signin/verifyState`: the magic code of the fallback sign-in. */
  async onVerifyState(context: TurnContext): Promise<InvokeResponse> {
    const state = (context.activity.value as { state?: unknown } | undefined)?.state;
    const token =
      typeof state === 'string' ? await this.deps.userTokens.storedToken(context, state) : undefined;
    if (token) {
      await this.signedIn(context, token);
    } else {
      await context.sendActivity(errorText('SignInRequired', pickLocale(context.activity.locale)));
    }
    return { status: 200 };
  }

  private async signedIn(context: TurnContext, ssoToken: string): Promise<ResumeOutcome> {
    await context.sendActivity(translate(pickLocale(context.activity.locale), 'signin.done'));
    return this.deps.resume(context, ssoToken);
  }
}

/**
 * The pending store's claim id of one user's token exchange. JSON keeps the two parts apart unambiguously (`a-b`
 * and `c` never meet `a` and `b-c`); the store encodes the id into a safe key.
 */
export function exchangeClaimId(userId: string, exchangeId: string): string {
  return `exchange:${JSON.stringify([userId, exchangeId])}`;
}
