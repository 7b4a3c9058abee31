/**
 * A stand-in for the Bot Connector service: a loopback HTTP server that records every activity the bot sends to
 * the `serviceUrl` of the activities it receives, and a helper to post Teams-shaped activities to the bot.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  /** `POST` for a new activity or a reply, `PUT` for an update of one already sent (its id ends the path). */
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly activity: Record<string, unknown> & {
    type?: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
}

export async function fakeConnector() {
  const sent: SentActivity[] = [];
  const waiters: (() => void)[] = [];
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      sent.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        activity: body ? (JSON.parse(body) as SentActivity['activity']) : {},
      });
      for (const wake of waiters.splice(0)) wake();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${++counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    /** Waits until `count` activities of `type` (default: messages) have been sent, or fails after `ms`. */
    async waitFor(count: number, type = 'message', ms = 30_000): Promise<SentActivity[]> {
      const deadline = Date.now() + ms;
      for (;;) {
        const matching = sent.filter((s) => (s.activity.type ?? 'message') === type);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline)
          throw new Error(`only ${matching.length} ${type} activities after ${ms} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

let activityCounter = 0;

/** A Teams-shaped personal-chat activity from `from` (an Entra object id) to the bot. */
export function teamsActivity(serviceUrl: string, from: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `activity-${++activityCounter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${from}`, aadObjectId: from, name: 'Alex Wilber' },
    recipient: { id: '28:teams-photo-bot', name: 'Teams Photo' },
    conversation: { id: `a:personal-${from}`, conversationType: 'personal', tenantId: 'tenant' },
    channelData: { tenant: { id: 'tenant' } },
    locale: 'en-US',
    text: '',
    ...extra,
  };
}

/** Posts an activity to the bot and returns the HTTP answer (the invoke response for invokes). */
export async function postActivity(botUrl: string, activity: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
