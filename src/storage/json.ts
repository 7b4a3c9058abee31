/**
 * JSON on top of {@link Storage}: values are UTF-8 JSON with content type `application/json`.
 */
import {
  type PutOptions,
  type Storage,
  type StoredItem,
  CorruptStoredItemError,
  InvalidStorageValueError,
} from './storage.js';

/** A JSON value. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;

/**
 * A JSON object. Optional properties are allowed (`undefined` ones are left out when stored), so plain object
 * types such as `{ kind: 'group'; groupId: string; folderId?: string }` fit. Declare them with `type`, not
 * `interface`: only type aliases get the implicit index signature this needs.
 */
export type JsonObject = { readonly [key: string]: JsonValue | undefined };

/** The content type JSON items are stored with. */
export const JSON_CONTENT_TYPE = 'application/json';

/** Options of the JSON writers: as {@link PutOptions}, with the content type fixed. */
export type JsonPutOptions = Omit<PutOptions, 'contentType'>;

/** `value` as UTF-8 JSON bytes. */
export function encodeJson(value: unknown): Uint8Array {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new InvalidStorageValueError('value has no JSON form');
  return Buffer.from(text, 'utf8');
}

/** Parses an item's bytes as JSON. The error names the key, never the bytes. */
export function decodeJson(item: StoredItem, key: string): unknown {
  try {
    return JSON.parse(
      Buffer.from(item.value.buffer, item.value.byteOffset, item.value.byteLength).toString('utf8'),
    );
  } catch (error) {
    throw new CorruptStoredItemError(`item ${key} is not JSON`, { cause: error });
  }
}

/**
 * The JSON value at `key`, or `undefined`. The cast to `T` is unchecked: use it for values this app wrote.
 */
export async function getJson<T = unknown>(storage: Storage, key: string): Promise<T | undefined> {
  const item = await storage.get(key);
  return item === undefined ? undefined : (decodeJson(item, key) as T);
}

/** Writes `value` as JSON at `key`, replacing any item. */
export async function putJson(storage: Storage, key: string, value: unknown, options?: JsonPutOptions) {
  await storage.put(key, encodeJson(value), { ...options, contentType: JSON_CONTENT_TYPE });
}

/** Writes `value` as JSON at `key` unless a live item is there; see {@link Storage.createIfAbsent}. */
export async function createJsonIfAbsent(
  storage: Storage,
  key: string,
  value: unknown,
  options?: JsonPutOptions,
): Promise<boolean> {
  return storage.createIfAbsent(key, encodeJson(value), { ...options, contentType: JSON_CONTENT_TYPE });
}

/** Removes and returns the JSON value at `key`; see {@link Storage.take}. */
export async function takeJson<T = unknown>(storage: Storage, key: string): Promise<T | undefined> {
  const item = await storage.take(key);
  return item === undefined ? undefined : (decodeJson(item, key) as T);
}
