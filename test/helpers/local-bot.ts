/**
 * The bot as `npm start` runs it in local mode (the compiled app, its worker threads and the in-process Graph
 * emulator), over a temporary data folder whose directory a test may extend, with a fake Bot Connector and a file
 * server of images: everything on loopback, driven with Teams-shaped activities over real HTTP.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type AppSeams, type RunningApp } from '../../dist/app.js';
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { loadConfig } from '../../dist/config.js';
import { SEED_DIRECTORY } from '../../dist/emulator/seed-directory.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { fakeConnector, postActivity, teamsActivity, type SentActivity } from './fake-connector.js';
import { fileServer } from './file-server.js';

export const TENANT = '00000000-0000-0000-0000-0000000000001';

/** Seeded people, by their ids and user principal names. */
export const PEOPLE = {
  alex: { id: '00000000-0000-0000-0000-0000000000020', upn: 'alexw@example.com' },
  megan: { id: '00000000-0000-0000-0000-0000000000021', upn: 'meganb@example.com' },
  adele: { id: '00000000-0000-0000-0000-0000000000022', upn: 'adelev@example.com' },
  patti: { id: '00000000-0000-0000-0000-0000000000024', upn: 'pattif@example.com' },
} as const;
/** Someone of the directory, as the helpers take them (the seeded ones above, or any other). */
export type Person = { readonly id: string; readonly upn: string };

/** The seeded directory, changed by `edit` (a deep copy: the seed itself is never touched). */
export type DirectoryEdit = (directory: typeof SEED_DIRECTORY) => void;

export interface LocalBot {
  readonly app: RunningApp;
  readonly emulatorUrl: string;
  readonly dataDir: string;
  readonly connector: Awaited<ReturnType<typeof fakeConnector>>;
  /** A delegated token for a person, with the scopes the emulator's photo routes need. */
  tokenOf(person: Person, scopes?: readonly string[]): string;
  /** Posts an activity from `person` (personal chat unless `extra` says otherwise); the HTTP answer. */
  send(person: Person, extra: Record<string, unknown>): ReturnType<typeof postActivity>;
  /** The image attachment of a file the file server serves. */
  image(name: string): { contentType: string; contentUrl: string };
  /** Where the file server serves a file. */
  fileUrl(name: string): string;
  /** The requests the file server has seen (to tell whether anything was downloaded). */
  fileRequests(): readonly { readonly path: string }[];
  /** Sends, then waits for the bot's next message and returns it. */
  ask(person: Person, extra: Record<string, unknown>): Promise<SentActivity['activity']>;
  stop(): Promise<void>;
}

/**
 * Starts the bot in local mode.
 * @param images the file server's files (name → bytes)
 * @param edit changes to the seeded directory, written to the data folder before the start
 * @param env more configuration variables (e.g. `ADMIN_ALLOWED_TENANTS`)
 * @param seams the app's test seams (e.g. the approval clock)
 */
export async function startLocalBot(
  images: Record<string, Buffer>,
  edit?: DirectoryEdit,
  env: Record<string, string> = {},
  seams: AppSeams = {},
): Promise<LocalBot> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-bot-'));
  if (edit) {
    const directory = structuredClone(SEED_DIRECTORY);
    edit(directory);
    await mkdir(path.join(dataDir, 'emulator'), { recursive: true });
    await writeFile(path.join(dataDir, 'emulator', 'directory.json'), JSON.stringify(directory, null, 2));
  }
  const files = await fileServer(images);
  const config = loadConfig({
    PORT: '0',
    GRAPH_EMULATOR_PORT: '0',
    DATA_DIR: dataDir,
    PHOTO_POOL_SIZE: '1',
    QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
    ...env,
  });
  const app = await startApp(config, process.env.TEST_LOG ? createLogger('debug') : silentLogger, seams);
  const issuer = await LocalTokenIssuer.open(dataDir);
  const connector = await fakeConnector();
  const send = (person: Person, extra: Record<string, unknown>) =>
    postActivity(app.server.url, teamsActivity(connector.url, person.id, extra));
  const messages = () => connector.sent.filter((s) => (s.activity.type ?? 'message') === 'message').length;
  return {
    app,
    emulatorUrl: app.emulator!.url,
    dataDir,
    connector,
    tokenOf: (
      person,
      scopes = ['User.ReadWrite', 'Group.ReadWrite.All', 'Contacts.ReadWrite', 'User.Read'],
    ) =>
      issuer.issueDelegated({ tenantId: TENANT, userId: person.id, userPrincipalName: person.upn, scopes }),
    send,
    image: (name) => ({ contentType: 'image/*', contentUrl: `${files.url}/${name}` }),
    fileUrl: (name) => `${files.url}/${name}`,
    fileRequests: () => files.requests,
    async ask(person, extra) {
      const before = messages();
      await send(person, extra);
      const replies = await connector.waitFor(before + 1);
      return replies.at(-1)!.activity;
    },
    async stop() {
      await app.close();
      await connector.close();
      await files.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first adaptive card of a bot message, or undefined. */
export function cardOf(message: {
  attachments?: { contentType: string; content: unknown }[];
}): Record<string, unknown> | undefined {
  const card = message.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return card?.content as Record<string, unknown> | undefined;
}

/**
 * Every text a card shows (texts, titles, fact values, input labels), one per line, the image URLs left out: what a
 * person reads, for assertions on the wording.
 */
export function cardText(card: Record<string, unknown> | undefined): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label']) {
      const text = record[key];
      if (typeof text === 'string') out.push(text);
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'url') walk(child);
  };
  walk(card);
  return out.join('\n');
}

/** Whether two photos are the same bytes (both missing counts as the same). */
export function sameBytes(a: Uint8Array | null | undefined, b: Uint8Array | null | undefined): boolean {
  return a === b || (a != null && b != null && Buffer.from(a).equals(Buffer.from(b)));
}

/** The actions of a card, as Teams would send them back. */
export function actionsOf(
  card: Record<string, unknown> | undefined,
): { title: string; verb: string; data: Record<string, string> }[] {
  return (card?.actions ?? []) as { title: string; verb: string; data: Record<string, string> }[];
}

/** Presses an `Action.Execute` as Teams does: an `adaptiveCard/action` invoke; returns the invoke response body. */
export async function press(
  bot: LocalBot,
  person: Person,
  action: { verb: string; data: Record<string, string> },
  extra: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const answer = await bot.send(person, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data } },
    ...extra,
  });
  return answer.body ?? {};
}

/**
 * Sends an invoke as Teams does (a messaging extension's `composeExtension/...`, a dialog's `task/...`, a
 * typeahead's `application/search`); returns the HTTP status and the invoke response body (`null` for none).
 */
export async function invoke(
  bot: LocalBot,
  person: Person,
  name: string,
  value: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<{ status: number; body: Record<string, unknown> | null }> {
  return bot.send(person, { type: 'invoke', name, value, ...extra });
}
