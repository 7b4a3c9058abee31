/**
 * Zips, limits, images and people for the import tests. Zips are made with fflate (an independent writer, not the
 * reader under test); some are then edited byte by byte to lie the way a hostile zip would.
 */
import { randomBytes } from 'node:crypto';
import { zipSync, type ZipAttributes, type ZipOptions } from 'fflate';
import type { DirectoryPerson, ImportLimits } from '../../src/admin/admin-contracts.js';
import { encodeJpeg, encodePng, photoLike } from '../helpers/images.js';

export const MiB = 1024 * 1024;

/** Generous limits; each test narrows the one it is about. */
export function limits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return {
    maxBytes: 256 * MiB,
    maxEntries: 5000,
    maxUncompressedBytes: 1024 * MiB,
    maxRatio: 100,
    maxEntryBytes: 25 * MiB,
    ...overrides,
  };
}

/** A zip file's content: bytes, or bytes with fflate's options (`os`/`attrs` for a symbolic link, `level`). */
export type ZipContent = Uint8Array | [Uint8Array, ZipOptions & ZipAttributes];

/** A zip of `files`, each name written exactly as given. */
export function makeZip(files: Record<string, ZipContent>): Uint8Array {
  return zipSync(files);
}

/** Unix `st_mode` bits in a zip's external attributes (the high 16 bits), as Info-ZIP writes them. */
export function unixMode(mode: number): ZipAttributes {
  return { os: 3, attrs: (mode * 0x10000) >>> 0 };
}

/** Bytes that do not compress (so ratios stay near 1 and only the size caps are tested). */
export function noise(bytes: number): Uint8Array {
  return new Uint8Array(randomBytes(bytes));
}

/** A real JPEG photo, different per seed. */
export async function jpeg(seed = 1): Promise<Uint8Array> {
  return new Uint8Array(await encodeJpeg(photoLike(120, 120, seed)));
}

/** A real PNG photo. */
export async function png(seed = 1): Promise<Uint8Array> {
  return new Uint8Array(await encodePng(photoLike(120, 120, seed)));
}

/**
 * Offsets of every central directory header of a zip, in order, walked from the end of central directory record
 * (a scan for `PK\x01\x02` would also find the signature inside a stored nested zip).
 */
export function centralHeaders(zip: Uint8Array): number[] {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = view.readUInt16LE(eocd + 10);
  const found: number[] = [];
  let offset = view.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    found.push(offset);
    offset +=
      46 + view.readUInt16LE(offset + 28) + view.readUInt16LE(offset + 30) + view.readUInt16LE(offset + 32);
  }
  return found;
}

/** A copy of `zip` whose `index`-th entry declares `size` uncompressed bytes, in the central and the local header. */
export function withDeclaredSize(zip: Uint8Array, index: number, size: number): Uint8Array {
  const copy = Buffer.from(zip);
  const central = centralHeaders(copy)[index];
  if (central === undefined) throw new Error('no such entry');
  copy.writeUInt32LE(size, central + 24);
  const local = copy.readUInt32LE(central + 42);
  copy.writeUInt32LE(size, local + 22);
  return new Uint8Array(copy);
}

/** Where the `index`-th entry's data starts, and how long it is (compressed). */
export function entryData(zip: Uint8Array, index: number): { start: number; length: number } {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const central = centralHeaders(zip)[index];
  if (central === undefined) throw new Error('no such entry');
  const local = view.readUInt32LE(central + 42);
  const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
  return { start, length: view.readUInt32LE(central + 20) };
}

/** A copy of `zip` whose end of central directory declares `count` entries. */
export function withDeclaredCount(zip: Uint8Array, count: number): Uint8Array {
  const copy = Buffer.from(zip);
  const eocd = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  copy.writeUInt16LE(count, eocd + 8);
  copy.writeUInt16LE(count, eocd + 10);
  return new Uint8Array(copy);
}

/** A person of the directory; `upn` also gives the id, mail and nickname unless they are set. */
export function person(upn: string, extra: Partial<DirectoryPerson> = {}): DirectoryPerson {
  const local = upn.split('@')[0] ?? upn;
  return {
    id: `id-${local}`,
    displayName: local,
    userPrincipalName: upn,
    mail: upn,
    mailNickname: local,
    employeeId: null,
    ...extra,
  };
}
