/**
 * `ceasefire-bot start`: the composition root. Reads the validated configuration, opens the live
 * dataset, builds the platform-free core and starts an adapter per configured platform (Discord and
 * Slack in one process when both are configured; the console bot when neither is).
 */
import { registry } from "../../commands/index.js";
import { type BotCore, createCore } from "../bot/core.js";
import { defaultSettings } from "../command/definition.js";
import { type Config, redactedConfig } from "../config.js";
import { LiveDataset } from "../dataset/live.js";
import { createLogger } from "../log.js";
import { createConsoleAdapter } from "../platforms/console/adapter.js";
import { type Clock, shiftedClock, systemClock } from "../time/clock.js";

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Running {
  stop(): Promise<void>;
}

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
  // The console bot owns stdout; its logs go to stderr and stay quiet unless asked for.
  const level = consoleOnly && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL;
  const log = createLogger(level);
  log.info({ config: redactedConfig(config) }, "starting");

  let data: LiveDataset;
  try {
    data = await LiveDataset.open(dataPath, log);
  } catch (err) {
    io.err((err as Error).message);
    return 1;
  }
  data.watch();
  const clock: Clock = options.clockStart ? shiftedClock(options.clockStart) : systemClock;
  const core: BotCore = createCore({
    registry,
    data,
    clock,
    settings: {
      ...defaultSettings,
      staleAfterDays: config.STALE_AFTER_DAYS,
      reminderHour: config.REMINDER_HOUR,
      timelinePageSize: config.TIMELINE_PAGE_SIZE,
    },
    log,
  });

  const stops: (() => Promise<void>)[] = [async () => data.close()];
  let done: Promise<void>;

  if (consoleOnly) {
    const adapter = createConsoleAdapter({
      core,
      input: options.input ?? process.stdin,
      output: options.output ?? process.stdout,
      interactive: Boolean((options.input ?? process.stdin) === process.stdin && process.stdin.isTTY),
    });
    await adapter.start();
    stops.unshift(() => adapter.stop());
    done = adapter.closed;
  } else {
    const { startPlatforms } = await import("./platforms.js");
    const running = await startPlatforms({ config, core, log });
    stops.unshift(() => running.stop());
    done = new Promise<void>(() => {});
  }

  const shutdown = async (signal: string) => {
    log.info({ signal }, "stopping");
    for (const stop of stops) await stop().catch((err) => log.error({ err }, "stop failed"));
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
  return 0;
}
