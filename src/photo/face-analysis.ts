/**
 * The pipeline's side of face detection: a small upright copy of the decoded picture goes to the face thread,
 * and the faces come back in the decoded picture's upright pixels. A detector that is missing or fails yields null,
 * and the pipeline crops without faces; nothing about the picture is logged.
 */
import { areaResample } from './area-resample.js';
import { FACE_ANALYSIS_SHORT_SIDE, FACE_ANALYSIS_SIDE, type FaceBox } from './face-detector.js';
import { detectFaces } from './face-thread.js';
import type { JimpImage } from './jimp-image.js';
import { uprightSize, type Orientation } from './orientation.js';

/** A face analysis under way. */
export interface FaceAnalysis {
  /**
   * The small upright copy the detector looks at (at most {@link FACE_ANALYSIS_SIDE} a side and, where that
   * allows, {@link FACE_ANALYSIS_SHORT_SIDE} on the shorter side; opaque): the salient crop scores a smaller copy of
   * it rather than reading the whole picture again.
   */
  readonly copy: JimpImage;
  /**
   * Faces in the decoded picture's upright pixels (fractional), the most confident first; null when no detector
   * could run or it failed on this picture. Found on the face thread (face-thread.ts) while the caller goes on.
   */
  readonly faces: Promise<FaceBox[] | null>;
}

/**
 * Makes the detector's copy of the decoded picture and starts looking for faces in it.
 * @param image the decoded picture as stored (not yet turned upright)
 */
export function startFaceAnalysis(image: JimpImage, opaque: boolean, orientation: Orientation): FaceAnalysis {
  const { width, height } = image.bitmap;
  const upright = uprightSize(width, height, orientation);
  const scale = Math.min(
    1,
    FACE_ANALYSIS_SIDE / Math.max(width, height),
    FACE_ANALYSIS_SHORT_SIDE / Math.min(width, height),
  );
  // A rough average of every few pixels is enough for the detector: read every step-th pixel of every step-th row,
  // as long as each analysis pixel still gets at least one of them.
  const step = Math.max(1, Math.floor(1 / scale));
  const copy = areaResample(
    image,
    { x: 0, y: 0, width, height },
    Math.max(1, Math.min(FACE_ANALYSIS_SIDE, Math.round(width * scale))),
    Math.max(1, Math.min(FACE_ANALYSIS_SIDE, Math.round(height * scale))),
    { opaque, step, orientation },
  );
  const sx = upright.width / copy.bitmap.width;
  const sy = upright.height / copy.bitmap.height;
  const faces = detectFaces(copy.bitmap).then((found) =>
    found
      ? found.map((face) => ({
          x: face.x * sx,
          y: face.y * sy,
          width: face.width * sx,
          height: face.height * sy,
          score: face.score,
        }))
      : null,
  );
  return { copy, faces };
}

/**
 * Faces from the decoded picture's upright pixels to the upright source's (`reduction` times larger), each rounded
 * outwards to whole pixels and kept inside the picture, so a square that held a face still holds it.
 */
export function facesAtSourceScale(
  faces: readonly FaceBox[],
  reduction: number,
  source: { width: number; height: number },
): FaceBox[] {
  return faces.map((face) => {
    const x = Math.max(0, Math.floor(face.x * reduction));
    const y = Math.max(0, Math.floor(face.y * reduction));
    const right = Math.min(source.width, Math.ceil((face.x + face.width) * reduction));
    const bottom = Math.min(source.height, Math.ceil((face.y + face.height) * reduction));
    return { x, y, width: right - x, height: bottom - y, score: Math.round(face.score * 1000) / 1000 };
  });
}
