import { sign } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateSigningKey } from '../../src/auth/local-signing-key.js';
import {
  DEFAULT_APP_ROLES,
  DEFAULT_DELEGATED_SCOPES,
  GRAPH_AUDIENCE,
  LOCAL_CLIENT_ID,
  LocalTokenIssuer,
  localIssuer,
} from '../../src/auth/local-token-issuer.js';

const TENANT = '00000000-0000-0000-0000-0000000000001';
const ALEX = {
  tenantId: TENANT,
  userId: '00000000-0000-0000-0000-0000000000020',
  userPrincipalName: 'alexw@example.com',
};
const NOW = Date.UTC(2026, 0, 15, 9, 30, 0);

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-token-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const issuerAt = (now: number): Promise<LocalTokenIssuer> =>
  LocalTokenIssuer.open(dataDir, { clock: () => now });

function decode(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A token signed with the data folder's own key, with whatever header and claims a test wants. */
async function forge(header: object, claims: object): Promise<string> {
  const key = await loadOrCreateSigningKey(dataDir);
  const body = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${sign('sha256', Buffer.from(body), key.privateKey).toString('base64url')}`;
}

describe('LocalTokenIssuer', () => {
  it('issues an RS256 delegated token with Entra-shaped claims that verifies', async () => {
    const issuer = await issuerAt(NOW);
    const token = issuer.issueDelegated({ ...ALEX, displayName: 'Alex Wilber' });
    const [header, payload] = token.split('.');
    expect(decode(header)).toEqual({
      alg: 'RS256',
      typ: 'JWT',
      kid: expect.stringMatching(/^[\w-]{43}$/) as unknown,
    });
    const iat = NOW / 1000;
    const claims = {
      aud: GRAPH_AUDIENCE,
      iss: `https://login.local.teams-photo/${TENANT}/v2.0`,
      iat,
      nbf: iat,
      exp: iat + 3600,
      tid: TENANT,
      oid: ALEX.userId,
      sub: ALEX.userId,
      appid: LOCAL_CLIENT_ID,
      ver: '2.0',
      idtyp: 'user',
      upn: 'alexw@example.com',
      name: 'Alex Wilber',
      scp: 'User.ReadWrite Group.ReadWrite.All Contacts.ReadWrite User.Read.All Group.Read.All',
    };
    expect(decode(payload)).toEqual(claims);
    expect(issuer.verify(token)).toEqual({ ok: true, claims });
    expect(DEFAULT_DELEGATED_SCOPES.join(' ')).toBe(claims.scp);
  });

  it('issues an app token with roles and no scp', async () => {
    const issuer = await issuerAt(NOW);
    const result = issuer.verify(issuer.issueApp({ tenantId: TENANT }));
    expect(result).toMatchObject({
      ok: true,
      claims: { idtyp: 'app', roles: [...DEFAULT_APP_ROLES], tid: TENANT },
    });
    expect(result.ok && 'scp' in result.claims).toBe(false);
    const custom = issuer.verify(
      issuer.issueApp({ tenantId: TENANT, roles: ['Contacts.ReadWrite', 'Contacts.ReadWrite'] }),
    );
    expect(custom).toMatchObject({ claims: { roles: ['Contacts.ReadWrite'] } });
  });

  it('takes scopes one per item or several space-separated', async () => {
    const issuer = await issuerAt(NOW);
    const token = issuer.issueDelegated({
      ...ALEX,
      scopes: ['User.Read', 'Contacts.Read  Mail.Read', 'User.Read'],
    });
    expect(issuer.verify(token)).toMatchObject({ claims: { scp: 'User.Read Contacts.Read Mail.Read' } });
  });

  it('refuses a tampered payload or signature, and another key', async () => {
    const issuer = await issuerAt(NOW);
    const [header, payload, signature] = issuer.issueDelegated(ALEX).split('.') as [string, string, string];
    const elevated = Buffer.from(
      JSON.stringify({ ...decode(payload), scp: 'Directory.ReadWrite.All' }),
    ).toString('base64url');
    expect(issuer.verify(`${header}.${elevated}.${signature}`)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    expect(issuer.verify(`${header}.${payload}.${flipped}`)).toEqual({ ok: false, reason: 'bad-signature' });
    const otherDir = await mkdtemp(path.join(tmpdir(), 'local-token-other-'));
    try {
      const other = await LocalTokenIssuer.open(otherDir, { clock: () => NOW });
      expect(issuer.verify(other.issueDelegated(ALEX))).toEqual({ ok: false, reason: 'bad-signature' });
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('refuses an expired token, and one not yet valid', async () => {
    const token = (await issuerAt(NOW)).issueDelegated(ALEX);
    expect((await issuerAt(NOW + 3599_000)).verify(token).ok).toBe(true);
    expect((await issuerAt(NOW + 3600_000)).verify(token)).toEqual({ ok: false, reason: 'expired' });
    expect((await issuerAt(NOW - 60_000)).verify(token)).toEqual({ ok: false, reason: 'not-yet-valid' });
  });

  it('refuses alg none, HS256, a wrong audience or issuer, and malformed tokens', async () => {
    const issuer = await issuerAt(NOW);
    const claims = decode(issuer.issueDelegated(ALEX).split('.')[1]);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(issuer.verify(none)).toEqual({ ok: false, reason: 'unsupported-algorithm' });
    expect(issuer.verify(await forge({ alg: 'HS256' }, claims))).toEqual({
      ok: false,
      reason: 'unsupported-algorithm',
    });
    expect(issuer.verify(await forge({ alg: 'RS256' }, { ...claims, aud: 'api://someone-else' }))).toEqual({
      ok: false,
      reason: 'wrong-audience',
    });
    expect(
      issuer.verify(await forge({ alg: 'RS256' }, { ...claims, iss: localIssuer('another-tenant') })),
    ).toEqual({
      ok: false,
      reason: 'wrong-issuer',
    });
    expect(issuer.verify(await forge({ alg: 'RS256' }, { ...claims, exp: 'later' }))).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(
      issuer.verify(await forge({ alg: 'RS256' }, { ...claims, scp: undefined, roles: undefined })),
    ).toEqual({
      ok: false,
      reason: 'malformed',
    });
    for (const junk of ['', 'a.b', 'a.b.c.d', '!!.??.**', 'eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.AAAA']) {
      expect(issuer.verify(junk)).toEqual({
        ok: false,
        reason: expect.stringMatching(/malformed|unsupported-algorithm/) as unknown,
      });
    }
  });
});
