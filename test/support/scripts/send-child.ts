/**
 * One bot process's alert sending, for the global rate limit test: the REST client configured as the
 * bot configures its own (from the environment: DISCORD_PROXY_URL or DISCORD_API_URL, and
 * DISCORD_GLOBAL_REQUESTS_PER_SECOND) and the bot's DiscordSender. It prints `ready`, waits for a line
 * on stdin (so that every process starts at once), posts one alert to each of COUNT channels from
 * FIRST_CHANNEL on, all at once, and prints `{"sent":…,"failed":…}`.
 *
 *   node bin/run-ts.mjs test/support/scripts/send-child.ts FIRST_CHANNEL COUNT
 */
import { once } from "node:events";
import { REST } from "@discordjs/rest";
import { restOptions } from "../../../src/platforms/discord/adapter.js";
import { DiscordSender } from "../../../src/platforms/discord/discord-sender.js";
import { discordRestUrl, readDiscordSettings } from "../../../src/platforms/discord/discord-settings.js";
import { renderDiscord } from "../../../src/platforms/discord/embeds.js";

const [first, count] = process.argv.slice(2).map(BigInt);
const config = readDiscordSettings(process.env);
if (first === undefined || count === undefined || !config.DISCORD_TOKEN) {
  console.error("usage: DISCORD_TOKEN=… send-child.ts FIRST_CHANNEL COUNT");
  process.exit(2);
}
const apiUrl = discordRestUrl(config);
const rest = new REST(
  restOptions({
    ...(apiUrl ? { apiUrl } : {}),
    globalRequestsPerSecond: config.DISCORD_GLOBAL_REQUESTS_PER_SECOND,
  }),
).setToken(config.DISCORD_TOKEN);
const sender = new DiscordSender(rest, renderDiscord);

process.stdout.write("ready\n");
await once(process.stdin, "data");
const channels = Array.from({ length: Number(count) }, (_, i) => String(first + BigInt(i)));
const results = await Promise.allSettled(
  channels.map((channel) =>
    sender.send(
      channel,
      { kind: "answer", title: "Reminder", summary: ["Phase one ends tomorrow."], ephemeral: false },
      `test:${channel}`,
    ),
  ),
);
const failed = results.filter((r) => r.status === "rejected");
process.stdout.write(
  `${JSON.stringify({ sent: results.length - failed.length, failed: failed.length, errors: failed.slice(0, 3).map((r) => String(r.reason)) })}\n`,
);
rest.clearHashSweeper();
rest.clearHandlerSweeper();
process.exit(0);
