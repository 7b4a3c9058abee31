/**
 * The storage layer: one {@link Storage} interface, chosen by configuration, and the services built on it.
 *
 * ```ts
 * const storage = createStorage({ kind: 'fs', root: path.join(config.dataDir, 'storage') });
 * const backups = new BackupStore<PhotoTarget>({ storage, targetKey });
 * ```
 */
import { BlobStorage } from './blob-storage.js';
import { FsStorage } from './fs-storage.js';
import type { Clock, Storage } from './storage.js';

/** Which store to build. */
export type StorageOptions = (
  | {
      readonly kind: 'fs';
      /** The store's folder (the app passes `<DATA_DIR>/storage`). */
      readonly root: string;
      /** Flush every write to disk before it becomes visible (default true). */
      readonly durable?: boolean;
    }
  | {
      readonly kind: 'blob';
      /** An Azure Storage connection string (Azurite's development account in tests). */
      readonly connectionString: string;
      /** The container; created on first use. 3 to 63 lower-case letters, digits and hyphens. */
      readonly container: string;
    }
) & {
  /** The clock expiry is judged by (default `Date.now`). */
  readonly now?: Clock;
};

/** Builds the configured store. Neither kind does any I/O until its first call. */
export function createStorage(options: StorageOptions): Storage {
  switch (options.kind) {
    case 'fs':
      return new FsStorage(options);
    case 'blob':
      return BlobStorage.fromConnectionString(options.connectionString, options.container, options.now);
  }
}

export * from './storage.js';
export * from './json.js';
export { FsStorage, type FsStorageOptions } from './fs-storage.js';
export { BlobStorage, type BlobStorageOptions } from './blob-storage.js';
export * from './backup-store.js';
export * from './audit-log.js';
export * from './pending-store.js';
export * from './lease-store.js';
export * from './expiry-sweeper.js';
