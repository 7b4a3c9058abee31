/** Messages between the photo pool and its worker threads. */
import type { ErrorCode } from '../errors.js';
import type { PrepareOptions, PreparedPhoto } from './photo-pipeline.js';

export interface JobRequest {
  readonly id: number;
  readonly input: Uint8Array;
  readonly options: PrepareOptions;
}

export type JobResponse =
  | { readonly id: number; readonly ok: true; readonly photo: PreparedPhoto }
  /** `code` is null for a failure the app has no code for (a bug); `detail` then names only the error's type. */
  | { readonly id: number; readonly ok: false; readonly code: ErrorCode | null; readonly detail: string };
