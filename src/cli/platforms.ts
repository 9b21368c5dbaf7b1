/**
 * Starts the platforms of the list a run asks for (Discord and Slack in one process when both are
 * configured; the console when none is), each with its own logger, and gathers their Senders for the
 * scheduler. The only place that starts platforms; it names none. A platform unreachable at start
 * (its API or the Discord proxy away) does not stop the run: it is tried again with back-off in the
 * background (src/delivery/reconnect.ts) while the others serve, and joins them once it is up.
 */
import type { Logger } from "pino";
import type { BotCore } from "../bot/core.js";
import type { InFlight } from "../bot/in-flight.js";
import type { ScheduledEvents } from "../calendar-events/port.js";
import {
  type BackOff,
  backOffDelay,
  Cancel,
  DEFAULT_BACK_OFF,
  failureChain,
  Outage,
  retryWhileUnreachable,
  unreachableReason,
} from "../delivery/reconnect.js";
import type { Sender } from "../delivery/sender.js";
import type { Route } from "../monitoring/health.js";
import type { Metrics } from "../monitoring/metrics.js";
import type { ConfiguredPlatform, RunningPlatform, Terminal } from "../platforms/platform.js";
import type { WindowStore } from "../store/windows-sql.js";

/**
 * A platform failed to start for a reason that waiting does not cure (a refused token, an address
 * its HTTP client will not use): the one line the run ends with says which, how it was reached and
 * why, innermost reason included ("Slack failed to start (through SLACK_API_URL): A request error
 * occurred: fetch failed: bad port"). The original error is its `cause`.
 */
export class PlatformStartError extends Error {
  constructor(platform: Pick<ConfiguredPlatform, "title" | "reachedThrough">, cause: unknown) {
    super(`${platform.title} failed to start (through ${platform.reachedThrough}): ${failureChain(cause)}`, {
      cause,
    });
    this.name = "PlatformStartError";
  }
}

export interface RunningPlatforms {
  /** Each started platform's Sender, by platform name. */
  senders: Record<string, Sender>;
  /** The scheduled events of the started platforms that have them. */
  events: ScheduledEvents[];
  /** Each started platform that has a connection, and whether it is connected right now. */
  connected(): Record<string, boolean>;
  /** Each platform unreachable since the start, and what is wrong ("Discord is unreachable: …"). */
  outages(): Record<string, string>;
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
  /** Turns in time windows shared with the bot's other processes (the store). */
  windows?: WindowStore;
  /** Routes served on a platform's own HTTP server too, when its port is HEALTH_PORT. */
  routes?: { port: number; routes: Record<string, Route> };
  /** The waits between tries to start a platform that is unreachable (default DEFAULT_BACK_OFF). */
  backOff?: BackOff;
}): Promise<RunningPlatforms> {
  const { core, log, metrics, inFlight, terminal, routes } = options;
  const backOff = options.backOff ?? DEFAULT_BACK_OFF;
  const stops: (() => Promise<void>)[] = [];
  const senders: Record<string, Sender> = {};
  const events: ScheduledEvents[] = [];
  const connections: Record<string, () => boolean> = {};
  const ends: Promise<void>[] = [];
  /** Platforms that were unreachable at start, still being tried in the background. */
  const away = new Map<string, { outage: Outage; cancel: Cancel; done: Promise<void> }>();
  /** Each platform's outages: at start (its tries) and mid-run (its Sender's calls). */
  const outages = new Map<string, Outage>();
  const started = (platform: ConfiguredPlatform, running: RunningPlatform) => {
    stops.push(() => running.stop());
    const { connected } = running;
    if (connected) connections[platform.name] = () => connected.call(running);
    if (running.closed) ends.push(running.closed);
    // The scheduler holds these very objects: a platform that comes up later is served from then on.
    const outage = outages.get(platform.name);
    senders[platform.name] = outage ? tellingOutages(running.sender, outage) : running.sender;
    if (running.events) events.push(running.events);
  };
  try {
    for (const platform of options.platforms) {
      const platformLog = log.child({ platform: platform.name });
      const start = () =>
        platform.start({
          core,
          log: platformLog,
          metrics,
          inFlight,
          terminal,
          ...(options.windows ? { windows: options.windows } : {}),
          ...(routes && platform.httpPort === routes.port ? { routes: routes.routes } : {}),
        });
      const outage = new Outage({
        what: platform.title,
        where: platform.reachedThrough,
        log: platformLog,
        backOff,
      });
      outages.set(platform.name, outage);
      try {
        started(platform, await start());
      } catch (err) {
        // Unreachable (its API, the proxy): told once, tried again with back-off, the others go on.
        const cause = unreachableReason(err);
        if (cause === undefined) throw new PlatformStartError(platform, err);
        const retrying = { outage, cancel: new Cancel(), done: Promise.resolve() };
        away.set(platform.name, retrying);
        retrying.done = keepStarting(platform, start, started, retrying, backOff, cause, platformLog);
      }
    }
  } catch (err) {
    // One platform failed to start: close those already started before giving up.
    for (const { cancel, done } of away.values()) {
      cancel.cancel();
      await done;
    }
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw err;
  }
  return {
    senders,
    events,
    connected: () =>
      Object.fromEntries([
        ...[...away.keys()].map((name) => [name, false] as const),
        ...Object.entries(connections).map(([name, up]) => [name, up()] as const),
      ]),
    outages: () => {
      const reasons: Record<string, string> = {};
      for (const [name, { outage }] of away) {
        const reason = outage.reason();
        if (reason !== undefined) reasons[name] = reason;
      }
      return reasons;
    },
    closed: ends.length > 0 ? Promise.race(ends) : new Promise<void>(() => {}),
    async stop() {
      for (const { cancel, done } of away.values()) {
        cancel.cancel();
        await done;
      }
      for (const stop of stops.reverse()) await stop();
    },
  };
}

/**
 * Tries to start `platform` again with back-off until it starts (then it joins the others through
 * `started`), the run stops (`cancel`), or it fails otherwise (logged: it stays down, /readyz says so).
 */
async function keepStarting(
  platform: ConfiguredPlatform,
  start: () => Promise<RunningPlatform>,
  started: (platform: ConfiguredPlatform, running: RunningPlatform) => void,
  retrying: { outage: Outage; cancel: Cancel },
  backOff: BackOff,
  cause: string,
  log: Logger,
): Promise<void> {
  const { outage, cancel } = retrying;
  const wait = backOffDelay(backOff, 1);
  outage.failed(cause, wait);
  await cancel.wait(wait, sleep);
  try {
    const running = await retryWhileUnreachable({ attempt: start, outage, backOff, cancel, failedBefore: 1 });
    if (running === undefined) return;
    if (cancel.requested) {
      await running.stop().catch(() => {});
      return;
    }
    started(platform, running);
  } catch (err) {
    log.error({ err }, `${platform.title} failed to start; it stays down until the bot is restarted`);
  }
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/**
 * `sender`, telling `outage` when its platform is unreachable mid-run (a fan-out's sends refused:
 * said once, then at debug; the ledger retries them) and when a send that began after the last such
 * failure goes through again ("… is reachable again").
 */
export function tellingOutages(sender: Sender, outage: Outage): Sender {
  let failures = 0;
  const told = async <T>(call: () => Promise<T>): Promise<T> => {
    const before = failures;
    try {
      const result = await call();
      if (before === failures) outage.recovered();
      return result;
    } catch (err) {
      const cause = unreachableReason(err);
      if (cause !== undefined) {
        failures++;
        outage.failed(cause, "as the deliveries are retried");
      }
      throw err;
    }
  };
  // Everything else the Sender has (and may gain) is its own: only the calls that reach the platform are watched.
  const watched: Sender = Object.create(sender);
  // Every argument passed on as it came (the thread a channel set to threads posts in, among them).
  watched.send = (...args) => told(() => sender.send(...args));
  watched.findByMarker = (...args) => told(() => sender.findByMarker(...args));
  return watched;
}
