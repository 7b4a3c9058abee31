/**
 * One Microsoft Graph request with retries: the bearer token asked for on every attempt, throttling and transient
 * failures retried by the retry policy (honouring `Retry-After`), and every other answer turned into a typed
 * {@link GraphError} that keeps Graph's request id and never the message (it can quote user input).
 *
 * Every Graph client of the app (photos, directory reads, message contents) sends through one of these, so they
 * all retry, time out and fail the same way. Everything outside is injected (fetch, the wait, the jitter), so tests
 * run it against the local Graph emulator over loopback.
 */
import { readCappedBody } from './capped-body.js';
import { GraphError, graphErrorCode } from './graph-errors.js';
import type { PhotoTarget } from './photo-target.js';
import { DEFAULT_RETRY_POLICY, retryDelay, type AttemptOutcome, type RetryPolicy } from './retry-policy.js';

export type GraphApiVersion = 'v1.0' | 'beta';

/** Hands out a bearer token for one request; called once per attempt, so a cached provider is expected. */
export type AccessTokenSource = () => Promise<string>;

export interface GraphTransportOptions {
  /** e.g. `https://graph.microsoft.com`, `https://graph.microsoft.us`, `https://microsoftgraph.chinacloudapi.cn`. */
  readonly baseUrl: string;
  /** Default `v1.0`. */
  readonly version?: GraphApiVersion;
  readonly fetch?: typeof fetch;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /** For the back-off jitter; a number in [0, 1). */
  readonly random?: () => number;
  /** Longest one attempt may take, in milliseconds (default 30000). */
  readonly attemptTimeoutMs?: number;
}

/** A successful answer, its body not read yet. */
export interface GraphAnswer {
  readonly response: Response;
  readonly requestId: string | undefined;
}

/** How one request's failures are read. */
export interface GraphSendOptions {
  /** The photo the request is about, if any: a 403 on one's own photo means a tenant policy (see graph-errors.ts). */
  readonly target?: PhotoTarget;
  /** Graph `error.code`s of a 404 that mean "nothing there" rather than a failure: the answer is then `null`. */
  readonly absentCodes?: readonly string[];
  /** Let `fetch` follow redirects (Graph's download routes answer 302 to a pre-authenticated URL). */
  readonly followRedirects?: boolean;
}

export class GraphTransport {
  /** `<base>/<version>`, without a trailing slash: every path is appended to it. */
  readonly root: string;
  readonly version: GraphApiVersion;
  private readonly fetch: typeof fetch;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly attemptTimeoutMs: number;

  constructor(options: GraphTransportOptions) {
    const base = new URL(options.baseUrl);
    if (base.protocol !== 'https:' && base.protocol !== 'http:')
      throw new RangeError('Graph base URL must be http(s)');
    this.version = options.version ?? 'v1.0';
    this.root = `${base.origin}${base.pathname.replace(/\/+$/, '')}/${this.version}`;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.policy = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
  }

  /**
   * Sends `init` to `<root><path>` until it succeeds or the retry policy gives up.
   * @param path relative to the API version, starting with `/` (e.g. `/me/ownedObjects`)
   * @returns the answer, or `null` for a 404 whose code is one of `options.absentCodes`
   * @throws GraphError
   */
  async send(
    path: string,
    token: AccessTokenSource,
    init: RequestInit,
    options: GraphSendOptions = {},
  ): Promise<GraphAnswer | null> {
    const url = `${this.root}${path}`;
    for (let attempt = 1; ; attempt++) {
      let outcome: AttemptOutcome;
      let failure: GraphError;
      // Outside the try: a sign-in failure is the token provider's to report, not a transient network error.
      const bearer = await token();
      try {
        const headers = { ...(init.headers as Record<string, string>), authorization: `Bearer ${bearer}` };
        const response = await this.fetch(url, {
          ...init,
          headers,
          redirect: options.followRedirects ? 'follow' : 'error',
          signal: AbortSignal.timeout(this.attemptTimeoutMs),
        });
        const requestId = response.headers.get('request-id') ?? undefined;
        if (response.ok) return { response, requestId };
        const graphCode = await errorCodeOf(response);
        if (response.status === 404 && graphCode !== undefined && options.absentCodes?.includes(graphCode)) {
          return null;
        }
        outcome = {
          kind: 'response',
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
        };
        const code = graphErrorCode(response.status, graphCode, options.target);
        failure = new GraphError(code, { status: response.status, graphCode, requestId });
      } catch (cause) {
        outcome = { kind: 'network-error' };
        failure = new GraphError(
          'GraphUnavailable',
          { status: 0, graphCode: networkReason(cause) },
          { cause },
        );
      }
      const wait = retryDelay(outcome, attempt, this.policy, this.random);
      if (wait === null) throw failure;
      await this.sleep(wait);
    }
  }

  /**
   * Like {@link send}, for requests that must succeed: never `null`.
   * @throws GraphError
   */
  async require(
    path: string,
    token: AccessTokenSource,
    init: RequestInit,
    options: Omit<GraphSendOptions, 'absentCodes'> = {},
  ): Promise<GraphAnswer> {
    return (await this.send(path, token, init, options)) as GraphAnswer;
  }
}

/** The most of an error answer read for its code: Graph's error bodies are a few hundred bytes. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * Graph's `error.code` from an error body, if it is JSON of at most {@link MAX_ERROR_BODY_BYTES}; the message is not
 * kept (it can quote user input).
 */
async function errorCodeOf(response: Response): Promise<string | undefined> {
  try {
    const bytes = await readCappedBody(response, MAX_ERROR_BODY_BYTES, (detail) => new RangeError(detail));
    const body = JSON.parse(new TextDecoder().decode(bytes)) as { error?: { code?: unknown } } | null;
    return typeof body?.error?.code === 'string' ? body.error.code : undefined;
  } catch {
    return undefined;
  }
}

function networkReason(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof inner === 'string') return inner;
  return cause instanceof Error ? cause.name : 'network error';
}
