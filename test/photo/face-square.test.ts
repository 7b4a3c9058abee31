/** The face square's geometry (face-crop.ts) and the pipeline without a detector. */
import { readFile } from 'node:fs/promises';
import { contains, faceSquare } from '../../src/photo/face-crop.js';
import {
  facePackages,
  faceDetector,
  resetFaceDetectorForTests,
  type FaceBox,
} from '../../src/photo/face-detector.js';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';

const face = (x: number, y: number, side: number, score = 0.9): FaceBox => ({
  x,
  y,
  width: side,
  height: side,
  score,
});

describe('faceSquare', () => {
  it('puts the face at half the height, the eyes a third down, centred across', () => {
    const found = face(900, 300, 200);
    const square = faceSquare([found], 2000, 1500, 100);
    expect(square?.box).toEqual({ x: 800, y: 247, width: 400, height: 400 });
    expect(square?.basedOn).toEqual([found]);
  });

  it('never makes the square smaller than the minimum side (a tiny face gets a wider square)', () => {
    const square = faceSquare([face(1000, 700, 20)], 2000, 1500, 648);
    expect(square?.box.width).toBe(648);
    expect(contains(square!.box, face(1000, 700, 20))).toBe(true);
  });

  it('clamps the square inside the picture and keeps a face at an edge in it', () => {
    const atCorner = face(0, 0, 120);
    const square = faceSquare([atCorner], 1000, 600, 100);
    expect(square?.box).toEqual({ x: 0, y: 0, width: 240, height: 240 });
    const right = face(880, 400, 120);
    const other = faceSquare([right], 1000, 600, 100)!.box;
    expect(other.x + other.width).toBe(1000);
    expect(other.y + other.height).toBeLessThanOrEqual(600);
    expect(contains(other, right)).toBe(true);
  });

  it('frames the whole group, leaving out faces under half the largest', () => {
    const group = [face(400, 400, 100), face(600, 420, 90), face(800, 380, 110)];
    const passerBy = face(50, 100, 30);
    const square = faceSquare([...group, passerBy], 2000, 1500, 100)!;
    expect(square.basedOn).toEqual(group);
    for (const member of group) expect(contains(square.box, member)).toBe(true);
    expect(contains(square.box, passerBy)).toBe(false);
  });

  it('holds a tall group (one face far below the other) even where the eyes rule would cut the lower one', () => {
    const group = [face(500, 500, 100), face(520, 1000, 100)];
    const square = faceSquare(group, 2000, 1500, 100)!;
    for (const member of group) expect(contains(square.box, member)).toBe(true);
  });

  it('frames the largest face alone when the group does not fit in the picture', () => {
    const largest = face(1300, 200, 150);
    const square = faceSquare([face(50, 200, 140), largest], 1500, 600, 100)!;
    expect(square.basedOn).toEqual([largest]);
    expect(contains(square.box, largest)).toBe(true);
    expect(square.box.width).toBe(300);
  });

  it('has nothing to frame without faces', () => {
    expect(faceSquare([], 1000, 600, 100)).toBeNull();
  });
});

describe('without a detector', () => {
  const modelDir = facePackages.modelDir;
  afterEach(() => {
    facePackages.modelDir = modelDir;
    resetFaceDetectorForTests();
  });

  it('crops on the salient square and reports no faces when the model cannot load', async () => {
    facePackages.modelDir = () => '/nonexistent/face-model';
    resetFaceDetectorForTests();
    expect(await faceDetector()).toBeNull();
    const input = await readFile(new URL('../fixtures/faces/edge-face.jpg', import.meta.url));
    const photo = await preparePhoto(input);
    expect(photo.crop.method).toBe('salient');
    expect(photo.faces).toEqual([]);
  });
});
