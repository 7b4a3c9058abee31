/**
 * The files behind message images and shared files: directory.json's rules for them (paths inside `content/`,
 * known members, unique ids), the check made again when a file is served (a symbolic link must not lead out), the
 * content type taken from the bytes, and the seed's pictures drawn on first start.
 */
import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { ConfigError } from '../../src/config.js';
import { Directory, directoryFile, type DirectoryFile } from '../../src/emulator/directory.js';
import { startEmulator } from '../../src/emulator/graph-emulator.js';
import { SEED_CONTENT_FILES, SEED_DIRECTORY } from '../../src/emulator/seed-directory.js';
import { errorCode, SEED, startHarness, temporaryDataDir } from './harness.js';

const e = encodeURIComponent;

/** The seed with one more chat between Alex and Megan, whose one message has an image in `file`. */
function withChatImage(file: string): DirectoryFile {
  return {
    ...SEED_DIRECTORY,
    chats: [
      {
        id: '19:extra@thread.v2',
        members: [SEED.alex.id, SEED.megan.id],
        messages: [{ id: '1', hostedContents: [{ id: 'img', file }] }],
      },
    ],
  };
}

/** The problems `new Directory(data)` lists, or none. */
function problemsOf(data: unknown): string[] {
  try {
    new Directory(data);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('content paths in directory.json', () => {
  it.each([
    ['a ".." leading out of content/', 'content/../directory.json', 'must not contain ".."'],
    ['a ".." leading out of the data folder', 'content/../../../etc/passwd', 'must not contain ".."'],
    ['a ".." written with backslashes', 'content\\..\\directory.json', 'must not contain ".."'],
    ['an absolute path', '/etc/passwd', 'not absolute'],
    ['an absolute Windows path', 'C:\\Windows\\win.ini', 'not absolute'],
    ['a drive-relative Windows path', 'C:content\\x.jpg', 'not absolute'],
    ['a UNC path', '\\\\server\\share\\x.jpg', 'not absolute'],
    ['a path outside content/', 'photos/user-x.jpg', 'must name a file under content/'],
    ['the folder itself', 'content/', 'must name a file under content/'],
    ['a NUL character', 'content/x.jpg\0.png', 'NUL'],
  ])('refuses %s', (_name, file, reason) => {
    const [problem, ...more] = problemsOf(withChatImage(file));
    expect(problem).toContain(`chats.0.messages.0.hostedContents.0.file: ${file}: `);
    expect(problem).toContain(reason);
    expect(more).toEqual([]);
  });

  it('accepts a file in a folder under content/', () => {
    expect(problemsOf(withChatImage('content/2025/march/pasted.png'))).toEqual([]);
  });

  it('refuses such a directory at start, listing the problem', async () => {
    const dataDir = await temporaryDataDir();
    try {
      await mkdir(path.dirname(directoryFile(dataDir)), { recursive: true });
      await writeFile(directoryFile(dataDir), JSON.stringify(withChatImage('content/../directory.json')));
      const starting = startEmulator({ port: 0, dataDir });
      // Should it start after all, it is closed, so that the failure is reported rather than left running.
      void starting.then(
        (emulator) => emulator.close(),
        () => undefined,
      );
      await expect(starting).rejects.toBeInstanceOf(ConfigError);
      await expect(starting).rejects.toMatchObject({
        problems: [expect.stringContaining('must not contain ".."') as unknown],
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('other rules of directory.json', () => {
  it('refuses unknown members, teams, owners and readers, listing each', () => {
    const problems = problemsOf({
      ...SEED_DIRECTORY,
      chats: [{ id: 'c', members: [SEED.alex.id, 'nobody'] }],
      channels: [{ teamId: 'no-such-group', id: 'ch', displayName: 'x' }],
      driveItems: [
        {
          id: 'd',
          name: 'x.jpg',
          webUrl: 'https://x.example/x.jpg',
          owner: 'ghost',
          sharedWith: ['phantom'],
          file: 'content/x.jpg',
        },
      ],
    });
    expect(problems).toEqual([
      expect.stringContaining('chats.0.members.1: no user nobody'),
      expect.stringContaining('channels.0.teamId: no group no-such-group'),
      expect.stringContaining('driveItems.0.owner: no user ghost'),
      expect.stringContaining('driveItems.0.sharedWith.0: no user phantom'),
    ] as unknown[]);
  });

  it('refuses repeated ids and web URLs, but takes ids differing in case as different (Teams ids are)', () => {
    const message = {
      id: 'm',
      hostedContents: [
        { id: 'h', file: 'content/a.png' },
        { id: 'h', file: 'content/b.png' },
      ],
    };
    const problems = problemsOf({
      ...SEED_DIRECTORY,
      chats: [{ id: 'c', messages: [message, { id: 'm' }] }, { id: 'c' }, { id: 'C' }],
      driveItems: [
        { id: 'd', name: 'a', webUrl: 'https://x.example/a b.jpg', owner: SEED.alex.id, file: 'content/a' },
        { id: 'd', name: 'b', webUrl: 'https://X.example/A%20B.jpg', owner: SEED.alex.id, file: 'content/b' },
      ],
    });
    expect(problems).toEqual([
      expect.stringContaining('chats.1.id: duplicate chat id c'),
      expect.stringContaining('chats.0.messages.1.id: duplicate message id m'),
      expect.stringContaining('chats.0.messages.0.hostedContents.1.id: duplicate hosted content id h'),
      expect.stringContaining('driveItems.1.id: duplicate drive item id d'),
      expect.stringContaining('driveItems.1.webUrl: duplicate web URL'),
    ] as unknown[]);
  });

  it('refuses a web URL that is not http(s)', () => {
    const problems = problemsOf({
      ...SEED_DIRECTORY,
      driveItems: [
        { id: 'd', name: 'a', webUrl: 'file:///etc/passwd', owner: SEED.alex.id, file: 'content/a' },
      ],
    });
    expect(problems).toEqual([
      expect.stringContaining('driveItems.0.webUrl: must be an absolute http(s) URL') as unknown,
    ]);
  });
});

describe('serving a content file', () => {
  let dataDir: string;
  let outside: string;
  beforeEach(async () => {
    dataDir = await temporaryDataDir();
    outside = await temporaryDataDir();
    await mkdir(path.join(dataDir, 'emulator', 'content'), { recursive: true });
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  /** Starts the emulator with a chat image in `file`, and reads it as Alex. */
  async function serve(
    file: string,
  ): Promise<{ status: number; code: string | undefined; type: string | null; bytes: Buffer }> {
    await writeFile(directoryFile(dataDir), JSON.stringify(withChatImage(file)));
    const h = await startHarness({ dataDir });
    try {
      const answer = await h.call(
        'GET',
        `/v1.0/chats/${e('19:extra@thread.v2')}/messages/1/hostedContents/img/$value`,
        {
          token: h.user(SEED.alex.upn, ['Chat.Read']),
        },
      );
      return {
        status: answer.status,
        code: errorCode(answer),
        type: answer.headers.get('content-type'),
        bytes: answer.bytes,
      };
    } finally {
      await h.stop();
    }
  }

  it('refuses a symbolic link in content/ that leads out of it, and serves none of what it points at', async () => {
    const secret = path.join(outside, 'secret.png');
    await writeFile(
      secret,
      Buffer.concat([
        await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
          .png()
          .toBuffer(),
        Buffer.from('SECRET'),
      ]),
    );
    await symlink(secret, path.join(dataDir, 'emulator', 'content', 'pasted.png'));
    const answer = await serve('content/pasted.png');
    expect({ status: answer.status, code: answer.code }).toEqual({
      status: 500,
      code: 'InternalServerError',
    });
    expect(answer.bytes.includes(Buffer.from('SECRET'))).toBe(false);
  });

  it('refuses a file under a linked folder that leads out, and a link to directory.json', async () => {
    await writeFile(path.join(outside, 'x.png'), 'not for the emulator');
    await symlink(outside, path.join(dataDir, 'emulator', 'content', 'elsewhere'));
    expect((await serve('content/elsewhere/x.png')).status).toBe(500);
    await symlink(directoryFile(dataDir), path.join(dataDir, 'emulator', 'content', 'directory.png'));
    const answer = await serve('content/directory.png');
    expect(answer.status).toBe(500);
    expect(answer.bytes.includes(Buffer.from('"users"'))).toBe(false);
  });

  it('follows a link that stays inside content/', async () => {
    await startHarness({ dataDir }).then((h) => h.stop()); // draws the seed pictures
    await symlink(
      path.join(dataDir, 'emulator', SEED_CONTENT_FILES.headshot),
      path.join(dataDir, 'emulator', 'content', 'alias.jpg'),
    );
    const answer = await serve('content/alias.jpg');
    expect(answer.status).toBe(200);
    expect(
      answer.bytes.equals(await readFile(path.join(dataDir, 'emulator', SEED_CONTENT_FILES.headshot))),
    ).toBe(true);
  });

  it('answers 500 for a file that is not there (a setup problem, not the caller’s)', async () => {
    expect(await serve('content/missing.png')).toMatchObject({ status: 500, code: 'InternalServerError' });
  });

  it.each([
    ['png', 'image/png'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
    ['jpeg', 'image/jpeg'],
  ] as const)('types a %s file by its bytes, whatever its name', async (format, type) => {
    const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'blue' } })
      .toFormat(format)
      .toBuffer();
    await writeFile(path.join(dataDir, 'emulator', 'content', 'named.txt'), bytes);
    const answer = await serve('content/named.txt');
    expect({ status: answer.status, type: answer.type }).toEqual({ status: 200, type });
    expect(answer.bytes.equals(bytes)).toBe(true);
  });

  it('types anything else as application/octet-stream', async () => {
    await writeFile(
      path.join(dataDir, 'emulator', 'content', 'page.png'),
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    );
    expect(await serve('content/page.png')).toMatchObject({ status: 200, type: 'application/octet-stream' });
  });
});

describe('the seed’s pictures', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await temporaryDataDir();
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const read = (file: string): Promise<Buffer> => readFile(path.join(dataDir, 'emulator', file));

  it('are drawn on first start: four different 640x480 pictures, the same on every run', async () => {
    await (await startHarness({ dataDir })).stop();
    const pictures = await Promise.all(Object.values(SEED_CONTENT_FILES).map(read));
    for (const picture of pictures) {
      expect(await sharp(picture).metadata()).toMatchObject({ width: 640, height: 480 });
    }
    expect(new Set(pictures.map((picture) => picture.toString('base64'))).size).toBe(4);
    const again = await temporaryDataDir();
    try {
      await (await startHarness({ dataDir: again })).stop();
      const second = await readFile(path.join(again, 'emulator', SEED_CONTENT_FILES.headshot));
      expect(second.equals(await read(SEED_CONTENT_FILES.headshot))).toBe(true);
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });

  it('never replace a file that is there, and are not written again on the next start', async () => {
    const mine = path.join(dataDir, 'emulator', SEED_CONTENT_FILES.chatImage);
    await mkdir(path.dirname(mine), { recursive: true });
    await writeFile(mine, 'my own picture');
    await (await startHarness({ dataDir })).stop();
    expect((await read(SEED_CONTENT_FILES.chatImage)).toString()).toBe('my own picture');
    const headshot = path.join(dataDir, 'emulator', SEED_CONTENT_FILES.headshot);
    const before = await stat(headshot);
    await (await startHarness({ dataDir })).stop();
    const after = await stat(headshot);
    expect({ ino: after.ino, mtime: after.mtimeMs }).toEqual({ ino: before.ino, mtime: before.mtimeMs });
  });

  it('leave a dangling link at a seed path alone, rather than writing through it', async () => {
    const target = path.join(dataDir, 'not-there.png');
    await mkdir(path.join(dataDir, 'emulator', 'content'), { recursive: true });
    await symlink(target, path.join(dataDir, 'emulator', SEED_CONTENT_FILES.chatImage));
    await (await startHarness({ dataDir })).stop();
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
