/**
 * In local mode the bot knows a sender added to the emulator's directory.json while it runs: no restart.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { silentLogger } from '../../dist/logger.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

const GRACE = 'grace-1';

it('takes a photo from a sender added to directory.json after start', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-reload-'));
  const photo = await encodeJpeg(photoLike(800, 600));
  const files = createServer((_req, res) => {
    res.writeHead(200);
    res.end(photo);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/photo.jpg`;
  const app = await startApp(
    loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off',
    }),
    silentLogger,
  );
  let connector = await fakeConnector();
  try {
    const turn = () =>
      postActivity(
        app.server.url,
        teamsActivity(connector.url, GRACE, {
          attachments: [{ contentType: 'image/*', contentUrl: fileUrl }],
        }),
      );
    await turn();
    const [unknown] = await connector.waitFor(1);
    expect(unknown!.activity.text).toMatch(/directory\.json/);
    await connector.close();

    const file = path.join(dataDir, 'emulator', 'directory.json');
    const directory = JSON.parse(await readFile(file, 'utf8')) as { users: object[] };
    directory.users.push({ id: GRACE, userPrincipalName: 'grace@example.com', displayName: 'Grace Hopper' });
    await writeFile(file, JSON.stringify(directory, null, 2));

    connector = await fakeConnector();
    expect((await turn()).status).toBe(200);
    const [card] = await connector.waitFor(1);
    expect(card!.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  } finally {
    await connector.close();
    await app.close();
    await new Promise<void>((resolve) => {
      files.close(() => {
        resolve();
      });
    });
    await rm(dataDir, { recursive: true, force: true });
  }
});
