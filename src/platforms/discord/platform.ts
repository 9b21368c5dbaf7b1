/** Discord as one entry of the platform list: its settings, how it starts, how a Reply renders. */
import { definePlatform } from "../platform.js";
import {
  DISCORD_SECRETS,
  discordProblems,
  discordRestUrl,
  discordSettings,
  discordShards,
} from "./discord-settings.js";
import { renderDiscord } from "./embeds.js";

export const discord = definePlatform({
  name: "discord",
  title: "Discord",
  settings: discordSettings,
  secrets: DISCORD_SECRETS,
  problems: discordProblems,
  enabled: (settings) => Boolean(settings.DISCORD_TOKEN && settings.DISCORD_APP_ID),
  render: renderDiscord,
  reachedThrough: (settings) =>
    settings.DISCORD_PROXY_URL
      ? "DISCORD_PROXY_URL"
      : settings.DISCORD_API_URL
        ? "DISCORD_API_URL"
        : "Discord's API",
  async start(settings, { core, log, metrics, inFlight, windows }) {
    const { DISCORD_TOKEN: token, DISCORD_APP_ID: appId } = settings;
    if (!token || !appId) throw new Error("Discord needs DISCORD_TOKEN and DISCORD_APP_ID");
    // discord.js loads only when Discord is configured.
    const { createDiscordAdapter } = await import("./adapter.js");
    const { DiscordSender } = await import("./discord-sender.js");
    const { DiscordScheduledEvents } = await import("./scheduled-events.js");
    const restUrl = discordRestUrl(settings);
    const adapter = createDiscordAdapter({
      core,
      token,
      appId,
      ...(restUrl ? { apiUrl: restUrl } : {}),
      shards: discordShards(settings),
      globalRequestsPerSecond: settings.DISCORD_GLOBAL_REQUESTS_PER_SECOND,
      log,
      metrics,
      inFlight,
      ...(windows ? { windows } : {}),
    });
    // A start that failed (Discord or the proxy unreachable) leaves no client behind: the caller may try again.
    await adapter.start().catch(async (err: unknown) => {
      await adapter.client.destroy().catch(() => {});
      throw err;
    });
    return {
      // Reminders go through the client's own REST queue, so they share its rate-limit state (and,
      // with DISCORD_PROXY_URL, the proxy's, which every process shares). Any process may send to any
      // channel: REST needs no shard.
      sender: new DiscordSender(adapter.client.rest, renderDiscord),
      events: new DiscordScheduledEvents(adapter.client.rest),
      connected: () => adapter.connected(),
      stop: () => adapter.stop(),
    };
  },
});
