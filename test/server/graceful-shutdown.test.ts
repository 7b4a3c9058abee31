/**
 * Closing the app lets a turn under way finish (its card still arrives) and takes no new turns.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { silentLogger } from '../../dist/logger.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

const ALEX = '00000000-0000-0000-0000-0000000000020';

it('finishes the turn under way on close and refuses new ones', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-close-'));
  const photo = await encodeJpeg(photoLike(2400, 1800));
  const files = createServer((_req, res) => {
    res.writeHead(200);
    res.end(photo);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/photo.jpg`;
  const connector = await fakeConnector();
  const app = await startApp(
    loadConfig({ PORT: '0', GRAPH_EMULATOR_PORT: '0', DATA_DIR: dataDir, PHOTO_POOL_SIZE: '1' }),
    silentLogger,
  );
  try {
    const turn = postActivity(
      app.server.url,
      teamsActivity(connector.url, ALEX, { attachments: [{ contentType: 'image/*', contentUrl: fileUrl }] }),
    );
    await connector.waitFor(1, 'typing'); // the turn is under way
    const closing = app.close();
    await expect(turn).resolves.toMatchObject({ status: 200 });
    await closing;
    const [card] = await connector.waitFor(1);
    expect(card!.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    await expect(
      postActivity(app.server.url, teamsActivity(connector.url, ALEX, { text: 'help' })),
    ).rejects.toThrow();
  } finally {
    await connector.close();
    await new Promise<void>((resolve) => {
      files.close(() => {
        resolve();
      });
    });
    await rm(dataDir, { recursive: true, force: true });
  }
});
