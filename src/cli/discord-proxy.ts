/**
 * `ceasefire-bot discord-proxy`: the one Discord REST proxy that every bot process of a deployment
 * points DISCORD_PROXY_URL at, so that together they keep to the bot's one global rate limit. It
 * listens on DISCORD_PROXY_HOST:DISCORD_PROXY_PORT, sends on to DISCORD_API_URL (Discord's own API by
 * default) and stops cleanly on SIGTERM or SIGINT: no new connections, the requests under way finish
 * within SHUTDOWN_TIMEOUT_MS, exit 0.
 */
import { type Config, secretValues } from "../config.js";
import { createLogger } from "../log.js";
import type { Io } from "./io.js";
import { exitOnStopSignals, settledWithin } from "./stop.js";

export async function discordProxyCommand(config: Config, io: Io): Promise<number> {
  const log = createLogger(config.LOG_LEVEL, 1, { format: config.LOG_FORMAT, secrets: secretValues(config) });
  const { startDiscordProxy } = await import("../platforms/discord/proxy.js");
  let proxy: Awaited<ReturnType<typeof startDiscordProxy>>;
  try {
    proxy = await startDiscordProxy({
      host: config.DISCORD_PROXY_HOST,
      port: config.DISCORD_PROXY_PORT,
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      globalRequestsPerSecond: config.DISCORD_GLOBAL_REQUESTS_PER_SECOND,
      log,
    });
  } catch (err) {
    io.err(
      `DISCORD_PROXY_HOST:DISCORD_PROXY_PORT ${config.DISCORD_PROXY_HOST}:${config.DISCORD_PROXY_PORT}: ${(err as Error).message}`,
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
