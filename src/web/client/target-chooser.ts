/**
 * The `target-select` list: "My photo" (with the person's name once known), then an option group of the groups they
 * own, then one of their contacts (with the folder's name when it is not their main one). Option values are the
 * API's targets: `me`, `group:<id>`, `contact:<id>` or `contact:<folderId>/<id>`.
 */
import type { Me, Targets } from './api.js';
import type { Translate } from './strings.js';

export class TargetChooser {
  /** Target → the name the outcome sentences use. */
  private readonly names = new Map<string, string>();

  constructor(
    readonly element: HTMLSelectElement,
    private readonly t: Translate,
  ) {}

  /** The chosen target. */
  get value(): string {
    return this.element.value || 'me';
  }

  /** The display name of a target in the list (empty for one not in it). */
  nameOf(target: string): string {
    return this.names.get(target) ?? '';
  }

  /** Replaces the list, keeping the choice when it is still there. */
  fill(me: Me, targets: Targets): void {
    const chosen = this.value;
    const own = new Option(this.t('tab.target.meNamed', { name: me.displayName }), 'me');
    this.names.set('me', me.displayName);
    const parts: HTMLElement[] = [own];
    if (targets.groups.length > 0) {
      const group = document.createElement('optgroup');
      group.label = this.t('tab.target.groups');
      for (const g of targets.groups)
        group.append(this.option(`group:${g.id}`, g.displayName, g.displayName));
      parts.push(group);
    }
    if (targets.contacts.length > 0) {
      const group = document.createElement('optgroup');
      group.label = this.t('tab.target.contacts');
      for (const c of targets.contacts) {
        const value = c.folderId === undefined ? `contact:${c.id}` : `contact:${c.folderId}/${c.id}`;
        const label =
          c.folderName === undefined || c.folderName === ''
            ? c.displayName
            : this.t('pick.inFolder', { name: c.displayName, folder: c.folderName });
        group.append(this.option(value, label, c.displayName));
      }
      parts.push(group);
    }
    // Text and values through the DOM (Option, textContent), never markup: names come from the directory.
    this.element.replaceChildren(...parts);
    this.element.value = [...this.element.options].some((o) => o.value === chosen) ? chosen : 'me';
  }

  private option(value: string, label: string, name: string): HTMLOptionElement {
    this.names.set(value, name);
    return new Option(label, value);
  }
}
