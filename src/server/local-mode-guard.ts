/**
 * What keeps a web page from driving the bot in local mode. Without bot credentials nothing authenticates a request
 * to `/api/messages`, and binding to 127.0.0.1 is not enough: any site open in this machine's browser can POST
 * there (a form needs no CORS preflight), or make its own name resolve to 127.0.0.1 (DNS rebinding) and then read
 * the answers too. Either would make the bot fetch loopback URLs and post replies to any `serviceUrl`. So in local
 * mode a request must:
 * - carry `Content-Type: application/json` (a form can send only `application/x-www-form-urlencoded`,
 *   `multipart/form-data` or `text/plain`; a page that wants JSON needs a preflight, which is never granted): 415;
 * - name a loopback host in `Host` (a rebinding page sends its own name): 421;
 * - and the activity's `serviceUrl`, where the replies go, must be a loopback URL: 403.
 * With bot credentials none of this applies: Bot Framework authentication checks the token and its `serviceurl`.
 *
 * The `Host` rule holds for every route. The JSON rule holds for `/api/messages` only: the page's API
 * (`/api/photo/...`) takes raw image bytes, and needs no such rule, because every one of its requests must carry an
 * `Authorization: Bearer` token, which a form cannot send and another site's script cannot add without a CORS
 * preflight, which the server never grants.
 *
 * Pure functions over headers and the parsed body, so they are tested without a server and used by server.ts.
 */
import { isLoopbackHost } from '../bot/attachments/host-rules.js';
import { isLoopbackHostHeader } from './loopback-host.js';

/** Why a local-mode request was refused: the HTTP status and a machine-readable code, with a line for developers. */
export interface LocalRefusal {
  readonly status: 403 | 415 | 421;
  readonly code: 'UnsupportedMediaType' | 'MisdirectedRequest' | 'ServiceUrlNotLoopback';
  /** For the developer calling the bot (never shown in chat); names no value from the request. */
  readonly message: string;
}

/** The request's headers as node gives them. */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The refusal for a request's `Host` header, or `undefined` when it names this machine by a loopback name. */
export function refuseHost(headers: RequestHeaders): LocalRefusal | undefined {
  const host = headers['host'];
  if (typeof host === 'string' && isLoopbackHostHeader(host)) return undefined;
  return {
    status: 421,
    code: 'MisdirectedRequest',
    message: 'In local mode the bot answers only to 127.0.0.1, localhost or [::1].',
  };
}

/** The refusal for an activity POST that is not JSON, or `undefined` for `application/json` (any parameters). */
export function refuseMediaType(headers: RequestHeaders): LocalRefusal | undefined {
  const type = headers['content-type'];
  const essence = typeof type === 'string' ? (type.split(';')[0] ?? '').trim().toLowerCase() : '';
  if (essence === 'application/json') return undefined;
  return {
    status: 415,
    code: 'UnsupportedMediaType',
    message: 'In local mode activities must be sent as application/json.',
  };
}

/**
 * The refusal for an activity whose `serviceUrl` (where replies go) is not an http(s) URL on a loopback host, or
 * `undefined`. The URL parser's host is what is checked, so `http://127.0.0.1@evil.example/` is refused.
 */
export function refuseServiceUrl(activity: unknown): LocalRefusal | undefined {
  const serviceUrl =
    typeof activity === 'object' && activity !== null
      ? (activity as { serviceUrl?: unknown }).serviceUrl
      : undefined;
  if (typeof serviceUrl === 'string' && URL.canParse(serviceUrl)) {
    const url = new URL(serviceUrl);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname))
      return undefined;
  }
  return {
    status: 403,
    code: 'ServiceUrlNotLoopback',
    message: "In local mode the activity's serviceUrl must be on 127.0.0.1, localhost or [::1].",
  };
}
