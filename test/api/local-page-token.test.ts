/**
 * The local issuer's tokens for the page (what `GET /api/local/token` hands out in local mode) and the validator
 * that takes them: shaped like a Teams SSO token, verified with the issuer's public key, accepted by the page's API
 * only, and never by the Graph emulator; and a Graph token never by the API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { localTabTokenValidator } from '../../src/api/tab-token-validator.js';
import { LOCAL_API_AUDIENCE, LocalTokenIssuer, localIssuer } from '../../src/auth/local-token-issuer.js';
import { loadDirectory } from '../../src/emulator/directory.js';

const TENANT = '00000000-0000-0000-0000-0000000000001';
const ALEX = {
  tenantId: TENANT,
  userId: '00000000-0000-0000-0000-0000000000020',
  userPrincipalName: 'alexw@example.com',
  displayName: 'Alex Wilber',
};

describe('local page tokens', () => {
  let dataDir: string;
  let issuer: LocalTokenIssuer;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'local-page-token-'));
    issuer = await LocalTokenIssuer.open(dataDir);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const validator = () => localTabTokenValidator(issuer, () => loadDirectory(dataDir));

  it('look like a Teams SSO token for the app, and the API takes them as their user', async () => {
    const token = issuer.issueForApi(ALEX);
    expect(decodeJwt(token)).toMatchObject({
      aud: LOCAL_API_AUDIENCE,
      iss: localIssuer(TENANT),
      tid: TENANT,
      oid: ALEX.userId,
      name: 'Alex Wilber',
      scp: 'access_as_user',
    });
    await expect(validator().validate(`Bearer ${token}`)).resolves.toEqual({
      id: ALEX.userId,
      tenantId: TENANT,
      displayName: 'Alex Wilber',
      token,
    });
  });

  it('are refused by the Graph emulator, and Graph tokens by the API', async () => {
    expect(issuer.verify(issuer.issueForApi(ALEX))).toEqual({ ok: false, reason: 'wrong-audience' });
    await expect(validator().validate(`Bearer ${issuer.issueDelegated(ALEX)}`)).rejects.toMatchObject({
      code: 'SignInRequired',
    });
  });

  it("are refused when signed by another data folder's key, or for a tenant that is not the directory's", async () => {
    const otherDir = await mkdtemp(path.join(tmpdir(), 'local-page-token-other-'));
    try {
      const other = await LocalTokenIssuer.open(otherDir);
      await expect(validator().validate(`Bearer ${other.issueForApi(ALEX)}`)).rejects.toMatchObject({
        code: 'SignInRequired',
      });
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
    const foreign = issuer.issueForApi({ ...ALEX, tenantId: '11111111-1111-1111-1111-111111111111' });
    await expect(validator().validate(`Bearer ${foreign}`)).rejects.toMatchObject({ code: 'SignInRequired' });
    await expect(validator().validate(`Basic ${issuer.issueForApi(ALEX)}`)).rejects.toMatchObject({
      code: 'SignInRequired',
    });
  });
});
