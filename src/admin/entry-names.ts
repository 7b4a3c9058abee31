/**
 * What the name of a file in an import (a zip entry, a file in a folder) means to us: unsafe, silently ignored, the
 * mapping file, a nested zip. Names are only ever shown, reported and matched, never joined into a path; these
 * rules still refuse the names an extractor would have written outside its folder, so a report shows them.
 */

/** The file that maps files to people, at the root of a zip or folder. */
export const MAPPING_FILE = 'mapping.csv';

// Control characters (C0 and DEL) never belong in a file name; a NUL cuts a name short in C APIs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- same characters, replaced for display
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;

/** The `/`- or `\`-separated segments of a name (zips made on Windows sometimes use `\`). */
export function nameSegments(name: string): string[] {
  return name.split(/[/\\]/);
}

/**
 * True for a name an extractor could be tricked with: a `..` segment, an absolute path (leading `/` or `\`, which
 * includes `\\server\share`), a drive letter (`C:`), or a control character (NUL included).
 */
export function isUnsafeName(name: string): boolean {
  if (name.length === 0 || CONTROL.test(name)) return true;
  if (name.startsWith('/') || name.startsWith('\\')) return true;
  if (/^[A-Za-z]:/.test(name)) return true;
  return nameSegments(name).includes('..');
}

/**
 * True for what a zip tool or a desktop adds beside the photos and nobody means to import: macOS resource forks
 * (`__MACOSX/`), and dot files and folders (`.DS_Store`, `._photo.jpg`, `.git/`).
 */
export function isIgnoredName(name: string): boolean {
  const segments = nameSegments(name).filter((segment) => segment.length > 0);
  if (segments[0] === '__MACOSX') return true;
  return segments.some((segment) => segment.startsWith('.'));
}

/** True for a folder's name in a zip (`photos/`). */
export function isFolderName(name: string): boolean {
  return name.endsWith('/') || name.endsWith('\\');
}

/** True for the mapping file at the root (any letter case: Windows does not tell them apart). */
export function isMappingName(name: string): boolean {
  return name.toLowerCase() === MAPPING_FILE;
}

/** True for a name that says zip (a zip inside the zip, or in the folder, is never opened). */
export function isZipName(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

/** A refused name as shown in cards and reports: control characters become U+FFFD, the rest stays as given. */
export function shownName(name: string): string {
  return name.replace(CONTROL_ALL, '\uFFFD');
}

/** A usable entry's name with `/` separators, whichever the zip tool wrote. */
export function entryName(name: string): string {
  return name.replace(/\\/g, '/');
}
