/**
 * The admin services as the bot and the command line build them, against the Graph emulator on loopback and a file
 * store: the gate reads roles from Graph, photo changes take the same photo leases as the rest of the app, jobs go
 * through the queue in the storage, and an import's limits come from the configuration.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAdminServices, type AdminServices } from '../../src/admin/admin-services.js';
import { adminAppTokens } from '../../src/admin/app-tokens.js';
import { LOCAL_APP_OBJECT_ID } from '../../src/auth/local-token-issuer.js';
import { loadConfig, type AppConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { preparePhoto } from '../../src/photo/photo-pipeline.js';
import { FsStorage } from '../../src/storage/fs-storage.js';
import { LeaseStore } from '../../src/storage/lease-store.js';
import type { Storage } from '../../src/storage/storage.js';
import { SEED, startHarness, type Harness } from '../emulator/harness.js';
import { distinctJpeg } from '../helpers/admin-cli.js';

let harness: Harness;
let root: string;
let storage: Storage;
let config: AppConfig;
let services: AdminServices;

beforeAll(async () => {
  harness = await startHarness();
  root = await mkdtemp(path.join(tmpdir(), 'admin-services-'));
  storage = new FsStorage({ root });
  config = loadConfig({
    DATA_DIR: harness.dataDir,
    ZIP_MAX_ENTRIES: '321',
    PHOTO_MAX_INPUT_BYTES: '5000000',
  });
  const tenantId = harness.emulator.directory.tenant.id;
  services = createAdminServices({
    config,
    storage,
    graphBaseUrl: harness.emulator.url,
    appToken: adminAppTokens({
      config,
      local: { issuer: harness.issuer, tenantId: () => Promise.resolve(tenantId) },
    }),
    preparer: { run: (input, options) => preparePhoto(input, options) },
    logger: silentLogger,
    operatorIds: [LOCAL_APP_OBJECT_ID],
  });
});
afterAll(async () => {
  await harness.stop();
  await rm(root, { recursive: true, force: true });
});

describe('createAdminServices', () => {
  it('builds the gate over Graph: a User Administrator passes, anyone else is NotAdmin', async () => {
    const tenantId = harness.emulator.directory.tenant.id;
    await expect(services.gate.requireAdmin({ id: SEED.adele.id, tenantId })).resolves.toBeUndefined();
    await expect(services.gate.requireAdmin({ id: SEED.megan.id, tenantId })).rejects.toMatchObject({
      code: 'NotAdmin',
    });
  });

  it('reads people with the app token', async () => {
    await expect(services.people.person(SEED.adele.upn, services.appToken)).resolves.toMatchObject({
      id: SEED.adele.id,
    });
  });

  it("waits for the app's own photo lease: a chat change of the same photo and an admin change never overlap", async () => {
    // The lease the rest of the app takes for a change of Megan's photo (src/app.ts: namespace `photos`).
    const chat = new LeaseStore({ storage, namespace: 'photos' });
    const held = await chat.acquire(`users/${SEED.megan.id.toLowerCase()}`, { ttlMs: 60_000, waitMs: 0 });
    expect(held).toBeDefined();
    const jpeg = (await preparePhoto(await distinctJpeg(3))).jpeg;
    const change = services.changes.change({ kind: 'user', user: SEED.megan.id }, jpeg, services.appToken, {
      id: LOCAL_APP_OBJECT_ID,
      path: 'admin',
    });
    // While the chat's change holds the photo, the admin change has not reached Graph.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(harness.emulator.photoWrites().get(`users/${SEED.megan.id}/photo`)).toBeUndefined();
    await held?.release();
    expect((await change).changeId).toEqual(expect.any(String));
    expect(harness.emulator.photoWrites().get(`users/${SEED.megan.id}/photo`)).toBe(1);
  });

  it('sends started jobs through the queue kept in the storage', async () => {
    const bytes = await distinctJpeg(5);
    const source = {
      name: 'one',
      entries: [
        {
          name: `${SEED.patti.upn}.jpg`,
          size: bytes.length,
          read: () => Promise.resolve(new Uint8Array(bytes)),
        },
      ],
      skipped: [],
    };
    const operator = { id: LOCAL_APP_OBJECT_ID, tenantId: harness.emulator.directory.tenant.id };
    const { job } = await services.jobs.plan({ source, admin: operator, origin: 'cli' });
    expect(await storage.list(`queues/${config.bulk.queue.name}/messages/`)).toEqual([]);
    await services.jobs.start(job.id, operator);
    expect(await storage.list(`queues/${config.bulk.queue.name}/messages/`)).toHaveLength(1);
  });

  it("gives an import the configuration's limits", () => {
    expect(services.limits).toEqual({
      maxBytes: config.bulk.zip.maxBytes,
      maxEntries: 321,
      maxUncompressedBytes: config.bulk.zip.maxUncompressedBytes,
      maxRatio: config.bulk.zip.maxRatio,
      maxEntryBytes: 5_000_000,
    });
  });
});
