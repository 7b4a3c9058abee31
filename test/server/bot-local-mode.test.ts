/**
 * The bot end to end in local mode: the real server (restify + CloudAdapter), the real pipeline on worker
 * threads, the in-process Graph emulator, a fake Bot Connector recording replies, and a local file server for the
 * attachments, all on loopback.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
// What `npm start` runs: the compiled app (its worker threads load compiled code).
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { runCli } from '../helpers/cli.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, encodePng, photoLike } from '../helpers/images.js';
import { fileServer } from '../helpers/file-server.js';

const ALEX = '00000000-0000-0000-0000-0000000000020';
const TENANT = '00000000-0000-0000-0000-0000000000001';

describe('the bot in local mode', () => {
  let dataDir: string;
  let app: RunningApp;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let files: Awaited<ReturnType<typeof fileServer>>;
  let photoA: Buffer;
  let photoB: Buffer;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-bot-'));
    photoA = await encodeJpeg(photoLike(1600, 1200, 1));
    photoB = await encodePng(photoLike(900, 700, 2));
    files = await fileServer({
      'a.jpg': photoA,
      'b.png': photoB,
      'notes.txt': Buffer.from('not an image'),
      'broken.jpg': photoA.subarray(0, 5000),
      'huge.jpg': Buffer.concat([photoA.subarray(0, 4), Buffer.alloc(26 * 1024 * 1024)]),
    });
    const config = loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
    });
    app = await startApp(config, process.env.TEST_LOG ? createLogger('debug') : silentLogger);
  });
  afterAll(async () => {
    await app.close();
    await files.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    connector = await fakeConnector();
  });
  afterEach(async () => {
    await connector.close();
  });

  const send = (extra: Record<string, unknown>, from = ALEX) =>
    postActivity(app.server.url, teamsActivity(connector.url, from, extra));
  const inline = (name: string) => ({ contentType: 'image/*', contentUrl: `${files.url}/${name}` });
  const fileInfo = (name: string, fileType: string) => ({
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    content: { downloadUrl: `${files.url}/${name}?sig=preauthorized`, fileType, uniqueId: name },
  });

  async function storedPhoto(): Promise<Buffer | null> {
    const issuer = await LocalTokenIssuer.open(dataDir);
    const token = issuer.issueDelegated({
      tenantId: TENANT,
      userId: ALEX,
      userPrincipalName: 'alexw@example.com',
    });
    const response = await fetch(`${app.emulator!.url}/v1.0/me/photo/$value`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return response.status === 200 ? Buffer.from(await response.arrayBuffer()) : null;
  }

  it('answers /healthz, and the in-process emulator serves its page beside restify', async () => {
    const response = await fetch(`${app.server.url}/healthz`);
    expect(response.status).toBe(200);
    const page = await fetch(`${app.emulator!.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Alex Wilber');
    const missing = await fetch(`${app.emulator!.url}/_view/photo/users/nobody`);
    expect(missing.status).toBe(404);
  });

  it('sets an inline image as the photo and answers with a card whose Undo restores the previous photo byte for byte', async () => {
    const before = await storedPhoto();
    const answer = await send({
      attachments: [{ contentType: 'text/html', content: '<img src="x">' }, inline('a.jpg')],
    });
    expect(answer.status).toBe(200);
    await connector.waitFor(1, 'typing');
    const [reply] = await connector.waitFor(1);
    const card = reply!.activity.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.content.version).toBe('1.5');
    expect(JSON.stringify(reply!.activity).length).toBeLessThan(100_000);
    const after = await storedPhoto();
    expect(await sharp(after!).metadata()).toMatchObject({ format: 'jpeg', width: 648, height: 648 });

    const action = JSON.stringify(card!.content).match(/"changeId":"([^"]+)"/);
    expect(action).not.toBeNull();
    const undo = await send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'undoPhotoChange', data: { changeId: action![1] } } },
    });
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const restored = await storedPhoto();
    if (before) expect(restored!.equals(before)).toBe(true);
    else expect(restored).toBeNull();
  });

  it('downloads a file sent as a file without any Authorization header, and says when several images came', async () => {
    const answer = await send({ attachments: [fileInfo('b.png', 'png'), inline('a.jpg')] });
    expect(answer.status).toBe(200);
    const replies = await connector.waitFor(2);
    expect(replies[0]!.activity.text).toMatch(/2\u00a0images/);
    const fileRequest = files.requests.filter((r) => r.path.startsWith('/b.png')).at(-1);
    expect(fileRequest?.headers.authorization).toBeUndefined();
  });

  it.each([
    [
      'a non-image file',
      () => ({ attachments: [fileInfo('notes.txt', 'txt')] }),
      /notes\.txt is not a photo/,
    ],
    ['a corrupt image', () => ({ attachments: [inline('broken.jpg')] }), /damaged or incomplete/],
    ['a huge image', () => ({ attachments: [fileInfo('huge.jpg', 'jpg')] }), /too large/],
  ])('answers %s with a clear sentence and a reference, changing nothing', async (_name, extra, sentence) => {
    const before = await storedPhoto();
    await send(extra());
    const [reply] = await connector.waitFor(1);
    expect(reply!.activity.text).toMatch(sentence);
    expect(reply!.activity.text).toMatch(/Reference: [0-9a-f]{8}/);
    expect(reply!.activity.text).not.toMatch(/Error|at \w+ \(/);
    const after = await storedPhoto();
    expect(after === null ? null : after.equals(before!)).toBe(before === null ? null : true);
  });

  it('tells a sender it does not know that it cannot help them here', async () => {
    await send({ attachments: [inline('a.jpg')] }, 'someone-not-in-the-directory');
    const [reply] = await connector.waitFor(1);
    expect(reply!.activity.text).not.toMatch(/someone-not-in-the-directory/);
    expect(reply!.activity.text).toMatch(/DATA_DIR\/emulator\/directory\.json/);
  });

  it('answers help and a greeting with the help card, and undo without changes with a sentence', async () => {
    await send({ text: 'help' });
    const [reply] = await connector.waitFor(1);
    expect(reply!.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    await send({ text: 'undo' }, 'fresh-user');
    const replies = await connector.waitFor(2);
    expect(replies[1]!.activity.text).toEqual(expect.any(String));
  });

  it('is reachable with `profile-photo send-image`, which prints the answer', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'send-image-'));
    try {
      const file = path.join(folder, 'me.jpg');
      await writeFile(file, photoA);
      const outcome = await runCli(['send-image', file, '--bot', `${app.server.url}/api/messages`]);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toMatch(/Teams Photo: card: Your new profile photo is set/);
      const refused = await runCli(['send-image', file, '--bot', 'http://127.0.0.1:9/api/messages']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^BotUnreachable: /);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('welcomes on install', async () => {
    await send({
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:teams-photo-bot' }],
    });
    const [reply] = await connector.waitFor(1);
    expect(reply!.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});
