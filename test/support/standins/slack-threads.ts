/**
 * Threads on the stand-in Slack (added to a StandInSlack with its `method()`): chat.postMessage keeps
 * each message, in its channel or, with `thread_ts`, in that thread (also in the channel with
 * `reply_broadcast`), each with its own ts and its metadata; conversations.history answers a channel's
 * messages (newest first, thread replies only when broadcast), conversations.replies a thread's (its
 * first message first). A thread whose first message is deleted answers thread_not_found.
 */
import type { StandInSlack } from "./slack.js";

export interface SlackThreadMessage {
  ts: string;
  channel: string;
  text: string;
  thread_ts?: string;
  reply_broadcast?: boolean;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export class StandInSlackThreads {
  /** Every message posted, in order. */
  readonly messages: SlackThreadMessage[] = [];
  /** First messages deleted (their threads answer thread_not_found). */
  readonly deleted = new Set<string>();
  private seq = 0;

  /** Serves chat.postMessage, conversations.history and conversations.replies on `standin`. */
  static on(standin: StandInSlack): StandInSlackThreads {
    const threads = new StandInSlackThreads();
    standin.method("chat.postMessage", standin.botToken, (f) => threads.post(f));
    standin.method("conversations.history", standin.botToken, (f) => threads.history(f));
    standin.method("conversations.replies", standin.botToken, (f) => threads.replies(f));
    return threads;
  }

  /** The messages in a channel itself (thread replies only when broadcast), oldest first. */
  inChannel(channel: string): SlackThreadMessage[] {
    return this.messages.filter((m) => m.channel === channel && (!m.thread_ts || m.reply_broadcast));
  }

  /** The replies in a thread, oldest first (its first message not included). */
  inThread(threadTs: string): SlackThreadMessage[] {
    return this.messages.filter((m) => m.thread_ts === threadTs);
  }

  /** The alert marker a message carries in its metadata. */
  static marker(m: SlackThreadMessage): string {
    return String(m.metadata?.event_payload.marker ?? "?");
  }

  private post(f: Record<string, string | undefined>): Record<string, unknown> {
    const channel = f.channel ?? "";
    const thread = f.thread_ts;
    if (thread && (this.deleted.has(thread) || !this.messages.some((m) => m.ts === thread)))
      return { ok: false, error: "thread_not_found" };
    const ts = `${1740700000 + this.seq}.${String(this.seq++).padStart(6, "0")}`;
    const message: SlackThreadMessage = {
      ts,
      channel,
      text: f.text ?? "",
      ...(thread ? { thread_ts: thread, reply_broadcast: f.reply_broadcast === "true" } : {}),
      ...(f.metadata ? { metadata: JSON.parse(f.metadata) } : {}),
    };
    this.messages.push(message);
    return { ok: true, channel, ts, message: { type: "message", text: message.text, ts } };
  }

  private history(f: Record<string, string | undefined>): Record<string, unknown> {
    const messages = this.inChannel(f.channel ?? "")
      .filter((m) => !this.deleted.has(m.ts))
      .reverse()
      .slice(0, Number(f.limit ?? 100));
    return { ok: true, messages, has_more: false };
  }

  private replies(f: Record<string, string | undefined>): Record<string, unknown> {
    const ts = f.ts ?? "";
    const first = this.messages.find((m) => m.ts === ts && m.channel === f.channel);
    if (!first || this.deleted.has(ts)) return { ok: false, error: "thread_not_found" };
    return {
      ok: true,
      messages: [first, ...this.inThread(ts)].slice(0, Number(f.limit ?? 1000)),
      has_more: false,
    };
  }
}
