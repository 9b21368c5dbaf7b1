/**
 * Starts the platforms of the list a run asks for (Discord and Slack in one process when both are
 * configured; the console when none is), each with its own logger, and gathers their Senders for the
 * scheduler. The only place that starts platforms; it names none.
 */
import type { Logger } from "pino";
import type { BotCore } from "../bot/core.js";
import type { InFlight } from "../bot/in-flight.js";
import type { ScheduledEvents } from "../calendar-events/port.js";
import type { Sender } from "../delivery/sender.js";
import type { Route } from "../monitoring/health.js";
import type { Metrics } from "../monitoring/metrics.js";
import type { ConfiguredPlatform, Terminal } from "../platforms/platform.js";

export interface RunningPlatforms {
  /** Each started platform's Sender, by platform name. */
  senders: Record<string, Sender>;
  /** The scheduled events of the started platforms that have them. */
  events: ScheduledEvents[];
  /** Each started platform that has a connection, and whether it is connected right now. */
  connected(): Record<string, boolean>;
  /** Resolves when a platform ends the run itself (the console's input ended); else never. */
  closed: Promise<void>;
  /** Closes the connections and servers, the last started first. */
  stop(): Promise<void>;
}

/** The platforms a run starts: every enabled one, or else those that run when none is (the console). */
export function platformsToStart(configured: readonly ConfiguredPlatform[]): ConfiguredPlatform[] {
  const enabled = configured.filter((p) => p.enabled);
  return enabled.length > 0 ? enabled : configured.filter((p) => p.fallback);
}

export async function startPlatforms(options: {
  /** The platforms to start, in order (see `platformsToStart`). */
  platforms: readonly ConfiguredPlatform[];
  core: BotCore;
  log: Logger;
  metrics: Metrics;
  /** The answers under way, shared by the platforms, for a clean stop. */
  inFlight: InFlight;
  terminal: Terminal;
  /** Routes served on a platform's own HTTP server too, when its port is HEALTH_PORT. */
  routes?: { port: number; routes: Record<string, Route> };
}): Promise<RunningPlatforms> {
  const { core, log, metrics, inFlight, terminal, routes } = options;
  const stops: (() => Promise<void>)[] = [];
  const senders: Record<string, Sender> = {};
  const events: ScheduledEvents[] = [];
  const connections: Record<string, () => boolean> = {};
  const ends: Promise<void>[] = [];
  try {
    for (const platform of options.platforms) {
      const running = await platform.start({
        core,
        log: log.child({ platform: platform.name }),
        metrics,
        inFlight,
        terminal,
        ...(routes && platform.httpPort === routes.port ? { routes: routes.routes } : {}),
      });
      stops.push(() => running.stop());
      const { connected } = running;
      if (connected) connections[platform.name] = () => connected.call(running);
      if (running.closed) ends.push(running.closed);
      senders[platform.name] = running.sender;
      if (running.events) events.push(running.events);
    }
  } catch (err) {
    // One platform failed to start: close those already started before giving up.
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw err;
  }
  return {
    senders,
    events,
    connected: () => Object.fromEntries(Object.entries(connections).map(([name, up]) => [name, up()])),
    closed: ends.length > 0 ? Promise.race(ends) : new Promise<void>(() => {}),
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
