/** Reading untyped JSON (a manifest, an Entra app manifest) without trusting its shape. */

/** A JSON object. */
export type Json = Record<string, unknown>;

/** The value if it is an array, else an empty one. */
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** The value if it is a string, else an empty one. */
export const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
/** The value if it is an object (not an array), else an empty one. */
export const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
