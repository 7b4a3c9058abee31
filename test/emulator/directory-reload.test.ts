/**
 * The emulator picks up edits to directory.json at the next request, with no restart; an edit that cannot be used
 * (not JSON, not a valid directory) leaves the last good directory in use and is logged with the reason.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { directoryFile, type DirectoryFile } from '../../src/emulator/directory.js';
import type { EmulatorLogger } from '../../src/emulator/graph-emulator.js';
import { errorCode, SEED, startHarness, type Harness } from './harness.js';

const GRACE = { id: 'grace-1', upn: 'grace@example.com' };

/** Records what the emulator logs at warn level. */
function recordingLogger(): EmulatorLogger & { readonly warnings: string[] } {
  const warnings: string[] = [];
  const nothing = (): void => undefined;
  return {
    warnings,
    debug: nothing,
    info: nothing,
    error: nothing,
    warn: (message) => warnings.push(message),
  };
}

describe('editing directory.json while the emulator runs', () => {
  let h: Harness;
  let logger: ReturnType<typeof recordingLogger>;
  let seeded: DirectoryFile;
  let file: string;
  beforeAll(async () => {
    logger = recordingLogger();
    h = await startHarness({ logger });
    file = directoryFile(h.dataDir);
    seeded = JSON.parse(await readFile(file, 'utf8')) as DirectoryFile;
  });
  afterAll(async () => {
    await h.stop();
  });

  const graceToken = () =>
    h.issuer.issueDelegated({ tenantId: SEED.tenant, userId: GRACE.id, userPrincipalName: GRACE.upn });
  const withGrace = (): DirectoryFile => ({
    ...seeded,
    users: [...seeded.users, { id: GRACE.id, userPrincipalName: GRACE.upn, displayName: 'Grace Hopper' }],
  });

  it('sees a user added to the file at the next request, without a restart', async () => {
    expect((await h.call('GET', '/v1.0/me', { token: graceToken() })).status).toBe(401);
    await writeFile(file, JSON.stringify(withGrace(), null, 2));

    const me = await h.call('GET', '/v1.0/me', { token: graceToken() });
    expect(me.status).toBe(200);
    expect(me.json['displayName']).toBe('Grace Hopper');
    const found = await h.call('GET', `/v1.0/users/${GRACE.upn}`, { token: h.user(SEED.alex.upn) });
    expect(found.status).toBe(200);
    expect((await h.call('GET', '/', {})).bytes.toString('utf8')).toContain('Grace Hopper');
    expect(h.emulator.directory.findUser(GRACE.upn)?.id).toBe(GRACE.id);
  });

  it('sees a file replaced by rename, as editors save it', async () => {
    const renamed = withGrace();
    renamed.users = renamed.users.map((user) =>
      user.id === GRACE.id ? { ...user, displayName: 'Rear Admiral Grace Hopper' } : user,
    );
    await writeFile(`${file}.new`, JSON.stringify(renamed));
    await rename(`${file}.new`, file);
    const me = await h.call('GET', '/v1.0/me', { token: graceToken() });
    expect(me.json['displayName']).toBe('Rear Admiral Grace Hopper');
  });

  it.each([
    ['not JSON', () => '{ "tenant": ', /not valid JSON/],
    [
      'a UPN that is another user’s id',
      () =>
        JSON.stringify({
          ...withGrace(),
          users: [
            ...withGrace().users,
            { id: 'mallory-1', userPrincipalName: GRACE.id, displayName: 'Mallory' },
          ],
        }),
      /also the id of another user/,
    ],
    ['no users at all', () => JSON.stringify({ tenant: seeded.tenant }), /users/],
  ])('keeps the last good directory after an edit that is %s, and logs why', async (_name, text, why) => {
    await writeFile(file, JSON.stringify(withGrace()));
    expect((await h.call('GET', '/v1.0/me', { token: graceToken() })).status).toBe(200);
    logger.warnings.length = 0;

    await writeFile(file, text());
    const me = await h.call('GET', '/v1.0/me', { token: graceToken() });
    expect(me.status).toBe(200);
    expect(me.json['id']).toBe(GRACE.id);
    expect((await h.call('GET', '/v1.0/me', { token: h.user(SEED.alex.upn) })).status).toBe(200);
    // Logged once for that version of the file, with the reason.
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]).toMatch(/keeping the last good directory/);
    expect(logger.warnings[0]).toMatch(why);
  });

  it('applies the next good edit after a bad one (and a removed user is gone)', async () => {
    await writeFile(file, '{ broken');
    expect((await h.call('GET', '/v1.0/me', { token: graceToken() })).status).toBe(200);
    await writeFile(file, JSON.stringify(seeded));
    const gone = await h.call('GET', '/v1.0/me', { token: graceToken() });
    expect(gone.status).toBe(401);
    expect(errorCode(gone)).toBe('InvalidAuthenticationToken');
  });
});
