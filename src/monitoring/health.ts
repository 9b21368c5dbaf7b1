/**
 * What operators and orchestrators ask the running bot over HTTP:
 *
 * - `GET /healthz`: 200 while the process is alive and serving HTTP.
 * - `GET /readyz`: 200 only while every configured platform is connected, the store answers a
 *   trivial query and the bot is not stopping; 503 otherwise. Both answer JSON with each check and,
 *   when not ready, the reasons.
 * - `GET /metrics`: the Prometheus text format.
 * Other routes join them (the calendar feeds, src/calendar/route.ts); a path may end in a `:name`
 * segment that matches any one segment, as Bolt's custom routes write it.
 *
 * The routes are plain node:http handlers, served by a server of their own (HEALTH_PORT) or mounted
 * on Slack's HTTP mode server when HEALTH_PORT equals PORT.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Store } from "../store/store.js";

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface ReadinessSources {
  /** Each configured platform, and whether it is connected right now. */
  platforms(): Record<string, boolean>;
  store: Pick<Store, "ping">;
  /** True once the bot has begun to stop. */
  stopping(): boolean;
  /** What is wrong with each dependency that is away ("Discord is unreachable: …"), by check name. */
  outages?(): Record<string, string>;
  /** How long the store may take to answer before it counts as down. Default 2,000 ms. */
  storeTimeoutMs?: number;
}

export interface Readiness {
  ready: boolean;
  /** Each check: "ok", "connected", or what is wrong. */
  checks: Record<string, string>;
  /** The failed checks, as `name: what`. */
  reasons: string[];
}

/** Rejects after `ms` unless `work` settles first. */
function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(sources: ReadinessSources): Promise<Readiness> {
  const checks: Record<string, string> = {};
  if (sources.stopping()) checks.process = "stopping";
  const outages = sources.outages?.() ?? {};
  for (const [platform, up] of Object.entries(sources.platforms()))
    checks[platform] = up ? "connected" : (outages[platform] ?? "not connected");
  try {
    await within(sources.store.ping(), sources.storeTimeoutMs ?? 2_000, "the store");
    checks.store = "ok";
  } catch (err) {
    checks.store = err instanceof Error ? err.message : String(err);
  }
  const reasons = Object.entries(checks)
    .filter(([, value]) => value !== "ok" && value !== "connected")
    .map(([name, value]) => `${name}: ${value}`);
  return { ready: reasons.length === 0, checks, reasons };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, "application/json; charset=utf-8", `${JSON.stringify(body)}\n`);
}

/** The three routes, by path. `metrics` gives the text format and its content type. */
export function healthRoutes(options: {
  readiness: () => Promise<Readiness>;
  metrics: { contentType: string; metrics(): Promise<string> };
  log: Logger;
}): Record<string, Route> {
  const { log } = options;
  const guarded =
    (route: (res: ServerResponse) => Promise<void>): Route =>
    (_req, res) => {
      route(res).catch((err: unknown) => {
        log.error({ err }, "health route failed");
        if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "internal error\n");
      });
    };
  return {
    "/healthz": guarded(async (res) => json(res, 200, { status: "alive" })),
    "/readyz": guarded(async (res) => {
      const { ready, checks, reasons } = await options.readiness();
      json(
        res,
        ready ? 200 : 503,
        ready ? { status: "ready", checks } : { status: "not ready", reasons, checks },
      );
    }),
    "/metrics": guarded(async (res) => {
      send(res, 200, options.metrics.contentType, await options.metrics.metrics());
    }),
  };
}

export interface HealthServer {
  port(): number;
  close(): Promise<void>;
}

/** The route for `path`: its own, else one whose last segment is a `:name` matching any one segment. */
export function routeFor(routes: Record<string, Route>, path: string): Route | undefined {
  const exact = routes[path];
  if (exact) return exact;
  const cut = path.lastIndexOf("/");
  const [dir, last] = [path.slice(0, cut), path.slice(cut + 1)];
  if (!last) return undefined;
  for (const [pattern, route] of Object.entries(routes)) {
    const at = pattern.lastIndexOf("/:");
    if (at >= 0 && pattern.slice(0, at) === dir && !pattern.slice(at + 1).includes("/")) return route;
  }
  return undefined;
}

/** Serves `routes` (GET and HEAD) on `port` (0: any free one); anything else gets 404 or 405. */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  routes: Record<string, Route>;
}): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const route = routeFor(options.routes, new URL(req.url ?? "/", "http://localhost").pathname);
    if (!route) return send(res, 404, "text/plain; charset=utf-8", "not found\n");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return send(res, 405, "text/plain; charset=utf-8", "GET or HEAD only\n");
    }
    route(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    const listening = () => {
      server.off("error", reject);
      resolve();
    };
    if (options.host) server.listen(options.port, options.host, listening);
    else server.listen(options.port, listening);
  });
  return {
    port: () => (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
