import { AuthError } from '../../src/errors.js';
import { OboTokenProvider } from '../../src/auth/obo-token-provider.js';
import { FAKE_AUTHORITY, fakeEntra } from '../helpers/fake-entra.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function provider(entra: ReturnType<typeof fakeEntra>, now?: () => number): OboTokenProvider {
  return new OboTokenProvider({
    tenantId: TENANT,
    clientId: 'app-client-id',
    secret: { clientSecret: 'app-secret' },
    authorityHost: FAKE_AUTHORITY,
    credentialOptions: entra.credentialOptions,
    ...(now ? { now } : {}),
  });
}

describe('OboTokenProvider', () => {
  it('exchanges the SSO token on behalf of the user for the Graph scopes asked for, and caches the result', async () => {
    let issued = 0;
    const entra = fakeEntra(() => ({
      status: 200,
      body: { token_type: 'Bearer', access_token: `graph-token-${++issued}`, expires_in: 3600 },
    }));
    const tokens = provider(entra);
    await expect(tokens.getToken('user-1', 'sso-token-of-user-1', ['User.ReadWrite'])).resolves.toBe(
      'graph-token-1',
    );
    await expect(tokens.getToken('user-1', 'sso-token-of-user-1', ['User.ReadWrite'])).resolves.toBe(
      'graph-token-1',
    );
    expect(entra.requests).toHaveLength(1);
    const form = entra.requests[0]!.form;
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(form.get('requested_token_use')).toBe('on_behalf_of');
    expect(form.get('assertion')).toBe('sso-token-of-user-1');
    expect(form.get('client_id')).toBe('app-client-id');
    expect(form.get('scope')).toContain('https://graph.microsoft.com/User.ReadWrite');
    expect(entra.requests[0]!.url).toMatch(
      new RegExp(`^${FAKE_AUTHORITY}/${TENANT}/oauth2/v2.0/token(\\?|$)`),
    );

    // Another user, or other scopes, are other cache entries.
    await expect(tokens.getToken('user-2', 'sso-token-of-user-2', ['User.ReadWrite'])).resolves.toBe(
      'graph-token-2',
    );
    await expect(tokens.getToken('user-1', 'sso-token-of-user-1', ['Group.ReadWrite.All'])).resolves.toBe(
      'graph-token-3',
    );
  });

  it('renews a token shortly before it expires', async () => {
    let clock = Date.now();
    let issued = 0;
    const entra = fakeEntra(() => ({
      status: 200,
      body: { token_type: 'Bearer', access_token: `graph-token-${++issued}`, expires_in: 3600 },
    }));
    const tokens = provider(entra, () => clock);
    await tokens.getToken('user-1', 'sso', ['User.ReadWrite']);
    clock += 56 * 60 * 1000; // 4 minutes before expiry: inside the renewal margin
    await expect(tokens.getToken('user-1', 'sso', ['User.ReadWrite'])).resolves.toBe('graph-token-2');
  });

  it.each([
    [
      'ConsentRequired',
      { error: 'invalid_grant', error_description: 'AADSTS65001: consent missing', error_codes: [65001] },
    ],
    [
      'SignInRequired',
      {
        error: 'invalid_grant',
        error_description: 'AADSTS50013: assertion is invalid',
        error_codes: [50013],
      },
    ],
    [
      'SignInRequired',
      { error: 'interaction_required', error_description: 'AADSTS50076: MFA', error_codes: [50076] },
    ],
  ])('turns an Entra refusal into %s', async (code, body) => {
    const entra = fakeEntra(() => ({ status: 400, body }));
    const error = await provider(entra)
      .getToken('user-1', 'sso', ['User.ReadWrite'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe(code);
    expect((error as AuthError).message).not.toContain('sso');
  });
});
