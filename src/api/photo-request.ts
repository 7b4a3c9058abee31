/**
 * What the page's requests name, parsed and checked before any work: whose photo (`target`), the square the person
 * chose (`crop`), and the change an undo is about. Only the form is checked here; whether the caller may change
 * that photo is checked against Graph by photo-actions.ts.
 */
import { AppError, PhotoError } from '../errors.js';
import type { Box } from '../photo/orientation.js';

/**
 * A target as the page names it: `me`, `group:<groupId>`, or `contact:<contactId>` / `contact:<folderId>/<contactId>`
 * (`ref` is all after `contact:`; Exchange ids may hold `/`, so it is matched against the caller's own contacts
 * rather than split here).
 */
export type TargetName =
  | { readonly kind: 'me' }
  | { readonly kind: 'group'; readonly groupId: string }
  | { readonly kind: 'contact'; readonly ref: string };

/** Longest target accepted: Exchange ids are about 150 characters, a folder and a contact twice that. */
const MAX_TARGET_LENGTH = 1024;

/**
 * The target of `?target=`.
 * @throws AppError `InvalidRequest` when it is missing or not one of the forms above
 */
export function parseTarget(raw: string | null): TargetName {
  if (raw === null || raw.length > MAX_TARGET_LENGTH) throw new AppError('InvalidRequest', 'bad target');
  if (raw === 'me') return { kind: 'me' };
  if (raw.startsWith('group:') && raw.length > 'group:'.length) {
    return { kind: 'group', groupId: raw.slice('group:'.length) };
  }
  if (raw.startsWith('contact:') && raw.length > 'contact:'.length) {
    return { kind: 'contact', ref: raw.slice('contact:'.length) };
  }
  throw new AppError('InvalidRequest', 'bad target');
}

/**
 * The crop box of `?crop=x,y,w,h` (upright source pixels), or `undefined` when there is none (the pipeline then
 * chooses). Its form is checked here (four whole numbers, a square of some size); whether it lies inside the
 * picture only the pipeline knows, and refuses it the same way.
 * @throws PhotoError `InvalidCropBox`
 */
export function parseCropBox(raw: string | null): Box | undefined {
  if (raw === null || raw === '') return undefined;
  const parts = raw.split(',');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,6}$/.test(part.trim()))) {
    throw new PhotoError('InvalidCropBox', 'not x,y,w,h');
  }
  const [x = 0, y = 0, width = 0, height = 0] = parts.map((part) => Number(part.trim()));
  if (width !== height || width === 0) throw new PhotoError('InvalidCropBox', 'not a square');
  return { x, y, width, height };
}

/** Longest change id accepted (they are UUIDs). */
const MAX_CHANGE_ID_LENGTH = 200;

/**
 * The change id of an undo's JSON body `{ "changeId": "..." }`.
 * @throws AppError `InvalidRequest` for anything else
 */
export function parseUndoBody(body: Uint8Array): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw new AppError('InvalidRequest', 'undo body is not JSON');
  }
  const changeId =
    typeof parsed === 'object' && parsed !== null ? (parsed as { changeId?: unknown }).changeId : undefined;
  if (typeof changeId !== 'string' || changeId === '' || changeId.length > MAX_CHANGE_ID_LENGTH) {
    throw new AppError('InvalidRequest', 'undo body has no changeId');
  }
  return changeId;
}
