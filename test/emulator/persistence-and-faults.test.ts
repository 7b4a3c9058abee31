import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../src/config.js';
import { directoryFile } from '../../src/emulator/directory.js';
import { startEmulator } from '../../src/emulator/graph-emulator.js';
import { SEED_DIRECTORY } from '../../src/emulator/seed-directory.js';
import { errorCode, jpeg, SEED, startHarness, temporaryDataDir } from './harness.js';

/** A seeded pseudo-random source (mulberry32), so fault sequences repeat. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('persistence', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await temporaryDataDir();
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps photos across a restart, in files named without raw ids', async () => {
    const body = await jpeg(180, 120);
    const first = await startHarness({ dataDir });
    const contact = `/v1.0/me/contacts/${encodeURIComponent(SEED.ravi)}/photo/$value`;
    expect(
      (await first.call('PUT', '/v1.0/me/photo/$value', { token: first.user(SEED.alex.upn), body })).status,
    ).toBe(200);
    expect((await first.call('PUT', contact, { token: first.user(SEED.alex.upn), body })).status).toBe(200);
    await first.stop();

    const second = await startHarness({ dataDir });
    try {
      const token = second.user(SEED.alex.upn);
      expect((await second.call('GET', '/beta/me/photo/$value', { token })).bytes.equals(body)).toBe(true);
      expect((await second.call('GET', contact, { token })).bytes.equals(body)).toBe(true);
      expect((await second.call('GET', '/v1.0/me/photo', { token })).json).toMatchObject({
        width: 180,
        height: 120,
      });
    } finally {
      await second.stop();
    }
    const files = await listFiles(path.join(dataDir, 'emulator', 'photos'));
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(/^(users|contacts\/u_[A-Za-z0-9_-]+)\/u_[A-Za-z0-9_-]+\.img$/);
      expect(file).not.toContain(SEED.alex.id);
      expect(file).not.toContain('=');
    }
  });

  it('writes the seed to directory.json on first start and reads the edited file on the next', async () => {
    const first = await startEmulator({ port: 0, dataDir });
    await first.close();
    const written = JSON.parse(await readFile(directoryFile(dataDir), 'utf8')) as typeof SEED_DIRECTORY;
    expect(written).toEqual(JSON.parse(JSON.stringify(SEED_DIRECTORY)));
    written.users.push({
      id: 'new-person-1',
      userPrincipalName: 'grace@example.com',
      displayName: 'Grace Hopper',
    });
    await writeFile(directoryFile(dataDir), JSON.stringify(written));

    const second = await startHarness({ dataDir });
    try {
      const answer = await second.call('GET', '/v1.0/users/grace@example.com', { token: second.app() });
      expect(answer.json).toMatchObject({ id: 'new-person-1', displayName: 'Grace Hopper' });
    } finally {
      await second.stop();
    }
  });

  it('refuses to start on a directory with mistakes, listing each one', async () => {
    const broken = JSON.parse(JSON.stringify(SEED_DIRECTORY)) as {
      users: { userPrincipalName: string }[];
      groups: { owners: string[] }[];
    };
    broken.users[1]!.userPrincipalName = 'ALEXW@example.com';
    broken.groups[0]!.owners.push('ghost');
    await startEmulator({ port: 0, dataDir }).then((emulator) => emulator.close());
    await writeFile(directoryFile(dataDir), JSON.stringify(broken));
    const failure = startEmulator({ port: 0, dataDir });
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    const error = (await failure.then(
      () => undefined,
      (reason: unknown) => reason,
    )) as ConfigError;
    const problems = error.problems;
    expect(problems).toEqual([
      expect.stringMatching(/directory\.json: users\.1\.userPrincipalName: duplicate ALEXW@example\.com$/),
      expect.stringMatching(/groups\.0\.owners\.1: no user ghost/),
    ]);
    await writeFile(directoryFile(dataDir), '{ not json');
    await expect(startEmulator({ port: 0, dataDir })).rejects.toThrow(/not valid JSON/);
  });
});

describe('fault injection', () => {
  it('answers every request 429 with Retry-After at rate 1, with a Graph body', async () => {
    const h = await startHarness({ faults: { throttleRate: 1, retryAfterSeconds: 7 } });
    try {
      const answer = await h.call('GET', '/v1.0/me/photo', { token: h.user(SEED.alex.upn) });
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('7');
      expect(errorCode(answer)).toBe('TooManyRequests');
      expect(answer.headers.get('request-id')).toBeTruthy();
      // Faults come before authentication, as a front door's throttling does.
      expect((await h.call('GET', '/v1.0/users')).status).toBe(429);
      // The page is never faulted.
      expect((await h.call('GET', '/')).status).toBe(200);
    } finally {
      await h.stop();
    }
  });

  it('answers every request 503 at rate 1', async () => {
    const h = await startHarness({ faults: { unavailableRate: 1 } });
    try {
      const answer = await h.call('PUT', '/v1.0/me/photo/$value', {
        token: h.user(SEED.alex.upn),
        body: 'x',
      });
      expect(answer.status).toBe(503);
      expect(errorCode(answer)).toBe('ServiceNotAvailable');
    } finally {
      await h.stop();
    }
  });

  it('limits 429 and 503 to photo routes when asked', async () => {
    const h = await startHarness({ faults: { throttleRate: 1, photoRoutesOnly: true } });
    try {
      const token = h.user(SEED.alex.upn);
      expect((await h.call('GET', '/v1.0/me', { token })).status).toBe(200);
      expect((await h.call('GET', '/v1.0/me/memberOf', { token })).status).toBe(200);
      expect((await h.call('GET', '/v1.0/me/photo', { token })).status).toBe(429);
      expect((await h.call('GET', `/beta/groups/${SEED.myTeam}/photo/$value`, { token })).status).toBe(429);
    } finally {
      await h.stop();
    }
  });

  it('adds latency', async () => {
    const h = await startHarness({ faults: { latencyMs: 250 } });
    try {
      const started = performance.now();
      expect((await h.call('GET', '/v1.0/me', { token: h.user(SEED.alex.upn) })).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    } finally {
      await h.stop();
    }
  });

  it('meets the same faults in the same order with the same seeded random source', async () => {
    const run = async (): Promise<number[]> => {
      const h = await startHarness({
        faults: { throttleRate: 0.3, unavailableRate: 0.3 },
        random: seeded(42),
      });
      try {
        const token = h.user(SEED.alex.upn);
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) statuses.push((await h.call('GET', '/v1.0/me', { token })).status);
        return statuses;
      } finally {
        await h.stop();
      }
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
  });

  it('refuses fault options out of range', async () => {
    const dataDir = await temporaryDataDir();
    try {
      await expect(startEmulator({ port: 0, dataDir, faults: { throttleRate: 1.5 } })).rejects.toThrow(
        RangeError,
      );
      await expect(startEmulator({ port: 0, dataDir, faults: { latencyMs: -1 } })).rejects.toThrow(
        RangeError,
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
