/**
 * The Microsoft Graph photo client: put, read, describe and delete the profile photo of any {@link PhotoTarget},
 * with retries on throttling and transient failures and typed errors for everything else.
 *
 * Everything outside is injected (fetch, the token, the wait between attempts, the jitter), so tests run it against
 * the local Graph emulator over loopback. The base URL comes from config: public cloud, US Government or China.
 */
import { GraphError, graphErrorCode } from './graph-errors.js';
import { photoPath, type PhotoTarget } from './photo-target.js';
import { DEFAULT_RETRY_POLICY, retryDelay, type AttemptOutcome, type RetryPolicy } from './retry-policy.js';

/** Graph's request body limit for a photo: 4 MiB. */
export const GRAPH_PHOTO_BODY_LIMIT = 4 * 1024 * 1024;

export type GraphApiVersion = 'v1.0' | 'beta';

/** Hands out a bearer token for one request; called once per attempt, so a cached provider is expected. */
export type AccessTokenSource = () => Promise<string>;

/**
 * A request header naming how a photo change came about (`chat`, `undo`, `admin`...). Real Graph ignores headers
 * it does not know; the local emulator records it to show on its page. It carries no user data.
 */
export const PHOTO_PATH_HEADER = 'x-teams-photo-path';

function viaHeader(via: string | undefined): Record<string, string> {
  return via === undefined ? {} : { [PHOTO_PATH_HEADER]: via };
}

export interface GraphPhotoClientOptions {
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

/** What Graph says about a stored photo. */
export interface PhotoMetadata {
  readonly width: number;
  readonly height: number;
  readonly contentType: string;
}

/** A change Graph accepted, with its request id for the audit log. */
export interface GraphReceipt {
  readonly requestId: string | undefined;
}

interface Answer {
  readonly response: Response;
  readonly requestId: string | undefined;
}

export class GraphPhotoClient {
  private readonly root: string;
  private readonly version: GraphApiVersion;
  private readonly fetch: typeof fetch;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly attemptTimeoutMs: number;

  constructor(options: GraphPhotoClientOptions) {
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
   * Sets the target's photo. The body must be a JPEG of at most 4 MiB; a larger one is refused before sending.
   * @param method `PATCH` is accepted by v1.0 only
   * @param via how the change came about (`chat`, `undo`, `admin`...), sent as {@link PHOTO_PATH_HEADER}
   * @throws GraphError
   */
  async putPhoto(
    target: PhotoTarget,
    jpeg: Uint8Array,
    token: AccessTokenSource,
    method: 'PUT' | 'PATCH' = 'PUT',
    via?: string,
  ): Promise<GraphReceipt> {
    if (method === 'PATCH' && this.version !== 'v1.0') throw new RangeError('PATCH on a photo is v1.0 only');
    if (jpeg.byteLength > GRAPH_PHOTO_BODY_LIMIT) {
      throw new GraphError('GraphPhotoTooLarge', {
        status: 0,
        graphCode: `body of ${jpeg.byteLength} bytes`,
      });
    }
    const { response, requestId } = await this.send(target, `${photoPath(target)}/$value`, token, {
      method,
      headers: { 'content-type': 'image/jpeg', ...viaHeader(via) },
      body: jpeg,
    });
    await response.arrayBuffer(); // drain, so the connection can be reused
    return { requestId };
  }

  /** The photo's bytes, or `null` when the target has none. @throws GraphError */
  async getPhoto(target: PhotoTarget, token: AccessTokenSource): Promise<Uint8Array | null> {
    const answer = await this.send(target, `${photoPath(target)}/$value`, token, { method: 'GET' }, true);
    return answer ? new Uint8Array(await answer.response.arrayBuffer()) : null;
  }

  /** The photo's size and type, or `null` when the target has none. @throws GraphError */
  async getPhotoMetadata(target: PhotoTarget, token: AccessTokenSource): Promise<PhotoMetadata | null> {
    const answer = await this.send(target, photoPath(target), token, { method: 'GET' }, true);
    if (!answer) return null;
    const body = (await answer.response.json()) as Record<string, unknown>;
    return {
      width: Number(body.width),
      height: Number(body.height),
      contentType:
        typeof body['@odata.mediaContentType'] === 'string' ? body['@odata.mediaContentType'] : 'image/jpeg',
    };
  }

  /**
   * Removes the photo; `false` when there was none.
   * @param via how the change came about, sent as {@link PHOTO_PATH_HEADER}
   * @throws GraphError
   */
  async deletePhoto(target: PhotoTarget, token: AccessTokenSource, via?: string): Promise<boolean> {
    const answer = await this.send(
      target,
      photoPath(target),
      token,
      { method: 'DELETE', headers: viaHeader(via) },
      true,
    );
    if (!answer) return false;
    await answer.response.arrayBuffer();
    return true;
  }

  private send(
    target: PhotoTarget,
    path: string,
    token: AccessTokenSource,
    init: RequestInit,
  ): Promise<Answer>;
  private send(
    target: PhotoTarget,
    path: string,
    token: AccessTokenSource,
    init: RequestInit,
    noPhotoIsNull: true,
  ): Promise<Answer | null>;
  /**
   * One request with retries. With `noPhotoIsNull`, Graph's 404 `ImageNotFound` (the target exists but has no
   * photo) is `null` rather than an error.
   */
  private async send(
    target: PhotoTarget,
    path: string,
    token: AccessTokenSource,
    init: RequestInit,
    noPhotoIsNull = false,
  ): Promise<Answer | null> {
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
          redirect: 'error',
          signal: AbortSignal.timeout(this.attemptTimeoutMs),
        });
        const requestId = response.headers.get('request-id') ?? undefined;
        if (response.ok) return { response, requestId };
        const graphCode = await errorCodeOf(response);
        if (noPhotoIsNull && response.status === 404 && graphCode === 'ImageNotFound') return null;
        outcome = {
          kind: 'response',
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
        };
        const code = graphErrorCode(response.status, graphCode, target);
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
}

/** Graph's `error.code` from an error body, if it is JSON; the message is not kept (it can quote user input). */
async function errorCodeOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : undefined;
  } catch {
    return undefined;
  }
}

function networkReason(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof inner === 'string') return inner;
  return cause instanceof Error ? cause.name : 'network error';
}
