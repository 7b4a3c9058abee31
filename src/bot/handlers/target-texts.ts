/**
 * How groups and contacts are named in the bot's answers and buttons: a group with its mail, a contact with their
 * first address, and "Groups you own: ..." as a list in the person's language.
 */
import { translate, type Locale } from '../../i18n/index.js';
import type { NamedContact, NamedGroup } from './target-lookups.js';

/** At most this many names are listed in a refusal ("Groups you own: ..."). */
export const MAX_LISTED = 10;

/** A group as a button names it: `Marketing (marketing@contoso.com)`. */
export function groupLabel(group: NamedGroup): string {
  return group.mail ? `${group.displayName} (${group.mail})` : group.displayName;
}

/** A contact as a button names them: `Ravi Kumar (ravi@fabrikam.example)`. */
export function contactLabel(contact: NamedContact): string {
  const mail = contact.emails[0];
  return mail ? `${contact.displayName} (${mail})` : contact.displayName;
}

/** "Groups you own: A, B and C." (the first {@link MAX_LISTED}), or that there are none. */
export function ownedGroupsText(locale: Locale, owned: readonly NamedGroup[]): string {
  if (owned.length === 0) return translate(locale, 'group.ownNone');
  const names = owned.slice(0, MAX_LISTED).map((group) => group.displayName);
  return translate(locale, 'group.youOwn', { names: listOf(locale, names) });
}

/** Names joined as the language lists them ("A, B and C", "A, B und C", "A、B和C"). */
export function listOf(locale: Locale, names: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}
