/**
 * Writing a seed file without ever overwriting one: the bytes go to a temporary file beside it, which is then
 * hard-linked into place. A link fails when the name exists (a file, or a symbolic link, which is not followed), so
 * parallel first starts never clobber a file someone has just written or edited, and no reader sees half a file.
 */
import { link, lstat, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** True when `file` exists, as anything (a dangling symbolic link counts: it is someone's, and not ours to replace). */
export async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Writes `contents` to `file` unless something is there already (then leaves it as it is).
 * @param contents the bytes, or a function making them, called only when the file is absent
 */
export async function writeIfAbsent(
  file: string,
  contents: string | Uint8Array | (() => string | Uint8Array),
): Promise<void> {
  if (await exists(file)) return;
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, typeof contents === 'function' ? contents() : contents, { flag: 'wx' });
    await link(temporary, file).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(temporary, { force: true });
  }
}
