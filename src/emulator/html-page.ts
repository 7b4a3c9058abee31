/**
 * The emulator's read-only page at `/`: the tenant's users, groups and contacts with their current photos, so a
 * developer can see what the bot changed, and when and through which path (chat, undo, admin) each photo last
 * changed. Plain HTML and CSS and one small inline script that polls `/_view/changes` and reloads the page when a
 * photo changed (allowed by its hash in {@link PAGE_CONTENT_SECURITY_POLICY}, so no other script can run); every
 * value from the directory file is escaped, and thumbnails come from the local-only `/_view/photo/...` routes.
 */
import { createHash } from 'node:crypto';
import type { Directory, DirectoryUser } from './directory.js';
import type { PhotoChange, PhotoKey, PhotoStore } from './photo-store.js';
import { PLAYGROUND_USER_ID } from './seed-directory.js';

/** How often the page asks whether a photo changed: quick enough to feel live, cheap (one small JSON). */
export const PAGE_POLL_MS = 1500;

/**
 * The page's one script: reload when the photo store's revision is no longer the one the page was drawn at.
 * Polling rather than server-sent events keeps the emulator free of long-lived connections, which would hold up
 * its graceful close.
 */
const PAGE_SCRIPT = `(()=>{const drawn=document.body.dataset.revision;setInterval(()=>{fetch('/_view/changes',{cache:'no-store'}).then((r)=>r.json()).then((c)=>{if(String(c.revision)!==drawn)location.reload();},()=>{});},${PAGE_POLL_MS});})();`;

/** The page's Content-Security-Policy: its own images, inline styles, and only the script above (by hash). */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "img-src 'self'",
  "style-src 'unsafe-inline'",
  `script-src 'sha256-${createHash('sha256').update(PAGE_SCRIPT).digest('base64')}'`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The body of `/_view/changes`: the store's revision, which the page polls. */
export function changesJson(photos: Pick<PhotoStore, 'revision'>): string {
  return JSON.stringify({ revision: photos.revision });
}

/** "changed 13:42:05 UTC via chat": when and how a photo last changed in this run of the emulator. */
export function describeChange(change: PhotoChange): string {
  return `changed ${new Date(change.at).toISOString().slice(0, 19).replace('T', ' ')} UTC via ${change.via}`;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The page's thumbnail URL for a photo key (the view routes in graph-emulator.ts serve it). */
export function viewPhotoPath(key: PhotoKey): string {
  switch (key.kind) {
    case 'user':
      return `/_view/photo/users/${encodeURIComponent(key.userId)}`;
    case 'group':
      return `/_view/photo/groups/${encodeURIComponent(key.groupId)}`;
    case 'contact':
      return `/_view/photo/contacts/${encodeURIComponent(key.userId)}/${encodeURIComponent(key.contactId)}`;
  }
}

interface Card {
  readonly key: PhotoKey;
  readonly title: string;
  readonly lines: readonly string[];
  readonly badges: readonly string[];
}

const STYLE = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#242424;background:#f5f5f5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}
.sub{color:#616161;margin:0 0 4px}code{font:12px ui-monospace,Consolas,monospace;background:#e8e8e8;padding:1px 4px;border-radius:3px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px}
.card{display:flex;gap:12px;background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 2px rgba(0,0,0,.12)}
.photo{width:72px;height:72px;border-radius:50%;object-fit:cover;flex:none;background:#c7c7c7}
.none{display:flex;align-items:center;justify-content:center;color:#fff;font-size:24px;font-weight:600;background:#8a8886}
.title{font-weight:600}.line{color:#616161;font-size:12px;overflow-wrap:anywhere}
.badge{display:inline-block;font-size:11px;padding:0 6px;margin:4px 4px 0 0;border-radius:9px;background:#ebf3fc;color:#0f6cbd}
.badge.warn{background:#fdf3f4;color:#b10e1c}.changed{color:#0e700e}`;

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => word.codePointAt(0))
    .map((code) => (code === undefined ? '' : String.fromCodePoint(code)))
    .slice(0, 2)
    .join('');
  return letters.toUpperCase() || '?';
}

async function renderCard(card: Card, photos: PhotoStore): Promise<string> {
  const version = await photos.version(card.key);
  const picture =
    version === undefined
      ? `<div class="photo none" title="no photo">${escapeHtml(initials(card.title))}</div>`
      : `<img class="photo" alt="photo of ${escapeHtml(card.title)}" src="${escapeHtml(`${viewPhotoPath(card.key)}?v=${version}`)}">`;
  const change = photos.lastChange(card.key);
  const badges = card.badges.map((badge) => {
    const warn = badge.startsWith('!');
    return `<span class="badge${warn ? ' warn' : ''}">${escapeHtml(warn ? badge.slice(1) : badge)}</span>`;
  });
  return [
    '<div class="card">',
    picture,
    '<div>',
    `<div class="title">${escapeHtml(card.title)}</div>`,
    ...card.lines.map((line) => `<div class="line">${escapeHtml(line)}</div>`),
    change ? `<div class="line changed">${escapeHtml(describeChange(change))}</div>` : '',
    badges.length > 0 ? `<div>${badges.join('')}</div>` : '',
    '</div></div>',
  ].join('');
}

function userCard(directory: Directory, user: DirectoryUser): Card {
  const badges = [
    ...(user.id === PLAYGROUND_USER_ID ? ['Agents Playground user'] : []),
    ...directory.rolesOf(user).map((role) => role.displayName),
    ...directory.groupsOwnedBy(user).map((group) => `owns ${group.displayName}`),
    ...(user.hasMailbox ? [] : ['!no mailbox']),
  ];
  return {
    key: { kind: 'user', userId: user.id },
    title: user.displayName,
    lines: [user.userPrincipalName, `id ${user.id}`, ...(user.jobTitle ? [user.jobTitle] : [])],
    badges,
  };
}

/** Renders the page for the directory as it is and the photos as they are now. */
export async function renderDirectoryPage(
  directory: Directory,
  photos: PhotoStore,
  baseUrl: string,
): Promise<string> {
  const users = directory.users.map((user) => userCard(directory, user));
  const groups: Card[] = directory.groups.map((group) => ({
    key: { kind: 'group', groupId: group.id },
    title: group.displayName,
    lines: [`id ${group.id}`, `${group.members.length} members`],
    badges: directory.usersById(group.owners).map((owner) => `owner ${owner.displayName}`),
  }));
  const contacts: Card[] = directory.users.flatMap((user) =>
    [
      ...user.contacts.map((contact) => ({ contact, folder: 'Contacts' })),
      ...user.contactFolders.flatMap((folder) =>
        folder.contacts.map((contact) => ({ contact, folder: folder.displayName })),
      ),
    ].map(({ contact, folder }) => ({
      key: { kind: 'contact', userId: user.id, contactId: contact.id },
      title: contact.displayName,
      lines: [`${user.displayName} › ${folder}`, ...contact.emailAddresses.map((address) => address.address)],
      badges: [],
    })),
  );
  const section = async (title: string, cards: readonly Card[]): Promise<string> =>
    `<h2>${escapeHtml(title)} (${cards.length})</h2><div class="grid">${(await Promise.all(cards.map((card) => renderCard(card, photos)))).join('')}</div>`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`Graph emulator: ${directory.tenant.displayName}`)}</title>`,
    `<style>${STYLE}</style></head><body data-revision="${photos.revision}">`,
    `<h1>${escapeHtml(directory.tenant.displayName)}</h1>`,
    `<p class="sub">Local Microsoft Graph emulator · tenant <code>${escapeHtml(directory.tenant.id)}</code></p>`,
    `<p class="sub">API: <code>${escapeHtml(`${baseUrl}/v1.0`)}</code> and <code>${escapeHtml(`${baseUrl}/beta`)}</code> · token: <code>npx profile-photo token --user ${escapeHtml(directory.users[0]?.userPrincipalName ?? '<upn>')}</code></p>`,
    await section('Users', users),
    await section('Groups', groups),
    await section('Contacts', contacts),
    `<script>${PAGE_SCRIPT}</script>`,
    '</body></html>',
  ].join('\n');
}
