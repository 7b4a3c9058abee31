/**
 * What the chat handlers need from the group and contact look-ups (src/targets/): finding a name among the groups
 * the sender owns or among their contacts, and the server-side checks that an id from a card is really theirs.
 * Structural, so the handlers depend on behaviour rather than on the Graph-backed classes.
 */
import type { AccessTokenSource } from '../../graph/graph-photo-client.js';

/** A group the sender owns. */
export interface NamedGroup {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string;
}

/** One of the sender's Outlook contacts. */
export interface NamedContact {
  readonly id: string;
  readonly displayName: string;
  readonly emails: readonly string[];
  /** `undefined`: the default Contacts folder. */
  readonly folderId?: string;
  readonly folderName?: string;
}

/** What a name found: one target, several to pick from, or none (with everything there was to find). */
export type Found<T> =
  | { readonly kind: 'one'; readonly item: T }
  | { readonly kind: 'several'; readonly items: readonly T[] }
  | { readonly kind: 'none'; readonly available: readonly T[] };

export interface GroupLookup {
  find(query: string, token: AccessTokenSource): Promise<Found<NamedGroup>>;
  /**
   * The owner check for a group id that came from a card, a dialog or a team's activity.
   * @throws AppError `NotGroupOwner` (with `groupName`) when the sender does not own it
   */
  requireOwned(groupId: string, token: AccessTokenSource): Promise<NamedGroup>;
  owned(token: AccessTokenSource): Promise<readonly NamedGroup[]>;
}

export interface ContactLookup {
  find(query: string, token: AccessTokenSource): Promise<Found<NamedContact>>;
  /** @throws AppError `ContactNotFound` when the id (in that folder) is not one of the sender's contacts */
  requireContact(
    contactId: string,
    folderId: string | undefined,
    token: AccessTokenSource,
  ): Promise<NamedContact>;
}

/** The group a `NotGroupOwner` refusal names, when the error says. */
export function refusedGroupName(error: unknown): string | undefined {
  const name = (error as { groupName?: unknown } | null)?.groupName;
  return typeof name === 'string' ? name : undefined;
}
