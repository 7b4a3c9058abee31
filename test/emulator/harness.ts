/**
 * Runs the Graph emulator on a free loopback port over a temporary data folder, with tokens from the local issuer
 * over the same folder, and calls it with real HTTP (fetch).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalTokenIssuer } from '../../src/auth/local-token-issuer.js';
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../src/emulator/graph-emulator.js';
import { PLAYGROUND_TENANT_ID } from '../../src/emulator/seed-directory.js';
import { encodeJpeg, encodePng, photoLike } from '../helpers/images.js';

/** Seeded directory ids used across the tests. */
export const SEED = {
  tenant: PLAYGROUND_TENANT_ID,
  alex: { id: '00000000-0000-0000-0000-0000000000020', upn: 'alexw@example.com' },
  megan: { id: '00000000-0000-0000-0000-0000000000021', upn: 'meganb@example.com' },
  adele: { id: '00000000-0000-0000-0000-0000000000022', upn: 'adelev@example.com' },
  patti: { id: '00000000-0000-0000-0000-0000000000024', upn: 'pattif@example.com' },
  kiosk: { id: '00000000-0000-0000-0000-000000000041', upn: 'kiosk@example.com' },
  myTeam: '00000000-0000-0000-0000-000000000031',
  marketing: '00000000-0000-0000-0000-000000000032',
  ravi: 'AAMkAGAlex-contact-ravi=',
  hannah: 'AAMkAGAlex-contact-hannah=',
  suppliers: 'AAMkAGAlex-folder-suppliers=',
  tomas: 'AAMkAGAlex-contact-tomas=',
} as const;

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
  readonly bytes: Buffer;
}

export interface CallOptions {
  readonly token?: string | undefined;
  readonly body?: Uint8Array | string | ReadableStream<Uint8Array>;
  readonly headers?: Record<string, string>;
}

export interface Harness {
  readonly emulator: RunningEmulator;
  readonly dataDir: string;
  readonly issuer: LocalTokenIssuer;
  /** A delegated token for a seeded user (by UPN), default scopes unless given. */
  user(upn: string, scopes?: readonly string[]): string;
  /** An application token, default roles unless given. */
  app(roles?: readonly string[]): string;
  call(method: string, pathAndQuery: string, options?: CallOptions): Promise<Answer>;
  stop(): Promise<void>;
}

/** A fresh temporary data folder. */
export function temporaryDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'graph-emulator-'));
}

/** Starts the emulator (over `dataDir`, or a fresh folder that `stop` removes). */
export async function startHarness(
  options: Partial<Omit<EmulatorOptions, 'port'>> = {},
  keepDataDir = false,
): Promise<Harness> {
  const dataDir = options.dataDir ?? (await temporaryDataDir());
  const emulator = await startEmulator({ port: 0, ...options, dataDir });
  const issuer = await LocalTokenIssuer.open(dataDir);
  const { directory } = emulator;
  return {
    emulator,
    dataDir,
    issuer,
    user(upn, scopes) {
      const found = directory.findUser(upn);
      if (!found) throw new Error(`no seeded user ${upn}`);
      return issuer.issueDelegated({
        tenantId: directory.tenant.id,
        userId: found.id,
        userPrincipalName: found.userPrincipalName,
        ...(scopes ? { scopes } : {}),
      });
    },
    app(roles) {
      return issuer.issueApp({ tenantId: directory.tenant.id, ...(roles ? { roles } : {}) });
    },
    call: (method, pathAndQuery, callOptions = {}) => call(emulator.url, method, pathAndQuery, callOptions),
    async stop() {
      await emulator.close();
      if (!keepDataDir && options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One HTTP request to the emulator. */
export async function call(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined && !(options.body instanceof ReadableStream)) {
    headers['content-type'] ??= 'image/jpeg';
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (options.body !== undefined) {
    init.body = options.body as RequestInit['body'];
    if (options.body instanceof ReadableStream) init.duplex = 'half';
  }
  const response = await fetch(`${baseUrl}${pathAndQuery}`, init);
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const json = type.startsWith('application/json')
    ? (JSON.parse(bytes.toString('utf8')) as Record<string, unknown>)
    : {};
  return { status: response.status, headers: response.headers, json, bytes };
}

/** Graph's error code of an answer. */
export function errorCode(answer: Answer): string | undefined {
  return (answer.json['error'] as { code?: string } | undefined)?.code;
}

/** A real JPEG of the given size. */
export function jpeg(width: number, height: number, seed = 1): Promise<Buffer> {
  return encodeJpeg(photoLike(width, height, seed), 85);
}

/** A real PNG of the given size. */
export function png(width: number, height: number): Promise<Buffer> {
  return encodePng(photoLike(width, height, 3));
}
