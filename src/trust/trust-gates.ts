/**
 * The steps issue 18 puts around a change of one's own photo, as the chat handler (and the page) see them. Each is
 * optional and lives in its own module; the handler only calls them in order:
 *
 * 1. quality: the prepared photo's findings, per the organisation's mode (off / warn with **Use anyway** / block);
 * 2. policy: may this person change their photo at all (Graph `photoUpdateSettings`)?
 * 3. approval: does this change wait for an approver instead of being made now?
 * 4. the change itself (backup, PUT, read back and compare), then the card.
 */
import type { TurnContext } from 'botbuilder';
import type { AccessTokenSource } from '../graph/graph-photo-client.js';
import type { PreparedPhoto } from '../photo/photo-pipeline.js';

/** Quality review of a photo a person sent for themselves. */
export interface QualityGate {
  /**
   * Looks at the prepared photo's findings. With none (or mode `off`) it answers nothing and returns `true`. With
   * mode `block` it has refused (said why) and returns `false`; with `warn` it has shown the preview with the
   * findings and **Use anyway**, kept the photo, and returns `false`.
   */
  review(context: TurnContext, photo: PreparedPhoto): Promise<boolean>;
}

/** The organisation's rules about who may change their own photo. */
export interface PolicyGate {
  /**
   * @throws AppError (`PhotoChangesTurnedOff`, `PhotosManagedOnPremises`) when this person may not change their photo
   */
  check(context: TurnContext, token?: AccessTokenSource): Promise<void>;
  /**
   * Graph's own refusal of the write under the rules (newer than the ones kept): the error to answer with instead
   * (naming whom to ask), the kept rules dropped. Other errors are returned as they are.
   */
  explain?(error: unknown, context: TurnContext): Promise<unknown>;
}

/** Optional approval of one's own photo changes. */
export interface ApprovalGate {
  /**
   * @returns `true` when the change became a request (the person has been told it waits for approval, and the
   *   approvers have their cards); `false` when this person's changes need no approval
   */
  intercept(context: TurnContext, jpeg: Uint8Array): Promise<boolean>;
}

/** The gates the chat handler runs; each absent one is skipped. */
export interface OwnPhotoGates {
  readonly quality?: QualityGate;
  readonly policy?: PolicyGate;
  readonly approval?: ApprovalGate;
}
