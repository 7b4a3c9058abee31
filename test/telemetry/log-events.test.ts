/**
 * The log lines of the events that matter, as the running app writes them in the JSON format production uses: the
 * real server in local mode, the real pipeline, the Graph emulator (whose answers carry a `request-id`, as Graph's
 * do), a fake Bot Connector and a file server on loopback. A photo change, a change Graph refuses, an undo and a
 * refused request each leave one line with its event, outcome, correlation id (for a failure: the reference the
 * person was shown) and Graph's request id; no line holds a token, the image's URL or its bytes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { FaultScript, GRAPH_REFUSALS } from '../../dist/emulator/faults.js';
import { createLogger } from '../../dist/logger.js';
import { fakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { fileServer } from '../helpers/file-server.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';

const ALEX = '00000000-0000-0000-0000-0000000000020';
const QUERY_SECRET = 'sig=QUERYSECRET42';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Line = Record<string, unknown>;

describe('log events in the JSON format', () => {
  let dataDir: string;
  let app: RunningApp;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let files: Awaited<ReturnType<typeof fileServer>>;
  const script = new FaultScript();
  const raw: string[] = [];
  const everything: string[] = [];
  const lines = (): Line[] => raw.map((line) => JSON.parse(line) as Line);
  const messages = () => connector.sent.filter((s) => (s.activity.type ?? 'message') === 'message');

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'teams-photo-log-events-'));
    files = await fileServer({ 'a.jpg': await encodeJpeg(photoLike(800, 600, 3)) });
    const config = loadConfig({
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      PHOTO_POOL_SIZE: '1',
      QUALITY_CHECKS: 'off', // pictures made for other tests: the quality checks have their own
    });
    const logger = createLogger(
      'debug',
      (line) => {
        raw.push(line);
        everything.push(line);
      },
      undefined,
      { format: 'json' },
    );
    app = await startApp(config, logger, { emulatorFaults: { script, photoRoutesOnly: true } });
    connector = await fakeConnector();
  });
  afterAll(async () => {
    await connector.close();
    await app.close();
    await files.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const sendImage = () =>
    postActivity(
      app.server.url,
      teamsActivity(connector.url, ALEX, {
        attachments: [{ contentType: 'image/*', contentUrl: `${files.url}/a.jpg?${QUERY_SECRET}` }],
      }),
    );

  it('a photo change: "photo changed", ok, the change id as correlation id, Graph\'s request id', async () => {
    const before = messages().length;
    await sendImage();
    const reply = (await connector.waitFor(before + 1)).at(-1)!;
    const changeId = /"changeId":"([^"]+)"/.exec(
      JSON.stringify(reply.activity.attachments?.[0]?.content),
    )?.[1];
    expect(changeId).toBeDefined();
    const line = lines().find((l) => l.event === 'photo changed');
    expect(line).toMatchObject({ level: 'info', outcome: 'ok', correlationId: changeId, path: 'chat' });
    expect(line?.graphRequestId).toMatch(UUID);
    expect(Object.keys(line!).slice(0, 6)).toEqual([
      'level',
      'time',
      'event',
      'correlationId',
      'outcome',
      'graphRequestId',
    ]);

    // Undo of that change: "undo done", ok, the undo's change id.
    raw.length = 0;
    const undo = await postActivity(
      app.server.url,
      teamsActivity(connector.url, ALEX, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'undoPhotoChange', data: { changeId } } },
      }),
    );
    expect(undo.status).toBe(200);
    const undone = lines().find((l) => l.event === 'undo done');
    expect(undone).toMatchObject({ level: 'info', outcome: 'ok' });
    expect(typeof undone?.correlationId).toBe('string');
  });

  it("a change Graph refuses: the reference the person saw, the code and Graph's request id", async () => {
    raw.length = 0;
    const before = messages().length;
    script.push('pass').push(GRAPH_REFUSALS.accessDenied);
    await sendImage();
    const reply = (await connector.waitFor(before + 1)).at(-1)!;
    const reference = /([0-9a-f]{8})$/.exec(reply.activity.text ?? '')?.[1];
    expect(reference).toBeDefined();
    const line = lines().find((l) => l.event === 'photo change refused');
    expect(line).toMatchObject({
      level: 'warn',
      correlationId: reference,
      outcome: 'refused',
      code: 'GraphPolicyBlocked',
    });
    expect(line?.graphRequestId).toMatch(UUID);
  });

  it('a refused request: "request refused" with its code', async () => {
    raw.length = 0;
    const answer = await fetch(`${app.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(answer.status).toBe(415);
    expect(lines().find((l) => l.event === 'request refused')).toMatchObject({
      level: 'warn',
      outcome: 'refused',
      code: 'UnsupportedMediaType',
    });
  });

  it('no line holds a token, the image URL or its bytes; each is one JSON object', () => {
    expect(everything.length).toBeGreaterThan(3);
    const all = everything.join('\n');
    expect(all).not.toContain('eyJ');
    expect(all).not.toContain('QUERYSECRET42');
    expect(all).not.toContain(files.url);
    expect(all).not.toContain('/9j/'); // base64 of a JPEG's start
    for (const line of everything) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});
