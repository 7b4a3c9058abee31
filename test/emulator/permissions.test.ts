import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalTokenIssuer } from '../../src/auth/local-token-issuer.js';
import { errorCode, jpeg, SEED, startHarness, type Answer, type Harness } from './harness.js';

const e = encodeURIComponent;

let h: Harness;
let body: Buffer;
beforeAll(async () => {
  h = await startHarness();
  body = await jpeg(160, 160);
});
afterAll(async () => {
  await h.stop();
});

const put = (path: string, token: string): Promise<Answer> =>
  h.call('PUT', `/v1.0${path}/photo/$value`, { token, body });

function expectError(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, code: errorCode(answer) }).toEqual({ status, code });
}

describe('tokens', () => {
  it('answers 401 InvalidAuthenticationToken with a Graph error body and request-id without a token', async () => {
    const answer = await h.call('GET', '/v1.0/me/photo', {
      headers: { 'client-request-id': 'my-correlation-id' },
    });
    expectError(answer, 401, 'InvalidAuthenticationToken');
    const requestId = answer.headers.get('request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get('client-request-id')).toBe('my-correlation-id');
    expect(answer.json).toEqual({
      error: {
        code: 'InvalidAuthenticationToken',
        message: expect.any(String) as unknown,
        innerError: {
          'request-id': requestId,
          'client-request-id': 'my-correlation-id',
          date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/) as unknown,
        },
      },
    });
  });

  it.each([
    ['a word that is no JWT', () => 'not-a-token'],
    ['a tampered signature', () => `${h.user(SEED.alex.upn).slice(0, -4)}AAAA`],
    [
      'a payload changed after signing',
      () => {
        const [header, , signature] = h.user(SEED.alex.upn).split('.');
        const payload = Buffer.from(JSON.stringify({ oid: SEED.patti.id })).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
    ],
  ])('answers 401 for %s', async (_name, token) => {
    expectError(await h.call('GET', '/v1.0/me', { token: token() }), 401, 'InvalidAuthenticationToken');
  });

  it('answers 401 for an expired token, one from another key, and one for another tenant', async () => {
    const alex = { tenantId: SEED.tenant, userId: SEED.alex.id, userPrincipalName: SEED.alex.upn };
    const twoHoursAgo = await LocalTokenIssuer.open(h.dataDir, { clock: () => Date.now() - 2 * 3600_000 });
    expectError(
      await h.call('GET', '/v1.0/me', { token: twoHoursAgo.issueDelegated(alex) }),
      401,
      'InvalidAuthenticationToken',
    );
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'other-key-'));
    try {
      const otherKey = await LocalTokenIssuer.open(elsewhere);
      expectError(
        await h.call('GET', '/v1.0/me', { token: otherKey.issueDelegated(alex) }),
        401,
        'InvalidAuthenticationToken',
      );
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
    const otherTenant = h.issuer.issueDelegated({ ...alex, tenantId: 'another-tenant' });
    expectError(await h.call('GET', '/v1.0/me', { token: otherTenant }), 401, 'InvalidAuthenticationToken');
  });

  it('answers 401 for a signed token whose user is not in the directory', async () => {
    const stranger = h.issuer.issueDelegated({
      tenantId: SEED.tenant,
      userId: 'stranger',
      userPrincipalName: 's@x',
    });
    expectError(await h.call('GET', '/v1.0/users', { token: stranger }), 401, 'InvalidAuthenticationToken');
  });

  it('answers /me with an app token with 400, as Graph does', async () => {
    expectError(await h.call('GET', '/v1.0/me/photo', { token: h.app() }), 400, 'BadRequest');
  });
});

describe('user photos', () => {
  it('lets a user change their own photo by /me or by their own id or UPN, with User.ReadWrite', async () => {
    const token = h.user(SEED.alex.upn, ['User.ReadWrite']);
    expect((await put('/me', token)).status).toBe(200);
    expect((await put(`/users/${SEED.alex.id}`, token)).status).toBe(200);
    expect(
      (await put(`/users/${e(SEED.alex.upn)}`, h.user(SEED.alex.upn, ['User.ReadWrite.All']))).status,
    ).toBe(200);
  });

  it("refuses one's own photo without User.ReadWrite or User.ReadWrite.All", async () => {
    expectError(
      await put('/me', h.user(SEED.alex.upn, ['User.Read', 'User.Read.All'])),
      403,
      'ErrorAccessDenied',
    );
  });

  it("refuses another user's photo with any delegated token, even an administrator's", async () => {
    expectError(await put(`/users/${SEED.megan.id}`, h.user(SEED.alex.upn)), 403, 'ErrorAccessDenied');
    expectError(
      await put(`/users/${e(SEED.megan.upn)}`, h.user(SEED.patti.upn, ['User.ReadWrite.All'])),
      403,
      'ErrorAccessDenied',
    );
  });

  it("changes another user's photo with an app token holding User.ReadWrite.All, and only then", async () => {
    expect((await put(`/users/${SEED.megan.id}`, h.app(['User.ReadWrite.All']))).status).toBe(200);
    expectError(await put(`/users/${SEED.megan.id}`, h.app(['User.Read.All'])), 403, 'ErrorAccessDenied');
    expectError(
      await h.call('DELETE', `/v1.0/users/${SEED.megan.id}/photo`, { token: h.app(['User.Read.All']) }),
      403,
      'ErrorAccessDenied',
    );
  });

  it('lets any valid token read a photo', async () => {
    await put(`/users/${SEED.megan.id}`, h.app());
    const read = await h.call('GET', `/v1.0/users/${SEED.megan.id}/photo/$value`, {
      token: h.user(SEED.alex.upn, ['User.Read']),
    });
    expect(read.status).toBe(200);
  });

  it('answers writes for a user without a mailbox with 404 MailboxNotEnabledForRESTAPI; reads still work', async () => {
    expectError(await put(`/users/${SEED.kiosk.id}`, h.app()), 404, 'MailboxNotEnabledForRESTAPI');
    expectError(await put('/me', h.user(SEED.kiosk.upn)), 404, 'MailboxNotEnabledForRESTAPI');
    expectError(
      await h.call('DELETE', '/v1.0/me/photo', { token: h.user(SEED.kiosk.upn) }),
      404,
      'MailboxNotEnabledForRESTAPI',
    );
    expectError(
      await h.call('GET', '/v1.0/me/photo', { token: h.user(SEED.kiosk.upn) }),
      404,
      'ImageNotFound',
    );
  });
});

describe('group photos', () => {
  const myTeam = `/groups/${SEED.myTeam}`;

  it('lets an owner with Group.ReadWrite.All change the group photo', async () => {
    expect((await put(myTeam, h.user(SEED.alex.upn, ['Group.ReadWrite.All']))).status).toBe(200);
  });

  it('refuses a member who is not an owner, and an owner without Group.ReadWrite.All', async () => {
    // Alex is a member of Marketing, not an owner.
    expectError(await put(`/groups/${SEED.marketing}`, h.user(SEED.alex.upn)), 403, 'ErrorAccessDenied');
    expectError(
      await put(myTeam, h.user(SEED.alex.upn, ['Group.Read.All', 'User.ReadWrite'])),
      403,
      'ErrorAccessDenied',
    );
  });

  it('refuses an app token with AppOnlyTokenNotSupportedForGroupUpdate, whatever its roles', async () => {
    const app = h.app(['User.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All']);
    expectError(await put(myTeam, app), 403, 'AppOnlyTokenNotSupportedForGroupUpdate');
    expectError(
      await h.call('DELETE', `/v1.0${myTeam}/photo`, { token: app }),
      403,
      'AppOnlyTokenNotSupportedForGroupUpdate',
    );
    // Reading it is fine.
    expect((await h.call('GET', `/v1.0${myTeam}/photo`, { token: app })).status).toBe(200);
  });
});

describe('contact photos', () => {
  const ravi = `/contacts/${e(SEED.ravi)}`;

  it("lets a user change their own contacts' photos with Contacts.ReadWrite, not without", async () => {
    expect((await put(`/me${ravi}`, h.user(SEED.alex.upn, ['Contacts.ReadWrite']))).status).toBe(200);
    expectError(
      await put(`/me${ravi}`, h.user(SEED.alex.upn, ['Contacts.Read', 'User.ReadWrite'])),
      403,
      'ErrorAccessDenied',
    );
  });

  it("refuses another user's contacts to a delegated token, before saying whether the contact exists", async () => {
    const megan = h.user(SEED.megan.upn);
    expectError(await put(`/users/${SEED.alex.id}${ravi}`, megan), 403, 'ErrorAccessDenied');
    expectError(await put(`/users/${SEED.alex.id}/contacts/nothing`, megan), 403, 'ErrorAccessDenied');
    expectError(
      await h.call('GET', `/v1.0/users/${SEED.alex.id}/contacts`, { token: megan }),
      403,
      'ErrorAccessDenied',
    );
  });

  it("lets an app token with Contacts.ReadWrite reach anyone's contacts", async () => {
    expect((await put(`/users/${SEED.alex.id}${ravi}`, h.app(['Contacts.ReadWrite']))).status).toBe(200);
    expectError(
      await put(`/users/${SEED.alex.id}${ravi}`, h.app(['User.ReadWrite.All'])),
      403,
      'ErrorAccessDenied',
    );
  });
});
