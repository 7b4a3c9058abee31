/**
 * Files the commands read and write: an input read with a cap checked before reading it all, and an output written
 * under a temporary name and renamed into place, so a refusal leaves no output and an existing file untouched.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, type ErrorCode } from '../errors.js';

/**
 * Reads a file, refusing one over `limit` bytes before reading it all.
 * @param tooLarge the refusal's code (an image's by default; a zip's `ZipTooLarge`)
 */
export async function readCapped(
  file: string,
  limit: number,
  tooLarge: ErrorCode = 'ImageTooLarge',
): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (cause) {
    throw new AppError('InputNotReadable', 'open failed', { cause });
  }
  try {
    const { size } = await handle.stat();
    if (size > limit) throw new AppError(tooLarge, `${size} bytes, limit ${limit}`);
    return await handle.readFile();
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError('InputNotReadable', 'read failed', { cause });
  } finally {
    await handle.close();
  }
}

/** Writes beside the target under a temporary name, then renames: readers never see half a file. */
export async function writeAtomically(target: string, data: Uint8Array): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, target);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw new AppError('OutputNotWritable', 'write failed', { cause });
  }
}
