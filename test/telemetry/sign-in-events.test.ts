/**
 * The sign-in exchange's log lines in the JSON format: `sso exchange` with `ok` or `refused`, and neither the SSO
 * token Teams sent nor the token it was exchanged for. botbuilder's TestAdapter stands in for the token service.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { SignInHandler } from '../../src/bot/handlers/sign-in-handler.js';
import { UserTokenService } from '../../src/bot/user-token-service.js';
import { createLogger } from '../../src/logger.js';
import { FsStorage, PendingStore } from '../../src/storage/index.js';

const CONNECTION = 'graph';
const USER = '29:ada';
// Shaped like the JWTs Teams sends; made up.
const SSO_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl';
const EXCHANGED = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJncmFwaCJ9.ZXhjaGFuZ2Vk';

describe('sign-in exchange log lines', () => {
  let folder: string;
  let adapter: TestAdapter;
  const lines: string[] = [];

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'sign-in-events-'));
    lines.length = 0;
    const handler = new SignInHandler({
      userTokens: new UserTokenService(CONNECTION),
      pending: new PendingStore({
        storage: new FsStorage({ root: folder, durable: false }),
        namespace: 'bot',
      }),
      resume: () => Promise.resolve('none'),
      logger: createLogger('debug', (line) => lines.push(line), undefined, { format: 'json' }),
    });
    adapter = new TestAdapter(
      async (context) => {
        const response = await handler.onTokenExchange(context);
        await context.sendActivity({ type: 'invokeResponse', value: response });
      },
      { channelId: 'msteams' },
    );
    adapter.addExchangeableToken(CONNECTION, 'msteams', USER, SSO_TOKEN, EXCHANGED);
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const exchange = (token: string): Partial<Activity> => ({
    type: 'invoke',
    name: 'signin/tokenExchange',
    channelId: 'msteams',
    from: { id: USER, name: 'Ada', aadObjectId: 'ada-object-id' },
    value: { id: 'x-1', connectionName: CONNECTION, token },
  });
  const events = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  it('logs an exchange that worked as ok', async () => {
    await adapter.processActivity(exchange(SSO_TOKEN));
    expect(events()).toContainEqual(
      expect.objectContaining({ level: 'info', event: 'sso exchange', outcome: 'ok' }),
    );
  });

  it('logs an exchange the token service refused as refused', async () => {
    await adapter.processActivity(exchange('eyJhbGciOiJub25lIn0.eyJzdWIiOiJub2JvZHkifQ.bm9uZQ'));
    expect(events()).toContainEqual(
      expect.objectContaining({ level: 'info', event: 'sso exchange', outcome: 'refused' }),
    );
  });

  afterEach(() => {
    const all = lines.join('\n');
    expect(all).not.toContain('eyJ');
  });
});
