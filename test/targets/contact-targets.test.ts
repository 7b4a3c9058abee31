/**
 * Choosing a contact by name or address and checking a contact id with its folder, over the Graph emulator with
 * Alex's contacts in the default folder, "Suppliers" and "Family" (see directory-fixture.ts).
 */
import { AppError } from '../../src/errors.js';
import { GraphDirectoryClient } from '../../src/graph/graph-directory-client.js';
import { ContactTargets, type ContactEntry } from '../../src/targets/contact-targets.js';
import type { TargetMatch } from '../../src/targets/target-match.js';
import { SEED, type Harness } from '../emulator/harness.js';
import { CONTACT_SCOPES, EXTRA, startExtendedHarness, tokenOf } from './directory-fixture.js';

let harness: Harness;
let targets: ContactTargets;
beforeAll(async () => {
  harness = await startExtendedHarness();
  targets = new ContactTargets(
    new GraphDirectoryClient({ baseUrl: harness.emulator.url, sleep: () => Promise.resolve() }),
  );
});
afterAll(async () => {
  await harness.stop();
});

const alex = () => tokenOf(harness, SEED.alex.upn, CONTACT_SCOPES);

/** The match's contacts as their ids, to compare readably. */
function ids(match: TargetMatch<ContactEntry>): [string, string[]] {
  switch (match.kind) {
    case 'one':
      return ['one', [match.item.id]];
    case 'several':
      return ['several', match.items.map((contact) => contact.id)];
    case 'none':
      return ['none', match.available.map((contact) => contact.id)];
  }
}

describe('ContactTargets.find', () => {
  it('finds a contact in a folder, without case or accents, with its folder', async () => {
    const match = await targets.find('tomas garcia', alex());
    expect(match).toEqual({
      kind: 'one',
      item: {
        id: SEED.tomas,
        displayName: 'Tomás García',
        emails: ['tomas@wingtip.example'],
        folderId: SEED.suppliers,
        folderName: 'Suppliers',
      },
    });
    expect(ids(await targets.find('GARCÍA', alex()))).toEqual(['one', [SEED.tomas]]);
  });

  it.each([
    ['ravi@fabrikam.example', SEED.ravi],
    ['Ravi', SEED.ravi],
    ['li.wei@personal.example', EXTRA.liWei],
    ['wei', EXTRA.liWei],
    ['personal', EXTRA.liWei],
  ])('finds the one contact %j names, by name or any address', async (query, expected) => {
    expect(ids(await targets.find(query, alex()))).toEqual(['one', [expected]]);
  });

  it('prefers the contact whose address is the query to namesakes that match partly', async () => {
    // Both Hannahs match "hannah" partly; only one's address starts `hannah@`.
    expect(ids(await targets.find('hannah', alex()))).toEqual(['one', [SEED.hannah]]);
  });

  it('offers a choice between namesakes in different folders', async () => {
    const match = await targets.find('Hannah Schmidt', alex());
    expect(ids(match)).toEqual(['several', [SEED.hannah, EXTRA.hannahAtHome]]);
    expect(match.kind === 'several' && match.items.map((contact) => contact.folderName)).toEqual([
      undefined,
      'Family',
    ]);
  });

  it('lists every contact when nothing matches', async () => {
    expect(ids(await targets.find('nobody', alex()))).toEqual([
      'none',
      [SEED.hannah, EXTRA.hannahAtHome, EXTRA.liWei, SEED.ravi, SEED.tomas],
    ]);
  });

  it("looks only in the caller's own mailbox", async () => {
    const megan = tokenOf(harness, SEED.megan.upn, CONTACT_SCOPES);
    await expect(targets.find('ravi', megan)).resolves.toEqual({ kind: 'none', available: [] });
  });
});

describe('ContactTargets.requireContact', () => {
  it('accepts a contact in the folder it is filed in', async () => {
    await expect(targets.requireContact(SEED.tomas, SEED.suppliers, alex())).resolves.toMatchObject({
      displayName: 'Tomás García',
      folderName: 'Suppliers',
    });
    await expect(targets.requireContact(SEED.ravi, undefined, alex())).resolves.toMatchObject({
      displayName: 'Ravi Kumar',
    });
  });

  it.each<[string, string, string | undefined]>([
    ['a folder contact named as in the default folder', SEED.tomas, undefined],
    ['a default-folder contact named as in a folder', SEED.ravi, SEED.suppliers],
    ['a contact named in the wrong folder', EXTRA.hannahAtHome, SEED.suppliers],
    ['an id with another case', SEED.ravi.toUpperCase(), undefined],
    ['an unknown id', 'AAMkAGAlex-contact-nobody=', undefined],
  ])('refuses %s', async (_name, contactId, folderId) => {
    const failure = await targets
      .requireContact(contactId, folderId, alex())
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'ContactNotFound' });
  });

  it("refuses another person's contact", async () => {
    const megan = tokenOf(harness, SEED.megan.upn, CONTACT_SCOPES);
    await expect(targets.requireContact(SEED.ravi, undefined, megan)).rejects.toMatchObject({
      code: 'ContactNotFound',
    });
  });
});
