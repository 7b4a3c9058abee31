/**
 * What people post in the emulator's tenant: chats and channel messages with their hosted contents (images pasted
 * inline, which real Teams keeps out of a message's attachments and links from its HTML), and OneDrive / SharePoint
 * files that a message can share. Part of directory.json (see directory.ts), validated with the rest of it.
 *
 * Every piece of content names a `file`, relative to `<dataDir>/emulator/`, that must lie in
 * `<dataDir>/emulator/content/`. The path is checked twice: here, as text, so a directory naming `..`, an absolute
 * path or anything outside `content/` is refused when it is read; and again when the file is served
 * (content-store.ts), after symbolic links are resolved, since a link inside `content/` may lead anywhere.
 *
 * Teams ids (chats, channels, messages, hosted contents) and drive item ids compare exactly, case included, as
 * Teams and OneDrive compare them; a channel's team is a group, whose id compares without case like every
 * directory id.
 */
import path from 'node:path';
import { z } from 'zod/v4';

const id = z.string().trim().min(1);

/** Why a content file path is refused, or `undefined` when it names a file under `content/`. */
export function contentPathProblem(file: string): string | undefined {
  if (file.includes('\0')) return 'must not contain a NUL character';
  if (path.posix.isAbsolute(file) || path.win32.isAbsolute(file) || /^[a-z]:/i.test(file)) {
    return 'must be relative to <dataDir>/emulator/, not absolute';
  }
  const parts = file.split(/[\\/]/);
  if (parts.includes('..')) return 'must not contain ".."';
  const name = parts.at(-1) ?? '';
  if (parts[0] !== 'content' || parts.length < 2 || name === '' || name === '.') {
    return 'must name a file under content/ (e.g. content/picture.jpg)';
  }
  return undefined;
}

const contentFile = z.string().check((payload) => {
  const file = payload.value;
  const problem = contentPathProblem(file);
  if (problem !== undefined)
    payload.issues.push({ code: 'custom', input: file, message: `${file}: ${problem}` });
});

const hostedContentSchema = z.object({ id, file: contentFile });

const messageSchema = z.object({ id, hostedContents: z.array(hostedContentSchema).default([]) });

export const chatSchema = z.object({
  id,
  members: z.array(id).default([]),
  messages: z.array(messageSchema).default([]),
});

export const channelSchema = z.object({
  teamId: id,
  id,
  displayName: z.string(),
  messages: z.array(messageSchema.extend({ replies: z.array(messageSchema).default([]) })).default([]),
});

const webUrl = z.string().refine((value) => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}, 'must be an absolute http(s) URL');

export const driveItemSchema = z.object({
  id,
  name: z.string().trim().min(1),
  webUrl,
  owner: id,
  /** Who besides the owner may read it: everyone in the organisation, or these users. */
  sharedWith: z.union([z.literal('organization'), z.array(id)]).default([]),
  file: contentFile,
});

/** A chat with its members' user ids and its messages. */
export type DirectoryChat = z.output<typeof chatSchema>;
/** A channel of a team (the group `teamId`); its members are the team's. */
export type DirectoryChannel = z.output<typeof channelSchema>;
/** A message of a chat, or a reply in a channel: what carries hosted contents. */
export type DirectoryMessage = z.output<typeof messageSchema>;
/** A top-level channel message, with its replies. */
export type DirectoryChannelMessage = DirectoryChannel['messages'][number];
/** An image pasted into a message, stored in `file`. */
export type DirectoryHostedContent = z.output<typeof hostedContentSchema>;
/** A file in someone's OneDrive (or a SharePoint library), with who it is shared with. */
export type DirectoryDriveItem = z.output<typeof driveItemSchema>;

/** The content part of a parsed directory, with what the check needs of the rest. */
interface ContentSection {
  readonly chats: readonly DirectoryChat[];
  readonly channels: readonly DirectoryChannel[];
  readonly driveItems: readonly DirectoryDriveItem[];
}

type Problem = (where: (string | number)[], message: string) => void;

/**
 * Reports unknown users and teams, and ids that are not unique where Graph needs them to be: chats, channels,
 * drive items (and their web URLs, which `/shares` looks items up by), messages within a chat or channel, replies
 * within a message and hosted contents within a message.
 * @param userIds the directory's user ids, lower case
 * @param groupIds the directory's group ids, lower case
 */
export function checkContent(
  content: ContentSection,
  userIds: ReadonlySet<string>,
  groupIds: ReadonlySet<string>,
  problem: Problem,
): void {
  const knownUser = (userId: string): boolean => userIds.has(userId.toLowerCase());
  unique(content.chats, ['chats'], 'chat', problem);
  content.chats.forEach((chat, index) => {
    chat.members.forEach((member, at) => {
      if (!knownUser(member)) problem(['chats', index, 'members', at], `no user ${member}`);
    });
    checkMessages(chat.messages, ['chats', index, 'messages'], problem);
  });
  unique(content.channels, ['channels'], 'channel', problem);
  content.channels.forEach((channel, index) => {
    if (!groupIds.has(channel.teamId.toLowerCase()))
      problem(['channels', index, 'teamId'], `no group ${channel.teamId}`);
    checkMessages(channel.messages, ['channels', index, 'messages'], problem);
    channel.messages.forEach((message, at) => {
      checkMessages(message.replies, ['channels', index, 'messages', at, 'replies'], problem);
    });
  });
  unique(content.driveItems, ['driveItems'], 'drive item', problem);
  const urls = new Set<string>();
  content.driveItems.forEach((item, index) => {
    if (!knownUser(item.owner)) problem(['driveItems', index, 'owner'], `no user ${item.owner}`);
    if (item.sharedWith !== 'organization') {
      item.sharedWith.forEach((userId, at) => {
        if (!knownUser(userId)) problem(['driveItems', index, 'sharedWith', at], `no user ${userId}`);
      });
    }
    const key = webUrlKey(item.webUrl);
    if (urls.has(key)) problem(['driveItems', index, 'webUrl'], `duplicate web URL ${item.webUrl}`);
    urls.add(key);
  });
}

function checkMessages(
  messages: readonly DirectoryMessage[],
  where: (string | number)[],
  problem: Problem,
): void {
  unique(messages, where, 'message', problem);
  messages.forEach((message, index) => {
    unique(message.hostedContents, [...where, index, 'hostedContents'], 'hosted content', problem);
  });
}

function unique(
  entries: readonly { readonly id: string }[],
  where: (string | number)[],
  what: string,
  problem: Problem,
): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) problem([...where, index, 'id'], `duplicate ${what} id ${entry.id}`);
    seen.add(entry.id);
  });
}

/**
 * How two web URLs of one file compare: SharePoint paths ignore case, and a link may come with or without a query
 * or fragment, with spaces encoded or not. Parsing percent-encodes what needs it, so both spellings meet.
 */
export function webUrlKey(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${decodeURI(parsed.pathname)}`.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

/** A message's hosted content by id. */
export function findHostedContent(
  message: DirectoryMessage,
  contentId: string,
): DirectoryHostedContent | undefined {
  return message.hostedContents.find((content) => content.id === contentId);
}

/** A message of a chat, or a top-level message of a channel, by id. */
export function findMessage<M extends DirectoryMessage>(
  messages: readonly M[],
  messageId: string,
): M | undefined {
  return messages.find((message) => message.id === messageId);
}
