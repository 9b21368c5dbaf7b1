/**
 * Posts alerts to Slack channels through @slack/web-api's WebClient. Slack has no idempotency key for
 * chat.postMessage, so the marker travels in the message's metadata (invisible to readers) and
 * `findByMarker` reads it back with conversations.history(include_all_metadata); delivery looks it up
 * before every retry and after a crash.
 *
 * The WebClient retries everything (5xx included) by default; a blind retry of a post can duplicate
 * it. Give the client `alertRetryConfig`: it lets the WebClient wait out rate limits only, and hands
 * every other failure to delivery, which checks the marker first.
 */
import {
  ErrorCode,
  type RetryOptions,
  type WebAPICallError,
  WebClient,
  WebClientEvent,
} from "@slack/web-api";
import {
  describe,
  type Failure,
  isNetworkError,
  type Sender,
  type SentMessage,
  type ThreadPlace,
} from "../../delivery/sender.js";
import type { Metrics } from "../../monitoring/metrics.js";
import type { Reply } from "../../reply/reply.js";
import { webApiOptions } from "./web-api-options.js";

export const METADATA_EVENT = "ceasefire_alert";

/** Slack platform errors that mean the channel is gone for the bot. */
export const SLACK_GONE = new Set(["channel_not_found", "not_in_channel", "is_archived"]);

/** Slack platform errors that mean the thread (its first message) is gone, not the channel. */
export const SLACK_THREAD_GONE = new Set(["thread_not_found", "message_not_found"]);

/** How many of a thread's messages `findByMarker` reads. */
export const THREAD_HISTORY_LIMIT = 200;

/** What a renderer returns (renderSlack's SlackMessage fits). */
export interface SlackPayload {
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: Block Kit blocks pass through untouched.
  blocks?: any[];
}

/**
 * Retries only the WebClient's own rate-limit waits (it throws a plain Error after sleeping out
 * Retry-After); every Slack error (HTTP 5xx, network, platform) is thrown to the caller at once.
 */
export const alertRetryConfig: RetryOptions = {
  // The WebClient's fiveRetriesInFiveMinutes (its `retryPolicies` is not importable from ESM).
  retries: 5,
  factor: 3.86,
  onFailedAttempt: (error: Error) => {
    if ((error as { code?: unknown }).code !== undefined) throw error;
  },
} as RetryOptions;

/**
 * The chat.postMessage arguments for a reply to a channel: the rendered text and blocks as they are
 * (the marker travels in the metadata, which readers never see, so it takes no room in the blocks),
 * and no link previews. The sender adds, in a thread, its first message's ts (and reply_broadcast
 * when the reply is also shown in the channel); a message that starts a thread is a channel message.
 */
export function alertArgs(
  render: (reply: Reply) => SlackPayload,
  reply: Reply,
  marker: string,
  channelId: string,
) {
  const { text, blocks } = render(reply);
  return {
    channel: channelId,
    text,
    ...(blocks ? { blocks } : {}),
    unfurl_links: false,
    unfurl_media: false,
    metadata: { event_type: METADATA_EVENT, event_payload: { marker } },
  };
}

/** A Slack platform error's code (`channel_not_found`), if it is one. */
function platformCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; data?: { error?: string } };
  return e.code === ErrorCode.PlatformError ? e.data?.error : undefined;
}

export class SlackSender implements Sender {
  readonly platform = "slack";
  readonly idempotent = false;

  constructor(
    private readonly client: WebClient,
    private readonly render: (reply: Reply) => SlackPayload,
  ) {}

  async send(channelId: string, reply: Reply, marker: string, place?: ThreadPlace): Promise<SentMessage> {
    const args = alertArgs(this.render, reply, marker, channelId);
    const result = await (place?.threadId
      ? this.client.chat.postMessage({ ...args, thread_ts: place.threadId, reply_broadcast: place.broadcast })
      : this.client.chat.postMessage(args));
    if (!result.ts) throw new Error("chat.postMessage answered without a message ts");
    return { messageId: result.ts };
  }

  async findByMarker(channelId: string, marker: string, place?: ThreadPlace): Promise<string | undefined> {
    const result = place?.threadId
      ? await this.client.conversations
          .replies({
            channel: channelId,
            ts: place.threadId,
            limit: THREAD_HISTORY_LIMIT,
            include_all_metadata: true,
          })
          .catch((err: unknown) => {
            // A thread that is gone holds no message: the alert is sent again (in a new thread).
            if (SLACK_THREAD_GONE.has(platformCode(err) ?? "")) return { messages: [] };
            throw err;
          })
      : await this.client.conversations.history({
          channel: channelId,
          limit: 50,
          include_all_metadata: true,
        });
    const found = (result.messages ?? []).find(
      (m) =>
        m.metadata?.event_type === METADATA_EVENT &&
        (m.metadata.event_payload as { marker?: unknown } | undefined)?.marker === marker,
    );
    return found?.ts;
  }

  classify(err: unknown): Failure {
    const e = err as Partial<WebAPICallError> & { code?: unknown };
    switch (e.code) {
      case ErrorCode.PlatformError: {
        const code = platformCode(err) ?? "unknown_error";
        if (SLACK_GONE.has(code)) return { type: "gone", reason: code };
        if (SLACK_THREAD_GONE.has(code)) return { type: "transient", reason: code, threadGone: true };
        if (
          code === "ratelimited" ||
          code === "internal_error" ||
          code === "fatal_error" ||
          code === "service_unavailable"
        )
          return { type: "transient", reason: code };
        return { type: "rejected", reason: code };
      }
      case ErrorCode.HTTPError: {
        const status = (err as { statusCode?: number }).statusCode ?? 0;
        return status >= 500 || status === 408
          ? { type: "transient", reason: `HTTP ${status}` }
          : { type: "rejected", reason: `HTTP ${status}` };
      }
      case ErrorCode.RequestError:
      case ErrorCode.RateLimitedError:
        return { type: "transient", reason: describe(err) };
      default:
        return isNetworkError(err)
          ? { type: "transient", reason: describe(err) }
          : { type: "rejected", reason: describe(err) };
    }
  }
}

/**
 * The reminders' own Web API client: Slack has no idempotency key, so the WebClient's default retries
 * could post a message twice on a 5xx; this one only waits out rate limits, and the sender looks its
 * marker up before any retry instead.
 */
export function createSlackSender(options: {
  token: string;
  apiUrl?: string;
  render: (reply: Reply) => SlackPayload;
  /** Counts the client's rate-limit waits (default: nothing). */
  metrics?: Metrics;
}): SlackSender {
  const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/?$/, "/") : undefined;
  const client = new WebClient(options.token, {
    retryConfig: alertRetryConfig,
    ...webApiOptions(apiUrl),
  });
  if (options.metrics) {
    const { metrics } = options;
    client.on(WebClientEvent.RATE_LIMITED, () => metrics.rateLimited("slack"));
  }
  return new SlackSender(client, options.render);
}
