/**
 * The directory client's admin reads with the app's token: a user's memberships (groups and directory roles), every
 * person of a directory larger than one page, one person by id, UPN or mail, and a people search; OData string
 * literals with their quotes doubled. Against the Graph emulator over loopback, plus scripted servers for more pages
 * than the emulator's tenant has and for a server that never stops paging.
 */
import type { ServerResponse } from 'node:http';
import {
  GraphDirectoryClient,
  MAX_PAGES,
  MAX_PEOPLE_PAGES,
  odataString,
} from '../../src/graph/graph-directory-client.js';
import { GraphError } from '../../src/graph/graph-errors.js';
import type { AccessTokenSource } from '../../src/graph/graph-transport.js';
import { SEED, type Harness } from '../emulator/harness.js';
import { generatedId, QUOTED, startPeopleHarness } from '../emulator/people-fixture.js';
import { scriptedServer } from '../helpers/scripted-server.js';

const noWait = { sleep: () => Promise.resolve(), random: () => 0.5 };
const ISAIAH = { id: '00000000-0000-0000-0000-0000000000023', mail: 'isaiahl@example.com' };
const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

/** A fetch that records the URLs it is asked for. */
function recordingFetch(): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (input, init) => {
      urls.push(input instanceof Request ? input.url : input.toString());
      return fetch(input, init);
    },
  };
}

function json(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

describe('GraphDirectoryClient admin reads against the Graph emulator', () => {
  const EXTRA_PEOPLE = 1200;
  let harness: Harness;
  let appToken: AccessTokenSource;
  beforeAll(async () => {
    harness = await startPeopleHarness(EXTRA_PEOPLE);
    appToken = () => Promise.resolve(harness.app());
  });
  afterAll(async () => {
    await harness.stop();
  });

  const client = (fetchImpl?: typeof fetch) =>
    new GraphDirectoryClient({
      baseUrl: harness.emulator.url,
      ...noWait,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });

  it("reads a user's directory roles and groups", async () => {
    const patti = await client().memberships(SEED.patti.id, appToken);
    expect(patti).toEqual(
      expect.arrayContaining([
        { kind: 'role', roleTemplateId: GLOBAL_ADMIN },
        { kind: 'group', id: SEED.myTeam },
      ]),
    );
    const alex = await client().memberships(SEED.alex.id, appToken);
    expect(alex).toEqual([
      { kind: 'group', id: SEED.myTeam },
      { kind: 'group', id: SEED.marketing },
    ]);
  });

  it('reads every person over several pages, with nickname and employee id', async () => {
    const recorder = recordingFetch();
    const people = await client(recorder.fetch).allPeople(appToken);
    expect(people).toHaveLength(harness.emulator.directory.users.length);
    expect(people.length).toBeGreaterThan(EXTRA_PEOPLE);
    expect(new Set(people.map((person) => person.id)).size).toBe(people.length);
    expect(recorder.urls).toHaveLength(2);
    expect(recorder.urls[0]).toContain('$top=999');
    expect(people).toContainEqual({
      id: SEED.alex.id,
      displayName: 'Alex Wilber',
      userPrincipalName: SEED.alex.upn,
      mail: SEED.alex.upn,
      mailNickname: 'alexw',
      employeeId: 'E-0001',
    });
    expect(people).toContainEqual(
      expect.objectContaining({ id: generatedId(EXTRA_PEOPLE - 1), employeeId: `G${EXTRA_PEOPLE - 1}` }),
    );
    // The kiosk has no mail: null, not missing.
    expect(people).toContainEqual(expect.objectContaining({ id: SEED.kiosk.id, mail: null }));
  });

  it('finds one person by id, by user principal name, and by a mail that is not their UPN', async () => {
    const graph = client();
    await expect(graph.person(SEED.adele.id, appToken)).resolves.toMatchObject({
      id: SEED.adele.id,
      userPrincipalName: SEED.adele.upn,
      mailNickname: 'adelev',
    });
    await expect(graph.person('PattiF@Example.com', appToken)).resolves.toMatchObject({ id: SEED.patti.id });
    await expect(graph.person(ISAIAH.mail, appToken)).resolves.toMatchObject({ id: ISAIAH.id });
    await expect(graph.person(QUOTED.mail, appToken)).resolves.toMatchObject({
      id: QUOTED.id,
      displayName: QUOTED.displayName,
    });
  });

  it('answers null for no one, asking by mail only for what looks like a mail address', async () => {
    const recorder = recordingFetch();
    const graph = client(recorder.fetch);
    await expect(graph.person('nobody@example.com', appToken)).resolves.toBeNull();
    expect(recorder.urls).toHaveLength(2);
    expect(decodeURIComponent(recorder.urls[1]!)).toContain("mail eq 'nobody@example.com'");
    await expect(graph.person('no-such-person', appToken)).resolves.toBeNull();
    expect(recorder.urls).toHaveLength(3);
    await expect(graph.person('..', appToken)).resolves.toBeNull();
    expect(recorder.urls).toHaveLength(3);
  });

  it('keeps a quote inside the literal: it cannot end the string and add clauses', async () => {
    const recorder = recordingFetch();
    const graph = client(recorder.fetch);
    // Unescaped, this would read `mail eq 'x' or startswith(mail,'adelev@example.com'`: Adele, or a 400.
    await expect(graph.person("x'or(startswith(mail,'adelev@example.com", appToken)).resolves.toBeNull();
    expect(decodeURIComponent(recorder.urls.at(-1)!)).toContain(
      "mail eq 'x''or(startswith(mail,''adelev@example.com'",
    );
    expect(odataString("it's")).toBe("'it''s'");
  });

  it('searches by the start of a name, a user principal name or a mail, up to a limit', async () => {
    const graph = client();
    const ids = async (text: string, limit = 10) =>
      (await graph.searchPeople(text, limit, appToken)).map((person) => person.id);
    expect(await ids('ade')).toEqual([SEED.adele.id]);
    expect(await ids('pattif@')).toEqual([SEED.patti.id]);
    expect(await ids('isaiahl')).toEqual([ISAIAH.id]);
    expect(await ids("Liam O'B")).toEqual([QUOTED.id]);
    expect(await ids("o'bri")).toEqual([QUOTED.id]);
    expect(await ids('Person 1', 5)).toHaveLength(5);
    expect(await ids('Person', 0)).toEqual([]);
    expect(await ids('zzz')).toEqual([]);
  });

  it('asks with the token it is given: a user without User.Read.All is refused', async () => {
    const alexOnly: AccessTokenSource = () => Promise.resolve(harness.user(SEED.alex.upn, ['User.Read']));
    await expect(client().allPeople(alexOnly)).rejects.toMatchObject({ code: 'GraphForbidden' });
    await expect(client().memberships(SEED.patti.id, alexOnly)).rejects.toBeInstanceOf(GraphError);
  });
});

describe('GraphDirectoryClient paging of people', () => {
  const token: AccessTokenSource = () => Promise.resolve('app-token');
  const person = (index: number) => ({
    id: `p${index}`,
    displayName: `P ${index}`,
    userPrincipalName: `p${index}@example.com`,
  });

  it(`reads more pages of people than the ${MAX_PAGES} other collections may have`, async () => {
    const pages = MAX_PAGES + 10;
    const server = await scriptedServer((_request, response, index) => {
      json(response, {
        value: [person(index)],
        ...(index + 1 < pages
          ? { '@odata.nextLink': `${server.url}/v1.0/users?$skiptoken=${index + 1}` }
          : {}),
      });
    });
    try {
      const people = await new GraphDirectoryClient({ baseUrl: server.url, ...noWait }).allPeople(token);
      expect(people).toHaveLength(pages);
      expect(server.requests[0]!.headers.authorization).toBe('Bearer app-token');
    } finally {
      await server.close();
    }
  });

  it(`stops after ${MAX_PEOPLE_PAGES} pages of a server that never stops paging`, async () => {
    const server = await scriptedServer((_request, response, index) => {
      json(response, {
        value: [person(index)],
        '@odata.nextLink': `${server.url}/v1.0/users?$skiptoken=${index + 1}`,
      });
    });
    try {
      const failure = await new GraphDirectoryClient({ baseUrl: server.url, ...noWait })
        .allPeople(token)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(GraphError);
      expect(failure).toMatchObject({ code: 'GraphUnavailable', graphCode: 'TooManyPages' });
      expect(server.requests).toHaveLength(MAX_PEOPLE_PAGES);
    } finally {
      await server.close();
    }
  });
});
