/**
 * The local token issuer's signing key: an RSA 2048 key kept in the data folder as a PKCS#8 PEM file, created by
 * whichever process needs it first.
 *
 * Several processes may start at once on a fresh data folder (the bot, `profile-photo emulator`,
 * `profile-photo token`). Each that finds no key generates one, writes it to a temporary file of its own and
 * `link`s it into place: a hard link never overwrites, so exactly one process wins, and every loser (EEXIST)
 * reads the winner's key instead. All of them then sign and verify with the same key, and no reader ever sees a
 * half-written file.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const generateKeyPairAsync = promisify(generateKeyPair);

/** The key's file name inside the data folder. */
export const SIGNING_KEY_FILE = 'local-signing-key.pem';

/** The local issuer's key pair and the key id (`kid`) its tokens name. */
export interface LocalSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** base64url SHA-256 of the public key (SPKI DER), like a JWK thumbprint in spirit: it names this key. */
  readonly keyId: string;
}

/** The signing key is unusable (a file that is not an RSA private key, or a folder that cannot be written). */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

/**
 * Reads the key from `<dataDir>/local-signing-key.pem`, creating it first when there is none.
 * Safe to call from several processes at once on a fresh folder: they all end up with the same key.
 * @throws SigningKeyError when the file holds something other than an RSA private key
 */
export async function loadOrCreateSigningKey(dataDir: string): Promise<LocalSigningKey> {
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  const existing = await readIfPresent(file);
  if (existing !== undefined) return parseKey(existing, file);

  await mkdir(dataDir, { recursive: true });
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    // Owner-only: the key signs tokens that the emulator accepts as anyone in the directory.
    await writeFile(temporary, pem, { flag: 'wx', mode: 0o600 });
    try {
      await link(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Another process linked its key first: use that one, so every process agrees.
      const winner = await readIfPresent(file);
      if (winner === undefined) throw error;
      return parseKey(winner, file);
    }
    return parseKey(pem, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseKey(pem: string, file: string): LocalSigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (cause) {
    throw new SigningKeyError(`${file} is not a private key in PEM form; delete it to make a new one`, {
      cause,
    });
  }
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new SigningKeyError(`${file} is not an RSA key; delete it to make a new one`);
  }
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha256').update(spki).digest('base64url');
  return { privateKey, publicKey, keyId };
}
