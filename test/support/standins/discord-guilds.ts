/**
 * A stand-in for Discord at the scale of a large bot, on 127.0.0.1: many servers (100,000 in the
 * benchmark) over as many gateway shards as Discord would assign, and the REST routes a bot process
 * needs to start and to post reminders, with Discord's global rate limit. Lean where StandInDiscord
 * (./discord.ts) is thorough: no interactions, no record of each request, one text channel per
 * server and a few roles, so that a hundred shards and a hundred thousand servers stay cheap to serve.
 *
 * - Servers: `guildCount` of them, ids from `guildIdOf` (./discord.ts), each on the shard Discord
 *   sends its events to, `shardOf(id, shardCount)`; `shardCount` defaults to what Discord recommends,
 *   one shard per 1,000 servers (`shardsFor`), and is what GET /gateway/bot answers.
 * - Gateway: HELLO, heartbeat ACKs, IDENTIFY with `shard: [id, count]` → READY listing that shard's
 *   servers as unavailable, then one GUILD_CREATE each (Guilds intent). A RESUME gets an invalid
 *   session (the client identifies again). `readyShards` and `guildCreates` count what went out.
 *   Discord's identify limit: shard `id` is in bucket `id % max_concurrency`, and an IDENTIFY less than
 *   5 s after the last one its bucket let through is refused with an invalid session, counted in
 *   `stats.identifiesTooSoon`; those let through are listed in `identified`.
 * - REST: GET /gateway/bot, PUT application commands (echoed back), POST /channels/{id}/messages
 *   (counted per channel; a repeated nonce with `enforce_nonce` gets the first message back), under a
 *   global limit of `globalPerSecond` requests a second (a token bucket) answered past it with a
 *   global 429 as Discord words it. Any other route is a 404, counted by path in `unknownRoutes`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import { guildIdOf, shardOf } from "./discord.js";

/** Discord's recommendation: one shard per 1,000 servers (at least one). */
export const GUILDS_PER_SHARD = 1_000;

/** The shard count Discord would recommend for `guilds` servers. */
export function shardsFor(guilds: number): number {
  return Math.max(1, Math.ceil(guilds / GUILDS_PER_SHARD));
}

/** The ids of servers 0 … `guilds - 1`, grouped by the shard of `shardCount` Discord sends each to. */
export function guildsByShard(guilds: number, shardCount: number): string[][] {
  const byShard: string[][] = Array.from({ length: shardCount }, () => []);
  for (let i = 0; i < guilds; i++) {
    const id = guildIdOf(i);
    byShard[shardOf(id, shardCount)]?.push(id);
  }
  return byShard;
}

/** The one text channel of server `guildId` (what the benchmark subscribes). */
export function textChannelOf(guildId: string): string {
  return (BigInt(guildId) + 5_001n).toString();
}

export interface StandInDiscordGuildsOptions {
  guildCount: number;
  /** Default: `shardsFor(guildCount)`. */
  shardCount?: number;
  /** Roles per server, @everyone included (default 3). */
  rolesPerGuild?: number;
  /** Requests per second across all REST routes; absent = unlimited. */
  globalPerSecond?: number;
  /**
   * `session_start_limit.max_concurrency` of GET /gateway/bot: how many shards may identify in each
   * 5-second window (1 for most bots; Discord raises it for large ones). Default 1.
   */
  maxConcurrency?: number;
  appId?: string;
}

const API_PREFIX = "/api/v10";
/** How long an identify bucket stays closed after an IDENTIFY. */
const IDENTIFY_WINDOW_MS = 5_000;
const GUILDS_INTENT = 1;

export class StandInDiscordGuilds {
  readonly guildCount: number;
  readonly shardCount: number;
  readonly appId: string;
  /** POSTed messages per channel id. */
  readonly posts = new Map<string, number>();
  /** Requests to routes the stand-in does not serve, by method and path. */
  readonly unknownRoutes = new Map<string, number>();
  stats = {
    requests: 0,
    posts: 0,
    rateLimited: 0,
    nonceReplays: 0,
    identifies: 0,
    resumes: 0,
    /** IDENTIFYs refused because their bucket had one less than 5 s before (Discord's identify limit). */
    identifiesTooSoon: 0,
    /** The shortest time between a refused IDENTIFY and the last its bucket let through (ms). */
    closestRefusedMs: Number.POSITIVE_INFINITY,
  };
  /** Each IDENTIFY let through: its shard and when (performance.now()). */
  readonly identified: { shard: number; at: number }[] = [];
  /** Shards sent READY, and GUILD_CREATEs sent, so far. */
  readyShards = 0;
  guildCreates = 0;
  /** When (performance.now()) the first and the last message was posted. */
  firstPostAt: number | undefined;
  lastPostAt: number | undefined;

  private readonly byShard: string[][];
  private readonly roles: number;
  private readonly nonces = new Map<string, string>();
  /** When each identify bucket (shard % max_concurrency) last let an IDENTIFY through. */
  private readonly bucketOpened = new Map<number, number>();
  private readonly sockets = new Set<WebSocket>();
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private port = 0;
  private tokens: number;
  private refilledAt = performance.now();
  private nextId = 1_000_000_000_000_000_000n;

  private constructor(private readonly options: StandInDiscordGuildsOptions) {
    this.guildCount = options.guildCount;
    this.shardCount = options.shardCount ?? shardsFor(options.guildCount);
    this.appId = options.appId ?? "800000000000000001";
    this.roles = options.rolesPerGuild ?? 3;
    this.byShard = guildsByShard(this.guildCount, this.shardCount);
    this.tokens = options.globalPerSecond ?? Number.POSITIVE_INFINITY;
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.http.keepAliveTimeout = 60_000;
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on("connection", (ws) => this.onConnection(ws));
  }

  static async start(options: StandInDiscordGuildsOptions): Promise<StandInDiscordGuilds> {
    const standIn = new StandInDiscordGuilds(options);
    await new Promise<void>((resolve) => standIn.http.listen(0, "127.0.0.1", resolve));
    standIn.port = (standIn.http.address() as AddressInfo).port;
    return standIn;
  }

  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The servers shard `shard` gets. */
  guildsOf(shard: number): readonly string[] {
    return this.byShard[shard] ?? [];
  }

  /** Every server's text channel. */
  channels(): string[] {
    return this.byShard.flat().map(textChannelOf);
  }

  /** Messages posted to `channelId`. */
  count(channelId: string): number {
    return this.posts.get(channelId) ?? 0;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ── REST ──────────────────────────────────────────────────────────────────────────────────────

  /** 0 when a request may go now, else the seconds until the bucket holds one token again. */
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
    return (1 - this.tokens) / limit;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const wait = this.takeToken();
    if (wait > 0) {
      this.stats.rateLimited++;
      const retry = Math.max(0.001, wait).toFixed(3);
      return json(
        res,
        429,
        { message: "You are being rate limited.", retry_after: Number(retry), global: true },
        { "retry-after": retry, "x-ratelimit-global": "true", "x-ratelimit-scope": "global" },
      );
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const method = req.method ?? "GET";
    const text = Buffer.concat(chunks).toString("utf8");
    if (method === "GET" && path === "/gateway/bot") {
      return json(res, 200, {
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: {
          total: 1000,
          remaining: 1000,
          reset_after: 0,
          max_concurrency: this.options.maxConcurrency ?? 1,
        },
      });
    }
    if (method === "GET" && path === "/gateway") return json(res, 200, { url: this.gatewayUrl });
    const commands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (commands && method === "PUT") {
      const list = JSON.parse(text || "[]") as Record<string, unknown>[];
      return json(
        res,
        200,
        list.map((c) => ({ ...c, id: String(this.nextId++), application_id: commands[1], version: "1" })),
      );
    }
    const channel = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (channel && method === "POST") {
      this.post(res, channel[1] ?? "", text);
      return;
    }
    const route = `${method} ${path.replace(/\d{6,}/g, ":id")}`;
    this.unknownRoutes.set(route, (this.unknownRoutes.get(route) ?? 0) + 1);
    return json(res, 404, { message: "404: Not Found", code: 0 });
  }

  private post(res: ServerResponse, channelId: string, text: string): void {
    this.stats.posts++;
    const body = JSON.parse(text || "{}") as { content?: string; nonce?: string; enforce_nonce?: boolean };
    const nonceKey = body.enforce_nonce && body.nonce ? `${channelId}:${body.nonce}` : undefined;
    const first = nonceKey ? this.nonces.get(nonceKey) : undefined;
    if (first) {
      this.stats.nonceReplays++;
      json(res, 200, { id: first, channel_id: channelId, content: body.content ?? "", embeds: [] });
      return;
    }
    const id = String(this.nextId++);
    if (nonceKey) this.nonces.set(nonceKey, id);
    this.posts.set(channelId, (this.posts.get(channelId) ?? 0) + 1);
    const now = performance.now();
    this.firstPostAt ??= now;
    this.lastPostAt = now;
    json(res, 200, {
      id,
      channel_id: channelId,
      content: body.content ?? "",
      embeds: [],
      timestamp: new Date().toISOString(),
    });
  }

  // ── Gateway ───────────────────────────────────────────────────────────────────────────────────

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    let seq = 0;
    const dispatch = (t: string, d: unknown) => send(ws, { op: 0, t, s: ++seq, d });
    ws.on("message", (data) => {
      let payload: { op: number; d: Record<string, unknown> | null };
      try {
        payload = JSON.parse(String(data));
      } catch {
        ws.close(4002, "decode error");
        return;
      }
      if (payload.op === 1) send(ws, { op: 11 });
      else if (payload.op === 2) this.identify(ws, payload.d ?? {}, dispatch);
      else if (payload.op === 6) {
        this.stats.resumes++;
        send(ws, { op: 9, d: false });
      }
    });
    send(ws, { op: 10, d: { heartbeat_interval: 41_250 } });
  }

  private identify(
    ws: WebSocket,
    d: Record<string, unknown>,
    dispatch: (t: string, d: unknown) => void,
  ): void {
    this.stats.identifies++;
    const [id = 0, count = 1] = (d.shard as number[] | undefined) ?? [];
    if (count !== this.shardCount || id < 0 || id >= count) {
      ws.close(4010, "Invalid shard");
      return;
    }
    // Discord's identify limit: one IDENTIFY per bucket every 5 s, for the whole bot. One too soon
    // is refused with an Invalid Session that cannot be resumed.
    const bucket = id % (this.options.maxConcurrency ?? 1);
    const now = performance.now();
    const last = this.bucketOpened.get(bucket);
    if (last !== undefined && now - last < IDENTIFY_WINDOW_MS) {
      this.stats.identifiesTooSoon++;
      this.stats.closestRefusedMs = Math.min(this.stats.closestRefusedMs, now - last);
      send(ws, { op: 9, d: false });
      return;
    }
    this.bucketOpened.set(bucket, now);
    this.identified.push({ shard: id, at: now });
    const guilds = this.guildsOf(id);
    dispatch("READY", {
      v: 10,
      user: { id: this.appId, username: "ceasefire-bot", discriminator: "0", avatar: null, bot: true },
      guilds: guilds.map((g) => ({ id: g, unavailable: true })),
      session_id: `session-${id}-${this.stats.identifies}`,
      resume_gateway_url: this.gatewayUrl,
      shard: [id, count],
      application: { id: this.appId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      user_settings: {},
    });
    this.readyShards++;
    if (!(Number(d.intents ?? 0) & GUILDS_INTENT)) return;
    for (const g of guilds) {
      dispatch("GUILD_CREATE", this.guild(g));
      this.guildCreates++;
    }
  }

  /** A GUILD_CREATE payload: one text channel, `rolesPerGuild` roles, the bot's own member. */
  private guild(id: string): Record<string, unknown> {
    const roles = Array.from({ length: this.roles }, (_, r) => ({
      id: r === 0 ? id : (BigInt(id) + BigInt(1000 + r)).toString(),
      name: r === 0 ? "@everyone" : `role-${r}`,
      color: 0,
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: r,
      permissions: "1071698660929",
      managed: false,
      mentionable: false,
      flags: 0,
    }));
    const joined = "2025-01-01T00:00:00.000Z";
    return {
      id,
      name: `Server ${id.slice(-6)}`,
      icon: null,
      owner_id: "900000000000000003",
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 2,
      features: [],
      mfa_level: 0,
      system_channel_id: textChannelOf(id),
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: "en-US",
      nsfw_level: 0,
      joined_at: joined,
      large: false,
      unavailable: false,
      member_count: 120,
      roles,
      channels: [
        {
          id: textChannelOf(id),
          type: 0,
          guild_id: id,
          name: "ceasefire",
          position: 0,
          parent_id: null,
          topic: null,
          nsfw: false,
          rate_limit_per_user: 0,
          last_message_id: null,
          flags: 0,
          permission_overwrites: [],
        },
      ],
      threads: [],
      emojis: [],
      stickers: [],
      members: [
        {
          user: { id: this.appId, username: "ceasefire-bot", discriminator: "0", avatar: null, bot: true },
          roles: [],
          joined_at: joined,
          deaf: false,
          mute: false,
          flags: 0,
        },
      ],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}

function send(ws: WebSocket, payload: Record<string, unknown>): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
