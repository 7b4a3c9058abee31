/**
 * The organisation's photo rules, as Graph's beta `photoUpdateSettings` has them, served and enforced by the
 * emulator:
 *
 * - `GET /beta/admin/people/photoUpdateSettings` needs `PeopleSettings.Read.All` (or `.ReadWrite.All`), delegated or
 *   application; `PATCH` needs `PeopleSettings.ReadWrite.All` and changes only the properties it is given.
 *   Both answer the settings: `{ id, source: 'cloud' | 'onPremises', allowedRoles: [role template ids] }`.
 * - Kept in `<dataDir>/emulator/photo-update-settings.json` (written whole through a temporary file and a rename),
 *   read again on every request, so a change survives restarts and a second process sees it. No file: the default
 *   `{ source: 'cloud', allowedRoles: [] }`, everyone may change their own photo.
 * - Enforced on every user photo write (PUT, PATCH, DELETE): `onPremises` refuses all of them, application tokens
 *   included (403 {@link PHOTO_POLICY_GRAPH_CODES}.onPremises); a non-empty `allowedRoles` refuses a delegated
 *   write by anyone holding none of those directory roles (403 {@link PHOTO_POLICY_GRAPH_CODES}.turnedOff).
 *   Application tokens (an admin acting for the organisation) are not subject to `allowedRoles`. Group and contact
 *   photos are not user photos: the rules do not apply to them.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/v4';
import { PHOTO_POLICY_GRAPH_CODES } from '../graph/graph-errors.js';
import { requireDirectory, type Caller, type Permission } from './auth-rules.js';
import { readBody } from './body-reader.js';
import type { Directory } from './directory.js';
import { GraphFault, ok } from './graph-answers.js';
import { route, type Handler, type Route } from './router.js';

/** The settings as stored and served. */
export interface PhotoUpdateSettings {
  readonly source: 'cloud' | 'onPremises';
  readonly allowedRoles: readonly string[];
}

/** What a tenant has when nobody set anything: photos in the cloud, changeable by everyone. */
export const DEFAULT_PHOTO_UPDATE_SETTINGS: PhotoUpdateSettings = { source: 'cloud', allowedRoles: [] };

const READ_SETTINGS: Permission = {
  delegated: ['PeopleSettings.Read.All', 'PeopleSettings.ReadWrite.All'],
  application: ['PeopleSettings.Read.All', 'PeopleSettings.ReadWrite.All'],
};

const WRITE_SETTINGS: Permission = {
  delegated: ['PeopleSettings.ReadWrite.All'],
  application: ['PeopleSettings.ReadWrite.All'],
};

const settingsSchema = z.object({
  source: z.enum(['cloud', 'onPremises']),
  allowedRoles: z.array(z.string().trim().min(1)).max(100),
});

const patchSchema = settingsSchema.partial().strict();

/** The settings file of a data folder. */
export function photoSettingsFile(dataDir: string): string {
  return path.join(dataDir, 'emulator', 'photo-update-settings.json');
}

/** The tenant's photo rules, in a file beside directory.json. */
export class PhotoSettingsStore {
  readonly #file: string;
  /** Writes one at a time, so two PATCHes never lose one another's change. */
  #writing: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.#file = photoSettingsFile(dataDir);
  }

  /** The settings now; a missing or unreadable file is the default (an unreadable one is left for a person to fix). */
  async get(): Promise<PhotoUpdateSettings> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch {
      return DEFAULT_PHOTO_UPDATE_SETTINGS;
    }
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : DEFAULT_PHOTO_UPDATE_SETTINGS;
    } catch {
      return DEFAULT_PHOTO_UPDATE_SETTINGS;
    }
  }

  /** Changes the given properties and keeps the rest. */
  update(change: Partial<PhotoUpdateSettings>): Promise<PhotoUpdateSettings> {
    const next = this.#writing.then(async () => {
      const settings = { ...(await this.get()), ...change };
      await mkdir(path.dirname(this.#file), { recursive: true });
      const temporary = `${this.#file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify(settings, null, 2)}\n`);
        await rename(temporary, this.#file);
      } finally {
        await rm(temporary, { force: true });
      }
      return settings;
    });
    this.#writing = next.catch(() => undefined);
    return next;
  }
}

function answer(settings: PhotoUpdateSettings, serviceRoot: string) {
  return ok({
    '@odata.context': `${serviceRoot}/$metadata#admin/people/photoUpdateSettings/$entity`,
    id: 'photoUpdateSettings',
    source: settings.source,
    allowedRoles: [...settings.allowedRoles],
  });
}

/** The settings' routes, answered under `/beta` only (the resource is beta). */
export function photoSettingsRoutes(store: PhotoSettingsStore): Route[] {
  const onlyBeta = (handler: Handler): Handler => {
    return (request, context) => {
      if (request.version !== 'beta') {
        throw new GraphFault(400, 'BadRequest', "Resource not found for the segment 'photoUpdateSettings'.");
      }
      return handler(request, context);
    };
  };
  return [
    route('admin/people/photoUpdateSettings', {
      GET: onlyBeta(async (request) => {
        requireDirectory(request.caller, READ_SETTINGS);
        return answer(await store.get(), request.serviceRoot);
      }),
      PATCH: onlyBeta(async (request) => {
        requireDirectory(request.caller, WRITE_SETTINGS);
        const body = await readBody(request.incoming, 64 * 1024);
        let parsed: ReturnType<typeof patchSchema.safeParse>;
        try {
          const json: unknown =
            body.kind === 'too-large' ? undefined : JSON.parse(Buffer.from(body.bytes).toString('utf8'));
          // `@odata.type` is allowed, as Graph's SDKs send it.
          const fields = { ...((json ?? {}) as Record<string, unknown>) };
          delete fields['@odata.type'];
          parsed = patchSchema.safeParse(json === undefined ? undefined : fields);
        } catch {
          parsed = patchSchema.safeParse(undefined);
        }
        if (!parsed.success) {
          throw new GraphFault(
            400,
            'BadRequest',
            "The body must be JSON with 'source' ('cloud' or 'onPremises') and/or 'allowedRoles' (role template ids).",
          );
        }
        const change: { source?: PhotoUpdateSettings['source']; allowedRoles?: string[] } = {};
        if (parsed.data.source !== undefined) change.source = parsed.data.source;
        if (parsed.data.allowedRoles !== undefined) change.allowedRoles = parsed.data.allowedRoles;
        return answer(await store.update(change), request.serviceRoot);
      }),
    }),
  ];
}

/**
 * Applies the rules to a write of a user's photo.
 * @throws GraphFault 403 with {@link PHOTO_POLICY_GRAPH_CODES} when the settings refuse it
 */
export function requirePhotoPolicy(
  settings: PhotoUpdateSettings,
  caller: Caller,
  directory: Directory,
): void {
  if (settings.source === 'onPremises') {
    throw new GraphFault(
      403,
      PHOTO_POLICY_GRAPH_CODES.onPremises,
      "User photos are managed on-premises in this organization and can't be changed in the cloud.",
    );
  }
  if (caller.kind !== 'user' || settings.allowedRoles.length === 0) return;
  const allowed = new Set(settings.allowedRoles.map((id) => id.toLowerCase()));
  const held = directory.rolesOf(caller.user).some((role) => allowed.has(role.roleTemplateId.toLowerCase()));
  if (!held) {
    throw new GraphFault(
      403,
      PHOTO_POLICY_GRAPH_CODES.turnedOff,
      "Photo updates are not allowed for this user by the organization's photo update settings.",
    );
  }
}
