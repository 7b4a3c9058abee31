/**
 * Plans an import: matches each file of a zip or folder to a person (a `mapping.csv` row wins for the files it
 * names), checks by its first bytes that it is an image, and keeps its bytes in storage under a numbered key of the
 * job (`admin-jobs/<jobId>/files/00042`), never under the file's own name. Files are read a few at a time, so memory
 * stays flat however large the zip. The job record itself is the job service's; so is refusing a plan with nothing
 * in it.
 */
import { sniffFormat } from '../photo/image-format.js';
import { mapLimited } from '../storage/concurrency.js';
import { validateKey, type Storage } from '../storage/storage.js';
import type {
  DirectoryPerson,
  ImportEntry,
  ImportPlan,
  ImportSource,
  PlannedPhoto,
  SkippedFile,
} from './admin-contracts.js';
import { MAPPING_FILE } from './entry-names.js';
import { EntryReadError } from './entry-read.js';
import { mappingFileKey, parseMappingCsv, type Mapping } from './mapping-csv.js';
import { createPersonIndex, type PersonIndex, type PersonMatch } from './person-match.js';

/** Files read and stored at once while planning. */
export const PLAN_CONCURRENCY = 4;

/** What {@link planImport} needs. */
export interface PlanImportRequest {
  /** The zip or folder, with the text of its `mapping.csv` when it has one. */
  readonly source: ImportSource & { readonly mapping?: string };
  readonly people: readonly DirectoryPerson[];
  readonly storage: Storage;
  /** The job the kept files belong to: one key segment. */
  readonly jobId: string;
  /** When the kept files expire (milliseconds since the epoch), so a plan never started cleans itself up. */
  readonly expiresAt?: number;
  /** Files read at once; {@link PLAN_CONCURRENCY} unless given. */
  readonly concurrency?: number;
}

/** The storage key of the `index`-th file of job `jobId`'s source (`admin-jobs/<jobId>/files/00042`). */
export function importFileKey(jobId: string, index: number): string {
  return validateKey(`admin-jobs/${jobId}/files/${String(index).padStart(5, '0')}`);
}

/** Where each file ended up. */
type Outcome =
  | { readonly kind: 'kept'; readonly person: DirectoryPerson; readonly key: string; readonly bytes: number }
  | { readonly kind: 'skipped'; readonly skip: SkippedFile }
  | { readonly kind: 'failed'; readonly error: unknown };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

/**
 * Builds the plan of an import. A file is `unmatched` or `ambiguous` without being read; a matched file is read,
 * checked (`nested-zip`, `not-an-image`, `unreadable`) and stored; when several usable files match one person, none
 * of them is used (`duplicate-person`) and their stored bytes are deleted again. Problems of `mapping.csv` are
 * reported as skipped `mapping.csv:<line>` files. A storage failure rejects, after deleting what this call stored.
 */
export async function planImport(request: PlanImportRequest): Promise<ImportPlan> {
  const { source, storage, jobId } = request;
  // Checks the job id before anything is read or stored.
  importFileKey(jobId, 0);
  const index = createPersonIndex(request.people);
  const mapping = source.mapping === undefined ? undefined : parseMappingCsv(source.mapping);
  const mappingSkips: SkippedFile[] = (mapping?.problems ?? []).map((problem) => ({
    file: `${MAPPING_FILE}:${problem.line}`,
    reason: 'unreadable',
  }));

  const outcomes = await mapLimited(
    source.entries.map((entry, i) => ({ entry, i })),
    request.concurrency ?? PLAN_CONCURRENCY,
    async ({ entry, i }): Promise<Outcome> => {
      const match = matchEntry(entry, index, mapping);
      if (match.kind === 'none') return skipped(entry, 'unmatched');
      if (match.kind === 'ambiguous') {
        return skipped(
          entry,
          'ambiguous',
          match.candidates.map((person) => person.userPrincipalName),
        );
      }
      try {
        return await keep(entry, match.person, importFileKey(jobId, i), request);
      } catch (error) {
        return { kind: 'failed', error };
      }
    },
  );

  const kept = outcomes.flatMap((outcome) => (outcome.kind === 'kept' ? [outcome.key] : []));
  const failure = outcomes.find((outcome) => outcome.kind === 'failed');
  if (failure !== undefined) {
    await Promise.allSettled(kept.map((key) => storage.delete(key)));
    throw failure.error;
  }

  const filesPerPerson = new Map<string, number>();
  for (const outcome of outcomes) {
    if (outcome.kind === 'kept') {
      filesPerPerson.set(outcome.person.id, (filesPerPerson.get(outcome.person.id) ?? 0) + 1);
    }
  }
  const matched: PlannedPhoto[] = [];
  const skippedFiles: SkippedFile[] = [...source.skipped, ...mappingSkips];
  const dropped: string[] = [];
  outcomes.forEach((outcome, i) => {
    const file = (source.entries[i] as ImportEntry).name;
    if (outcome.kind === 'skipped') {
      skippedFiles.push(outcome.skip);
    } else if (outcome.kind === 'kept' && (filesPerPerson.get(outcome.person.id) ?? 0) > 1) {
      dropped.push(outcome.key);
      skippedFiles.push({
        file,
        reason: 'duplicate-person',
        candidates: [outcome.person.userPrincipalName],
      });
    } else if (outcome.kind === 'kept') {
      matched.push({ file, person: outcome.person, key: outcome.key, bytes: outcome.bytes });
    }
  });
  await Promise.all(dropped.map((key) => storage.delete(key)));
  return { matched, skipped: skippedFiles };
}

/** A mapping row for the file (by its path, else by its base name) wins; otherwise the file's own name. */
function matchEntry(entry: ImportEntry, index: PersonIndex, mapping: Mapping | undefined): PersonMatch {
  if (mapping !== undefined) {
    const key = mappingFileKey(entry.name);
    const user = mapping.users.get(key) ?? mapping.users.get(key.slice(key.lastIndexOf('/') + 1));
    if (user !== undefined) return index.matchUser(user);
  }
  return index.matchFile(entry.name);
}

/** Reads, checks and stores one matched file; only a storage failure rejects. */
async function keep(
  entry: ImportEntry,
  person: DirectoryPerson,
  key: string,
  request: PlanImportRequest,
): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = await entry.read();
  } catch (error) {
    if (error instanceof EntryReadError) return skipped(entry, 'unreadable');
    throw error;
  }
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return skipped(entry, 'nested-zip');
  const format = sniffFormat(bytes);
  if (format === null) return skipped(entry, 'not-an-image');
  await request.storage.put(key, bytes, {
    contentType: `image/${format}`,
    ...(request.expiresAt === undefined ? {} : { expiresAt: request.expiresAt }),
  });
  return { kind: 'kept', person, key, bytes: bytes.length };
}

function skipped(entry: ImportEntry, reason: SkippedFile['reason'], candidates?: string[]): Outcome {
  return {
    kind: 'skipped',
    skip: candidates === undefined ? { file: entry.name, reason } : { file: entry.name, reason, candidates },
  };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
