/**
 * The trust settings (issue 18): face detection, quality checks, the organisation's photo rules, approval, and how
 * long backups are kept. Declared here and spread into {@link CONFIG_VARIABLES}, so the README table and the one
 * loader (`loadConfig`) cover them like every other variable.
 */
import { integer, oneOf, optional, type VariableSpec } from './config-schemas.js';

/** What a quality finding does: nothing, a warning with **Use anyway**, or a refusal. */
export type QualityMode = 'off' | 'warn' | 'block';

/** Whose changes need an approver's yes: nobody, everyone, or the members of one group. */
export type ApprovalMode = 'off' | 'everyone' | 'group';

export const TRUST_VARIABLES = {
  FACE_DETECTION: {
    schema: oneOf(['on', 'off'], 'on'),
    defaultText: 'on',
    description:
      'Centre the automatic crop on a detected face (`off`: saliency only, the crop labelled `salient`).',
  },
  QUALITY_CHECKS: {
    schema: oneOf(['off', 'warn', 'block'], 'warn'),
    defaultText: 'warn',
    description:
      'What a quality finding (no face, several faces, too dark, blurred, flat, too small) does: nothing, a warning with **Use anyway**, or a refusal.',
  },
  QUALITY_MIN_BRIGHTNESS: {
    schema: integer(0, 255, () => 50),
    defaultText: '50',
    description: 'A photo whose mean brightness (0-255) is below this is "too dark".',
  },
  QUALITY_MIN_SHARPNESS: {
    schema: integer(0, 100_000, () => 80),
    defaultText: '80',
    description:
      'A photo whose sharpness (variance of the Laplacian of a 256-pixel grey copy) is below this is "blurred".',
  },
  QUALITY_MAX_FLAT_PERCENT: {
    schema: integer(1, 100, () => 85),
    defaultText: '85',
    description:
      'A photo with more than this share (%) of its pixels in one colour is "mostly one flat colour".',
  },
  QUALITY_MIN_SIDE: {
    schema: integer(96, 648, () => 200),
    defaultText: '200',
    description: 'A photo whose kept square is smaller than this many source pixels a side is "too small".',
  },
  QUALITY_MIN_FACE_PERCENT: {
    schema: integer(1, 100, () => 15),
    defaultText: '15',
    description:
      'The face\'s height as a share (%) of the photo\'s side below which the face is "too small".',
  },
  PHOTO_POLICY_CACHE_SECONDS: {
    schema: integer(0, 86_400, () => 300),
    defaultText: '300',
    description:
      "How long the organisation's photo rules (Graph `photoUpdateSettings`) are reused before they are read again.",
  },
  PHOTO_ADMIN_CONTACT: {
    schema: optional(),
    defaultText: 'unset ("your IT admin")',
    description:
      'Who people should ask when the organisation has turned photo changes off (a name, mail address or link).',
  },
  APPROVAL: {
    schema: oneOf(['off', 'everyone', 'group'], 'off'),
    defaultText: 'off',
    description:
      'Whose photo changes wait for an approver: nobody, everyone, or the members of `APPROVAL_GROUP_ID`.',
  },
  APPROVAL_GROUP_ID: {
    schema: optional(),
    defaultText: 'unset',
    description: 'With `APPROVAL=group`: the Entra group whose members (direct or nested) need approval.',
  },
  APPROVERS_GROUP_ID: {
    schema: optional(),
    defaultText: 'unset',
    description:
      'The Entra group whose members (direct or nested) approve or reject; needed unless `APPROVAL=off`.',
  },
  APPROVAL_EXPIRY_HOURS: {
    schema: integer(1, 720, () => 72),
    defaultText: '72',
    description: 'How long a request waits for a decision before it expires (nothing changes).',
  },
  BACKUP_RETENTION_DAYS: {
    schema: integer(1, 3650, () => 90),
    defaultText: '90',
    description:
      'How long the photo a change replaced is kept for Undo; a cleanup removes older backups (audit entries stay).',
  },
  RETENTION_SWEEP_MINUTES: {
    schema: integer(1, 1440, () => 60),
    defaultText: '60',
    description: 'How often the cleanup of old backups runs.',
  },
} satisfies Record<string, VariableSpec<unknown>>;

/** The parsed trust settings. */
export interface TrustConfig {
  readonly faceDetection: boolean;
  readonly quality: {
    readonly mode: QualityMode;
    readonly minBrightness: number;
    readonly minSharpness: number;
    /** 0-1. */
    readonly maxFlatShare: number;
    readonly minSide: number;
    /** 0-1. */
    readonly minFaceShare: number;
  };
  readonly policy: {
    readonly cacheMs: number;
    /** `undefined`: the texts say "your IT admin". */
    readonly adminContact: string | undefined;
  };
  readonly approval: {
    readonly mode: ApprovalMode;
    /** With mode `group`: whose changes need approval. */
    readonly groupId: string | undefined;
    readonly approversGroupId: string | undefined;
    readonly expiryMs: number;
  };
  readonly retention: {
    readonly backupMs: number;
    readonly sweepMs: number;
  };
}

/** The parsed variables; one that was invalid is `undefined` here (and reported), whatever its type says. */
type Values = {
  readonly FACE_DETECTION: 'on' | 'off';
  readonly QUALITY_CHECKS: QualityMode;
  readonly QUALITY_MIN_BRIGHTNESS: number;
  readonly QUALITY_MIN_SHARPNESS: number;
  readonly QUALITY_MAX_FLAT_PERCENT: number;
  readonly QUALITY_MIN_SIDE: number;
  readonly QUALITY_MIN_FACE_PERCENT: number;
  readonly PHOTO_POLICY_CACHE_SECONDS: number;
  readonly PHOTO_ADMIN_CONTACT: string | undefined;
  readonly APPROVAL: ApprovalMode | undefined;
  readonly APPROVAL_GROUP_ID: string | undefined;
  readonly APPROVERS_GROUP_ID: string | undefined;
  readonly APPROVAL_EXPIRY_HOURS: number;
  readonly BACKUP_RETENTION_DAYS: number;
  readonly RETENTION_SWEEP_MINUTES: number;
};

const DAY_MS = 86_400_000;

/**
 * The trust section of the config; a problem line for each combination that cannot work (approval without
 * approvers, approval for a group without the group).
 */
export function trustConfig(v: Values, problems: string[]): TrustConfig {
  // An invalid variable reads as unset (it is reported already): only a valid mode is checked further.
  if (v.APPROVAL !== undefined && v.APPROVAL !== 'off' && v.APPROVERS_GROUP_ID === undefined) {
    problems.push(`APPROVAL=${v.APPROVAL} needs APPROVERS_GROUP_ID`);
  }
  if (v.APPROVAL === 'group' && v.APPROVAL_GROUP_ID === undefined) {
    problems.push('APPROVAL=group needs APPROVAL_GROUP_ID');
  }
  return {
    faceDetection: v.FACE_DETECTION === 'on',
    quality: {
      mode: v.QUALITY_CHECKS,
      minBrightness: v.QUALITY_MIN_BRIGHTNESS,
      minSharpness: v.QUALITY_MIN_SHARPNESS,
      maxFlatShare: v.QUALITY_MAX_FLAT_PERCENT / 100,
      minSide: v.QUALITY_MIN_SIDE,
      minFaceShare: v.QUALITY_MIN_FACE_PERCENT / 100,
    },
    policy: { cacheMs: v.PHOTO_POLICY_CACHE_SECONDS * 1000, adminContact: v.PHOTO_ADMIN_CONTACT },
    approval: {
      mode: v.APPROVAL ?? 'off',
      groupId: v.APPROVAL_GROUP_ID,
      approversGroupId: v.APPROVERS_GROUP_ID,
      expiryMs: v.APPROVAL_EXPIRY_HOURS * 3_600_000,
    },
    retention: {
      backupMs: v.BACKUP_RETENTION_DAYS * DAY_MS,
      sweepMs: v.RETENTION_SWEEP_MINUTES * 60_000,
    },
  };
}
