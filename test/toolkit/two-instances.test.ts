/**
 * Several instances behind App Service share one Blob container: two app instances, in one test process, each
 * with its own server, worker pool and in-process Graph emulator, over one Azurite container (and one data folder,
 * so both emulators serve the same photos, as one Microsoft Graph would). A change made through one instance is
 * undone through the other, byte for byte; and an Undo pressed on one instance refuses when the other instance
 * changed the photo since, because the backups and the latest-change marker live in Blob, not in a process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// What `npm start` runs: the compiled app (its worker threads load compiled code).
import { startApp, type RunningApp } from '../../dist/app.js';
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { loadConfig } from '../../dist/config.js';
import { silentLogger } from '../../dist/logger.js';
import { type Azurite, startAzuriteStorage } from '../helpers/azurite.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { fileServer } from '../helpers/file-server.js';
import { encodeJpeg, encodePng, photoLike } from '../helpers/images.js';

const TENANT = '00000000-0000-0000-0000-0000000000001';
const ADELE = { id: '00000000-0000-0000-0000-0000000000022', upn: 'adelev@example.com' };
const LYNNE = { id: '00000000-0000-0000-0000-0000000000025', upn: 'lynner@example.com' };
type User = typeof ADELE;

let azurite: Azurite;
let dataDir: string;
let instances: RunningApp[];
let issuer: LocalTokenIssuer;
let connector: Awaited<ReturnType<typeof fakeConnector>>;
let files: Awaited<ReturnType<typeof fileServer>>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-two-instances-'));
  files = await fileServer({
    'a.jpg': await encodeJpeg(photoLike(1200, 900, 1)),
    'b.png': await encodePng(photoLike(800, 800, 2)),
  });
  azurite = await startAzuriteStorage();
  const config = loadConfig({
    PORT: '0',
    GRAPH_EMULATOR_PORT: '0',
    DATA_DIR: dataDir,
    PHOTO_POOL_SIZE: '1',
    QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
    STORAGE_KIND: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    STORAGE_CONTAINER: 'two-instances',
  });
  // One after the other: the first creates the signing key and the container, the second finds them.
  instances = [await startApp(config, silentLogger), await startApp(config, silentLogger)];
  issuer = await LocalTokenIssuer.open(dataDir);
  connector = await fakeConnector();
});

afterAll(async () => {
  await Promise.all(instances.map((app) => app.close()));
  await connector.close();
  await azurite.stop();
  await files.close();
  await rm(dataDir, { recursive: true, force: true });
});

const tokenOf = (user: User) =>
  issuer.issueDelegated({ tenantId: TENANT, userId: user.id, userPrincipalName: user.upn });

/** The user's photo as Graph (instance 0's emulator; both read the same files) has it now. */
async function storedPhoto(user: User): Promise<Buffer> {
  const response = await fetch(`${instances[0]!.emulator!.url}/v1.0/me/photo/$value`, {
    headers: { authorization: `Bearer ${tokenOf(user)}` },
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function seedPhoto(user: User, seed: number): Promise<Buffer> {
  const bytes = await encodeJpeg(photoLike(400, 400, seed));
  const response = await fetch(`${instances[0]!.emulator!.url}/v1.0/me/photo/$value`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${tokenOf(user)}`, 'content-type': 'image/jpeg' },
    body: bytes,
  });
  expect(response.status).toBe(200);
  return bytes;
}

const send = (instance: number, user: User, extra: Record<string, unknown>) =>
  postActivity(instances[instance]!.server.url, teamsActivity(connector.url, user.id, extra));

/** Sends an image to one instance and returns the change id on the card that answers it. */
async function changeThrough(instance: number, user: User, name: string): Promise<string> {
  const messages = () => connector.sent.filter((s) => (s.activity.type ?? 'message') === 'message').length;
  const before = messages();
  await send(instance, user, {
    attachments: [{ contentType: 'image/*', contentUrl: `${files.url}/${name}` }],
  });
  const replies = await connector.waitFor(before + 1);
  const card = replies.at(-1)!.activity.attachments?.[0];
  expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const changeId = /"changeId":"([^"]+)"/.exec(JSON.stringify(card!.content))?.[1];
  expect(changeId).toBeDefined();
  return changeId!;
}

const undoThrough = (instance: number, user: User, changeId: string) =>
  send(instance, user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'undoPhotoChange', data: { changeId } } },
  });

describe('two app instances sharing one Blob container', () => {
  it('are two processes-worth of app: separate servers and emulators', () => {
    expect(instances[0]!.server.url).not.toBe(instances[1]!.server.url);
    expect(instances[0]!.emulator!.url).not.toBe(instances[1]!.emulator!.url);
  });

  it('undo on instance B restores, byte for byte, what a change made on instance A replaced', async () => {
    const original = await seedPhoto(ADELE, 21);
    const changeId = await changeThrough(0, ADELE, 'a.jpg');
    expect((await storedPhoto(ADELE)).equals(original)).toBe(false);

    const undo = await undoThrough(1, ADELE, changeId);
    expect(undo.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(undo.body)).not.toMatch(
      /You set a newer photo on .*undoing this older change would lose it/,
    );
    expect((await storedPhoto(ADELE)).equals(original)).toBe(true);
  });

  it("refuses on instance A the Undo of A's change after instance B changed the photo again", async () => {
    await seedPhoto(LYNNE, 22);
    const first = await changeThrough(0, LYNNE, 'a.jpg');
    await changeThrough(1, LYNNE, 'b.png');
    const afterSecond = await storedPhoto(LYNNE);

    const undo = await undoThrough(0, LYNNE, first);
    expect(JSON.stringify(undo.body)).toMatch(
      /You set a newer photo on .*undoing this older change would lose it/,
    );
    expect((await storedPhoto(LYNNE)).equals(afterSecond)).toBe(true);
  });
});
