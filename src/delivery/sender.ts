/**
 * What delivery needs from a platform: post a reply to a channel with a marker, find a message by its
 * marker, and say what a failure means. The fan-out never sees a platform client.
 */
import type { Reply } from "../reply/reply.js";
import type { PlatformName } from "../store/store.js";

export interface SentMessage {
  messageId: string;
}

/**
 * Where in a channel a message goes when the channel asked for threads (see delivery/threads.ts). A
 * thread's id is the id of the message that started it (a Slack `ts`; a Discord thread, or forum post,
 * started from a message has that message's id).
 */
export interface ThreadPlace {
  /** In this thread. */
  threadId?: string;
  /** No thread yet: this message starts it (on Discord a thread, or a forum post, named `name`). */
  start?: boolean;
  /** The thread's name, for a thread this message starts (at most 100 characters are kept). */
  name: string;
  /** Also shown in the channel (Slack's reply_broadcast). */
  broadcast: boolean;
  /** The channel is a forum: it takes messages only in its posts. */
  forum: boolean;
}

/**
 * - gone: the channel no longer exists for the bot (deleted, bot removed, archived): deactivate, never retry.
 * - transient: a 5xx, a timeout, a dropped connection: retry with backoff, a bounded number of times.
 * - rejected: any other refusal (a bad payload, a bad token): record the failure, do not retry.
 * Rate limits never reach here: the platform libraries wait them out.
 */
export type FailureType = "gone" | "transient" | "rejected";

export interface Failure {
  type: FailureType;
  /** For the ledger and the log: "Unknown Channel (10003)", "channel_not_found", "HTTP 502". */
  reason: string;
  /** The thread the message was for is gone (not its channel): forget it and start a new one. */
  threadGone?: boolean;
}

export interface Sender {
  readonly platform: PlatformName;
  /**
   * True when resending after an ambiguous failure cannot post twice (Discord's enforce_nonce). When
   * false, delivery looks the marker up before every retry.
   */
  readonly idempotent: boolean;
  /** Posts `reply` to the channel, or in its thread `place` (a platform without threads ignores it). */
  send(channelId: string, reply: Reply, marker: string, place?: ThreadPlace): Promise<SentMessage>;
  /** The id of the message in the channel's (or the thread's) recent history that carries `marker`, if any. */
  findByMarker(channelId: string, marker: string, place?: ThreadPlace): Promise<string | undefined>;
  classify(err: unknown): Failure;
}

/** Network-level failures every HTTP client reports alike (undici, node:net). */
export function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  if (
    typeof code === "string" &&
    /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_\w+)$/.test(code)
  ) {
    return true;
  }
  return err.name === "AbortError" || err.name === "TimeoutError" || err.message === "fetch failed";
}

export function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
