/**
 * Quality checks on the page's API, end to end in local mode over real HTTP (compiled app, real pipeline, Graph
 * emulator): a dark, a blurred and a flat picture set as one's own photo, per mode. `block` refuses with 422
 * `PhotoQualityBlocked` whatever the request says; `warn` answers 409 `PhotoQualityWarning` unless the request says
 * `useAnyway=true`; `off` sets it. Each refusal lists its findings in the caller's language; Graph is unchanged.
 */
import { ownPhoto } from '../helpers/emulator-photos.js';
import { errorOf, PEOPLE, startLocalApi, type LocalApi } from '../api/api-helpers.js';
import { blurredPortrait, darkPortrait, flatPicture, portrait } from '../helpers/quality-images.js';

const BAD = [
  ['dark', darkPortrait, 'tooDark'],
  ['blurred', blurredPortrait, 'blurred'],
  ['flat', flatPicture, 'flat'],
] as const;

describe.each(['off', 'warn', 'block'] as const)('Quality checks on the page, QUALITY_CHECKS=%s', (mode) => {
  let api: LocalApi;
  let token: string;
  const photoNow = () => ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.megan));

  beforeAll(async () => {
    api = await startLocalApi({ QUALITY_CHECKS: mode });
    token = await api.pageToken(PEOPLE.megan);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('sets a good photo', async () => {
    const answer = await api.call('PUT', '/api/photo?target=me', { token, body: await portrait() });
    expect(answer.status).toBe(200);
  });

  it.each(BAD)('answers a %s picture as the mode says', async (_name, make, reason) => {
    const body = await make();
    const current = (await photoNow())!;
    const first = await api.call('PUT', '/api/photo?target=me&locale=de', { token, body });
    if (mode === 'off') {
      expect(first.status).toBe(200);
      expect((await photoNow())!.equals(current)).toBe(false);
      return;
    }
    const code = mode === 'block' ? 'PhotoQualityBlocked' : 'PhotoQualityWarning';
    expect(first.status).toBe(mode === 'block' ? 422 : 409);
    expect(errorOf(first).code).toBe(code);
    const findings = first.json['findings'] as { reason: string; text: string }[];
    expect(findings.map((finding) => finding.reason)).toContain(reason);
    // In the caller's language.
    expect(findings.find((finding) => finding.reason === 'tooDark')?.text ?? 'Es ist').toMatch(/^Es ist/);
    expect((await photoNow())!.equals(current)).toBe(true);

    const anyway = await api.call('PUT', '/api/photo?target=me&useAnyway=true', { token, body });
    if (mode === 'block') {
      expect(anyway.status).toBe(422);
      expect((await photoNow())!.equals(current)).toBe(true);
    } else {
      expect(anyway.status).toBe(200);
      expect((await photoNow())!.equals(current)).toBe(false);
    }
  });
});
