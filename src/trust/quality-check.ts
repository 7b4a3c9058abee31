/**
 * The quality checks of a prepared photo (issue 18): one face, present and large enough in the kept square; not
 * too dark; not blurred; not mostly one flat colour; not too small once cropped. Pure: the photo's measures, the
 * faces found and the crop in, a list of typed findings out. What a finding does (nothing, a warning with
 * **Use anyway**, a refusal) is the organisation's mode (`QUALITY_CHECKS`), applied by the chat handler and the page.
 */
import type { TrustConfig } from '../config-trust.js';
import { AppError } from '../errors.js';
import type { FaceBox } from '../photo/face-detector.js';
import type { Box } from '../photo/orientation.js';
import type { PreparedPhoto } from '../photo/photo-pipeline.js';
import type { PhotoMeasures } from '../photo/photo-measures.js';

export type { FaceBox };

/** Why a photo may not make a good profile photo; the key of its text is `quality.reason.<reason>`. */
export type QualityReason =
  'noFace' | 'severalFaces' | 'faceTooSmall' | 'tooDark' | 'blurred' | 'flat' | 'tooSmall';

/** Every reason, in the order findings are listed. */
export const QUALITY_REASONS: readonly QualityReason[] = [
  'noFace',
  'severalFaces',
  'faceTooSmall',
  'tooDark',
  'blurred',
  'flat',
  'tooSmall',
];

/** One finding: its reason, the value measured and the limit it crossed (for logs and the page). */
export interface QualityFinding {
  readonly reason: QualityReason;
  readonly value: number;
  readonly limit: number;
}

/** What the checks look at. */
export interface QualityInput {
  readonly measures: PhotoMeasures;
  /** The faces found; `undefined` when face detection did not run (then no face reason is given). */
  readonly faces?: readonly FaceBox[] | undefined;
  /** The kept square, in the upright source picture's pixels. */
  readonly crop: Box;
}

/** The thresholds (`config.trust.quality`), and whether faces are looked for at all (`config.trust.faceDetection`). */
export interface QualitySettings {
  readonly quality: TrustConfig['quality'];
  readonly faceDetection: boolean;
}

/**
 * The findings of one photo, in {@link QUALITY_REASONS} order; none for a good photo. With mode `off` there are none
 * (nothing is looked at). The face reasons need `faceDetection` on and the faces found: a face counts when its
 * centre lies in the crop; `faceTooSmall` compares the largest such face's height with the crop's side.
 */
export function judgeQuality(input: QualityInput, settings: QualitySettings): QualityFinding[] {
  const q = settings.quality;
  if (q.mode === 'off') return [];
  const { measures, crop } = input;
  const findings: QualityFinding[] = [];
  if (settings.faceDetection && input.faces !== undefined) {
    const inCrop = input.faces.filter((face) => centreIn(face, crop));
    if (inCrop.length === 0) findings.push({ reason: 'noFace', value: 0, limit: 1 });
    else if (inCrop.length > 1) findings.push({ reason: 'severalFaces', value: inCrop.length, limit: 1 });
    else {
      const largest = Math.max(...inCrop.map((face) => face.height));
      const share = crop.width > 0 ? largest / crop.width : 0;
      if (share < q.minFaceShare)
        findings.push({ reason: 'faceTooSmall', value: share, limit: q.minFaceShare });
    }
  }
  if (measures.brightness < q.minBrightness) {
    findings.push({ reason: 'tooDark', value: measures.brightness, limit: q.minBrightness });
  }
  const flat = measures.flatShare > q.maxFlatShare;
  // A flat picture has no edges to be sharp or blurred: "mostly one colour" says it, "blurred" would mislead.
  if (measures.sharpness < q.minSharpness && !flat) {
    findings.push({ reason: 'blurred', value: measures.sharpness, limit: q.minSharpness });
  }
  if (flat) {
    findings.push({ reason: 'flat', value: measures.flatShare, limit: q.maxFlatShare });
  }
  if (measures.cropSide < q.minSide) {
    findings.push({ reason: 'tooSmall', value: measures.cropSide, limit: q.minSide });
  }
  return findings;
}

function centreIn(face: FaceBox, crop: Box): boolean {
  const cx = face.x + face.width / 2;
  const cy = face.y + face.height / 2;
  return cx >= crop.x && cx < crop.x + crop.width && cy >= crop.y && cy < crop.y + crop.height;
}

/**
 * A photo the quality checks stopped: `PhotoQualityBlocked` (mode `block`), or `PhotoQualityWarning` (mode `warn`,
 * when the caller did not say to use it anyway). Carries the findings, for the page to list.
 */
export class QualityRefusal extends AppError<'PhotoQualityBlocked' | 'PhotoQualityWarning'> {
  constructor(
    code: 'PhotoQualityBlocked' | 'PhotoQualityWarning',
    readonly findings: readonly QualityFinding[],
  ) {
    super(code, findings.map((finding) => finding.reason).join(','));
  }
}

/**
 * What the quality checks say about a photo someone is about to set: nothing (go on), or the refusal to throw.
 * @param useAnyway the person has seen the warning and chose to go on (ignored in mode `block`)
 */
export function qualityRefusal(
  findings: readonly QualityFinding[],
  mode: TrustConfig['quality']['mode'],
  useAnyway: boolean,
): QualityRefusal | null {
  if (findings.length === 0 || mode === 'off') return null;
  if (mode === 'block') return new QualityRefusal('PhotoQualityBlocked', findings);
  return useAnyway ? null : new QualityRefusal('PhotoQualityWarning', findings);
}

/**
 * The faces the checks may judge: none (`undefined`, no face reason) when face detection is off or did not run for
 * this photo (a detector that failed to load must not turn every photo into "no face").
 */
export function judgedFaces(
  photo: Pick<PreparedPhoto, 'faces' | 'facesLookedFor'>,
  settings: Pick<QualitySettings, 'faceDetection'>,
): readonly FaceBox[] | undefined {
  return settings.faceDetection && photo.facesLookedFor ? photo.faces : undefined;
}
