/**
 * How the page's API answers: in the caller's language (`?locale=`, else `Accept-Language`), with the same error
 * codes and sentences as the bot (`errorText`: what happened, then what to do next), each code mapped to one HTTP
 * status here. The log gets the code and a reference id (also in the answer), never a token, an error's message or
 * image bytes; anything unexpected is answered 500 with the generic sentence and the reference.
 *
 * An answer written before the request's body was read to its end (a refusal of an upload: 401, 403, 413) carries
 * `Connection: close`: Node then stops after the answer instead of reading the rest of the body, so an endless or
 * huge upload is cut off rather than drained.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../errors.js';
import { pageLocale } from '../web/page-locale.js';
import { codeOf } from '../bot/turn-errors.js';
import { errorText, translate, type Locale } from '../i18n/index.js';
import { policyTextParams } from '../trust/photo-policy.js';
import type { Logger } from '../logger.js';

/** The HTTP status of each code: a decision per code, so a new code cannot go unmapped. */
export const STATUS_OF_CODE: Readonly<Record<ErrorCode, number>> = {
  ImageTooLarge: 413,
  UnsupportedImage: 415,
  ImageDimensionsTooLarge: 422,
  ImageTooSmall: 422,
  CorruptImage: 422,
  ImageProcessingTimeout: 503,
  ServerBusy: 503,
  InvalidCropBox: 400,
  ImageProcessingFailed: 422,
  // Graph refused our token for the user: the fault is upstream, not the caller's own token.
  GraphUnauthorized: 502,
  GraphForbidden: 403,
  GraphNotFound: 404,
  GraphPhotoTooLarge: 422,
  GraphThrottled: 503,
  GraphUnavailable: 503,
  GraphMailboxUnsupported: 403,
  GraphPolicyBlocked: 403,
  // The organisation's photo rules (issue 18, src/trust/photo-policy.ts).
  PhotoChangesTurnedOff: 403,
  PhotosManagedOnPremises: 403,
  GraphBadRequest: 422,
  SignInRequired: 401,
  ConsentRequired: 403,
  UnknownUser: 404,
  UndoNotFound: 404,
  UndoSuperseded: 409,
  PhotoChangeInProgress: 409,
  UndoAlreadyUndone: 409,
  RedoAlreadyDone: 409,
  NoImageFound: 400,
  AttachmentHostNotAllowed: 400,
  AttachmentDownloadFailed: 502,
  UnknownLocalUser: 403,
  FileNotAnImage: 415,
  UnsupportedChannel: 400,
  GroupNotFound: 404,
  NotGroupOwner: 403,
  ContactNotFound: 404,
  NoPhotoToRemove: 404,
  NoRecentImage: 400,
  ChoiceExpired: 410,
  InputNotReadable: 500,
  OutputNotWritable: 500,
  PortInUse: 500,
  BotUnreachable: 500,
  PlaygroundUnreachable: 500,
  EmulatorUnreachable: 500,
  DataDirNotWritable: 500,
  ConfigInvalid: 500,
  InvalidRequest: 400,
  NotAdmin: 403,
  TenantNotAllowed: 403,
  AppIdentityMissing: 503,
  PersonNotFound: 404,
  ZipTooLarge: 413,
  ZipTooManyEntries: 413,
  ZipTooMuchData: 413,
  ZipUnreadable: 400,
  NothingToImport: 400,
  JobNotFound: 404,
  JobNotStartable: 409,
  JobInProgress: 409,
  AdminChoiceExpired: 410,
  ReportLinkExpired: 410,
  // Privacy (issue 18): a `forget me` confirmation that expired, was used, or is someone else's.
  ForgetConfirmationExpired: 410,
  // Approval (src/approval/).
  NotApprover: 403,
  OwnRequest: 403,
  NotRequester: 403,
  RequestDecided: 409,
  RequestExpired: 410,
  RequestNotFound: 404,
  ApprovalInChat: 409,
  // Quality (issue 18): a refusal by the organisation's rules; a warning the page may override (`useAnyway=true`).
  PhotoQualityBlocked: 422,
  PhotoQualityWarning: 409,
};

/** An error answer's body. */
export interface ApiErrorBody {
  readonly error: {
    /** An app error code, or `InternalError` for anything unexpected. */
    readonly code: ErrorCode | 'InternalError';
    /** A sentence in the caller's language, then what to do next. */
    readonly message: string;
    /** The id in the log line of this answer, to quote to support. */
    readonly reference: string;
  };
}

/** A request's query parameters (restify runs no query parser here). */
export function queryOf(request: IncomingMessage): URLSearchParams {
  return new URL(request.url ?? '/', 'http://localhost').searchParams;
}

/**
 * The language to answer in: `?locale=` when given, else the first language of `Accept-Language` (by `q`) that the
 * app speaks, else English; the same rule as the page's own (`pageLocale`), so the page and its API agree.
 */
export function requestLocale(request: IncomingMessage): Locale {
  return pageLocale(queryOf(request).get('locale'), request.headers['accept-language']);
}

/** Headers every answer of the API carries: nothing here may be cached by a browser or a proxy. */
export function noStore(response: ServerResponse): void {
  response.setHeader('cache-control', 'no-store');
}

/** `Connection: close` when the request's body was not read to its end (see the module's comment). */
export function closeIfUnread(request: IncomingMessage, response: ServerResponse): void {
  if (!request.complete) response.setHeader('connection', 'close');
}

/**
 * The answer for a failure, logged: status, headers and body. `what` names the operation in the log line.
 * @param ids `reference`: the request's correlation id, in the log line and the answer; `reason`: a short
 *   developer-facing reason for the log (e.g. why a token was refused), never user data
 */
export function errorAnswer(
  error: unknown,
  locale: Locale,
  logger: Logger,
  what: string,
  ids: { readonly reference: string; readonly reason?: string | undefined },
): { status: number; headers: Record<string, string>; body: ApiErrorBody } {
  const { reference, reason } = ids;
  const code = codeOf(error);
  const requestId = (error as { requestId?: unknown } | null)?.requestId;
  const graphRequestId = typeof requestId === 'string' ? requestId : undefined;
  if (code) {
    logger.warn(`${what} refused`, {
      correlationId: reference,
      outcome: 'refused',
      code,
      graphRequestId,
      reason,
    });
  } else {
    const name = error instanceof Error ? error.name : typeof error;
    logger.error(`${what} failed`, {
      correlationId: reference,
      outcome: 'failed',
      error: name,
      graphRequestId,
    });
  }
  const headers: Record<string, string> = {};
  if (code === 'SignInRequired') headers['www-authenticate'] = 'Bearer';
  if (code === 'ServerBusy' || code === 'GraphThrottled' || code === 'GraphUnavailable') {
    headers['retry-after'] = '30';
  }
  return {
    status: code ? STATUS_OF_CODE[code] : 500,
    headers,
    body: {
      error: {
        code: code ?? 'InternalError',
        message: code
          ? errorText(code, locale, { ...placeholdersOf(error), ...policyTextParams(error, locale) })
          : translate(locale, 'error.generic'),
        reference,
      },
    },
  };
}

/**
 * What a code's sentence names: the group of a `NotGroupOwner` (its display name, read by the owner check), the
 * contact of a `ContactNotFound` (as the request named it).
 */
function placeholdersOf(error: unknown): Record<string, string> {
  const { groupName, contactName } = (error ?? {}) as { groupName?: unknown; contactName?: unknown };
  const name = typeof groupName === 'string' ? groupName : contactName;
  return typeof name === 'string' ? { name } : {};
}
