/**
 * Maps @azure/identity failures onto the app's sign-in codes, so the bot can answer with a sign-in or consent card.
 * The Entra error's description is read for its AADSTS code only and not kept: it can quote the user's claims.
 */
import { AuthenticationError, AuthenticationRequiredError } from '@azure/identity';
import { AuthError } from '../errors.js';

/** AADSTS codes that mean consent for the requested scopes is missing. */
const CONSENT_CODES = new Set([65001, 65004, 90094]);
/** OAuth errors a person fixes by signing in again. */
const SIGN_IN_KINDS = new Set(['invalid_grant', 'interaction_required', 'login_required']);

/** The OAuth error and AADSTS codes an identity error carries. */
function entraDetails(error: unknown): { kind: string; codes: number[] } | null {
  if (error instanceof AuthenticationError) {
    const { error: kind, errorDescription, errorCodes = [] } = error.errorResponse;
    return { kind, codes: [...errorCodes, ...aadstsCodes(errorDescription || '')] };
  }
  // The on-behalf-of flow reports Entra's refusal as "invalid_grant: Error(s): 65001 - ... AADSTS65001: ...".
  if (error instanceof AuthenticationRequiredError) {
    const kind = /^([a-z_]+):/.exec(error.message)?.[1] ?? '';
    const listed = /Error\(s\):\s*([\d\s,]+)/.exec(error.message)?.[1] ?? '';
    return {
      kind,
      codes: [
        ...listed
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number),
        ...aadstsCodes(error.message),
      ],
    };
  }
  return null;
}

function aadstsCodes(text: string): number[] {
  return [...text.matchAll(/AADSTS(\d+)/g)].map((match) => Number(match[1]));
}

/**
 * @returns an AuthError (`ConsentRequired` or `SignInRequired`) for what a person can fix by consenting or
 *   signing in; the original error otherwise
 */
export function toAuthError(error: unknown): unknown {
  const details = entraDetails(error);
  if (!details) return error;
  const { kind, codes } = details;
  if (kind === 'consent_required' || codes.some((code) => CONSENT_CODES.has(code))) {
    return new AuthError('ConsentRequired', `Entra ID: ${kind}`, { cause: error });
  }
  if (SIGN_IN_KINDS.has(kind) || error instanceof AuthenticationRequiredError) {
    return new AuthError('SignInRequired', `Entra ID: ${kind || 'authentication required'}`, {
      cause: error,
    });
  }
  return error;
}
