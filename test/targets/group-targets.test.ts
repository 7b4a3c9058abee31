/**
 * Choosing a group by name and checking ownership, over the Graph emulator with Alex owning seven groups
 * (see directory-fixture.ts), Megan owning Marketing and Patti owning Sales.
 */
import { AppError } from '../../src/errors.js';
import { GraphDirectoryClient } from '../../src/graph/graph-directory-client.js';
import { GraphError } from '../../src/graph/graph-errors.js';
import { GroupTargets, NotGroupOwnerError, type OwnedGroup } from '../../src/targets/group-targets.js';
import type { TargetMatch } from '../../src/targets/target-match.js';
import { SEED, type Harness } from '../emulator/harness.js';
import { ALEX_GROUP_NAMES, EXTRA, GROUP_SCOPES, startExtendedHarness, tokenOf } from './directory-fixture.js';

let harness: Harness;
let targets: GroupTargets;
beforeAll(async () => {
  harness = await startExtendedHarness();
  targets = new GroupTargets(
    new GraphDirectoryClient({ baseUrl: harness.emulator.url, sleep: () => Promise.resolve() }),
  );
});
afterAll(async () => {
  await harness.stop();
});

const alex = () => tokenOf(harness, SEED.alex.upn, GROUP_SCOPES);
const megan = () => tokenOf(harness, SEED.megan.upn, GROUP_SCOPES);

/** The match with its groups as display names, to compare readably. */
function named(match: TargetMatch<OwnedGroup>): [string, string[]] {
  switch (match.kind) {
    case 'one':
      return ['one', [match.item.displayName]];
    case 'several':
      return ['several', match.items.map((group) => group.displayName)];
    case 'none':
      return ['none', match.available.map((group) => group.displayName)];
  }
}

describe('GroupTargets.find', () => {
  it.each([
    ['equipe cafe', 'Équipe Café'],
    ['ÉQUIPE CAFÉ', 'Équipe Café'],
    ['"Équipe Café"', 'Équipe Café'],
    ['équipe', 'Équipe Café'],
    ['myteam@example.com', 'My Team'],
    ['MyTeam', 'My Team'],
    ['equipe.cafe', 'Équipe Café'],
    ['sales em', 'Sales EMEA'],
    ['review', 'Design Review'],
  ])('finds the one group %j names', async (query, expected) => {
    expect(named(await targets.find(query, alex()))).toEqual(['one', [expected]]);
  });

  it('prefers an exact match to partial ones', async () => {
    const match = await targets.find('design', alex());
    expect(match).toEqual({
      kind: 'one',
      item: { id: EXTRA.design, displayName: 'Design', mail: 'design@example.com', mailNickname: 'design' },
    });
  });

  it('offers a choice when several owned groups match, in name order', async () => {
    expect(named(await targets.find('sales', alex()))).toEqual(['several', ['Sales Americas', 'Sales EMEA']]);
  });

  it('looks only among the groups the caller owns', async () => {
    // Patti's "Sales" is an exact match, but not Alex's; Megan owns none of Alex's sales groups.
    const forAlex = await targets.find('sales', alex());
    expect(forAlex.kind === 'several' && forAlex.items.map((group) => group.id)).toEqual([
      EXTRA.salesAmericas,
      EXTRA.salesEmea,
    ]);
    expect(named(await targets.find('marketing', alex()))).toEqual(['none', ALEX_GROUP_NAMES]);
    expect(named(await targets.find('sales', megan()))).toEqual(['none', ['Marketing']]);
  });

  it('lists every owned group when nothing matches or nothing was named', async () => {
    expect(named(await targets.find('finance', alex()))).toEqual(['none', ALEX_GROUP_NAMES]);
    expect(named(await targets.find('  ', alex()))).toEqual(['none', ALEX_GROUP_NAMES]);
    expect(named(await targets.find('x'.repeat(10_000), alex()))).toEqual(['none', ALEX_GROUP_NAMES]);
    const adele = tokenOf(harness, SEED.adele.upn, GROUP_SCOPES);
    expect(await targets.find('sales', adele)).toEqual({ kind: 'none', available: [] });
  });
});

describe('GroupTargets.search and owned', () => {
  it('lists every owned group for a blank query, at most `top`', async () => {
    const all = await targets.search('', alex());
    expect(all.map((group) => group.displayName)).toEqual(ALEX_GROUP_NAMES);
    const two = await targets.search(' ', alex(), 2);
    expect(two.map((group) => group.displayName)).toEqual(['Design', 'Design Review']);
    await expect(targets.search('', alex(), 0)).resolves.toEqual([]);
  });

  it('puts exact matches first, then the partial ones', async () => {
    const found = await targets.search('review', alex());
    expect(found.map((group) => group.displayName)).toEqual(['Design Review']);
    const sales = await targets.search('sales', alex());
    expect(sales.map((group) => group.displayName)).toEqual(['Sales Americas', 'Sales EMEA']);
    const exactFirst = await targets.search('design review', alex());
    expect(exactFirst.map((group) => group.displayName)).toEqual(['Design Review']);
    const prefix = await targets.search('des', alex());
    expect(prefix.map((group) => group.displayName)).toEqual(['Design', 'Design Review']);
  });

  it('lists the owned groups in name order', async () => {
    const owned = await targets.owned(alex());
    expect(owned.map((group) => group.displayName)).toEqual(ALEX_GROUP_NAMES);
  });
});

describe('GroupTargets.requireOwned', () => {
  it("accepts a group the caller owns, whatever the id's spelling", async () => {
    await expect(targets.requireOwned(SEED.myTeam, alex())).resolves.toMatchObject({
      displayName: 'My Team',
    });
    await expect(targets.requireOwned(EXTRA.slashed, alex())).resolves.toMatchObject({ id: EXTRA.slashed });
    await expect(targets.requireOwned(SEED.marketing, megan())).resolves.toMatchObject({
      displayName: 'Marketing',
    });
  });

  it('refuses a group the caller does not own, naming it', async () => {
    const failure = await targets.requireOwned(SEED.marketing, alex()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotGroupOwnerError);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'NotGroupOwner', groupName: 'Marketing' });
    // The name is for the user-facing text only; the message goes to logs.
    expect((failure as Error).message).not.toContain('Marketing');
    await expect(targets.requireOwned(SEED.myTeam, megan())).rejects.toMatchObject({
      code: 'NotGroupOwner',
      groupName: 'My Team',
    });
    // An id only found when it is percent-encoded is still named.
    await expect(targets.requireOwned(EXTRA.slashed, megan())).rejects.toMatchObject({
      groupName: 'Slashed Id',
    });
  });

  it('refuses a group id Graph does not know, naming it by the id', async () => {
    for (const unknown of ['00000000-0000-0000-0000-00000000dead', 'not-a-group', '..', '']) {
      await expect(targets.requireOwned(unknown, alex())).rejects.toMatchObject({
        code: 'NotGroupOwner',
        groupName: unknown,
      });
    }
  });

  it('fails, rather than passing, when the owned groups cannot be read', async () => {
    const noDirectoryScope = tokenOf(harness, SEED.alex.upn, ['Group.ReadWrite.All']);
    const failure = await targets
      .requireOwned(SEED.myTeam, noDirectoryScope)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ code: 'GraphForbidden' });
  });
});
