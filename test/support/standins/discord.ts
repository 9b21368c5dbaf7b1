/**
 * A stand-in for Discord on 127.0.0.1: the REST API (what discord.js calls with `rest.api` set) and
 * the gateway (HELLO, IDENTIFY → READY, heartbeats, RESUME → RESUMED, dispatches). It records every
 * request so tests can assert on the payloads the real client sent, and can misbehave on demand
 * (drop the connection, keep the gateway down for a while, answer 429 once) to check the client copes.
 *
 * Sharding as Discord does it: an IDENTIFY may carry `shard: [id, count]`; that session then gets
 * only the servers, and the interactions of the servers, whose `(guild_id >> 22) % count` is `id`
 * (a direct message goes to shard 0). Without `shard` a session is shard [0, 1] and gets everything.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import { attachmentObjects, isMultipart, readMultipart, type UploadedFile } from "./discord-attachments.js";
import { StandInDiscordCommands } from "./discord-commands.js";
import { StandInScheduledEvents } from "./discord-events.js";
import { StandInDiscordThreads } from "./discord-threads.js";

export interface DiscordRequest {
  method: string;
  /** Path without the `/api/v10` prefix, like `/interactions/1/tok/callback`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
  /** The files of a multipart/form-data request (its body is then the `payload_json`). */
  files?: UploadedFile[];
}

export interface OptionValue {
  name: string;
  /** 3 string, 4 integer, 5 boolean, 10 number. */
  type: number;
  value: string | number | boolean;
  focused?: boolean;
}

export interface StandInDiscordOptions {
  appId?: string;
  botUserId?: string;
  /** Heartbeat interval announced in HELLO (ms). */
  heartbeatInterval?: number;
}

/** Where an interaction happens: a server and a channel in it (by default GUILD_ID and CHANNEL_ID). */
export interface Place {
  guildId?: string;
  channelId?: string;
  /** Who asks (default: the stand-in's one reader). */
  userId?: string;
  /** Their client's locale, as the interaction's `locale` says it (default "en-GB"). */
  locale?: string;
  /** The server's, as `guild_locale` (default "en-US"). */
  guildLocale?: string;
}

/** A gateway session: its shard, and the sequence number of its last dispatch. */
interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  /** The gateway intents the client identified with (server details need Guilds). */
  intents: number;
}

interface FailureRule {
  method: string;
  path: RegExp;
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

interface Waiter {
  match: (r: DiscordRequest) => boolean;
  resolve: (r: DiscordRequest) => void;
}

const API_PREFIX = "/api/v10";
export const GUILD_ID = "900000000000000001";
export const CHANNEL_ID = "900000000000000002";
const USER_ID = "900000000000000003";

/** The shard Discord sends a server's events to: `(guild_id >> 22) % count`. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/**
 * The stand-in's servers (`guildCount` of them), spread over the shards in turn: server `i` is on
 * shard `i % count` for any count from 1 to 16. Their timestamps are a multiple of 720,720 ms (every
 * count up to 16 divides it) after mid-2020, and the low 22 bits are free for ids derived from them.
 */
export function guildIdOf(i: number): string {
  const base = 166_893_005_371n - (166_893_005_371n % 720_720n);
  return ((base + BigInt(i)) << 22n).toString();
}

/** An id `offset` above `id`, for a server's channels and roles. */
function idAfter(id: string, offset: number): string {
  return (BigInt(id) + BigInt(offset)).toString();
}

let snowflakeCounter = 0n;
/** Unique, increasing snowflake-like ids (timestamp in the top bits, as Discord's). */
export function snowflake(): string {
  snowflakeCounter += 1n;
  return ((BigInt(Date.now() - 1_420_070_400_000) << 22n) | (snowflakeCounter & 0x3fffffn)).toString();
}

/** The Guilds gateway intent (1 << 0): GUILD_CREATE and the channel and role events. */
const GUILDS_INTENT = 1;

export class StandInDiscord {
  readonly requests: DiscordRequest[] = [];
  /** IDENTIFY and RESUME payloads received, in order. */
  readonly identifies: unknown[] = [];
  readonly resumes: unknown[] = [];
  readonly appId: string;
  readonly botUserId: string;
  /**
   * Guilds the bot is in: listed in READY as unavailable, then sent as GUILD_CREATE with their
   * channels and roles, which Discord (and so the stand-in) does only for a client that asked for
   * the Guilds intent.
   */
  guildCount = 0;
  channelsPerGuild = 20;
  rolesPerGuild = 10;
  /** When false, interaction callbacks are not recorded (benchmarks), only counted. */
  recordCallbacks = true;
  callbackCount = 0;
  /** The shard count GET /gateway/bot recommends (what `shards: "auto"` connects). */
  recommendedShards = 1;
  /** Which connection each interaction was dispatched to: interaction id → the session's shard id. */
  readonly dispatchedTo = new Map<string, number>();

  private readonly sockets = new Set<WebSocket>();
  private current: WebSocket | undefined;
  /** Connections waiting for their HELLO while the gateway is held down. */
  private held: WebSocket[] | undefined;
  /** Every session, by id (what RESUME names). */
  private readonly sessions = new Map<string, Session>();
  /** The session each open connection identified or resumed. */
  private readonly live = new Map<WebSocket, Session>();
  private readonly heartbeatInterval: number;
  private readonly failures: FailureRule[] = [];
  private waiters: Waiter[] = [];
  private sessionWaiters: (() => void)[] = [];
  private callbackWaiters = new Map<string, (r: DiscordRequest) => void>();
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private port = 0;

  private constructor(options: StandInDiscordOptions) {
    this.appId = options.appId ?? "800000000000000001";
    this.botUserId = options.botUserId ?? this.appId;
    this.heartbeatInterval = options.heartbeatInterval ?? 30_000;
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.http.keepAliveTimeout = 60_000;
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on("connection", (ws) => this.onConnection(ws));
  }

  /** Starts on a random port of 127.0.0.1. */
  static async start(options: StandInDiscordOptions = {}): Promise<StandInDiscord> {
    const standIn = new StandInDiscord(options);
    await new Promise<void>((resolve) => standIn.http.listen(0, "127.0.0.1", resolve));
    standIn.port = (standIn.http.address() as AddressInfo).port;
    return standIn;
  }

  /** The value for `rest.api` / DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  // ── REST ──────────────────────────────────────────────────────────────────────────────────────

  /** The next request (already recorded or to come) matching `match`. */
  waitForRequest(match: (r: DiscordRequest) => boolean, timeoutMs = 5_000): Promise<DiscordRequest> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error("stand-in: no matching request arrived"));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Answers the next request matching `method` and `path` with 429 and `retry_after` seconds. */
  rateLimitOnce(method: string, path: RegExp, retryAfter: number): void {
    this.failures.push({
      method,
      path,
      status: 429,
      body: { message: "You are being rate limited.", retry_after: retryAfter, global: false },
      headers: { "retry-after": String(Math.ceil(retryAfter)), "x-ratelimit-scope": "user" },
    });
  }

  /** Answers the next request matching `method` and `path` with a Discord JSON error. */
  failOnce(method: string, path: RegExp, status: number, code: number, message: string): void {
    this.failures.push({ method, path, status, body: { message, code }, headers: {} });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname;
    const method = req.method ?? "GET";
    const isCallback = method === "POST" && pathname.endsWith("/callback");
    // Benchmarks do not record callbacks: they skip reading them too (a picture's bytes as text, its parts).
    const parsed = isCallback ? this.recordCallbacks : true;
    const multipart = parsed && isMultipart(req.headers);
    const raw = parsed && !multipart ? bytes.toString("utf8") : "";
    let body: unknown = raw;
    if (parsed && (req.headers["content-type"] ?? "").includes("application/json") && raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const record: DiscordRequest = { method, path, query: url.searchParams, headers: req.headers, body };
    if (multipart) Object.assign(record, await readMultipart(bytes, req.headers));

    const failure = this.failures.findIndex((r) => r.method === method && r.path.test(path));
    if (failure >= 0) {
      const rule = this.failures.splice(failure, 1)[0] as FailureRule;
      // Recorded under another method so that waiting for the real request skips it.
      this.requests.push({ ...record, method: `${method} (${rule.status})` });
      const text = JSON.stringify(rule.body);
      res.writeHead(rule.status, { "content-type": "application/json", ...rule.headers });
      res.end(text);
      return;
    }

    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
    if (callback && method === "POST") {
      this.callbackCount++;
      if (this.recordCallbacks) this.record(record);
      const waiter = this.callbackWaiters.get(callback[1] ?? "");
      if (waiter) {
        this.callbackWaiters.delete(callback[1] ?? "");
        waiter(record);
      }
      // 204 with no body and no JSON content type: discord.js would try to parse an empty JSON body.
      res.writeHead(204);
      res.end();
      return;
    }
    this.record(record);

    if (method === "GET" && path === "/gateway/bot") {
      return json(res, 200, {
        url: this.gatewayUrl,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === "GET" && path === "/gateway") return json(res, 200, { url: this.gatewayUrl });
    const registration = this.commands.handle(method, path, body);
    if (registration) return json(res, registration.status, registration.body);
    const threaded = this.threads.handle(method, path, body);
    if (threaded) return json(res, threaded.status, threaded.body);
    // Reminders: messages the bot posts to channels, and the history it reads back (newest first).
    const channel = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (channel && method === "POST") {
      const list = this.channelMessages.get(channel[1] ?? "") ?? [];
      // As Discord does: a nonce sent again with enforce_nonce gets the first message back.
      const { nonce, enforce_nonce } = (body ?? {}) as { nonce?: string; enforce_nonce?: boolean };
      const first = enforce_nonce && nonce ? list.find((m) => m.nonce === nonce) : undefined;
      if (first) return json(res, 200, first);
      const message = { ...this.message(body), channel_id: channel[1], ...(nonce ? { nonce } : {}) };
      list.unshift(message);
      this.channelMessages.set(channel[1] ?? "", list);
      return json(res, 200, message);
    }
    if (channel && method === "GET") return json(res, 200, this.channelMessages.get(channel[1] ?? "") ?? []);
    const webhook = /^\/webhooks\/(\d+)\/[^/]+(?:\/messages\/(@original|\d+))?$/.exec(path);
    if (webhook && (method === "PATCH" || method === "POST")) {
      const attachments = attachmentObjects(record.body, record.files ?? []);
      return json(res, 200, { ...this.message(record.body), attachments });
    }
    if (webhook && method === "DELETE") {
      res.writeHead(204);
      res.end();
      return;
    }
    const event = this.scheduledEvents.handle(method, path, body);
    if (event)
      return event.status === 204 ? void res.writeHead(204).end() : json(res, event.status, event.body);
    return json(res, 404, { message: "404: Not Found", code: 0 });
  }

  private record(r: DiscordRequest): void {
    this.requests.push(r);
    const matched = this.waiters.filter((w) => w.match(r));
    this.waiters = this.waiters.filter((w) => !matched.includes(w));
    for (const w of matched) w.resolve(r);
  }

  /** A message object as Discord returns it for a webhook edit or follow-up. */
  private message(body: unknown): Record<string, unknown> {
    const b = (body ?? {}) as Record<string, unknown>;
    return {
      id: snowflake(),
      type: 20,
      channel_id: CHANNEL_ID,
      author: { id: this.botUserId, username: "ceasefire-bot", discriminator: "0", avatar: null, bot: true },
      content: b.content ?? "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: b.embeds ?? [],
      components: b.components ?? [],
      // What the bot asked Discord to ping (kept so tests can check that a message pings nobody).
      allowed_mentions: b.allowed_mentions,
      pinned: false,
      flags: b.flags ?? 0,
      application_id: this.appId,
      webhook_id: this.appId,
    };
  }

  // ── Gateway ───────────────────────────────────────────────────────────────────────────────────

  /** Resolves once a client has identified (or resumed) `count` times in all. */
  waitForSessions(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.identifies.length + this.resumes.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("stand-in: no session")), timeoutMs);
      const check = () => {
        if (this.identifies.length + this.resumes.length >= count) {
          clearTimeout(timer);
          resolve();
        } else this.sessionWaiters.push(check);
      };
      this.sessionWaiters.push(check);
    });
  }

  private sessionChanged(): void {
    const waiting = this.sessionWaiters;
    this.sessionWaiters = [];
    for (const w of waiting) w();
  }

  /**
   * Closes the gateway connection with a resumable code (4000 "unknown error" by default), as
   * Discord does when it restarts a gateway node.
   */
  forceDisconnect(code = 4000): void {
    this.current?.close(code, "stand-in: forced disconnect");
  }

  /**
   * Keeps the gateway down: connections are accepted but get no HELLO until `releaseGateway()`, so a
   * client that was dropped cannot resume until then (as during a Discord gateway outage).
   */
  holdGateway(): void {
    this.held ??= [];
  }

  /** Ends `holdGateway()`: the waiting connections get their HELLO and can resume. */
  releaseGateway(): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    for (const ws of waiting) this.hello(ws);
  }

  private hello(ws: WebSocket): void {
    this.sendOp(ws, { op: 10, d: { heartbeat_interval: this.heartbeatInterval } });
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    this.current = ws;
    ws.on("close", () => {
      this.sockets.delete(ws);
      this.live.delete(ws);
      if (this.current === ws) this.current = undefined;
    });
    ws.on("message", (data) => {
      let payload: { op: number; d: unknown };
      try {
        payload = JSON.parse(String(data));
      } catch {
        ws.close(4002, "decode error");
        return;
      }
      this.onOp(ws, payload);
    });
    if (this.held) this.held.push(ws);
    else this.hello(ws);
  }

  private onOp(ws: WebSocket, payload: { op: number; d: unknown }): void {
    switch (payload.op) {
      case 1:
        this.sendOp(ws, { op: 11 });
        break;
      case 2: {
        this.identifies.push(payload.d);
        const [id = 0, count = 1] = (payload.d as { shard?: number[] }).shard ?? [];
        if (!(count >= 1 && id >= 0 && id < count)) {
          ws.close(4010, "Invalid shard");
          break;
        }
        const intents = Number((payload.d as { intents?: unknown }).intents ?? 0);
        const session: Session = { id: randomUUID(), shard: [id, count], seq: 0, intents };
        this.sessions.set(session.id, session);
        this.live.set(ws, session);
        this.ready(ws, session);
        this.sessionChanged();
        break;
      }
      case 6: {
        this.resumes.push(payload.d);
        const session = this.sessions.get((payload.d as { session_id?: string }).session_id ?? "");
        if (!session) {
          this.sendOp(ws, { op: 9, d: false });
          break;
        }
        this.live.set(ws, session);
        this.dispatchTo(ws, "RESUMED", {});
        this.sessionChanged();
        break;
      }
      default:
        break;
    }
  }

  /** READY with the session's servers (those of its shard), then a GUILD_CREATE for each. */
  private ready(ws: WebSocket, session: Session): void {
    const [shard, count] = session.shard;
    const guildIds = Array.from({ length: this.guildCount }, (_, i) => guildIdOf(i)).filter(
      (id) => shardOf(id, count) === shard,
    );
    this.dispatchTo(ws, "READY", {
      v: 10,
      user: {
        id: this.botUserId,
        username: "ceasefire-bot",
        discriminator: "0",
        global_name: null,
        avatar: null,
        bot: true,
        flags: 0,
        verified: true,
        mfa_enabled: false,
      },
      guilds: guildIds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: session.shard,
      application: { id: this.appId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      user_settings: {},
    });
    if (session.intents & GUILDS_INTENT)
      for (const id of guildIds) this.dispatchTo(ws, "GUILD_CREATE", this.guild(id));
  }

  /** A GUILD_CREATE payload as a bot with the Guilds intent receives it. */
  private guild(id: string): Record<string, unknown> {
    const roles = Array.from({ length: this.rolesPerGuild }, (_, r) => ({
      id: r === 0 ? id : idAfter(id, 1000 + r),
      name: r === 0 ? "@everyone" : `role-${r}`,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: r,
      permissions: "1071698660929",
      managed: false,
      mentionable: false,
      flags: 0,
    }));
    const channels = Array.from({ length: this.channelsPerGuild }, (_, c) => ({
      id: idAfter(id, 5000 + c),
      type: c === 0 ? 4 : 0,
      guild_id: id,
      name: c === 0 ? "Text channels" : `channel-${c}`,
      position: c,
      parent_id: c === 0 ? null : idAfter(id, 5000),
      topic: c === 0 ? undefined : `Topic of channel ${c}`,
      nsfw: false,
      rate_limit_per_user: 0,
      last_message_id: null,
      flags: 0,
      permission_overwrites: [
        { id, type: 0, allow: "0", deny: c % 2 ? "2048" : "0" },
        { id: roles[1]?.id ?? id, type: 0, allow: "1024", deny: "0" },
      ],
    }));
    return {
      id,
      name: `Server ${id.slice(-6)}`,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: USER_ID,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 2,
      features: [],
      mfa_level: 0,
      system_channel_id: channels[1]?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: "en-US",
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 120,
      roles,
      channels,
      threads: [],
      emojis: [],
      stickers: [],
      // Without the members intent Discord still sends the bot's own member.
      members: [
        {
          user: {
            id: this.botUserId,
            username: "ceasefire-bot",
            discriminator: "0",
            avatar: null,
            bot: true,
          },
          roles: [],
          joined_at: new Date().toISOString(),
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

  private sendOp(ws: WebSocket, payload: Record<string, unknown>): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }

  private dispatchTo(ws: WebSocket, t: string, d: unknown): void {
    const session = this.live.get(ws);
    if (!session) throw new Error("stand-in: dispatch on a connection without a session");
    session.seq += 1;
    this.sendOp(ws, { op: 0, t, s: session.seq, d });
  }

  /**
   * Sends a dispatch on the connection of the shard its server (`d.guild_id`) belongs to, shard 0 for
   * none; the newest such connection when several sessions hold that shard.
   */
  dispatch(t: string, d: unknown): WebSocket {
    const guildId = (d as { guild_id?: string } | undefined)?.guild_id;
    const owner = [...this.live]
      .filter(([, session]) => {
        const [shard, count] = session.shard;
        return (guildId === undefined ? 0 : shardOf(guildId, count)) === shard;
      })
      .at(-1);
    if (!owner)
      throw new Error(`stand-in: no gateway connection for the shard of ${guildId ?? "a direct message"}`);
    const [ws] = owner;
    this.dispatchTo(ws, t, d);
    return ws;
  }

  /** Sends an interaction to its shard's connection and notes which shard that was. */
  private dispatchInteraction(interaction: { id: string }): void {
    const ws = this.dispatch("INTERACTION_CREATE", interaction);
    this.dispatchedTo.set(interaction.id, this.live.get(ws)?.shard[0] ?? 0);
  }

  // ── Interactions ──────────────────────────────────────────────────────────────────────────────

  /** Messages posted to each channel (POST /channels/{id}/messages), newest first. */
  readonly channelMessages = new Map<string, Record<string, unknown>[]>();
  /** Forums, threads and forum posts (./discord-threads.ts). */
  readonly threads = new StandInDiscordThreads(this.channelMessages);
  /** The application commands registered, per scope, with their localizations (./discord-commands.ts). */
  readonly commands = new StandInDiscordCommands(snowflake);

  /** The invoking member's permissions in the channel, as Discord resolves them (a decimal bit set). */
  memberPermissions = "1071698660929";
  /** The bot's own permissions there (an interaction's app_permissions). */
  appPermissions = "1071698660929";
  /** The servers' scheduled events (./discord-events.ts). */
  readonly scheduledEvents = new StandInScheduledEvents(() => this.botUserId, snowflake);

  private interactionBase(
    type: number,
    place: Place = {},
  ): Record<string, unknown> & { id: string; token: string } {
    const id = snowflake();
    const guildId = place.guildId ?? GUILD_ID;
    const channelId = place.channelId ?? CHANNEL_ID;
    return {
      id,
      application_id: this.appId,
      type,
      token: `interaction-token-${id}`,
      version: 1,
      guild_id: guildId,
      channel_id: channelId,
      channel: { id: channelId, type: 0, guild_id: guildId, name: "general" },
      member: {
        user: {
          id: place.userId ?? USER_ID,
          username: "reader",
          discriminator: "0",
          avatar: null,
          global_name: "Reader",
        },
        roles: [],
        joined_at: "2024-01-01T00:00:00.000Z",
        deaf: false,
        mute: false,
        flags: 0,
        permissions: this.memberPermissions,
      },
      app_permissions: this.appPermissions,
      locale: place.locale ?? "en-GB",
      guild_locale: place.guildLocale ?? "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": guildId },
      context: 0,
      attachment_size_limit: 8_388_608,
    };
  }

  /** An INTERACTION_CREATE for a slash command (in `place`); returns its id and token. */
  chatInput(name: string, options: OptionValue[] = [], place: Place = {}): { id: string; token: string } {
    const interaction = this.interactionBase(2, place);
    interaction.data = { id: snowflake(), name, type: 1, options };
    this.dispatchInteraction(interaction);
    return { id: interaction.id, token: interaction.token };
  }

  /** An INTERACTION_CREATE for an autocomplete request on `options` (one of them focused). */
  autocomplete(name: string, options: OptionValue[]): { id: string; token: string } {
    const interaction = this.interactionBase(4);
    interaction.data = { id: snowflake(), name, type: 1, options };
    this.dispatchInteraction(interaction);
    return { id: interaction.id, token: interaction.token };
  }

  /** An INTERACTION_CREATE for a press on the button `customId` of a message with `message`'s body. */
  button(customId: string, message: Record<string, unknown> = {}): { id: string; token: string } {
    const interaction = this.interactionBase(3);
    interaction.data = { custom_id: customId, component_type: 2 };
    interaction.message = { ...this.message(message), type: 20, interaction_metadata: undefined };
    this.dispatchInteraction(interaction);
    return { id: interaction.id, token: interaction.token };
  }

  /** The callback (POST …/callback) the client sends for interaction `id`. */
  callbackFor(id: string, timeoutMs = 5_000): Promise<DiscordRequest> {
    const seen = this.requests.find((r) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.callbackWaiters.delete(id);
        reject(new Error(`stand-in: no callback for interaction ${id}`));
      }, timeoutMs);
      this.callbackWaiters.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  /** Sends a slash command (in `place`) and resolves with the callback body the client answered with. */
  async command(name: string, options: OptionValue[] = [], place: Place = {}): Promise<CallbackBody> {
    const { id } = this.chatInput(name, options, place);
    return (await this.callbackFor(id)).body as CallbackBody;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}

/** An interaction callback body: `type` 4 = message, 5 = deferred, 7 = update, 8 = autocomplete. */
export interface CallbackBody {
  type: number;
  data?: {
    embeds?: {
      title?: string;
      description?: string;
      color?: number;
      fields?: { name: string; value: string }[];
      footer?: { text: string };
      image?: { url: string };
    }[];
    /** The files a multipart answer lists (`files[id]`), with their alt text. */
    attachments?: { id: string; description?: string }[];
    components?: { type: number; components: { custom_id: string; label: string; disabled?: boolean }[] }[];
    flags?: number;
    allowed_mentions?: { parse: string[] };
    choices?: { name: string; value: string }[];
  };
}

/** All the text of a callback's embed, for assertions that do not care where a phrase sits. */
export function embedText(body: CallbackBody): string {
  const e = body.data?.embeds?.[0];
  if (!e) return "";
  return [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]
    .filter(Boolean)
    .join("\n");
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
