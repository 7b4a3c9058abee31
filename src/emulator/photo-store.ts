/**
 * The emulator's photos, one file per user, group or contact under `<dataDir>/emulator/photos/`, so they survive
 * restarts. File names are derived from directory ids (base64url, or a SHA-256 when that would be too long), never
 * from the request path as typed, so no input can name a file outside the folder. Writes go to a temporary file
 * that is renamed over the old photo: a reader sees the old photo or the new one, never half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sniffFormat, type SourceFormat } from '../photo/image-format.js';
import { readImageHeader } from '../photo/image-header.js';

/** Whose photo, by the directory's own ids (never as the request spelled them). */
export type PhotoKey =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'group'; readonly groupId: string }
  | { readonly kind: 'contact'; readonly userId: string; readonly contactId: string };

/** What the emulator knows of an image: enough to call it decodable and to report its size. */
export interface ImageInfo {
  readonly format: SourceFormat;
  readonly width: number;
  readonly height: number;
}

/** A stored photo with what the metadata answer reports. */
export interface StoredPhoto extends ImageInfo {
  readonly bytes: Buffer;
  /** Changes whenever the bytes do (Graph's `@odata.mediaEtag`). */
  readonly etag: string;
}

const MIME_TYPES: Record<SourceFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
};

/** The content type of a stored format. */
export function mimeType(format: SourceFormat): string {
  return MIME_TYPES[format];
}

/**
 * The format and size of an image, or `undefined` when the bytes are not an image the app could decode.
 * The header is enough for the emulator (Graph's own check is not documented); tiny photos are fine, as in Graph.
 */
export function inspectImage(bytes: Uint8Array): ImageInfo | undefined {
  const format = sniffFormat(bytes);
  if (!format) return undefined;
  try {
    const { width, height } = readImageHeader(bytes, format, {
      maxMegapixels: 50,
      maxSide: 20_000,
      minSide: 1,
    });
    return { format, width, height };
  } catch {
    return undefined;
  }
}

/** When and how a photo last changed while this emulator ran (for its page). */
export interface PhotoChange {
  /** Milliseconds since the epoch, by the store's clock. */
  readonly at: number;
  /** How: the app's `x-teams-photo-path` (`chat`, `undo`, `admin`...), or `graph` for any other caller. */
  readonly via: string;
}

/**
 * A photo's Graph path by the directory's ids (`users/<id>/photo`, `groups/<id>/photo`,
 * `users/<id>/contacts/<id>/photo`), however the request spelled it (`me`, a UPN, another case).
 */
export function photoPath(key: PhotoKey): string {
  switch (key.kind) {
    case 'user':
      return `users/${key.userId}/photo`;
    case 'group':
      return `groups/${key.groupId}/photo`;
    case 'contact':
      return `users/${key.userId}/contacts/${key.contactId}/photo`;
  }
}

/** Photos on disk under one folder. */
export class PhotoStore {
  readonly #root: string;
  readonly #now: () => number;
  // In memory only: the page's "changed at ... via ..." is about this run; the files themselves are the photos.
  readonly #changes = new Map<string, PhotoChange>();
  // In memory only, for tests: writes carried out per photo path since the store was opened.
  readonly #writes = new Map<string, number>();
  #revision = 0;

  /**
   * @param root the photos folder, e.g. `<dataDir>/emulator/photos`
   * @param now the clock for {@link PhotoChange.at}
   */
  constructor(root: string, now: () => number = Date.now) {
    this.#root = root;
    this.#now = now;
  }

  /** A number that goes up with every change of any photo, so the page can poll it cheaply. */
  get revision(): number {
    return this.#revision;
  }

  /** The last change of this photo since the emulator started, or `undefined`. */
  lastChange(key: PhotoKey): PhotoChange | undefined {
    return this.#changes.get(this.#file(key));
  }

  #changed(key: PhotoKey, via: string): void {
    this.#changes.set(this.#file(key), { at: this.#now(), via });
    this.#revision++;
  }

  /** Writes (puts and deletes) carried out per {@link photoPath} since this store was opened; a copy. */
  writeCounts(): ReadonlyMap<string, number> {
    return new Map(this.#writes);
  }

  #counted(key: PhotoKey): void {
    const where = photoPath(key);
    this.#writes.set(where, (this.#writes.get(where) ?? 0) + 1);
  }

  /** The photo, or `undefined` when there is none (or the file is no longer an image someone could use). */
  async get(key: PhotoKey): Promise<StoredPhoto | undefined> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.#file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const info = inspectImage(bytes);
    if (!info) return undefined;
    const etag = createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
    return { ...info, bytes, etag };
  }

  async has(key: PhotoKey): Promise<boolean> {
    return (await this.version(key)) !== undefined;
  }

  /** A short token that changes when the photo does (for cache-busting links), or `undefined` with no photo. */
  async version(key: PhotoKey): Promise<string | undefined> {
    try {
      const info = await stat(this.#file(key));
      return info.isFile() ? `${Math.round(info.mtimeMs).toString(36)}${info.size.toString(36)}` : undefined;
    } catch {
      return undefined;
    }
  }

  /** Replaces the photo atomically. @param via how the change came about (see {@link PhotoChange.via}) */
  async put(key: PhotoKey, bytes: Uint8Array, via = 'graph'): Promise<void> {
    const file = this.#file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    this.#changed(key, via);
    this.#counted(key);
  }

  /** Removes the photo; true when there was one. @param via how the change came about */
  async delete(key: PhotoKey, via = 'graph'): Promise<boolean> {
    const file = this.#file(key);
    const existed = await this.has(key);
    await rm(file, { force: true });
    if (existed) this.#changed(key, via);
    this.#counted(key);
    return existed;
  }

  #file(key: PhotoKey): string {
    switch (key.kind) {
      case 'user':
        return path.join(this.#root, 'users', `${fileName(key.userId)}.img`);
      case 'group':
        return path.join(this.#root, 'groups', `${fileName(key.groupId)}.img`);
      case 'contact':
        return path.join(this.#root, 'contacts', fileName(key.userId), `${fileName(key.contactId)}.img`);
    }
  }
}

/**
 * A file name for an id (always the directory's own spelling of it, so `/users/ALEX...` and `/users/alex...` share
 * one file, and contact ids, which Outlook makes case-sensitive, stay exact). base64url keeps names readable back
 * to the id; the `u_` / `h_` prefixes keep the two schemes apart, and hashing keeps long contact ids (Outlook's
 * are 150+ characters) under file-name limits.
 */
function fileName(value: string): string {
  const encoded = Buffer.from(value, 'utf8').toString('base64url');
  return encoded.length <= 150 ? `u_${encoded}` : `h_${createHash('sha256').update(encoded).digest('hex')}`;
}
