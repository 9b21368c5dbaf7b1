/**
 * One Discord rate limit for every bot process: `@discordjs/proxy` in front of Discord's REST API.
 * Every process points its REST client at this proxy (DISCORD_PROXY_URL); the proxy's single
 * @discordjs/rest client keeps the global limit (DISCORD_GLOBAL_REQUESTS_PER_SECOND, Discord's 50/s by
 * default) and every route's bucket for all of them, so that together they stay under Discord's
 * limits, which are per bot, not per process (docs/decisions/0012-shards-and-one-rate-limit.md).
 *
 * It forwards each request's own Authorization header and needs no token of its own. When a limit is
 * reached it holds the request until it may go, as the bot's own REST client would, so a process never
 * has to be told to wait: the processes together may offer more than the limit (each keeps only its
 * own), and the requests over it queue here instead of coming back as 429s to be sent again, which
 * cost every process and the proxy a round trip for nothing (docs/decisions/0036-the-proxy-holds-
 * requests-over-the-limit.md). To hold a request, and to send it again after a 429 of Discord's own,
 * it reads the request's body first (at most MAX_BODY_BYTES); @discordjs/proxy's handler streams the
 * body on instead, which is why it can only answer 429 and leave the resending to the bot. A bot that
 * gives up on a request it holds (its own timeout) cancels it: it is never sent. It does not retry 5xx
 * answers: it passes them on and the bot retries.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { populateErrorResponse, populateSuccessfulResponse } from "@discordjs/proxy";
import { REST, type RequestMethod } from "@discordjs/rest";
import type { Logger } from "pino";
import { errorFields } from "./errors.js";
import { Pacer } from "./pacer.js";
import { restRequest } from "./rest-agent.js";

export interface DiscordProxyOptions {
  /** Interface and port to listen on (DISCORD_PROXY_HOST, DISCORD_PROXY_PORT; 0 picks a free port). */
  host: string;
  port: number;
  /** Discord's API root (DISCORD_API_URL), for a stand-in server; default https://discord.com/api. */
  apiUrl?: string;
  /** Discord's global limit for the bot (requests per second across every process). */
  globalRequestsPerSecond: number;
  /** The largest request body it takes (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  log: Logger;
}

export interface DiscordProxy {
  /** What the bot processes set DISCORD_PROXY_URL to (on this machine). */
  readonly url: string;
  readonly port: number;
  /** Stops taking connections, lets the requests under way finish, then resolves. */
  close(): Promise<void>;
}

/**
 * The largest request body the proxy holds: Discord's largest upload for a bot (25 MiB) and the
 * message around it. A larger one is answered 413, as Discord would.
 */
export const MAX_BODY_BYTES = 26 * 1024 * 1024;

/** The request's body, read whole; undefined when there is none, or when it is over `max` bytes. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer | "too large" | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) return "too large";
    chunks.push(chunk);
  }
  return size ? Buffer.concat(chunks, size) : undefined;
}

/**
 * `proxyRequests` of @discordjs/proxy, but with the body read first, so that the proxy's client can
 * hold the request over a limit and send it again after Discord's 429; and cancelled when the bot
 * that sent it goes away. The route, headers and every answer are passed on as the package does.
 */
export function forwardTo(
  rest: REST,
  maxBodyBytes = MAX_BODY_BYTES,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://proxy");
    const headers: Record<string, string> = {};
    const { "content-type": type, authorization, "x-audit-log-reason": reason } = req.headers;
    if (type) headers["Content-Type"] = type;
    if (authorization) headers.authorization = authorization;
    if (typeof reason === "string") headers["x-audit-log-reason"] = reason;
    const gone = new AbortController();
    res.on("close", () => {
      if (!res.writableEnded) gone.abort();
    });
    try {
      const body = await readBody(req, maxBodyBytes);
      if (body === "too large") {
        res.statusCode = 413;
        return;
      }
      const answer = await rest.queueRequest({
        ...(body ? { body } : {}),
        fullRoute: url.pathname.replace(/^\/api(\/v\d+)?/, "") as `/${string}`,
        // Any method goes on to Discord, which answers 405 for one it does not take.
        method: (req.method ?? "GET") as RequestMethod,
        auth: false,
        passThroughBody: true,
        query: url.searchParams,
        headers,
        signal: gone.signal,
      });
      await populateSuccessfulResponse(res, answer);
    } catch (error) {
      if (!populateErrorResponse(res, error)) throw error;
    } finally {
      res.end();
    }
  };
}

/** Starts the proxy; resolves once it listens. `GET /healthz` answers 200 while it runs. */
export async function startDiscordProxy(options: DiscordProxyOptions): Promise<DiscordProxy> {
  const { log } = options;
  const limit = options.globalRequestsPerSecond;
  // The pace keeps the global limit, at the moment each request goes out (after its route's wait).
  const pacer = new Pacer({ perSecond: limit, burst: Math.ceil(limit / 20) });
  const send = restRequest();
  const rest = new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    makeRequest: (url, init) => pacer.take(init.signal ?? undefined).then(() => send(url, init)),
    // Only a guard: the pace binds first. The library counts a request when it leaves its queue, before
    // the pace lets it go; its window at the limit itself would pause the line 50 ms a second.
    globalRequestsPerSecond: 2 * limit,
    retries: 0,
    // Every 401, 403 and 429 Discord answers counts toward its ban of 10,000 in 10 minutes.
    invalidRequestWarningInterval: 1,
  });
  rest.on("rateLimited", (info) =>
    log.debug(
      { route: info.route, method: info.method, global: info.global, retryAfterMs: info.retryAfter },
      "limit reached: the request waits in the proxy",
    ),
  );
  rest.on("invalidRequestWarning", (info) =>
    log.warn(
      { count: info.count, remainingMs: info.remainingTime },
      "Discord refused a request (401, 403 or 429): these count toward its invalid-request ban",
    ),
  );
  const proxy = forwardTo(rest, options.maxBodyBytes);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"status":"ok"}');
      return;
    }
    // What the bot sees when the proxy cannot pass a request on (Discord unreachable): a 502, which
    // it retries. The proxy sets the status of every answer it gets, but ends the response itself,
    // with the status as it stands, when the request fails in another way.
    res.statusCode = 502;
    Promise.resolve(proxy(req, res)).catch((err: unknown) =>
      log.warn({ error: errorFields(err) }, "passing a request on to Discord failed"),
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  log.info(
    { host: options.host, port, globalRequestsPerSecond: options.globalRequestsPerSecond },
    "discord proxy listening",
  );
  return {
    url: `http://${host}:${port}/api`,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}
