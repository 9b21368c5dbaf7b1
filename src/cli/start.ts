/**
 * `ceasefire-bot start`: runs the bot. Reads the validated configuration, opens the live dataset and
 * the store, builds the platform-free core on the command list it is given, starts the platforms of
 * the list the run asks for (Discord and Slack in one process when both are configured; the console
 * when neither is), the reminder scheduler that posts to every subscribed channel, the news feeds'
 * intake beside it (unless FEEDS=off; one process polls at a time) and, with HEALTH_PORT, the health
 * and metrics routes and the stories' calendar feeds. The composition root (./main.ts) gives it the
 * commands and the platforms; it names none of them.
 *
 * SIGTERM or SIGINT stops it cleanly: no new commands (Slack's HTTP mode answers 503, the others are
 * told to come back), the answers, deliveries and feed round under way finish within
 * SHUTDOWN_TIMEOUT_MS (claims still unfinished then are left for the next run or another process to
 * settle), then the gateway, the HTTP servers, the dataset watcher and the store close, and the
 * process exits 0. A second signal exits at once, with 128 + the signal's number.
 *
 * A dependency away (PostgreSQL, a platform's API, the Discord proxy) ends nothing: it is said once,
 * tried again with back-off and named by /readyz until it is back (docs/decisions/0027-…).
 */

import type { Logger } from "pino";
import { Scheduler } from "../alerts/scheduler.js";
import { type BotCore, createCore } from "../bot/core.js";
import { InFlight } from "../bot/in-flight.js";
import { EventSync } from "../calendar-events/sync.js";
import type { CommandRegistry } from "../command-engine/run.js";
import { type Config, type Settings, secretValues, settingsFrom } from "../config.js";
import type { LiveDataset } from "../dataset/live.js";
import { Deliverer } from "../delivery/deliver.js";
import type { Outage } from "../delivery/reconnect.js";
import { ChangeRecorder } from "../desk/edit-record.js";
import { addressPolicy } from "../feeds/addresses.js";
import { Digests } from "../feeds/digests.js";
import { Intake } from "../feeds/intake.js";
import { createLogger } from "../log.js";
import { type Metrics, noMetrics } from "../monitoring/metrics.js";
import type { ConfiguredPlatform } from "../platforms/platform.js";
import { openStore } from "../store/open.js";
import type { Store } from "../store/store.js";
import { type Clock, shiftedClock, systemClock } from "../time/clock.js";
import { type BotConfig, botSecrets, redactedBotConfig } from "./bot-config.js";
import { openData, StoreWhenReachable } from "./data-and-store.js";
import type { Io } from "./io.js";
import { PlatformStartError, platformsToStart, type RunningPlatforms, startPlatforms } from "./platforms.js";
import { type PlatformsReadiness, runRoutes, serveRoutes } from "./run-routes.js";
import { exitOnStopSignals, settledWithin } from "./stop.js";

/** How long closing the connections, servers and store may take once the work under way is done. */
const CLOSE_TIMEOUT_MS = 5_000;

/** What closes on stop, in order: the desk, the platforms, the health server, the watcher, the store. */
type Closer = () => Promise<void>;

export async function startBot(options: {
  /** The core's configuration and every platform of the list, configured. */
  bot: BotConfig;
  /** The commands the bot answers (commands/index.ts), given by the composition root. */
  registry: CommandRegistry;
  dataPath: string;
  clockStart: Date | undefined;
  /** The run's clock, when the caller brings one (in-process tests); else `clockStart`'s or the system's. */
  clock?: Clock;
  io: Io;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}): Promise<number> {
  const { bot, registry, io } = options;
  const { config } = bot;
  const starting = platformsToStart(bot.platforms);
  const log = runLog(bot, starting);
  log.info({ config: redactedBotConfig(bot) }, "starting");
  // A platform library's stray promise (seen: @slack/socket-mode stopped mid-reconnect) must not end
  // a bot serving other channels: log it and carry on. Thrown exceptions still end the process.
  const onUnhandled = (reason: unknown) => log.error({ err: reason }, "unhandled promise rejection");
  process.on("unhandledRejection", onUnhandled);

  const prometheus = await prometheusFor(bot, registry);
  const metrics: Metrics = prometheus ?? noMetrics;
  const data = await openData(options.dataPath, log, io);
  if (!data) return 1;
  const clock: Clock = options.clock ?? (options.clockStart ? shiftedClock(options.clockStart) : systemClock);
  const settings = settingsFrom(config);
  const inFlight = new InFlight();
  // PostgreSQL away at start: tried again with back-off while /readyz says so (./data-and-store.ts).
  const backOff = { initialMs: config.RECONNECT_INITIAL_MS, maxMs: config.RECONNECT_MAX_MS };
  const steadyStore = new StoreWhenReachable({ config, log, backOff, ...(prometheus ? { metrics } : {}) });

  // Each enabled platform is "not connected" until it has started.
  const enabled = bot.platforms.filter((p) => p.enabled);
  let platformsNow: PlatformsReadiness = {
    connected: () => Object.fromEntries(enabled.map((p) => [p.name, false])),
    outages: () => ({}),
  };
  const routes = { config, prometheus, data, clock, log, store: steadyStore };
  const health = runRoutes({ ...routes, platforms: () => platformsNow, stopping: () => !inFlight.accepting });
  // On a platform's own HTTP server (Slack's HTTP mode) when they share a port; else on a server of
  // their own, up before the platforms connect (alive, not ready).
  const host = starting.find((p) => p.httpPort !== undefined && p.httpPort === config.HEALTH_PORT);
  const onPlatformServer = health !== undefined && host !== undefined;

  // Closed in this order once the work under way is done: the desk and the platforms (put first
  // once started), the health server, the dataset watcher, the store.
  const closers: Closer[] = [];
  if (health && !onPlatformServer) {
    const closeHealth = await serveRoutes(config, health, log, io);
    if (closeHealth === "failed") {
      data.close();
      return 1;
    }
    if (closeHealth) closers.push(closeHealth);
  }
  const store = await steadyStore.open().catch((err: Error) => io.err(err.message));
  if (!store) {
    await Promise.all(closers.map((close) => close()));
    data.close();
    return 1;
  }
  data.watch();
  closers.push(
    async () => data.close(),
    () => store.close(),
  );
  const core: BotCore = createCore({ registry, data, clock, settings, log, channelPort: store, metrics });

  const running = await platformsOrFailure(log, {
    platforms: starting,
    core,
    log,
    metrics,
    inFlight,
    backOff,
    windows: store,
    terminal: { input: options.input ?? process.stdin, output: options.output ?? process.stdout },
    ...(health && host?.httpPort !== undefined ? { routes: { port: host.httpPort, routes: health } } : {}),
  });
  if (!running) {
    for (const close of closers) await close();
    process.off("unhandledRejection", onUnhandled);
    return 1;
  }
  closers.unshift(() => running.stop());
  platformsNow = running;
  if (host && onPlatformServer)
    log.info({ port: host.httpPort }, `health and metrics routes on ${host.title}'s HTTP server`);

  const { scheduler, recorder, intake } = startAlerts(
    { config, settings, data, store, clock, log, metrics, storeOutage: steadyStore.outage },
    running,
  );
  // The curator desk, when it has users: beside the bot, on its own port (127.0.0.1 by default).
  const closeDesk = await startDesk({ config, data, store, clock, log, recorder });
  if (closeDesk) closers.unshift(closeDesk);

  let stopping: Promise<boolean> | undefined;
  /** Stops cleanly; true when everything closed in time. */
  const shutdown = (reason: string) => {
    const background = intake ? [scheduler, intake] : [scheduler];
    stopping ??= stopInOrder({ reason, config, log, inFlight, background, closers });
    return stopping;
  };
  const removeSignalHandlers = exitOnStopSignals({
    stop: shutdown,
    stopping: () => stopping !== undefined,
    log,
  });
  await running.closed;
  const closed = await shutdown("end of input");
  removeSignalHandlers();
  process.off("unhandledRejection", onUnhandled);
  return closed ? 0 : 1;
}

/** The metrics registry, kept (and prom-client loaded) only when something serves it (HEALTH_PORT). */
async function prometheusFor(bot: BotConfig, registry: CommandRegistry) {
  if (bot.config.HEALTH_PORT === undefined) return undefined;
  const { createPrometheusMetrics } = await import("../monitoring/prometheus.js");
  return createPrometheusMetrics({
    commands: registry.list.map((c) => c.name),
    platforms: bot.platforms.map((p) => p.name),
  });
}

/**
 * The platforms started, or undefined when one failed to start for a reason waiting will not cure (a
 * token, an address): that is the operator's to fix, told in one line (the details at debug), with no
 * stack trace.
 */
async function platformsOrFailure(
  log: Logger,
  options: Parameters<typeof startPlatforms>[0],
): Promise<RunningPlatforms | undefined> {
  try {
    return await startPlatforms(options);
  } catch (err) {
    if (!(err instanceof PlatformStartError)) throw err;
    log.debug({ err: err.cause }, "the failed start's error");
    log.error(err.message);
    return undefined;
  }
}

/**
 * The run's logger. Logs go to stdout, where a process manager collects them, except when a platform
 * owns the terminal (the console): then they go to stderr and stay quiet unless asked for.
 */
function runLog(bot: BotConfig, starting: readonly ConfiguredPlatform[]): Logger {
  const onTerminal = starting.some((p) => p.ownsTerminal);
  const level = onTerminal && !process.env.LOG_LEVEL ? "warn" : bot.config.LOG_LEVEL;
  return createLogger(level, onTerminal ? 2 : 1, { format: bot.config.LOG_FORMAT, secrets: botSecrets(bot) });
}

/** What the alerts and the change record run on. */
interface Running {
  config: Config;
  settings: Settings;
  data: LiveDataset;
  store: Store;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  /** Told of the store's outages mid-run (the scheduler's ticks). */
  storeOutage?: Outage;
}

/**
 * The reminder scheduler posting through the platforms' Senders, the record of the data's changes and
 * the news feeds' intake (unless FEEDS=off).
 */
function startAlerts(
  running: Running,
  platforms: Pick<RunningPlatforms, "senders" | "events">,
): { scheduler: Scheduler; recorder: ChangeRecorder; intake: Intake | undefined } {
  const { config, settings, data, store, clock, log, metrics, storeOutage } = running;
  const deliverer = new Deliverer({
    store,
    senders: platforms.senders,
    clock,
    log,
    leaseMs: config.CLAIM_LEASE_MS,
    metrics,
  });
  const graceMs = config.ALERT_GRACE_HOURS * 3_600_000;
  const digests = new Digests({
    store,
    data,
    log,
    deliverer,
    intervalMs: config.DIGEST_INTERVAL,
    deskUrl: config.DESK_PUBLIC_URL,
    graceMs,
  });
  const scheduler = new Scheduler({
    store,
    data,
    clock,
    log,
    deliverer,
    settings,
    graceMs,
    cron: config.SCHEDULER_CRON,
    metrics,
    digests,
    ...(storeOutage ? { storeOutage } : {}),
    events: new EventSync({ store, data, log, platforms: platforms.events, owner: deliverer.owner }),
  });
  scheduler.listen(data);
  const recorder = new ChangeRecorder({ store, clock, log });
  recorder.listen(data);
  scheduler.start();
  return { scheduler, recorder, intake: startIntake(running) };
}

/** Sent with every request for a feed. */
const FEEDS_USER_AGENT = "ceasefire-bot (news feed intake)";

/**
 * The news feeds' intake, on the scheduler's cron, polling in one process at a time (a lease of
 * CLAIM_LEASE_MS in the store), each fetch bounded by the FEEDS_ variables; undefined with FEEDS=off.
 */
function startIntake({ config, data, store, clock, log, metrics }: Running): Intake | undefined {
  if (!config.FEEDS) return undefined;
  const intake = new Intake({
    store,
    data,
    clock,
    log,
    metrics,
    leaseMs: config.CLAIM_LEASE_MS,
    cron: config.SCHEDULER_CRON,
    limits: {
      timeoutMs: config.FEEDS_TIMEOUT,
      maxBytes: config.FEEDS_MAX_BYTES,
      maxRedirects: config.FEEDS_MAX_REDIRECTS,
      policy: addressPolicy(config.FEEDS_ALLOW_PRIVATE),
      userAgent: FEEDS_USER_AGENT,
    },
  });
  intake.start();
  return intake;
}

/**
 * The curator desk beside the bot, when it has users: what closes it. Its code (hono, the forms, the
 * previews) loads only when someone may use it.
 */
async function startDesk(
  options: Omit<Running, "settings" | "metrics"> & { recorder: ChangeRecorder },
): Promise<Closer | undefined> {
  const { config, log } = options;
  if (!config.DESK_USERS && !config.DESK_USERS_FILE) return undefined;
  const { deskUsers, runDesk } = await import("../desk/run.js");
  const users = await deskUsers(config);
  if (users.size === 0) {
    log.warn("DESK_USERS and DESK_USERS_FILE name no user: no desk");
    return undefined;
  }
  const desk = await runDesk({ ...options, users });
  return () => desk.close();
}

/**
 * Stops cleanly: the answers, deliveries and feed round under way finish within SHUTDOWN_TIMEOUT_MS, then every
 * closer runs in order within CLOSE_TIMEOUT_MS. True when everything closed in time.
 */
async function stopInOrder(options: {
  reason: string;
  config: Config;
  log: Logger;
  inFlight: InFlight;
  /** What runs beside the platforms (the scheduler, the feed intake): stopped, their work under way awaited. */
  background: readonly { stop(): Promise<void> }[];
  closers: readonly Closer[];
}): Promise<boolean> {
  const { reason, log, inFlight, background, closers } = options;
  const timeoutMs = options.config.SHUTDOWN_TIMEOUT_MS;
  log.info({ reason, timeoutMs, answers: inFlight.size }, "stopping: finishing the work under way");
  const finished = await settledWithin(
    Promise.all([inFlight.close(), ...background.map((b) => b.stop())]),
    timeoutMs,
  );
  if (!finished) {
    log.warn(
      { timeoutMs, answers: inFlight.size },
      "stop timeout: leaving what is still under way (unfinished delivery claims are settled later)",
    );
  }
  const closing = (async () => {
    for (const close of closers) await close().catch((err) => log.error({ err }, "stop failed"));
  })();
  const closed = await settledWithin(closing, CLOSE_TIMEOUT_MS);
  if (closed) log.info("stopped");
  else log.error({ timeoutMs: CLOSE_TIMEOUT_MS }, "closing the connections and the store timed out");
  return closed;
}

/**
 * `ceasefire-bot desk`: the curator desk alone, against the data and the store, with no platform and
 * no scheduler (the running bot picks the desk's saves up through its live reload).
 */
export async function deskAlone(options: { config: Config; dataPath: string; io: Io }): Promise<number> {
  const { config, io } = options;
  const log = createLogger(config.LOG_LEVEL, 1, { format: config.LOG_FORMAT, secrets: secretValues(config) });
  const { deskUsers, runDesk } = await import("../desk/run.js");
  const users = await deskUsers(config);
  if (users.size === 0) {
    io.err("The desk needs users: set DESK_USERS or DESK_USERS_FILE (see ceasefire-bot desk-password).");
    return 1;
  }
  const data = await openData(options.dataPath, log, io);
  const store = data && (await openStore(config).catch((err: Error) => io.err(err.message)));
  if (!data || !store) return 1;
  data.watch();
  const recorder = new ChangeRecorder({ store, clock: systemClock, log });
  recorder.listen(data);
  const desk = await runDesk({ config, data, store, clock: systemClock, log, users, recorder });
  let stopping = false;
  exitOnStopSignals({
    stop: async () => {
      stopping = true;
      await desk.close();
      data.close();
      await store.close();
      return true;
    },
    stopping: () => stopping,
    log,
  });
  // Serves until SIGTERM or SIGINT, which exit the process.
  return new Promise<number>(() => {});
}
