/**
 * Graph-like throttling of photo writes (`maxConcurrentWrites`): writes in flight at once per app above the limit
 * get 429 `TooManyRequests` with `Retry-After`, counted across every user's photo and across the app's delegated and
 * application tokens; the injected latency counts as in flight. Also the emulator's count of accepted photo writes
 * per photo, which tests of bulk jobs rely on.
 */
import { loadConfig } from '../../src/config.js';
import { checkFaults, faultsFromConfig } from '../../src/emulator/faults.js';
import { photoPath } from '../../src/emulator/graph-emulator.js';
import { errorCode, jpeg, SEED, startHarness, type Answer, type Harness } from './harness.js';

/** Long enough that five requests sent together all arrive while the first four are still in flight. */
const LATENCY_MS = 1500;

const FIVE_USERS = [
  SEED.alex.id,
  SEED.megan.id,
  SEED.adele.id,
  '00000000-0000-0000-0000-0000000000023',
  SEED.patti.id,
];

describe('photo write throttling', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  const put = (h: Harness, target: string, body: Buffer, token = h.app()): Promise<Answer> =>
    h.call('PUT', `/v1.0/${target}/photo/$value`, { token, body });

  it('answers 429 with Retry-After to the fifth of five concurrent writes when four are allowed', async () => {
    const h = (harness = await startHarness({
      faults: { maxConcurrentWrites: 4, latencyMs: LATENCY_MS, retryAfterSeconds: 2 },
    }));
    const body = await jpeg(64, 64);
    const answers = await Promise.all(FIVE_USERS.map((id) => put(h, `users/${id}`, body)));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(4);
    expect(errorCode(refused[0]!)).toBe('TooManyRequests');
    expect(refused[0]!.headers.get('retry-after')).toBe('2');
    // Only accepted writes are counted, one per photo.
    const writes = h.emulator.photoWrites();
    expect([...writes.values()]).toEqual([1, 1, 1, 1]);
    // The slots are given back once the answers are written.
    expect((await put(h, `users/${SEED.alex.id}`, body)).status).toBe(200);
  });

  it('counts a delegated token of the same app against the same limit', async () => {
    const h = (harness = await startHarness({
      faults: { maxConcurrentWrites: 1, latencyMs: LATENCY_MS, retryAfterSeconds: 0 },
    }));
    const body = await jpeg(64, 64);
    const [asApp, asAlex] = await Promise.all([
      put(h, `users/${SEED.megan.id}`, body),
      put(h, 'me', body, h.user(SEED.alex.upn)),
    ]);
    expect([asApp.status, asAlex.status].sort()).toEqual([200, 429]);
    const refused = asApp.status === 429 ? asApp : asAlex;
    expect(refused.headers.get('retry-after')).toBe('0');
  });

  it('never refuses writes sent one after another, and counts DELETE and PATCH as writes', async () => {
    const h = (harness = await startHarness({ faults: { maxConcurrentWrites: 1, latencyMs: 20 } }));
    const body = await jpeg(64, 64);
    for (const id of FIVE_USERS) expect((await put(h, `users/${id}`, body)).status).toBe(200);
    expect((await put(h, `users/${SEED.alex.upn}`, body)).status).toBe(200);
    expect((await put(h, 'me', body, h.user(SEED.alex.upn))).status).toBe(200);
    const patched = await h.call('PATCH', `/v1.0/users/${SEED.megan.id}/photo/$value`, {
      token: h.app(),
      body,
    });
    expect(patched.status).toBe(200);
    const removed = await h.call('DELETE', `/v1.0/users/${SEED.patti.id}/photo`, { token: h.app() });
    expect(removed.status).toBe(204);
    expect((await h.call('GET', `/v1.0/users/${SEED.patti.id}/photo`, { token: h.app() })).status).toBe(404);

    const writes = h.emulator.photoWrites();
    // `me`, the UPN and the id are one photo.
    expect(writes.get(photoPath({ kind: 'user', userId: SEED.alex.id }))).toBe(3);
    expect(writes.get(photoPath({ kind: 'user', userId: SEED.megan.id }))).toBe(2);
    expect(writes.get(photoPath({ kind: 'user', userId: SEED.patti.id }))).toBe(2);
    expect(writes.get(photoPath({ kind: 'user', userId: SEED.adele.id }))).toBe(1);
  });

  it('does not limit reads, nor writes without the option', async () => {
    const h = (harness = await startHarness({ faults: { latencyMs: 300 } }));
    const body = await jpeg(64, 64);
    const answers = await Promise.all(FIVE_USERS.map((id) => put(h, `users/${id}`, body)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('is configured by EMULATOR_MAX_CONCURRENT_WRITES and checked on start', () => {
    const faults = faultsFromConfig(loadConfig({ EMULATOR_MAX_CONCURRENT_WRITES: '4' }).emulator.faults);
    expect(faults.maxConcurrentWrites).toBe(4);
    expect(faultsFromConfig(loadConfig({}).emulator.faults).maxConcurrentWrites).toBe(0);
    for (const wrong of [-1, 1.5]) {
      expect(() => {
        checkFaults({ maxConcurrentWrites: wrong });
      }).toThrow(/maxConcurrentWrites/);
    }
  });
});
