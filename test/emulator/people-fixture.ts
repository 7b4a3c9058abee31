/**
 * The seeded directory plus people for admin work: mail nicknames and employee ids on the seeded users, a person
 * whose name and mail hold a single quote, and any number of generated people (for paging). Written to
 * `<dataDir>/emulator/directory.json` before the emulator starts.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { directoryFile, type DirectoryFile } from '../../src/emulator/directory.js';
import type { EmulatorOptions } from '../../src/emulator/graph-emulator.js';
import { SEED_DIRECTORY } from '../../src/emulator/seed-directory.js';
import { startHarness, temporaryDataDir, type Harness } from './harness.js';

/** A person whose display name, mail and nickname hold a quote; the UPN differs from the mail. */
export const QUOTED = {
  id: '00000000-0000-0000-0000-000000000071',
  upn: 'liam.obrien@example.com',
  mail: "o'brien@example.com",
  displayName: "Liam O'Brien",
  mailNickname: "o'brien",
  employeeId: 'E-0071',
} as const;

/** The id of generated person `index` (0-based): opaque but sortable, like the seed's. */
export function generatedId(index: number): string {
  return `10000000-0000-0000-0000-${String(index).padStart(12, '0')}`;
}

/** The seed, each user with a nickname (UPN's local part) and an employee id, plus {@link QUOTED} and `extra` people. */
export function peopleDirectory(extra = 0): DirectoryFile {
  const seeded = SEED_DIRECTORY.users.map((user, index) => ({
    ...user,
    mailNickname: user.userPrincipalName.split('@')[0] ?? null,
    employeeId: `E-${String(index + 1).padStart(4, '0')}`,
  }));
  const generated = Array.from({ length: extra }, (_, index) => ({
    id: generatedId(index),
    userPrincipalName: `person${index}@example.com`,
    displayName: `Person ${index}`,
    mail: `person${index}@example.com`,
    mailNickname: `person${index}`,
    employeeId: `G${index}`,
  }));
  return {
    ...SEED_DIRECTORY,
    users: [
      ...seeded,
      {
        id: QUOTED.id,
        userPrincipalName: QUOTED.upn,
        displayName: QUOTED.displayName,
        mail: QUOTED.mail,
        mailNickname: QUOTED.mailNickname,
        employeeId: QUOTED.employeeId,
      },
      ...generated,
    ],
  };
}

/** A running emulator over {@link peopleDirectory}; `stop` also removes its data folder. */
export async function startPeopleHarness(
  extra = 0,
  options: Partial<Omit<EmulatorOptions, 'port' | 'dataDir'>> = {},
): Promise<Harness> {
  const dataDir = await temporaryDataDir();
  const file = directoryFile(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(peopleDirectory(extra))}\n`);
  const harness = await startHarness({ ...options, dataDir });
  return {
    ...harness,
    async stop() {
      await harness.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
