/**
 * `ceasefire-bot start`: the composition root. Reads the validated configuration, opens the live
 * dataset and the store, builds the platform-free core, starts an adapter per configured platform
 * (Discord and Slack in one process when both are configured; the console bot when neither is) and
 * the reminder scheduler that posts to every subscribed channel.
 */

import { hostname } from "node:os";
import { registry } from "../../commands/index.js";
import { Deliverer } from "../alerts/deliver.js";
import type { Sender } from "../alerts/sender.js";
import { type BotCore, createCore } from "../bot/core.js";
import { type Config, redactedConfig, secretValues, settingsFrom } from "../config.js";
import { LiveDataset } from "../dataset/live.js";
import { createLogger } from "../log.js";
import { createConsoleAdapter } from "../platforms/console/adapter.js";
import { ConsoleSender } from "../platforms/console/sender.js";
import { Scheduler } from "../reminders/scheduler.js";
import { openStore } from "../store/open.js";
import type { Store } from "../store/store.js";
import { type Clock, shiftedClock, systemClock } from "../time/clock.js";
import type { Io } from "./io.js";

export async function startBot(options: {
  config: Config;
  dataPath: string;
  clockStart: Date | undefined;
  io: Io;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}): Promise<number> {
  const { config, dataPath, io } = options;
  const consoleOnly = !config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN;
  // Logs go to stdout, where a process manager collects them, except for the console bot: it owns
  // stdout, so its logs go to stderr and stay quiet unless asked for.
  const level = consoleOnly && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL;
  const log = createLogger(level, consoleOnly ? 2 : 1, {
    format: config.LOG_FORMAT,
    secrets: secretValues(config),
  });
  log.info({ config: redactedConfig(config) }, "starting");
  // A platform library's stray promise (seen: @slack/socket-mode stopped mid-reconnect) must not end
  // a bot serving other channels: log it and carry on. Thrown exceptions still end the process.
  const onUnhandled = (reason: unknown) => log.error({ err: reason }, "unhandled promise rejection");
  process.on("unhandledRejection", onUnhandled);

  let data: LiveDataset;
  let store: Store;
  try {
    data = await LiveDataset.open(dataPath, log);
    store = await openStore(config);
  } catch (err) {
    io.err((err as Error).message);
    return 1;
  }
  data.watch();
  const clock: Clock = options.clockStart ? shiftedClock(options.clockStart) : systemClock;
  const settings = settingsFrom(config);
  const core: BotCore = createCore({ registry, data, clock, settings, log, channelPort: store });

  // Stopped in this order: the scheduler (no new posts), the platforms, then data and store.
  const stops: (() => Promise<void>)[] = [];
  let done: Promise<void>;
  const senders: { discord?: Sender; slack?: Sender; console?: Sender } = {};

  if (consoleOnly) {
    const input = options.input ?? process.stdin;
    const adapter = createConsoleAdapter({
      core,
      input,
      output: options.output ?? process.stdout,
      interactive: Boolean(input === process.stdin && process.stdin.isTTY),
    });
    await adapter.start();
    stops.push(() => adapter.stop());
    senders.console = new ConsoleSender({ write: (text: string) => adapter.print(text) });
    done = adapter.closed;
  } else {
    const { startPlatforms } = await import("./platforms.js");
    const running = await startPlatforms({ config, core, log });
    stops.push(() => running.stop());
    Object.assign(senders, running.senders);
    done = new Promise<void>(() => {});
  }

  const deliverer = new Deliverer({ store, senders, clock, log, owner: `${hostname()}:${process.pid}` });
  const scheduler = new Scheduler({
    store,
    data,
    clock,
    log,
    deliverer,
    settings,
    graceMs: config.ALERT_GRACE_HOURS * 3_600_000,
    cron: config.SCHEDULER_CRON,
  });
  scheduler.listen(data);
  scheduler.start();
  stops.unshift(() => scheduler.stop());
  stops.push(
    async () => data.close(),
    () => store.close(),
  );

  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    stopping ??= (async () => {
      log.info({ reason }, "stopping");
      for (const stop of stops) await stop().catch((err) => log.error({ err }, "stop failed"));
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void shutdown(signal).then(() => process.exit(0));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  await done;
  await shutdown("end of input");
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  process.off("unhandledRejection", onUnhandled);
  return 0;
}
