/**
 * A tiny router for the emulator's Graph routes: a route is a list of path segments, where `:name` binds a
 * parameter, and one handler per HTTP method. Literal segments compare without case, as Graph's do; the first
 * route that matches wins.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { LocalTokenIssuer } from '../auth/local-token-issuer.js';
import type { Caller } from './auth-rules.js';
import type { ContentStore } from './content-store.js';
import type { Directory } from './directory.js';
import type { GraphAnswer } from './graph-answers.js';
import type { PhotoSettingsStore } from './photo-settings.js';
import type { PhotoStore } from './photo-store.js';

/** The API versions the emulator serves, with the same routes under each. */
export type ApiVersion = 'v1.0' | 'beta';

/** The methods Graph routes answer; anything else is 405. */
export type HttpMethod = 'GET' | 'PUT' | 'PATCH' | 'DELETE';

/** What every handler may use. */
export interface EmulatorContext {
  readonly directory: Directory;
  readonly photos: PhotoStore;
  /** The files behind message images and shared files, and their one-time download links. */
  readonly content: ContentStore;
  readonly issuer: LocalTokenIssuer;
  /** Largest photo body accepted, in bytes. */
  readonly maxPhotoBytes: number;
  /** The organisation's photo rules (`photoUpdateSettings`), enforced on user photo writes. */
  readonly photoSettings: PhotoSettingsStore;
}

/** One authenticated Graph request, after routing. */
export interface GraphRequest {
  readonly method: HttpMethod;
  readonly version: ApiVersion;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The request itself, for handlers that read a body. */
  readonly incoming: IncomingMessage;
  readonly caller: Caller;
  /** e.g. `http://127.0.0.1:3979/v1.0`, for `@odata.context` and `@odata.nextLink`. */
  readonly serviceRoot: string;
  /** e.g. `http://127.0.0.1:3979`: the emulator's own address, for links outside the API (downloads). */
  readonly emulatorUrl: string;
  /** The path after the version, as requested (for `@odata.nextLink`). */
  readonly path: string;
}

/** Answers one request, or throws a GraphFault. */
export type Handler = (request: GraphRequest, context: EmulatorContext) => GraphAnswer | Promise<GraphAnswer>;

/** A path pattern and its handlers. */
export interface Route {
  readonly pattern: readonly string[];
  readonly handlers: Readonly<Partial<Record<HttpMethod, Handler>>>;
  /** Photo routes are the ones fault injection can be limited to. */
  readonly photo: boolean;
}

/** The route a path matched, with its parameters percent-decoded. */
export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

/** Builds a route from a path such as `users/:user/photo/$value`. */
export function route(path: string, handlers: Route['handlers'], photo = false): Route {
  return { pattern: path.split('/').filter((segment) => segment.length > 0), handlers, photo };
}

/** The first route whose pattern matches the decoded segments. */
export function matchRoute(routes: readonly Route[], segments: readonly string[]): RouteMatch | undefined {
  for (const candidate of routes) {
    if (candidate.pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = candidate.pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return segment.length > 0;
      }
      return part.toLowerCase() === segment.toLowerCase();
    });
    if (matches) return { route: candidate, params };
  }
  return undefined;
}
