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

  it('is documented in the README exactly as declared', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTableMarkdown());
  });
});
