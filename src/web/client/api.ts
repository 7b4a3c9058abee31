/**
 * The page's calls to the photo API (`/api/photo/...` on the same server, see the issue 16 contract), each with
 * `Authorization: Bearer <token>` and `?locale=` (the page's language, so the API's error sentences match the
 * page even when the browser's own languages differ from Teams'). A 401 asks the session for a fresh token and
 * tries once more. Every refusal becomes an {@link ApiError} carrying the API's localized sentence, which the page
 * shows as it is; an answer that is not the API's JSON, or no answer, carries the page's own sentence instead.
 */
import type { Session } from './session.js';

/** A refusal: the HTTP status (0 when nothing answered), the API's error code and its localized sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** More lines of the answer: a quality refusal's findings, each a sentence. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The person signed in. */
export interface Me {
  readonly id: string;
  readonly displayName: string;
}

/** A group the person owns. */
export interface GroupTarget {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string;
}

/** One of the person's contacts, in whichever folder. */
export interface ContactTarget {
  readonly id: string;
  readonly displayName: string;
  readonly folderId?: string;
  readonly folderName?: string;
}

/** Whose photos the person may change besides their own. */
export interface Targets {
  readonly groups: readonly GroupTarget[];
  readonly contacts: readonly ContactTarget[];
}

/** A square the API measured or used, in upright pixels, and how it was chosen. */
export interface ApiCrop {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly method: string;
}

/** `POST /api/photo/suggest`: the upright size and the automatic square. */
export interface Suggestion {
  readonly width: number;
  readonly height: number;
  readonly crop: ApiCrop;
}

/** `PUT /api/photo`: the change (for Undo), the square used and a small preview of the result. */
export interface ChangeResult {
  readonly changeId: string;
  readonly crop: ApiCrop;
  readonly previewDataUri: string;
}

/** The page's sentences for failures the API did not word. */
export interface FallbackTexts {
  /** Nothing answered (offline, server down). */
  readonly offline: string;
  /** Something answered, but not with the API's error JSON. */
  readonly generic: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isCrop(value: unknown): value is ApiCrop {
  return isRecord(value) && isCount(value.x) && isCount(value.y) && isCount(value.w) && isCount(value.h);
}

/** The calls, bound to a session and the page's locale. */
export class PhotoApi {
  constructor(
    private readonly session: Session,
    private readonly locale: string,
    private readonly texts: FallbackTexts,
  ) {}

  async me(): Promise<Me> {
    const body = await this.json('GET', '/api/photo/me');
    if (isRecord(body) && isText(body.id) && isText(body.displayName)) {
      return { id: body.id, displayName: body.displayName };
    }
    throw this.unexpected();
  }

  async targets(): Promise<Targets> {
    const body = await this.json('GET', '/api/photo/targets');
    if (!isRecord(body) || !Array.isArray(body.groups) || !Array.isArray(body.contacts))
      throw this.unexpected();
    const groups = (body.groups as unknown[]).filter(
      (g): g is GroupTarget => isRecord(g) && isText(g.id) && isText(g.displayName),
    );
    const contacts = (body.contacts as unknown[]).filter(
      (c): c is ContactTarget => isRecord(c) && isText(c.id) && isText(c.displayName),
    );
    return { groups, contacts };
  }

  /** The target's photo as an image, or null when it has none (204). */
  async current(target: string): Promise<Blob | null> {
    const response = await this.send('GET', '/api/photo/current', { target });
    return response.status === 204 ? null : response.blob();
  }

  async suggest(picture: Blob): Promise<Suggestion> {
    const body = await this.json('POST', '/api/photo/suggest', {}, picture);
    if (isRecord(body) && isCount(body.width) && isCount(body.height) && isCrop(body.crop)) {
      return { width: body.width, height: body.height, crop: body.crop };
    }
    throw this.unexpected();
  }

  /**
   * Sets the target's photo; `crop` is `x,y,w,h`, or null for the automatic square; `useAnyway` sets it despite a
   * quality warning.
   */
  async setPhoto(
    target: string,
    picture: Blob,
    crop: string | null,
    useAnyway = false,
  ): Promise<ChangeResult> {
    const query: Record<string, string> = crop === null ? { target } : { target, crop };
    if (useAnyway) query.useAnyway = 'true';
    const body = await this.json('PUT', '/api/photo', query, picture);
    if (isRecord(body) && isText(body.changeId) && isCrop(body.crop) && isText(body.previewDataUri)) {
      return { changeId: body.changeId, crop: body.crop, previewDataUri: body.previewDataUri };
    }
    throw this.unexpected();
  }

  async undo(changeId: string): Promise<'restored' | 'removed'> {
    const body = await this.json('POST', '/api/photo/undo', {}, JSON.stringify({ changeId }));
    if (isRecord(body) && (body.outcome === 'restored' || body.outcome === 'removed')) return body.outcome;
    throw this.unexpected();
  }

  private unexpected(): ApiError {
    return new ApiError(200, 'UnexpectedAnswer', this.texts.generic);
  }

  private async json(
    method: string,
    path: string,
    query: Record<string, string> = {},
    body?: Blob | string,
  ): Promise<unknown> {
    const response = await this.send(method, path, query, body);
    try {
      return (await response.json()) as unknown;
    } catch {
      throw this.unexpected();
    }
  }

  /** Sends with a token; on 401 once more with a fresh one. Resolves only to a 2xx answer. */
  private async send(
    method: string,
    path: string,
    query: Record<string, string>,
    body?: Blob | string,
  ): Promise<Response> {
    const url = `${path}?${new URLSearchParams({ ...query, locale: this.locale }).toString()}`;
    let response = await this.attempt(method, url, await this.session.token(false), body);
    if (response.status === 401) {
      response = await this.attempt(method, url, await this.session.token(true), body);
    }
    if (response.ok) return response;
    throw await this.refusal(response);
  }

  private async attempt(method: string, url: string, token: string, body?: Blob | string): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    else if (body !== undefined) headers['content-type'] = body.type || 'application/octet-stream';
    try {
      return await fetch(url, {
        method,
        headers,
        body: body ?? null,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'Offline', this.texts.offline);
    }
  }

  private async refusal(response: Response): Promise<ApiError> {
    try {
      const body = (await response.json()) as unknown;
      if (isRecord(body) && isRecord(body.error) && isText(body.error.message) && body.error.message !== '') {
        const code = isText(body.error.code) ? body.error.code : 'Unknown';
        const findings = Array.isArray(body.findings) ? (body.findings as unknown[]) : [];
        const details = findings.flatMap((f) => (isRecord(f) && isText(f.text) ? [f.text] : []));
        return new ApiError(response.status, code, body.error.message, details);
      }
    } catch {
      // Not the API's JSON: a proxy's page, an empty body.
    }
    return new ApiError(response.status, 'Unknown', this.texts.generic);
  }
}
