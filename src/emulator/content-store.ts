/**
 * The files behind the emulator's message images and shared files, under `<dataDir>/emulator/content/`, and the
 * one-time download links `/shares/{id}/driveItem/content` redirects to.
 *
 * A file is named by directory.json, which a person edits. Its path was checked as text when the directory was
 * read (directory-content.ts); here it is checked again after every symbolic link in it is resolved, right before
 * it is opened, so a link placed inside `content/` cannot serve a file from anywhere else on the machine.
 *
 * A download link stands for SharePoint's pre-authenticated download URL: whoever holds it may read the file once,
 * without a token, within a minute. The link names the file, not the drive item, so an edit of directory.json in
 * between changes nothing about what was authorised.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { sniffFormat } from '../photo/image-format.js';

/** How long a download link may be used, in milliseconds. */
export const DOWNLOAD_LINK_LIFETIME_MS = 60_000;

/** A content file's bytes and the type its bytes say it is. */
export interface StoredContent {
  readonly bytes: Buffer;
  readonly contentType: string;
}

/** A content file that cannot be served: missing, or leading out of `content/`. A setup problem, not the caller's. */
export class ContentFileError extends Error {
  override readonly name = 'ContentFileError';
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** The content type of `bytes`, from their magic numbers: an image type, else `application/octet-stream`. */
export function contentTypeOf(bytes: Uint8Array): string {
  const format = sniffFormat(bytes);
  return (format && CONTENT_TYPES[format]) ?? 'application/octet-stream';
}

interface DownloadLink {
  readonly file: string;
  readonly expiresAt: number;
}

/** Content files of one data folder, and the download links handed out for them. */
export class ContentStore {
  readonly #emulatorDir: string;
  readonly #clock: () => number;
  readonly #links = new Map<string, DownloadLink>();

  /** @param emulatorDir `<dataDir>/emulator`: directory.json's `file` paths are relative to it */
  constructor(emulatorDir: string, clock: () => number) {
    this.#emulatorDir = emulatorDir;
    this.#clock = clock;
  }

  /**
   * Reads a content file.
   * @param file as directory.json names it, e.g. `content/picture.jpg`
   * @throws ContentFileError when it is missing or is not inside `content/` once links are resolved
   */
  async read(file: string): Promise<StoredContent> {
    const bytes = await this.#withFile(file, (handle) => handle.readFile());
    return { bytes, contentType: contentTypeOf(bytes) };
  }

  /** The file's size in bytes and its content type (from its first bytes). @throws ContentFileError */
  async describe(file: string): Promise<{ readonly size: number; readonly contentType: string }> {
    return this.#withFile(file, async (handle) => {
      const head = Buffer.alloc(16);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return { size: (await handle.stat()).size, contentType: contentTypeOf(head.subarray(0, bytesRead)) };
    });
  }

  /** A new one-time download token for `file`, valid for {@link DOWNLOAD_LINK_LIFETIME_MS}. */
  issueDownload(file: string): string {
    const now = this.#clock();
    for (const [token, link] of this.#links) if (link.expiresAt <= now) this.#links.delete(token);
    const token = randomBytes(24).toString('base64url');
    this.#links.set(token, { file, expiresAt: now + DOWNLOAD_LINK_LIFETIME_MS });
    return token;
  }

  /** The file a download token stands for, once: the token is spent by asking. `undefined` when unknown or expired. */
  redeemDownload(token: string): string | undefined {
    const link = this.#links.get(token);
    if (!link) return undefined;
    this.#links.delete(token);
    return link.expiresAt > this.#clock() ? link.file : undefined;
  }

  /** Opens `file` after checking where it really is, and hands it to `use`. */
  async #withFile<T>(file: string, use: (handle: FileHandle) => Promise<T>): Promise<T> {
    const root = path.join(this.#emulatorDir, 'content');
    let real: string;
    let realRoot: string;
    try {
      realRoot = await realpath(root);
      real = await realpath(path.resolve(this.#emulatorDir, file));
    } catch (error) {
      throw new ContentFileError(`content file ${file} cannot be read (${errorCode(error)})`);
    }
    const relative = path.relative(realRoot, real);
    if (relative === '' || relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) {
      throw new ContentFileError(`content file ${file} leads out of ${root}; not served`);
    }
    let handle: FileHandle;
    try {
      // The resolved path has no links left; O_NOFOLLOW refuses one put in its place since (0 on Windows).
      handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error) {
      throw new ContentFileError(`content file ${file} cannot be read (${errorCode(error)})`);
    }
    try {
      return await use(handle);
    } catch (error) {
      throw new ContentFileError(`content file ${file} cannot be read (${errorCode(error)})`);
    } finally {
      await handle.close();
    }
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unreadable';
}
