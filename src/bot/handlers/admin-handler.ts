/**
 * Admins set other people's photos from chat (issue 17): the `admin` command card, its people picker's typeahead,
 * **Send the photo now** (the admin's next image goes to the person picked), and an image with `set <upn or mail>`.
 * Every one of them asks the admin gate on the server first, card buttons included; a refusal is audited and
 * nothing is downloaded or changed. Changes go through the change service (backup, audit, Undo) with the app's own
 * token: Graph lets only the app's identity change another user's photo, never an admin's delegated token.
 *
 * Bulk imports from a zip are in ../admin/bulk-import.ts.
 */
import type { AdaptiveCardInvokeResponse, InvokeResponse, TurnContext } from 'botbuilder';
import type { AdminIdentity, DirectoryPerson, PeopleDirectory } from '../../admin/admin-contracts.js';
import type { PhotoChangeService } from '../../changes/photo-change-service.js';
import { AppError } from '../../errors.js';
import type { AccessTokenSource } from '../../graph/graph-photo-client.js';
import { errorText, pickLocale, type Locale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { PendingStore } from '../../storage/pending-store.js';
import { encodeKeySegment } from '../../storage/storage.js';
import type { AdminGuard } from '../admin/admin-guard.js';
import {
  adminCard,
  adminUpdatedCard,
  adminWaitingCard,
  PEOPLE_DATASET,
  pickedPerson,
} from '../cards/admin-cards.js';
import { jpegDataUri, type AdaptiveCardAttachment } from '../cards/index.js';
import { searchRequestOf } from '../extension/invoke-values.js';
import { searchResponse } from '../extension/extension-responses.js';
import { codeOf, failureText } from '../turn-errors.js';
import type { IncomingImages, PhotoPreparer } from './incoming-image.js';
import { cardResponse, messageResponse } from './invoke-responses.js';
import { PREVIEW_SIDE, previewDataUriOf } from './photo-previews.js';

/** The refusals that are the state of things or a plain "no": said without a support reference. */
const PLAIN_REFUSALS: ReadonlySet<string> = new Set([
  'NotAdmin',
  'TenantNotAllowed',
  'PersonNotFound',
  'AdminChoiceExpired',
  'AppIdentityMissing',
]);

export interface AdminHandlerDeps {
  readonly guard: AdminGuard;
  readonly people: PeopleDirectory;
  /** The app's own Graph token; `null` when the app has no identity configured (then every change is refused). */
  readonly appToken: AccessTokenSource | null;
  readonly images: Pick<IncomingImages, 'receive'>;
  readonly preparer: PhotoPreparer;
  readonly changes: Pick<PhotoChangeService, 'change'>;
  /** Where **Send the photo now** waits for the admin's next image, and for how long. */
  readonly pending: PendingStore;
  readonly pendingMs: number;
  readonly logger: Logger;
  /**
   * The organisation's rules for changes with the app's identity: throws `PhotosManagedOnPremises` where photos are
   * mastered on-premises (src/trust/photo-policy.ts `requireCloud`); absent, Graph alone decides.
   */
  readonly cloudCheck?: (admin: AdminIdentity) => Promise<void>;
}

/** Who the admin's next image is for (as stored while it waits). */
interface WaitingFor {
  readonly id: string;
  readonly name: string;
}

export class AdminHandler {
  constructor(private readonly deps: AdminHandlerDeps) {}

  /** The text command `admin`: the card for an admin, a refusal (audited) for anyone else. */
  async onCommand(context: TurnContext): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    try {
      const admin = await this.deps.guard.require(context);
      const example = (await this.personOrNull(admin.id))?.userPrincipalName ?? 'name@contoso.com';
      await context.sendActivity({ attachments: [adminCard(locale, example)] });
    } catch (error) {
      await context.sendActivity(this.refusalText(error, locale));
    }
  }

  /**
   * The people picker's typeahead (`application/search` on our dataset, for clients without Teams' own): people
   * whose name, user principal name or mail starts with what was typed. Admins only.
   */
  async onSearch(context: TurnContext): Promise<InvokeResponse> {
    const request = searchRequestOf(context.activity.value);
    if (!request) return searchError(400, 'BadRequest', 'not a search request');
    try {
      await this.deps.guard.require(context);
      const found = await this.deps.people.searchPeople(
        request.queryText,
        request.skip + request.top,
        this.appToken(),
      );
      return searchResponse(
        found.slice(request.skip).map((person) => ({ title: labelOf(person), value: person.id })),
      );
    } catch (error) {
      const code = codeOf(error);
      if (code === 'NotAdmin' || code === 'TenantNotAllowed') return searchError(403, code, 'admins only');
      this.deps.logger.warn('people typeahead failed', { code: code ?? 'unexpected' });
      return searchError(500, 'InternalError', 'the search failed');
    }
  }

  /**
   * True for an `application/search` on our people dataset. Teams' own (`graph.microsoft.com/users`) is searched by
   * the client itself and never reaches the bot; a request naming it is left to the default answer (unknown dataset).
   */
  static isPeopleSearch(context: TurnContext): boolean {
    return (context.activity.value as { dataset?: unknown } | undefined)?.dataset === PEOPLE_DATASET;
  }

  /** **Send the photo now**: checks the admin and the person picked, then waits for the admin's next image. */
  async onSendNow(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    const picked = pickedPerson(data);
    try {
      const admin = await this.deps.guard.require(context, picked);
      if (picked === undefined) throw new AppError('PersonNotFound', 'no person picked');
      return cardResponse(await this.waitFor(admin, picked, locale));
    } catch (error) {
      return messageResponse(this.refusalText(error, locale));
    }
  }

  /**
   * `set <upn or mail>`: with an image, sets that person's photo now; without one, waits for the admin's next image
   * as **Send the photo now** does. A non-admin is refused before anything is downloaded.
   */
  async onSet(context: TurnContext, name: string, hasImage: boolean): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    try {
      const admin = await this.deps.guard.require(context);
      if (name === '') throw new AppError('PersonNotFound', 'no name after the command');
      if (!hasImage) {
        await context.sendActivity({ attachments: [await this.waitFor(admin, name, locale)] });
        return;
      }
      const person = await this.requirePerson(name);
      const card = await this.setPhoto(context, admin, person, locale);
      if (card) await context.sendActivity({ attachments: [card] });
    } catch (error) {
      await context.sendActivity(this.refusalText(error, locale));
    }
  }

  /** True when the sender picked a person with **Send the photo now** and their next image is awaited. */
  async waiting(context: TurnContext): Promise<boolean> {
    const id = context.activity.from.aadObjectId;
    return id !== undefined && (await this.deps.pending.get(waitingKey(id))) !== undefined;
  }

  /**
   * The image **Send the photo now** waited for: taken once (a second image is the admin's own again), the admin
   * checked again, then set as the person's photo.
   */
  async onWaitingImage(context: TurnContext): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    try {
      const stored = await this.deps.pending.takeJson<Partial<WaitingFor>>(
        waitingKey(context.activity.from.aadObjectId ?? ''),
      );
      if (typeof stored?.id !== 'string') throw new AppError('AdminChoiceExpired', 'nothing waits');
      const admin = await this.deps.guard.require(context, stored.id);
      const person = await this.requirePerson(stored.id);
      const card = await this.setPhoto(context, admin, person, locale);
      if (card) await context.sendActivity({ attachments: [card] });
    } catch (error) {
      await context.sendActivity(this.refusalText(error, locale));
    }
  }

  /**
   * The token an Undo (or a redo) of an admin's change needs: the app's own, once the gate says the sender is
   * still an admin. An Undo button outlives its admin's role, so the check is made again each time.
   */
  async undoToken(context: TurnContext, targetId: string): Promise<AccessTokenSource> {
    await this.deps.guard.require(context, targetId);
    return this.appToken();
  }

  /** Looks the person up and keeps them as the one the admin's next image is for. */
  private async waitFor(
    admin: AdminIdentity,
    idOrName: string,
    locale: Locale,
  ): Promise<AdaptiveCardAttachment> {
    const person = await this.requirePerson(idOrName);
    const waiting: WaitingFor = { id: person.id, name: person.displayName };
    await this.deps.pending.putJson(waitingKey(admin.id), waiting, this.deps.pendingMs);
    return adminWaitingCard(locale, person.displayName, this.deps.pendingMs);
  }

  /** Prepares the message's image and sets it as the person's photo; `undefined` when the image was refused. */
  private async setPhoto(
    context: TurnContext,
    admin: AdminIdentity,
    person: DirectoryPerson,
    locale: Locale,
  ): Promise<AdaptiveCardAttachment | undefined> {
    const token = this.appToken();
    await this.deps.cloudCheck?.(admin);
    const received = await this.deps.images.receive(context);
    if (!received) return undefined;
    const jpeg = received.photo.jpeg;
    const preview = await this.deps.preparer.run(jpeg, { size: PREVIEW_SIDE, crop: 'center' });
    // By object id, so Undo sees every change of this photo in order whichever name the admin typed.
    const result = await this.deps.changes.change({ kind: 'user', user: person.id }, jpeg, token, {
      id: admin.id,
      path: 'admin',
    });
    this.deps.logger.info('photo changed', {
      correlationId: result.changeId,
      outcome: 'ok',
      graphRequestId: result.graphRequestId,
      path: 'admin',
      target: 'user',
    });
    return adminUpdatedCard({
      locale,
      name: person.displayName,
      previewDataUri: jpegDataUri(preview.jpeg),
      beforeDataUri: await previewDataUriOf(this.deps.preparer, result.replaced, this.deps.logger),
      changeId: result.changeId,
    });
  }

  private async requirePerson(idOrName: string): Promise<DirectoryPerson> {
    const person = await this.deps.people.person(idOrName, this.appToken());
    if (person === null) throw new AppError('PersonNotFound', 'no such person in the directory');
    return person;
  }

  /** The person, or `null` when the look-up fails (only the card's example depends on it). */
  private async personOrNull(id: string): Promise<DirectoryPerson | null> {
    try {
      return await this.deps.people.person(id, this.appToken());
    } catch {
      return null;
    }
  }

  private appToken(): AccessTokenSource {
    if (this.deps.appToken === null) throw new AppError('AppIdentityMissing', 'no app credential configured');
    return this.deps.appToken;
  }

  private refusalText(error: unknown, locale: Locale): string {
    const code = codeOf(error);
    if (code !== undefined && PLAIN_REFUSALS.has(code)) return errorText(code, locale);
    return failureText(error, locale, this.deps.logger, 'admin photo change');
  }
}

/** The pending store's key of the person an admin's next image is for. */
function waitingKey(adminId: string): string {
  return `admin-send-${encodeKeySegment(adminId)}`;
}

/** "Adele Vance (adelev@contoso.com)": a name alone can be ambiguous in a big directory. */
function labelOf(person: DirectoryPerson): string {
  return `${person.displayName} (${person.userPrincipalName})`;
}

/** A refused typeahead, in `application/search`'s error shape. */
function searchError(status: 400 | 403 | 500, code: string, message: string): InvokeResponse {
  return {
    status,
    body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } },
  };
}
