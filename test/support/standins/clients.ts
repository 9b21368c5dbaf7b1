/** Real platform clients pointed at the stand-ins, and a minimal renderer per platform. */
import { REST } from "@discordjs/rest";
import { LogLevel, WebClient } from "@slack/web-api";
import { Client } from "discord.js";
import type { Sender } from "../../../src/delivery/sender.js";
import { type DiscordPayload, DiscordSender } from "../../../src/platforms/discord/discord-sender.js";
import {
  alertRetryConfig,
  type SlackPayload,
  SlackSender,
} from "../../../src/platforms/slack/slack-sender.js";
import { plainText, type Reply } from "../../../src/reply/reply.js";

/** Enough of a Discord message to carry the reply and the marker (the real renderer is renderDiscord). */
export function renderDiscordMinimal(reply: Reply): DiscordPayload {
  const embed = {
    title: reply.title,
    description: plainText(reply.summary ?? []),
    footer: { text: "Sources: test" },
  };
  return { embeds: [embed] };
}

export function renderSlackMinimal(reply: Reply): SlackPayload {
  return { text: `${reply.title}: ${plainText(reply.summary ?? [])}` };
}

export function discordRest(
  api: string,
  options: { globalRequestsPerSecond?: number; retries?: number } = {},
): REST {
  return new REST({
    api,
    retries: options.retries ?? 0,
    timeout: 10_000,
    globalRequestsPerSecond: options.globalRequestsPerSecond ?? 5_000,
  }).setToken("stand-in-token");
}

/**
 * The REST client of a real discord.js Client, as the bot's Discord adapter uses it (`client.rest`):
 * it is @discordjs/rest's CommonJS build, whose errors are not the ES build's classes.
 */
export function discordClientRest(api: string): REST {
  const client = new Client({ intents: [], rest: { api, retries: 0, timeout: 10_000 } });
  client.rest.setToken("stand-in-token");
  return client.rest;
}

export function closeRest(rest: REST): void {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
}

export function slackClient(url: string): WebClient {
  return new WebClient("xoxb-stand-in", {
    slackApiUrl: url,
    retryConfig: alertRetryConfig,
    logLevel: LogLevel.ERROR,
  });
}

/** The real sender of `platform`, its client pointed at the stand-in at `api`. */
export function senderFor(platform: "discord" | "slack", api: string): Sender {
  return platform === "discord"
    ? new DiscordSender(discordRest(api), renderDiscordMinimal)
    : new SlackSender(slackClient(api), renderSlackMinimal);
}
