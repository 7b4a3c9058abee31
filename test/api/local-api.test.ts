/**
 * The page's API in local mode, end to end over real HTTP: the page's token from `GET /api/local/token`, the real
 * photo pipeline on the worker pool, and the Graph emulator, whose photos are read back to see what changed.
 */
import { ownPhoto, photoAt, putPhotoAt } from '../helpers/emulator-photos.js';
import {
  BLUE,
  GREEN,
  RED,
  YELLOW,
  colourAt,
  decodeReference,
  encodeJpeg,
  exifSegment,
  near,
  photoLike,
  quadrants,
  storedFor,
  withSegments,
  type Rgb,
} from '../helpers/images.js';
import { PEOPLE, SEEDED, errorOf, startLocalApi, type LocalApi } from './api-helpers.js';

/** Every sample point of a decoded picture is near `colour`. */
function allNear(picture: Awaited<ReturnType<typeof decodeReference>>, colour: Rgb): boolean {
  const { width, height } = picture;
  const points = [0.1, 0.5, 0.9].flatMap((fx) =>
    [0.1, 0.5, 0.9].map((fy) => [Math.floor(width * fx), Math.floor(height * fy)] as const),
  );
  return points.every(([x, y]) => near(colourAt(picture, x, y, 2), colour));
}

describe('the page API in local mode', () => {
  let api: LocalApi;
  let alex: string;

  beforeAll(async () => {
    api = await startLocalApi();
    alex = await api.pageToken();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('gives the page a token for the Playground user, or the directory user asked for, and none for a stranger', async () => {
    const answer = await api.call('GET', '/api/local/token');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.json['user']).toEqual({ id: PEOPLE.alex.id, displayName: 'Alex Wilber' });
    const megan = await api.call('GET', `/api/local/token?user=${PEOPLE.megan.id}`);
    expect(megan.json['user']).toEqual({ id: PEOPLE.megan.id, displayName: 'Megan Bowen' });

    const stranger = await api.call('GET', '/api/local/token?user=00000000-0000-0000-0000-00000000dead');
    expect(stranger.status).toBe(403);
    expect(errorOf(stranger).code).toBe('UnknownLocalUser');
  });

  it('answers who the token is for', async () => {
    const answer = await api.call('GET', '/api/photo/me', { token: alex });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ id: PEOPLE.alex.id, displayName: 'Alex Wilber' });
  });

  it('refuses a Graph token (another audience) and a token from another issuer key, with 401', async () => {
    for (const token of [api.graphToken(PEOPLE.alex), `${alex.slice(0, -8)}AAAAAAAA`]) {
      const answer = await api.call('GET', '/api/photo/me', { token });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(errorOf(answer).code).toBe('SignInRequired');
    }
  });

  it('lists the groups the caller owns and their contacts in every folder', async () => {
    const answer = await api.call('GET', '/api/photo/targets', { token: alex });
    expect(answer.status).toBe(200);
    const { groups, contacts } = answer.json as {
      groups: { id: string; displayName: string }[];
      contacts: { id: string; folderId?: string; folderName?: string }[];
    };
    expect(groups.map((group) => group.id)).toEqual([SEEDED.myTeam]);
    expect(contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: SEEDED.ravi }),
        expect.objectContaining({ id: SEEDED.tomas, folderId: SEEDED.suppliers, folderName: 'Suppliers' }),
      ]),
    );
    expect(contacts.find((contact) => contact.id === SEEDED.ravi)).not.toHaveProperty('folderId');
  });

  it('suggests the square the pipeline would keep, in the upright picture (EXIF orientation applied)', async () => {
    const upright = quadrants(480, 360);
    const turned = withSegments(await encodeJpeg(await storedFor(upright, 6)), exifSegment(6));
    const answer = await api.call('POST', '/api/photo/suggest', { token: alex, body: turned });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ width: 480, height: 360 });
    const crop = answer.json['crop'] as { x: number; y: number; w: number; h: number; method: string };
    expect(crop.w).toBe(360);
    expect(crop.h).toBe(360);
    expect(crop.y).toBe(0);
    expect(crop.x).toBeGreaterThanOrEqual(0);
    expect(crop.x).toBeLessThanOrEqual(120);
    expect(['salient', 'center']).toContain(crop.method);
  });

  it('sets the own photo with the explicit crop box: each quadrant chosen comes out in its own colour', async () => {
    const source = await encodeJpeg(quadrants(400, 400));
    const boxes: [string, Rgb][] = [
      ['0,0,200,200', RED],
      ['200,0,200,200', GREEN],
      ['0,200,200,200', BLUE],
      ['200,200,200,200', YELLOW],
    ];
    for (const [box, colour] of boxes) {
      const answer = await api.call('PUT', `/api/photo?target=me&crop=${box}`, { token: alex, body: source });
      expect(answer.status).toBe(200);
      const [x, y, w, h] = box.split(',').map(Number);
      expect(answer.json['crop']).toEqual({ x, y, w, h, method: 'explicit' });
      const photo = await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.alex));
      const picture = await decodeReference(photo!);
      expect([picture.width, picture.height]).toEqual([200, 200]);
      expect(allNear(picture, colour)).toBe(true);
      const preview = answer.json['previewDataUri'] as string;
      expect(preview).toMatch(/^data:image\/jpeg;base64,/);
      expect(allNear(await decodeReference(Buffer.from(preview.split(',')[1]!, 'base64')), colour)).toBe(
        true,
      );
    }
  });

  it('serves the current photo as JPEG bytes, and 204 when there is none', async () => {
    const megan = await api.pageToken(PEOPLE.megan);
    expect((await api.call('GET', '/api/photo/current?target=me', { token: megan })).status).toBe(204);
    await api.call('PUT', '/api/photo?target=me', {
      token: alex,
      body: await encodeJpeg(photoLike(300, 300, 4)),
    });
    const current = await api.call('GET', '/api/photo/current?target=me', { token: alex });
    expect(current.status).toBe(200);
    expect(current.headers.get('content-type')).toBe('image/jpeg');
    expect(current.bytes.equals((await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.alex)))!)).toBe(true);
  });

  it('undoes a change: the photo before is back byte for byte, and with none before the photo is removed', async () => {
    const before = (await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.alex)))!;
    const changed = await api.call('PUT', '/api/photo?target=me', {
      token: alex,
      body: await encodeJpeg(photoLike(320, 240, 7)),
    });
    const json = { 'content-type': 'application/json' };
    const undo = (token: string, changeId: unknown) =>
      api.call('POST', '/api/photo/undo', { token, body: JSON.stringify({ changeId }), headers: json });
    // Someone else cannot undo it: to them it does not exist.
    const megan = await api.pageToken(PEOPLE.megan);
    expect(errorOf(await undo(megan, changed.json['changeId'])).code).toBe('UndoNotFound');
    const undone = await undo(alex, changed.json['changeId']);
    expect(undone.status).toBe(200);
    expect(undone.json).toEqual({ outcome: 'restored' });
    expect((await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.alex)))!.equals(before)).toBe(true);

    const first = await api.call('PUT', '/api/photo?target=me', {
      token: megan,
      body: await encodeJpeg(photoLike(300, 300, 8)),
    });
    expect((await undo(megan, first.json['changeId'])).json).toEqual({ outcome: 'removed' });
    expect(await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.megan))).toBeNull();
    const again = await undo(megan, first.json['changeId']);
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('UndoAlreadyUndone');
    expect(errorOf(await undo(megan, 42)).code).toBe('InvalidRequest');
  });

  it("sets an owned group's photo; a group the caller does not own is refused, audited, and keeps its photo", async () => {
    const body = await encodeJpeg(photoLike(300, 300, 2));
    const owned = await api.call('PUT', `/api/photo?target=group:${SEEDED.myTeam}`, { token: alex, body });
    expect(owned.status).toBe(200);
    expect(
      await photoAt(api.emulatorUrl, api.graphToken(PEOPLE.alex), `/groups/${SEEDED.myTeam}/photo`),
    ).not.toBeNull();

    const marketingPath = `/groups/${SEEDED.marketing}/photo`;
    await putPhotoAt(
      api.emulatorUrl,
      api.graphToken(PEOPLE.megan),
      marketingPath,
      await encodeJpeg(photoLike(200, 200, 3)),
    );
    const before = await photoAt(api.emulatorUrl, api.graphToken(PEOPLE.megan), marketingPath);
    const since = Date.now();
    const refused = await api.call('PUT', `/api/photo?target=group:${SEEDED.marketing}`, {
      token: alex,
      body,
    });
    expect(refused.status).toBe(403);
    expect(errorOf(refused)).toMatchObject({ code: 'NotGroupOwner' });
    expect(errorOf(refused).message).toMatch(/You are not an owner of Marketing/);
    expect(
      (await photoAt(api.emulatorUrl, api.graphToken(PEOPLE.megan), marketingPath))!.equals(before!),
    ).toBe(true);
    const audited = await api.auditSince(since);
    const refusals = audited.filter((record) => record.target.id === SEEDED.marketing);
    expect(refusals).toEqual([
      expect.objectContaining({
        actor: PEOPLE.alex.id,
        target: { kind: 'group', id: SEEDED.marketing },
        path: 'tab',
        result: 'NotGroupOwner',
      }),
    ]);
    // The log line of the refusal and the audit entry carry the reference the page was given.
    expect(refusals[0]!.correlationId).toBe(errorOf(refused).reference);
  });

  it("sets a contact's photo in its folder; a contact that is not the caller's is not found", async () => {
    const body = await encodeJpeg(photoLike(300, 300, 5));
    const target = encodeURIComponent(`contact:${SEEDED.suppliers}/${SEEDED.tomas}`);
    const answer = await api.call('PUT', `/api/photo?target=${target}`, { token: alex, body });
    expect(answer.status).toBe(200);
    const contactPath = `/me/contactFolders/${encodeURIComponent(SEEDED.suppliers)}/contacts/${encodeURIComponent(SEEDED.tomas)}/photo`;
    expect(await photoAt(api.emulatorUrl, api.graphToken(PEOPLE.alex), contactPath)).not.toBeNull();

    // Tomás is not in the default folder, and Megan has no such contact.
    const megan = await api.pageToken(PEOPLE.megan);
    for (const [token, name] of [
      [alex, `contact:${SEEDED.tomas}`],
      [megan, `contact:${SEEDED.suppliers}/${SEEDED.tomas}`],
    ] as const) {
      const refused = await api.call('PUT', `/api/photo?target=${encodeURIComponent(name)}`, { token, body });
      expect(refused.status).toBe(404);
      expect(errorOf(refused).code).toBe('ContactNotFound');
    }
  });

  it('refuses a malformed target or crop box, and a box outside the picture, changing nothing', async () => {
    const body = await encodeJpeg(quadrants(400, 300));
    const before = await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.alex));
    const cases: [string, number, string][] = [
      ['target=somebody', 400, 'InvalidRequest'],
      ['target=me&crop=1,2,3', 400, 'InvalidCropBox'],
      ['target=me&crop=0,0,200,100', 400, 'InvalidCropBox'],
      ['target=me&crop=250,0,200,200', 400, 'InvalidCropBox'],
    ];
    for (const [query, status, code] of cases) {
      const answer = await api.call('PUT', `/api/photo?${query}`, { token: alex, body });
      expect([query, answer.status, (errorOf(answer) as { code?: string } | undefined)?.code]).toEqual([
        query,
        status,
        code,
      ]);
    }
    expect((await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.alex)))!.equals(before!)).toBe(true);
  });

  it("answers in the caller's language: ?locale= first, else Accept-Language", async () => {
    const german = await api.call('PUT', '/api/photo?target=somebody&locale=de', { token: alex, body: 'x' });
    expect(errorOf(german).message).toBe(
      'Diese Anfrage konnte ich nicht verstehen. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
    );
    const notAnImage = await api.call('POST', '/api/photo/suggest?locale=de', {
      token: alex,
      body: 'not an image',
    });
    expect(notAnImage.status).toBe(415);
    expect(errorOf(notAnImage).message).toMatch(/^Diese Datei kann ich nicht als Bild verwenden\./);
    const byHeader = await api.call('GET', '/api/photo/me', {
      headers: { 'accept-language': 'fr-FR, es;q=0.9, de;q=0.8' },
    });
    expect(errorOf(byHeader).message).toMatch(/^Tienes que iniciar sesión/);
  });

  it('takes uploads of any content type: the JSON-only rule of local mode is for /api/messages', async () => {
    const body = await encodeJpeg(photoLike(200, 200, 6));
    const typed = await api.call('POST', '/api/photo/suggest', {
      token: alex,
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(typed.status).toBe(200);
  });
});
