/**
 * The directory client against the Graph emulator (owned groups, contacts in every folder, a group by id, Graph's
 * permission rules) and against scripted loopback servers for what the emulator does not do: paging of owned
 * objects and contacts, a group that is not a Microsoft 365 group, and next links that must not be followed.
 */
import type { ServerResponse } from 'node:http';
import { GraphDirectoryClient, MAX_PAGES } from '../../src/graph/graph-directory-client.js';
import { GraphError } from '../../src/graph/graph-errors.js';
import { SEED, startHarness, type Harness } from '../emulator/harness.js';
import { scriptedServer, type RecordedRequest } from '../helpers/scripted-server.js';
import {
  CONTACT_SCOPES,
  EXTRA,
  GROUP_SCOPES,
  startExtendedHarness,
  tokenOf,
} from '../targets/directory-fixture.js';

const noWait = { sleep: () => Promise.resolve(), random: () => 0.5 };

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

describe('GraphDirectoryClient against the Graph emulator', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.stop();
  });

  const client = (fetchImpl?: typeof fetch) =>
    new GraphDirectoryClient({
      baseUrl: harness.emulator.url,
      ...noWait,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });

  it('lists the groups each user owns, with mail and mail nickname', async () => {
    harness = await startHarness();
    const graph = client();
    await expect(graph.ownedGroups(tokenOf(harness, SEED.alex.upn, GROUP_SCOPES))).resolves.toEqual([
      { id: SEED.myTeam, displayName: 'My Team', mail: 'myteam@example.com', mailNickname: 'myteam' },
    ]);
    await expect(graph.ownedGroups(tokenOf(harness, SEED.megan.upn, GROUP_SCOPES))).resolves.toEqual([
      {
        id: SEED.marketing,
        displayName: 'Marketing',
        mail: 'marketing@example.com',
        mailNickname: 'marketing',
      },
    ]);
    await expect(graph.ownedGroups(tokenOf(harness, SEED.adele.upn, GROUP_SCOPES))).resolves.toEqual([]);
  });

  it('lists contacts of the default folder and of every contact folder, each with its folder', async () => {
    harness = await startExtendedHarness();
    const contacts = await client().contacts(tokenOf(harness, SEED.alex.upn, CONTACT_SCOPES));
    expect(contacts).toEqual([
      { id: SEED.ravi, displayName: 'Ravi Kumar', emails: ['ravi@fabrikam.example'] },
      { id: SEED.hannah, displayName: 'Hannah Schmidt', emails: ['hannah@tailspin.example'] },
      {
        id: EXTRA.liWei,
        displayName: 'Li Wei',
        emails: ['wei@contoso.example', 'li.wei@personal.example'],
      },
      {
        id: SEED.tomas,
        displayName: 'Tomás García',
        emails: ['tomas@wingtip.example'],
        folderId: SEED.suppliers,
        folderName: 'Suppliers',
      },
      {
        id: EXTRA.hannahAtHome,
        displayName: 'Hannah Schmidt',
        emails: ['hannah.schmidt@home.example'],
        folderId: EXTRA.family,
        folderName: 'Family',
      },
    ]);
  });

  it('reads any group by id, percent-encoding it, and answers null for one Graph does not know', async () => {
    harness = await startExtendedHarness();
    const graph = client();
    const megan = tokenOf(harness, SEED.megan.upn, GROUP_SCOPES);
    await expect(graph.group(SEED.myTeam, megan)).resolves.toMatchObject({ displayName: 'My Team' });
    // `/` and `+` unencoded would make another path (or a space): only the encoded id finds the group.
    await expect(graph.group(EXTRA.slashed, megan)).resolves.toMatchObject({
      id: EXTRA.slashed,
      displayName: 'Slashed Id',
    });
    await expect(graph.group('00000000-0000-0000-0000-00000000dead', megan)).resolves.toBeNull();
  });

  it('never sends a dot segment, which a URL parser would resolve to another path', async () => {
    harness = await startHarness();
    const recorder = recordingFetch();
    const graph = client(recorder.fetch);
    const token = tokenOf(harness, SEED.alex.upn, GROUP_SCOPES);
    await expect(graph.group('..', token)).resolves.toBeNull();
    await expect(graph.group('.', token)).resolves.toBeNull();
    await expect(graph.group('', token)).resolves.toBeNull();
    expect(recorder.urls).toEqual([]);
  });

  it("fails with Graph's refusal when the token lacks the permission", async () => {
    harness = await startHarness();
    const graph = client();
    await expect(graph.contacts(tokenOf(harness, SEED.alex.upn, ['User.Read']))).rejects.toMatchObject({
      code: 'GraphForbidden',
      graphCode: 'ErrorAccessDenied',
    });
    await expect(
      graph.group(SEED.myTeam, tokenOf(harness, SEED.alex.upn, ['User.Read'])),
    ).rejects.toMatchObject({
      code: 'GraphForbidden',
    });
  });
});

/** Writes a JSON answer. */
function json(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req-page' });
  response.end(JSON.stringify(body));
}

const group = (id: string, groupTypes: string[]) => ({
  id,
  displayName: `Group ${id}`,
  mailNickname: `group${id}`,
  mail: null,
  groupTypes,
});

describe('GraphDirectoryClient paging', () => {
  const token = () => Promise.resolve('test-token');
  const pathOf = (request: RecordedRequest) => new URL(request.url, 'http://x').pathname;

  it('follows next links under its root to the last page, with the token, keeping only Microsoft 365 groups', async () => {
    const server = await scriptedServer((_request, response, index) => {
      const next =
        index < 2
          ? `${server.url}/v1.0/me/ownedObjects/microsoft.graph.group?$skiptoken=p${index + 1}`
          : undefined;
      json(response, {
        value: [group(`${index}a`, ['Unified']), group(`${index}b`, []), { '@odata.type': '#x', id: 7 }],
        ...(next === undefined ? {} : { '@odata.nextLink': next }),
      });
    });
    try {
      const groups = await new GraphDirectoryClient({ baseUrl: server.url, ...noWait }).ownedGroups(token);
      expect(groups.map((owned) => owned.id)).toEqual(['0a', '1a', '2a']);
      expect(groups[0]).toEqual({ id: '0a', displayName: 'Group 0a', mailNickname: 'group0a' });
      expect(server.requests.map((request) => request.url)).toEqual([
        '/v1.0/me/ownedObjects/microsoft.graph.group?$select=id,displayName,mail,mailNickname,groupTypes&$top=999',
        '/v1.0/me/ownedObjects/microsoft.graph.group?$skiptoken=p1',
        '/v1.0/me/ownedObjects/microsoft.graph.group?$skiptoken=p2',
      ]);
      expect(server.requests.every((request) => request.headers.authorization === 'Bearer test-token')).toBe(
        true,
      );
    } finally {
      await server.close();
    }
  });

  it('pages contacts of the default folder, the folder list and each folder', async () => {
    /** Each page by path and `$skiptoken`: its contacts or folders, and whether a second page follows. */
    const pages: Record<string, [unknown[], boolean]> = {
      '/v1.0/me/contacts ': [[{ id: 'c1', displayName: 'One', emailAddresses: [] }], true],
      '/v1.0/me/contacts 2': [[{ id: 'c2', emailAddresses: [{ address: 'two@x.example' }] }], false],
      '/v1.0/me/contactFolders ': [[{ id: 'f/1', displayName: 'First' }], true],
      '/v1.0/me/contactFolders 2': [[{ id: 'f2', displayName: 'Second' }, { id: '..' }], false],
      '/v1.0/me/contactFolders/f%2F1/contacts ': [[{ id: 'c3', displayName: 'Three' }], true],
      '/v1.0/me/contactFolders/f%2F1/contacts 2': [[{ id: 'c4', displayName: 'Four' }], false],
      '/v1.0/me/contactFolders/f2/contacts ': [[{ id: 'c5', displayName: 'Five' }], false],
    };
    const server = await scriptedServer((request, response) => {
      const url = new URL(request.url, server.url);
      const page = pages[`${url.pathname} ${url.searchParams.get('$skiptoken') ?? ''}`];
      if (page === undefined) {
        response.writeHead(404).end();
        return;
      }
      const [value, more] = page;
      json(response, {
        value,
        ...(more ? { '@odata.nextLink': `${url.origin}${url.pathname}?$skiptoken=2` } : {}),
      });
    });
    try {
      const contacts = await new GraphDirectoryClient({ baseUrl: server.url, ...noWait }).contacts(token);
      expect(contacts.map((contact) => [contact.id, contact.displayName, contact.folderName])).toEqual([
        ['c1', 'One', undefined],
        ['c2', 'two@x.example', undefined],
        ['c3', 'Three', 'First'],
        ['c4', 'Four', 'First'],
        ['c5', 'Five', 'Second'],
      ]);
      expect(server.requests).toHaveLength(7);
    } finally {
      await server.close();
    }
  });

  it.each([
    [
      'on another host',
      (_own: string, other: string) => `${other}/v1.0/me/ownedObjects/microsoft.graph.group?p=2`,
    ],
    ['under another API version', (own: string) => `${own}/beta/me/ownedObjects?p=2`],
    ['under a root that only starts the same', (own: string) => `${own}/v1.0evil/me/ownedObjects?p=2`],
    ['with credentials in it', (own: string) => own.replace('http://', 'http://user:pass@') + '/v1.0/me?p=2'],
    ['that is relative', () => '/v1.0/me/ownedObjects?p=2'],
  ])('refuses a next link %s, sending nothing there', async (_name, linkTo) => {
    const other = await scriptedServer((_request, response) => {
      json(response, { value: [] });
    });
    const server = await scriptedServer((_request, response) => {
      json(response, { value: [], '@odata.nextLink': linkTo(server.url, other.url) });
    });
    try {
      const graph = new GraphDirectoryClient({ baseUrl: server.url, ...noWait });
      const failure = await graph.ownedGroups(token).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(GraphError);
      expect(failure).toMatchObject({ code: 'GraphUnavailable', status: 0 });
      expect((failure as Error).message).not.toContain('p=2');
      expect(server.requests.map(pathOf)).toEqual(['/v1.0/me/ownedObjects/microsoft.graph.group']);
      expect(other.requests).toEqual([]);
    } finally {
      await server.close();
      await other.close();
    }
  });

  it(`stops after ${MAX_PAGES} pages of a server that never stops sending next links`, async () => {
    const server = await scriptedServer((_request, response, index) => {
      json(response, {
        value: [group(String(index), ['Unified'])],
        '@odata.nextLink': `${server.url}/v1.0/me/ownedObjects/microsoft.graph.group?$skiptoken=${index + 1}`,
      });
    });
    try {
      const graph = new GraphDirectoryClient({ baseUrl: server.url, ...noWait });
      await expect(graph.ownedGroups(token)).rejects.toMatchObject({
        code: 'GraphUnavailable',
        graphCode: 'TooManyPages',
      });
      expect(server.requests).toHaveLength(MAX_PAGES);
    } finally {
      await server.close();
    }
  });

  it('reads a whole collection that takes exactly the page bound', async () => {
    const server = await scriptedServer((_request, response, index) => {
      json(response, {
        value: [group(String(index), ['Unified'])],
        ...(index + 1 < MAX_PAGES
          ? { '@odata.nextLink': `${server.url}/v1.0/me/ownedObjects?$skiptoken=${index + 1}` }
          : {}),
      });
    });
    try {
      const graph = new GraphDirectoryClient({ baseUrl: server.url, ...noWait });
      await expect(graph.ownedGroups(token)).resolves.toHaveLength(MAX_PAGES);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['not JSON', 'text/plain', 'hello'],
    ['no value', 'application/json', '{"items":[]}'],
    ['a next link that is not text', 'application/json', '{"value":[],"@odata.nextLink":5}'],
  ])('fails on an answer that is %s', async (_name, type, body) => {
    const server = await scriptedServer((_request, response) => {
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    });
    try {
      const graph = new GraphDirectoryClient({ baseUrl: server.url, ...noWait });
      await expect(graph.ownedGroups(token)).rejects.toMatchObject({
        code: 'GraphUnavailable',
        graphCode: 'MalformedAnswer',
      });
    } finally {
      await server.close();
    }
  });
});
