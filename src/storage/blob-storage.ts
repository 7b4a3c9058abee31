/**
 * {@link Storage} on Azure Blob Storage: what several bot instances share in production (Azurite in tests).
 *
 * A key is a block blob's name in one container (created on first use). Each put is a single Put Blob request,
 * which the service applies whole, so concurrent writers never leave a torn item. The expiry is blob metadata
 * (`expiresat`, milliseconds since the epoch), checked on every read and listing; the content type is the blob's
 * Content-Type. The atomic operations are conditional requests:
 * - create-if-absent: Put Blob with `If-None-Match: *` (409/412 means a blob is there);
 * - take: download, then Delete Blob with `If-Match: <etag>` (only one deleter of that version succeeds);
 * - reclaiming an expired item: Delete Blob with `If-Match` of the expired version, so a newer item survives.
 */
import { type ContainerClient, type RestError, BlobServiceClient } from '@azure/storage-blob';
import {
  type Clock,
  type PutOptions,
  type Storage,
  type StoredItem,
  DEFAULT_CONTENT_TYPE,
  StorageContentionError,
  isExpired,
  validateKey,
  validatePrefix,
  validatePut,
} from './storage.js';

/** Options of {@link BlobStorage}. */
export interface BlobStorageOptions {
  /** The container holding the store; created on first use when missing. */
  readonly container: ContainerClient;
  /** The clock expiry is judged by (default `Date.now`). */
  readonly now?: Clock;
}

/** Metadata names must be C# identifiers; the service lower-cases them. */
const EXPIRES_AT = 'expiresat';
const ATTEMPTS = 10;
/** Container names: 3 to 63 lower-case letters, digits and single hyphens, starting with a letter or digit. */
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The HTTP status of a failed request. Checked by shape, not `instanceof RestError`: the SDK ships CommonJS and
 * ESM builds, and an error from one is not an instance of the other's class.
 */
function statusOf(error: unknown): number | undefined {
  const candidate = error as Partial<RestError> | null;
  return candidate?.name === 'RestError' && typeof candidate.statusCode === 'number'
    ? candidate.statusCode
    : undefined;
}

/** True for the answers to a conditional create that mean "a blob is already there". */
function isAlreadyThere(error: unknown): boolean {
  const status = statusOf(error);
  return status === 412 || (status === 409 && (error as Partial<RestError>).code === 'BlobAlreadyExists');
}

function expiryOf(metadata: Record<string, string> | undefined): number | undefined {
  const raw = metadata?.[EXPIRES_AT];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  // An unreadable expiry is treated as already expired: pending state must never outlive its time by accident.
  return Number.isSafeInteger(value) ? value : 0;
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Uint8Array> {
  if (stream === undefined) return new Uint8Array(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const all = Buffer.concat(chunks);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

/** The Blob Storage store. Instances over one container, in any number of processes, share one store. */
export class BlobStorage implements Storage {
  private readonly container: ContainerClient;
  private readonly now: Clock;
  private ready: Promise<unknown> | undefined;

  constructor(options: BlobStorageOptions) {
    if (!CONTAINER_NAME.test(options.container.containerName)) {
      throw new RangeError(
        `invalid Blob Storage container name ${JSON.stringify(options.container.containerName)}`,
      );
    }
    this.container = options.container;
    this.now = options.now ?? Date.now;
  }

  /**
   * A store over `containerName` of the account a connection string names (Azurite's development account in
   * tests). Builds no network connection until the first call.
   */
  static fromConnectionString(connectionString: string, containerName: string, now?: Clock): BlobStorage {
    const container =
      BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
    return new BlobStorage(now === undefined ? { container } : { container, now });
  }

  async get(key: string): Promise<StoredItem | undefined> {
    const found = await this.download(key);
    return found === undefined || isExpired(found.item.expiresAt, this.now()) ? undefined : found.item;
  }

  async put(key: string, value: Uint8Array, options?: PutOptions): Promise<void> {
    validateKey(key);
    validatePut(value, options);
    await this.upload(key, value, options, false);
  }

  async createIfAbsent(key: string, value: Uint8Array, options?: PutOptions): Promise<boolean> {
    validateKey(key);
    validatePut(value, options);
    const blob = this.container.getBlockBlobClient(key);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        await this.upload(key, value, options, true);
        return true;
      } catch (error) {
        if (!isAlreadyThere(error)) throw error;
      }
      let properties;
      try {
        properties = await blob.getProperties();
      } catch (error) {
        if (statusOf(error) === 404) continue; // taken or deleted meanwhile: try again
        throw error;
      }
      if (!isExpired(expiryOf(properties.metadata), this.now())) return false;
      if (properties.etag !== undefined) await this.deleteVersion(key, properties.etag);
    }
    throw new StorageContentionError('create-if-absent kept racing with other writers');
  }

  async delete(key: string): Promise<void> {
    validateKey(key);
    await this.ensureContainer();
    await this.container.getBlockBlobClient(key).deleteIfExists();
  }

  async take(key: string): Promise<StoredItem | undefined> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const found = await this.download(key);
      if (found === undefined) return undefined;
      if (isExpired(found.item.expiresAt, this.now())) {
        await this.deleteVersion(key, found.etag);
        return undefined;
      }
      try {
        await this.container.getBlockBlobClient(key).delete({ conditions: { ifMatch: found.etag } });
        return found.item;
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) return undefined; // another taker won
        if (status !== 412) throw error;
        // 412: the item was replaced after we read it; the new one is there to be taken.
      }
    }
    throw new StorageContentionError('take kept racing with other writers');
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const now = this.now();
    for (const blob of await this.listBlobs(prefix)) {
      if (!isExpired(expiryOf(blob.metadata), now)) keys.push(blob.name);
    }
    return keys.sort();
  }

  async deleteExpired(prefix: string): Promise<number> {
    const now = this.now();
    let removed = 0;
    for (const blob of await this.listBlobs(prefix)) {
      if (isExpired(expiryOf(blob.metadata), now)) {
        if (await this.deleteVersion(blob.name, blob.properties.etag)) removed++;
      }
    }
    return removed;
  }

  /** Creates the container once per instance; a failure is retried by the next call. */
  private async ensureContainer(): Promise<void> {
    this.ready ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    await this.ready;
  }

  private async upload(
    key: string,
    value: Uint8Array,
    options: PutOptions | undefined,
    onlyIfAbsent: boolean,
  ) {
    await this.ensureContainer();
    const expiresAt = options?.expiresAt;
    await this.container.getBlockBlobClient(key).upload(value, value.byteLength, {
      blobHTTPHeaders: { blobContentType: options?.contentType ?? DEFAULT_CONTENT_TYPE },
      metadata: expiresAt === undefined ? {} : { [EXPIRES_AT]: String(expiresAt) },
      ...(onlyIfAbsent ? { conditions: { ifNoneMatch: '*' } } : {}),
    });
  }

  /** The item at `key` with its version, expired or not; `undefined` when there is no blob. */
  private async download(key: string): Promise<{ item: StoredItem; etag: string } | undefined> {
    validateKey(key);
    await this.ensureContainer();
    let response;
    try {
      response = await this.container.getBlockBlobClient(key).download();
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
    const value = await readAll(response.readableStreamBody);
    const contentType = response.contentType ?? DEFAULT_CONTENT_TYPE;
    const expiresAt = expiryOf(response.metadata);
    const item: StoredItem =
      expiresAt === undefined ? { value, contentType } : { value, contentType, expiresAt };
    // Without an ETag no conditional delete could be exact; the service always sends one.
    if (response.etag === undefined) throw new Error('Blob Storage answered a download without an ETag');
    return { item, etag: response.etag };
  }

  /** Deletes the blob at `key` only if it still is version `etag`. */
  private async deleteVersion(key: string, etag: string): Promise<boolean> {
    try {
      await this.container.getBlockBlobClient(key).delete({ conditions: { ifMatch: etag } });
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 412) return false; // gone already, or replaced by a newer item
      throw error;
    }
  }

  private async listBlobs(prefix: string) {
    validatePrefix(prefix);
    await this.ensureContainer();
    const blobs = [];
    for await (const blob of this.container.listBlobsFlat({ prefix, includeMetadata: true }))
      blobs.push(blob);
    return blobs;
  }
}
