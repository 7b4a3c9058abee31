/**
 * The local Microsoft Graph emulator: a node:http server that answers the part of Graph this app uses, under
 * `/v1.0` and `/beta`, with Graph's rules, status codes and error bodies (see auth-rules.ts, photo-routes.ts and
 * directory-routes.ts). It verifies tokens from the local issuer, reads its tenant from
 * `<dataDir>/emulator/directory.json` and keeps photos under `<dataDir>/emulator/photos/`, so they survive restarts.
 * Message images and shared files come from `<dataDir>/emulator/content/` (content-routes.ts); the seed's pictures
 * are drawn there on first start (seed-content.ts).
 * `/` is a read-only page of the directory and its photos, and `/_download/{token}` serves a shared file once
 * (SharePoint's pre-authenticated download URL), both for this machine only.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { LocalTokenIssuer } from '../auth/local-token-issuer.js';
import { authenticate } from './auth-rules.js';
import { isLoopbackHostHeader } from '../server/loopback-host.js';
import { answerThenDrain, drainBody, type DrainLimits } from './body-reader.js';
import { contentRoutes, serveDownload } from './content-routes.js';
import { ContentStore } from './content-store.js';
import type { Directory } from './directory.js';
import { DirectorySource } from './directory-source.js';
import { directoryRoutes } from './directory-routes.js';
import { checkFaults, decideFaults, tooManyRequests, type EmulatorFaults } from './faults.js';
import {
  errorBody,
  GraphFault,
  serializeAnswer,
  writeAnswer,
  type GraphAnswer,
  type RequestIds,
} from './graph-answers.js';
import { changesJson, PAGE_CONTENT_SECURITY_POLICY, renderDirectoryPage } from './html-page.js';
import { isLoopback, onlyLocal } from './local-only.js';
import { silentLogger, type EmulatorLogger } from './logger.js';
import { photoRoutes } from './photo-routes.js';
import { PhotoSettingsStore, photoSettingsRoutes } from './photo-settings.js';
import { mimeType, PhotoStore, type PhotoKey } from './photo-store.js';
import { seedContent } from './seed-content.js';
import { matchRoute, type ApiVersion, type EmulatorContext, type HttpMethod, type Route } from './router.js';
import { callingApp, WriteThrottle } from './write-throttle.js';

/** Re-exported so callers of {@link startEmulator} need one import. */
export type { EmulatorFaults } from './faults.js';
export type { EmulatorLogger } from './logger.js';
export { photoPath } from './photo-store.js';

/** Graph's photo body limit, which the app's client observes too: 4 MiB. */
export const GRAPH_PHOTO_MAX_BYTES = 4 * 1024 * 1024;

/** What {@link startEmulator} takes; every side effect (clock, randomness, logging) can be handed in. */
export interface EmulatorOptions {
  /** The port to listen on; 0 picks a free one. */
  readonly port: number;
  /** The address to bind, loopback unless asked otherwise. */
  readonly host?: string;
  /** The data folder: `emulator/directory.json`, `emulator/photos/` and the signing key live there. */
  readonly dataDir: string;
  readonly faults?: EmulatorFaults;
  /** Milliseconds since the epoch, for token lifetimes and error dates; `Date.now` by default. */
  readonly clock?: () => number;
  /** A number in [0, 1), for fault injection; `Math.random` by default. Inject a seeded one for repeatable runs. */
  readonly random?: () => number;
  readonly logger?: EmulatorLogger;
  /** Largest photo body, in bytes; {@link GRAPH_PHOTO_MAX_BYTES} by default. */
  readonly maxPhotoBytes?: number;
  /**
   * How much of a refused body (a 413, a 401 on an upload) is read and discarded after the answer, so the client
   * can read it: twice the photo limit and {@link DRAIN_TIMEOUT_MS} by default.
   */
  readonly drainLimits?: Partial<DrainLimits>;
}

/** A started emulator. */
export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:3979`; the API is under `<url>/v1.0` and `<url>/beta`. */
  readonly url: string;
  readonly port: number;
  /** The tenant the emulator serves, as last read from directory.json (see {@link currentDirectory}). */
  readonly directory: Directory;
  /** The tenant as directory.json has it now (read again when it changed), or the last good one. */
  readonly currentDirectory: () => Promise<Directory>;
  /**
   * For tests only (the app never reads it): how many photo writes (PUT, PATCH, DELETE) the emulator carried out
   * per photo since it started, keyed by {@link photoPath} (`users/<id>/photo`, ...), so a test can assert that a
   * job set every person's photo exactly once.
   */
  photoWrites(): ReadonlyMap<string, number>;
  /** Stops accepting, lets requests under way finish (up to 2 s), then closes every connection. */
  close(): Promise<void>;
}

const VERSIONS: readonly ApiVersion[] = ['v1.0', 'beta'];
const METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'PATCH', 'DELETE'];
const CLOSE_GRACE_MS = 2000;
/** How long the rest of a refused body may take to arrive before the connection is cut. */
export const DRAIN_TIMEOUT_MS = 5000;

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  checkFaults(options.faults);
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const logger = options.logger ?? silentLogger;
  const directories = await DirectorySource.open(options.dataDir, logger);
  // On a first start both are slow: the key is made on libuv's thread pool while this thread draws the pictures.
  const [issuer] = await Promise.all([
    LocalTokenIssuer.open(options.dataDir, { clock }),
    seedContent(options.dataDir),
  ]);
  const context: EmulatorContext = {
    directory: directories.latest,
    photos: new PhotoStore(path.join(options.dataDir, 'emulator', 'photos')),
    content: new ContentStore(path.join(options.dataDir, 'emulator'), clock),
    issuer,
    maxPhotoBytes: options.maxPhotoBytes ?? GRAPH_PHOTO_MAX_BYTES,
    photoSettings: new PhotoSettingsStore(options.dataDir),
  };
  const drainLimits: DrainLimits = {
    maxBytes: options.drainLimits?.maxBytes ?? 2 * context.maxPhotoBytes,
    timeoutMs: options.drainLimits?.timeoutMs ?? DRAIN_TIMEOUT_MS,
  };
  const routes: readonly Route[] = [
    ...photoRoutes(),
    ...directoryRoutes(),
    ...contentRoutes(),
    ...photoSettingsRoutes(context.photoSettings),
  ];
  const writeThrottle = new WriteThrottle(options.faults?.maxConcurrentWrites ?? 0);
  const inFlight = new Set<Promise<void>>();
  let baseUrl = '';

  const server: Server = createServer((request, response) => {
    const started = performance.now();
    const handling = handle(request, response)
      .catch((error: unknown) => {
        // Only a failure to write the answer itself gets here.
        logger.error(
          `graph emulator: could not answer: ${error instanceof Error ? error.message : String(error)}`,
        );
        response.destroy();
      })
      .finally(() => {
        inFlight.delete(handling);
        drainBody(request, drainLimits.maxBytes);
        const pathname = (request.url ?? '').split('?')[0] ?? '';
        logger.info(
          `${request.method ?? '?'} ${pathname} ${response.statusCode} ${Math.round(performance.now() - started)}ms`,
        );
      });
    inFlight.add(handling);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const clientRequestId = singleHeader(request.headers['client-request-id']) ?? requestId;
    const ids: RequestIds = { requestId, clientRequestId };
    response.setHeader('request-id', requestId);
    response.setHeader('client-request-id', clientRequestId);
    response.setHeader('x-content-type-options', 'nosniff');
    // A photo write's throttling slot, held until its answer (or refusal) is written.
    let releaseWrite: (() => void) | undefined;
    try {
      // DNS rebinding: a web page whose name is made to resolve to 127.0.0.1 reaches the emulator from this
      // machine's browser, but still sends its own name as the Host. Requests from elsewhere (only possible when
      // asked to bind beyond loopback) name whatever address they used.
      if (isLoopback(request.socket.remoteAddress) && !isLoopbackHostHeader(request.headers.host)) {
        throw new GraphFault(
          421,
          'MisdirectedRequest',
          'This emulator answers only to 127.0.0.1, localhost or [::1].',
        );
      }
      // Edits to directory.json apply from the next request on; one request sees one version of the directory.
      const directory = await directories.current();
      const url = new URL(request.url ?? '/', 'http://emulator.invalid');
      const segments = decodeSegments(url.pathname);
      if (segments[0] === undefined || segments[0] === '_view') {
        await serveView(request, response, segments, directory);
        return;
      }
      if (segments[0] === '_download') {
        await serveDownload(request, response, segments, context.content);
        return;
      }
      const [version, ...rest] = segments;
      if (!VERSIONS.includes(version as ApiVersion)) {
        throw new GraphFault(400, 'BadRequest', `Invalid version: ${version}`);
      }
      const match = matchRoute(routes, rest);
      if (!match)
        throw new GraphFault(400, 'BadRequest', `Resource not found for the segment '${rest.at(-1) ?? ''}'.`);
      const method = request.method as HttpMethod;
      const handler = METHODS.includes(method) ? match.route.handlers[method] : undefined;
      if (!handler)
        throw new GraphFault(
          405,
          'Request_BadRequest',
          `The HTTP method '${request.method ?? ''}' is not allowed here.`,
        );
      if (match.route.photo && method !== 'GET') {
        // Taken on arrival, before the injected latency: a write is in flight for all of its handling.
        releaseWrite = writeThrottle.acquire(
          callingApp(singleHeader(request.headers.authorization), context.issuer),
        );
        if (!releaseWrite) {
          const latency = options.faults?.latencyMs ?? 0;
          if (latency > 0) await delay(latency);
          throw tooManyRequests(options.faults);
        }
      }
      const decision = decideFaults(options.faults, match.route.photo, random);
      if (decision.delayMs > 0) await delay(decision.delayMs);
      if (decision.fault) throw decision.fault;
      const caller = authenticate(singleHeader(request.headers.authorization), context.issuer, directory);
      const answer = await handler(
        {
          method,
          version: version as ApiVersion,
          params: match.params,
          query: url.searchParams,
          headers: request.headers,
          incoming: request,
          caller,
          serviceRoot: `${baseUrl}/${version}`,
          emulatorUrl: baseUrl,
          path: url.pathname.split('/').slice(2).join('/'),
        },
        { ...context, directory },
      );
      await respond(request, response, answer);
    } catch (error) {
      const fault = error instanceof GraphFault ? error : internalError(error);
      await respond(request, response, {
        status: fault.status,
        json: errorBody(fault, ids, new Date(clock())),
        headers: fault.headers,
      });
    } finally {
      releaseWrite?.();
    }
  }

  /** Writes the answer; a body left unread (a refusal before or while reading it) is drained after it. */
  async function respond(
    request: IncomingMessage,
    response: ServerResponse,
    answer: GraphAnswer,
  ): Promise<void> {
    if (bodyPending(request)) await answerThenDrain(request, response, serializeAnswer(answer), drainLimits);
    else writeAnswer(response, answer);
  }

  /** An unexpected failure: logged for the developer, answered like Graph's 500 without details. */
  function internalError(error: unknown): GraphFault {
    logger.error(
      `graph emulator: unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
    );
    return new GraphFault(500, 'InternalServerError', 'An internal server error occurred.');
  }

  /** `/` and `/_view/photo/...`: read-only, unauthenticated, never faulted, and only for this machine. */
  async function serveView(
    request: IncomingMessage,
    response: ServerResponse,
    segments: readonly string[],
    directory: Directory,
  ): Promise<void> {
    if (!onlyLocal(request, response, ['GET', 'HEAD'])) return;
    if (segments.length === 0) {
      const html = Buffer.from(await renderDirectoryPage(directory, context.photos, baseUrl), 'utf8');
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': html.length,
        'content-security-policy': PAGE_CONTENT_SECURITY_POLICY,
      });
      response.end(request.method === 'HEAD' ? undefined : html);
      return;
    }
    if (segments.length === 2 && segments[1] === 'changes') {
      const json = changesJson(context.photos);
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json),
      });
      response.end(request.method === 'HEAD' ? undefined : json);
      return;
    }
    const key = viewKey(directory, segments);
    const photo = key && (await context.photos.get(key));
    if (!photo) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('No photo.\n');
      return;
    }
    response.writeHead(200, { 'content-type': mimeType(photo.format), 'content-length': photo.bytes.length });
    response.end(request.method === 'HEAD' ? undefined : photo.bytes);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port: address.port,
    get directory(): Directory {
      return directories.latest;
    },
    currentDirectory: () => directories.current(),
    photoWrites: () => context.photos.writeCounts(),
    close(): Promise<void> {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
        });
        server.closeIdleConnections();
        const grace = new AbortController();
        await Promise.race([
          Promise.allSettled([...inFlight]),
          delay(CLOSE_GRACE_MS, undefined, { signal: grace.signal }).catch(() => undefined),
        ]);
        grace.abort();
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}

/** The photo a `/_view/photo/...` path names, by the directory's ids; `undefined` for anything else. */
function viewKey(directory: Directory, segments: readonly string[]): PhotoKey | undefined {
  const [view, photo, kind, first, second, ...rest] = segments;
  if (view !== '_view' || photo !== 'photo' || first === undefined || rest.length > 0) return undefined;
  if (kind === 'users' && second === undefined) {
    const user = directory.findUser(first);
    return user && { kind: 'user', userId: user.id };
  }
  if (kind === 'groups' && second === undefined) {
    const group = directory.findGroup(first);
    return group && { kind: 'group', groupId: group.id };
  }
  if (kind === 'contacts' && second !== undefined) {
    const user = directory.findUser(first);
    const found = user && directory.findContact(user, second);
    return user && found && { kind: 'contact', userId: user.id, contactId: found.contact.id };
  }
  return undefined;
}

/** The path's segments, percent-decoded; a trailing slash is ignored. */
function decodeSegments(pathname: string): string[] {
  const parts = pathname.split('/').slice(1);
  if (parts.at(-1) === '') parts.pop();
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    throw new GraphFault(400, 'BadRequest', 'The request URL is not valid.');
  }
}

/** True while a request body is still arriving (or was left unread). */
function bodyPending(request: IncomingMessage): boolean {
  if (request.complete) return false;
  const length = Number(request.headers['content-length'] ?? 0);
  return request.headers['transfer-encoding'] !== undefined || length > 0;
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
