/**
 * Alerts in Discord threads and forum posts (for channels set to threads: src/delivery/threads.ts
 * decides which thread). A thread started from a message, and a forum post, have the id of their first
 * message, so a thread's id is the message id delivery recorded for its first alert.
 *
 * - In a text channel, the first alert of a deadline is posted in the channel and a thread is started
 *   from it (POST /channels/:id/messages/:msg/threads); later alerts go in that thread. When the
 *   thread was never started (the process stopped in between), the next alert starts it first.
 * - In a forum (or media) channel, a story's first alert starts its post (POST /channels/:id/threads
 *   with the message); that call takes no nonce, so the forum's posts are looked through for the
 *   alert's marker before any post is started.
 * - Sending in an archived thread unarchives it (Discord does so unless a moderator locked it). A
 *   thread that is gone (deleted, or locked) is reported as such (ThreadGoneError), so that delivery
 *   forgets it and the next attempt starts a new one.
 */
import type { REST } from "@discordjs/rest";
import { RESTJSONErrorCodes, Routes } from "discord-api-types/v10";
import type { SentMessage, ThreadPlace } from "../../delivery/sender.js";
import { DISCORD_LIMITS } from "./limits.js";
import { fitPlain } from "./markdown.js";
import { restCode } from "./rest-errors.js";

/** A week: how long a thread stays in the channel list without a message (Discord's longest). */
export const AUTO_ARCHIVE_MINUTES = 10_080;
/** Discord's longest thread name. */
export const THREAD_NAME_LIMIT = DISCORD_LIMITS.threadName;
/** How many of a forum's posts (active, then archived) are looked through for a marker. */
export const FORUM_LOOKUP = 25;

/** The thread an alert was for is gone: delivery forgets it and starts a new one. */
export class ThreadGoneError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "ThreadGoneError";
  }
}

interface MessageLike {
  id: string;
  content?: string;
  embeds?: { footer?: { text?: string } }[];
}

interface ThreadLike {
  id: string;
  parent_id?: string | null;
}

/** Codes that mean a thread takes no more messages: deleted, or locked (and archived) by a moderator. */
const THREAD_GONE = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.ThreadLocked,
  RESTJSONErrorCodes.InvalidActionOnArchivedThread,
]);

/** A thread's name as Discord takes it (1 to 100 characters). */
export function threadNameOf(place: ThreadPlace): string {
  return fitPlain(place.name.trim() || "Alerts", THREAD_NAME_LIMIT);
}

export interface ThreadPoster {
  rest: REST;
  /** The message body for `channelId` (rendered, marked, with its nonce). */
  body(channelId: string): Record<string, unknown>;
  /** Whether a message carries the marker. */
  has(message: MessageLike): boolean;
}

/** Posts a message to a channel or thread. */
async function post(poster: ThreadPoster, channelId: string): Promise<MessageLike> {
  return (await poster.rest.post(Routes.channelMessages(channelId), {
    body: poster.body(channelId),
  })) as MessageLike;
}

/** Starts a thread from a message (true), or finds it started already; false when the message is gone. */
async function threadFrom(rest: REST, channelId: string, messageId: string, name: string): Promise<boolean> {
  try {
    await rest.post(Routes.threads(channelId, messageId), {
      body: { name, auto_archive_duration: AUTO_ARCHIVE_MINUTES },
    });
    return true;
  } catch (err) {
    const code = restCode(err);
    if (code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) return true;
    if (code === RESTJSONErrorCodes.UnknownMessage) return false;
    throw err;
  }
}

/** Sends the alert where `place` says, in the channel `channelId`'s thread or forum. */
export async function sendPlaced(
  poster: ThreadPoster,
  channelId: string,
  place: ThreadPlace,
): Promise<SentMessage> {
  const name = threadNameOf(place);
  if (place.threadId)
    return { messageId: (await inThread(poster, channelId, place.threadId, name, place)).id };
  if (place.forum) {
    const found = await findInForum(poster, channelId);
    if (found) return { messageId: found };
    const { body, rest } = poster;
    const { nonce: _nonce, enforce_nonce: _enforce, ...message } = body(channelId);
    const thread = (await rest.post(Routes.threads(channelId), {
      body: { name, auto_archive_duration: AUTO_ARCHIVE_MINUTES, message },
    })) as ThreadLike;
    return { messageId: thread.id };
  }
  const first = await post(poster, channelId);
  // Best effort: when it fails, the next alert of the thread starts it (see inThread).
  await threadFrom(poster.rest, channelId, first.id, name).catch(() => false);
  return { messageId: first.id };
}

async function inThread(
  poster: ThreadPoster,
  channelId: string,
  threadId: string,
  name: string,
  place: ThreadPlace,
): Promise<MessageLike> {
  try {
    return await post(poster, threadId);
  } catch (err) {
    const code = restCode(err);
    if (code === undefined || !THREAD_GONE.has(code)) throw err;
    // A text channel's thread that was never started: start it from its first message, then send.
    // Where the bot may not start threads (no Create Public Threads), the alert goes to the channel
    // itself rather than be lost.
    if (code === RESTJSONErrorCodes.UnknownChannel && !place.forum) {
      const started = await threadFrom(poster.rest, channelId, threadId, name).catch((e: unknown) => {
        if (restCode(e) === RESTJSONErrorCodes.MissingPermissions) return "refused" as const;
        throw e;
      });
      if (started === "refused") return await post(poster, channelId);
      if (started) return await post(poster, threadId);
    }
    throw new ThreadGoneError(`thread ${threadId} is gone: ${(err as Error).message} (${code})`);
  }
}

/** A forum's post whose first message carries the marker (active posts, then the latest archived). */
export async function findInForum(poster: ThreadPoster, forumId: string): Promise<string | undefined> {
  const { rest } = poster;
  const forum = (await rest.get(Routes.channel(forumId))) as { guild_id?: string };
  const active = forum.guild_id
    ? ((await rest.get(Routes.guildActiveThreads(forum.guild_id))) as { threads: ThreadLike[] }).threads
    : [];
  const archived = (
    (await rest.get(Routes.channelThreads(forumId, "public"), {
      query: new URLSearchParams({ limit: String(FORUM_LOOKUP) }),
    })) as { threads: ThreadLike[] }
  ).threads;
  const posts = [...active.filter((t) => t.parent_id === forumId), ...archived].slice(0, FORUM_LOOKUP * 2);
  for (const thread of posts) {
    const first = await rest.get(Routes.channelMessage(thread.id, thread.id)).catch(() => undefined);
    if (first && poster.has(first as MessageLike)) return thread.id;
  }
  return undefined;
}
