/**
 * The app's logger: one line per event, level-filtered, written where it is told to.
 *
 * Two formats: `json` (production: one JSON object per line, `{"level","time","event","correlationId","outcome",
 * "graphRequestId",...}`, what App Service's log stream and Log Analytics parse) and `text` (local mode: readable
 * in a terminal). Both go through the same redaction, here at the logger rather than at each call site: callers
 * pass identifiers and codes only, and redaction is the last line of defence, never a reason to pass a secret.
 * Redacted are: fields named like a secret (token, secret, password, authorization, assertion, cookie, key,
 * signature, connection string), fields named like a URL (url, uri, href, link: photo and download URLs), JWTs
 * (`eyJ...`), `Bearer ...` credentials, URLs with a query string (pre-signed downloads), `data:` URIs and any
 * bytes (Buffer, Uint8Array, ArrayBuffer: image data), in field values, nested objects and the event name alike.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** How lines are written: one JSON object per line, or readable text. */
export type LogFormat = 'json' | 'text';

/**
 * A log line's fields. By convention: `correlationId` (the reference a person sees, or the change's id),
 * `outcome` (`ok`, `refused`, `failed`), `code` (the error's code), `graphRequestId` (Graph's `request-id`).
 */
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** `text` unless told otherwise (the boot picks `json` in production). */
  readonly format?: LogFormat;
  /** Fields added to every line, e.g. the active trace's ids when telemetry is on; never overrides a caller's. */
  readonly context?: () => LogFields | undefined;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Field names whose value is a credential, whatever it looks like. */
const SECRET_KEY =
  /token|secret|passw(or)?d|authorization|assertion|cookie|api[-_]?key|signature|connection[-_]?string|^sig$|^key$/i;
/** Field names whose value is a URL: a photo's, an attachment's or a pre-signed download's. */
const URL_KEY = /(url|uri|href|link)$/i;
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(\.[A-Za-z0-9_-]*)?/g;
const BEARER = /\b(Bearer|Basic)\s+[^\s"',;]+/gi;
const URL_WITH_QUERY = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>?#]*\?[^\s"'<>]*/gi;
const DATA_URI = /\bdata:[a-z0-9.+/-]*(;[a-z0-9=.+-]*)*,[^\s"'<>]*/gi;
const MAX_DEPTH = 4;

/** Fields the JSON line puts first, in this order; a caller's field of the same name as `level`, `time` or
 * `event` is written as `field.<name>` instead. */
const LEADING = ['correlationId', 'outcome', 'code', 'graphRequestId'] as const;
const RESERVED = new Set(['level', 'time', 'event']);

export const REDACTED = '[redacted]';
export const REDACTED_URL = '[redacted url]';

/** A string with anything token-like, any URL with a query string and any `data:` URI masked. */
export function redactText(text: string): string {
  return text
    .replace(DATA_URI, '[redacted data uri]')
    .replace(URL_WITH_QUERY, REDACTED_URL)
    .replace(JWT, '[redacted jwt]')
    .replace(BEARER, (_whole, scheme: string) => `${scheme} ${REDACTED}`);
}

/**
 * A field's value as it may be logged (or exported as a telemetry attribute).
 * @param key the field's name, which alone can make the value a secret or a URL
 */
export function redactValue(key: string, value: unknown, depth = 0): unknown {
  if (value === undefined || value === null) return value;
  if (SECRET_KEY.test(key)) return REDACTED;
  if (isBytes(value)) return `[${byteLength(value)} bytes redacted]`;
  if (URL_KEY.test(key) && (typeof value === 'string' || value instanceof URL)) return REDACTED_URL;
  switch (typeof value) {
    case 'string':
      return redactText(value);
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'function':
    case 'symbol':
      return `[${typeof value}]`;
    default:
      break;
  }
  if (value instanceof URL) return redactText(value.href);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    // The name and the code, never the message (which can quote a URL or a server's answer) nor the stack here.
    const code = (value as { code?: unknown }).code;
    return typeof code === 'string' ? { name: value.name, code } : { name: value.name };
  }
  if (depth >= MAX_DEPTH) return '[object]';
  if (Array.isArray(value)) return value.map((item) => redactValue(key, item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [inner, innerValue] of Object.entries(value)) {
    if (innerValue !== undefined) out[inner] = redactValue(inner, innerValue, depth + 1);
  }
  return out;
}

function isBytes(value: unknown): value is ArrayBufferView | ArrayBuffer | SharedArrayBuffer {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)
  );
}

function byteLength(value: ArrayBufferView | ArrayBuffer | SharedArrayBuffer): number {
  return value.byteLength;
}

/** A logger that drops everything (tests, and libraries called without one). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * @param write where a finished line goes; standard output by default
 * @param now the clock for the timestamp
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  now: () => Date = () => new Date(),
  options: LoggerOptions = {},
): Logger {
  const format = options.format ?? 'text';
  const log =
    (at: Exclude<LogLevel, 'silent'>) =>
    (event: string, fields: LogFields = {}): void => {
      if (RANK[at] < RANK[level]) return;
      const merged = mergeContext(fields, options.context);
      const safeEvent = redactText(event);
      write(
        format === 'json' ? jsonLine(at, now(), safeEvent, merged) : textLine(at, now(), safeEvent, merged),
      );
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function mergeContext(fields: LogFields, context: LoggerOptions['context']): [string, unknown][] {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  if (!context) return entries;
  let extra: LogFields | undefined;
  try {
    extra = context();
  } catch {
    extra = undefined; // a broken context source must never cost the line
  }
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (value !== undefined && !(key in fields)) entries.push([key, value]);
  }
  return entries;
}

function jsonLine(at: string, time: Date, event: string, entries: [string, unknown][]): string {
  const line: Record<string, unknown> = { level: at, time: time.toISOString(), event };
  const byKey = new Map(entries);
  for (const key of LEADING) {
    if (byKey.has(key)) line[key] = redactValue(key, byKey.get(key));
  }
  for (const [key, value] of entries) {
    if ((LEADING as readonly string[]).includes(key)) continue;
    line[RESERVED.has(key) ? `field.${key}` : key] = redactValue(key, value);
  }
  return JSON.stringify(line);
}

function textLine(at: string, time: Date, event: string, entries: [string, unknown][]): string {
  const rendered = entries.map(([key, value]) => `${key}=${JSON.stringify(redactValue(key, value))}`);
  return [time.toISOString(), at.toUpperCase().padEnd(5), event, ...rendered].join(' ');
}
