import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { runCli } from '../helpers/cli.js';
import { encodeJpeg, encodePng, exifSegment, photoLike, withSegments } from '../helpers/images.js';

const cli = runCli;

describe('profile-photo prepare', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'profile-photo-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const file = (name: string): string => path.join(dir, name);

  it('writes the photo and prints one line with size, bytes and crop', async () => {
    await writeFile(file('in.jpg'), withSegments(await encodeJpeg(photoLike(1600, 1200)), exifSegment(6)));
    const outcome = await cli(['prepare', file('in.jpg'), file('out.jpg')]);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toMatch(
      /^.*out\.jpg: 648x648, \d+ KB, crop 0,\d+,1200,1200 \((salient|center)\)\n$/,
    );
    const written = await readFile(file('out.jpg'));
    expect(await sharp(written).metadata()).toMatchObject({ format: 'jpeg', width: 648, height: 648 });
    expect(outcome.stdout).toContain(`${Math.round(written.length / 1024)} KB`);
  });

  it('names a face crop in its line', async () => {
    const face = await readFile(new URL('../fixtures/faces/several-faces.jpg', import.meta.url));
    await writeFile(file('group.jpg'), face);
    const outcome = await cli(['prepare', file('group.jpg'), file('out.jpg')]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/out\.jpg: 648x648, \d+ KB, crop \d+,\d+,648,648 \(face\)\n$/);
  });

  it('looks for no face with FACE_DETECTION=off', async () => {
    const face = await readFile(new URL('../fixtures/faces/several-faces.jpg', import.meta.url));
    await writeFile(file('group.jpg'), face);
    const outcome = await cli(['prepare', file('group.jpg'), file('out.jpg')], { FACE_DETECTION: 'off' });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/ \((salient|center)\)\n$/);
  });

  it('takes --size and an explicit --crop box', async () => {
    await writeFile(file('in.png'), await encodePng(photoLike(800, 600)));
    const outcome = await cli([
      'prepare',
      file('in.png'),
      file('out.jpg'),
      '--size',
      '200',
      '--crop',
      '100,50,500,500',
    ]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('200x200');
    expect(outcome.stdout).toContain('crop 100,50,500,500 (explicit)');
    await expect(cli(['prepare', file('in.png'), file('c.jpg'), '--crop', 'center'])).resolves.toMatchObject({
      code: 0,
      stdout: expect.stringContaining('crop 100,0,600,600 (center)') as unknown,
    });
  });

  it.each([
    ['UnsupportedImage', () => Promise.resolve(Buffer.from('this is a text file, not an image'))],
    ['ImageTooSmall', async () => encodePng(photoLike(300, 60))],
    ['CorruptImage', async () => (await encodeJpeg(photoLike(400, 300))).subarray(0, 3000)],
    // libheif reports this one with console.log: nothing of it may reach stdout.
    [
      'CorruptImage',
      async () =>
        (await readFile(new URL('../fixtures/quadrants-480x360.heic', import.meta.url))).subarray(0, 700),
    ],
  ])('exits 1 with "%s: ..." on stderr, no stack, and leaves no output', async (code, make) => {
    await writeFile(file('in.bin'), await make());
    const outcome = await cli(['prepare', file('in.bin'), file('out.jpg')]);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(new RegExp(`^${code}: [^\\n]+\\.\\n$`));
    expect(outcome.stderr).not.toMatch(/\bat \S+ \(|Error:/);
    expect(await readdir(dir)).toEqual(['in.bin']);
  });

  it('refuses a file over the byte cap before reading it, and leaves an existing output untouched', async () => {
    await writeFile(file('in.jpg'), await encodeJpeg(photoLike(800, 600)));
    await writeFile(file('out.jpg'), 'previous content');
    const outcome = await cli(['prepare', file('in.jpg'), file('out.jpg')], {
      PHOTO_MAX_INPUT_BYTES: '2048',
    });
    expect(outcome).toMatchObject({ code: 1, stdout: '' });
    expect(outcome.stderr).toMatch(/^ImageTooLarge: /);
    expect(await readFile(file('out.jpg'), 'utf8')).toBe('previous content');
    expect((await readdir(dir)).sort()).toEqual(['in.jpg', 'out.jpg']);
  });

  it('exits 1 with InvalidCropBox for a box that is not a square inside the picture', async () => {
    await writeFile(file('in.png'), await encodePng(photoLike(400, 300)));
    const outcome = await cli(['prepare', file('in.png'), file('out.jpg'), '--crop', '0,0,300,301']);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/^InvalidCropBox: /);
    expect(await readdir(dir)).toEqual(['in.png']);
  });

  it('exits 1 for an input it cannot read or an output it cannot write', async () => {
    expect(await cli(['prepare', file('missing.jpg'), file('out.jpg')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^InputNotReadable: /) as unknown,
    });
    await writeFile(file('in.png'), await encodePng(photoLike(400, 300)));
    expect(await cli(['prepare', file('in.png'), file('no/such/dir/out.jpg')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^OutputNotWritable: /) as unknown,
    });
    expect(await readdir(dir)).toEqual(['in.png']);
  });

  it.each([
    [['prepare'], /needs an input file and an output file/],
    [['prepare', 'a.jpg'], /needs an input file and an output file/],
    [['prepare', 'a.jpg', 'b.jpg', '--size', '95'], /--size must be a whole number from 96 to 648/],
    [['prepare', 'a.jpg', 'b.jpg', '--size', 'big'], /--size/],
    [['prepare', 'a.jpg', 'b.jpg', '--crop', 'left'], /--crop takes/],
    [['prepare', 'a.jpg', 'b.jpg', '--colour', 'red'], /Unknown option '--colour'/],
    [['frobnicate'], /Unknown command: frobnicate/],
    [[], /Usage: profile-photo <command>/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const outcome = await cli(args);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(message);
  });

  it('prints help with exit 0', async () => {
    const overview = await cli(['help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toContain('prepare');
    const prepare = await cli(['prepare', '--help']);
    expect(prepare).toMatchObject({ code: 0, stdout: expect.stringContaining('--crop MODE') as unknown });
  });

  it('loads only the codec the input needs, and nothing of the bot, the emulator or the catalogs', async () => {
    // A module loader hook that records every module the process loads (Node's module.register).
    const log = file('modules.log');
    await writeFile(
      file('hook.mjs'),
      `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}`,
    );
    await writeFile(
      file('register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${file('hook.mjs')}`)});`,
    );
    const loaded = async (input: string): Promise<string[]> => {
      await rm(log, { force: true });
      const outcome = await cli(['prepare', file(input), file('out.jpg')], {
        NODE_OPTIONS: `--import=${file('register.mjs')}`,
      });
      expect(outcome.code).toBe(0);
      return (await readFile(log, 'utf8')).split('\n');
    };
    const uses = (modules: string[], name: string): boolean => modules.some((url) => url.includes(name));
    const elsewhere = [
      '/botbuilder/',
      '/restify/',
      '/jimp/',
      '/dist/emulator/',
      '/dist/i18n/',
      '/dist/auth/',
    ];

    await writeFile(file('in.png'), await encodePng(photoLike(400, 300)));
    const forPng = await loaded('in.png');
    // An 8-bit RGB PNG takes the fast path: not even pngjs loads.
    expect(uses(forPng, '/dist/photo/png-decoder.js')).toBe(true);
    for (const other of [
      '/@jimp/js-png/',
      '/pngjs/',
      '/@jsquash/',
      '/heic-decode/',
      '/jpeg-js/',
      ...elsewhere,
    ]) {
      expect([other, uses(forPng, other)]).toEqual([other, false]);
    }
    // A palette PNG needs pngjs, through jimp's PNG format (and still nothing else).
    const raw = photoLike(400, 300);
    const palette = await sharp(raw.data, { raw: { width: 400, height: 300, channels: 3 } })
      .png({ palette: true })
      .toBuffer();
    await writeFile(file('palette.png'), palette);
    const forPalette = await loaded('palette.png');
    expect(uses(forPalette, '/@jimp/js-png/')).toBe(true);
    for (const other of ['/@jsquash/', '/heic-decode/', '/jpeg-js/', ...elsewhere]) {
      expect([other, uses(forPalette, other)]).toEqual([other, false]);
    }

    await writeFile(file('in.jpg'), await encodeJpeg(photoLike(400, 300)));
    const forJpeg = await loaded('in.jpg');
    expect(uses(forJpeg, '/dist/photo/jpeg-turbo.js')).toBe(true);
    for (const other of ['/@jimp/js-png/', '/@jimp/js-gif/', '/@jsquash/', '/heic-decode/', ...elsewhere]) {
      expect([other, uses(forJpeg, other)]).toEqual([other, false]);
    }
  });
});
