import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import type { PhotoMeasures } from '../../src/photo/photo-measures.js';
import {
  judgeQuality,
  type FaceBox,
  type QualityInput,
  type QualitySettings,
} from '../../src/trust/quality-check.js';
import {
  blurredPortrait,
  darkPortrait,
  flatPicture,
  noFacePhoto,
  portrait,
  severalFacesPhoto,
  tinyPortrait,
} from '../helpers/quality-images.js';

/** The defaults of config-trust.ts. */
const DEFAULTS: QualitySettings['quality'] = {
  mode: 'warn',
  minBrightness: 50,
  minSharpness: 80,
  maxFlatShare: 0.85,
  minSide: 200,
  minFaceShare: 0.15,
};
const settings = (over: Partial<QualitySettings['quality']> = {}, faceDetection = true): QualitySettings => ({
  quality: { ...DEFAULTS, ...over },
  faceDetection,
});

const GOOD: PhotoMeasures = { brightness: 120, sharpness: 1500, flatShare: 0.2, cropSide: 512 };
const CROP = { x: 100, y: 0, width: 500, height: 500 };
const face = (x: number, y: number, side: number): FaceBox => ({
  x,
  y,
  width: side,
  height: side,
  score: 0.9,
});
const ONE_FACE = [face(300, 100, 120)];

const reasons = (input: Partial<QualityInput>, s = settings()) =>
  judgeQuality({ measures: GOOD, crop: CROP, faces: ONE_FACE, ...input }, s).map((f) => f.reason);

describe('judgeQuality', () => {
  it('finds nothing wrong with a good photo', () => {
    expect(reasons({})).toEqual([]);
  });

  it('looks at nothing with mode off', () => {
    const bad: PhotoMeasures = { brightness: 0, sharpness: 0, flatShare: 1, cropSide: 96 };
    expect(reasons({ measures: bad, faces: [] }, settings({ mode: 'off' }))).toEqual([]);
  });

  it('gives every reason of a bad photo, in order, with value and limit', () => {
    const bad: PhotoMeasures = { brightness: 10, sharpness: 5, flatShare: 0.8, cropSide: 150 };
    const findings = judgeQuality({ measures: bad, crop: CROP, faces: [] }, settings({ mode: 'block' }));
    expect(findings).toEqual([
      { reason: 'noFace', value: 0, limit: 1 },
      { reason: 'tooDark', value: 10, limit: 50 },
      { reason: 'blurred', value: 5, limit: 80 },
      { reason: 'tooSmall', value: 150, limit: 200 },
    ]);
  });

  it('calls a flat picture flat, not also blurred (it has no edges to be sharp)', () => {
    const flat: PhotoMeasures = { brightness: 120, sharpness: 0, flatShare: 0.95, cropSide: 600 };
    expect(reasons({ measures: flat })).toEqual(['flat']);
  });

  // Each threshold on both sides of its limit: removing a guard (or turning its comparison) fails one of these.
  it.each([
    ['tooDark', { brightness: 49.9 }, { brightness: 50 }],
    ['blurred', { sharpness: 79.9 }, { sharpness: 80 }],
    ['flat', { flatShare: 0.851 }, { flatShare: 0.85 }],
    ['tooSmall', { cropSide: 199 }, { cropSide: 200 }],
  ] as const)('%s just past its limit, not at it', (reason, past, at) => {
    expect(reasons({ measures: { ...GOOD, ...past } })).toEqual([reason]);
    expect(reasons({ measures: { ...GOOD, ...at } })).toEqual([]);
  });

  it('follows the configured thresholds', () => {
    expect(reasons({}, settings({ minBrightness: 121 }))).toEqual(['tooDark']);
    expect(reasons({}, settings({ minSharpness: 2000 }))).toEqual(['blurred']);
    expect(reasons({}, settings({ maxFlatShare: 0.1 }))).toEqual(['flat']);
    expect(reasons({}, settings({ minSide: 600 }))).toEqual(['tooSmall']);
  });

  it('counts only the faces whose centre lies in the crop', () => {
    // Centre at x 99: just left of the crop; centre at x 101: inside it.
    expect(reasons({ faces: [face(39, 100, 120)] })).toEqual(['noFace']);
    expect(reasons({ faces: [face(41, 100, 120)] })).toEqual([]);
    expect(reasons({ faces: [...ONE_FACE, face(540, 300, 100)] })).toEqual(['severalFaces']);
    expect(reasons({ faces: [...ONE_FACE, face(620, 300, 100)] })).toEqual([]);
    expect(reasons({ faces: [face(300, 100, 120), face(300, 560, 100)] })).toEqual([]);
  });

  it('finds a face too small against the crop side, by the minimum share', () => {
    // 74 / 500 = 0.148 < 0.15; 75 / 500 = 0.15.
    expect(reasons({ faces: [face(300, 100, 74)] })).toEqual(['faceTooSmall']);
    expect(reasons({ faces: [face(300, 100, 75)] })).toEqual([]);
    expect(reasons({ faces: [face(300, 100, 120)] }, settings({ minFaceShare: 0.25 }))).toEqual([
      'faceTooSmall',
    ]);
  });

  it('skips the face reasons with face detection off, or when faces were not looked for', () => {
    expect(reasons({ faces: [] }, settings({}, false))).toEqual([]);
    expect(reasons({ faces: [face(1, 1, 5), face(300, 100, 120)] }, settings({}, false))).toEqual([]);
    expect(reasons({ faces: undefined })).toEqual([]);
  });
});

describe('judgeQuality on real photos through the pipeline', () => {
  const judged = async (image: Promise<Buffer>) => {
    const photo = await preparePhoto(await image);
    return judgeQuality({ measures: photo.measures, faces: photo.faces, crop: photo.crop }, settings());
  };
  const reasonsOf = async (image: Promise<Buffer>) => (await judged(image)).map((f) => f.reason);

  it('passes the portrait', async () => {
    expect(await reasonsOf(portrait())).toEqual([]);
  });

  it.each([
    ['dark', darkPortrait, 'tooDark'],
    ['blurred', blurredPortrait, 'blurred'],
    ['flat', flatPicture, 'flat'],
    ['tiny', tinyPortrait, 'tooSmall'],
    ['no-face', noFacePhoto, 'noFace'],
    ['several-faces', severalFacesPhoto, 'severalFaces'],
  ] as const)('finds the %s picture %s', async (_name, make, reason) => {
    expect(await reasonsOf(make())).toContain(reason);
  });
});
