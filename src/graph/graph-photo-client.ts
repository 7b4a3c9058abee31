/**
 * The Microsoft Graph photo client: put, read, describe and delete the profile photo of any {@link PhotoTarget},
 * with retries on throttling and transient failures and typed errors for everything else (see graph-transport.ts).
 *
 * Everything outside is injected (fetch, the token, the wait between attempts, the jitter), so tests run it against
 * the local Graph emulator over loopback. The base URL comes from config: public cloud, US Government or China.
 */
import { readCappedBody } from './capped-body.js';
import { GraphError } from './graph-errors.js';
import { photoPath, type PhotoTarget } from './photo-target.js';
import {
  GraphTransport,
  type AccessTokenSource,
  type GraphAnswer,
  type GraphApiVersion,
  type GraphTransportOptions,
} from './graph-transport.js';

export type { AccessTokenSource, GraphApiVersion } from './graph-transport.js';

/** Graph's request body limit for a photo: 4 MiB. */
export const GRAPH_PHOTO_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * A request header naming how a photo change came about (`chat`, `undo`, `admin`...). Real Graph ignores headers
 * it does not know; the local emulator records it to show on its page. It carries no user data.
 */
export const PHOTO_PATH_HEADER = 'x-teams-photo-path';

function viaHeader(via: string | undefined): Record<string, string> {
  return via === undefined ? {} : { [PHOTO_PATH_HEADER]: via };
}

export type GraphPhotoClientOptions = GraphTransportOptions;

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

/** Graph's answer to reading a photo that is not there (the target itself exists). */
const NO_PHOTO = ['ImageNotFound'];

export class GraphPhotoClient {
  private readonly transport: GraphTransport;
  private readonly version: GraphApiVersion;

  constructor(options: GraphPhotoClientOptions) {
    this.transport = new GraphTransport(options);
    this.version = this.transport.version;
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
    const { response, requestId } = await this.transport.require(
      `${photoPath(target)}/$value`,
      token,
      { method, headers: { 'content-type': 'image/jpeg', ...viaHeader(via) }, body: jpeg },
      { target },
    );
    await response.arrayBuffer(); // drain, so the connection can be reused
    return { requestId };
  }

  /** The photo's bytes, or `null` when the target has none. @throws GraphError */
  async getPhoto(target: PhotoTarget, token: AccessTokenSource): Promise<Uint8Array | null> {
    const answer = await this.absentIsNull(target, `${photoPath(target)}/$value`, token, { method: 'GET' });
    if (!answer) return null;
    // Graph keeps photos of at most its 4 MiB upload limit; anything much larger is not a photo to buffer.
    return readCappedBody(
      answer.response,
      2 * GRAPH_PHOTO_BODY_LIMIT,
      (detail) => new GraphError('GraphPhotoTooLarge', { status: 200, graphCode: `photo answer ${detail}` }),
    );
  }

  /** The photo's size and type, or `null` when the target has none. @throws GraphError */
  async getPhotoMetadata(target: PhotoTarget, token: AccessTokenSource): Promise<PhotoMetadata | null> {
    const answer = await this.absentIsNull(target, photoPath(target), token, { method: 'GET' });
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
    const answer = await this.absentIsNull(target, photoPath(target), token, {
      method: 'DELETE',
      headers: viaHeader(via),
    });
    if (!answer) return false;
    await answer.response.arrayBuffer();
    return true;
  }

  /** A request about a photo, with Graph's 404 `ImageNotFound` (no photo) as `null`. */
  private absentIsNull(
    target: PhotoTarget,
    path: string,
    token: AccessTokenSource,
    init: RequestInit,
  ): Promise<GraphAnswer | null> {
    return this.transport.send(path, token, init, { target, absentCodes: NO_PHOTO });
  }
}
