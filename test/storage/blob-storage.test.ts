import { randomBytes } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { BlobStorage, createStorage } from '../../src/storage/index.js';
import { type Azurite, startAzurite } from '../helpers/azurite.js';
import { ManualClock, storageContract } from './storage-contract.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('BlobStorage (on Azurite)', () => {
  let azurite: Azurite;
  let count = 0;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite.stop();
  });

  /** A container name no other test uses. */
  const newContainer = () => `test-${++count}-${randomBytes(4).toString('hex')}`;

  describe('contract', () => {
    storageContract(() => {
      const container = newContainer();
      return Promise.resolve((now) =>
        createStorage({ kind: 'blob', connectionString: azurite.connectionString, container, now }),
      );
    });
  });

  it('creates its container on first use, and keeps expiry and content type as blob properties', async () => {
    const container = newContainer();
    const clock = new ManualClock();
    const store = BlobStorage.fromConnectionString(azurite.connectionString, container, clock.now);
    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    expect(await service.getContainerClient(container).exists()).toBe(false);

    await store.put('pending/u1', bytes('v'), { contentType: 'image/png', expiresAt: clock.time + 1000 });
    const blob = service.getContainerClient(container).getBlobClient('pending/u1');
    const properties = await blob.getProperties();
    expect(properties.contentType).toBe('image/png');
    expect(properties.metadata).toEqual({ expiresat: String(clock.time + 1000) });

    clock.advance(1000);
    // Expired items stay until something reclaims them; readers do not see them.
    expect(await blob.exists()).toBe(true);
    expect(await store.get('pending/u1')).toBeUndefined();
    expect(await store.deleteExpired('pending/')).toBe(1);
    expect(await blob.exists()).toBe(false);
  });

  it('refuses a malformed container name up front', () => {
    expect(() => BlobStorage.fromConnectionString(azurite.connectionString, 'No_Such')).toThrow(RangeError);
  });
});
