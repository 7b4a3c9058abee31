/**
 * A person's own photo in the Graph emulator, set and read through its API with that person's token, as if it had
 * been set before the bot (or to check what the bot left there).
 */
import { expect } from '@jest/globals';

/** Puts `bytes` as the token's user's photo; the emulator must accept it. */
export async function putOwnPhoto(emulatorUrl: string, token: string, bytes: Buffer): Promise<void> {
  const response = await fetch(`${emulatorUrl}/v1.0/me/photo/$value`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
    body: bytes,
  });
  expect(response.status).toBe(200);
}

/** The token's user's photo, or null when there is none. */
export async function ownPhoto(emulatorUrl: string, token: string): Promise<Buffer | null> {
  const response = await fetch(`${emulatorUrl}/v1.0/me/photo/$value`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status === 200 ? Buffer.from(await response.arrayBuffer()) : null;
}

/**
 * Puts `bytes` as the photo at a Graph photo path (`/groups/{id}/photo`, `/me/contacts/{id}/photo`, ...) with
 * `token`; the emulator must accept it.
 */
export async function putPhotoAt(
  emulatorUrl: string,
  token: string,
  photoPath: string,
  bytes: Buffer,
): Promise<void> {
  const response = await fetch(`${emulatorUrl}/v1.0${photoPath}/$value`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
    body: bytes,
  });
  expect(response.status).toBe(200);
}

/** The photo at a Graph photo path, or null when there is none. */
export async function photoAt(emulatorUrl: string, token: string, photoPath: string): Promise<Buffer | null> {
  const response = await fetch(`${emulatorUrl}/v1.0${photoPath}/$value`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status === 200 ? Buffer.from(await response.arrayBuffer()) : null;
}

/**
 * Sets the tenant's photo rules (`photoUpdateSettings`: `source`, `allowedRoles`) in the emulator as an admin tool
 * would, with an app token that has `PeopleSettings.ReadWrite.All`; the emulator must accept them.
 */
export async function setPhotoRules(
  emulatorUrl: string,
  appToken: string,
  rules: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${emulatorUrl}/beta/admin/people/photoUpdateSettings`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${appToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(rules),
  });
  expect(response.status).toBe(200);
}
