/**
 * What the page's API does for a validated caller, with the same services the bot uses: the photo pool, the
 * change service (backup, audit with the path `tab`, Undo), the group and contact look-ups, and Graph tokens on
 * behalf of the caller. No HTTP here: photo-api.ts turns requests into these calls and their results into answers.
 *
 * Whose photo is checked on the server at every action, whatever the page sent: a group must be one the caller
 * owns now (a refusal is written to the audit log and changes nothing), a contact one of the caller's own, in the
 * folder named. For a change the check comes before the upload is read, so a refused upload is never prepared.
 */
import { DELEGATED_SCOPES, scopesForTarget } from '../auth/obo-token-provider.js';
import { previewDataUriOf } from '../bot/handlers/photo-previews.js';
import { codeOf } from '../bot/turn-errors.js';
import type { Actor, PhotoChangeService } from '../changes/photo-change-service.js';
import { requireGroupOwner } from '../changes/owner-check.js';
import { AppError } from '../errors.js';
import type {
  AccessTokenSource,
  ContactEntry,
  GraphDirectoryClient,
} from '../graph/graph-directory-client.js';
import type { GraphPhotoClient } from '../graph/graph-photo-client.js';
import type { PhotoTarget } from '../graph/photo-target.js';
import type { Logger } from '../logger.js';
import {
  MIN_OUTPUT_SIZE,
  type CropBox,
  type PrepareOptions,
  type PreparedPhoto,
} from '../photo/photo-pipeline.js';
import type { Box } from '../photo/orientation.js';
import type { RunHandoff } from '../photo/worker-pool.js';
import type { GroupTargets } from '../targets/group-targets.js';
import { judgeQuality, judgedFaces, qualityRefusal, type QualitySettings } from '../trust/quality-check.js';
import type { TargetName } from './photo-request.js';
import type { TabGraphTokens } from './tab-graph-tokens.js';
import type { TabUser } from './tab-token-validator.js';
import type { PhotoPolicy } from '../trust/photo-policy.js';

/** The photo pool as the API uses it (also for previews). */
export interface TabPreparer {
  run(input: Uint8Array, options?: PrepareOptions, handoff?: RunHandoff): Promise<PreparedPhoto>;
}

export interface TabPhotoActionsDeps {
  readonly tokens: TabGraphTokens;
  readonly preparer: TabPreparer;
  readonly changes: Pick<PhotoChangeService, 'change' | 'undo' | 'targetOf' | 'recordRefusal'>;
  readonly photos: Pick<GraphPhotoClient, 'getPhoto'>;
  readonly groups: Pick<GroupTargets, 'owned' | 'requireOwned'>;
  readonly directory: Pick<GraphDirectoryClient, 'contacts'>;
  /** `PHOTO_MAX_INPUT_BYTES`. */
  readonly maxInputBytes: number;
  readonly logger: Logger;
  /** The organisation's photo rules, checked before a change of one's own photo (issue 18). */
  readonly policy?: Pick<PhotoPolicy, 'checkPerson'>;
  /** The quality checks of one's own photo (issue 18); absent, none. */
  readonly quality?: QualitySettings;
  /** Whether this person's own changes wait for an approver (issue 18); absent, approval is off. */
  readonly approvalNeeded?: (userId: string) => Promise<boolean>;
}

/** A crop as the page reads it: a square in upright source pixels, and how it was chosen. */
export interface CropAnswer {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly method: CropBox['method'];
}

export interface TargetsAnswer {
  readonly groups: readonly { id: string; displayName: string; mail?: string }[];
  readonly contacts: readonly { id: string; displayName: string; folderId?: string; folderName?: string }[];
}

export interface SuggestAnswer {
  readonly width: number;
  readonly height: number;
  readonly crop: CropAnswer;
}

export interface ChangeAnswer {
  readonly changeId: string;
  readonly crop: CropAnswer;
  /** The result at 160 px as `data:image/jpeg;base64,...`; `null` in the rare case it could not be made. */
  readonly previewDataUri: string | null;
  /** True only when the photo read back from Microsoft 365 was the new one (issue 18). */
  readonly confirmed: boolean;
}

export class TabPhotoActions {
  constructor(private readonly deps: TabPhotoActionsDeps) {}

  /** The caller as the token names them. */
  me(user: TabUser): { id: string; displayName: string } {
    return { id: user.id, displayName: user.displayName ?? '' };
  }

  /**
   * The groups the caller owns and their contacts in every folder. A mailbox Graph cannot reach (no Exchange
   * Online) has no contacts rather than failing the groups too.
   * @throws AuthError, GraphError
   */
  async targets(user: TabUser): Promise<TargetsAnswer> {
    const [groupToken, contactToken] = await Promise.all([
      this.deps.tokens.forUser(user, DELEGATED_SCOPES.groupPhoto),
      this.deps.tokens.forUser(user, DELEGATED_SCOPES.contactPhoto),
    ]);
    const [groups, contacts] = await Promise.all([
      this.deps.groups.owned(groupToken),
      this.deps.directory.contacts(contactToken).catch((error: unknown) => {
        if (codeOf(error) === 'GraphMailboxUnsupported') return [];
        throw error;
      }),
    ]);
    return {
      groups: groups.map(({ id, displayName, mail }) => ({ id, displayName, ...(mail ? { mail } : {}) })),
      contacts: contacts.map(({ id, displayName, folderId, folderName }) => ({
        id,
        displayName,
        ...(folderId === undefined ? {} : { folderId }),
        ...(folderName === undefined ? {} : { folderName }),
      })),
    };
  }

  /**
   * The target's current photo, `null` when it has none. Reading needs no owner check (Graph's own read rules
   * hold); a contact must still be one of the caller's.
   * @throws AppError `ContactNotFound`; AuthError, GraphError
   */
  async current(user: TabUser, name: TargetName): Promise<Uint8Array | null> {
    const { target, token } = await this.resolve(user, name);
    return this.deps.photos.getPhoto(target, token);
  }

  /**
   * The upright size of a picture and the square the pipeline would keep of it, made at the smallest size (the
   * choice is the same at any size, and the small result costs least).
   * @throws PhotoError with the pipeline's codes
   */
  async suggest(image: Uint8Array): Promise<SuggestAnswer> {
    const prepared = await this.deps.preparer.run(
      image,
      { size: MIN_OUTPUT_SIZE, maxInputBytes: this.deps.maxInputBytes },
      { transferInput: true },
    );
    return { ...prepared.source, crop: cropAnswer(prepared.crop) };
  }

  /**
   * Sets the target's photo from an upload: the target is checked first, then the upload is read (`readImage`),
   * prepared with the box the person chose (or the pipeline's own choice) and set through the change service.
   * One's own photo is checked for quality first (as in chat): mode `block` refuses a photo with findings, mode
   * `warn` refuses it unless `useAnyway`; nothing changes then.
   * @throws AppError `NotGroupOwner` (audited), `ContactNotFound`, `ApprovalInChat`; QualityRefusal (`PhotoQualityBlocked`,
   *   `PhotoQualityWarning`, with the findings); PhotoError; AuthError, GraphError
   */
  async setPhoto(
    user: TabUser,
    name: TargetName,
    crop: Box | undefined,
    readImage: () => Promise<Uint8Array>,
    correlationId: string,
    useAnyway = false,
  ): Promise<ChangeAnswer> {
    const actor = this.actor(user, correlationId);
    const { target, token } = await this.resolve(user, name, actor);
    // The upload is read first, as it streams in: a body left unread while Graph is asked would pile up, and the
    // refusal's answer could then be lost to a reset connection (test/api/upload-cap.test.ts).
    const image = await readImage();
    // The organisation's rules, before anything is prepared: a refused person's image is never decoded.
    if (target.kind === 'me') {
      await this.deps.policy?.checkPerson({ userId: user.id, tenantId: user.tenantId }, token);
      // A change that waits for an approver is a request made in chat, where the cards of its decision live.
      if (await this.deps.approvalNeeded?.(user.id)) throw new AppError('ApprovalInChat');
    }
    const prepared = await this.deps.preparer.run(
      image,
      { maxInputBytes: this.deps.maxInputBytes, crop: crop ?? 'auto' },
      { transferInput: true },
    );
    if (name.kind === 'me') this.checkQuality(prepared, useAnyway);
    const result = await this.deps.changes.change(target, prepared.jpeg, token, actor);
    this.deps.logger.info('photo changed', {
      correlationId: result.changeId,
      outcome: 'ok',
      graphRequestId: result.graphRequestId,
      path: 'tab',
    });
    const preview = await previewDataUriOf(this.deps.preparer, prepared.jpeg, this.deps.logger);
    return {
      changeId: result.changeId,
      crop: cropAnswer(prepared.crop),
      previewDataUri: preview ?? null,
      confirmed: result.confirmed,
    };
  }

  /**
   * Undoes one of the caller's changes, with the permission its photo needs; a group's owner is checked again (the
   * page's Undo may come long after its owner stopped being one).
   * @throws AppError `UndoNotFound`, `UndoAlreadyUndone`, `UndoSuperseded`, `PhotoChangeInProgress`,
   *   `NotGroupOwner`; AuthError, GraphError
   */
  async undo(
    user: TabUser,
    changeId: string,
    correlationId: string,
  ): Promise<{ outcome: 'restored' | 'removed' }> {
    const actor = this.actor(user, correlationId);
    const target = await this.deps.changes.targetOf(changeId, actor);
    // Another user's photo is the admins' (app-only) business, never undone from the page.
    if (target.kind === 'user') throw new AppError('UndoNotFound', 'not a change the page can undo');
    const token = await this.deps.tokens.forUser(user, scopesForTarget(target));
    if (target.kind === 'group') await this.requireOwner(target, token, actor);
    const result = await this.deps.changes.undo(changeId, token, actor);
    this.deps.logger.info('undo done', { correlationId: result.changeId, outcome: 'ok', path: 'tab' });
    return { outcome: result.outcome };
  }

  /** @throws QualityRefusal when the organisation's quality mode stops this photo */
  private checkQuality(prepared: PreparedPhoto, useAnyway: boolean): void {
    const settings = this.deps.quality;
    if (!settings) return;
    const faces = judgedFaces(prepared, settings);
    const findings = judgeQuality({ measures: prepared.measures, crop: prepared.crop, faces }, settings);
    const refusal = qualityRefusal(findings, settings.quality.mode, useAnyway);
    if (refusal) throw refusal;
  }

  private actor(user: TabUser, correlationId: string): Actor {
    return { id: user.id, path: 'tab', correlationId };
  }

  /**
   * The Graph target a page's name stands for, and a token with its permission. Given the `actor` of a change, a
   * group is checked to be theirs (reads need no owner).
   */
  private async resolve(
    user: TabUser,
    name: TargetName,
    actor?: Actor,
  ): Promise<{ target: PhotoTarget; token: AccessTokenSource }> {
    if (name.kind === 'me') {
      const target: PhotoTarget = { kind: 'me' };
      return { target, token: await this.deps.tokens.forUser(user, scopesForTarget(target)) };
    }
    if (name.kind === 'group') {
      const target: PhotoTarget = { kind: 'group', groupId: name.groupId };
      const token = await this.deps.tokens.forUser(user, scopesForTarget(target));
      if (actor) await this.requireOwner(target, token, actor);
      return { target, token };
    }
    const token = await this.deps.tokens.forUser(user, DELEGATED_SCOPES.contactPhoto);
    const contact = findContact(await this.deps.directory.contacts(token), name.ref);
    const target: PhotoTarget = {
      kind: 'contact',
      owner: { kind: 'me' },
      contactId: contact.id,
      ...(contact.folderId === undefined ? {} : { folderId: contact.folderId }),
    };
    return { target, token };
  }

  /** The owner check, a refusal written to the audit log before it is answered. */
  private async requireOwner(
    target: Extract<PhotoTarget, { kind: 'group' }>,
    token: AccessTokenSource,
    actor: Actor,
  ): Promise<void> {
    await requireGroupOwner(this.deps.groups, this.deps.changes, target.groupId, token, actor);
  }
}

/**
 * The caller's contact `ref` names: `<contactId>` in the default folder, or `<folderId>/<contactId>`. Ids are
 * compared exactly (Exchange ids are case-sensitive) against the caller's own list, so a `/` inside an id is no
 * ambiguity and a forged id is simply not found.
 * @throws AppError `ContactNotFound`
 */
function findContact(contacts: readonly ContactEntry[], ref: string): ContactEntry {
  const found = contacts.find((contact) =>
    contact.folderId === undefined ? contact.id === ref : `${contact.folderId}/${contact.id}` === ref,
  );
  if (found) return found;
  throw new ContactNotFoundError(ref);
}

/** The caller has no such contact: the page's reference is all there is to name it by. */
class ContactNotFoundError extends AppError<'ContactNotFound'> {
  /** For the user-facing text only: an id the request sent stays out of the message (and the log). */
  readonly contactName: string;

  constructor(ref: string) {
    super('ContactNotFound', 'no such contact of the caller');
    this.contactName = ref;
  }
}

function cropAnswer(crop: CropBox): CropAnswer {
  return { x: crop.x, y: crop.y, w: crop.width, h: crop.height, method: crop.method };
}
