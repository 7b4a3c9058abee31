import {
  MAX_QUERY_LENGTH,
  byDisplayName,
  foldName,
  isBlankQuery,
  matchByName,
} from '../../src/targets/name-match.js';

interface Named {
  readonly name: string;
  readonly mail?: string;
}

const namesOf = (item: Named): string[] => (item.mail === undefined ? [item.name] : [item.name, item.mail]);
const names = (items: readonly Named[]): string[] => items.map((item) => item.name);

describe('foldName', () => {
  it.each([
    ['Équipe  Café', 'equipe cafe'],
    ['  TOMÁS   García ', 'tomas garcia'],
    ['"Sales"', 'sales'],
    ["'Sales'", 'sales'],
    ['“Marketing”', 'marketing'],
    ['«Équipe»', 'equipe'],
    ['ＳＡＬＥＳ', 'sales'],
    ['ﬁnance', 'finance'],
    ['İstanbul', 'istanbul'],
    ['Zoë\tSmith\n', 'zoe smith'],
    ['Ångström', 'angstrom'],
  ])('folds %j to %j', (text, expected) => {
    expect(foldName(text)).toBe(expected);
  });

  it('keeps quotes inside a name', () => {
    expect(foldName("O'Brien")).toBe("o'brien");
  });
});

describe('matchByName', () => {
  const groups: Named[] = [
    { name: 'Sales EMEA', mail: 'salesemea@example.com' },
    { name: 'Marketing', mail: 'marketing@example.com' },
    { name: 'Équipe Café', mail: 'equipe.cafe@example.com' },
    { name: 'Sales Americas', mail: 'sales-americas@example.com' },
    { name: 'Design' },
    { name: 'Design Review' },
  ];

  it('matches a name exactly without case or accents', () => {
    expect(names(matchByName('equipe cafe', groups, namesOf).exact)).toEqual(['Équipe Café']);
    expect(names(matchByName('ÉQUIPE CAFÉ', groups, namesOf).exact)).toEqual(['Équipe Café']);
    expect(names(matchByName(' "Équipe   Café" ', groups, namesOf).exact)).toEqual(['Équipe Café']);
  });

  it('matches a mail address exactly, whole or by the part before @', () => {
    expect(names(matchByName('marketing@EXAMPLE.com', groups, namesOf).exact)).toEqual(['Marketing']);
    expect(names(matchByName('salesemea', groups, namesOf).exact)).toEqual(['Sales EMEA']);
    expect(names(matchByName('equipe.cafe', groups, namesOf).exact)).toEqual(['Équipe Café']);
    // The domain alone is not a name.
    expect(matchByName('example.com', groups, namesOf).exact).toEqual([]);
  });

  it('matches partly when every word of the query starts a word of one name', () => {
    expect(names(matchByName('sales', groups, namesOf).partial)).toEqual(['Sales Americas', 'Sales EMEA']);
    expect(names(matchByName('sal em', groups, namesOf).partial)).toEqual(['Sales EMEA']);
    expect(names(matchByName('caf', groups, namesOf).partial)).toEqual(['Équipe Café']);
    // Words of a mail address split at `@`, `.` and `-`.
    expect(names(matchByName('americas', groups, namesOf).partial)).toEqual(['Sales Americas']);
    expect(names(matchByName('cafe@example', groups, namesOf).partial)).toEqual(['Équipe Café']);
    // Every word must match within one name, and match the start of a word.
    expect(matchByName('sales marketing', groups, namesOf).partial).toEqual([]);
    expect(matchByName('ales', groups, namesOf).partial).toEqual([]);
  });

  it('lists exact matches among the partial ones, and exact ones alone as exact', () => {
    const found = matchByName('design', groups, namesOf);
    expect(names(found.exact)).toEqual(['Design']);
    expect(names(found.partial)).toEqual(['Design', 'Design Review']);
  });

  it('splits words at underscores and hyphens in the query and the names', () => {
    const items: Named[] = [{ name: 'north_region-ops' }];
    expect(names(matchByName('region ops', items, namesOf).partial)).toEqual(['north_region-ops']);
    expect(names(matchByName('north-reg', items, namesOf).partial)).toEqual(['north_region-ops']);
  });

  it('orders results by display name, ignoring case and accents, numbers as numbers', () => {
    const items: Named[] = [
      { name: 'Team 10' },
      { name: 'zeta team' },
      { name: 'Émile team' },
      { name: 'Team 2' },
      { name: 'alpha team' },
    ];
    expect(names(matchByName('team', items, namesOf).partial)).toEqual([
      'alpha team',
      'Émile team',
      'Team 2',
      'Team 10',
      'zeta team',
    ]);
  });

  it('treats a blank query as naming nothing exactly and everything partly', () => {
    for (const query of ['', '   ', '""', ' - ']) {
      expect(isBlankQuery(query)).toBe(true);
      const found = matchByName(query, groups, namesOf);
      expect(found.exact).toEqual([]);
      expect(names(found.partial)).toEqual(names(byDisplayName(groups, namesOf)));
    }
    expect(isBlankQuery('x')).toBe(false);
  });

  it(`looks at a query of up to ${MAX_QUERY_LENGTH} characters and at nothing longer`, () => {
    const longest: Named = { name: 'a'.repeat(MAX_QUERY_LENGTH) };
    const longer: Named = { name: 'b'.repeat(MAX_QUERY_LENGTH + 1) };
    expect(matchByName(longest.name, [longest], namesOf).exact).toEqual([longest]);
    const tooLong = matchByName(longer.name, [longer], namesOf);
    expect(tooLong).toEqual({ exact: [], partial: [] });
  });

  it('costs nothing for a huge message', () => {
    const many = Array.from({ length: 2000 }, (_, index) => ({ name: `Group ${index}` }));
    const started = performance.now();
    expect(matchByName('group '.repeat(200_000), many, namesOf)).toEqual({ exact: [], partial: [] });
    expect(performance.now() - started).toBeLessThan(250);
  });
});
