import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalTokenIssuer } from '../../src/auth/local-token-issuer.js';
import { createTokenCommand } from '../../src/cli/token-command.js';
import { startEmulator } from '../../src/emulator/graph-emulator.js';
import { AuthError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

const cli = runCli;

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

function lastLine(stdout: string): string {
  return stdout.trimEnd().split('\n').at(-1) ?? '';
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'profile-photo-token-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('profile-photo token', () => {
  it('prints a verifiable delegated token as the last line and exits 0', async () => {
    const outcome = await cli(['token', '--user', 'ALEXW@example.com', '--data', dataDir]);
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
    const token = lastLine(outcome.stdout);
    expect(token).toMatch(JWT);
    const verified = (await LocalTokenIssuer.open(dataDir)).verify(token);
    expect(verified).toMatchObject({
      ok: true,
      claims: {
        upn: 'alexw@example.com',
        oid: '00000000-0000-0000-0000-0000000000020',
        tid: '00000000-0000-0000-0000-0000000000001',
        scp: 'User.ReadWrite Group.ReadWrite.All Contacts.ReadWrite User.Read.All Group.Read.All',
      },
    });
    expect(verified.ok && verified.claims.exp - verified.claims.iat).toBe(3600);
  });

  it('takes --scope several times, an app token with --role, and DATA_DIR from the environment', async () => {
    const scoped = await cli(
      ['token', '--user', 'meganb@example.com', '--scope', 'User.Read', '--scope', 'Contacts.Read Mail.Read'],
      {
        DATA_DIR: dataDir,
      },
    );
    expect(scoped.code).toBe(0);
    const issuer = await LocalTokenIssuer.open(dataDir);
    expect(issuer.verify(lastLine(scoped.stdout))).toMatchObject({
      claims: { scp: 'User.Read Contacts.Read Mail.Read' },
    });
    const app = await cli(['token', '--app', '--role', 'User.ReadWrite.All', '--data', dataDir]);
    expect(app.code).toBe(0);
    expect(issuer.verify(lastLine(app.stdout))).toMatchObject({
      ok: true,
      claims: { idtyp: 'app', roles: ['User.ReadWrite.All'] },
    });
  });

  it('gives tokens the emulator accepts on the same data folder', async () => {
    const emulator = await startEmulator({ port: 0, dataDir });
    try {
      const user = lastLine((await cli(['token', '--user', 'alexw@example.com', '--data', dataDir])).stdout);
      const app = lastLine((await cli(['token', '--app', '--data', dataDir])).stdout);
      const body = await encodeJpeg(photoLike(120, 120));
      const own = await fetch(`${emulator.url}/v1.0/me/photo/$value`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${user}`, 'content-type': 'image/jpeg' },
        body,
      });
      expect(own.status).toBe(200);
      const other = await fetch(`${emulator.url}/v1.0/users/meganb@example.com/photo/$value`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${app}`, 'content-type': 'image/jpeg' },
        body,
      });
      expect(other.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it('exits 1 with one UnknownUser line for a user the directory does not have', async () => {
    const outcome = await cli(['token', '--user', 'nobody@example.com', '--data', dataDir]);
    expect(outcome).toMatchObject({ code: 1, stdout: '' });
    expect(outcome.stderr).toMatch(/^UnknownUser: [^\n]+\n$/);
  });

  it.each([
    [['token'], /either --user <upn> or --app/],
    [['token', '--user', 'a@b', '--app'], /either --user <upn> or --app/],
    [['token', '--app', '--scope', 'User.Read'], /--scope goes with --user/],
    [['token', '--user', 'a@b', '--role', 'X'], /--role goes with --app/],
    [['token', '--user'], /Option '--user' argument/],
    [['token', 'extra'], /Unexpected argument 'extra'/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const outcome = await cli([...args, '--data', dataDir]);
    expect(outcome).toMatchObject({ code: 2, stdout: '' });
    expect(outcome.stderr).toMatch(message);
  });

  it('is listed in the help', async () => {
    const help = await cli(['help']);
    expect(help.stdout).toMatch(/\n {2}token +print a token/);
    expect((await cli(['help', 'token'])).stdout).toContain('--role R');
  });
});

describe('the token command object', () => {
  it('issues with its clock and throws UnknownUser for an unknown user', async () => {
    const now = Date.UTC(2030, 5, 1);
    const command = createTokenCommand({ clock: () => now });
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(`err: ${line}`) };
    expect(await command.run(['--user', 'pattif@example.com', '--data', dataDir], io)).toBe(0);
    expect(out[0]).toContain('until 2030-06-01T01:00:00.000Z');
    const issuer = await LocalTokenIssuer.open(dataDir, { clock: () => now });
    expect(issuer.verify(out.at(-1) ?? '')).toMatchObject({ ok: true, claims: { iat: now / 1000 } });
    await expect(command.run(['--user', 'nobody', '--data', dataDir], io)).rejects.toEqual(
      expect.objectContaining({ code: 'UnknownUser' }),
    );
    await expect(command.run(['--user', 'nobody', '--data', dataDir], io)).rejects.toBeInstanceOf(AuthError);
  });
});
