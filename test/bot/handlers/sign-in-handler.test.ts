/**
 * The sign-in handler's exchange claims, with botbuilder's TestAdapter as the token service and a real pending
 * store on files: a claim is given back whenever the work it guarded did not finish, so Teams' retry goes on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { SignInHandler } from '../../../src/bot/handlers/sign-in-handler.js';
import type { ResumeOutcome } from '../../../src/bot/handlers/photo-message-handler.js';
import { UserTokenService } from '../../../src/bot/user-token-service.js';
import { silentLogger } from '../../../src/logger.js';
import { FsStorage, PendingStore } from '../../../src/storage/index.js';

const CONNECTION = 'graph';
const USER = '29:ada';

describe('SignInHandler', () => {
  let folder: string;
  let adapter: TestAdapter;
  let fates: (ResumeOutcome | Error)[];
  let resumed: number;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'sign-in-'));
    const pending = new PendingStore({
      storage: new FsStorage({ root: folder, durable: false }),
      namespace: 'bot',
    });
    fates = [];
    resumed = 0;
    const handler = new SignInHandler({
      userTokens: new UserTokenService(CONNECTION),
      pending,
      resume: () => {
        resumed++;
        const fate = fates.shift() ?? 'done';
        return fate instanceof Error ? Promise.reject(fate) : Promise.resolve(fate);
      },
      logger: silentLogger,
    });
    adapter = new TestAdapter(
      async (context) => {
        const response = await handler.onTokenExchange(context);
        await context.sendActivity({ type: 'invokeResponse', value: response });
      },
      { channelId: 'msteams' },
    );
    adapter.addExchangeableToken(CONNECTION, 'msteams', USER, 'sso', 'token-for-our-api');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const exchange = (id: string): Partial<Activity> => ({
    type: 'invoke',
    name: 'signin/tokenExchange',
    channelId: 'msteams',
    from: { id: USER, name: 'Ada', aadObjectId: 'ada-object-id' },
    value: { id, connectionName: CONNECTION, token: 'sso' },
  });

  it('keeps the claim after a resume that finished, so copies of the exchange do nothing', async () => {
    await adapter.processActivity(exchange('x-1'));
    await adapter.processActivity(exchange('x-1'));
    expect(resumed).toBe(1);
  });

  it('gives the claim back when the resume failed or broke, so the retried exchange is processed', async () => {
    fates = ['failed', new Error('the turn broke')];
    await adapter.processActivity(exchange('x-2'));
    await expect(adapter.processActivity(exchange('x-2'))).rejects.toThrow('the turn broke');
    await adapter.processActivity(exchange('x-2'));
    expect(resumed).toBe(3);
    await adapter.processActivity(exchange('x-2'));
    expect(resumed).toBe(3);
  });
});
