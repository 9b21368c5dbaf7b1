/**
 * A stand-in for Discord's REST API on 127.0.0.1, just what alert delivery uses: POST and GET
 * /api/v10/channels/{id}/messages. It keeps every message, honours `nonce` + `enforce_nonce` the way
 * Discord does (a repeated nonce returns the first message), answers gone channels with Discord's
 * JSON error codes, can fail requests with 5xx on demand, and can enforce a global rate limit,
 * answering 429 with `retry-after`, `x-ratelimit-global`, `x-ratelimit-scope: global` and a
 * `{ global: true, retry_after }` body, as Discord does. The real @discordjs/rest REST talks to it.
 *
 * How it differs from StandInDiscord (./discord.ts): no gateway, no interactions and no record of
 * each request, only the messages per channel and counters, so that fan-outs to thousands of channels
 * (the crash, fleet and rate-limit tests, the benchmarks) stay cheap; and the ways a channel's
 * delivery goes wrong (gone, 5xx, a global 429, a lost answer).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface DiscordStoredMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: { footer?: { text?: string } }[];
  nonce?: string;
  timestamp: string;
}

export interface StandInDiscordChannelsOptions {
  /** Requests per second across all routes (a token bucket of that size); absent = unlimited. */
  globalPerSecond?: number;
  /** Delay before answering a POST (the message is stored first, as if the answer were lost on the way). */
  postLatencyMs?: number;
}

export class StandInDiscordChannels {
  readonly messages = new Map<string, DiscordStoredMessage[]>();
  readonly gone = new Map<string, { status: number; code: number; message: string }>();
  /** Channel id → how many more POSTs to fail with 500. */
  readonly failures = new Map<string, number>();
  stats = { requests: 0, posts: 0, gets: 0, rateLimited: 0, nonceReplays: 0, serverErrors: 0 };
  private server: Server | undefined;
  private nextId = 1_000_000_000_000_000_000n;
  private tokens: number;
  private refilledAt = performance.now();

  private constructor(private readonly options: StandInDiscordChannelsOptions = {}) {
    this.tokens = options.globalPerSecond ?? Number.POSITIVE_INFINITY;
  }

  /** The `api` option for REST (it appends /v10/...). */
  apiUrl = "";

  /** Starts on a random port of 127.0.0.1. */
  static async start(options: StandInDiscordChannelsOptions = {}): Promise<StandInDiscordChannels> {
    const standIn = new StandInDiscordChannels(options);
    await standIn.listen();
    return standIn;
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server?.listen(0, "127.0.0.1", r));
    this.apiUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  markGone(channelId: string, kind: "unknown" | "access"): void {
    this.gone.set(
      channelId,
      kind === "unknown"
        ? { status: 404, code: 10003, message: "Unknown Channel" }
        : { status: 403, code: 50001, message: "Missing Access" },
    );
  }

  count(channelId: string): number {
    return this.messages.get(channelId)?.length ?? 0;
  }

  /** Messages in every channel. */
  total(): number {
    return [...this.messages.values()].reduce((n, list) => n + list.length, 0);
  }

  /** The alert marker of each message in a channel (from its embed footer's "ref cf-…"), "?" for none. */
  markersIn(channelId: string): string[] {
    return (this.messages.get(channelId) ?? []).map(
      (m) => /ref (cf-[0-9a-f]+)/.exec(m.embeds[0]?.footer?.text ?? "")?.[1] ?? "?",
    );
  }

  private takeToken(): number {
    const limit = this.options.globalPerSecond;
    if (limit === undefined) return 0;
    const now = performance.now();
    this.tokens = Math.min(limit, this.tokens + ((now - this.refilledAt) / 1000) * limit);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return (1 - this.tokens) / limit; // seconds until one token is back
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.requests++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    const wait = this.takeToken();
    if (wait > 0) {
      this.stats.rateLimited++;
      const retry = Math.max(0.001, wait).toFixed(3);
      send(
        429,
        { message: "You are being rate limited.", retry_after: Number(retry), global: true },
        { "retry-after": retry, "x-ratelimit-global": "true", "x-ratelimit-scope": "global" },
      );
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(url.pathname);
    if (!match) return send(404, { message: "404: Not Found", code: 0 });
    const channelId = match[1] as string;
    const gone = this.gone.get(channelId);
    if (gone) return send(gone.status, { message: gone.message, code: gone.code });
    const list = this.messages.get(channelId) ?? [];
    if (req.method === "GET") {
      this.stats.gets++;
      const limit = Math.min(100, Number(url.searchParams.get("limit") ?? 50));
      return send(200, [...list].reverse().slice(0, limit));
    }
    if (req.method !== "POST") return send(405, { message: "405: Method Not Allowed", code: 0 });
    this.stats.posts++;
    const failing = this.failures.get(channelId) ?? 0;
    if (failing > 0) {
      this.failures.set(channelId, failing - 1);
      this.stats.serverErrors++;
      return send(500, { message: "500: Internal Server Error", code: 0 });
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Partial<DiscordStoredMessage> & {
      enforce_nonce?: boolean;
    };
    if (body.enforce_nonce && body.nonce) {
      const first = list.find((m) => m.nonce === body.nonce);
      if (first) {
        this.stats.nonceReplays++;
        return send(200, first);
      }
    }
    const message: DiscordStoredMessage = {
      id: String(this.nextId++),
      channel_id: channelId,
      content: body.content ?? "",
      embeds: body.embeds ?? [],
      ...(body.nonce ? { nonce: body.nonce } : {}),
      timestamp: new Date().toISOString(),
    };
    list.push(message);
    this.messages.set(channelId, list);
    if (this.options.postLatencyMs) await new Promise((r) => setTimeout(r, this.options.postLatencyMs));
    send(200, message);
  }
}
