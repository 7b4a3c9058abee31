/**
 * Typed errors shared by the CLI, the bot's answers and the message catalogs.
 *
 * Every refusal or failure the app can explain to a person is an {@link AppError} with a machine-readable
 * `code`. The message of an AppError is for logs and developers only: it never carries pixel data, tokens or
 * anything a user sent, and it is never shown to a user as is (see `src/i18n/` for the user-facing text).
 */

/** Codes raised by the photo pipeline and its worker pool. */
export const PHOTO_ERROR_CODES = [
  'ImageTooLarge',
  'UnsupportedImage',
  'ImageDimensionsTooLarge',
  'ImageTooSmall',
  'CorruptImage',
  'ImageProcessingTimeout',
  'ServerBusy',
  'InvalidCropBox',
  'ImageProcessingFailed',
] as const;

export type PhotoErrorCode = (typeof PHOTO_ERROR_CODES)[number];

/** Codes of Microsoft Graph failures (see src/graph/), after the client's retries. */
export const GRAPH_ERROR_CODES = [
  'GraphUnauthorized',
  'GraphForbidden',
  'GraphNotFound',
  'GraphPhotoTooLarge',
  'GraphThrottled',
  'GraphUnavailable',
  'GraphMailboxUnsupported',
  'GraphPolicyBlocked',
  'GraphBadRequest',
] as const;

export type GraphErrorCode = (typeof GRAPH_ERROR_CODES)[number];

/** Codes of getting a token (see src/auth/). */
export const AUTH_ERROR_CODES = ['SignInRequired', 'ConsentRequired', 'UnknownUser'] as const;

export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/** Codes of undoing a photo change (see src/changes/). */
export const CHANGE_ERROR_CODES = [
  'UndoNotFound',
  'UndoSuperseded',
  'PhotoChangeInProgress',
  'UndoAlreadyUndone',
  'RedoAlreadyDone',
] as const;

export type ChangeErrorCode = (typeof CHANGE_ERROR_CODES)[number];

/** Codes of the bot's handling of a message (see src/bot/). */
export const BOT_ERROR_CODES = [
  'NoImageFound',
  'AttachmentHostNotAllowed',
  'AttachmentDownloadFailed',
  'UnknownLocalUser',
  'FileNotAnImage',
  'UnsupportedChannel',
] as const;

export type BotErrorCode = (typeof BOT_ERROR_CODES)[number];

/** Codes of choosing whose photo (a group, a contact) and of removing one (see src/targets/ and src/bot/). */
export const TARGET_ERROR_CODES = [
  'GroupNotFound',
  'NotGroupOwner',
  'ContactNotFound',
  'NoPhotoToRemove',
  'NoRecentImage',
  'ChoiceExpired',
] as const;

export type TargetErrorCode = (typeof TARGET_ERROR_CODES)[number];

/** Codes of the command line's own file handling. */
export const CLI_ERROR_CODES = [
  'InputNotReadable',
  'OutputNotWritable',
  'PortInUse',
  'BotUnreachable',
  'PlaygroundUnreachable',
  'EmulatorUnreachable',
  'DataDirNotWritable',
  'ConfigInvalid',
] as const;

export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

/** Codes of the page's API (see src/api/): a request the page would never send (a malformed target or body). */
export const API_ERROR_CODES = ['InvalidRequest'] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Codes of admin work (see src/admin/): who may act as an admin, the zip or folder an import reads, and bulk jobs.
 */
export const ADMIN_ERROR_CODES = [
  'NotAdmin',
  'TenantNotAllowed',
  'AppIdentityMissing',
  'PersonNotFound',
  'ZipTooLarge',
  'ZipTooManyEntries',
  'ZipTooMuchData',
  'ZipUnreadable',
  'NothingToImport',
  'JobNotFound',
  'JobNotStartable',
  'JobInProgress',
  'AdminChoiceExpired',
  'ReportLinkExpired',
] as const;

export type AdminErrorCode = (typeof ADMIN_ERROR_CODES)[number];

/** Quality checks of a prepared photo (src/trust/quality-*.ts). */
export const QUALITY_ERROR_CODES = ['PhotoQualityBlocked', 'PhotoQualityWarning'] as const;

/** The organisation's photo rules (photoUpdateSettings) and the read-back after a change. */
export const POLICY_ERROR_CODES = ['PhotoChangesTurnedOff', 'PhotosManagedOnPremises'] as const;

export type PolicyErrorCode = (typeof POLICY_ERROR_CODES)[number];

/** Approval of photo changes (src/approval/). */
export const APPROVAL_ERROR_CODES = [
  'NotApprover',
  'OwnRequest',
  'NotRequester',
  'RequestDecided',
  'RequestExpired',
  'RequestNotFound',
  'ApprovalInChat',
] as const;

export type ApprovalErrorCode = (typeof APPROVAL_ERROR_CODES)[number];

/** A person's own data: `my data`, `forget me` (src/privacy/). */
export const PRIVACY_ERROR_CODES = ['ForgetConfirmationExpired'] as const;

export type TrustErrorCode = (
  | typeof QUALITY_ERROR_CODES
  | typeof POLICY_ERROR_CODES
  | typeof APPROVAL_ERROR_CODES
  | typeof PRIVACY_ERROR_CODES
)[number];

/** Every code the app knows. Later features add their own lists here. */
export const ERROR_CODES = [
  ...PHOTO_ERROR_CODES,
  ...GRAPH_ERROR_CODES,
  ...AUTH_ERROR_CODES,
  ...CHANGE_ERROR_CODES,
  ...BOT_ERROR_CODES,
  ...TARGET_ERROR_CODES,
  ...CLI_ERROR_CODES,
  ...API_ERROR_CODES,
  ...ADMIN_ERROR_CODES,
  ...QUALITY_ERROR_CODES,
  ...POLICY_ERROR_CODES,
  ...APPROVAL_ERROR_CODES,
  ...PRIVACY_ERROR_CODES,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base class of every error the app explains to a person by its `code`. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;

  /**
   * @param code machine-readable code, the key of the user-facing text
   * @param detail a short developer-facing detail (no user data, no pixels, no secrets)
   */
  constructor(code: C, detail?: string, options?: ErrorOptions) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A refusal or failure of the photo pipeline. */
export class PhotoError extends AppError<PhotoErrorCode> {}

/** A failure of getting a token. */
export class AuthError extends AppError<AuthErrorCode> {}

/** True when `value` is one of the codes the app knows (used when an error crosses a thread boundary). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** True when `code` is one of the photo pipeline's codes. */
export function isPhotoErrorCode(code: ErrorCode): code is PhotoErrorCode {
  return (PHOTO_ERROR_CODES as readonly string[]).includes(code);
}
