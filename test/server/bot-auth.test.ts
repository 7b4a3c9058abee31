/**
 * With bot credentials configured, the server authenticates every request: one without a Bot Framework token
 * gets 401 and nothing else happens (no reply, no outbound call: the check fails before any is needed).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { silentLogger } from '../../dist/logger.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';

describe('the bot with credentials', () => {
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-auth-'));
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      BOT_ID: 'bot-app-id',
      BOT_PASSWORD: 'bot-app-secret',
      AAD_APP_CLIENT_ID: 'sso-app-id',
      AAD_APP_TENANT_ID: 'tenant-id',
      AAD_APP_CLIENT_SECRET: 'sso-secret',
    });
    app = await startApp(config, silentLogger);
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs no emulator and refuses a request without a token with 401', async () => {
    expect(app.emulator).toBeNull();
    const connector = await fakeConnector();
    try {
      const answer = await postActivity(
        app.server.url.replace('localhost', '127.0.0.1'),
        teamsActivity(connector.url, 'someone', { text: 'help' }),
      );
      expect(answer.status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(connector.sent).toHaveLength(0);
    } finally {
      await connector.close();
    }
  });
});
