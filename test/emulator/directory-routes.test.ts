import { errorCode, SEED, startHarness, type Answer, type Harness } from './harness.js';

const e = encodeURIComponent;
const eventual = { consistencylevel: 'eventual' };

let h: Harness;
let alex: string;
beforeAll(async () => {
  h = await startHarness();
  alex = h.user(SEED.alex.upn);
});
afterAll(async () => {
  await h.stop();
});

type Item = Record<string, unknown>;
const values = (answer: Answer): Item[] => answer.json['value'] as Item[];
const names = (answer: Answer): unknown[] => values(answer).map((item) => item['displayName']);

describe('users', () => {
  it('GET /me and /users/{id | upn} answer the same Graph-shaped user', async () => {
    const me = await h.call('GET', '/v1.0/me', { token: alex });
    expect(me.status).toBe(200);
    expect(me.json).toEqual({
      '@odata.context': `${h.emulator.url}/v1.0/$metadata#users/$entity`,
      id: SEED.alex.id,
      businessPhones: [],
      displayName: 'Alex Wilber',
      givenName: 'Alex',
      jobTitle: 'Retail Manager',
      mail: 'alexw@example.com',
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
      surname: 'Wilber',
      userPrincipalName: SEED.alex.upn,
    });
    expect((await h.call('GET', `/beta/users/${e(SEED.alex.upn)}`, { token: alex })).json['id']).toBe(
      SEED.alex.id,
    );
    expect((await h.call('GET', `/v1.0/users/${SEED.megan.id}`, { token: alex })).json['displayName']).toBe(
      'Megan Bowen',
    );
  });

  it('filters with startswith, eq, or/and, and selects properties', async () => {
    const starts = await h.call(
      'GET',
      `/v1.0/users?$filter=${e("startswith(displayName,'a')")}&$orderby=displayName`,
      {
        token: alex,
      },
    );
    expect(names(starts)).toEqual(['Adele Vance', 'Alex Wilber']);
    const either = await h.call(
      'GET',
      `/v1.0/users?$filter=${e("userPrincipalName eq 'MEGANB@example.com' or (startswith(mail,'patti') and startswith(givenName,'P'))")}&$select=id,displayName`,
      { token: alex },
    );
    expect(values(either)).toEqual([
      { id: SEED.megan.id, displayName: 'Megan Bowen' },
      { id: SEED.patti.id, displayName: 'Patti Fernandez' },
    ]);
  });

  it('searches displayName words with ConsistencyLevel: eventual, and refuses $search without it', async () => {
    const search = `/v1.0/users?$search=${e('"displayName:van"')}&$count=true`;
    const found = await h.call('GET', search, { token: alex, headers: eventual });
    expect(found.status).toBe(200);
    expect(names(found)).toEqual(['Adele Vance']);
    expect(found.json['@odata.count']).toBe(1);
    const withOr = await h.call('GET', `/v1.0/users?$search=${e('"displayName:meg" OR "mail:lynner"')}`, {
      token: alex,
      headers: eventual,
    });
    expect(names(withOr)).toEqual(['Megan Bowen', 'Lynne Robbins']);
    const refused = await h.call('GET', search, { token: alex });
    expect([refused.status, errorCode(refused)]).toEqual([400, 'Request_BadRequest']);
  });

  it('pages with $top and @odata.nextLink', async () => {
    const first = await h.call('GET', '/v1.0/users?$top=4', { token: alex });
    expect(values(first)).toHaveLength(4);
    const next = first.json['@odata.nextLink'] as string;
    expect(next.startsWith(`${h.emulator.url}/v1.0/users?`)).toBe(true);
    const second = await h.call('GET', next.slice(h.emulator.url.length), { token: alex });
    expect(values(second)).toHaveLength(3);
    expect(second.json['@odata.nextLink']).toBeUndefined();
  });

  it('answers unsupported queries with 400 Request_UnsupportedQuery', async () => {
    for (const filter of ["endswith(mail,'.com')", "jobTitle ne 'x'", "officeLocation eq 'x'"]) {
      const answer = await h.call('GET', `/v1.0/users?$filter=${e(filter)}`, { token: alex });
      expect([filter, answer.status, errorCode(answer)]).toEqual([filter, 400, 'Request_UnsupportedQuery']);
    }
    const malformed = await h.call('GET', `/v1.0/users?$filter=${e("startswith(displayName,'a'")}`, {
      token: alex,
    });
    expect(malformed.status).toBe(400);
  });

  it('needs a users-read permission to list users; User.Read reads only oneself', async () => {
    const basic = h.user(SEED.alex.upn, ['User.Read']);
    expect((await h.call('GET', '/v1.0/me', { token: basic })).status).toBe(200);
    const list = await h.call('GET', '/v1.0/users', { token: basic });
    expect([list.status, errorCode(list)]).toEqual([403, 'Authorization_RequestDenied']);
    expect((await h.call('GET', `/v1.0/users/${SEED.megan.id}`, { token: basic })).status).toBe(403);
    expect((await h.call('GET', '/v1.0/users', { token: h.app(['User.Read.All']) })).status).toBe(200);
  });

  it('answers 404 Request_ResourceNotFound for an unknown user', async () => {
    const answer = await h.call('GET', '/v1.0/users/nobody@example.com', { token: alex });
    expect([answer.status, errorCode(answer)]).toEqual([404, 'Request_ResourceNotFound']);
  });
});

describe('groups, ownership and roles', () => {
  it('lists and filters groups, and reads one with its owners and members', async () => {
    expect(names(await h.call('GET', '/v1.0/groups', { token: alex }))).toEqual([
      'My Team',
      'Marketing',
      'Sales',
    ]);
    const unified = await h.call(
      'GET',
      `/v1.0/groups?$filter=${e("groupTypes/any(c:c eq 'Unified') and startswith(displayName,'ma')")}`,
      { token: alex },
    );
    expect(names(unified)).toEqual(['Marketing']);
    const group = await h.call('GET', `/v1.0/groups/${SEED.myTeam}`, { token: alex });
    expect(group.json).toMatchObject({ id: SEED.myTeam, displayName: 'My Team', groupTypes: ['Unified'] });
    const owners = await h.call('GET', `/v1.0/groups/${SEED.myTeam}/owners`, { token: alex });
    expect(values(owners)).toEqual([
      expect.objectContaining({ '@odata.type': '#microsoft.graph.user', id: SEED.alex.id }),
    ]);
    expect(values(await h.call('GET', `/v1.0/groups/${SEED.myTeam}/members`, { token: alex }))).toHaveLength(
      6,
    );
    const unknown = await h.call('GET', '/v1.0/groups/nope/owners', { token: alex });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'Request_ResourceNotFound']);
  });

  it("lists a user's owned groups as microsoft.graph.group", async () => {
    const owned = await h.call('GET', '/v1.0/me/ownedObjects', { token: alex });
    expect(values(owned)).toEqual([
      expect.objectContaining({
        '@odata.type': '#microsoft.graph.group',
        id: SEED.myTeam,
        displayName: 'My Team',
      }),
    ]);
    const cast = await h.call('GET', `/beta/users/${SEED.megan.id}/ownedObjects/microsoft.graph.group`, {
      token: h.app(),
    });
    expect(names(cast)).toEqual(['Marketing']);
  });

  it("lists a user's memberships with directory roles, so the app can tell an administrator", async () => {
    const adele = await h.call('GET', '/v1.0/me/memberOf', { token: h.user(SEED.adele.upn, ['User.Read']) });
    expect(values(adele)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ '@odata.type': '#microsoft.graph.group', displayName: 'My Team' }),
        expect.objectContaining({
          '@odata.type': '#microsoft.graph.directoryRole',
          displayName: 'User Administrator',
          roleTemplateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
        }),
      ]),
    );
    const roles = await h.call('GET', `/v1.0/users/${SEED.patti.id}/memberOf/microsoft.graph.directoryRole`, {
      token: h.app(),
    });
    expect(names(roles)).toEqual(['Global Administrator']);
    expect(
      names(await h.call('GET', '/v1.0/me/memberOf/microsoft.graph.directoryRole', { token: alex })),
    ).toEqual([]);
    // Someone else's memberships need more than User.Read.
    const denied = await h.call('GET', `/v1.0/users/${SEED.patti.id}/memberOf`, {
      token: h.user(SEED.alex.upn, ['User.Read']),
    });
    expect(denied.status).toBe(403);
  });
});

describe('contacts', () => {
  it("lists contacts, contact folders and a folder's contacts for /me and /users/{id}", async () => {
    expect(names(await h.call('GET', '/v1.0/me/contacts', { token: alex }))).toEqual([
      'Ravi Kumar',
      'Hannah Schmidt',
    ]);
    const folders = await h.call('GET', `/v1.0/users/${SEED.alex.id}/contactFolders`, { token: alex });
    expect(values(folders)).toEqual([{ id: SEED.suppliers, displayName: 'Suppliers', parentFolderId: null }]);
    const inFolder = await h.call('GET', `/beta/me/contactFolders/${e(SEED.suppliers)}/contacts`, {
      token: alex,
    });
    expect(values(inFolder)).toEqual([
      expect.objectContaining({
        id: SEED.tomas,
        displayName: 'Tomás García',
        parentFolderId: SEED.suppliers,
      }),
    ]);
    const one = await h.call('GET', `/v1.0/me/contacts/${e(SEED.ravi)}`, { token: alex });
    expect(one.json).toMatchObject({
      id: SEED.ravi,
      emailAddresses: [{ name: 'Ravi Kumar', address: 'ravi@fabrikam.example' }],
    });
    const byApp = await h.call('GET', `/v1.0/users/${e(SEED.alex.upn)}/contacts`, {
      token: h.app(['Contacts.Read']),
    });
    expect(values(byApp)).toHaveLength(2);
  });

  it('needs Contacts.Read, and a mailbox', async () => {
    const noScope = await h.call('GET', '/v1.0/me/contacts', { token: h.user(SEED.alex.upn, ['User.Read']) });
    expect([noScope.status, errorCode(noScope)]).toEqual([403, 'ErrorAccessDenied']);
    const kiosk = await h.call('GET', '/v1.0/me/contacts', { token: h.user(SEED.kiosk.upn) });
    expect([kiosk.status, errorCode(kiosk)]).toEqual([404, 'MailboxNotEnabledForRESTAPI']);
  });
});

describe('the rest of the surface', () => {
  it('answers unknown segments and versions with 400 and wrong methods with 405, each with a request-id', async () => {
    const unknown = await h.call('GET', '/v1.0/me/drive', { token: alex });
    expect([unknown.status, errorCode(unknown)]).toEqual([400, 'BadRequest']);
    const version = await h.call('GET', '/v2.0/me', { token: alex });
    expect([version.status, errorCode(version)]).toEqual([400, 'BadRequest']);
    const method = await h.call('POST', '/v1.0/me/photo', { token: alex });
    expect(method.status).toBe(405);
    for (const answer of [unknown, version, method]) expect(answer.headers.get('request-id')).toBeTruthy();
  });

  it('reads the organization', async () => {
    const org = await h.call('GET', '/v1.0/organization', { token: alex });
    expect(values(org)).toEqual([{ id: SEED.tenant, displayName: 'Contoso (local)' }]);
  });
});
