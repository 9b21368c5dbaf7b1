/**
 * `ceasefire-bot discord-proxy`: the one Discord REST proxy that every bot process of a deployment
 * points DISCORD_PROXY_URL at, so that together they keep to the bot's one global rate limit. It
 * listens on DISCORD_PROXY_HOST:DISCORD_PROXY_PORT, sends on to DISCORD_API_URL (Discord's own API by
 * default) and stops cleanly on SIGTERM or SIGINT: no new connections, the requests under way finish
 * within SHUTDOWN_TIMEOUT_MS, exit 0.
 */
import type { Logger } from "pino";
import { type Config, secretValues } from "../config.js";
import { createLogger } from "../log.js";
import type { Io } from "./io.js";
import { exitOnStopSignals, settledWithin } from "./stop.js";

/** What the command needs of Discord, given by the composition root (./main.ts). */
export interface DiscordProxySetup {
  /** DISCORD_TOKEN, when set: scrubbed from the logs. */
  token: string | undefined;
  /** DISCORD_PROXY_HOST and DISCORD_PROXY_PORT. */
  host: string;
  port: number;
  /** Starts the proxy on `host:port`. */
  start(log: Logger): Promise<{ close(): Promise<void> }>;
}

export async function discordProxyCommand(
  config: Config,
  discord: DiscordProxySetup,
  io: Io,
): Promise<number> {
  const secrets = [...secretValues(config), ...(discord.token ? [discord.token] : [])];
  const log = createLogger(config.LOG_LEVEL, 1, { format: config.LOG_FORMAT, secrets });
  let proxy: { close(): Promise<void> };
  try {
    proxy = await discord.start(log);
  } catch (err) {
    io.err(
      `DISCORD_PROXY_HOST:DISCORD_PROXY_PORT ${discord.host}:${discord.port}: ${(err as Error).message}`,
    );
    return 1;
  }
  const running = proxy;
  let stopping: Promise<boolean> | undefined;
  const stop = (reason: string) => {
    stopping ??= (async () => {
      log.info(
        { reason, timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
        "stopping: finishing the requests under way",
      );
      const closed = await settledWithin(running.close(), config.SHUTDOWN_TIMEOUT_MS);
      if (closed) log.info("stopped");
      else
        log.warn(
          { timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
          "stop timeout: leaving the requests still under way",
        );
      return closed;
    })();
    return stopping;
  };
  exitOnStopSignals({ stop, stopping: () => stopping !== undefined, log });
  // Runs until a signal ends the process.
  return new Promise<number>(() => {});
}
