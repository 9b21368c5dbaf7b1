/**
 * A stand-in for Slack on 127.0.0.1: the Web API methods the bot calls (auth.test, which Bolt calls on
 * start; chat.postMessage, chat.update, users.info, conversations.info and conversations.history for
 * the reminders and the readers' and channels' locales), and
 * response_url endpoints for button replies. It records every request, and signs and sends slash
 * commands and interactive payloads to the bot exactly as Slack does. More methods, each with the token
 * it accepts, can be added with `method()` (the Socket Mode stand-in adds apps.connections.open).
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FILE_METHODS, StandInSlackFiles } from "./slack-files.js";

export interface SlackRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** The body parsed as JSON or form fields (Web API calls come form- or JSON-encoded). */
  fields: Record<string, unknown>;
}

export const STANDIN_BOT = { user_id: "U0BOT", bot_id: "B0BOT", team_id: "T0TEAM", team: "Stand-in" };

function parseFields(body: string, contentType: string | undefined): Record<string, unknown> {
  if (!body) return {};
  if (contentType?.includes("application/json")) {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

/** The answer of a stand-in Web API method to the fields of a call. */
export type ApiHandler = (
  fields: Record<string, string | undefined>,
  standin: StandInSlack,
) => Record<string, unknown>;

/** Answers of the stand-in Web API, by method. */
const API: Record<string, ApiHandler> = {
  "auth.test": () => ({ ok: true, url: "https://standin.slack.com/", ...STANDIN_BOT, user: "ceasefire-bot" }),
  "chat.postMessage": (f) => ({
    ok: true,
    channel: f.channel,
    ts: "1740736800.000100",
    message: { text: f.text },
  }),
  "chat.update": (f) => ({ ok: true, channel: f.channel, ts: f.ts, text: f.text }),
  "users.info": (f, standin) => ({
    ok: true,
    user: {
      id: f.user,
      name: "reader",
      tz: "Europe/London",
      is_bot: false,
      is_admin: standin.admins.has(f.user ?? ""),
      is_owner: false,
      is_primary_owner: false,
      // Slack gives a person's locale only when asked (include_locale).
      ...(f.include_locale === "true" ? { locale: standin.locales.get(f.user ?? "") ?? "en-US" } : {}),
    },
  }),
  "conversations.history": () => ({ ok: true, messages: [], has_more: false }),
  "conversations.info": (f, standin) => ({
    ok: true,
    channel: {
      id: f.channel,
      name: "alerts",
      is_channel: true,
      // Slack gives a channel's locale only when asked (include_locale), and only when it has one.
      ...(f.include_locale === "true" && standin.channelLocales.has(f.channel ?? "")
        ? { locale: standin.channelLocales.get(f.channel ?? "") }
        : {}),
    },
  }),
  ...FILE_METHODS,
};

export class StandInSlack {
  readonly requests: SlackRequest[] = [];
  /** Users that users.info reports as workspace admins. */
  readonly admins = new Set<string>();
  /** Users' locales as users.info reports them with include_locale (default "en-US"). */
  readonly locales = new Map<string, string>();
  /** Channels' locales as conversations.info reports them with include_locale (default: none). */
  readonly channelLocales = new Map<string, string>();
  /** Web API methods that answer only after this many ms (a slow Slack). */
  readonly delays = new Map<string, number>();
  /** Web API methods whose next call gets HTTP 429 with this Retry-After (seconds), as Slack rate-limits. */
  readonly rateLimitsOnce = new Map<string, number>();
  /** Files uploaded through files.getUploadURLExternal and completed (./slack-files.ts). */
  readonly files = new StandInSlackFiles();
  private server: Server | undefined;
  private waiters: { match: (r: SlackRequest) => boolean; resolve: (r: SlackRequest) => void }[] = [];
  /** Methods added with `method()`, with the token each accepts instead of the bot token. */
  private readonly extra = new Map<string, { token: string; handler: ApiHandler }>();

  private constructor(
    /** The bot token the Web API accepts; any other gets `invalid_auth`, as on Slack. */
    readonly botToken: string,
  ) {}

  /** Starts on a random port of 127.0.0.1, accepting `botToken` as the bot token. */
  static async start(botToken = "xoxb-standin-token"): Promise<StandInSlack> {
    const standIn = new StandInSlack(botToken);
    await standIn.listen();
    return standIn;
  }

  /** Serves one more Web API method (or replaces one), accepting only `token`. */
  method(name: string, token: string, handler: ApiHandler): void {
    this.extra.set(name, { token, handler });
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks);
        const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
        // A file's bytes are read as bytes (never decoded as text).
        if (path.startsWith("/upload/")) {
          void this.files.receive(path, raw, req, res);
          return;
        }
        const body = raw.toString("utf8");
        const recorded: SlackRequest = {
          method: req.method ?? "GET",
          path,
          headers: req.headers,
          body,
          fields: parseFields(body, req.headers["content-type"]),
        };
        this.requests.push(recorded);
        this.waiters = this.waiters.filter((w) => {
          if (!w.match(recorded)) return true;
          w.resolve(recorded);
          return false;
        });
        res.setHeader("content-type", "application/json");
        if (path.startsWith("/respond/")) {
          res.end(JSON.stringify({ ok: true }));
          return;
        }
        const method = path.replace(/^\/api\//, "");
        const retryAfter = this.rateLimitsOnce.get(method);
        if (retryAfter !== undefined) {
          this.rateLimitsOnce.delete(method);
          res.writeHead(429, { "retry-after": String(retryAfter) });
          res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
          return;
        }
        const extra = this.extra.get(method);
        const handler = extra?.handler ?? API[method];
        const token = extra?.token ?? this.botToken;
        const auth =
          req.headers.authorization ?? (recorded.fields.token ? `Bearer ${recorded.fields.token}` : "");
        if (!handler) res.end(JSON.stringify({ ok: false, error: "unknown_method" }));
        else if (auth !== `Bearer ${token}`) res.end(JSON.stringify({ ok: false, error: "invalid_auth" }));
        else {
          const answer = JSON.stringify(handler(recorded.fields as Record<string, string | undefined>, this));
          const delay = this.delays.get(method) ?? 0;
          if (delay > 0) setTimeout(() => res.end(answer), delay);
          else res.end(answer);
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
  }

  get url(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    if (!port) throw new Error("stand-in not started");
    return `http://127.0.0.1:${port}`;
  }

  /** The Web API base URL, with its trailing slash. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A fresh response_url on the stand-in. */
  responseUrl(id = String(this.requests.length)): string {
    return `${this.url}/respond/${id}`;
  }

  calls(method: string): SlackRequest[] {
    return this.requests.filter((r) => r.path === `/api/${method}`);
  }

  /** Resolves with the first request (already recorded or still to come) that matches. */
  waitFor(match: (r: SlackRequest) => boolean, timeoutMs = 5000): Promise<SlackRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("stand-in: no matching request in time")), timeoutMs);
      this.waiters.push({
        match,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:${timestamp}:${body}` with the secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedPost {
  body: string;
  secret: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  contentType?: string;
  /** Replace the signature (a forgery). */
  signature?: string;
}

export interface BotResponse {
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
}

/** POSTs a body to the bot's /slack/events, signed the way Slack signs it. */
export async function postSigned(eventsUrl: string, post: SignedPost): Promise<BotResponse> {
  const timestamp = post.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(eventsUrl, {
    method: "POST",
    headers: {
      "content-type": post.contentType ?? "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": post.signature ?? slackSignature(post.secret, timestamp, post.body),
    },
    body: post.body,
  });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

/** The form body Slack sends for `/command text`. */
export function slashCommandBody(
  command: string,
  text: string,
  responseUrl: string,
  userId = "U0READER",
): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: STANDIN_BOT.team_id,
    team_domain: "standin",
    channel_id: "C0CHANNEL",
    channel_name: "general",
    user_id: userId,
    user_name: "reader",
    command,
    text,
    api_app_id: "A0APP",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "1337.42.abcdef",
  }).toString();
}

/** The form body Slack sends when a button in a message is clicked (`payload=` JSON). */
export function buttonClickBody(actionId: string, responseUrl: string): string {
  const payload = {
    type: "block_actions",
    user: { id: "U0READER", username: "reader", name: "reader", team_id: STANDIN_BOT.team_id },
    api_app_id: "A0APP",
    token: "deprecated-verification-token",
    container: {
      type: "message",
      message_ts: "1740736800.000100",
      channel_id: "C0CHANNEL",
      is_ephemeral: false,
    },
    trigger_id: "1337.42.abcdef",
    team: { id: STANDIN_BOT.team_id, domain: "standin" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: "C0CHANNEL", name: "general" },
    message: { type: "message", ts: "1740736800.000100", text: "Timeline", blocks: [] },
    response_url: responseUrl,
    actions: [
      {
        type: "button",
        action_id: actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "Next ▶", emoji: true },
        value: actionId,
        action_ts: "1740736860.000200",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
