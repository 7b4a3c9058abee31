/**
 * The page's API as `npm start` runs it in local mode (the compiled app, its photo workers and the in-process Graph
 * emulator over a temporary data folder), called over real HTTP: page tokens come from `GET /api/local/token`, and
 * what the API changed is read back from the emulator with Graph tokens from the same local issuer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../dist/app.js';
import { LocalTokenIssuer } from '../../dist/auth/local-token-issuer.js';
import { loadConfig } from '../../dist/config.js';
import { createLogger, silentLogger } from '../../dist/logger.js';
import { FsStorage } from '../../dist/storage/fs-storage.js';
import { AuditLog, type AuditRecord } from '../../dist/storage/audit-log.js';
import { call, type Answer, type CallOptions } from '../emulator/harness.js';
import { TENANT, type Person } from '../helpers/local-bot.js';

export { PEOPLE, type Person } from '../helpers/local-bot.js';

/** Seeded groups and contacts (see src/emulator/seed-directory.ts). */
export const SEEDED = {
  /** Alex owns it. */
  myTeam: '00000000-0000-0000-0000-000000000031',
  /** Megan owns it; Alex is a member. */
  marketing: '00000000-0000-0000-0000-000000000032',
  ravi: 'AAMkAGAlex-contact-ravi=',
  suppliers: 'AAMkAGAlex-folder-suppliers=',
  tomas: 'AAMkAGAlex-contact-tomas=',
} as const;

export interface LocalApi {
  readonly app: RunningApp;
  readonly url: string;
  readonly emulatorUrl: string;
  readonly dataDir: string;
  /** A page token from `GET /api/local/token` (the Playground's user unless `person` is given). */
  pageToken(person?: Person): Promise<string>;
  /** A Graph token for the emulator, to read back what the API changed. */
  graphToken(person: Person): string;
  /** One request to the API. */
  call(method: string, pathAndQuery: string, options?: CallOptions): Promise<Answer>;
  /** The audit log's records written since `since`. */
  auditSince(since: number): Promise<AuditRecord[]>;
  stop(): Promise<void>;
}

/** Starts the app in local mode; `env` adds to (or overrides) the configuration. */
export async function startLocalApi(env: Record<string, string> = {}): Promise<LocalApi> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-api-'));
  const config = loadConfig({
    PORT: '0',
    GRAPH_EMULATOR_PORT: '0',
    DATA_DIR: dataDir,
    PHOTO_POOL_SIZE: '1',
    QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
    ...env,
  });
  const app = await startApp(config, process.env.TEST_LOG ? createLogger('debug') : silentLogger);
  const issuer = await LocalTokenIssuer.open(dataDir);
  const url = `http://127.0.0.1:${app.server.port}`;
  return {
    app,
    url,
    emulatorUrl: app.emulator!.url,
    dataDir,
    async pageToken(person) {
      const query = person ? `?user=${encodeURIComponent(person.id)}` : '';
      const answer = await call(url, 'GET', `/api/local/token${query}`);
      if (answer.status !== 200) throw new Error(`no page token: ${answer.status}`);
      return answer.json['token'] as string;
    },
    graphToken: (person) =>
      issuer.issueDelegated({
        tenantId: TENANT,
        userId: person.id,
        userPrincipalName: person.upn,
        scopes: ['User.ReadWrite', 'Group.ReadWrite.All', 'Contacts.ReadWrite', 'User.Read'],
      }),
    call: (method, pathAndQuery, options) => call(url, method, pathAndQuery, options),
    auditSince: (since) =>
      new AuditLog({ storage: new FsStorage({ root: path.join(dataDir, 'storage') }) }).list(
        since - 1000,
        Date.now() + 1000,
      ),
    async stop() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The `error` of a JSON error answer. */
export function errorOf(answer: Answer): { code: string; message: string; reference: string } {
  return answer.json['error'] as { code: string; message: string; reference: string };
}
