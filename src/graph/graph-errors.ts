/**
 * Graph's answers as typed errors. Each keeps Graph's `request-id` for support and never a token or image bytes.
 */
import { AppError, type GraphErrorCode, type PolicyErrorCode } from '../errors.js';
import type { PhotoTarget } from './photo-target.js';

/**
 * Graph's own refusal of a photo write under the organisation's photo rules (`photoUpdateSettings`), by the
 * `error.code` of its 403. Graph does not document these codes; the local emulator answers with them, and a
 * refusal under the same rules reads the same to a person whether the app's check or Graph's caught it.
 */
export const PHOTO_POLICY_GRAPH_CODES = {
  /** `allowedRoles` is set and the signed-in user holds none of them. */
  turnedOff: 'PhotoUpdateNotAllowedByPolicy',
  /** `source` is `onPremises`: photos are changed in the on-premises directory only. */
  onPremises: 'PhotoUpdateManagedOnPremises',
} as const;

/** The codes a Graph failure can carry: Graph's own, and the organisation's photo rules as Graph applied them. */
export type GraphFailureCode = GraphErrorCode | PolicyErrorCode;

export class GraphError extends AppError<GraphFailureCode> {
  /** HTTP status, or 0 when no answer came. */
  readonly status: number;
  /** Graph's `error.code` (e.g. `ErrorAccessDenied`), when it sent one. */
  readonly graphCode: string | undefined;
  /** Graph's `request-id`, to quote to Microsoft support. */
  readonly requestId: string | undefined;

  constructor(
    code: GraphFailureCode,
    details: { status: number; graphCode?: string; requestId?: string },
    options?: ErrorOptions,
  ) {
    const parts = [
      `HTTP ${details.status}`,
      details.graphCode,
      details.requestId && `request-id ${details.requestId}`,
    ];
    super(code, parts.filter(Boolean).join(', '), options);
    this.status = details.status;
    this.graphCode = details.graphCode;
    this.requestId = details.requestId;
  }
}

/** Graph error codes that mean the account has no Exchange Online mailbox Graph can keep a photo in. */
const MAILBOX_CODES = new Set([
  'MailboxNotEnabledForRESTAPI',
  'MailboxNotHostedInExchangeOnline',
  'ErrorUserResolutionFailedUserDoesNotExist',
]);

/**
 * Maps a final (not retried) error answer to its code.
 * `target` is the photo the request was about, if any. A 403 on the signed-in user's own photo, which `User.ReadWrite` always allows, means a tenant policy has turned
 * photo changes off (photoUpdateSettings or the OWA mailbox policy), so it gets its own code.
 */
export function graphErrorCode(
  status: number,
  graphCode: string | undefined,
  target?: PhotoTarget,
): GraphFailureCode {
  if (graphCode && MAILBOX_CODES.has(graphCode)) return 'GraphMailboxUnsupported';
  if (status === 403 && graphCode === PHOTO_POLICY_GRAPH_CODES.turnedOff) return 'PhotoChangesTurnedOff';
  if (status === 403 && graphCode === PHOTO_POLICY_GRAPH_CODES.onPremises) return 'PhotosManagedOnPremises';
  // A personal Microsoft account: Graph's photo API does not support them.
  if (graphCode === 'ErrorItemNotFound' && target?.kind === 'me') return 'GraphMailboxUnsupported';
  switch (status) {
    case 400:
      return 'GraphBadRequest';
    case 401:
      return 'GraphUnauthorized';
    case 403:
      return target?.kind === 'me' && graphCode !== 'AppOnlyTokenNotSupportedForGroupUpdate'
        ? 'GraphPolicyBlocked'
        : 'GraphForbidden';
    case 404:
      return 'GraphNotFound';
    case 413:
      return 'GraphPhotoTooLarge';
    case 429:
      return 'GraphThrottled';
    default:
      return 'GraphUnavailable';
  }
}
