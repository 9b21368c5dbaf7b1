/**
 * The curators' digest as deployed: `ceasefire-bot start` with Discord and Slack both configured
 * against the stand-ins (the real discord.js Client and Bolt App), DIGEST_INTERVAL=1m and a shifted
 * clock. Curators' channels are set with /curators on each platform; leads are put in the store; the
 * tick after their window closes posts exactly one digest to each curators' channel, with the "Open
 * in desk" link button and a hostile title that pings nobody; later ticks of the window and a restart
 * post nothing more, and the story's readers' channel gets none.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewLead } from "../../../src/feeds/lead.js";
import { SQLITE_FILE } from "../../../src/store/open.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import {
  type BotProcess,
  CHANNEL_ID,
  curatorsBotEnv,
  discordDigestsIn,
  embedText,
  freePort,
  StandInDiscord,
  StandInSlack,
  setCurators,
  slackDigestsIn,
  spawnBot,
  tempDir,
  until,
} from "../../support/index.js";

const SECRET = "digest-signing-secret";
const SLACK_TOKEN = "xoxb-digest";
const SLACK_CHANNEL = "C0CHANNEL";
const READERS = "900000000000000077";
const DESK = "https://desk.example.org";
const HOSTILE = "@everyone <!channel> **x**";

let discord: StandInDiscord;
let slack: StandInSlack;
let bot: BotProcess;
let port: number;
const dataDir = tempDir("cf-digest-");

function start(clock: string): BotProcess {
  const env = curatorsBotEnv({
    name: "digest",
    dataDir,
    discord,
    slack,
    slackToken: SLACK_TOKEN,
    secret: SECRET,
    port,
    desk: DESK,
  });
  return spawnBot({ ...env }, ["--clock", clock]);
}

function lead(n: number, title: string): NewLead {
  return {
    story: "gaza-2025",
    feedId: "wire",
    outlet: "Wire Service",
    title,
    link: `https://news.example.org/${n}`,
    publishedAt: undefined,
    summary: "",
    matched: [],
  };
}

const discordDigests = (channelId: string) => discordDigestsIn(discord, channelId);
const slackDigests = () => slackDigestsIn(slack, SLACK_CHANNEL);

beforeAll(async () => {
  discord = await StandInDiscord.start();
  slack = await StandInSlack.start(SLACK_TOKEN);
  port = await freePort();
  // The leads were found at 10:00:30, in the window (10:00, 10:01] that the 10:01:00 tick closes.
  const store = SqliteStore.open(join(dataDir, SQLITE_FILE));
  await store.addLeads(
    [lead(1, "Talks resume in Cairo"), lead(2, HOSTILE)],
    new Date("2026-03-02T10:00:30Z"),
  );
  await store.close();
  bot = start("2026-03-02T10:00:15Z");
  await bot.logged("discord bot ready");
  await bot.logged("slack adapter started");
}, 30_000);

afterAll(async () => {
  bot?.child.kill("SIGTERM");
  await bot?.exited;
  await discord?.stop();
  await slack?.stop();
});

describe("the curators' channel on Discord and Slack", () => {
  it("gets exactly one digest with the desk's link button, pinging nobody; the readers' channel none", async () => {
    const { set, readers, slackStatus } = await setCurators({
      discord,
      slack,
      slackEventsUrl: `http://127.0.0.1:${port}/slack/events`,
      secret: SECRET,
      readers: READERS,
    });
    expect(embedText(set)).toContain("This channel is the curators' channel of");
    expect(embedText(readers)).toContain("This channel now gets");
    expect(slackStatus).toBe(200);
    const refused = await discord.command("curators", [{ name: "action", type: 3, value: "set" }], {
      channelId: READERS,
    });
    expect(embedText(refused)).toContain("This channel gets readers' alerts about");

    const posted = await until("the digest on Discord", () => discordDigests(CHANNEL_ID)[0], 60_000);
    const slackPost = await until("the digest on Slack", () => slackDigests()[0], 20_000);

    const text = JSON.stringify(posted);
    expect(text).toContain("2 new leads for Israel-Hamas ceasefire in Gaza (2025)");
    expect(text).toContain("Talks resume in Cairo");
    expect(posted?.allowed_mentions).toEqual({ parse: [] });
    expect(text).not.toContain("@everyone");
    expect(text).not.toContain("**x**");
    expect(posted?.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 5, label: "Open in desk", url: `${DESK}/desk/stories/gaza-2025/leads` },
        ],
      },
    ]);

    const blocks = JSON.stringify(slackPost?.fields.blocks);
    expect(blocks).toContain(`${DESK}/desk/stories/gaza-2025/leads`);
    expect(JSON.stringify(slackPost?.fields)).not.toMatch(/<!channel>|<!here>|<!everyone>/);

    // Later ticks of the same window post nothing more, and the readers' channel gets no digest.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(discordDigests(CHANNEL_ID)).toHaveLength(1);
    expect(slackDigests()).toHaveLength(1);
    expect(discordDigests(READERS)).toEqual([]);
  }, 90_000);

  it("gets nothing more after a restart", async () => {
    bot.child.kill("SIGTERM");
    await bot.exited;
    bot = start("2026-03-02T10:01:20Z");
    await bot.logged("discord bot ready");
    await bot.logged("slack adapter started");
    await new Promise((r) => setTimeout(r, 3_000));
    expect(discordDigests(CHANNEL_ID)).toHaveLength(1);
    expect(slackDigests()).toHaveLength(1);
    expect(discordDigests(READERS)).toEqual([]);
  }, 60_000);
});
