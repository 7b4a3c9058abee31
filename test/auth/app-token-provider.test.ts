import { execFile } from 'node:child_process';
import { constants, createVerify, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ManagedIdentityCredential } from '@azure/identity';
import { AppTokenProvider, createAppCredential } from '../../src/auth/app-token-provider.js';
import { AuthError } from '../../src/errors.js';
import { FAKE_AUTHORITY, fakeEntra } from '../helpers/fake-entra.js';

const TENANT = 'contoso-tenant-id';

function issuing(
  entra: ReturnType<typeof fakeEntra>,
  credential: ConstructorParameters<typeof AppTokenProvider>[0]['credential'],
) {
  return new AppTokenProvider({
    credential,
    authorityHost: FAKE_AUTHORITY,
    credentialOptions: entra.credentialOptions,
  });
}

const okAnswer = () => ({
  status: 200,
  body: { token_type: 'Bearer', access_token: 'app-token', expires_in: 3600 },
});

describe('AppTokenProvider', () => {
  it('gets an app-only token for Graph .default with a client secret, once', async () => {
    const entra = fakeEntra(okAnswer);
    const tokens = issuing(entra, {
      kind: 'secret',
      tenantId: TENANT,
      clientId: 'app-id',
      clientSecret: 's3cret',
    });
    await expect(tokens.getToken()).resolves.toBe('app-token');
    await expect(tokens.getToken()).resolves.toBe('app-token');
    expect(entra.requests).toHaveLength(1);
    const form = entra.requests[0]!.form;
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toContain('https://graph.microsoft.com/.default');
    expect(form.get('client_secret')).toBe('s3cret');
  });

  it('signs its client assertion with the configured certificate', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'app-cert-'));
    try {
      const key = path.join(dir, 'key.pem');
      const cert = path.join(dir, 'cert.pem');
      await promisify(execFile)('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=teams-photo-test',
        '-days',
        '1',
      ]);
      const pem = path.join(dir, 'app.pem');
      await writeFile(pem, `${await readFile(key, 'utf8')}${await readFile(cert, 'utf8')}`);
      const entra = fakeEntra(okAnswer);
      const tokens = issuing(entra, {
        kind: 'certificate',
        tenantId: TENANT,
        clientId: 'app-id',
        certificatePath: pem,
      });
      await expect(tokens.getToken()).resolves.toBe('app-token');
      const form = entra.requests[0]!.form;
      expect(form.get('client_assertion_type')).toBe(
        'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      );
      const [header, payload, signature] = (form.get('client_assertion') ?? '').split('.');
      const { alg } = JSON.parse(Buffer.from(header!, 'base64url').toString()) as { alg: string };
      expect(['RS256', 'PS256']).toContain(alg);
      const publicKey = new X509Certificate(await readFile(cert)).publicKey;
      const padding = alg === 'PS256' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING;
      const valid = createVerify('RSA-SHA256')
        .update(`${header}.${payload}`)
        .verify({ key: publicKey, padding }, Buffer.from(signature!, 'base64url'));
      expect(valid).toBe(true);
      expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
        iss: 'app-id',
        sub: 'app-id',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing admin consent as ConsentRequired', async () => {
    const entra = fakeEntra(() => ({
      status: 400,
      body: {
        error: 'invalid_client',
        error_description: 'AADSTS65001: The application needs admin consent',
        error_codes: [65001],
      },
    }));
    const tokens = issuing(entra, {
      kind: 'secret',
      tenantId: TENANT,
      clientId: 'app-id',
      clientSecret: 'x',
    });
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('ConsentRequired');
  });

  it('builds a managed identity credential without contacting anything', () => {
    // Constructing it makes no request; asking it for a token would probe the instance metadata endpoint, which a
    // test must never do.
    expect(
      createAppCredential({ credential: { kind: 'managed-identity', clientId: 'user-assigned-id' } }),
    ).toBeInstanceOf(ManagedIdentityCredential);
    expect(createAppCredential({ credential: { kind: 'managed-identity' } })).toBeInstanceOf(
      ManagedIdentityCredential,
    );
  });
});
