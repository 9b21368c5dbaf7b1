/**
 * One Discord rate limit for every bot process: `@discordjs/proxy` in front of Discord's REST API.
 * Every process points its REST client at this proxy (DISCORD_PROXY_URL); the proxy's single
 * @discordjs/rest client keeps the global limit (DISCORD_GLOBAL_REQUESTS_PER_SECOND, Discord's 50/s by
 * default) and every route's bucket for all of them, so that together they stay under Discord's
 * limits, which are per bot, not per process (docs/decisions/0012-shards-and-one-rate-limit.md).
 *
 * It forwards each request's own Authorization header and needs no token of its own. When a limit is
 * reached it does not send: it answers 429 with `Retry-After` itself, and the bot's REST client waits
 * that long and sends again. That is how the package's authors run it (their proxy container): the
 * proxy streams each request's body on to Discord, so it cannot send a body twice, and a 429 it
 * answers itself never reaches Discord, so it never counts toward Discord's invalid-request limit.
 * For the same reason it does not retry 5xx answers: it passes them on and the bot retries.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { proxyRequests } from "@discordjs/proxy";
import { REST } from "@discordjs/rest";
import type { Logger } from "pino";
import { errorFields } from "./errors.js";

export interface DiscordProxyOptions {
  /** Interface and port to listen on (DISCORD_PROXY_HOST, DISCORD_PROXY_PORT; 0 picks a free port). */
  host: string;
  port: number;
  /** Discord's API root (DISCORD_API_URL), for a stand-in server; default https://discord.com/api. */
  apiUrl?: string;
  /** Discord's global limit for the bot (requests per second across every process). */
  globalRequestsPerSecond: number;
  log: Logger;
}

export interface DiscordProxy {
  /** What the bot processes set DISCORD_PROXY_URL to (on this machine). */
  readonly url: string;
  readonly port: number;
  /** Stops taking connections, lets the requests under way finish, then resolves. */
  close(): Promise<void>;
}

/** Starts the proxy; resolves once it listens. `GET /healthz` answers 200 while it runs. */
export async function startDiscordProxy(options: DiscordProxyOptions): Promise<DiscordProxy> {
  const { log } = options;
  const rest = new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    globalRequestsPerSecond: options.globalRequestsPerSecond,
    retries: 0,
    rejectOnRateLimit: () => true,
    // Every 401, 403 and 429 Discord answers counts toward its ban of 10,000 in 10 minutes.
    invalidRequestWarningInterval: 1,
  });
  rest.on("rateLimited", (info) =>
    log.debug(
      { route: info.route, method: info.method, global: info.global, retryAfterMs: info.retryAfter },
      "limit reached: the bot is told to wait",
    ),
  );
  rest.on("invalidRequestWarning", (info) =>
    log.warn(
      { count: info.count, remainingMs: info.remainingTime },
      "Discord refused a request (401, 403 or 429): these count toward its invalid-request ban",
    ),
  );
  const proxy = proxyRequests(rest);

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
