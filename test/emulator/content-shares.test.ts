/**
 * Shared files through `/shares/{shareId}/driveItem`: the `u!` share id, who may read a file (owner, sharing,
 * scopes), and `/content`'s 302 to a one-time download link that answers once, within a minute, on this machine.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { authenticate, requireFileRead } from '../../src/emulator/auth-rules.js';
import { directoryFile, type DirectoryFile } from '../../src/emulator/directory.js';
import {
  SEED_CONTENT_FILES,
  SEED_DIRECTORY,
  SEED_DRIVE_ITEM_ID,
  SEED_HEADSHOT_URL,
} from '../../src/emulator/seed-directory.js';
import {
  call,
  errorCode,
  jpeg,
  SEED,
  startHarness,
  temporaryDataDir,
  type Answer,
  type Harness,
} from './harness.js';

/** The share id of a URL, written out here rather than taken from the client, so each checks the other. */
const u = (url: string): string => `u!${Buffer.from(url, 'utf8').toString('base64url')}`;

const MEGAN_PRIVATE_URL =
  'https://contoso-my.sharepoint.com/personal/meganb_example_com/Documents/private.jpg';
const FOR_ADELE_URL =
  'https://contoso-my.sharepoint.com/personal/meganb_example_com/Documents/Microsoft Teams Chat Files/for adele.jpg';

/** The seed with two more of Megan's files: one shared with nobody, one with Adele. */
const directory: DirectoryFile = {
  ...SEED_DIRECTORY,
  driveItems: [
    ...(SEED_DIRECTORY.driveItems ?? []),
    {
      id: 'megan-private',
      name: 'private.jpg',
      webUrl: MEGAN_PRIVATE_URL,
      owner: SEED.megan.id,
      file: 'content/private.jpg',
    },
    {
      id: 'megan-for-adele',
      name: 'for adele.jpg',
      webUrl: FOR_ADELE_URL,
      owner: SEED.megan.id,
      sharedWith: [SEED.adele.id],
      file: 'content/for-adele.jpg',
    },
  ],
};

/** How far the emulator's clock is ahead of the token issuer's, to let download links expire. */
let ahead = 0;
let dataDir: string;
let h: Harness;
let privateJpeg: Buffer;
let headshot: Buffer;
beforeAll(async () => {
  dataDir = await temporaryDataDir();
  await mkdir(path.join(dataDir, 'emulator', 'content'), { recursive: true });
  await writeFile(directoryFile(dataDir), JSON.stringify(directory));
  privateJpeg = await jpeg(200, 150, 7);
  await writeFile(path.join(dataDir, 'emulator', 'content', 'private.jpg'), privateJpeg);
  await writeFile(path.join(dataDir, 'emulator', 'content', 'for-adele.jpg'), await jpeg(120, 90, 8));
  h = await startHarness({ dataDir, clock: () => Date.now() + ahead });
  headshot = await readFile(path.join(dataDir, 'emulator', SEED_CONTENT_FILES.headshot));
});
afterAll(async () => {
  await h.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const files = (upn: string, scopes: readonly string[] = ['Files.Read.All']): string => h.user(upn, scopes);
const item = (share: string, token: string, version = 'v1.0'): Promise<Answer> =>
  h.call('GET', `/${version}/shares/${encodeURIComponent(share)}/driveItem`, { token });

/** `/content` without following its redirect. */
async function content(
  share: string,
  token: string,
): Promise<{ status: number; location: string | null; code?: string }> {
  const response = await fetch(
    `${h.emulator.url}/v1.0/shares/${encodeURIComponent(share)}/driveItem/content`,
    {
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    },
  );
  const text = await response.text();
  const code = text.startsWith('{')
    ? (JSON.parse(text) as { error?: { code?: string } }).error?.code
    : undefined;
  return { status: response.status, location: response.headers.get('location'), ...(code ? { code } : {}) };
}

function expectError(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, code: errorCode(answer) }).toEqual({ status, code });
}

describe('a shared file’s metadata', () => {
  it.each(['v1.0', 'beta'])('is found by u! and its web URL (%s)', async (version) => {
    const answer = await item(u(SEED_HEADSHOT_URL), files(SEED.megan.upn), version);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      id: SEED_DRIVE_ITEM_ID,
      name: 'headshot.jpg',
      size: headshot.length,
      webUrl: SEED_HEADSHOT_URL,
      file: { mimeType: 'image/jpeg' },
    });
  });

  it('is found by the item’s own id, by a padded u! id, and by the URL spelled with %20 for its spaces', async () => {
    const adele = files(SEED.adele.upn);
    expect((await item(SEED_DRIVE_ITEM_ID, adele)).status).toBe(200);
    const padded = `u!${Buffer.from(SEED_HEADSHOT_URL).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`;
    expect(padded.endsWith('=')).toBe(true);
    expect((await item(padded, adele)).status).toBe(200);
    const encoded = await item(u(FOR_ADELE_URL.replace(/ /g, '%20')), adele);
    expect(encoded.json).toMatchObject({ id: 'megan-for-adele' });
  });

  it('answers 404 itemNotFound for a URL or id it does not know, and 400 for a u! id that is not base64url', async () => {
    const megan = files(SEED.megan.upn);
    expectError(
      await item(u('https://contoso-my.sharepoint.com/personal/x/Documents/none.jpg'), megan),
      404,
      'itemNotFound',
    );
    expectError(await item(SEED_DRIVE_ITEM_ID.toLowerCase(), megan), 404, 'itemNotFound');
    expectError(await item('u!not base64?', megan), 400, 'invalidRequest');
  });
});

describe('who may read a shared file', () => {
  it('anyone in the organisation with Files.Read.All, when it is shared with the organisation', async () => {
    for (const upn of [SEED.megan.upn, SEED.adele.upn, SEED.kiosk.upn]) {
      expect((await item(u(SEED_HEADSHOT_URL), files(upn))).status).toBe(200);
    }
  });

  it('only its owner when it is shared with nobody', async () => {
    expect((await item(u(MEGAN_PRIVATE_URL), files(SEED.megan.upn))).status).toBe(200);
    for (const upn of [SEED.alex.upn, SEED.adele.upn]) {
      expectError(await item(u(MEGAN_PRIVATE_URL), files(upn, ['Files.ReadWrite.All'])), 403, 'accessDenied');
    }
  });

  it('the owner and those it names when shared with people', async () => {
    expect((await item(u(FOR_ADELE_URL), files(SEED.adele.upn))).status).toBe(200);
    expect((await item(u(FOR_ADELE_URL), files(SEED.megan.upn))).status).toBe(200);
    expectError(await item(u(FOR_ADELE_URL), files(SEED.alex.upn)), 403, 'accessDenied');
  });

  it('with Files.Read, only one’s own files', async () => {
    expect((await item(u(SEED_HEADSHOT_URL), files(SEED.alex.upn, ['Files.Read']))).status).toBe(200);
    expectError(await item(u(SEED_HEADSHOT_URL), files(SEED.megan.upn, ['Files.Read'])), 403, 'accessDenied');
  });

  it('nobody without a Files permission, owner included (asked before the file is looked up)', async () => {
    expectError(await item(u(SEED_HEADSHOT_URL), h.user(SEED.alex.upn)), 403, 'accessDenied');
    expectError(
      await item(u('https://nowhere.example/x'), h.user(SEED.alex.upn, ['Chat.Read'])),
      403,
      'accessDenied',
    );
  });

  it('not even the owner without a Files permission, when the rule is asked on its own', () => {
    // Over HTTP the scope is asked first (the test above); the rule for one file stands without that.
    const caller = authenticate(
      `Bearer ${h.user(SEED.alex.upn, ['Chat.Read'])}`,
      h.issuer,
      h.emulator.directory,
    );
    const owns = (): boolean => true;
    let refusal: unknown;
    try {
      requireFileRead(caller, owns, owns);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ status: 403, code: 'accessDenied' });
  });

  it('an application with Files.Read.All, any file; without it, none', async () => {
    expect((await item(u(MEGAN_PRIVATE_URL), h.app(['Files.Read.All']))).status).toBe(200);
    expectError(await item(u(SEED_HEADSHOT_URL), h.app()), 403, 'accessDenied');
  });

  it('is the same for /content: refused before any download link is made', async () => {
    expect(await content(u(MEGAN_PRIVATE_URL), files(SEED.alex.upn))).toEqual({
      status: 403,
      location: null,
      code: 'accessDenied',
    });
  });
});

describe('the download link /content redirects to', () => {
  it('is a 302 to a one-time link on the emulator that serves the bytes without a token, then 404', async () => {
    const answer = await content(u(SEED_HEADSHOT_URL), files(SEED.megan.upn));
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(new RegExp(`^${h.emulator.url}/_download/[A-Za-z0-9_-]{32}$`));
    const link = answer.location ?? '';
    const first = await fetch(link);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/jpeg');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await first.arrayBuffer()).equals(headshot)).toBe(true);
    expect((await fetch(link)).status).toBe(404);
  });

  it('is a new link every time, each for its own file', async () => {
    const megan = files(SEED.megan.upn);
    const [one, two] = [
      await content(u(MEGAN_PRIVATE_URL), megan),
      await content(u(MEGAN_PRIVATE_URL), megan),
    ];
    expect(one.location).not.toBe(two.location);
    const bytes = Buffer.from(await (await fetch(two.location ?? '')).arrayBuffer());
    expect(bytes.equals(privateJpeg)).toBe(true);
    expect((await fetch(one.location ?? '')).status).toBe(200);
  });

  it('expires after 60 seconds', async () => {
    const megan = files(SEED.megan.upn);
    const fresh = await content(u(SEED_HEADSHOT_URL), megan);
    const stale = await content(u(SEED_HEADSHOT_URL), megan);
    ahead += 59_000;
    expect((await fetch(fresh.location ?? '')).status).toBe(200);
    ahead += 2_000;
    expect((await fetch(stale.location ?? '')).status).toBe(404);
  });

  it('answers GET only (HEAD would spend it) and 404 for a token it never made', async () => {
    const link = (await content(u(SEED_HEADSHOT_URL), files(SEED.megan.upn))).location ?? '';
    expect((await fetch(link, { method: 'HEAD' })).status).toBe(405);
    expect((await fetch(link, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(`${h.emulator.url}/_download/${'A'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${link}/more`)).status).toBe(404);
  });
});

describe('download links are for this machine only', () => {
  // This machine's first non-loopback IPv4 address, if it has one.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

  it('refuses a download link to another address, and the link stays unspent', async () => {
    // Fails rather than skips where it cannot run: a skipped test would pass CI while testing nothing.
    if (!external) throw new Error('this machine has no non-loopback IPv4 address to call the emulator from');
    const open = await startHarness({ host: '0.0.0.0' });
    try {
      const token = open.user(SEED.megan.upn, ['Files.Read.All']);
      const loopback = `http://127.0.0.1:${open.emulator.port}`;
      const response = await fetch(`${loopback}/v1.0/shares/${u(SEED_HEADSHOT_URL)}/driveItem/content`, {
        headers: { authorization: `Bearer ${token}` },
        redirect: 'manual',
      });
      const location = new URL(response.headers.get('location') ?? '');
      const fromElsewhere = await call(`http://${external}:${open.emulator.port}`, 'GET', location.pathname);
      expect(fromElsewhere.status).toBe(403);
      expect(fromElsewhere.bytes.toString('utf8')).toBe('Only for this machine.\n');
      expect((await call(loopback, 'GET', location.pathname)).status).toBe(200);
    } finally {
      await open.stop();
    }
  });
});
