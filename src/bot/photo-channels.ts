/**
 * Which Bot Framework channels may send the bot a photo to set.
 *
 * The bot is a Teams app: its downloads, token hosts and sign-in assume Teams' attachment shapes. An Azure Bot
 * resource can also have other channels switched on (Web Chat, Direct Line, ...), whose attachments live elsewhere
 * and whose senders are not Teams users, so a photo message from any channel but `msteams` is refused before
 * anything is downloaded. Local mode (loopback only, no credentials) also takes `emulator`, the channel id the
 * Microsoft 365 Agents Playground (`-c emulator`) and the Bot Framework Emulator send; `npm run dev` and
 * `send-image` send `msteams` like Teams itself.
 */

/** Teams' channel id. */
export const TEAMS_CHANNEL_ID = 'msteams';

/** What the Agents Playground and the Bot Framework Emulator send when not playing Teams. */
export const EMULATOR_CHANNEL_ID = 'emulator';

/** The channel ids whose photo messages are taken, in production or in local mode. */
export function photoChannels(local: boolean): ReadonlySet<string> {
  return new Set(local ? [TEAMS_CHANNEL_ID, EMULATOR_CHANNEL_ID] : [TEAMS_CHANNEL_ID]);
}

/**
 * True when a photo message from `channelId` may be handled. The activity is JSON from the wire, so anything that
 * is not one of the exact strings (another case, a missing field) is refused.
 */
export function acceptsPhotoFrom(channels: ReadonlySet<string>, channelId: unknown): boolean {
  return typeof channelId === 'string' && channels.has(channelId);
}
