/**
 * Posts alerts to Discord channels through @discordjs/rest (the REST client the adapter already has;
 * it queues per-channel buckets and the global limit, and retries 5xx). Each post carries a nonce
 * derived from (item, channel) with `enforce_nonce`, so Discord itself answers a resend within a few
 * minutes with the first message; the marker is shown in the last embed's footer (or as a subtext
 * line) so `findByMarker` can find the message in the channel's last 50 after a longer outage.
 */
import type { REST } from "@discordjs/rest";
import { RESTJSONErrorCodes, Routes } from "discord-api-types/v10";
import { nonceFor } from "../../delivery/marker.js";
import {
  describe,
  type Failure,
  isNetworkError,
  type Sender,
  type SentMessage,
  type ThreadPlace,
} from "../../delivery/sender.js";
import type { Reply } from "../../reply/reply.js";
import { findInForum, sendPlaced, ThreadGoneError, type ThreadPoster } from "./discord-threads.js";
import type { RenderRoom } from "./embeds.js";
import { DISCORD_LIMITS } from "./limits.js";
import { fitPlain } from "./markdown.js";
import { isRateLimitError, restCode, restError } from "./rest-errors.js";

/** The part of a rendered Discord message the sender touches (renderDiscord's output fits). */
export interface DiscordPayload {
  content?: string;
  embeds?: { footer?: { text: string }; image?: { url: string } }[];
  flags?: number;
  /** A picture's file (answers to commands send it; alerts do not, see alertBody). */
  attachments?: unknown[];
}

interface DiscordMessageLike {
  id: string;
  content?: string;
  embeds?: { footer?: { text?: string } }[];
}

/** Discord JSON error codes that mean the channel is gone for the bot (a subscribed thread: locked too). */
export const DISCORD_GONE: Record<number, string> = {
  [RESTJSONErrorCodes.UnknownChannel]: "Unknown Channel",
  [RESTJSONErrorCodes.MissingAccess]: "Missing Access",
  [RESTJSONErrorCodes.ThreadLocked]: "Thread is locked",
  [RESTJSONErrorCodes.InvalidActionOnArchivedThread]: "Thread is archived and locked",
};

/** Renders a reply for a channel, keeping `room` for what the sender adds (renderDiscord fits). */
export type DiscordRender = (reply: Reply, room: RenderRoom) => DiscordPayload;

/** How many recent messages `findByMarker` reads (the API's maximum per page). */
export const HISTORY_LIMIT = 50;

/** The footer line (or subtext line) that carries the marker. */
function markerLine(marker: string): string {
  return `ref ${marker}`;
}

/**
 * What the sender adds to the last embed's footer: a line break and the marker's line. The renderer
 * keeps this much room, so a reply already filled to the footer's or the embed's limit still fits.
 */
export function markerRoom(marker: string): RenderRoom {
  return { footer: markerLine(marker).length + 1 };
}

/** The payload with the marker in its last embed's footer, or a subtext line when it has no embed. */
export function withMarker<P extends DiscordPayload>(payload: P, marker: string): P {
  const tag = markerLine(marker);
  const embeds = payload.embeds ? payload.embeds.map((e) => ({ ...e })) : [];
  const last = embeds[embeds.length - 1];
  if (last) {
    const before = last.footer?.text;
    // Rendered with markerRoom, the footer has room; a payload rendered without it loses its end.
    const kept = before ? `${fitPlain(before, DISCORD_LIMITS.footer - tag.length - 1)}\n` : "";
    last.footer = { ...last.footer, text: `${kept}${tag}` };
    return { ...payload, embeds };
  }
  return { ...payload, content: `${payload.content ?? ""}\n-# ${tag}`.trimStart() };
}

/**
 * The body the sender posts for a reply to a channel: rendered with room for the marker, the marker
 * added, no ephemeral flag (a channel message has none), and a nonce Discord enforces.
 */
export function alertBody(render: DiscordRender, reply: Reply, marker: string, channelId: string) {
  const {
    flags: _flags,
    attachments: _files,
    ...payload
  } = withMarker(render(reply, markerRoom(marker)), marker);
  // Alerts are posted as JSON, without files: an image naming an attachment not sent is left out.
  const embeds = payload.embeds?.map(({ image: _image, ...embed }) => embed);
  return {
    ...payload,
    ...(embeds ? { embeds } : {}),
    nonce: nonceFor(marker, channelId),
    enforce_nonce: true,
  };
}

export function messageHasMarker(message: DiscordMessageLike, marker: string): boolean {
  if (message.content?.includes(marker)) return true;
  return (message.embeds ?? []).some((e) => e.footer?.text?.includes(marker));
}

export class DiscordSender implements Sender {
  readonly platform = "discord";
  readonly idempotent = true;

  constructor(
    private readonly rest: REST,
    private readonly render: DiscordRender,
  ) {}

  async send(channelId: string, reply: Reply, marker: string, place?: ThreadPlace): Promise<SentMessage> {
    if (place) return sendPlaced(this.poster(reply, marker), channelId, place);
    const message = (await this.rest.post(Routes.channelMessages(channelId), {
      body: alertBody(this.render, reply, marker, channelId),
    })) as DiscordMessageLike;
    return { messageId: message.id };
  }

  async findByMarker(channelId: string, marker: string, place?: ThreadPlace): Promise<string | undefined> {
    if (place?.forum && !place.threadId) return findInForum(this.poster(undefined, marker), channelId);
    try {
      const messages = (await this.rest.get(Routes.channelMessages(place?.threadId ?? channelId), {
        query: new URLSearchParams({ limit: String(HISTORY_LIMIT) }),
      })) as DiscordMessageLike[];
      return messages.find((m) => messageHasMarker(m, marker))?.id;
    } catch (err) {
      // A thread that is gone holds no message: the alert is sent again (in a new thread).
      if (place?.threadId && restCode(err) === RESTJSONErrorCodes.UnknownChannel) return undefined;
      throw err;
    }
  }

  /** What posting in threads needs: the reply's body for a channel, and the marker to look for. */
  private poster(reply: Reply | undefined, marker: string): ThreadPoster {
    return {
      rest: this.rest,
      body: (channelId) => (reply ? alertBody(this.render, reply, marker, channelId) : {}),
      has: (message) => messageHasMarker(message, marker),
    };
  }

  classify(err: unknown): Failure {
    if (err instanceof ThreadGoneError) return { type: "transient", reason: err.message, threadGone: true };
    // By fields, not instanceof: client.rest throws the classes of @discordjs/rest's CommonJS build.
    const e = restError(err);
    if (e?.status !== undefined && e.code !== undefined) {
      const gone = DISCORD_GONE[e.code];
      if (gone) return { type: "gone", reason: `${gone} (${e.code})` };
      if (e.status >= 500) return { type: "transient", reason: `HTTP ${e.status}: ${describe(err)}` };
      return { type: "rejected", reason: `HTTP ${e.status}, code ${e.code}: ${describe(err)}` };
    }
    if (e?.status !== undefined) {
      return e.status >= 500 || e.status === 408
        ? { type: "transient", reason: `HTTP ${e.status}` }
        : { type: "rejected", reason: `HTTP ${e.status}` };
    }
    if (isRateLimitError(e)) return { type: "transient", reason: `rate limited: ${describe(err)}` };
    if (isNetworkError(err)) return { type: "transient", reason: describe(err) };
    return { type: "rejected", reason: describe(err) };
  }
}
