/**
 * Fault injection: the emulator can answer a share of requests with 429 (and `Retry-After`) or 503, and delay
 * answers, so the Graph client's retries and timeouts can be exercised on loopback. With an injected random source
 * the same requests meet the same faults every run. Tests can also script, in order, what the next photo requests
 * meet: pass, 503, or a Graph error answer of their choosing (a policy's 403, a 413), so answers that local mode
 * cannot otherwise produce go through the real client and bot. Faults are decided once a request has matched a
 * Graph route and before its token is checked, as throttling at Graph's front door is; the page at `/` never meets
 * them.
 */
import type { AppConfig } from '../config.js';
import { GraphFault } from './graph-answers.js';

/** Which faults to inject. Rates are shares of requests from 0 (never) to 1 (always). */
export interface EmulatorFaults {
  /** Share of requests answered 429 `TooManyRequests` with `Retry-After`. Default 0. */
  readonly throttleRate?: number;
  /** The `Retry-After` of injected 429s, in seconds. Default 1. */
  readonly retryAfterSeconds?: number;
  /** Share of requests answered 503 `ServiceNotAvailable`. Default 0. */
  readonly unavailableRate?: number;
  /** Added to every Graph answer, in milliseconds (the page at `/` is never delayed). Default 0. */
  readonly latencyMs?: number;
  /**
   * Injected 429s and 503s hit only photo routes (`.../photo`, `.../photo/$value`), so directory reads that come
   * before a photo change always succeed. Latency still applies to every Graph answer. Default false.
   */
  readonly photoRoutesOnly?: boolean;
  /**
   * Graph-like throttling of photo writes: at most this many PUT, PATCH and DELETE requests on photo routes are
   * handled at once per app (the token's `appid`, or `azp`), across every user's photo; one more at the same time
   * gets 429 `TooManyRequests` with `Retry-After` ({@link retryAfterSeconds}). A write counts from its arrival until
   * its answer is written, the injected latency included, so latency and this limit shape throughput as Graph's do.
   * 0 or undefined: no limit.
   */
  readonly maxConcurrentWrites?: number;
  /**
   * Deterministic faults for tests: photo requests take their fate from this script, in order, before any random
   * rate is drawn. A test that needs "the second change fails" cannot rely on a rate.
   */
  readonly script?: FaultScript;
}

/**
 * A Graph error answer a scripted photo request gets instead of being handled: the status, Graph's `error.code` and
 * `error.message`, and any extra headers. The body is Graph's error shape, with `request-id` and date, as every
 * emulator error is.
 */
export interface ScriptedRefusal {
  /** 400 to 599. */
  readonly status: number;
  /** Graph's `error.code`, e.g. `ErrorAccessDenied`. */
  readonly code: string;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Refusals as Microsoft Graph words them on a photo request, and what the app's client makes of each
 * (src/graph/graph-errors.ts).
 */
export const GRAPH_REFUSALS = {
  /**
   * 403 `ErrorAccessDenied`, Exchange's refusal of a photo request. On `me`, which `User.ReadWrite` always allows,
   * the client reads it as a tenant policy that turned photo changes off (`GraphPolicyBlocked`); on anyone else's
   * photo it is `GraphForbidden`.
   */
  accessDenied: {
    status: 403,
    code: 'ErrorAccessDenied',
    message: 'Access is denied. Check credentials and try again.',
  },
  /**
   * 403 `Authorization_RequestDenied`: the directory's refusal of a token without the permission. Also
   * `GraphPolicyBlocked` on `me` (`User.ReadWrite` always allows one's own photo), `GraphForbidden` elsewhere.
   */
  requestDenied: {
    status: 403,
    code: 'Authorization_RequestDenied',
    message: 'Insufficient privileges to complete the operation.',
  },
  /** 413 `RequestEntityTooLarge`, worded as the emulator's own 413: over Graph's 4 MB. `GraphPhotoTooLarge`. */
  tooLarge: {
    status: 413,
    code: 'RequestEntityTooLarge',
    message: 'The photo is larger than the 4194304-byte limit.',
  },
  /** 404 `MailboxNotEnabledForRESTAPI`: no Exchange Online mailbox to keep a photo in. `GraphMailboxUnsupported`. */
  mailboxNotEnabled: {
    status: 404,
    code: 'MailboxNotEnabledForRESTAPI',
    message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
  },
} as const satisfies Record<string, ScriptedRefusal>;

/** What a scripted photo request meets: it passes, gets 503 `ServiceNotAvailable`, or gets the given refusal. */
export type ScriptedFault = 'pass' | 'unavailable' | ScriptedRefusal;

/**
 * A queue of fates for the next photo requests (`.../photo`, `.../photo/$value`): each photo request takes the next
 * one; once the queue is empty, requests pass (and random rates apply again). Directory reads never consume it.
 *
 * ```ts
 * script.push('pass', 1).push('unavailable', 4); // the next GET succeeds, the 4 PUT attempts after it get 503
 * script.push('pass').push(GRAPH_REFUSALS.tooLarge); // the next GET succeeds, the PUT after it gets 413
 * ```
 */
export class FaultScript {
  private readonly queue: ScriptedFault[] = [];

  /**
   * Appends `count` requests meeting `fault`.
   * @throws RangeError for a refusal whose status is not 400 to 599 or whose code is empty, or a count that is not
   *   a whole number
   */
  push(fault: ScriptedFault, count = 1): this {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError('count must be a whole number, 0 or more');
    if (typeof fault === 'object') {
      if (!(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)) {
        throw new RangeError(`a scripted refusal's status must be from 400 to 599, not ${fault.status}`);
      }
      if (fault.code === '') throw new RangeError("a scripted refusal needs Graph's error code");
      // A copy, so a test changing its object afterwards does not change what is queued.
      fault = Object.freeze({ ...fault, headers: Object.freeze({ ...fault.headers }) });
    }
    for (let i = 0; i < count; i++) this.queue.push(fault);
    return this;
  }

  /** How many scripted requests are still to come. */
  get pending(): number {
    return this.queue.length;
  }

  /** Forgets what is still queued. */
  clear(): void {
    this.queue.length = 0;
  }

  /** The fate of the next photo request; `undefined` when the script is exhausted. */
  next(): ScriptedFault | undefined {
    return this.queue.shift();
  }
}

/** What happens to one request before it is handled. */
export interface FaultDecision {
  readonly delayMs: number;
  /** Answer with this instead of handling the request. */
  readonly fault: GraphFault | undefined;
}

const NONE: FaultDecision = { delayMs: 0, fault: undefined };

/**
 * Decides the faults for one Graph request. The random source is drawn once for each rate that is set and applies
 * (throttle first, then unavailable), so a seeded source gives a repeatable sequence.
 */
export function decideFaults(
  faults: EmulatorFaults | undefined,
  isPhotoRoute: boolean,
  random: () => number,
): FaultDecision {
  if (!faults) return NONE;
  const delayMs = faults.latencyMs ?? 0;
  if (faults.photoRoutesOnly === true && !isPhotoRoute) return { delayMs, fault: undefined };
  const scripted = isPhotoRoute ? faults.script?.next() : undefined;
  if (scripted === 'unavailable') return { delayMs, fault: unavailable() };
  if (scripted === 'pass') return { delayMs, fault: undefined };
  if (scripted !== undefined) {
    return {
      delayMs,
      fault: new GraphFault(scripted.status, scripted.code, scripted.message, scripted.headers),
    };
  }
  const throttleRate = faults.throttleRate ?? 0;
  const unavailableRate = faults.unavailableRate ?? 0;
  if (throttleRate > 0 && random() < throttleRate) {
    return { delayMs, fault: tooManyRequests(faults) };
  }
  if (unavailableRate > 0 && random() < unavailableRate) {
    return { delayMs, fault: unavailable() };
  }
  return { delayMs, fault: undefined };
}

/** Graph's throttling answer: 429 `TooManyRequests` with the configured `Retry-After` (default 1 s). */
export function tooManyRequests(faults: EmulatorFaults | undefined): GraphFault {
  return new GraphFault(429, 'TooManyRequests', 'Too many requests, retry after the time in Retry-After.', {
    'retry-after': String(faults?.retryAfterSeconds ?? 1),
  });
}

function unavailable(): GraphFault {
  return new GraphFault(
    503,
    'ServiceNotAvailable',
    'The service is temporarily unavailable. Try again later.',
  );
}

/** @throws RangeError naming the first option that is out of range */
export function checkFaults(faults: EmulatorFaults | undefined): void {
  if (!faults) return;
  for (const name of ['throttleRate', 'unavailableRate'] as const) {
    const rate = faults[name];
    if (rate !== undefined && !(rate >= 0 && rate <= 1))
      throw new RangeError(`faults.${name} must be from 0 to 1`);
  }
  for (const name of ['latencyMs', 'retryAfterSeconds', 'maxConcurrentWrites'] as const) {
    const value = faults[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new RangeError(`faults.${name} must be a whole number, 0 or more`);
    }
  }
}

/**
 * The configuration's fault settings as the emulator takes them. The injected 429s and 503s hit photo routes only
 * (directory reads stay reliable); the latency applies to every Graph answer; the write limit to photo writes.
 */
export function faultsFromConfig(faults: AppConfig['emulator']['faults']): EmulatorFaults {
  return {
    throttleRate: faults.rate429,
    unavailableRate: faults.rate503,
    retryAfterSeconds: faults.retryAfterSeconds,
    latencyMs: faults.latencyMs,
    maxConcurrentWrites: faults.maxConcurrentWrites,
    photoRoutesOnly: true,
  };
}
