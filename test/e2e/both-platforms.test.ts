/**
 * The whole bot as it is deployed: `ceasefire-bot start` in a child process with Discord and Slack
 * both configured, pointed at the stand-ins through DISCORD_API_URL and SLACK_API_URL. One process
 * answers both platforms, and a Discord channel subscribed with /subscribe gets the reminder posted
 * by the scheduler when the (shifted) clock reaches 09:00 in Jerusalem.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BotProcess,
  CHANNEL_ID,
  embedText,
  freePort,
  postSigned,
  StandInDiscord,
  StandInSlack,
  slashCommandBody,
  spawnBot,
  until,
} from "../support/index.js";

const SECRET = "both-platforms-signing-secret";
const SLACK_TOKEN = "xoxb-both-platforms";

let discord: StandInDiscord;
let slack: StandInSlack;
let bot: BotProcess;
let port: number;

beforeAll(async () => {
  discord = await StandInDiscord.start();
  slack = await StandInSlack.start(SLACK_TOKEN);
  port = await freePort();
  // 08:59:45 in Jerusalem: the day-before reminders are due 15 seconds later.
  bot = spawnBot(
    {
      DISCORD_TOKEN: "both-platforms-discord-token",
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      SCHEDULER_CRON: "* * * * * *",
    },
    ["--clock", "2025-02-28T06:59:45Z"],
  );
  await bot.logged("discord bot ready");
  await bot.logged("slack adapter started");
}, 30_000);

afterAll(async () => {
  bot?.child.kill("SIGTERM");
  await bot?.exited;
  await discord?.stop();
  await slack?.stop();
});

describe("one process serving Discord and Slack", () => {
  it("answers a Discord slash command", async () => {
    const body = await discord.command("captives");
    expect(embedText(body)).toContain("63 captives");
    expect(embedText(body)).toContain("according to The Media Line");
  });

  it("answers a signed Slack slash command", async () => {
    const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, {
      secret: SECRET,
      body: slashCommandBody("/ceasefire", "captives", slack.responseUrl()),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain("according to The Media Line");
  });

  it("posts the 09:00 reminder to a Discord channel that subscribed, once", async () => {
    discord.memberPermissions = (BigInt(discord.memberPermissions) | 16n).toString();
    const body = await discord.command("subscribe", [{ name: "kind", type: 3, value: "reminders" }]);
    expect(embedText(body)).not.toContain("Only people");
    const posted = await until("the reminder in the channel", () => {
      const messages = discord.channelMessages.get(CHANNEL_ID) ?? [];
      return messages.length >= 2 ? messages : undefined;
    });
    const texts = posted.map((m) => JSON.stringify(m));
    expect(texts.filter((t) => t.includes("Phase one ends tomorrow, Saturday 1 March 2025."))).toHaveLength(
      1,
    );
    expect(texts.filter((t) => t.includes("due to start tomorrow"))).toHaveLength(1);
    // No secret in anything the bot logged.
    expect(bot.logs()).toContain('"level":30');
    expect(bot.logs()).not.toContain("both-platforms-discord-token");
    expect(bot.logs()).not.toContain(SLACK_TOKEN);
    expect(bot.logs()).not.toContain(SECRET);
  }, 30_000);
});
