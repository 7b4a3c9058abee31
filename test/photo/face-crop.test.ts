/**
 * The face-centred crop on real photos (test/fixtures/faces, public domain and CC0: see its LICENSE.md), through
 * the real pipeline and the real detector.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { contains } from '../../src/photo/face-crop.js';
import type { FaceBox } from '../../src/photo/face-detector.js';
import { preparePhoto, type PreparedPhoto } from '../../src/photo/photo-pipeline.js';
import { exifSegment, storedFor, withSegments, type Raw } from '../helpers/images.js';

const face = (name: string): Promise<Buffer> =>
  readFile(new URL(`../fixtures/faces/${name}`, import.meta.url));

function expectFramed(photo: PreparedPhoto, faces: readonly FaceBox[]): void {
  expect(photo.crop.method).toBe('face');
  for (const found of faces) expect(contains(photo.crop, found)).toBe(true);
  const { crop, source } = photo;
  expect(crop.width).toBe(crop.height);
  expect(crop.x).toBeGreaterThanOrEqual(0);
  expect(crop.y).toBeGreaterThanOrEqual(0);
  expect(crop.x + crop.width).toBeLessThanOrEqual(source.width);
  expect(crop.y + crop.height).toBeLessThanOrEqual(source.height);
}

describe('face-centred crop', () => {
  it('frames the one face of a portrait, and zooms in when the output is smaller than the picture', async () => {
    const input = await face('one-face.jpg');
    const photo = await preparePhoto(input);
    expect(photo.faces).toHaveLength(1);
    const [found] = photo.faces as [FaceBox];
    // The astronaut's face, by eye: about x 160-285, y 70-190 of 512.
    expect(found.x).toBeGreaterThan(140);
    expect(found.x + found.width).toBeLessThan(310);
    expect(found.y).toBeGreaterThan(50);
    expect(found.y + found.height).toBeLessThan(215);
    expect(found.score).toBeGreaterThan(0.5);
    // 512 px is under the output size: the whole picture is kept, never enlarged.
    expectFramed(photo, photo.faces);
    expect(photo.crop).toMatchObject({ x: 0, y: 0, width: 512 });

    // At 256 px out, the square is the output size: the face about half its height, the eyes about a third down.
    const small = await preparePhoto(input, { size: 256 });
    expectFramed(small, small.faces);
    expect(small.crop.width).toBe(256);
    const [seen] = small.faces as [FaceBox];
    expect(seen.height / small.crop.width).toBeGreaterThan(0.4);
    const eyes = seen.y + seen.height * 0.4;
    expect((eyes - small.crop.y) / small.crop.width).toBeCloseTo(1 / 3, 1);
    expect(Math.abs(seen.x + seen.width / 2 - (small.crop.x + 128))).toBeLessThanOrEqual(1);
  });

  it('falls back to the salient square when there is no face', async () => {
    const photo = await preparePhoto(await face('no-face.jpg'));
    expect(photo.faces).toEqual([]);
    expect(photo.crop.method).toBe('salient');
  });

  it('frames a group on its bounding box, each face once', async () => {
    const photo = await preparePhoto(await face('several-faces.jpg'));
    expect(photo.faces).toHaveLength(3);
    expectFramed(photo, photo.faces);
    expect(photo.crop.width).toBe(648);
  });

  it('keeps a face near the picture edge inside the square', async () => {
    const photo = await preparePhoto(await face('edge-face.jpg'));
    expect(photo.faces).toHaveLength(1);
    const [found] = photo.faces as [FaceBox];
    expect(found.x + found.width).toBeGreaterThan(950);
    expectFramed(photo, photo.faces);
    expect(photo.crop.x + photo.crop.width).toBe(1000);
  });

  it('finds a face a twelfth of the shorter side (a person in a wide shot)', async () => {
    const photo = await preparePhoto(await face('wide-shot.jpg'));
    expect(photo.faces).toHaveLength(1);
    const [found] = photo.faces as [FaceBox];
    expect(found.height).toBeGreaterThan(640 / 12 - 15);
    expect(found.height).toBeLessThan(640 / 12 + 15);
    expectFramed(photo, photo.faces);
    // Centred across on her, as far as the picture allows.
    expect(photo.crop.x).toBeGreaterThan(160);
  });

  it.each([
    ['4:3', 853],
    ['1:1', 640],
  ])(
    'finds a face a twelfth of the shorter side in a %s picture, which the detector looks at smaller',
    async (_shape, width) => {
      // The wide shot cut narrower round her: the face is still a twelfth of the 640 px height. A picture squarer
      // than 3:2 is looked at with its shorter side at FACE_ANALYSIS_SHORT_SIDE, where that face is about 40 px.
      const input = await sharp(await face('wide-shot.jpg'))
        .extract({ left: 960 - width, top: 0, width, height: 640 })
        .jpeg({ quality: 92 })
        .toBuffer();
      const photo = await preparePhoto(input);
      expect(photo.faces).toHaveLength(1);
      const [found] = photo.faces as [FaceBox];
      expect(found.height).toBeGreaterThan(640 / 12 - 15);
      expect(found.height).toBeLessThan(640 / 12 + 15);
      expectFramed(photo, photo.faces);
    },
  );

  it('finds the face of a photo stored turned (EXIF orientation), in the upright picture', async () => {
    const { data, info } = await sharp(await face('one-face.jpg'))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const upright: Raw = { width: info.width, height: info.height, channels: 3, data };
    const stored = await storedFor(upright, 6);
    const jpeg = await sharp(stored.data, {
      raw: { width: stored.width, height: stored.height, channels: 3 },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    const turned = await preparePhoto(withSegments(jpeg, exifSegment(6)), { size: 256 });
    const straight = await preparePhoto(await face('one-face.jpg'), { size: 256 });
    expect(turned.faces).toHaveLength(1);
    const [a, b] = [turned.faces[0], straight.faces[0]] as [FaceBox, FaceBox];
    expect(Math.abs(a.x - b.x)).toBeLessThan(12);
    expect(Math.abs(a.y - b.y)).toBeLessThan(12);
    expectFramed(turned, turned.faces);
  });

  it('counts faces for an explicit box, not for the centre, and detectFaces overrides both', async () => {
    const input = await face('several-faces.jpg');
    const explicit = await preparePhoto(input, { crop: { x: 0, y: 0, width: 800, height: 800 } });
    expect(explicit.crop.method).toBe('explicit');
    expect(explicit.faces).toHaveLength(3);
    const center = await preparePhoto(input, { crop: 'center' });
    expect(center.crop.method).toBe('center');
    expect(center.faces).toEqual([]);
    expect((await preparePhoto(input, { crop: 'center', detectFaces: true })).faces).toHaveLength(3);
    const without = await preparePhoto(input, { detectFaces: false });
    expect(without.crop.method).toBe('salient');
    expect(without.faces).toEqual([]);
  });
});
