/**
 * What the emulator answers, shaped like Microsoft Graph: JSON entities and collections with `@odata.context`,
 * and errors as `{ "error": { "code", "message", "innerError": { "request-id", "client-request-id", "date" } } }`.
 * Handlers return a {@link GraphAnswer} or throw a {@link GraphFault}; the server writes either (graph-emulator.ts).
 */
import type { ServerResponse } from 'node:http';

/** An answer a handler returns; the server adds `request-id` and writes it. */
export interface GraphAnswer {
  readonly status: number;
  readonly json?: unknown;
  readonly bytes?: { readonly data: Uint8Array; readonly contentType: string };
  readonly headers?: Readonly<Record<string, string>>;
}

/** A Graph error answer, thrown by a handler (or by the auth and query helpers it calls). */
export class GraphFault extends Error {
  override readonly name = 'GraphFault';
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** Identifies one request in every answer, as Graph's `request-id` and `client-request-id` headers do. */
export interface RequestIds {
  readonly requestId: string;
  /** The caller's own `client-request-id`, echoed back; Graph makes one up when the caller sent none. */
  readonly clientRequestId: string;
}

/** Graph's error body. */
export function errorBody(fault: GraphFault, ids: RequestIds, now: Date): unknown {
  return {
    error: {
      code: fault.code,
      message: fault.message,
      innerError: {
        date: now.toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

/** 200 with a JSON body. */
export function ok(json: unknown, headers?: Readonly<Record<string, string>>): GraphAnswer {
  return headers === undefined ? { status: 200, json } : { status: 200, json, headers };
}

/** An answer with no body (200 after a photo upload, 204 after a delete). */
export function empty(status: 200 | 204): GraphAnswer {
  return { status };
}

/** An answer ready for the wire: status, headers and the body bytes (if any). */
export interface SerializedAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | number>>;
  readonly body: Uint8Array | undefined;
}

/** Turns an answer into its wire form. JSON goes out as Graph sends it: `application/json;odata.metadata=minimal`. */
export function serializeAnswer(answer: GraphAnswer): SerializedAnswer {
  const headers: Record<string, string | number> = { ...answer.headers };
  if (answer.json !== undefined) {
    const body = Buffer.from(JSON.stringify(answer.json), 'utf8');
    headers['content-type'] =
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
    headers['content-length'] = body.length;
    return { status: answer.status, headers, body };
  }
  if (answer.bytes !== undefined) {
    headers['content-type'] = answer.bytes.contentType;
    headers['content-length'] = answer.bytes.data.length;
    return { status: answer.status, headers, body: answer.bytes.data };
  }
  headers['content-length'] = 0;
  return { status: answer.status, headers, body: undefined };
}

/** Writes an answer and ends the response. */
export function writeAnswer(response: ServerResponse, answer: GraphAnswer): void {
  const { status, headers, body } = serializeAnswer(answer);
  response.writeHead(status, headers);
  response.end(body);
}

/** 404 for a user or group id (or UPN) the directory does not have; the message names it as Graph does. */
export function resourceNotFound(idOrUpn: string): GraphFault {
  return new GraphFault(
    404,
    'Request_ResourceNotFound',
    `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** 404 for a contact or contact folder the mailbox does not hold. */
export function itemNotFound(): GraphFault {
  return new GraphFault(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/** 403 for a directory read the token has no permission for. */
export function directoryDenied(): GraphFault {
  return new GraphFault(
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );
}

/** 403 for a mailbox resource (photo, contacts) the token may not touch. */
export function accessDenied(detail = 'Access is denied. Check credentials and try again.'): GraphFault {
  return new GraphFault(403, 'ErrorAccessDenied', detail);
}
