/**
 * A stand-in for Slack's Web API on 127.0.0.1, just what alert delivery uses: chat.postMessage (with
 * message metadata) and conversations.history (include_all_metadata). Requests are form-encoded as
 * the real WebClient sends them; errors are `{ ok: false, error }` with HTTP 200, as Slack answers,
 * or HTTP 5xx on demand.
 *
 * How it differs from StandInSlack (./slack.ts): no slash commands or response_url (auth.test only
 * answers ok, for a bot process's start), and
 * no record of each request, only the messages per channel (with their metadata, where the alert
 * marker is) and counters, so that fan-outs to thousands of channels stay cheap; and the ways a
 * channel's delivery goes wrong (gone, 5xx, a lost answer).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackStoredMessage {
  ts: string;
  text: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export class StandInSlackChannels {
  readonly messages = new Map<string, SlackStoredMessage[]>();
  /** Channel id → Slack error code (channel_not_found, not_in_channel, is_archived). */
  readonly errors = new Map<string, string>();
  /** Channel id → how many more postMessage calls answer HTTP 500. */
  readonly failures = new Map<string, number>();
  stats = { requests: 0, posts: 0, histories: 0, serverErrors: 0 };
  /** The Web API base URL, with its trailing slash (what the WebClient's slackApiUrl takes). */
  apiUrl = "";
  private server: Server | undefined;
  private seq = 0;

  private constructor(private readonly options: { postLatencyMs?: number } = {}) {}

  /** Starts on a random port of 127.0.0.1. */
  static async start(options: { postLatencyMs?: number } = {}): Promise<StandInSlackChannels> {
    const standIn = new StandInSlackChannels(options);
    await standIn.listen();
    return standIn;
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server?.listen(0, "127.0.0.1", r));
    this.apiUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  count(channelId: string): number {
    return this.messages.get(channelId)?.length ?? 0;
  }

  /** Messages in every channel. */
  total(): number {
    return [...this.messages.values()].reduce((n, list) => n + list.length, 0);
  }

  /** The alert marker of each message in a channel (from its metadata), "?" for none. */
  markersIn(channelId: string): string[] {
    return (this.messages.get(channelId) ?? []).map((m) => String(m.metadata?.event_payload.marker ?? "?"));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.requests++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0];
    const channel = form.get("channel") ?? "";
    if (!req.headers.authorization?.startsWith("Bearer "))
      return json(200, { ok: false, error: "not_authed" });
    const error = this.errors.get(channel);
    // What Bolt asks on start (a bot process pointed here serves no commands, only reminders).
    if (method === "auth.test")
      return json(200, { ok: true, user_id: "U0BOT", bot_id: "B0BOT", team_id: "T0TEAM" });
    if (method === "chat.postMessage") {
      this.stats.posts++;
      const failing = this.failures.get(channel) ?? 0;
      if (failing > 0) {
        this.failures.set(channel, failing - 1);
        this.stats.serverErrors++;
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("Internal Server Error");
        return;
      }
      if (error) return json(200, { ok: false, error });
      const ts = `${1740700000 + Math.floor(this.seq / 1000)}.${String(this.seq++ % 1000).padStart(6, "0")}`;
      const message: SlackStoredMessage = {
        ts,
        text: form.get("text") ?? "",
        ...(form.get("blocks") ? { blocks: JSON.parse(form.get("blocks") as string) } : {}),
        ...(form.get("metadata") ? { metadata: JSON.parse(form.get("metadata") as string) } : {}),
      };
      const list = this.messages.get(channel) ?? [];
      list.push(message);
      this.messages.set(channel, list);
      if (this.options.postLatencyMs) await new Promise((r) => setTimeout(r, this.options.postLatencyMs));
      return json(200, { ok: true, channel, ts, message: { type: "message", text: message.text, ts } });
    }
    if (method === "conversations.history") {
      this.stats.histories++;
      if (error) return json(200, { ok: false, error });
      const limit = Number(form.get("limit") ?? 100);
      const withMeta = form.get("include_all_metadata") === "true";
      const messages = [...(this.messages.get(channel) ?? [])]
        .reverse()
        .slice(0, limit)
        .map((m) => ({
          type: "message",
          ts: m.ts,
          text: m.text,
          ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
        }));
      return json(200, { ok: true, messages, has_more: false });
    }
    return json(200, { ok: false, error: "unknown_method" });
  }
}
