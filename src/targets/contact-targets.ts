/**
 * The Outlook contacts a person may change the photo of: their own, in the default Contacts folder or any contact
 * folder. Chooses one by the name or an address they typed (see name-match.ts), and checks that a contact id (with
 * its folder) that came back from a card is one of the caller's.
 *
 * Graph only ever lets a delegated token reach its own mailbox, so a forged id cannot reach someone else's contact;
 * the check still runs at every action, so that a stale or forged id is refused by name before any photo work, and
 * so that the folder the card names is the folder the contact is in (the photo path is built from both).
 */
import { AppError } from '../errors.js';
import type {
  AccessTokenSource,
  ContactEntry,
  GraphDirectoryClient,
} from '../graph/graph-directory-client.js';
import { chooseByName, type TargetMatch } from './target-match.js';

export type { TargetMatch } from './target-match.js';
export type { ContactEntry } from '../graph/graph-directory-client.js';

/** Every name a contact goes by, its display name first. */
function contactNames(contact: ContactEntry): string[] {
  return [contact.displayName, ...contact.emails];
}

export class ContactTargets {
  private readonly directory: Pick<GraphDirectoryClient, 'contacts'>;

  constructor(directory: Pick<GraphDirectoryClient, 'contacts'>) {
    this.directory = directory;
  }

  /**
   * The contact `query` names, by display name or any of its addresses: exact matches win, else partial ones;
   * `none` (also for a blank query) carries every contact, to list them.
   * @throws GraphError
   */
  async find(query: string, token: AccessTokenSource): Promise<TargetMatch<ContactEntry>> {
    return chooseByName(query, await this.directory.contacts(token), contactNames);
  }

  /**
   * The caller's contact with this id in this folder (`undefined`: the default Contacts folder). Exchange ids are
   * case-sensitive, so they compare exactly.
   * @throws AppError `ContactNotFound` when the caller has no such contact in that folder
   * @throws GraphError
   */
  async requireContact(
    contactId: string,
    folderId: string | undefined,
    token: AccessTokenSource,
  ): Promise<ContactEntry> {
    const contacts = await this.directory.contacts(token);
    const found = contacts.find((contact) => contact.id === contactId && contact.folderId === folderId);
    if (found) return found;
    throw new AppError('ContactNotFound', 'no such contact in that folder of the caller');
  }
}
