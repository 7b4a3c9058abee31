/**
 * `my data` and `forget me` in the personal chat (issue 18), and **Delete my data** on the confirmation card.
 *
 * The confirmation carries a random token that waits in the pending store under the sender's id for a few minutes:
 * a card's data can be forged, but only the person who asked holds a live token for their own data, and it works
 * once. An old card pressed later, or someone else's, deletes nothing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { errorText, pickLocale, translate } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import { personPendingId } from '../../privacy/pending-keys.js';
import type { PersonDataService } from '../../privacy/person-data-service.js';
import type { AuditLog } from '../../storage/audit-log.js';
import type { PendingStore } from '../../storage/pending-store.js';
import type { PrivacyRoutes } from '../../trust/trust-routes.js';
import { forgetConfirmCard, forgottenCard, isConfirmForgetData, myDataCard } from '../cards/privacy-cards.js';
import { senderId } from '../sender-tokens.js';
import { failureText } from '../turn-errors.js';
import { cardResponse, messageResponse } from './invoke-responses.js';
import { formatWhen, timeZoneOf } from './photo-previews.js';

/** How long **Delete my data** works, in minutes. */
export const FORGET_CONFIRM_MINUTES = 10;

export interface PrivacyHandlerDeps {
  readonly data: PersonDataService;
  readonly pending: PendingStore;
  readonly audit: AuditLog;
  /** config.trust.retention.backupMs, for the card's "deleted after N days". */
  readonly retentionMs: number;
  readonly logger: Logger;
}

interface WaitingConfirmation {
  readonly token: string;
}

export class PrivacyHandler implements PrivacyRoutes {
  constructor(private readonly deps: PrivacyHandlerDeps) {}

  async onMyData(context: TurnContext): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    try {
      const data = await this.deps.data.collect(senderId(context));
      const when = (iso: string) => formatWhen(iso, locale, timeZoneOf(context));
      const retentionDays = Math.round(this.deps.retentionMs / 86_400_000);
      await context.sendActivity({ attachments: [myDataCard({ locale, data, when, retentionDays })] });
    } catch (error) {
      await context.sendActivity(failureText(error, locale, this.deps.logger, 'my data'));
    }
  }

  async onForgetMe(context: TurnContext): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    try {
      const person = senderId(context);
      const data = await this.deps.data.collect(person);
      // The person's own confirmation token is a waiting item too: it is not "their data" to list here.
      const waiting = data.pending.items.filter((item) => item.kind !== 'forget').length;
      if (data.backups.count === 0 && waiting === 0 && data.requests.count === 0) {
        await context.sendActivity(translate(locale, 'privacy.forget.nothing'));
        return;
      }
      const token = randomBytes(24).toString('base64url');
      const confirmation: WaitingConfirmation = { token };
      await this.deps.pending.putJson(
        personPendingId('forget', person),
        confirmation,
        FORGET_CONFIRM_MINUTES * 60_000,
      );
      const when = (iso: string) => formatWhen(iso, locale, timeZoneOf(context));
      const shown = {
        ...data,
        pending: { ...data.pending, items: [], count: waiting },
      };
      await context.sendActivity({
        attachments: [
          forgetConfirmCard({ locale, data: shown, when, token, minutes: FORGET_CONFIRM_MINUTES }),
        ],
      });
    } catch (error) {
      await context.sendActivity(failureText(error, locale, this.deps.logger, 'forget me'));
    }
  }

  async onConfirmForget(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    try {
      const person = senderId(context);
      const id = personPendingId('forget', person);
      const waiting = await this.deps.pending.getJson<WaitingConfirmation>(id);
      // Taken only when it matches, so a forged press does not spend the person's real confirmation.
      if (!isConfirmForgetData(data) || waiting === undefined || !sameToken(waiting.token, data.token)) {
        return messageResponse(errorText('ForgetConfirmationExpired', locale));
      }
      // Once: of two presses at the same moment, one deletes and the other is told it was used.
      if ((await this.deps.pending.take(id)) === undefined)
        return messageResponse(errorText('ForgetConfirmationExpired', locale));
      const forgotten = await this.deps.data.forget(person);
      await this.deps.audit.append({
        actor: person,
        target: { kind: 'user', id: person },
        path: 'chat',
        result: 'success',
        action: 'forgotten',
      });
      this.deps.logger.info('person data deleted', { ...forgotten });
      return cardResponse(forgottenCard(locale, forgotten));
    } catch (error) {
      return messageResponse(failureText(error, locale, this.deps.logger, 'forget me'));
    }
  }
}

function sameToken(expected: unknown, given: string): boolean {
  if (typeof expected !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
