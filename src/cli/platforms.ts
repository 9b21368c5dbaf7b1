/**
 * Starts the platform adapters that the configuration enables: Discord and Slack in one process when
 * both are configured. The only place where the composition root touches platform modules; each
 * platform also gives the scheduler its Sender for reminders.
 */
import type { Logger } from "pino";
import type { Sender } from "../alerts/sender.js";
import type { BotCore } from "../bot/core.js";
import type { InFlight } from "../bot/in-flight.js";
import { type Config, discordRestUrl, discordShards } from "../config.js";
import type { Route } from "../health/routes.js";
import type { Metrics } from "../metrics/metrics.js";

export interface RunningPlatforms {
  senders: { discord?: Sender; slack?: Sender };
  /** Each started platform, and whether it is connected right now. */
  connected(): Record<string, boolean>;
  /** Closes the connections and Slack's HTTP server. */
  stop(): Promise<void>;
}

export async function startPlatforms(options: {
  config: Config;
  core: BotCore;
  log: Logger;
  metrics: Metrics;
  /** The answers under way, shared by the platforms, for a clean stop. */
  inFlight: InFlight;
  /** Routes Slack's HTTP mode server serves too (the health routes, when HEALTH_PORT is PORT). */
  slackRoutes?: Record<string, Route>;
}): Promise<RunningPlatforms> {
  const { config, core, log, metrics, inFlight } = options;
  const stops: (() => Promise<void>)[] = [];
  const senders: RunningPlatforms["senders"] = {};
  const connections: Record<string, () => boolean> = {};
  if (config.DISCORD_TOKEN && config.DISCORD_APP_ID) {
    const { createDiscordAdapter } = await import("../platforms/discord/adapter.js");
    const { DiscordSender } = await import("../platforms/discord/sender.js");
    const { renderDiscord } = await import("../platforms/discord/render.js");
    const restUrl = discordRestUrl(config);
    const discord = createDiscordAdapter({
      core,
      token: config.DISCORD_TOKEN,
      appId: config.DISCORD_APP_ID,
      ...(restUrl ? { apiUrl: restUrl } : {}),
      shards: discordShards(config),
      globalRequestsPerSecond: config.DISCORD_GLOBAL_REQUESTS_PER_SECOND,
      log: log.child({ platform: "discord" }),
      metrics,
      inFlight,
    });
    await discord.start();
    stops.push(() => discord.stop());
    connections.discord = () => discord.connected();
    // Reminders go through the client's own REST queue, so they share its rate-limit state (and,
    // with DISCORD_PROXY_URL, the proxy's, which every process shares). Any process may send to any
    // channel: REST needs no shard.
    senders.discord = new DiscordSender(discord.client.rest, renderDiscord);
  }
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import("../platforms/slack/adapter.js");
    const { createSlackSender } = await import("../platforms/slack/sender.js");
    const { renderSlack } = await import("../platforms/slack/render.js");
    const slack = createSlackAdapter({
      core,
      botToken: config.SLACK_BOT_TOKEN,
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      port: config.PORT,
      umbrella: config.SLACK_UMBRELLA_COMMAND,
      adminUsers: config.SLACK_ADMIN_USERS,
      log: log.child({ platform: "slack" }),
      metrics,
      inFlight,
      ...(options.slackRoutes ? { routes: options.slackRoutes } : {}),
    });
    await slack.start();
    stops.push(() => slack.stop());
    connections.slack = () => slack.connected();
    senders.slack = createSlackSender({
      token: config.SLACK_BOT_TOKEN,
      render: renderSlack,
      metrics,
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    });
  }
  return {
    senders,
    connected: () => Object.fromEntries(Object.entries(connections).map(([name, up]) => [name, up()])),
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
