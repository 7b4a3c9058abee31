/**
 * `profile-photo send-image <file> [--bot URL] [--user ID] [--as-file] [--locale TAG] [--playground]`: sends an
 * image to the running bot as Teams would (Agents Playground's chat box cannot attach images), and prints the
 * bot's answer and where to see the new photo. The file is served from a loopback port for the bot to download,
 * and the bot's replies come back to a loopback stand-in for the Bot Connector; nothing leaves this machine.
 *
 * With `--playground` the image goes through the running Microsoft 365 Agents Playground instead (its custom
 * activity route forwards an activity to the bot as is), so the answer, card and all, appears in its chat in the
 * browser; the command then waits for the bot to fetch the image and for the emulator to see the photo change.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { PLAYGROUND_TENANT_ID, PLAYGROUND_USER_ID } from '../emulator/seed-directory.js';
import { EXIT, UsageError, type CliIo, type Command } from './command.js';

/** Where Microsoft 365 Agents Playground listens unless told otherwise (`npm run dev`). */
const PLAYGROUND_URL = 'http://localhost:56150';

const usage = `profile-photo send-image <file> [--bot URL] [--user ID] [--as-file] [--text TEXT] [--locale TAG]
                           [--wait-ms N] [--playground] [--playground-url URL]

Sends <file> to the running bot (npm start) as an image in a Teams personal chat, prints its answer and where
to see the new photo.
  --bot URL             the bot's messages endpoint (default http://127.0.0.1:$PORT/api/messages)
  --user ID             the sender's Entra object id (default: Agents Playground's user, Alex Wilber)
  --as-file             send it as a file (a pre-authorized download URL) instead of an inline image
  --text TEXT           the message's text with the image, e.g. "group My Team" or "contact Ravi Kumar"
  --locale TAG          the sender's language, e.g. de-DE (default en-US)
  --wait-ms N           how long to wait for the answer (default 60000)
  --playground          send it through the running Agents Playground (npm run dev), so the answer appears
                        in its chat in the browser
  --playground-url URL  the Playground's address (default ${PLAYGROUND_URL})`;

interface Reply {
  type?: string;
  text?: string;
  attachments?: { contentType?: string; content?: unknown }[];
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** One line for an answer: its text, or the text blocks of its card. */
function describe(reply: Reply): string {
  if (reply.text) return reply.text.replace(/\s+/g, ' ');
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if ((record.type === 'TextBlock' || record.type === 'TextRun') && typeof record.text === 'string')
        texts.push(record.text);
      if (typeof record.title === 'string' && record.type === 'Action.Execute')
        texts.push(`[${record.title}]`);
      Object.values(record).forEach(walk);
    }
  };
  walk(reply.attachments?.map((a) => a.content));
  return `card: ${texts.join(' | ')}`;
}

/** The emulator's revision (see `/_view/changes`), or `undefined` when no emulator answers there. */
async function emulatorRevision(emulatorUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(`${emulatorUrl}/_view/changes`, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { revision?: unknown };
    return typeof body.revision === 'number' ? body.revision : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lines saying where to see the photo: the emulator's page and, for one's own photo (no text with the image), the
 * sender's photo itself; a group's or contact's is on the page.
 */
function whereToSee(emulatorUrl: string, user: string, text: string): string[] {
  const page = `See it on the Graph emulator's page: ${emulatorUrl}/`;
  if (text.trim() !== '') return [page];
  return [
    page,
    `The photo itself:                    ${emulatorUrl}/_view/photo/users/${encodeURIComponent(user)}`,
  ];
}

/** A JSON GET on the Playground; `undefined` when it does not answer. */
async function playgroundJson(url: string): Promise<Record<string, unknown> | undefined> {
  try {
    // The config route waits up to 15 s for the bot to answer the Playground's first message.
    const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
    return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const sendImageCommand: Command = {
  name: 'send-image',
  summary: 'send an image to the running bot as Teams would, and print its answer',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        bot: { type: 'string' },
        user: { type: 'string' },
        'as-file': { type: 'boolean' },
        text: { type: 'string' },
        locale: { type: 'string' },
        'wait-ms': { type: 'string' },
        playground: { type: 'boolean' },
        'playground-url': { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('send-image needs one image file');
    const file = positionals[0] as string;
    const waitMs = values['wait-ms'] === undefined ? 60_000 : Number(values['wait-ms']);
    if (!Number.isInteger(waitMs) || waitMs < 1) throw new UsageError('--wait-ms must be a whole number');
    const locale = values.locale ?? 'en-US';
    const text = values.text ?? '';
    if (text.length > 300) throw new UsageError('--text is at most 300 characters');
    if (!/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(locale)) {
      throw new UsageError('--locale must be a language tag such as de-DE');
    }
    const config = loadConfig();
    const bot = values.bot ?? `http://127.0.0.1:${config.bot.port}/api/messages`;
    const emulatorUrl = `http://127.0.0.1:${config.emulator.port}`;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (cause) {
      throw new AppError('InputNotReadable', 'read failed', { cause });
    }

    let downloaded: () => void = () => undefined;
    const fetched = new Promise<void>((resolve) => (downloaded = resolve));
    const fileServer = createServer((_req, res) => {
      res.writeHead(200);
      res.end(bytes, () => {
        downloaded();
      });
    });
    const replies: Reply[] = [];
    let answered: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (answered = resolve));
    let settle: NodeJS.Timeout | undefined;
    const connector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const reply = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Reply;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `r${replies.length}` }));
        if (reply.type === 'typing') return;
        replies.push(reply);
        // The photo card (or a refusal) ends the exchange. A text may be followed by the card ("you sent 2
        // images" comes just before it, in whatever language), so a text ends it only if nothing follows soon.
        clearTimeout(settle);
        if (reply.attachments?.length) answered();
        else settle = setTimeout(answered, 1500).unref();
      });
    });
    try {
      const fileUrl = `${await listen(fileServer)}/${encodeURIComponent(path.basename(file))}`;
      const attachment = values['as-file']
        ? {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: path.basename(file),
            content: {
              downloadUrl: fileUrl,
              fileType: path.extname(file).slice(1).toLowerCase(),
              uniqueId: 'local',
            },
          }
        : { contentType: 'image/*', contentUrl: fileUrl };
      const user = values.user ?? PLAYGROUND_USER_ID;
      const timer = new Promise<void>((resolve) => setTimeout(resolve, waitMs).unref());

      if (values.playground) {
        const playground = (values['playground-url'] ?? PLAYGROUND_URL).replace(/\/+$/, '');
        const settings = await playgroundJson(`${playground}/_internal/v1/config`);
        const chat = (settings?.config as { personalChat?: { id?: unknown } } | undefined)?.personalChat?.id;
        if (typeof chat !== 'string') throw new AppError('PlaygroundUnreachable', 'no config');
        const template = await playgroundJson(
          `${playground}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(chat)}`,
        );
        if (!template) throw new AppError('PlaygroundUnreachable', 'no template');
        const before = await emulatorRevision(emulatorUrl);
        // The template's serviceUrl points back at the Playground, so the bot's answer lands in its chat.
        const activity = { ...template, type: 'message', text, locale, attachments: [attachment] };
        const sent = await fetch(`${playground}/_internal/v1/customActivities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        }).catch((cause: unknown) => {
          throw new AppError('PlaygroundUnreachable', 'post failed', { cause });
        });
        if (!sent.ok) throw new AppError('PlaygroundUnreachable', `HTTP ${sent.status}`);
        // The Playground answers before it forwards, so what shows the bot got it is the bot fetching the file.
        const got = await Promise.race([fetched.then(() => true), timer.then(() => false)]);
        if (!got) throw new AppError('BotUnreachable', 'the Playground forwarded, the bot never fetched');
        for (let waited = 0; before !== undefined && waited < waitMs; waited += 250) {
          if ((await emulatorRevision(emulatorUrl)) !== before) break;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        io.out(`Sent through Microsoft 365 Agents Playground: the answer is in its chat, ${playground}`);
        if (before !== undefined) for (const line of whereToSee(emulatorUrl, user, text)) io.out(line);
        return EXIT.ok;
      }

      const serviceUrl = await listen(connector);
      const before = await emulatorRevision(emulatorUrl);
      const response = await fetch(bot, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `send-image-${Date.now()}`,
          timestamp: new Date().toISOString(),
          channelId: 'msteams',
          serviceUrl,
          from: { id: `29:${user}`, aadObjectId: user, name: 'Local sender' },
          recipient: { id: '28:teams-photo', name: 'Teams Photo' },
          conversation: {
            id: `a:send-image-${user}`,
            conversationType: 'personal',
            tenantId: PLAYGROUND_TENANT_ID,
          },
          channelData: { tenant: { id: PLAYGROUND_TENANT_ID } },
          locale,
          text,
          attachments: [attachment],
        }),
      }).catch((cause: unknown) => {
        throw new AppError('BotUnreachable', 'no answer', { cause });
      });
      if (!response.ok) throw new AppError('BotUnreachable', `HTTP ${response.status}`);
      await Promise.race([done, timer]);
      if (replies.length === 0) throw new AppError('BotUnreachable', 'no reply in time');
      for (const reply of replies) io.out(`Teams Photo: ${describe(reply)}`);
      // Only when the photo did change (a card came and the emulator saw it): a refusal changes nothing to see.
      const changed = before !== undefined && (await emulatorRevision(emulatorUrl)) !== before;
      if (replies.some((reply) => reply.attachments?.length) && changed) {
        for (const line of whereToSee(emulatorUrl, user, text)) io.out(line);
      }
      return EXIT.ok;
    } finally {
      clearTimeout(settle);
      fileServer.closeAllConnections();
      fileServer.close();
      connector.closeAllConnections();
      connector.close();
    }
  },
};
