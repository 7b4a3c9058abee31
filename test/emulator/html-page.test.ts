import { mkdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { directoryFile } from '../../src/emulator/directory.js';
import { escapeHtml } from '../../src/emulator/html-page.js';
import { SEED_DIRECTORY } from '../../src/emulator/seed-directory.js';
import path from 'node:path';
import { call, jpeg, SEED, startHarness, temporaryDataDir, type Harness } from './harness.js';

describe('the page at /', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('lists every user and group, unauthenticated, as HTML with no scripts allowed', async () => {
    const page = await h.call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = page.bytes.toString('utf8');
    for (const user of SEED_DIRECTORY.users) {
      expect(html).toContain(escapeHtml(user.displayName));
      expect(html).toContain(escapeHtml(user.userPrincipalName));
    }
    for (const group of SEED_DIRECTORY.groups ?? []) expect(html).toContain(escapeHtml(group.displayName));
    expect(html).toContain('Tomás García');
    expect(html).toContain('Global Administrator');
    expect(html).toContain('no mailbox');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
  });

  it('shows a thumbnail once a photo is set, served read-only from /_view', async () => {
    const body = await jpeg(120, 120);
    await h.call('PUT', '/v1.0/me/photo/$value', { token: h.user(SEED.alex.upn), body });
    await h.call('PUT', `/v1.0/groups/${SEED.myTeam}/photo/$value`, { token: h.user(SEED.alex.upn), body });
    const html = (await h.call('GET', '/')).bytes.toString('utf8');
    const sources = [...html.matchAll(/<img class="photo" alt="[^"]*" src="([^"]+)"/g)].map(
      (match) => match[1]!,
    );
    expect(sources).toHaveLength(2);
    expect(sources[0]).toMatch(new RegExp(`^/_view/photo/users/${SEED.alex.id}\\?v=\\w+$`));
    for (const source of sources) {
      const thumbnail = await h.call('GET', source.replaceAll('&#38;', '&'));
      expect(thumbnail.status).toBe(200);
      expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
      expect(thumbnail.bytes.equals(body)).toBe(true);
    }
    expect((await h.call('PUT', `/_view/photo/users/${SEED.alex.id}`, { body })).status).toBe(405);
    expect((await h.call('GET', `/_view/photo/users/${SEED.megan.id}`)).status).toBe(404);
    expect((await h.call('GET', '/_view/photo/users/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await h.call('GET', '/_view/photo/files/x')).status).toBe(404);
  });
});

describe('escaping', () => {
  it('escapes every value from the directory file', async () => {
    const dataDir = await temporaryDataDir();
    const hostile = '<script>alert("x")</script> & O\'Brien';
    const directory = {
      tenant: { id: 't1', displayName: `<b>${hostile}</b>` },
      users: [
        { id: '"><img src=x onerror=alert(1)>', userPrincipalName: 'evil@example.com', displayName: hostile },
      ],
      groups: [{ id: 'g1', displayName: `<i>${hostile}</i>`, mailNickname: 'g1' }],
    };
    await mkdir(path.dirname(directoryFile(dataDir)), { recursive: true });
    await writeFile(directoryFile(dataDir), JSON.stringify(directory));
    const h = await startHarness({ dataDir });
    try {
      const html = (await h.call('GET', '/')).bytes.toString('utf8');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; O&#39;Brien');
    } finally {
      await h.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('local only', () => {
  // This machine's first non-loopback IPv4 address, if it has one.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

  it('refuses the page and thumbnails to another address, even when bound to all', async () => {
    // Fails rather than skips where it cannot run: a skipped test would pass CI while testing nothing.
    if (!external) throw new Error('this machine has no non-loopback IPv4 address to call the emulator from');
    const h = await startHarness({ host: '0.0.0.0' });
    try {
      const base = `http://${external}:${h.emulator.port}`;
      expect((await call(base, 'GET', '/')).status).toBe(403);
      expect((await call(base, 'GET', `/_view/photo/users/${SEED.alex.id}`)).status).toBe(403);
      // The Graph API itself still answers (with its own rules).
      expect((await call(base, 'GET', '/v1.0/me')).status).toBe(401);
    } finally {
      await h.stop();
    }
  });
});
