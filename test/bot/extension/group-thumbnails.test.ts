/**
 * Search results' pictures against the Graph emulator: a group's photo made small by the real pipeline, initials
 * drawn as a PNG (jimp's bitmap font) or, for letters that font lacks, an SVG; a photo that cannot be read costs
 * only that group its photo; and no more than a few photos are read at once.
 */
import sharp from 'sharp';
import {
  GroupThumbnails,
  PHOTO_READS_AT_ONCE,
  THUMBNAIL_SIDE,
  colourOf,
} from '../../../src/bot/extension/group-thumbnails.js';
import { GraphPhotoClient } from '../../../src/graph/graph-photo-client.js';
import { createLogger, type Logger } from '../../../src/logger.js';
import { preparePhoto } from '../../../src/photo/photo-pipeline.js';
import { SEED, startHarness, type Harness } from '../../emulator/harness.js';
import { putPhotoAt } from '../../helpers/emulator-photos.js';
import { encodeJpeg, photoLike } from '../../helpers/images.js';

const pipeline = {
  run: (input: Uint8Array, options?: Parameters<typeof preparePhoto>[1]) => preparePhoto(input, options),
};

describe('group thumbnails', () => {
  let harness: Harness;
  let lines: string[];
  let logger: Logger;
  let photos: GraphPhotoClient;
  const alexToken = () => Promise.resolve(harness.user(SEED.alex.upn));

  beforeAll(async () => {
    harness = await startHarness();
    await putPhotoAt(
      harness.emulator.url,
      harness.user(SEED.megan.upn),
      `/groups/${SEED.marketing}/photo`,
      await encodeJpeg(photoLike(500, 400, 5)),
    );
  });
  afterAll(async () => {
    await harness.stop();
  });
  beforeEach(() => {
    lines = [];
    logger = createLogger('debug', (line: string) => lines.push(line));
    photos = new GraphPhotoClient({ baseUrl: harness.emulator.url, sleep: () => Promise.resolve() });
  });

  const decode = (uri: string) => Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');

  it("shows a group's photo as a small JPEG, in the card and in the preview alike", async () => {
    const thumbnails = new GroupThumbnails({ preparer: pipeline, photos, logger });
    const [marketing] = await thumbnails.of([{ id: SEED.marketing, displayName: 'Marketing' }], alexToken);
    expect(marketing!.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(marketing!.picture).toEqual({ kind: 'photo', previewDataUri: marketing!.thumbnail });
    expect(await sharp(decode(marketing!.thumbnail)).metadata()).toMatchObject({
      format: 'jpeg',
      width: THUMBNAIL_SIDE,
      height: THUMBNAIL_SIDE,
    });
  });

  it('draws the initials of a group without a photo: white letters on a coloured disc, transparent corners', async () => {
    const thumbnails = new GroupThumbnails({ preparer: pipeline, photos, logger });
    const mine = await thumbnails.one({ id: SEED.myTeam, displayName: 'My Team' }, alexToken);
    expect(mine.picture).toEqual({ kind: 'initials', initials: 'MT' });
    expect(mine.thumbnail).toMatch(/^data:image\/png;base64,/);
    const { data, info } = await sharp(decode(mine.thumbnail)).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, channels: 4 });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4),
    ];
    expect(pixel(0, 0)[3]).toBe(0);
    const colour = colourOf('My Team');
    expect(pixel(8, THUMBNAIL_SIDE / 2)).toEqual([
      (colour >> 16) & 0xff,
      (colour >> 8) & 0xff,
      colour & 0xff,
      255,
    ]);
    let white = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i]! > 240 && data[i + 1]! > 240 && data[i + 2]! > 240) white++;
    // Two letters at 32 px: a few hundred white pixels, not none and not the whole disc.
    expect(white).toBeGreaterThan(100);
    expect(white).toBeLessThan(2000);
  });

  it('writes initials the bitmap font lacks into an SVG instead', async () => {
    const thumbnails = new GroupThumbnails({ preparer: pipeline, photos, logger });
    const group = await thumbnails.one({ id: 'cyrillic-group', displayName: 'Отдел продаж' }, alexToken);
    expect(group.picture).toEqual({ kind: 'initials', initials: 'ОП' });
    expect(group.thumbnail).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = decode(group.thumbnail).toString('utf8');
    expect(svg).toContain('>ОП</text>');
    expect(svg).not.toMatch(/<script|href/);
  });

  it('keeps the same colour for a name and spreads names over several', () => {
    expect(colourOf('Marketing')).toBe(colourOf('Marketing'));
    const colours = new Set(['Marketing', 'Sales', 'My Team', 'Design Ops', 'Équipe Café'].map(colourOf));
    expect(colours.size).toBeGreaterThan(1);
  });

  it('falls back to the initials when the photo cannot be read or prepared, logging only the code', async () => {
    // Graph keeps a photo smaller than the pipeline accepts: a tiny one set straight through the API.
    await putPhotoAt(
      harness.emulator.url,
      harness.user(SEED.alex.upn),
      `/groups/${SEED.myTeam}/photo`,
      await encodeJpeg(photoLike(64, 64, 2)),
    );
    const thumbnails = new GroupThumbnails({ preparer: pipeline, photos, logger });
    const tiny = await thumbnails.one({ id: SEED.myTeam, displayName: 'My Team' }, alexToken);
    expect(tiny.picture).toEqual({ kind: 'initials', initials: 'MT' });
    const refused = await thumbnails.one({ id: SEED.marketing, displayName: 'Marketing' }, () =>
      Promise.resolve('not-a-token'),
    );
    expect(refused.picture).toEqual({ kind: 'initials', initials: 'M' });
    expect(lines.join('\n')).toMatch(/ImageTooSmall/);
    expect(lines.join('\n')).toMatch(/GraphUnauthorized/);
    expect(lines.join('\n')).not.toMatch(/not-a-token|base64/);
  });

  it(`reads at most ${PHOTO_READS_AT_ONCE} photos at once, and keeps the order of the groups`, async () => {
    let inFlight = 0;
    let most = 0;
    const counting = {
      getPhoto: async (...args: Parameters<GraphPhotoClient['getPhoto']>) => {
        most = Math.max(most, ++inFlight);
        try {
          return await photos.getPhoto(...args);
        } finally {
          inFlight--;
        }
      },
    };
    const thumbnails = new GroupThumbnails({ preparer: pipeline, photos: counting, logger });
    const groups = Array.from({ length: 12 }, (_, i) => ({
      id: i === 5 ? SEED.marketing : `missing-${i}`,
      displayName: `Group ${String.fromCharCode(65 + i)}`,
    }));
    const pictures = await thumbnails.of(groups, alexToken);
    expect(most).toBe(PHOTO_READS_AT_ONCE);
    expect(
      pictures.map((p) => (p.picture.kind === 'initials' ? p.picture.initials : p.picture.kind)),
    ).toEqual(groups.map((_, i) => (i === 5 ? 'photo' : `G${String.fromCharCode(65 + i)}`)));
  });
});
