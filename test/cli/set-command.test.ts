/**
 * `profile-photo set --user <upn|id> <image>`, the compiled CLI against the Graph emulator on loopback, in local
 * mode: the photo Graph holds afterwards is the pipeline's JPEG of the image, backed up and audited under the app's
 * identity; an unknown person, a stopped emulator and a bad command line are refused with their exit codes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_APP_OBJECT_ID } from '../../src/auth/local-token-issuer.js';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import { AuditLog } from '../../src/storage/audit-log.js';
import { FsStorage } from '../../src/storage/fs-storage.js';
import { SEED, startHarness, type Harness } from '../emulator/harness.js';
import { adminEnv } from '../helpers/admin-cli.js';
import { runCli } from '../helpers/cli.js';
import { photoAt } from '../helpers/emulator-photos.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

let harness: Harness;
let dataDir: string;
let image: string;
let imageBytes: Buffer;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'profile-photo-set-'));
  harness = await startHarness({ dataDir });
  imageBytes = await encodeJpeg(photoLike(900, 700, 7), 90);
  image = path.join(dataDir, 'portrait.jpg');
  await writeFile(image, imageBytes);
});
afterAll(async () => {
  await harness.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv =>
  adminEnv(dataDir, harness.emulator.port, extra);

describe('profile-photo set', () => {
  it("sets the person's photo to the prepared JPEG, backed up and audited as the app", async () => {
    expect(await photoAt(harness.emulator.url, harness.app(), `/users/${SEED.adele.id}/photo`)).toBeNull();
    const outcome = await runCli(['set', '--user', 'ADELEV@example.com', image], env());
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const line = /^adelev@example\.com: photo set \(change (\S+)\)\n$/.exec(outcome.stdout);
    expect(line).not.toBeNull();

    const stored = await photoAt(harness.emulator.url, harness.app(), `/users/${SEED.adele.id}/photo`);
    const expected = await preparePhoto(imageBytes);
    expect(stored).not.toBeNull();
    expect(Buffer.compare(stored as Buffer, Buffer.from(expected.jpeg))).toBe(0);
    expect(harness.emulator.photoWrites().get(`users/${SEED.adele.id}/photo`)).toBe(1);

    const entries = await new AuditLog({
      storage: new FsStorage({ root: path.join(dataDir, 'storage') }),
    }).list(0, Date.now() + 1);
    expect(entries).toEqual([
      expect.objectContaining({
        actor: LOCAL_APP_OBJECT_ID,
        path: 'admin',
        result: 'success',
        changeId: line?.[1],
      }),
    ]);
  });

  it('refuses a person the directory does not know with PersonNotFound, exit 1, and changes nothing', async () => {
    const writes = new Map(harness.emulator.photoWrites());
    const outcome = await runCli(['set', '--user', 'nobody@example.com', image], env());
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/^PersonNotFound: .+\n$/);
    expect(harness.emulator.photoWrites()).toEqual(writes);
  });

  it('says in one line that the emulator is not running, exit 1', async () => {
    const closed = await startHarness();
    const port = closed.emulator.port;
    await closed.stop();
    const outcome = await runCli(['set', '--user', SEED.adele.upn, image], adminEnv(dataDir, port));
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(
      /^EmulatorUnreachable: The local Graph emulator is not running\. Start it with profile-photo emulator[^\n]*\n$/,
    );
  });

  it('outside local mode, with no app credential configured, says so: AppIdentityMissing, exit 1', async () => {
    const outcome = await runCli(
      ['set', '--user', SEED.adele.upn, image],
      env({ BOT_ID: '11111111-1111-1111-1111-111111111111', BOT_PASSWORD: 'not-used' }),
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/^AppIdentityMissing: [^\n]+\n$/);
  });

  it('exits 2 on a usage error, with the usage', async () => {
    const noUser = await runCli(['set', image], env());
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toContain('set needs --user');
    expect(noUser.stderr).toContain('Usage: profile-photo set --user <upn|id> <image>');
    const noImage = await runCli(['set', '--user', SEED.adele.upn], env());
    expect(noImage.code).toBe(2);
    const help = await runCli(['help', 'set'], env());
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toContain('PersonNotFound');
  });

  it('refuses an image that is not one, with the pipeline code, and changes nothing', async () => {
    const notImage = path.join(dataDir, 'notes.jpg');
    await writeFile(notImage, 'not a picture at all');
    const writes = new Map(harness.emulator.photoWrites());
    const outcome = await runCli(['set', '--user', SEED.megan.upn, notImage], env());
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/^UnsupportedImage: /);
    expect(harness.emulator.photoWrites()).toEqual(writes);
    expect(await readFile(notImage, 'utf8')).toBe('not a picture at all');
  });
});
