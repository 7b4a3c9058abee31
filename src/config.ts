/**
 * The one reader of `process.env`: every setting the app has, validated once at start-up.
 *
 * Each variable is declared once in {@link CONFIG_VARIABLES} with its schema, default and description; the
 * README's configuration table is generated from the same list (`npm run docs:config`), and a test keeps the
 * two in step. {@link loadConfig} returns a frozen, typed object or throws a {@link ConfigError} that lists
 * every problem at once.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

interface VariableSpec<T> {
  /** How the value is parsed and checked; `undefined` input means "not set". */
  readonly schema: z.ZodType<T, string | undefined>;
  /** The default, as the README shows it. */
  readonly defaultText: string;
  readonly description: string;
  /** Secrets are never logged, not even in part. */
  readonly secret?: boolean;
}

function integer(min: number, max: number, fallback: () => number): z.ZodType<number, string | undefined> {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback());
}

function text(fallback: string): z.ZodType<string, string | undefined> {
  return z
    .string()
    .trim()
    .min(1)
    .optional()
    .transform((value) => value ?? fallback);
}

function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
): z.ZodType<T[number], string | undefined> {
  return z
    .enum(values)
    .optional()
    .transform((value) => value ?? fallback);
}

const MiB = 1024 * 1024;

/** Every environment variable the app reads, in the order the README lists them. */
export const CONFIG_VARIABLES = {
  DATA_DIR: {
    schema: text('./.data'),
    defaultText: './.data',
    description: 'Local data: emulator directory and photos, signing key, backups, audit, pending state.',
  },
  LOG_LEVEL: {
    schema: oneOf(['debug', 'info', 'warn', 'error', 'silent'], 'info'),
    defaultText: 'info',
    description: 'Least severe log level written: debug, info, warn, error or silent.',
  },
  PHOTO_MAX_INPUT_BYTES: {
    schema: integer(1024, 200 * MiB, () => 25 * MiB),
    defaultText: String(25 * MiB),
    description: 'Largest image file accepted, in bytes (25 MiB); larger input is refused as ImageTooLarge.',
  },
  PHOTO_POOL_SIZE: {
    schema: integer(1, 64, () => Math.max(1, availableParallelism() - 1)),
    defaultText: 'CPU count - 1 (at least 1)',
    description: 'Worker threads preparing photos at once; the main thread keeps a core for the bot.',
  },
  PHOTO_QUEUE_LIMIT: {
    schema: integer(0, 10_000, () => 64),
    defaultText: '64',
    description: 'Photo jobs allowed to wait for a worker; one more is refused as ServerBusy.',
  },
  PHOTO_JOB_TIMEOUT_MS: {
    schema: integer(100, 600_000, () => 30_000),
    defaultText: '30000',
    description:
      'Longest a photo job may run; its worker is then stopped and replaced (ImageProcessingTimeout).',
  },
} satisfies Record<string, VariableSpec<unknown>>;

type Variables = typeof CONFIG_VARIABLES;

/** The app's settings, parsed. */
export interface AppConfig {
  readonly dataDir: string;
  readonly logLevel: z.output<Variables['LOG_LEVEL']['schema']>;
  readonly photo: {
    readonly maxInputBytes: number;
    readonly poolSize: number;
    readonly queueLimit: number;
    readonly jobTimeoutMs: number;
  };
}

/** Start-up refused because of the environment; `problems` has one line per variable. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type ParsedVariables = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

function parseVariables(env: NodeJS.ProcessEnv): ParsedVariables {
  const problems: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CONFIG_VARIABLES) as [string, VariableSpec<unknown>][]) {
    const raw = env[name];
    const result = spec.schema.safeParse(raw === '' ? undefined : raw);
    if (result.success) {
      parsed[name] = result.data;
    } else {
      const reason = result.error.issues.map((issue) => issue.message).join('; ');
      problems.push(spec.secret ? `${name}: invalid` : `${name}=${JSON.stringify(raw)}: ${reason}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed as ParsedVariables;
}

/**
 * Reads and validates the environment once.
 * @param env the environment to read; `process.env` unless a test hands in its own
 * @throws ConfigError listing everything that is wrong
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const v = parseVariables(env);
  return deepFreeze({
    dataDir: path.resolve(v.DATA_DIR),
    logLevel: v.LOG_LEVEL,
    photo: {
      maxInputBytes: v.PHOTO_MAX_INPUT_BYTES,
      poolSize: v.PHOTO_POOL_SIZE,
      queueLimit: v.PHOTO_QUEUE_LIMIT,
      jobTimeoutMs: v.PHOTO_JOB_TIMEOUT_MS,
    },
  });
}

/** A one-line summary of the configuration that is safe to log (no secrets). */
export function describeConfig(config: AppConfig): string {
  const p = config.photo;
  return [
    `data=${config.dataDir}`,
    `log=${config.logLevel}`,
    `photo.maxInputBytes=${p.maxInputBytes}`,
    `photo.pool=${p.poolSize}`,
    `photo.queue=${p.queueLimit}`,
    `photo.timeoutMs=${p.jobTimeoutMs}`,
  ].join(' ');
}

/** The README's configuration table, generated from {@link CONFIG_VARIABLES}. */
export function configTableMarkdown(): string {
  const rows = Object.entries(CONFIG_VARIABLES).map(
    ([name, spec]) => `| \`${name}\` | ${spec.defaultText} | ${spec.description} |`,
  );
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (inner !== null && typeof inner === 'object') deepFreeze(inner as object);
  }
  return Object.freeze(value);
}
