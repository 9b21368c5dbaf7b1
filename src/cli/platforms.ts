/**
 * Starts every enabled platform of the list (Discord and Slack in one process when both are
 * configured), each with its own logger, and gathers their Senders for the scheduler. The only place
 * that starts platforms; it names none.
 */
import type { Logger } from "pino";
import type { BotCore } from "../bot/core.js";
import type { InFlight } from "../bot/in-flight.js";
import type { Sender } from "../delivery/sender.js";
import type { Route } from "../health/routes.js";
import type { Metrics } from "../metrics/metrics.js";
import type { ConfiguredPlatform } from "../platforms/platform.js";

export interface RunningPlatforms {
  /** Each started platform's Sender, by platform name. */
  senders: Record<string, Sender>;
  /** Each started platform, and whether it is connected right now. */
  connected(): Record<string, boolean>;
  /** Closes the connections and servers, the last started first. */
  stop(): Promise<void>;
}

export async function startPlatforms(options: {
  platforms: readonly ConfiguredPlatform[];
  core: BotCore;
  log: Logger;
  metrics: Metrics;
  /** The answers under way, shared by the platforms, for a clean stop. */
  inFlight: InFlight;
  /** Routes served on a platform's own HTTP server too, when its port is HEALTH_PORT. */
  routes?: { port: number; routes: Record<string, Route> };
}): Promise<RunningPlatforms> {
  const { core, log, metrics, inFlight, routes } = options;
  const stops: (() => Promise<void>)[] = [];
  const senders: Record<string, Sender> = {};
  const connections: Record<string, () => boolean> = {};
  try {
    for (const platform of options.platforms) {
      if (!platform.enabled) continue;
      const running = await platform.start({
        core,
        log: log.child({ platform: platform.name }),
        metrics,
        inFlight,
        ...(routes && platform.httpPort === routes.port ? { routes: routes.routes } : {}),
      });
      stops.push(() => running.stop());
      connections[platform.name] = () => running.connected();
      senders[platform.name] = running.sender;
    }
  } catch (err) {
    // One platform failed to start: close those already started before giving up.
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw err;
  }
  return {
    senders,
    connected: () => Object.fromEntries(Object.entries(connections).map(([name, up]) => [name, up()])),
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
