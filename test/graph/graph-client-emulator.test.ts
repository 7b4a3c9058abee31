/**
 * The Graph photo client against the local Graph emulator over loopback HTTP: every target kind, the permission
 * rules, and retries under the emulator's injected faults.
 */
import sharp from 'sharp';
import { GraphError } from '../../src/graph/graph-errors.js';
import { GraphPhotoClient, type GraphPhotoClientOptions } from '../../src/graph/graph-photo-client.js';
import type { PhotoTarget } from '../../src/graph/photo-target.js';
import { SEED, jpeg, startHarness, type Harness } from '../emulator/harness.js';

/** A fetch that counts the requests it sends. */
function countingFetch(): { fetch: typeof fetch; count: () => number } {
  let sent = 0;
  return {
    fetch: (input, init) => {
      sent++;
      return fetch(input, init);
    },
    count: () => sent,
  };
}

const noWait = {
  sleep: () => Promise.resolve(),
  random: () => 0.5,
} satisfies Partial<GraphPhotoClientOptions>;

describe('GraphPhotoClient against the Graph emulator', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.stop();
  });

  const client = (options: Partial<GraphPhotoClientOptions> = {}) =>
    new GraphPhotoClient({ baseUrl: harness.emulator.url, ...noWait, ...options });

  it.each<[string, PhotoTarget, 'alex' | 'app']>([
    ['me', { kind: 'me' }, 'alex'],
    ['own user by UPN', { kind: 'user', user: SEED.alex.upn }, 'alex'],
    ['another user, app-only', { kind: 'user', user: SEED.megan.id }, 'app'],
    ['a group the user owns', { kind: 'group', groupId: SEED.myTeam }, 'alex'],
    ['own contact', { kind: 'contact', owner: { kind: 'me' }, contactId: SEED.ravi }, 'alex'],
    [
      'own contact in a folder',
      { kind: 'contact', owner: { kind: 'me' }, contactId: SEED.tomas, folderId: SEED.suppliers },
      'alex',
    ],
  ])('puts, reads, describes and deletes the photo of %s', async (_name, target, who) => {
    harness = await startHarness();
    const token = () => Promise.resolve(who === 'app' ? harness.app() : harness.user(SEED.alex.upn));
    const graph = client();
    const photo = await jpeg(300, 300);
    const receipt = await graph.putPhoto(target, photo, token);
    expect(receipt.requestId).toEqual(expect.any(String));
    const stored = await graph.getPhoto(target, token);
    expect(Buffer.from(stored!).equals(photo)).toBe(true);
    await expect(graph.getPhotoMetadata(target, token)).resolves.toMatchObject({ width: 300, height: 300 });
    await expect(graph.deletePhoto(target, token)).resolves.toBe(true);
    await expect(graph.getPhoto(target, token)).resolves.toBeNull();
    await expect(graph.getPhotoMetadata(target, token)).resolves.toBeNull();
  });

  it('works on beta and with PATCH', async () => {
    harness = await startHarness();
    const token = () => Promise.resolve(harness.user(SEED.alex.upn));
    await client().putPhoto({ kind: 'me' }, await jpeg(200, 200), token, 'PATCH');
    const beta = client({ version: 'beta' });
    await beta.putPhoto({ kind: 'me' }, await jpeg(240, 240, 2), token);
    await expect(beta.getPhotoMetadata({ kind: 'me' }, token)).resolves.toMatchObject({ width: 240 });
  });

  it.each<[string, PhotoTarget, 'alex' | 'app' | 'megan', string, string]>([
    [
      'another user with a delegated token',
      { kind: 'user', user: SEED.megan.id },
      'alex',
      'GraphForbidden',
      'ErrorAccessDenied',
    ],
    [
      'a group by a non-owner',
      { kind: 'group', groupId: SEED.myTeam },
      'megan',
      'GraphForbidden',
      'ErrorAccessDenied',
    ],
    [
      'a group with an app-only token',
      { kind: 'group', groupId: SEED.myTeam },
      'app',
      'GraphForbidden',
      'AppOnlyTokenNotSupportedForGroupUpdate',
    ],
    [
      'a user with no mailbox',
      { kind: 'user', user: SEED.kiosk.id },
      'app',
      'GraphMailboxUnsupported',
      'MailboxNotEnabledForRESTAPI',
    ],
    ['an unknown user', { kind: 'user', user: 'nobody@example.com' }, 'app', 'GraphNotFound', ''],
  ])('refuses %s without retrying', async (_name, target, who, code, graphCode) => {
    harness = await startHarness();
    const token = () =>
      Promise.resolve(
        who === 'app' ? harness.app() : harness.user(who === 'alex' ? SEED.alex.upn : SEED.megan.upn),
      );
    const counter = countingFetch();
    const error = (await client({ fetch: counter.fetch })
      .putPhoto(target, await jpeg(200, 200), token)
      .catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.code).toBe(code);
    if (graphCode) expect(error.graphCode).toBe(graphCode);
    expect(error.requestId).toEqual(expect.any(String));
    expect(counter.count()).toBe(1);
  });

  it('reports an invalid token as GraphUnauthorized', async () => {
    harness = await startHarness();
    const error = await client()
      .putPhoto({ kind: 'me' }, await jpeg(200, 200), () => Promise.resolve('not-a-token'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GraphUnauthorized', status: 401 });
  });

  it('retries through injected 429s (honouring Retry-After) and 503s until the photo is set', async () => {
    let draws = 0;
    // Draws for the throttle rate, then the unavailable rate: 429 first, then 503, then through.
    const sequence = [0, 0.99, 0, 0.99, 0.99];
    harness = await startHarness({
      faults: { throttleRate: 0.5, unavailableRate: 0.5, retryAfterSeconds: 2, photoRoutesOnly: true },
      random: () => (draws < sequence.length ? sequence[draws++]! : 0.99),
    });
    const waits: number[] = [];
    const counter = countingFetch();
    const graph = client({ fetch: counter.fetch, sleep: (ms) => Promise.resolve(void waits.push(ms)) });
    const token = () => Promise.resolve(harness.user(SEED.alex.upn));
    const photo = await jpeg(200, 200);
    await graph.putPhoto({ kind: 'me' }, photo, token);
    expect(counter.count()).toBe(3);
    expect(waits[0]).toBe(2000); // the emulator's Retry-After
    const stored = await client().getPhoto({ kind: 'me' }, token);
    expect(Buffer.from(stored!).equals(photo)).toBe(true);
  });

  it('gives up after its attempts when the emulator always throttles', async () => {
    harness = await startHarness({ faults: { throttleRate: 1, retryAfterSeconds: 1 } });
    const counter = countingFetch();
    const error = await client({ fetch: counter.fetch })
      .putPhoto({ kind: 'me' }, await jpeg(200, 200), () => Promise.resolve(harness.user(SEED.alex.upn)))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GraphThrottled', status: 429 });
    expect(counter.count()).toBe(4);
  });

  it('sends a prepared 648x648 photo that the emulator decodes and measures', async () => {
    harness = await startHarness();
    const token = () => Promise.resolve(harness.user(SEED.alex.upn));
    const photo = await sharp({ create: { width: 648, height: 648, channels: 3, background: '#3a6' } })
      .jpeg()
      .toBuffer();
    await client().putPhoto({ kind: 'me' }, photo, token);
    await expect(client().getPhotoMetadata({ kind: 'me' }, token)).resolves.toEqual({
      width: 648,
      height: 648,
      contentType: 'image/jpeg',
    });
  });
});
