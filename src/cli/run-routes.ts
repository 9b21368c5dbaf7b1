/**
 * The run's HTTP routes, when HEALTH_PORT asks for them: /healthz, /readyz (following the platforms,
 * the store and the stop as they stand, each dependency away named with what is wrong) and /metrics
 * (src/monitoring/health.ts), and the stories' calendar feeds beside them (src/calendar/route.ts);
 * and the server of their own they run on when no platform's HTTP server takes them.
 */
import type { Logger } from "pino";
import { type CalendarSources, calendarRoutes } from "../calendar/route.js";
import type { Config } from "../config.js";
import { checkReadiness, healthRoutes, type Route, startHealthServer } from "../monitoring/health.js";
import type { PrometheusMetrics } from "../monitoring/prometheus.js";
import type { Store } from "../store/store.js";
import type { Clock } from "../time/clock.js";
import type { Io } from "./io.js";

/** What /readyz asks of the platforms: whether each is connected, and what keeps those away away. */
export interface PlatformsReadiness {
  connected(): Record<string, boolean>;
  outages(): Record<string, string>;
}

/** The routes, or undefined without metrics (no HEALTH_PORT); `platforms()` gives them as they stand. */
export function runRoutes(options: {
  config: Pick<Config, "PUBLIC_URL">;
  prometheus: PrometheusMetrics | undefined;
  data: CalendarSources["data"];
  clock: Clock;
  log: Logger;
  platforms: () => PlatformsReadiness;
  store: Pick<Store, "ping">;
  stopping: () => boolean;
}): Record<string, Route> | undefined {
  const { prometheus, data, clock, log, platforms, store, stopping } = options;
  if (!prometheus) {
    if (options.config.PUBLIC_URL)
      log.warn("PUBLIC_URL is set but HEALTH_PORT is not: no calendar feeds are served");
    return undefined;
  }
  const health = healthRoutes({
    readiness: () =>
      checkReadiness({
        platforms: () => platforms().connected(),
        outages: () => platforms().outages(),
        store,
        stopping,
      }),
    metrics: prometheus.registry,
    log,
  });
  // The stories' calendar feeds on the same server; /calendar links to them.
  return Object.assign(health, calendarRoutes({ data, clock, log }));
}

/** The routes on a server of their own: what closes it, or "failed" (said on `io`). */
export async function serveRoutes(
  config: Pick<Config, "HEALTH_PORT">,
  routes: Record<string, Route>,
  log: Logger,
  io: Io,
): Promise<(() => Promise<void>) | "failed" | undefined> {
  if (config.HEALTH_PORT === undefined) return undefined;
  try {
    const server = await startHealthServer({ port: config.HEALTH_PORT, routes });
    log.info({ port: server.port() }, "health and metrics routes listening");
    return () => server.close();
  } catch (err) {
    io.err(`HEALTH_PORT ${config.HEALTH_PORT}: ${(err as Error).message}`);
    return "failed";
  }
}
