/**
 * The Microsoft 365 groups a person may change the photo of: the ones they own. Chooses one by the name, mail or
 * mail nickname they typed (see name-match.ts), lists them for a typeahead, and checks ownership of a group id.
 *
 * That check runs on the server at every action and reads the owned groups from Graph each time: a group id that
 * comes back from a card or a dialog is only what the client sent, and could name anyone's group. Graph refuses
 * a non-owner's photo change too, but only after the photo was prepared and backed up, and with a bare 403; this
 * check refuses first and names the group.
 */
import { AppError } from '../errors.js';
import type { AccessTokenSource, GraphDirectoryClient, OwnedGroup } from '../graph/graph-directory-client.js';
import { GraphError } from '../graph/graph-errors.js';
import { byDisplayName, isBlankQuery, matchByName } from './name-match.js';
import { chooseByName, type TargetMatch } from './target-match.js';

export type { TargetMatch } from './target-match.js';
export type { OwnedGroup } from '../graph/graph-directory-client.js';

/** Typeahead results shown at most, unless asked otherwise (a messaging extension shows 25). */
export const DEFAULT_SEARCH_TOP = 25;

/** Longest group id looked up in Graph to name it; Entra's are 36 characters, anything far longer is not one. */
const MAX_GROUP_ID_LENGTH = 256;

/** The caller does not own the group (or it is not a Microsoft 365 group): its photo is not theirs to change. */
export class NotGroupOwnerError extends AppError<'NotGroupOwner'> {
  /** The group's display name, or the id when Graph does not know the group. For the user-facing text only. */
  readonly groupName: string;

  constructor(groupName: string) {
    // The name stays out of the message: messages go to logs, and the id may be whatever a client sent.
    super('NotGroupOwner', 'the caller does not own the group');
    this.groupName = groupName;
  }
}

/** Every name a group goes by, its display name first. */
function groupNames(group: OwnedGroup): string[] {
  return [group.displayName, group.mail, group.mailNickname].filter(
    (name): name is string => name !== undefined,
  );
}

export class GroupTargets {
  private readonly directory: Pick<GraphDirectoryClient, 'ownedGroups' | 'group'>;

  constructor(directory: Pick<GraphDirectoryClient, 'ownedGroups' | 'group'>) {
    this.directory = directory;
  }

  /**
   * The owned group `query` names: exact matches win, else partial ones; `none` (also for a blank query) carries
   * every owned group, to list them.
   * @throws GraphError
   */
  async find(query: string, token: AccessTokenSource): Promise<TargetMatch<OwnedGroup>> {
    return chooseByName(query, await this.directory.ownedGroups(token), groupNames);
  }

  /**
   * For typeahead: the owned groups `query` partly matches (every owned group when it is blank), exact matches
   * first, each part in display name order, at most `top`.
   * @throws GraphError
   */
  async search(
    query: string,
    token: AccessTokenSource,
    top = DEFAULT_SEARCH_TOP,
  ): Promise<readonly OwnedGroup[]> {
    const limit = Math.max(0, Math.floor(top));
    const owned = await this.directory.ownedGroups(token);
    if (isBlankQuery(query)) return byDisplayName(owned, groupNames).slice(0, limit);
    const { exact, partial } = matchByName(query, owned, groupNames);
    const exactIds = new Set(exact.map((group) => group.id));
    return [...exact, ...partial.filter((group) => !exactIds.has(group.id))].slice(0, limit);
  }

  /** Every owned group, in display name order. @throws GraphError */
  async owned(token: AccessTokenSource): Promise<readonly OwnedGroup[]> {
    return byDisplayName(await this.directory.ownedGroups(token), groupNames);
  }

  /**
   * The server-side owner check for a group id that came from a card or a dialog: the id must be one of the
   * caller's owned Microsoft 365 groups as Graph lists them now.
   * @throws NotGroupOwnerError with the group's display name (read through `group()`), or the id when Graph does
   *   not know it
   * @throws GraphError when Graph cannot be read
   */
  async requireOwned(groupId: string, token: AccessTokenSource): Promise<OwnedGroup> {
    const owned = await this.directory.ownedGroups(token);
    // Directory object ids are GUIDs, which compare without case (Graph answers for either spelling).
    const wanted = groupId.toLowerCase();
    const found = owned.find((group) => group.id.toLowerCase() === wanted);
    if (found) return found;
    throw new NotGroupOwnerError(await this.nameOf(groupId, token));
  }

  /** The display name of any group, for a refusal; the id itself when Graph does not know the group. */
  private async nameOf(groupId: string, token: AccessTokenSource): Promise<string> {
    if (groupId.length > MAX_GROUP_ID_LENGTH) return groupId;
    try {
      return (await this.directory.group(groupId, token))?.displayName ?? groupId;
    } catch (error) {
      // Graph answers 400 for an id that is not an object id at all: it does not know that group either.
      if (error instanceof GraphError && error.code === 'GraphBadRequest') return groupId;
      throw error;
    }
  }
}
