import { errorCode, jpeg, png, SEED, startHarness, type Harness } from './harness.js';

const e = encodeURIComponent;

let h: Harness;
// Made once: generating a detailed picture in JavaScript takes a while under ts-jest.
let first: Buffer;
let second: Buffer;
beforeAll(async () => {
  h = await startHarness();
  [first, second] = await Promise.all([jpeg(300, 200), jpeg(648, 648, 2)]);
});
afterAll(async () => {
  await h.stop();
});

/** Every kind of photo path, with a caller allowed to change it. */
const TARGETS: readonly (readonly [string, string, (h: Harness) => string])[] = [
  ['the signed-in user', '/me', (x) => x.user(SEED.alex.upn)],
  ['a user by own UPN', `/users/${e(SEED.alex.upn)}`, (x) => x.user(SEED.alex.upn)],
  ['another user by id, app token', `/users/${SEED.megan.id}`, (x) => x.app()],
  ['a group, by its owner', `/groups/${SEED.myTeam}`, (x) => x.user(SEED.alex.upn)],
  ["one's contact", `/me/contacts/${e(SEED.ravi)}`, (x) => x.user(SEED.alex.upn)],
  ["a user's contact", `/users/${SEED.alex.id}/contacts/${e(SEED.hannah)}`, (x) => x.user(SEED.alex.upn)],
  [
    "one's contact in a folder",
    `/me/contactFolders/${e(SEED.suppliers)}/contacts/${e(SEED.tomas)}`,
    (x) => x.user(SEED.alex.upn),
  ],
  [
    "a user's contact in a folder",
    `/users/${e(SEED.alex.upn)}/contactFolders/${e(SEED.suppliers)}/contacts/${e(SEED.tomas)}`,
    (x) => x.user(SEED.alex.upn),
  ],
];

describe.each(['v1.0', 'beta'])('photo routes under /%s', (version) => {
  it.each(TARGETS)('%s: PUT, GET, metadata, PATCH, DELETE', async (_name, target, token) => {
    const base = `/${version}${target}/photo`;
    const auth = { token: token(h) };
    await h.call('DELETE', base, auth);
    const none = await h.call('GET', `${base}/$value`, auth);
    expect(none.status).toBe(404);
    expect(errorCode(none)).toBe('ImageNotFound');
    expect(errorCode(await h.call('GET', base, auth))).toBe('ImageNotFound');

    const put = await h.call('PUT', `${base}/$value`, { ...auth, body: first });
    expect(put.status).toBe(200);
    const got = await h.call('GET', `${base}/$value`, auth);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.bytes.equals(first)).toBe(true);
    const meta = await h.call('GET', base, auth);
    expect(meta.status).toBe(200);
    expect(meta.json).toMatchObject({
      '@odata.mediaContentType': 'image/jpeg',
      id: '300X200',
      width: 300,
      height: 200,
    });
    expect(meta.json['@odata.context']).toMatch(
      new RegExp(`/${version.replace('.', '\\.')}/\\$metadata#.+/photo/\\$entity$`),
    );
    const firstEtag = meta.json['@odata.mediaEtag'];

    expect((await h.call('PATCH', `${base}/$value`, { ...auth, body: second })).status).toBe(200);
    const after = await h.call('GET', base, auth);
    expect(after.json).toMatchObject({ id: '648X648', width: 648, height: 648 });
    expect(after.json['@odata.mediaEtag']).not.toBe(firstEtag);

    const removed = await h.call('DELETE', base, auth);
    expect(removed.status).toBe(204);
    expect((await h.call('GET', `${base}/$value`, auth)).status).toBe(404);
    // DELETE on .../photo/$value is accepted too, and deleting nothing is not an error.
    await h.call('PUT', `${base}/$value`, { ...auth, body: first });
    expect((await h.call('DELETE', `${base}/$value`, auth)).status).toBe(204);
    expect((await h.call('DELETE', `${base}/$value`, auth)).status).toBe(204);
    expect((await h.call('GET', base, auth)).status).toBe(404);
  });
});

describe('one photo, several paths', () => {
  it('/me, /users/{id} and /users/{UPN in any case} name the same photo, in v1.0 and beta', async () => {
    const alex = { token: h.user(SEED.alex.upn) };
    const body = await jpeg(200, 200, 5);
    expect((await h.call('PUT', '/v1.0/me/photo/$value', { ...alex, body })).status).toBe(200);
    for (const path of [
      `/beta/users/${SEED.alex.id}/photo/$value`,
      `/v1.0/users/${e(SEED.alex.upn.toUpperCase())}/photo/$value`,
    ]) {
      const got = await h.call('GET', path, { token: h.user(SEED.megan.upn) });
      expect(got.status).toBe(200);
      expect(got.bytes.equals(body)).toBe(true);
    }
  });

  it('a contact in a folder is the same contact by /contacts/{id}; another folder does not have it', async () => {
    const alex = { token: h.user(SEED.alex.upn) };
    const body = await jpeg(120, 120, 6);
    const inFolder = `/v1.0/me/contactFolders/${e(SEED.suppliers)}/contacts/${e(SEED.tomas)}/photo`;
    expect((await h.call('PUT', `${inFolder}/$value`, { ...alex, body })).status).toBe(200);
    const direct = await h.call('GET', `/v1.0/me/contacts/${e(SEED.tomas)}/photo/$value`, alex);
    expect(direct.bytes.equals(body)).toBe(true);
    const wrongFolder = await h.call(
      'GET',
      `/v1.0/me/contactFolders/nope/contacts/${e(SEED.tomas)}/photo`,
      alex,
    );
    expect(wrongFolder.status).toBe(404);
    expect(errorCode(wrongFolder)).toBe('ErrorItemNotFound');
    // Ravi is in the default folder, not in Suppliers.
    const notThere = await h.call(
      'GET',
      `/v1.0/me/contactFolders/${e(SEED.suppliers)}/contacts/${e(SEED.ravi)}/photo`,
      alex,
    );
    expect(errorCode(notThere)).toBe('ErrorItemNotFound');
  });

  it('stores a PNG as it is and reports its type and size', async () => {
    const alex = { token: h.user(SEED.alex.upn) };
    expect((await h.call('PUT', '/v1.0/me/photo/$value', { ...alex, body: await png(64, 48) })).status).toBe(
      200,
    );
    expect((await h.call('GET', '/v1.0/me/photo', alex)).json).toMatchObject({
      '@odata.mediaContentType': 'image/png',
      width: 64,
      height: 48,
    });
    expect((await h.call('GET', '/v1.0/me/photo/$value', alex)).headers.get('content-type')).toBe(
      'image/png',
    );
  });

  it('answers unknown users, groups and contacts with 404 and Graph codes', async () => {
    const alex = { token: h.user(SEED.alex.upn) };
    const app = { token: h.app() };
    const body = await jpeg(100, 100);
    const cases: [string, string, { token: string }, string][] = [
      ['PUT', '/v1.0/users/nobody@example.com/photo/$value', app, 'Request_ResourceNotFound'],
      ['GET', '/v1.0/users/no-such-id/photo', alex, 'Request_ResourceNotFound'],
      ['PUT', '/v1.0/groups/no-such-group/photo/$value', alex, 'Request_ResourceNotFound'],
      ['PUT', '/v1.0/me/contacts/no-such-contact/photo/$value', alex, 'ErrorItemNotFound'],
      ['GET', '/beta/me/contactFolders/no-such-folder/contacts/x/photo', alex, 'ErrorItemNotFound'],
    ];
    for (const [method, path, auth, code] of cases) {
      const answer = await h.call(method, path, method === 'PUT' ? { ...auth, body } : auth);
      expect([path, answer.status, errorCode(answer)]).toEqual([path, 404, code]);
    }
  });
});
