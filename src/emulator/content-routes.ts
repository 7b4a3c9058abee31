/**
 * What a message holds besides its text, Graph-shaped, for "Set as group photo" on a message:
 *
 * - An image pasted into a message is not one of the message's attachments: its HTML links it as a hosted content,
 *   `GET /chats/{chat}/messages/{message}/hostedContents/{id}/$value`, or in a channel
 *   `GET /teams/{team}/channels/{channel}/messages/{message}[/replies/{reply}]/hostedContents/{id}/$value`,
 *   answered with the image's bytes (see auth-rules.ts for who may read them).
 * - A file shared in a message is a `reference` attachment naming its SharePoint / OneDrive URL, read through
 *   `GET /shares/{shareId}/driveItem` (metadata) and `/driveItem/content`, where the share id is `u!` and the URL
 *   in unpadded base64url (the item's own id is accepted too). `/content` answers as Graph does: 302 to a
 *   pre-authenticated download URL, here `<emulator>/_download/{one-time token}` (served by graph-emulator.ts).
 *
 * Ids compare exactly; a file that is missing or leads out of `content/` is a setup problem and answers 500.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  READ_CHANNEL_MESSAGES,
  READ_CHAT_MESSAGES,
  requireConversationMember,
  requireFileRead,
  requireFilesScope,
  requireMessageRead,
} from './auth-rules.js';
import type { Directory, DirectoryDriveItem, DirectoryMessage } from './directory.js';
import { findHostedContent, findMessage } from './directory-content.js';
import type { ContentStore } from './content-store.js';
import { GraphFault, ok, type GraphAnswer } from './graph-answers.js';
import { onlyLocal } from './local-only.js';
import { route, type EmulatorContext, type GraphRequest, type Route } from './router.js';

/** 404 as Teams' Graph routes answer it. */
function teamsNotFound(what: string): GraphFault {
  return new GraphFault(404, 'NotFound', `${what} was not found.`);
}

/** 404 as OneDrive answers it. */
function driveItemNotFound(): GraphFault {
  return new GraphFault(404, 'itemNotFound', 'The resource could not be found.');
}

function param(request: GraphRequest, name: string): string {
  return request.params[name] ?? '';
}

/** The bytes of a message's hosted content. */
async function hostedContentAnswer(
  request: GraphRequest,
  context: EmulatorContext,
  message: DirectoryMessage | undefined,
): Promise<GraphAnswer> {
  if (!message) throw teamsNotFound('The message');
  const hosted = findHostedContent(message, param(request, 'content'));
  if (!hosted) throw teamsNotFound('The hosted content');
  const { bytes, contentType } = await context.content.read(hosted.file);
  return { status: 200, bytes: { data: bytes, contentType } };
}

function chatHostedContent(request: GraphRequest, context: EmulatorContext): Promise<GraphAnswer> {
  const { caller } = request;
  const { directory } = context;
  requireMessageRead(caller, READ_CHAT_MESSAGES);
  const chat = directory.findChat(param(request, 'chat'));
  if (!chat) throw teamsNotFound('The chat');
  requireConversationMember(caller, (user) => directory.isChatMember(user, chat));
  return hostedContentAnswer(request, context, findMessage(chat.messages, param(request, 'message')));
}

function channelHostedContent(request: GraphRequest, context: EmulatorContext): Promise<GraphAnswer> {
  const { caller } = request;
  const { directory } = context;
  requireMessageRead(caller, READ_CHANNEL_MESSAGES);
  const team = directory.findGroup(param(request, 'team'));
  if (!team) throw teamsNotFound('The team');
  requireConversationMember(caller, (user) => directory.isGroupMember(user, team));
  const channel = directory.findChannel(team.id, param(request, 'channel'));
  if (!channel) throw teamsNotFound('The channel');
  const message = findMessage(channel.messages, param(request, 'message'));
  const replyId = request.params['reply'];
  if (replyId === undefined) return hostedContentAnswer(request, context, message);
  if (!message) throw teamsNotFound('The message');
  return hostedContentAnswer(request, context, findMessage(message.replies, replyId));
}

/**
 * The drive item a share id names: `u!` and a URL in base64url (padding tolerated), or the item's id.
 * @throws GraphFault 400 `invalidRequest` for a `u!` id that is not base64url, 404 `itemNotFound` for no such item
 */
export function sharedItem(directory: Directory, shareId: string): DirectoryDriveItem {
  let item: DirectoryDriveItem | undefined;
  if (shareId.startsWith('u!')) {
    const encoded = shareId.slice(2);
    if (!/^[A-Za-z0-9_-]+={0,2}$/.test(encoded)) {
      throw new GraphFault(400, 'invalidRequest', 'The share id is not a valid encoded sharing URL.');
    }
    item = directory.findDriveItemByWebUrl(Buffer.from(encoded, 'base64url').toString('utf8'));
  } else {
    item = directory.findDriveItem(shareId);
  }
  if (!item) throw driveItemNotFound();
  return item;
}

/** The shared item, once the caller is cleared to read it. */
function readableItem(request: GraphRequest, directory: Directory): DirectoryDriveItem {
  const { caller } = request;
  requireFilesScope(caller);
  const item = sharedItem(directory, param(request, 'share'));
  requireFileRead(
    caller,
    (user) => directory.ownsDriveItem(user, item),
    (user) => directory.isSharedWith(user, item),
  );
  return item;
}

async function driveItemMetadata(request: GraphRequest, context: EmulatorContext): Promise<GraphAnswer> {
  const item = readableItem(request, context.directory);
  const { size, contentType } = await context.content.describe(item.file);
  const share = param(request, 'share').replace(/'/g, "''");
  return ok({
    '@odata.context': `${request.serviceRoot}/$metadata#shares('${share}')/driveItem/$entity`,
    id: item.id,
    name: item.name,
    size,
    webUrl: item.webUrl,
    file: { mimeType: contentType },
  });
}

async function driveItemContent(request: GraphRequest, context: EmulatorContext): Promise<GraphAnswer> {
  const item = readableItem(request, context.directory);
  // Fails here (500) rather than handing out a link to a file that cannot be served.
  await context.content.describe(item.file);
  const token = context.content.issueDownload(item.file);
  return { status: 302, headers: { location: `${request.emulatorUrl}/_download/${token}` } };
}

/** The routes, the same under `/v1.0` and `/beta`. */
export function contentRoutes(): Route[] {
  return [
    route('chats/:chat/messages/:message/hostedContents/:content/$value', { GET: chatHostedContent }),
    route('teams/:team/channels/:channel/messages/:message/hostedContents/:content/$value', {
      GET: channelHostedContent,
    }),
    route('teams/:team/channels/:channel/messages/:message/replies/:reply/hostedContents/:content/$value', {
      GET: channelHostedContent,
    }),
    route('shares/:share/driveItem', { GET: driveItemMetadata }),
    route('shares/:share/driveItem/content', { GET: driveItemContent }),
  ];
}

/**
 * `/_download/{token}`: a shared file, once, to whoever holds the token (no bearer token, as SharePoint's
 * pre-authenticated URLs take none), only from this machine. GET only: a HEAD would spend the link.
 * @throws ContentFileError when the file has gone or leads out of `content/` since the link was handed out
 */
export async function serveDownload(
  request: IncomingMessage,
  response: ServerResponse,
  segments: readonly string[],
  content: ContentStore,
): Promise<void> {
  if (!onlyLocal(request, response, ['GET'])) return;
  const [, token, ...rest] = segments;
  const file = token !== undefined && rest.length === 0 ? content.redeemDownload(token) : undefined;
  if (file === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('No such download, or it was used or has expired.\n');
    return;
  }
  const { bytes, contentType } = await content.read(file);
  response.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
  response.end(bytes);
}
