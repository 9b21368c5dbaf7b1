/**
 * Starts the platform adapters that the configuration enables: Discord and Slack in one process when
 * both are configured. The only place where the composition root touches platform modules.
 */
import type { Logger } from "pino";
import type { BotCore } from "../bot/core.js";
import type { Config } from "../config.js";

export interface RunningPlatforms {
  stop(): Promise<void>;
}

export async function startPlatforms(options: {
  config: Config;
  core: BotCore;
  log: Logger;
}): Promise<RunningPlatforms> {
  const { config, core, log } = options;
  const stops: (() => Promise<void>)[] = [];
  if (config.DISCORD_TOKEN && config.DISCORD_APP_ID) {
    const { createDiscordAdapter } = await import("../platforms/discord/adapter.js");
    const discord = createDiscordAdapter({
      core,
      token: config.DISCORD_TOKEN,
      appId: config.DISCORD_APP_ID,
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      log: log.child({ platform: "discord" }),
    });
    await discord.start();
    stops.push(() => discord.stop());
    log.info("discord adapter started");
  }
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import("../platforms/slack/adapter.js");
    const slack = createSlackAdapter({
      core,
      botToken: config.SLACK_BOT_TOKEN,
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      port: config.PORT,
      umbrella: config.SLACK_UMBRELLA_COMMAND,
      log: log.child({ platform: "slack" }),
    });
    await slack.start();
    stops.push(() => slack.stop());
    log.info(
      { mode: config.SLACK_APP_TOKEN ? "socket" : "http", port: config.PORT },
      "slack adapter started",
    );
  }
  return {
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
