/**
 * The emulator's directory, kept in step with `<dataDir>/emulator/directory.json` while it runs: every request asks
 * for {@link DirectorySource.current}, which looks at the file's modification time, size and inode (one `stat`) and
 * reads it again when any changed. So an edit applies at the next request, with no restart and no file watcher
 * (watchers miss the rename an editor saves with, and fire before the write is complete).
 *
 * An edit that does not parse or validate is not applied: the last good directory stays in use, and the reason is
 * logged once for that version of the file (a half-saved file is usually followed by the complete one).
 */
import { stat } from 'node:fs/promises';
import { ConfigError } from '../config.js';
import { directoryFile, loadDirectory, readDirectoryFile, type Directory } from './directory.js';
import type { EmulatorLogger } from './logger.js';

/** What identifies one version of the file; a change in any part means it was written. */
type Version = string;

async function versionOf(file: string): Promise<Version | undefined> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.mtimeNs}:${info.ctimeNs}:${info.size}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/** The directory file and the last good directory read from it. */
export class DirectorySource {
  readonly #file: string;
  readonly #logger: EmulatorLogger;
  #directory: Directory;
  /** The version last read (good or not), so a bad version is read and reported once. */
  #version: Version | undefined;
  #reading: Promise<Directory> | undefined;

  private constructor(
    file: string,
    directory: Directory,
    version: Version | undefined,
    logger: EmulatorLogger,
  ) {
    this.#file = file;
    this.#directory = directory;
    this.#version = version;
    this.#logger = logger;
  }

  /**
   * Reads the directory, seeding the file first when there is none.
   * @throws ConfigError when the file is not a valid directory: at start there is no good one to fall back on
   */
  static async open(dataDir: string, logger: EmulatorLogger): Promise<DirectorySource> {
    const file = directoryFile(dataDir);
    const version = await versionOf(file);
    const directory = await loadDirectory(dataDir);
    // Taken before the read: should the file change during it, the next request reads it again.
    return new DirectorySource(file, directory, version ?? (await versionOf(file)), logger);
  }

  /** The last good directory, without looking at the file. */
  get latest(): Directory {
    return this.#directory;
  }

  /** The directory as the file has it now, or the last good one when the file is unusable. */
  current(): Promise<Directory> {
    this.#reading ??= this.#refresh().finally(() => {
      this.#reading = undefined;
    });
    return this.#reading;
  }

  async #refresh(): Promise<Directory> {
    const version = await versionOf(this.#file);
    if (version === this.#version) return this.#directory;
    this.#version = version;
    if (version === undefined) {
      this.#logger.warn(`graph emulator: ${this.#file} is gone; keeping the directory last read from it`);
      return this.#directory;
    }
    try {
      this.#directory = await readDirectoryFile(this.#file);
      this.#logger.info(`graph emulator: reloaded ${this.#file}`);
    } catch (error) {
      const why =
        error instanceof ConfigError
          ? error.problems.join('; ')
          : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
      this.#logger.warn(
        `graph emulator: keeping the last good directory; the edited file cannot be used: ${why}`,
      );
    }
    return this.#directory;
  }
}
