/**
 * Undo end to end, over real HTTP through the running bot in local mode: the real server, the pipeline on worker
 * threads, the in-process Graph emulator (its fault script makes one write fail on purpose, with real 503s and the
 * Graph client's real retries), a fake Bot Connector and a file server, all on loopback. Every user starts with a
 * photo put through the emulator's own API, so Undo has something to restore and is compared byte for byte. The
 * whole suite runs twice: storage on files, and on Blob Storage (Azurite, started by the test), as several
 * instances would share it.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { BlobServiceClient } from '@azure/storage-blob';
import { tmpdir } from 'node:os';
import path from 'node:path';
// What `npm start` runs: the compiled app (its worker threads load compiled code).
import { startApp, type RunningApp } from '../../dist/app.js';
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { loadConfig, type AppConfig } from '../../dist/config.js';
import { FaultScript } from '../../dist/emulator/faults.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { createStorage } from '../../dist/storage/index.js';
import { type Azurite, startAzuriteStorage } from '../helpers/azurite.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, encodePng, photoLike } from '../helpers/images.js';
import { fileServer } from '../helpers/file-server.js';
import { ownPhoto, putOwnPhoto } from '../helpers/emulator-photos.js';

const TENANT = '00000000-0000-0000-0000-0000000000001';
const USERS = {
  alex: { id: '00000000-0000-0000-0000-0000000000020', upn: 'alexw@example.com' },
  megan: { id: '00000000-0000-0000-0000-0000000000021', upn: 'meganb@example.com' },
  adele: { id: '00000000-0000-0000-0000-0000000000022', upn: 'adelev@example.com' },
  patti: { id: '00000000-0000-0000-0000-0000000000024', upn: 'pattif@example.com' },
  lynne: { id: '00000000-0000-0000-0000-0000000000025', upn: 'lynner@example.com' },
} as const;
type User = (typeof USERS)[keyof typeof USERS];
/** Every attempt the Graph client makes at one request (4 in all). */
const GRAPH_ATTEMPTS = 4;

describe.each(['fs', 'blob'] as const)('Undo end to end (local mode, over HTTP, %s storage)', (kind) => {
  let azurite: Azurite | undefined;
  let storageConfig: AppConfig['storage'];
  let dataDir: string;
  let app: RunningApp;
  let issuer: LocalTokenIssuer;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let files: Awaited<ReturnType<typeof fileServer>>;
  const script = new FaultScript();
  /** The emulator reads its faults on every request, so a test can slow Graph down for a while. */
  const faults = { script, photoRoutesOnly: true, latencyMs: 0 };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-undo-'));
    files = await fileServer({
      'a.jpg': await encodeJpeg(photoLike(1200, 900, 1)),
      'b.png': await encodePng(photoLike(800, 800, 2)),
    });
    if (kind === 'blob') azurite = await startAzuriteStorage();
    const config = loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
      PENDING_SWEEP_SECONDS: '1',
      ...(azurite
        ? {
            STORAGE_KIND: 'blob',
            AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
            STORAGE_CONTAINER: 'undo-end-to-end',
          }
        : {}),
    });
    storageConfig = config.storage;
    app = await startApp(config, process.env.TEST_LOG ? createLogger('debug') : silentLogger, {
      emulatorFaults: faults,
    });
    issuer = await LocalTokenIssuer.open(dataDir);
  });
  afterAll(async () => {
    await app.close();
    await azurite?.stop();
    await files.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    connector = await fakeConnector();
  });
  afterEach(async () => {
    script.clear();
    faults.latencyMs = 0;
    await connector.close();
  });

  const tokenOf = (user: User) =>
    issuer.issueDelegated({ tenantId: TENANT, userId: user.id, userPrincipalName: user.upn });

  /** Sets a user's photo through the emulator's own API, as if it had been set before the bot. */
  async function seedPhoto(user: User, seed: number): Promise<Buffer> {
    const bytes = await encodeJpeg(photoLike(400, 400, seed));
    await putOwnPhoto(app.emulator!.url, tokenOf(user), bytes);
    return bytes;
  }

  async function storedPhoto(user: User): Promise<Buffer | null> {
    return ownPhoto(app.emulator!.url, tokenOf(user));
  }

  const send = (user: User, extra: Record<string, unknown>) =>
    postActivity(app.server.url, teamsActivity(connector.url, user.id, extra));
  const sendImage = (user: User, name: string) =>
    send(user, { attachments: [{ contentType: 'image/*', contentUrl: `${files.url}/${name}` }] });
  const pressUndo = (user: User, changeId: string) =>
    send(user, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'undoPhotoChange', data: { changeId } } },
    });

  /** Sends an image and returns the change id on the card that answers it. */
  async function changeWithCard(user: User, name: string): Promise<string> {
    const before = connector.sent.length;
    await sendImage(user, name);
    const replies = await connector.waitFor(1 + messagesSince(before));
    const card = replies.at(-1)!.activity.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const changeId = /"changeId":"([^"]+)"/.exec(JSON.stringify(card!.content))?.[1];
    expect(changeId).toBeDefined();
    return changeId!;
  }
  const messagesSince = (index: number) =>
    connector.sent.slice(0, index).filter((s) => (s.activity.type ?? 'message') === 'message').length;

  /** Sends an image while Graph answers every attempt to write it with 503; returns the answer's text. */
  async function failedChange(user: User, name: string): Promise<string> {
    const before = connector.sent.length;
    script.push('pass', 1).push('unavailable', GRAPH_ATTEMPTS);
    await sendImage(user, name);
    const replies = await connector.waitFor(1 + messagesSince(before));
    expect(script.pending).toBe(0);
    return replies.at(-1)!.activity.text ?? '';
  }

  it('restores byte for byte the photo there was before, when the user had one', async () => {
    const original = await seedPhoto(USERS.adele, 11);
    const changeId = await changeWithCard(USERS.adele, 'a.jpg');
    expect((await storedPhoto(USERS.adele))!.equals(original)).toBe(false);

    const undo = await pressUndo(USERS.adele, changeId);
    expect(undo.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect((await storedPhoto(USERS.adele))!.equals(original)).toBe(true);
  });

  it("keeps card 1's Undo working after Graph refused change 2, and it restores the original byte for byte", async () => {
    const original = await seedPhoto(USERS.alex, 12);
    const card1 = await changeWithCard(USERS.alex, 'a.jpg');
    const afterChange1 = await storedPhoto(USERS.alex);

    const answer = await failedChange(USERS.alex, 'b.png');
    expect(answer).toMatch(/Microsoft 365 is not answering/);
    expect(answer).toMatch(/Reference: /);
    expect((await storedPhoto(USERS.alex))!.equals(afterChange1!)).toBe(true);

    const undo = await pressUndo(USERS.alex, card1);
    expect(undo.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(undo.body)).not.toMatch(/changed again since/);
    expect((await storedPhoto(USERS.alex))!.equals(original)).toBe(true);
  });

  it('answers the text undo after a refused change by really undoing the change that was made', async () => {
    const original = await seedPhoto(USERS.megan, 13);
    await changeWithCard(USERS.megan, 'a.jpg');
    expect(await failedChange(USERS.megan, 'b.png')).toMatch(/Microsoft 365 is not answering/);

    const before = connector.sent.length;
    await send(USERS.megan, { text: 'undo' });
    const replies = await connector.waitFor(1 + messagesSince(before));
    const card = replies.at(-1)!.activity.attachments?.[0]?.content as { body: { text?: string }[] };
    expect(card.body[0]?.text).toBe('Undone: the photo you had before your first change here is back.');
    // "Back" is true: the photo is the one from before the change that was made, not the one it already had.
    expect((await storedPhoto(USERS.megan))!.equals(original)).toBe(true);
  });

  it("refuses someone else's Undo on a user's card, and changes nobody's photo", async () => {
    await seedPhoto(USERS.patti, 14);
    const changeId = await changeWithCard(USERS.patti, 'a.jpg');
    const pattiAfter = await storedPhoto(USERS.patti);
    const intruder = USERS.adele;
    const intruderBefore = await storedPhoto(intruder);

    const undo = await pressUndo(intruder, changeId);
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(JSON.stringify(undo.body)).toMatch(/cannot find that change/);
    expect((await storedPhoto(USERS.patti))!.equals(pattiAfter!)).toBe(true);
    const intruderAfter = await storedPhoto(intruder);
    expect(intruderAfter === null ? null : intruderAfter.equals(intruderBefore!)).toBe(
      intruderBefore === null ? null : true,
    );
  });

  it('runs two changes of one photo sent at once one after the other, so Undo of the later one keeps the earlier', async () => {
    const original = await seedPhoto(USERS.lynne, 15);
    // Slow Graph down, so that without one-at-a-time the second change would read the photo before the first
    // one's write landed, and both would back up the original.
    faults.latencyMs = 1000;
    const before = connector.sent.length;
    await Promise.all([sendImage(USERS.lynne, 'a.jpg'), sendImage(USERS.lynne, 'b.png')]);
    const replies = (await connector.waitFor(2 + messagesSince(before))).slice(-2);
    const changeIds = replies.map(
      (reply) => /"changeId":"([^"]+)"/.exec(JSON.stringify(reply.activity.attachments?.[0]?.content))?.[1],
    );
    expect(changeIds.every((id) => id !== undefined)).toBe(true);
    faults.latencyMs = 0;
    const final = await storedPhoto(USERS.lynne);

    // Exactly one card is the latest change: its Undo restores what that change replaced, which is the other
    // change's photo (neither the original nor the final one); the other card is then superseded.
    const answers = [];
    for (const id of changeIds) answers.push(await pressUndo(USERS.lynne, id!));
    const types = answers.map((answer) => (answer.body as { type?: string }).type);
    expect(types.sort()).toEqual([
      'application/vnd.microsoft.activity.message',
      'application/vnd.microsoft.card.adaptive',
    ]);
    const afterUndo = await storedPhoto(USERS.lynne);
    expect(afterUndo!.equals(final!)).toBe(false);
    expect(afterUndo!.equals(original)).toBe(false);
  });

  it('deletes expired waiting state from storage on its own (the sweep runs every PENDING_SWEEP_SECONDS)', async () => {
    // Written an hour "ago" with a minute to live: long expired now.
    const anHourAgo = createStorage({ ...storageConfig, now: () => Date.now() - 60 * 60_000 });
    const key = 'pending/bot/items/photo-gone';
    await anHourAgo.put(key, Buffer.from('prepared jpeg'), {
      contentType: 'image/jpeg',
      expiresAt: Date.now() - 59 * 60_000,
    });
    /** Whether the item is physically there (readers stop seeing it at once; the sweep removes it). */
    const present = async () => {
      if (storageConfig.kind === 'fs') {
        return (await readdir(path.join(storageConfig.root, 'pending', 'bot', 'items'))).includes(
          'photo-gone#',
        );
      }
      const service = BlobServiceClient.fromConnectionString(storageConfig.connectionString);
      return service.getContainerClient(storageConfig.container).getBlobClient(key).exists();
    };
    expect(await present()).toBe(true);
    const deadline = Date.now() + 10_000;
    while ((await present()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await present()).toBe(false);
  });
});
