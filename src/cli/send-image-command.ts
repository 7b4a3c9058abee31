/**
 * `profile-photo send-image <file> [--bot URL] [--user ID] [--as-file]`: sends an image to the running bot as
 * Teams would (Agents Playground's chat box cannot attach images), and prints the bot's answer. The file is served
 * from a loopback port for the bot to download, and the bot's replies come back to a loopback stand-in for the
 * Bot Connector; nothing leaves this machine.
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

const usage = `profile-photo send-image <file> [--bot URL] [--user ID] [--as-file] [--wait-ms N]

Sends <file> to the running bot (npm start) as an image in a Teams personal chat, and prints its answer.
  --bot URL     the bot's messages endpoint (default http://127.0.0.1:$PORT/api/messages)
  --user ID     the sender's Entra object id (default: Agents Playground's user, Alex Wilber)
  --as-file     send it as a file (a pre-authorized download URL) instead of an inline image
  --wait-ms N   how long to wait for the answer (default 60000)`;

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
      if (record.type === 'TextBlock' && typeof record.text === 'string') texts.push(record.text);
      if (typeof record.title === 'string' && record.type === 'Action.Execute')
        texts.push(`[${record.title}]`);
      Object.values(record).forEach(walk);
    }
  };
  walk(reply.attachments?.map((a) => a.content));
  return `card: ${texts.join(' | ')}`;
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
        'wait-ms': { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('send-image needs one image file');
    const file = positionals[0] as string;
    const waitMs = values['wait-ms'] === undefined ? 60_000 : Number(values['wait-ms']);
    if (!Number.isInteger(waitMs) || waitMs < 1) throw new UsageError('--wait-ms must be a whole number');
    const bot = values.bot ?? `http://127.0.0.1:${loadConfig().bot.port}/api/messages`;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (cause) {
      throw new AppError('InputNotReadable', 'read failed', { cause });
    }

    const fileServer = createServer((_req, res) => {
      res.writeHead(200);
      res.end(bytes);
    });
    const replies: Reply[] = [];
    let answered: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (answered = resolve));
    const connector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const reply = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Reply;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `r${replies.length}` }));
        if (reply.type === 'typing') return;
        replies.push(reply);
        // The photo card (or a refusal) ends the exchange; "you sent N images" comes just before the card.
        if (reply.attachments?.length || !/\d+ images/.test(reply.text ?? '')) answered();
      });
    });
    try {
      const fileUrl = `${await listen(fileServer)}/${encodeURIComponent(path.basename(file))}`;
      const serviceUrl = await listen(connector);
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
          locale: 'en-US',
          attachments: [attachment],
        }),
      }).catch((cause: unknown) => {
        throw new AppError('BotUnreachable', 'no answer', { cause });
      });
      if (!response.ok) throw new AppError('BotUnreachable', `HTTP ${response.status}`);
      const timer = new Promise<void>((resolve) => setTimeout(resolve, waitMs).unref());
      await Promise.race([done, timer]);
      if (replies.length === 0) throw new AppError('BotUnreachable', 'no reply in time');
      for (const reply of replies) io.out(`Teams Photo: ${describe(reply)}`);
      return EXIT.ok;
    } finally {
      fileServer.close();
      connector.closeAllConnections();
      connector.close();
    }
  },
};
