/**
 * Downloads the image a person sent to the bot, with the outbound rules of conventions.md rule 5.
 *
 * - https only. Loopback hosts (`localhost`, 127.0.0.0/8, `::1`), over http or https, only in local mode
 *   (`allowLoopback`); any other IP literal never (Teams never sends one, and an address is the usual way to reach
 *   a cloud metadata endpoint or an internal service).
 * - The bot's token goes only to hosts on the `tokenHosts` allowlist, and an inline image on any other host is
 *   refused before any request is made.
 * - Every hop's host name is resolved once, by the injected resolver; a file download (no token) is refused when
 *   any address is loopback (outside local mode), private, link-local, CGNAT, unique-local or otherwise not public
 *   (address-rules.ts), and the connection goes only to the addresses that were checked: there is no second lookup
 *   for a DNS answer to change in between.
 * - Redirects are followed by hand so that every hop is checked by the same rules (see {@link AttachmentDownloader}).
 * - The byte cap is enforced while the body streams in, and one deadline covers the whole download (DNS included).
 *
 * Error messages name the origin (and a refused address) at most: never a path or query string (a pre-authorized
 * download URL carries its authorization there) and never the token. For the same reason the underlying network
 * error is not attached as `cause`; only its code or name is kept.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions as HttpsRequestOptions } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { AppError, PhotoError } from '../../errors.js';
import { addressProblem } from './address-rules.js';
import { HostAllowlist, isIpLiteral, isLoopbackHost, normalizeHost } from './host-rules.js';
import type { PickedImage } from './image-picker.js';

/** How many redirects are followed when the options do not say. */
export const DEFAULT_MAX_REDIRECTS = 3;

/** One address a host name resolves to, as `dns.lookup(name, { all: true })` gives it. */
export interface ResolvedAddress {
  readonly address: string;
  /** 4 or 6; the downloader recomputes it from `address` rather than trusting it. */
  readonly family: number;
}

/** Resolves a host name to every address it has. */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system resolver (`dns.lookup` with `all: true`: /etc/hosts, then DNS, as any other program on the host). */
export const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true });

/** Everything the downloader touches outside itself. */
export interface AttachmentDownloaderOptions {
  /**
   * Resolves each hop's host name (default {@link systemResolver}). Tests, and an offline end-to-end run that
   * points a Teams host name at a loopback server, pass their own map.
   */
  readonly resolve?: HostResolver;
  /**
   * Certificates trusted for https hops instead of Node's default roots (node:tls `ca`). Not configuration: only a
   * test's self-signed loopback server needs it. The host name is still checked against the certificate.
   */
  readonly ca?: string | Buffer | (string | Buffer)[];
  /**
   * The bot's own token (client credentials for `https://api.botframework.com/.default`), asked for only when an
   * inline image has passed every host check. Its errors reach the caller unchanged: they are the token
   * provider's to explain, not a download failure.
   */
  readonly botToken: () => Promise<string>;
  /** Hosts that may receive the bot's token; see {@link HostAllowlist} for the entry syntax. */
  readonly tokenHosts: readonly string[];
  /** Local mode: loopback hosts are allowed, over plain http too. */
  readonly allowLoopback: boolean;
  /** Largest body accepted, in bytes; more is `ImageTooLarge`. */
  readonly maxBytes: number;
  /** Deadline for the whole download (every hop and the body), in milliseconds. */
  readonly timeoutMs: number;
  /** Redirects followed at most (default {@link DEFAULT_MAX_REDIRECTS}); 0 refuses any redirect. */
  readonly maxRedirects?: number;
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a {@link PickedImage}'s bytes.
 *
 * **Inline images** need the bot's token. Every hop of an inline download, the first and each redirect target,
 * must be on the token allowlist, or the download stops with `AttachmentHostNotAllowed` before that hop is
 * requested: an inline image lives on a Bot Framework / Teams host, so a redirect elsewhere is not something we
 * follow. The `Authorization` header is sent on a hop only when that hop is on the allowlist *and* has the same
 * origin (scheme, host, port) as the first request, so the token never follows a redirect to another host, not
 * even to another allowlisted one (that hop is followed without it). An inline hop's name is resolved and pinned
 * like any other, but its addresses are not range-checked: only Microsoft's own names pass the allowlist, and no
 * stranger controls what they resolve to.
 *
 * **Files** (`content.downloadUrl`) never carry an `Authorization` header, on any hop: the URL is pre-authorized
 * (its query holds a short-lived grant from SharePoint / OneDrive), so a bearer token adds nothing, and sending
 * the bot's token there would hand it to whichever host the URL names, which arrives in the activity. This is the
 * same choice the Teams SDK (microsoft/teams.ts) makes for pre-signed URLs. A file's hops may be on any host that
 * passes the scheme checks and resolves to public addresses only: the tenant's SharePoint host is not known in
 * advance, but it is never on the bot's own network.
 */
export class AttachmentDownloader {
  private readonly resolve: HostResolver;
  private readonly ca: AttachmentDownloaderOptions['ca'];
  private readonly botToken: () => Promise<string>;
  private readonly tokenHosts: HostAllowlist;
  private readonly allowLoopback: boolean;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly maxRedirects: number;

  /** @throws RangeError for a bad limit or allowlist entry, so a configuration mistake fails at start-up */
  constructor(options: AttachmentDownloaderOptions) {
    const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes <= 0)
      throw new RangeError('maxBytes must be a positive integer');
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0)
      throw new RangeError('timeoutMs must be a positive number');
    if (!Number.isSafeInteger(maxRedirects) || maxRedirects < 0)
      throw new RangeError('maxRedirects must be a non-negative integer');
    this.resolve = options.resolve ?? systemResolver;
    this.ca = options.ca;
    this.botToken = options.botToken;
    this.tokenHosts = new HostAllowlist(options.tokenHosts);
    this.allowLoopback = options.allowLoopback;
    this.maxBytes = options.maxBytes;
    this.timeoutMs = options.timeoutMs;
    this.maxRedirects = maxRedirects;
  }

  /**
   * The image's bytes.
   * @throws AppError `AttachmentHostNotAllowed` (a URL, redirect or resolved address the rules refuse; nothing is
   *   sent to it), `AttachmentDownloadFailed` (name not found, network error, non-2xx status, too many redirects,
   *   empty body, timeout)
   * @throws PhotoError `ImageTooLarge` (declared or streamed body over `maxBytes`)
   */
  async download(image: PickedImage): Promise<Uint8Array> {
    const first = this.checkHop(image.url, image.kind);
    // Asked for only after the URL passed, so a refused URL costs no token. Outside the deadline and the catch
    // below: a sign-in failure is the token provider's to report.
    const token = image.kind === 'inline' ? await this.botToken() : undefined;

    const controller = new AbortController();
    const deadline = { passed: false };
    const timer = setTimeout(() => {
      deadline.passed = true;
      controller.abort();
    }, this.timeoutMs);
    let response: IncomingMessage | undefined;
    try {
      let url = first;
      for (let redirects = 0; ; redirects++) {
        const pinned = await this.pin(url, image.kind, controller.signal);
        const headers: Record<string, string> = {
          // The byte cap counts what arrives; a compressed body would be capped before it is undone, so ask for
          // none (an image gains nothing from it anyway).
          'accept-encoding': 'identity',
        };
        // An empty token (local mode has no bot credentials) means no header rather than `Bearer ` with nothing.
        if (token && this.tokenHosts.has(url.hostname) && url.origin === first.origin)
          headers.authorization = `Bearer ${token}`;
        response = await this.get(url, pinned, headers, controller.signal);
        const status = response.statusCode ?? 0;
        if (REDIRECT_STATUSES.has(status)) {
          response.destroy();
          if (redirects >= this.maxRedirects) throw failed(`more than ${this.maxRedirects} redirects`, first);
          const location = response.headers.location;
          if (location === undefined) throw failed(`status ${status} without a location`, url);
          url = this.checkHop(location, image.kind, url);
          continue;
        }
        if (status < 200 || status > 299) throw failed(`status ${status}`, url);
        return await this.readCapped(response, url);
      }
    } catch (error) {
      // Whatever went wrong, drop the connection now rather than when the server gives up.
      controller.abort();
      response?.destroy();
      if (error instanceof AppError) throw error;
      if (deadline.passed)
        throw new AppError('AttachmentDownloadFailed', `timed out after ${this.timeoutMs} ms`);
      throw new AppError('AttachmentDownloadFailed', `network error (${networkReason(error)})`);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Parses one hop's URL (relative to the previous hop for a redirect) and applies the scheme, address and
   * allowlist rules that need no lookup.
   * @throws AppError `AttachmentHostNotAllowed`
   */
  private checkHop(href: string, kind: PickedImage['kind'], base?: URL): URL {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      throw new AppError('AttachmentHostNotAllowed', base ? 'redirect refused: invalid URL' : 'invalid URL');
    }
    const refused = (detail: string) =>
      new AppError('AttachmentHostNotAllowed', base ? `redirect refused: ${detail}` : detail);
    if (url.username !== '' || url.password !== '') throw refused('credentials in the URL');
    const loopback = isLoopbackHost(url.hostname);
    const schemeAllowed =
      url.protocol === 'https:' || (url.protocol === 'http:' && loopback && this.allowLoopback);
    if (!schemeAllowed) {
      const rule = this.allowLoopback ? 'https only, http for loopback' : 'https only';
      throw refused(`${url.protocol} to ${url.hostname || 'no host'} (${rule})`);
    }
    if (loopback ? !this.allowLoopback : isIpLiteral(url.hostname))
      throw refused(`address ${url.hostname} (loopback only in local mode, no other addresses)`);
    if (kind === 'inline' && !this.tokenHosts.has(url.hostname))
      throw refused(`${url.hostname} is not a bot token host`);
    return url;
  }

  /**
   * The addresses this hop may connect to, in the resolver's order: the IP literal itself, or every address the
   * name resolves to (Node tries them in turn, as it would its own lookup's). For a file, every one must pass
   * {@link addressProblem}: a name that also resolves to an inside address is refused outright rather than tried
   * on its public one, since which one a connection ends up on is not ours to predict.
   * @throws AppError `AttachmentHostNotAllowed` (an address refused), `AttachmentDownloadFailed` (no address)
   */
  private async pin(
    url: URL,
    kind: PickedImage['kind'],
    signal: AbortSignal,
  ): Promise<readonly [ResolvedAddress, ...ResolvedAddress[]]> {
    const host = normalizeHost(url.hostname);
    // checkHop let through no IP literal but loopback in local mode.
    if (isIpLiteral(host)) return [{ address: host, family: isIP(host) }];
    let answers: readonly ResolvedAddress[];
    try {
      answers = await untilAborted(this.resolve(host), signal);
    } catch (error) {
      if (signal.aborted) throw error; // the deadline: reported as the timeout by the caller
      throw failed(`cannot resolve the host (${networkReason(error)})`, url);
    }
    const addresses = answers
      .map(({ address }) => ({ address, family: isIP(address) }))
      .filter(({ family }) => family !== 0);
    const [first, ...others] = addresses;
    if (first === undefined || addresses.length !== answers.length)
      throw failed('the host has no usable address', url);
    if (kind === 'file') {
      for (const { address } of addresses) {
        const problem = addressProblem(address, this.allowLoopback);
        if (problem !== undefined)
          throw new AppError('AttachmentHostNotAllowed', `${url.host} resolves to a ${problem}`);
      }
    }
    return [first, ...others];
  }

  /**
   * One GET over a connection to one of the `pinned` addresses, with TLS (SNI and the certificate check) against
   * the URL's host name.
   */
  private get(
    url: URL,
    pinned: readonly [ResolvedAddress, ...ResolvedAddress[]],
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<IncomingMessage> {
    const options: HttpsRequestOptions = {
      method: 'GET',
      headers,
      signal,
      // A connection of its own: a pooled socket would be shared with requests whose checks it never saw.
      agent: false,
      lookup: pinnedLookup(pinned),
      ...(url.protocol === 'https:' && this.ca !== undefined ? { ca: this.ca } : {}),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const request = send(url, options, resolve);
      request.once('error', reject);
      request.end();
    });
  }

  /** Reads the body, refusing it as soon as it is known to exceed the cap. */
  private async readCapped(response: IncomingMessage, url: URL): Promise<Uint8Array> {
    const declared = response.headers['content-length'];
    if (declared !== undefined && /^\d+$/.test(declared.trim()) && Number(declared) > this.maxBytes) {
      throw new PhotoError('ImageTooLarge', `${Number(declared)} bytes declared, limit ${this.maxBytes}`);
    }
    // Read chunk by chunk: a body without content-length (or one that lies about it) must not be buffered beyond
    // the cap. The caller destroys the response on the way out, which tears the connection down.
    // With a declared length the body is copied into one buffer as each chunk arrives: joining a 12 MP photo's
    // chunks at the end is one copy of megabytes of fresh memory in a single task, which blocked the event loop
    // for tens of milliseconds per photo (bench/bot-bench.ts). A body longer than declared falls back to joining.
    const expected = declared !== undefined && /^\d+$/.test(declared.trim()) ? Number(declared) : 0;
    const body = new Uint8Array(expected);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      if (total + chunk.byteLength > this.maxBytes)
        throw new PhotoError('ImageTooLarge', `more than ${this.maxBytes} bytes`);
      if (chunks.length === 0 && total + chunk.byteLength <= expected) body.set(chunk, total);
      else {
        if (chunks.length === 0 && total > 0) chunks.push(Buffer.from(body.buffer, 0, total));
        chunks.push(chunk);
      }
      total += chunk.byteLength;
      // One chunk per download per turn of the event loop: with many photos arriving at once, the socket reads of
      // a single turn would otherwise all be copied in one go (tens of milliseconds of the bot's main thread).
      // While this waits, the response's buffer fills and the socket is paused, so memory stays bounded too.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (total === 0) throw failed('empty body', url);
    if (chunks.length === 0) return total === expected ? body : body.subarray(0, total);
    const joined = Buffer.concat(chunks, total);
    // A view, not a copy: the joined buffer is this body's alone.
    return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
  }
}

/** `promise`, or a rejection as soon as `signal` aborts: a resolver that never answers must not outlive the deadline. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(new Error('aborted while resolving'));
    };
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * A `lookup` for node:net that answers with the addresses already checked, whatever name it is asked for: the
 * connection cannot reach an address the rules did not see. Node asks with `all: true` when it tries addresses in
 * turn (`autoSelectFamily`, the default), and for a single address otherwise.
 */
function pinnedLookup(pinned: readonly [ResolvedAddress, ...ResolvedAddress[]]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all === true) {
      callback(
        null,
        pinned.map(({ address, family }) => ({ address, family })),
      );
    } else {
      callback(null, pinned[0].address, pinned[0].family);
    }
  };
}

/** A download failure naming the origin only: the path and query of a pre-authorized URL are its secret. */
function failed(detail: string, url: URL): AppError {
  return new AppError('AttachmentDownloadFailed', `${detail} from ${url.origin}`);
}

/** A system error code (`ECONNREFUSED`) or an error's name; never its message, which could quote the URL. */
function networkReason(cause: unknown): string {
  const own = (cause as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const inner = (cause as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof inner === 'string') return inner;
  return cause instanceof Error ? cause.name : 'unknown error';
}
