/**
 * The page's token rules as the configuration gives them (see src/config.ts): the audiences, the allowed tenants
 * and where the tenant's signing keys are published, with their defaults.
 */
import { ConfigError, loadConfig } from '../../src/config.js';

const ENTRA = {
  AAD_APP_CLIENT_ID: 'client-id',
  AAD_APP_TENANT_ID: 'Tenant-A',
  AAD_APP_CLIENT_SECRET: 'secret',
};

describe('the page API configuration', () => {
  it('has no Entra rules in local mode (the local issuer signs the page tokens)', () => {
    expect(loadConfig({}).tab).toBeNull();
  });

  it('defaults to the Entra app: its client id, its tenant, and the authority host key set', () => {
    expect(loadConfig(ENTRA).tab).toEqual({
      audiences: ['client-id'],
      allowedTenants: ['tenant-a'],
      jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      authorityHost: 'https://login.microsoftonline.com',
    });
    expect(
      loadConfig({ ...ENTRA, AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.us/' }).tab
        ?.jwksUrl,
    ).toBe('https://login.microsoftonline.us/common/discovery/v2.0/keys');
  });

  it("names the application ID URI api://<BOT_DOMAIN>/botid-<BOT_ID> when both are known, or TAB_APP_ID_URI's", () => {
    const bot = { BOT_ID: 'bot-id', BOT_PASSWORD: 'pw' };
    expect(loadConfig({ ...ENTRA, ...bot, BOT_DOMAIN: 'photo.example.net' }).tab?.audiences).toEqual([
      'api://photo.example.net/botid-bot-id',
      'client-id',
    ]);
    expect(loadConfig({ ...ENTRA, BOT_DOMAIN: 'photo.example.net' }).tab?.audiences).toEqual(['client-id']);
    expect(
      loadConfig({ ...ENTRA, ...bot, BOT_DOMAIN: 'x.example', TAB_APP_ID_URI: 'api://photo.example/app' }).tab
        ?.audiences,
    ).toEqual(['api://photo.example/app', 'client-id']);
  });

  it('takes a list of allowed tenants, and a key set URL that is https (http only on loopback)', () => {
    const tab = loadConfig({
      ...ENTRA,
      TAB_ALLOWED_TENANTS: ' Tenant-A, tenant-b ,,',
      TAB_JWKS_URL: 'http://127.0.0.1:9999/keys',
    }).tab;
    expect(tab?.allowedTenants).toEqual(['tenant-a', 'tenant-b']);
    expect(tab?.jwksUrl).toBe('http://127.0.0.1:9999/keys');
    expect(() => loadConfig({ ...ENTRA, TAB_JWKS_URL: 'http://keys.example.com/keys' })).toThrow(ConfigError);
  });
});
