/**
 * Ids and user principal names are separate keys: a directory where a UPN spells another user's id is refused when
 * it loads, and a token acts only as the user whose object id is its `oid` (never the user whose UPN it spells).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../src/config.js';
import { Directory, directoryFile, type DirectoryFile } from '../../src/emulator/directory.js';
import { startEmulator } from '../../src/emulator/graph-emulator.js';
import { SEED_DIRECTORY } from '../../src/emulator/seed-directory.js';
import { errorCode, jpeg, SEED, startHarness, temporaryDataDir, type Harness } from './harness.js';

/** The seed plus `users`. */
function withUsers(...users: DirectoryFile['users']): DirectoryFile {
  return { ...SEED_DIRECTORY, users: [...SEED_DIRECTORY.users, ...users] };
}

describe('loading a directory', () => {
  it('refuses a user principal name that is another user’s id, whatever its case, and names both', () => {
    const colliding = withUsers({
      id: 'mallory-1',
      userPrincipalName: SEED.alex.id.toUpperCase(),
      displayName: 'Mallory',
    });
    expect(() => new Directory(colliding, 'directory.json')).toThrow(ConfigError);
    expect(() => new Directory(colliding, 'directory.json')).toThrow(
      new RegExp(
        `directory.json: users\\.\\d+\\.userPrincipalName: .*also the id of another user \\(${SEED.alex.id}\\)`,
      ),
    );
  });

  it('refuses it at start-up too, from directory.json', async () => {
    const dataDir = await temporaryDataDir();
    try {
      await mkdir(path.dirname(directoryFile(dataDir)), { recursive: true });
      await writeFile(
        directoryFile(dataDir),
        JSON.stringify(
          withUsers({ id: 'mallory-1', userPrincipalName: SEED.megan.id, displayName: 'Mallory' }),
        ),
      );
      const outcome = await startEmulator({ port: 0, dataDir }).then(
        async (emulator) => {
          await emulator.close();
          return 'started';
        },
        (error: unknown) => String(error),
      );
      expect(outcome).toMatch(/also the id of another user/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('still finds users by id or by user principal name, and by id alone when only an id will do', () => {
    const directory = new Directory(SEED_DIRECTORY);
    expect(directory.findUser(SEED.alex.id)?.userPrincipalName).toBe(SEED.alex.upn);
    expect(directory.findUser(SEED.alex.upn.toUpperCase())?.id).toBe(SEED.alex.id);
    expect(directory.findUserById(SEED.alex.id)?.userPrincipalName).toBe(SEED.alex.upn);
    expect(directory.findUserById(SEED.alex.upn)).toBeUndefined();
  });
});

describe('a token’s user', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('is refused (401) when its oid is a user principal name rather than an object id', async () => {
    const token = h.issuer.issueDelegated({
      tenantId: SEED.tenant,
      userId: SEED.alex.upn,
      userPrincipalName: SEED.alex.upn,
    });
    const me = await h.call('GET', '/v1.0/me', { token });
    expect(me.status).toBe(401);
    expect(errorCode(me)).toBe('InvalidAuthenticationToken');
    const put = await h.call('PUT', '/v1.0/me/photo/$value', { token, body: await jpeg(120, 120) });
    expect(put.status).toBe(401);
  });

  it('is the user whose id is its oid, whatever UPN the token carries', async () => {
    const token = h.issuer.issueDelegated({
      tenantId: SEED.tenant,
      userId: SEED.megan.id,
      userPrincipalName: SEED.alex.upn,
    });
    const me = await h.call('GET', '/v1.0/me', { token });
    expect(me.status).toBe(200);
    expect(me.json['id']).toBe(SEED.megan.id);
    expect(me.json['userPrincipalName']).toBe(SEED.megan.upn);
  });
});
