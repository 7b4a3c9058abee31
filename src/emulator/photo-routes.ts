/**
 * Graph's profile photo operations on every target the app uses: the signed-in user, a user by id or UPN, a
 * group, and a contact (in the default folder or a named one, of `/me` or of a user).
 *
 * `.../photo/$value`: GET (the bytes), PUT and PATCH (replace; 200), DELETE (204).
 * `.../photo`: GET (metadata with the stored picture's real width and height), DELETE (204).
 * A target with no photo answers GET with 404 `ImageNotFound`. DELETE is idempotent (204 when there was none).
 * Graph re-encodes what it stores as JPEG; the emulator keeps the bytes it was sent and serves them with their own
 * type, which for this app's uploads (always JPEG) is `image/jpeg` either way.
 */
import { readBody } from './body-reader.js';
import {
  READ_CONTACTS,
  requireContacts,
  requireGroupPhotoWrite,
  requireUserPhotoWrite,
  WRITE_CONTACTS,
} from './auth-rules.js';
import { mailboxNotEnabled, subjectGroup, subjectUser } from './directory-routes.js';
import { empty, GraphFault, itemNotFound, ok } from './graph-answers.js';
import { context } from './graph-entities.js';
import { requirePhotoPolicy } from './photo-settings.js';
import { inspectImage, mimeType, type PhotoKey } from './photo-store.js';
import {
  route,
  type EmulatorContext,
  type GraphRequest,
  type Handler,
  type HttpMethod,
  type Route,
} from './router.js';

type TargetKind = 'user' | 'group' | 'contact';

/** A photo target found in the directory and cleared for the request. */
interface ResolvedTarget {
  readonly key: PhotoKey;
  /** The entity's part of `@odata.context`, e.g. `users('...')`. */
  readonly entitySet: string;
}

/** The path prefixes of every photo target, each with the kind of target it names. */
const TARGETS: readonly (readonly [string, TargetKind])[] = [
  ['me', 'user'],
  ['users/:user', 'user'],
  ['groups/:group', 'group'],
  ['me/contacts/:contact', 'contact'],
  ['users/:user/contacts/:contact', 'contact'],
  ['me/contactFolders/:folder/contacts/:contact', 'contact'],
  ['users/:user/contactFolders/:folder/contacts/:contact', 'contact'],
];

/** Reading any photo needs only a valid token; a contact's photo is in a mailbox, so its rules apply. */
function resolve(
  request: GraphRequest,
  { directory }: EmulatorContext,
  kind: TargetKind,
  write: boolean,
): ResolvedTarget {
  const { caller } = request;
  switch (kind) {
    case 'user': {
      const user = subjectUser(request, directory);
      if (write) {
        requireUserPhotoWrite(caller, user);
        if (!user.hasMailbox) throw mailboxNotEnabled();
      }
      return { key: { kind: 'user', userId: user.id }, entitySet: context.key('users', user.id) };
    }
    case 'group': {
      const group = subjectGroup(request, directory);
      if (write)
        requireGroupPhotoWrite(caller, caller.kind === 'user' && directory.isOwner(caller.user, group));
      return { key: { kind: 'group', groupId: group.id }, entitySet: context.key('groups', group.id) };
    }
    case 'contact': {
      const owner = subjectUser(request, directory);
      requireContacts(caller, owner, write ? WRITE_CONTACTS : READ_CONTACTS);
      if (!owner.hasMailbox) throw mailboxNotEnabled();
      const folderId = request.params['folder'];
      if (folderId !== undefined && !directory.findFolder(owner, folderId)) throw itemNotFound();
      const found = directory.findContact(owner, request.params['contact'] ?? '', folderId);
      if (!found) throw itemNotFound();
      return {
        key: { kind: 'contact', userId: owner.id, contactId: found.contact.id },
        entitySet: `${context.key('users', owner.id)}/${context.key('contacts', found.contact.id)}`,
      };
    }
  }
}

/** The organisation's photo rules, on a write of a user's photo (photo-settings.ts); group and contact photos are not theirs. */
async function applyPhotoRules(
  request: GraphRequest,
  emulator: EmulatorContext,
  target: ResolvedTarget,
): Promise<void> {
  if (target.key.kind !== 'user') return;
  requirePhotoPolicy(await emulator.photoSettings.get(), request.caller, emulator.directory);
}

function imageNotFound(): GraphFault {
  return new GraphFault(404, 'ImageNotFound', 'The photo wasn’t found.');
}

function metadataHandler(kind: TargetKind): Handler {
  return async (request, emulator) => {
    const target = resolve(request, emulator, kind, false);
    const photo = await emulator.photos.get(target.key);
    if (!photo) throw imageNotFound();
    return ok({
      '@odata.context': `${request.serviceRoot}/$metadata#${target.entitySet}/photo/$entity`,
      '@odata.mediaContentType': mimeType(photo.format),
      '@odata.mediaEtag': `"${photo.etag}"`,
      id: `${photo.width}X${photo.height}`,
      height: photo.height,
      width: photo.width,
    });
  };
}

function valueHandler(kind: TargetKind): Handler {
  return async (request, emulator) => {
    const target = resolve(request, emulator, kind, false);
    const photo = await emulator.photos.get(target.key);
    if (!photo) throw imageNotFound();
    return {
      status: 200,
      bytes: { data: photo.bytes, contentType: mimeType(photo.format) },
      headers: { etag: `"${photo.etag}"` },
    };
  };
}

function uploadHandler(kind: TargetKind): Handler {
  return async (request, emulator) => {
    // Permission and target first: a refused caller's body is never read.
    const target = resolve(request, emulator, kind, true);
    await applyPhotoRules(request, emulator, target);
    const body = await readBody(request.incoming, emulator.maxPhotoBytes);
    if (body.kind === 'too-large') {
      // The server drains what is left (up to a bound) after answering; `connection: close` keeps it off reuse.
      throw new GraphFault(
        413,
        'RequestEntityTooLarge',
        `The photo is larger than the ${emulator.maxPhotoBytes}-byte limit.`,
        { connection: 'close' },
      );
    }
    if (!inspectImage(body.bytes)) {
      throw new GraphFault(
        400,
        'ErrorInvalidImage',
        'The image is not a valid image or is in an unsupported format.',
      );
    }
    await emulator.photos.put(target.key, body.bytes, changePath(request));
    return empty(200);
  };
}

/**
 * How the app says a change came about (its `x-teams-photo-path` header), for the page; a short lower-case word
 * or `graph` (anything else, including a missing header, is not taken as typed).
 */
function changePath(request: GraphRequest): string {
  const value = request.headers['x-teams-photo-path'];
  return typeof value === 'string' && /^[a-z][a-z-]{0,31}$/.test(value) ? value : 'graph';
}

function deleteHandler(kind: TargetKind): Handler {
  return async (request, emulator) => {
    const target = resolve(request, emulator, kind, true);
    await applyPhotoRules(request, emulator, target);
    await emulator.photos.delete(target.key, changePath(request));
    return empty(204);
  };
}

/** Every photo route, under one API version's root. */
export function photoRoutes(): Route[] {
  return TARGETS.flatMap(([prefix, kind]) => {
    const upload = uploadHandler(kind);
    const remove = deleteHandler(kind);
    const value: Partial<Record<HttpMethod, Handler>> = {
      GET: valueHandler(kind),
      PUT: upload,
      PATCH: upload,
      DELETE: remove,
    };
    return [
      route(`${prefix}/photo`, { GET: metadataHandler(kind), DELETE: remove }, true),
      route(`${prefix}/photo/$value`, value, true),
    ];
  });
}
