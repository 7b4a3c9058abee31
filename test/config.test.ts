import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, configTableMarkdown, describeConfig, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.dataDir).toBe(path.resolve('.data'));
    expect(config.logLevel).toBe('info');
    expect(config.photo).toMatchObject({
      maxInputBytes: 25 * 1024 * 1024,
      queueLimit: 64,
      jobTimeoutMs: 30_000,
    });
    expect(config.photo.poolSize).toBeGreaterThanOrEqual(1);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.photo)).toBe(true);
  });

  it('reads the environment', () => {
    const config = loadConfig({
      DATA_DIR: '/var/lib/teams-photo',
      PHOTO_MAX_INPUT_BYTES: '1048576',
      PHOTO_POOL_SIZE: '3',
      PHOTO_QUEUE_LIMIT: '0',
      PHOTO_JOB_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      dataDir: '/var/lib/teams-photo',
      logLevel: 'debug',
      photo: { maxInputBytes: 1048576, poolSize: 3, queueLimit: 0, jobTimeoutMs: 5000 },
    });
    expect(describeConfig(config)).toContain('photo.pool=3');
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PHOTO_POOL_SIZE: '0', PHOTO_MAX_INPUT_BYTES: 'lots', LOG_LEVEL: 'chatty' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PHOTO_POOL_SIZE="0"/);
    expect(problems.join('\n')).toMatch(/PHOTO_MAX_INPUT_BYTES="lots": must be a whole number/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL="chatty"/);
  });

  it('runs with local tokens and file storage when no Entra app or Azure Storage is configured', () => {
    const config = loadConfig({});
    expect(config.entra).toBeNull();
    expect(config.appCredential).toBeNull();
    expect(config.storage).toEqual({ kind: 'fs', root: path.resolve('.data', 'storage') });
    expect(config.graph).toEqual({ baseUrl: 'https://graph.microsoft.com', version: 'v1.0' });
    expect(config.emulator.port).toBe(3979);
  });

  it('reads the Entra app and uses it for app-only tokens, never logging the secret', () => {
    const config = loadConfig({
      AAD_APP_CLIENT_ID: 'client-id',
      AAD_APP_TENANT_ID: 'tenant-id',
      AAD_APP_CLIENT_SECRET: 'very-secret-value',
      GRAPH_BASE_URL: 'https://graph.microsoft.us/',
    });
    expect(config.entra).toEqual({
      clientId: 'client-id',
      tenantId: 'tenant-id',
      authorityHost: 'https://login.microsoftonline.com',
      credential: { clientSecret: 'very-secret-value' },
    });
    expect(config.appCredential).toEqual({
      kind: 'secret',
      tenantId: 'tenant-id',
      clientId: 'client-id',
      clientSecret: 'very-secret-value',
    });
    expect(config.graph.baseUrl).toBe('https://graph.microsoft.us');
    expect(describeConfig(config)).not.toContain('very-secret-value');
  });

  it('refuses a half-configured Entra app instead of falling back to local mode', () => {
    expect(() => loadConfig({ AAD_APP_CLIENT_ID: 'client-id' })).toThrow(
      /half configured: missing AAD_APP_TENANT_ID, AAD_APP_CLIENT_SECRET or AAD_APP_CERTIFICATE_PATH/,
    );
    expect(() => loadConfig({ AAD_APP_CLIENT_SECRET: 'x' })).toThrow(ConfigError);
  });

  it('keeps secrets out of its complaints', () => {
    const error = (() => {
      try {
        loadConfig({
          AAD_APP_CLIENT_SECRET: '   ',
          STORAGE_KIND: 'blob',
          GRAPH_BASE_URL: 'http://graph.example.com',
        });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.problems.join('\n')).toMatch(/STORAGE_KIND=blob needs AZURE_STORAGE_CONNECTION_STRING/);
    expect(error.problems.join('\n')).toMatch(/GRAPH_BASE_URL="http:\/\/graph.example.com": must be https/);
    expect(() => loadConfig({ AZURE_STORAGE_CONNECTION_STRING: 'AccountKey=' })).not.toThrow();
    expect(() => loadConfig({ GRAPH_BASE_URL: 'not a url' })).toThrow(
      /GRAPH_BASE_URL="not a url": must be a URL/,
    );
  });

  it('chooses a managed identity for app-only tokens when asked', () => {
    expect(
      loadConfig({ GRAPH_APP_CREDENTIAL: 'managed-identity', MANAGED_IDENTITY_CLIENT_ID: 'mi' })
        .appCredential,
    ).toEqual({
      kind: 'managed-identity',
      clientId: 'mi',
    });
    expect(() => loadConfig({ MANAGED_IDENTITY_CLIENT_ID: 'mi' })).toThrow(
      /needs GRAPH_APP_CREDENTIAL=managed-identity/,
    );
  });

  it('reads blob storage settings', () => {
    const config = loadConfig({
      STORAGE_KIND: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    });
    expect(config.storage).toEqual({
      kind: 'blob',
      connectionString: 'UseDevelopmentStorage=true',
      container: 'teams-photo',
    });
    expect(() => loadConfig({ STORAGE_CONTAINER: 'Bad_Name' })).toThrow(/STORAGE_CONTAINER/);
  });

  it('is in local mode exactly when no bot credentials are set, and refuses half of them', () => {
    expect(loadConfig({}).bot).toMatchObject({ port: 3978, app: null, oauthConnectionName: 'graph' });
    expect(loadConfig({ BOT_ID: 'id', BOT_PASSWORD: 'pw' }).bot.app).toEqual({
      appId: 'id',
      appPassword: 'pw',
      appType: 'MultiTenant',
      tenantId: undefined,
    });
    expect(
      loadConfig({
        MicrosoftAppId: 'id',
        MicrosoftAppPassword: 'pw',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: 't',
      }).bot.app,
    ).toEqual({
      appId: 'id',
      appPassword: 'pw',
      appType: 'SingleTenant',
      tenantId: 't',
    });
    expect(() => loadConfig({ BOT_ID: 'id' })).toThrow(/bot is half configured: missing BOT_PASSWORD/);
    expect(() => loadConfig({ MicrosoftAppPassword: 'pw' })).toThrow(/missing BOT_ID/);
    expect(() => loadConfig({ BOT_ID: 'id', BOT_PASSWORD: 'pw', BOT_TYPE: 'SingleTenant' })).toThrow(
      /missing BOT_TENANT_ID/,
    );
    expect(
      loadConfig({ BOT_ID: 'id', BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 't' }).bot.app?.appPassword,
    ).toBeUndefined();
    expect(describeConfig(loadConfig({ BOT_ID: 'id', BOT_PASSWORD: 'secret-pw' }))).not.toContain(
      'secret-pw',
    );
  });

  it('is documented in the README exactly as declared', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTableMarkdown());
  });
});

describe('BOT_TOKEN_HOSTS', () => {
  it('defaults to the exact per-cloud Bot Framework hosts and Microsoft-owned suffixes, no public suffix', () => {
    const { tokenHosts } = loadConfig({}).bot;
    expect(tokenHosts).toEqual(expect.arrayContaining(['smba.trafficmanager.net', '.botframework.com']));
    expect(tokenHosts).not.toContain('.trafficmanager.net');
  });

  it('refuses at start-up every entry that is, or sits directly under, a public suffix, naming each', () => {
    let error: unknown;
    try {
      loadConfig({
        BOT_TOKEN_HOSTS:
          'smba.trafficmanager.net, .trafficmanager.net,.botframework.com,.x.azurewebsites.net,.net',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^BOT_TOKEN_HOSTS: "\.trafficmanager\.net" is a public suffix/),
      expect.stringMatching(
        /^BOT_TOKEN_HOSTS: "\.x\.azurewebsites\.net" sits directly under the public suffix azurewebsites\.net/,
      ),
      expect.stringMatching(/^BOT_TOKEN_HOSTS: "\.net" is a public suffix/),
    ]);
  });

  it('accepts exact hosts and suffixes of registered domains, trimmed and in lower case', () => {
    expect(loadConfig({ BOT_TOKEN_HOSTS: ' SMBA.trafficmanager.net , .Skype.com,,' }).bot.tokenHosts).toEqual(
      ['smba.trafficmanager.net', '.skype.com'],
    );
  });
});

describe('one of a few words', () => {
  it('names the words allowed when a variable holds another', () => {
    let error: unknown;
    try {
      loadConfig({ QUALITY_CHECKS: 'maybe', LOG_FORMAT: 'xml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(2);
    const quality = problems.find((line) => line.startsWith('QUALITY_CHECKS="maybe": '));
    const format = problems.find((line) => line.startsWith('LOG_FORMAT="xml": '));
    for (const word of ['off', 'warn', 'block']) expect(quality).toContain(word);
    for (const word of ['json', 'text']) expect(format).toContain(word);
  });
});

describe('trust settings', () => {
  function problemsOf(env: NodeJS.ProcessEnv): string[] {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return [...error.problems];
    }
  }

  it('defaults to face detection on, quality warnings, no approval and 90 days of backups', () => {
    const { trust } = loadConfig({});
    expect(trust.faceDetection).toBe(true);
    expect(trust.quality.mode).toBe('warn');
    expect(trust.approval.mode).toBe('off');
    expect(trust.retention.backupMs).toBe(90 * 86_400_000);
    expect(trust.policy.adminContact).toBeUndefined();
  });

  it('reads percentages as shares and hours and days as milliseconds', () => {
    const { trust } = loadConfig({
      QUALITY_CHECKS: 'block',
      QUALITY_MAX_FLAT_PERCENT: '70',
      QUALITY_MIN_FACE_PERCENT: '25',
      APPROVAL: 'everyone',
      APPROVERS_GROUP_ID: 'g-approvers',
      APPROVAL_EXPIRY_HOURS: '2',
      BACKUP_RETENTION_DAYS: '7',
      PHOTO_ADMIN_CONTACT: 'it@contoso.com',
    });
    expect(trust.quality).toMatchObject({ mode: 'block', maxFlatShare: 0.7, minFaceShare: 0.25 });
    expect(trust.approval).toMatchObject({
      mode: 'everyone',
      approversGroupId: 'g-approvers',
      expiryMs: 7_200_000,
    });
    expect(trust.retention.backupMs).toBe(7 * 86_400_000);
    expect(trust.policy.adminContact).toBe('it@contoso.com');
  });

  it('refuses approval without approvers, and approval for a group without the group', () => {
    expect(problemsOf({ APPROVAL: 'everyone' })).toEqual(['APPROVAL=everyone needs APPROVERS_GROUP_ID']);
    expect(problemsOf({ APPROVAL: 'group', APPROVERS_GROUP_ID: 'a' })).toEqual([
      'APPROVAL=group needs APPROVAL_GROUP_ID',
    ]);
    expect(problemsOf({ APPROVAL: 'sometimes' })).toEqual([expect.stringMatching(/^APPROVAL/)]);
    expect(problemsOf({ QUALITY_CHECKS: 'strict' })).toEqual([expect.stringMatching(/^QUALITY_CHECKS/)]);
  });
});
