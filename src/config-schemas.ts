/**
 * The schemas the configuration's variables are declared with (see config-variables.ts): whole numbers in a range,
 * text with a default, one of a few words, URLs that must be https unless they point at this machine. Each takes
 * `undefined` for "not set" and gives the default then.
 */
import { z } from 'zod/v3';

export interface VariableSpec<T> {
  /** How the value is parsed and checked; `undefined` input means "not set". */
  readonly schema: z.ZodType<T, z.ZodTypeDef, string | undefined>;
  /** The default, as the README shows it. */
  readonly defaultText: string;
  readonly description: string;
  /** Secrets are never logged, not even in part. */
  readonly secret?: boolean;
}

export function integer(
  min: number,
  max: number,
  fallback: () => number,
): z.ZodType<number, z.ZodTypeDef, string | undefined> {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback());
}

export function text(fallback: string): z.ZodType<string, z.ZodTypeDef, string | undefined> {
  return z
    .string()
    .trim()
    .min(1)
    .optional()
    .transform((value) => value ?? fallback);
}

export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
): z.ZodType<T[number], z.ZodTypeDef, string | undefined> {
  return z
    .enum(values)
    .optional()
    .transform((value) => value ?? fallback);
}

/** An optional value with no default: `undefined` when not set. */
export function optional(): z.ZodType<string | undefined, z.ZodTypeDef, string | undefined> {
  return z.string().trim().min(1).optional();
}

/** A URL that is https, or http only when it points at this machine (the local emulator, a test's server). */
export function httpsUrlText(): z.ZodType<string, z.ZodTypeDef, string> {
  return z
    .string()
    .trim()
    .refine((value) => URL.canParse(value), 'must be a URL')
    .refine((value) => {
      if (!URL.canParse(value)) return true; // reported by the check above
      const url = new URL(value);
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
      return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
    }, 'must be https (http only for localhost)');
}

/** An optional URL with no default; https unless it points at this machine (a test's local server). */
export function optionalHttpsUrl(): z.ZodType<string | undefined, z.ZodTypeDef, string | undefined> {
  return httpsUrlText().optional();
}

/** A URL; https unless it points at this machine (the local emulator). */
export function httpsUrl(fallback: string): z.ZodType<string, z.ZodTypeDef, string | undefined> {
  return httpsUrlText()
    .optional()
    .transform((value) => (value ?? fallback).replace(/\/+$/, ''));
}

export function share(): z.ZodType<number, z.ZodTypeDef, string | undefined> {
  return z
    .string()
    .trim()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a number from 0 to 1')
    .transform(Number)
    .optional()
    .transform((value) => value ?? 0);
}
