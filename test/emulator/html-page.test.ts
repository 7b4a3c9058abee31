import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { networkInterfaces } from 'node:os';
import { directoryFile } from '../../src/emulator/directory.js';
import { describeChange, escapeHtml } from '../../src/emulator/html-page.js';
import { PhotoStore } from '../../src/emulator/photo-store.js';
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

  it('lists every user and group, unauthenticated, as HTML whose only script is its own refresh', async () => {
    const page = await h.call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    const html = page.bytes.toString('utf8');
    // One inline script, allowed by its hash and nothing else: an injected script would not run.
    const scripts = [...html.matchAll(/<script>([^<]*)<\/script>/g)].map((match) => match[1] ?? '');
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    expect(policy).toMatch(new RegExp(`script-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}';`));
    expect(policy).not.toMatch(/unsafe-inline'[^;]*script|script-src[^;]*unsafe/);
    expect(html.match(/<script/g)).toHaveLength(1);
    for (const user of SEED_DIRECTORY.users) {
      expect(html).toContain(escapeHtml(user.displayName));
      expect(html).toContain(escapeHtml(user.userPrincipalName));
    }
    for (const group of SEED_DIRECTORY.groups ?? []) expect(html).toContain(escapeHtml(group.displayName));
    expect(html).toContain('Tomás García');
    expect(html).toContain('Global Administrator');
    expect(html).toContain('no mailbox');
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

describe('the page refreshes itself and says how each photo changed', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  const revision = async (): Promise<number> => {
    const answer = await h.call('GET', '/_view/changes');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    return (answer.json as { revision: number }).revision;
  };
  const changedLine = (html: string, id: string): string | undefined => {
    const card = html.split('<div class="card">').find((part) => part.includes(`id ${id}`));
    return card?.match(/<div class="line changed">([^<]*)<\/div>/)?.[1];
  };

  it('moves /_view/changes on every change, which the page was drawn at, and names the path the app sent', async () => {
    const drawnAt = await revision();
    const first = (await h.call('GET', '/')).bytes.toString('utf8');
    expect(first).toContain(`<body data-revision="${drawnAt}">`);
    expect(changedLine(first, SEED.alex.id)).toBeUndefined();

    const body = await jpeg(120, 120);
    const token = h.user(SEED.alex.upn);
    await h.call('PUT', '/v1.0/me/photo/$value', { token, body, headers: { 'x-teams-photo-path': 'chat' } });
    expect(await revision()).toBe(drawnAt + 1);
    const second = (await h.call('GET', '/')).bytes.toString('utf8');
    expect(second).toContain(`<body data-revision="${drawnAt + 1}">`);
    expect(changedLine(second, SEED.alex.id)).toMatch(
      /^changed \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC via chat$/,
    );

    await h.call('DELETE', '/v1.0/me/photo', { token, headers: { 'x-teams-photo-path': 'undo' } });
    expect(await revision()).toBe(drawnAt + 2);
    expect(changedLine((await h.call('GET', '/')).bytes.toString('utf8'), SEED.alex.id)).toMatch(/via undo$/);

    // No header, or one that is not a plain word, is shown as Graph, not as typed.
    await h.call('PUT', '/v1.0/me/photo/$value', { token, body });
    expect(changedLine((await h.call('GET', '/')).bytes.toString('utf8'), SEED.alex.id)).toMatch(
      /via graph$/,
    );
    await h.call('PUT', '/v1.0/me/photo/$value', {
      token,
      body,
      headers: { 'x-teams-photo-path': '<b>chat</b>' },
    });
    expect(changedLine((await h.call('GET', '/')).bytes.toString('utf8'), SEED.alex.id)).toMatch(
      /via graph$/,
    );
  });

  it('does not move for a refused change or a delete of nothing', async () => {
    const before = await revision();
    const token = h.user(SEED.alex.upn);
    const refused = await h.call('PUT', '/v1.0/me/photo/$value', {
      token,
      body: Buffer.from('not an image'),
    });
    expect(refused.status).toBe(400);
    await h.call('DELETE', `/v1.0/users/${SEED.megan.id}/photo`, { token: h.user(SEED.megan.upn) });
    expect(await revision()).toBe(before);
  });

  it('records the time by the store clock', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'photo-store-clock-'));
    try {
      const store = new PhotoStore(folder, () => Date.UTC(2026, 11, 1, 13, 42, 5));
      await store.put({ kind: 'user', userId: 'u' }, await jpeg(100, 100), 'admin');
      const change = store.lastChange({ kind: 'user', userId: 'u' });
      expect(change).toEqual({ at: Date.UTC(2026, 11, 1, 13, 42, 5), via: 'admin' });
      expect(describeChange(change!)).toBe('changed 2026-12-01 13:42:05 UTC via admin');
      expect(store.revision).toBe(1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
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
      // The page's own refresh script is the only one.
      expect(html.match(/<script>/g)).toHaveLength(1);
      expect(html).not.toContain('<script>alert');
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
