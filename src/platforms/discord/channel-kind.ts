/**
 * What a Discord channel is, for /subscribe threads:… (src/subscriptions/threads.ts): a thread
 * (announcement, public or private: types 10, 11, 12) with the channel it belongs to, and whether that
 * is a forum or media channel (types 15, 16), whose posts are threads; anything else is a channel. Read
 * from Discord when asked (the client caches no channels: docs/decisions/0011-payloads-that-always-fit.md).
 */
import type { REST } from "@discordjs/rest";
import { ChannelType, Routes } from "discord-api-types/v10";
import type { ChannelKind } from "../../command-engine/definition.js";

const THREADS = new Set<number>([
  ChannelType.AnnouncementThread,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
]);
const FORUMS = new Set<number>([ChannelType.GuildForum, ChannelType.GuildMedia]);

interface ChannelLike {
  type: number;
  parent_id?: string | null;
}

export async function channelKindOf(rest: REST, channelId: string): Promise<ChannelKind> {
  const channel = (await rest.get(Routes.channel(channelId))) as ChannelLike;
  if (!THREADS.has(channel.type) || !channel.parent_id) return { kind: "channel" };
  const parent = (await rest.get(Routes.channel(channel.parent_id))) as ChannelLike;
  return { kind: "thread", parentId: channel.parent_id, inForum: FORUMS.has(parent.type) };
}
