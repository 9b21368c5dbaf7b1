/**
 * Threads and forums on the stand-in Discord (./discord.ts hands it every REST request first): forum
 * and media channels (types 15, 16) that take messages only in their posts, posts started with their
 * first message (POST /channels/:forum/threads), threads started from a message
 * (POST /channels/:id/messages/:msg/threads, the thread taking the message's id), the guild's active
 * threads and a forum's archived ones, a channel or a message by id, and what Discord does with a
 * message sent to a thread: an archived one is unarchived, a locked one refuses it (160005), a deleted
 * one is an Unknown Channel (10003), as is a message's id before a thread is started from it. A
 * channel it does not know is a text channel of the test guild.
 */
import { GUILD_ID, snowflake } from "./discord.js";

export interface StandInThread {
  id: string;
  type: number;
  parent_id: string;
  guild_id: string;
  name: string;
  archived: boolean;
  locked: boolean;
}

export interface ThreadAnswer {
  status: number;
  body: unknown;
}

const FORUM_TYPES = new Set([15, 16]);
const unknownChannel: ThreadAnswer = { status: 404, body: { message: "Unknown Channel", code: 10003 } };
const unknownMessage: ThreadAnswer = { status: 404, body: { message: "Unknown Message", code: 10008 } };

export class StandInDiscordThreads {
  /** Channels with a type other than text (forums, media channels, threads made by hand). */
  readonly channels = new Map<string, { id: string; type: number; guild_id: string; parent_id?: string }>();
  /** Threads and forum posts, by id (a started thread's id is its first message's). */
  readonly threads = new Map<string, StandInThread>();
  /** Threads deleted: Unknown Channel from then on. */
  readonly deleted = new Set<string>();
  /** Channels where the bot may not start threads (no Create Public Threads): 403, Missing Permissions. */
  readonly noThreadPermission = new Set<string>();

  constructor(private readonly messages: Map<string, Record<string, unknown>[]>) {}

  /** A forum (15) or media (16) channel of the test guild. */
  addForum(id: string, type = 15): void {
    this.channels.set(id, { id, type, guild_id: GUILD_ID });
  }

  /** A thread (public: 11) in `parentId`, as if someone had started it. */
  addThread(id: string, parentId: string, type = 11): StandInThread {
    const thread = {
      id,
      type,
      parent_id: parentId,
      guild_id: GUILD_ID,
      name: `thread ${id}`,
      archived: false,
      locked: false,
    };
    this.threads.set(id, thread);
    return thread;
  }

  /** The posts (or threads) of a channel, oldest first. */
  threadsOf(parentId: string): StandInThread[] {
    return [...this.threads.values()].filter((t) => t.parent_id === parentId);
  }

  /** Messages in a channel or thread, oldest first. */
  messagesIn(channelId: string): Record<string, unknown>[] {
    return [...(this.messages.get(channelId) ?? [])].reverse();
  }

  /** Answers a request that concerns threads or forums; undefined for the stand-in's other routes. */
  handle(method: string, path: string, body: unknown): ThreadAnswer | undefined {
    const b = (body ?? {}) as Record<string, unknown>;
    const channel = /^\/channels\/(\d+)$/.exec(path)?.[1];
    if (channel && method === "GET") return this.channel(channel);
    const forumPost = /^\/channels\/(\d+)\/threads$/.exec(path)?.[1];
    if (forumPost && method === "POST") return this.startPost(forumPost, b);
    const fromMessage = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (fromMessage && method === "POST")
      return this.startFrom(fromMessage[1] ?? "", fromMessage[2] ?? "", b);
    const active = /^\/guilds\/(\d+)\/threads\/active$/.exec(path);
    if (active && method === "GET") {
      const threads = [...this.threads.values()].filter((t) => !t.archived && !this.deleted.has(t.id));
      return { status: 200, body: { threads, members: [] } };
    }
    const archived = /^\/channels\/(\d+)\/threads\/archived\/public$/.exec(path)?.[1];
    if (archived && method === "GET") {
      const threads = this.threadsOf(archived).filter((t) => t.archived && !this.deleted.has(t.id));
      return { status: 200, body: { threads, members: [], has_more: false } };
    }
    const one = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (one && method === "GET") {
      if (this.deleted.has(one[1] ?? "")) return unknownChannel;
      const found = this.messages.get(one[1] ?? "")?.find((m) => m.id === one[2]);
      return found ? { status: 200, body: found } : unknownMessage;
    }
    const messages = /^\/channels\/(\d+)\/messages$/.exec(path)?.[1];
    if (messages) return this.inThread(messages, method);
    return undefined;
  }

  private channel(id: string): ThreadAnswer {
    if (this.deleted.has(id)) return unknownChannel;
    const thread = this.threads.get(id);
    if (thread)
      return {
        status: 200,
        body: { ...thread, thread_metadata: { archived: thread.archived, locked: thread.locked } },
      };
    return {
      status: 200,
      body: this.channels.get(id) ?? { id, type: 0, guild_id: GUILD_ID, name: "general" },
    };
  }

  /** A message as Discord returns it, stored first in `channelId` (newest first, as the stand-in keeps them). */
  private store(channelId: string, id: string, b: Record<string, unknown>): Record<string, unknown> {
    const message = {
      id,
      type: 0,
      channel_id: channelId,
      content: b.content ?? "",
      embeds: b.embeds ?? [],
      components: b.components ?? [],
      timestamp: new Date().toISOString(),
    };
    this.messages.set(channelId, [message, ...(this.messages.get(channelId) ?? [])]);
    return message;
  }

  private startPost(forumId: string, b: Record<string, unknown>): ThreadAnswer {
    if (!FORUM_TYPES.has(this.channels.get(forumId)?.type ?? 0))
      return { status: 400, body: { message: "Invalid Form Body", code: 50035 } };
    const id = snowflake();
    const thread = { ...this.addThread(id, forumId), name: String(b.name ?? "") };
    this.threads.set(id, thread);
    const message = this.store(id, id, (b.message ?? {}) as Record<string, unknown>);
    return { status: 201, body: { ...thread, message } };
  }

  private startFrom(channelId: string, messageId: string, b: Record<string, unknown>): ThreadAnswer {
    if (FORUM_TYPES.has(this.channels.get(channelId)?.type ?? 0))
      return { status: 400, body: { message: "Cannot execute action on this channel type", code: 50024 } };
    if (!this.messages.get(channelId)?.some((m) => m.id === messageId)) return unknownMessage;
    if (this.noThreadPermission.has(channelId))
      return { status: 403, body: { message: "Missing Permissions", code: 50013 } };
    if (this.threads.has(messageId))
      return {
        status: 400,
        body: { message: "A thread has already been created for this message", code: 160004 },
      };
    const thread = { ...this.addThread(messageId, channelId), name: String(b.name ?? "") };
    this.threads.set(messageId, thread);
    return { status: 201, body: thread };
  }

  private isMessage(id: string): boolean {
    return [...this.messages.values()].some((list) => list.some((m) => m.id === id));
  }

  /** Sending to (or reading) a forum, or a thread: what Discord refuses; undefined lets the stand-in post it. */
  private inThread(channelId: string, method: string): ThreadAnswer | undefined {
    if (this.deleted.has(channelId)) return unknownChannel;
    if (method === "POST" && FORUM_TYPES.has(this.channels.get(channelId)?.type ?? 0))
      return { status: 400, body: { message: "Cannot send messages in a non-text channel", code: 50008 } };
    const thread = this.threads.get(channelId);
    // A message's id is no channel until a thread is started from it.
    if (!thread && this.isMessage(channelId)) return unknownChannel;
    if (!thread || method !== "POST") return undefined;
    if (thread.locked) return { status: 403, body: { message: "Thread is locked", code: 160005 } };
    thread.archived = false;
    return undefined;
  }
}
