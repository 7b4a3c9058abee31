/**
 * The messaging extension's answers, in the shapes Teams reads from an invoke response:
 * - a dialog (`task: continue` with a card) or a short message dialog (`task: message`);
 * - search results, or a card to insert into the compose box (`composeExtension: result`);
 * - a request to sign in (`composeExtension: auth | silentAuth` with the sign-in link);
 * - the typeahead's results of `application/search`, or its error.
 */
import type {
  Attachment,
  InvokeResponse,
  MessagingExtensionActionResponse,
  MessagingExtensionAttachment,
  MessagingExtensionResponse,
  TaskModuleResponse,
} from 'botbuilder';
import { translate, type Locale } from '../../i18n/index.js';

/** A dialog with a card. */
export function dialogResponse(
  title: string,
  card: Attachment,
  size: 'small' | 'medium' | 'large' = 'medium',
): TaskModuleResponse & MessagingExtensionActionResponse {
  return { task: { type: 'continue', value: { title, height: size, width: size, card } } };
}

/** A dialog that only says something (Teams shows the text with a close button). */
export function messageDialogResponse(text: string): TaskModuleResponse & MessagingExtensionActionResponse {
  return { task: { type: 'message', value: text } };
}

/** Results for the compose box: search results, or the one card an action inserts. */
export function resultResponse(
  attachments: MessagingExtensionAttachment[],
): MessagingExtensionResponse & MessagingExtensionActionResponse {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

/** A short text in place of search results. */
export function extensionMessageResponse(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text } };
}

/**
 * Asks Teams to sign the person in. `silentAuth` (searches) lets Teams try single sign-on first and send the
 * query again with `value.authentication.token`; `auth` (actions) shows the sign-in link.
 */
export function signInResponse(
  locale: Locale,
  type: 'auth' | 'silentAuth',
  signInLink: string,
): MessagingExtensionResponse & MessagingExtensionActionResponse {
  return {
    composeExtension: {
      type,
      suggestedActions: {
        actions: [{ type: 'openUrl', value: signInLink, title: translate(locale, 'signin.button') }],
      },
    },
  };
}

/** A typeahead result: what the drop-down shows, and the group id it stands for. */
export interface SearchResult {
  readonly title: string;
  readonly value: string;
}

/** The typeahead's results (`application/search`). */
export function searchResponse(results: readonly SearchResult[]): InvokeResponse {
  return {
    status: 200,
    body: {
      statusCode: 200,
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results },
    },
  };
}

/** A refused `application/search` (an unknown dataset, a bad request, no sign-in). */
export function searchErrorResponse(status: 400 | 401 | 500, code: string, message: string): InvokeResponse {
  return {
    status,
    body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } },
  };
}
