import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  loadOrCreateSigningKey,
  SigningKeyError,
  SIGNING_KEY_FILE,
} from '../../src/auth/local-signing-key.js';

const run = promisify(execFile);
// The compiled module, as `npm start` and `profile-photo` load it (built by `npm test` / `npx tsc -p .`).
const compiled = new URL('../../dist/auth/local-signing-key.js', import.meta.url).href;

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'signing-key-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('loadOrCreateSigningKey', () => {
  it('creates an owner-only RSA key on first use and reads the same key afterwards', async () => {
    const nested = path.join(dataDir, 'not', 'yet', 'there');
    const first = await loadOrCreateSigningKey(nested);
    expect(first.privateKey.asymmetricKeyType).toBe('rsa');
    expect(first.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const file = path.join(nested, SIGNING_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect((await loadOrCreateSigningKey(nested)).keyId).toBe(first.keyId);
    expect(await readdir(nested)).toEqual([SIGNING_KEY_FILE]);
  });

  it('gives every concurrent first caller in one process the same key, and leaves no temporary file', async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, () => loadOrCreateSigningKey(dataDir)));
    expect(new Set(keys.map((key) => key.keyId)).size).toBe(1);
    expect(await readdir(dataDir)).toEqual([SIGNING_KEY_FILE]);
  });

  it('gives parallel first starts in separate processes the same key', async () => {
    // Each process waits for the same moment, so they all find no key and race to create one.
    const startAt = Date.now() + 1500;
    const script = `
      const { loadOrCreateSigningKey } = await import(${JSON.stringify(compiled)});
      await new Promise((resolve) => setTimeout(resolve, ${startAt} - Date.now()));
      const key = await loadOrCreateSigningKey(${JSON.stringify(dataDir)});
      process.stdout.write(key.keyId);`;
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () => run(process.execPath, ['--input-type=module', '-e', script])),
    );
    const ids = new Set(outputs.map((output) => output.stdout));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBe((await loadOrCreateSigningKey(dataDir)).keyId);
    expect(await readdir(dataDir)).toEqual([SIGNING_KEY_FILE]);
  });

  it('refuses a file that is not an RSA private key, rather than replacing it', async () => {
    await writeFile(path.join(dataDir, SIGNING_KEY_FILE), 'not a key');
    await expect(loadOrCreateSigningKey(dataDir)).rejects.toBeInstanceOf(SigningKeyError);
    expect(await readFile(path.join(dataDir, SIGNING_KEY_FILE), 'utf8')).toBe('not a key');
  });
});
