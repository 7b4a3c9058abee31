/**
 * Reads the values of the messaging extension's invokes. Each is JSON from the network that the client assembled
 * from a card's data and its inputs, so a client can put anything there: every field is type- and length-checked
 * here, and a group id that passes is still only a claim (the handler checks ownership on the server).
 */
import type { SetGroupPhotoData } from '../cards/extension-cards.js';

/** Longest id or text taken from an invoke. */
const MAX_FIELD_CHARS = 512;
/** Longest search text taken; a group's name or mail is far shorter. */
const MAX_QUERY_CHARS = 256;
/** Typeahead results asked for at most, and when the client does not say. */
export const MAX_SEARCH_TOP = 25;
export const DEFAULT_SEARCH_TOP = 15;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function field(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_FIELD_CHARS
    ? value.trim()
    : undefined;
}

/**
 * The Set button's data (`value.data` of `composeExtension/submitAction` or `task/submit`): the waiting photo's
 * id and the group chosen; `undefined` when either is missing or malformed.
 */
export function setGroupPhotoDataOf(value: unknown): SetGroupPhotoData | undefined {
  const data = record(record(value)?.data);
  const choice = field(data?.choice);
  const groupId = field(data?.groupId);
  return choice !== undefined && groupId !== undefined ? { choice, groupId } : undefined;
}

/** The group id a **Change photo** button carries (`value.data.groupId` of `task/fetch`). */
export function taskGroupIdOf(value: unknown): string | undefined {
  return field(record(record(value)?.data)?.groupId);
}

/** The text typed into the **Groups** search (`parameters[name=groupName]`), '' on the first run. */
export function groupQueryOf(query: unknown): string {
  const parameters = record(query)?.parameters;
  if (!Array.isArray(parameters)) return '';
  for (const parameter of parameters as unknown[]) {
    const entry = record(parameter);
    if (entry?.name === 'groupName' && typeof entry.value === 'string')
      return entry.value.trim().slice(0, MAX_QUERY_CHARS);
  }
  return '';
}

/** An `application/search` request, checked. */
export interface SearchRequest {
  readonly dataset: string;
  readonly queryText: string;
  readonly skip: number;
  readonly top: number;
}

function count(value: unknown, fallback: number, max: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? Math.min(value, max)
    : fallback;
}

/** The typeahead's request, or `undefined` when it is not one. */
export function searchRequestOf(value: unknown): SearchRequest | undefined {
  const request = record(value);
  if (!request || typeof request.dataset !== 'string' || request.dataset.length > MAX_FIELD_CHARS)
    return undefined;
  const queryText =
    typeof request.queryText === 'string' ? request.queryText.trim().slice(0, MAX_QUERY_CHARS) : '';
  const options = record(request.queryOptions);
  const top = count(options?.top, DEFAULT_SEARCH_TOP, MAX_SEARCH_TOP);
  // Paging past a few screens is not a typeahead's job; a client asking for more gets nothing rather than work.
  const skip = count(options?.skip, 0, MAX_SEARCH_TOP * 4);
  return { dataset: request.dataset, queryText, skip, top: top === 0 ? DEFAULT_SEARCH_TOP : top };
}
