/**
 * The Graph emulator over the seeded directory plus what choosing a group or contact by name needs: more groups
 * Alex owns (an accented name, two that both match "sales", a name that is a prefix of another, an id with `/` and
 * `=`) and more contacts (a second folder with a namesake of a default-folder contact, a contact with two
 * addresses). Written to `<dataDir>/emulator/directory.json` before the emulator starts.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { directoryFile, type DirectoryFile } from '../../src/emulator/directory.js';
import { SEED_DIRECTORY } from '../../src/emulator/seed-directory.js';
import type { AccessTokenSource } from '../../src/graph/graph-transport.js';
import { SEED, startHarness, temporaryDataDir, type Harness } from '../emulator/harness.js';

/** Ids added to the seed. */
export const EXTRA = {
  equipe: '00000000-0000-0000-0000-000000000061',
  salesAmericas: '00000000-0000-0000-0000-000000000062',
  salesEmea: '00000000-0000-0000-0000-000000000063',
  design: '00000000-0000-0000-0000-000000000064',
  designReview: '00000000-0000-0000-0000-000000000065',
  /** An id only a percent-encoded path segment carries intact. */
  slashed: 'g/1=+',
  family: 'AAMkAGAlex-folder-family=',
  hannahAtHome: 'AAMkAGAlex-contact-hannah/home=',
  liWei: 'AAMkAGAlex-contact-liwei=',
} as const;

/** Alex's groups' display names in display name order. */
export const ALEX_GROUP_NAMES = [
  'Design',
  'Design Review',
  'Équipe Café',
  'My Team',
  'Sales Americas',
  'Sales EMEA',
  'Slashed Id',
];

function alexGroup(id: string, displayName: string, mailNickname: string, mail?: string) {
  return {
    id,
    displayName,
    mailNickname,
    ...(mail === undefined ? {} : { mail }),
    owners: [SEED.alex.id],
    members: [SEED.alex.id, SEED.megan.id],
  };
}

/** The seed plus the groups and contacts above. */
export function extendedDirectory(): DirectoryFile {
  const [alex, ...others] = SEED_DIRECTORY.users;
  if (alex?.id !== SEED.alex.id) throw new Error('the seed no longer starts with Alex');
  return {
    ...SEED_DIRECTORY,
    users: [
      {
        ...alex,
        contacts: [
          ...(alex.contacts ?? []),
          {
            id: EXTRA.liWei,
            displayName: 'Li Wei',
            emailAddresses: [{ address: 'wei@contoso.example' }, { address: 'li.wei@personal.example' }],
          },
        ],
        contactFolders: [
          ...(alex.contactFolders ?? []),
          {
            id: EXTRA.family,
            displayName: 'Family',
            contacts: [
              {
                id: EXTRA.hannahAtHome,
                displayName: 'Hannah Schmidt',
                emailAddresses: [{ address: 'hannah.schmidt@home.example' }],
              },
            ],
          },
        ],
      },
      ...others,
    ],
    groups: [
      ...(SEED_DIRECTORY.groups ?? []),
      alexGroup(EXTRA.equipe, 'Équipe Café', 'equipecafe', 'equipe.cafe@example.com'),
      alexGroup(EXTRA.salesAmericas, 'Sales Americas', 'salesamericas', 'salesamericas@example.com'),
      alexGroup(EXTRA.salesEmea, 'Sales EMEA', 'salesemea'),
      alexGroup(EXTRA.design, 'Design', 'design', 'design@example.com'),
      alexGroup(EXTRA.designReview, 'Design Review', 'designreview', 'designreview@example.com'),
      alexGroup(EXTRA.slashed, 'Slashed Id', 'slashed'),
    ],
  };
}

/** A running emulator over {@link extendedDirectory}; `stop` also removes its data folder. */
export async function startExtendedHarness(): Promise<Harness> {
  const dataDir = await temporaryDataDir();
  const file = directoryFile(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(extendedDirectory(), null, 2)}\n`);
  const harness = await startHarness({ dataDir });
  return {
    ...harness,
    async stop() {
      await harness.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Scopes the bot asks for to choose a group. */
export const GROUP_SCOPES = ['Group.ReadWrite.All', 'User.Read'];

/** Scopes the bot asks for to choose a contact. */
export const CONTACT_SCOPES = ['Contacts.ReadWrite'];

/** A token source for a seeded user with the given scopes. */
export function tokenOf(harness: Harness, upn: string, scopes: readonly string[]): AccessTokenSource {
  return () => Promise.resolve(harness.user(upn, scopes));
}
