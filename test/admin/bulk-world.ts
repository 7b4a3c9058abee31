/**
 * A world for bulk job tests: the Graph emulator (over loopback, with a directory of generated people written to
 * its data folder), a file store in a temporary folder, the real change service and Graph client (through a fetch
 * that counts the photo writes Graph accepted, per person), the real photo pipeline, and a small planner that
 * matches `<upn>.jpg` to people (the real one is import-plan.ts; jobs take any planner).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  DirectoryPerson,
  ImportSource,
  PeopleDirectory,
  PlannedPhoto,
  SkippedFile,
} from '../../src/admin/admin-contracts.js';
import {
  BULK_PHOTO_LEASE,
  BULK_RETRY_POLICY,
  ImportJobs,
  type ImportJobsDeps,
  type ImportPlanner,
} from '../../src/admin/import-jobs.js';
import { StorageJobQueue } from '../../src/admin/job-queue.js';
import { PhotoChangeService, type ChangeTarget } from '../../src/changes/photo-change-service.js';
import type { EmulatorFaults } from '../../src/emulator/faults.js';
import { SEED_DIRECTORY } from '../../src/emulator/seed-directory.js';
import { GraphPhotoClient } from '../../src/graph/graph-photo-client.js';
import type { Logger } from '../../src/logger.js';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import { AuditLog } from '../../src/storage/audit-log.js';
import { BackupStore } from '../../src/storage/backup-store.js';
import { createStorage, type Storage } from '../../src/storage/index.js';
import { LeaseStore } from '../../src/storage/lease-store.js';
import { startHarness, type Harness } from '../emulator/harness.js';

/** The admin who plans the test jobs (a seeded Global Administrator is not needed: jobs do not check roles). */
export const ADMIN = {
  id: '00000000-0000-0000-0000-0000000000022',
  tenantId: 'tenant-a',
  displayName: 'Adele',
};

/** Generated people: `bulk01@example.com`... */
export function bulkPerson(n: number): DirectoryPerson {
  const nn = n.toString().padStart(2, '0');
  return {
    id: `10000000-0000-0000-0000-0000000000${nn}`,
    displayName: `Bulk Person ${nn}`,
    userPrincipalName: `bulk${nn}@example.com`,
    mail: `bulk${nn}@example.com`,
  };
}

/** A planner that matches `<user principal name>.<ext>` to a person and keeps the bytes where jobs expect them. */
export const testPlanner: ImportPlanner = async ({ source, people, storage, jobId }) => {
  const byUpn = new Map(people.map((person) => [person.userPrincipalName.toLowerCase(), person]));
  const matched: PlannedPhoto[] = [];
  const skipped: SkippedFile[] = [...source.skipped];
  for (const entry of source.entries) {
    const person = byUpn.get(entry.name.replace(/\.[a-z]+$/i, '').toLowerCase());
    if (person === undefined) {
      skipped.push({ file: entry.name, reason: 'unmatched' });
      continue;
    }
    const key = `admin-jobs/${jobId}/files/${matched.length.toString().padStart(5, '0')}`;
    await storage.put(key, await entry.read());
    matched.push({ file: entry.name, person, key, bytes: entry.size });
  }
  return { matched, skipped };
};

/** An import source of named files. */
export function sourceOf(name: string, files: Record<string, Uint8Array>): ImportSource {
  return {
    name,
    skipped: [],
    entries: Object.entries(files).map(([file, bytes]) => ({
      name: file,
      size: bytes.byteLength,
      read: () => Promise.resolve(bytes),
    })),
  };
}

/**
 * A storage that can be "killed" as the process holding it would be: from then on every call fails, so nothing
 * more is recorded, exactly as if the process had died at that point.
 */
export class KillableStorage implements Storage {
  private killed = false;
  /** Called after each successful put or create; return true to die right after it. */
  dieAfter: (key: string) => boolean = () => false;

  constructor(private readonly inner: Storage) {}

  kill(): void {
    this.killed = true;
  }

  private alive(): void {
    if (this.killed) throw new Error('process killed');
  }

  async get(key: string) {
    this.alive();
    return this.inner.get(key);
  }
  async put(key: string, value: Uint8Array, options?: Parameters<Storage['put']>[2]) {
    this.alive();
    await this.inner.put(key, value, options);
    if (this.dieAfter(key)) this.kill();
  }
  async createIfAbsent(key: string, value: Uint8Array, options?: Parameters<Storage['put']>[2]) {
    this.alive();
    const created = await this.inner.createIfAbsent(key, value, options);
    if (created && this.dieAfter(key)) this.kill();
    return created;
  }
  async delete(key: string) {
    this.alive();
    await this.inner.delete(key);
  }
  async take(key: string) {
    this.alive();
    return this.inner.take(key);
  }
  async list(prefix: string) {
    this.alive();
    return this.inner.list(prefix);
  }
  async deleteExpired(prefix: string) {
    this.alive();
    return this.inner.deleteExpired(prefix);
  }
}

/** A logger that keeps what it is told. */
export function recordingLogger(): Logger & { events: { event: string; fields: Record<string, unknown> }[] } {
  const events: { event: string; fields: Record<string, unknown> }[] = [];
  const log = (event: string, fields?: Readonly<Record<string, unknown>>) => {
    events.push({ event, fields: { ...fields } });
  };
  return { events, debug: log, info: log, warn: log, error: log };
}

export interface BulkWorld {
  readonly harness: Harness;
  readonly storage: Storage;
  readonly people: readonly DirectoryPerson[];
  /** Photo writes Graph accepted (2xx PUT or DELETE), per user id. */
  readonly accepted: Map<string, number>;
  /** Called after Graph accepted a photo write for a user, before the client sees the answer. */
  onAccepted: (userId: string) => void;
  readonly appToken: () => Promise<string>;
  /** An instance of the app's jobs over `storage` (default: the world's), as another process would build it. */
  jobs(overrides?: Partial<ImportJobsDeps>): ImportJobs;
  /** The person's photo now, read without faults' help (retried). */
  photoOf(userId: string): Promise<Buffer | null>;
  /** Sets a person's photo as if before the app, bypassing the counts. */
  seedPhoto(userId: string, bytes: Uint8Array): Promise<void>;
  stop(): Promise<void>;
}

/** A repeatable random source, so the injected faults fall the same way every run. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

export async function startBulkWorld(count: number, faults?: EmulatorFaults): Promise<BulkWorld> {
  const people = Array.from({ length: count }, (_, i) => bulkPerson(i + 1));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bulk-emulator-'));
  const directory = structuredClone(SEED_DIRECTORY);
  (directory.users as unknown[]).push(...people.map((person) => ({ ...person })));
  await mkdir(path.join(dataDir, 'emulator'), { recursive: true });
  await writeFile(path.join(dataDir, 'emulator', 'directory.json'), JSON.stringify(directory, null, 2));
  const harness = await startHarness({ dataDir, ...(faults ? { faults } : {}), random: seeded(17) });
  const folder = await mkdtemp(path.join(tmpdir(), 'bulk-jobs-'));
  const storage = createStorage({ kind: 'fs', root: folder, durable: false });
  const accepted = new Map<string, number>();
  const token = harness.app();
  const appToken = () => Promise.resolve(token);
  const world: BulkWorld = {
    harness,
    storage,
    people,
    accepted,
    onAccepted: () => undefined,
    appToken,
    jobs: (overrides = {}) => {
      const store = overrides.storage ?? storage;
      const countingFetch: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        const method = init?.method ?? 'GET';
        const url = input instanceof Request ? input.url : input.toString();
        const user = /\/users\/([^/]+)\/photo/.exec(url)?.[1];
        if (response.ok && (method === 'PUT' || method === 'DELETE') && user !== undefined) {
          const id = decodeURIComponent(user);
          accepted.set(id, (accepted.get(id) ?? 0) + 1);
          world.onAccepted(id);
        }
        return response;
      };
      const graph = new GraphPhotoClient({
        baseUrl: harness.emulator.url,
        fetch: countingFetch,
        retry: BULK_RETRY_POLICY,
        sleep: () => Promise.resolve(),
      });
      const changes = new PhotoChangeService({
        graph,
        backups: new BackupStore<ChangeTarget>({ storage: store, targetKey: (t) => t.subject }),
        audit: new AuditLog({ storage: store }),
        leases: new LeaseStore({ storage: store, namespace: 'photos' }),
        // Short, so that a lease a "killed" run left runs out within the test.
        leaseTerms: { ...BULK_PHOTO_LEASE, ttlMs: 3_000, waitMs: 200 },
      });
      const directoryPeople: PeopleDirectory = {
        allPeople: () =>
          Promise.resolve([
            ...people,
            {
              id: '00000000-0000-0000-0000-000000000041',
              displayName: 'Kiosk',
              userPrincipalName: 'kiosk@example.com',
            },
          ]),
        person: () => Promise.resolve(null),
        searchPeople: () => Promise.resolve([]),
      };
      return new ImportJobs({
        storage: store,
        queue: new StorageJobQueue({ storage: store, name: 'photo-jobs' }),
        leases: new LeaseStore({ storage: store, namespace: 'jobs' }),
        changes,
        // In this thread, without face detection: its WebAssembly would hold this thread past the 1 s job lease these
        // tests use (the app and `profile-photo import` run it on the pool's workers, and leases last 60 s).
        preparer: { run: (bytes) => preparePhoto(bytes, { detectFaces: false }) },
        people: directoryPeople,
        planner: testPlanner,
        appToken,
        leaseMs: 1_000,
        pollMs: 50,
        ...overrides,
      });
    },
    photoOf: async (userId) => {
      const bytes = await plainClient().getPhoto({ kind: 'user', user: userId }, appToken);
      return bytes ? Buffer.from(bytes) : null;
    },
    seedPhoto: async (userId, bytes) => {
      await plainClient().putPhoto({ kind: 'user', user: userId }, bytes, appToken);
    },
    stop: async () => {
      await harness.stop();
      await rm(dataDir, { recursive: true, force: true });
      await rm(folder, { recursive: true, force: true });
    },
  };
  const plainClient = () =>
    new GraphPhotoClient({
      baseUrl: harness.emulator.url,
      retry: { ...BULK_RETRY_POLICY, maxAttempts: 30 },
      sleep: () => Promise.resolve(),
    });
  return world;
}
