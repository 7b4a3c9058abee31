/**
 * What the admin directory reads need of the emulator's `/users`: `mailNickname` and `employeeId` (only when
 * `$select`ed, as in Graph), `$filter` with `startswith` joined by `or` and `eq` (quotes doubled), `$top` and paging
 * by `@odata.nextLink` over more than a thousand users, and the read permission.
 */
import { SEED, type Harness } from './harness.js';
import { generatedId, QUOTED, startPeopleHarness } from './people-fixture.js';

const EXTRA_PEOPLE = 1200;

describe('the emulator’s users for admin reads', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startPeopleHarness(EXTRA_PEOPLE);
  });
  afterAll(async () => {
    await harness.stop();
  });

  const get = (pathAndQuery: string, token = harness.app()) =>
    harness.call('GET', `/v1.0${pathAndQuery}`, { token });
  const ids = (json: Record<string, unknown>) => (json['value'] as { id: string }[]).map((user) => user.id);

  it('returns mailNickname and employeeId when selected, and leaves them out of the default set', async () => {
    const selected = await get(`/users/${SEED.alex.id}?$select=id,mailNickname,employeeId`);
    expect(selected.status).toBe(200);
    expect(selected.json).toMatchObject({ id: SEED.alex.id, mailNickname: 'alexw', employeeId: 'E-0001' });
    expect(selected.json).not.toHaveProperty('displayName');

    const plain = await get(`/users/${SEED.alex.id}`);
    expect(plain.json).toMatchObject({ id: SEED.alex.id, userPrincipalName: SEED.alex.upn });
    expect(plain.json).not.toHaveProperty('mailNickname');
    expect(plain.json).not.toHaveProperty('employeeId');

    const listed = await get(`/users?$filter=${encodeURIComponent(`mail eq '${SEED.alex.upn}'`)}`);
    const [listedAlex] = listed.json['value'] as Record<string, unknown>[];
    expect(listedAlex).toMatchObject({ id: SEED.alex.id });
    expect(listedAlex).not.toHaveProperty('employeeId');
    expect(listedAlex).not.toHaveProperty('mailNickname');
  });

  it('filters by startswith on several properties joined by or', async () => {
    const filter =
      "startswith(displayName,'ade') or startswith(userPrincipalName,'pattif@') or startswith(mail,'isaiahl')";
    const answer = await get(`/users?$filter=${encodeURIComponent(filter)}&$select=id&$top=10`);
    expect(answer.status).toBe(200);
    expect(ids(answer.json).sort()).toEqual(
      [SEED.adele.id, SEED.patti.id, '00000000-0000-0000-0000-0000000000023'].sort(),
    );
  });

  it('filters by mail and employee id with eq, a doubled quote standing for one', async () => {
    const byMail = await get(
      `/users?$filter=${encodeURIComponent("mail eq 'O''Brien@example.com'")}&$select=id`,
    );
    expect(ids(byMail.json)).toEqual([QUOTED.id]);
    const byEmployee = await get(`/users?$filter=${encodeURIComponent("employeeId eq 'e-0071'")}&$select=id`);
    expect(ids(byEmployee.json)).toEqual([QUOTED.id]);
  });

  it('pages 1200 more users by $top and @odata.nextLink', async () => {
    const seen: string[] = [];
    let next: string | undefined =
      `${harness.emulator.url}/v1.0/users?$select=id,mailNickname,employeeId&$top=999`;
    let pages = 0;
    while (next !== undefined) {
      const answer = await harness.call('GET', next.slice(harness.emulator.url.length), {
        token: harness.app(),
      });
      expect(answer.status).toBe(200);
      const value = answer.json['value'] as { id: string; employeeId: string | null }[];
      expect(value.length).toBeLessThanOrEqual(999);
      seen.push(...value.map((user) => user.id));
      next = answer.json['@odata.nextLink'] as string | undefined;
      pages++;
    }
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(harness.emulator.directory.users.length);
    expect(seen).toContain(generatedId(EXTRA_PEOPLE - 1));
  });

  it('needs a users-read permission to list users', async () => {
    const denied = await get('/users?$top=5', harness.app(['Group.Read.All']));
    expect(denied.status).toBe(403);
    const asUser = await get('/users?$top=5', harness.user(SEED.alex.upn, ['User.Read']));
    expect(asUser.status).toBe(403);
    const allowed = await get('/users?$top=5', harness.app(['User.Read.All']));
    expect(allowed.status).toBe(200);
  });
});
