/**
 * The news-feed path as one story, end to end: `ceasefire-bot start` (Discord and Slack both against
 * the stand-ins: the real discord.js Client and Bolt App) on a story folder whose Gaza story lists an
 * RSS, an Atom and a JSON feed on the stand-in news sites carrying the same Reuters article, and a
 * malformed feed, with a clock shortly after the article's 09:40 UTC. The curators set their channel
 * on each platform with /curators; the intake fetches every feed (the second time, after a restart an
 * interval later, conditionally and answered 304); the article is one lead in the store and the
 * malformed feed's state says why; each curators' channel gets one digest naming it with the "Open in
 * desk" button. Then the desk, in Chromium, on the bot's own story folder and SQLite store, shows the
 * lead and the curator turns it into a value of captives-remaining with its quote; the running bot
 * reloads the file and a reader's /figures and /sources get the value, its outlet and the quote. No
 * readers' channel got anything from the lead itself.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SQLITE_FILE } from "../../../src/store/open.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import { fillForm, LABELS } from "../../support/browser.js";
import { type DeskInBrowser, deskInBrowser } from "../../support/harness/desk.js";
import {
  atomDocument,
  type BotProcess,
  CHANNEL_ID,
  conditionalFeed,
  curatorsBotEnv,
  discordDigestsIn,
  embedText,
  FEED_VALIDATORS,
  freePort,
  jsonFeedDocument,
  rssDocument,
  StandInDiscord,
  StandInFeeds,
  type StandInItem,
  StandInSlack,
  setCurators,
  shippedStory,
  slackDigestsIn,
  spawnBot,
  tempDir,
  until,
  writeStoryFolder,
} from "../../support/index.js";

const SECRET = "whole-path-signing-secret";
const SLACK_TOKEN = "xoxb-whole-path";
const SLACK_CHANNEL = "C0CHANNEL";
const READERS = "900000000000000078";
const DESK = "https://desk.example.org";
const TITLE = "Israel says 58 captives remain in Gaza";
const QUOTE = "Israel says 58 captives remain in Gaza, 24 of them believed to be alive.";
const ARTICLE = "https://www.reuters.com/world/middle-east/israel-58-captives-2025-03-02";
const GOOD = { rss: "/reuters/world.rss", atom: "/reuters/world.atom", json: "/reuters/world.json" };
const BROKEN = "/broken.xml";

/** The article as each feed carries it (the RSS link with a tracking parameter the intake drops). */
const item = (link: string): StandInItem => ({
  title: TITLE,
  link,
  published: "2025-03-02T09:40:00Z",
  summary: QUOTE,
});

let discord: StandInDiscord;
let slack: StandInSlack;
let feeds: StandInFeeds;
let bot: BotProcess;
let port: number;
let desk: DeskInBrowser | undefined;
const dataDir = tempDir("cf-whole-path-");
const sqliteFile = join(dataDir, SQLITE_FILE);
let dataPath: string;

function start(clock: string): BotProcess {
  const env = curatorsBotEnv({
    name: "whole-path",
    dataDir,
    discord,
    slack,
    slackToken: SLACK_TOKEN,
    secret: SECRET,
    port,
    desk: DESK,
  });
  return spawnBot({ ...env, FEEDS_ALLOW_PRIVATE: "127.0.0.1" }, ["--data", dataPath, "--clock", clock]);
}

/** What the store holds, read from the bot's SQLite file beside the running bot. */
async function inStore<T>(read: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = SqliteStore.open(sqliteFile);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

const discordDigests = (channelId: string) => discordDigestsIn(discord, channelId);
const slackDigests = () => slackDigestsIn(slack);
/** Every message the bot posted on Discord outside the curators' channel. */
const outsideCurators = () =>
  [...discord.channelMessages].filter(([id]) => id !== CHANNEL_ID).flatMap(([, messages]) => messages);

beforeAll(async () => {
  discord = await StandInDiscord.start();
  slack = await StandInSlack.start(SLACK_TOKEN);
  feeds = await StandInFeeds.start();
  feeds.serve(
    GOOD.rss,
    conditionalFeed(rssDocument([item(`${ARTICLE}?utm_source=rss`)]), "application/rss+xml"),
  );
  feeds.serve(GOOD.atom, conditionalFeed(atomDocument([item(ARTICLE)]), "application/atom+xml"));
  feeds.serve(GOOD.json, conditionalFeed(jsonFeedDocument([item(ARTICLE)]), "application/feed+json"));
  const story = shippedStory();
  story.feeds = [
    ...Object.entries(GOOD).map(([kind, path]) => ({
      id: `reuters-${kind}`,
      url: feeds.url(path),
      outlet: "Reuters",
      interval: "5m",
    })),
    { id: "broken", url: feeds.url(BROKEN), outlet: "Broken Wire", interval: "5m" },
  ];
  dataPath = writeStoryFolder({ "gaza-2025.json": story });
  port = await freePort();
  // The curators have until 09:41:00, when the window of the lead found at start closes.
  bot = start("2025-03-02T09:40:30Z");
  await bot.logged("discord bot ready");
  await bot.logged("slack adapter started");
}, 30_000);

afterAll(async () => {
  await desk?.close();
  bot?.child.kill("SIGTERM");
  await bot?.exited;
  await discord?.stop();
  await slack?.stop();
  feeds?.close();
});

describe("an article of a story's feeds, from the news site to readers through the curators", () => {
  it("becomes one lead, and each curators' channel gets one digest naming it with the desk's button", async () => {
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

    const posted = await until("the digest on Discord", () => discordDigests(CHANNEL_ID)[0], 60_000);
    const slackPost = await until("the digest on Slack", () => slackDigests()[0], 20_000);
    expect(JSON.stringify(posted)).toContain("1 new lead for Israel-Hamas ceasefire in Gaza (2025)");
    expect(JSON.stringify(posted)).toContain(TITLE);
    expect(posted?.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 5, label: "Open in desk", url: `${DESK}/desk/stories/gaza-2025/leads` },
        ],
      },
    ]);
    expect(slackPost?.fields.channel).toBe(SLACK_CHANNEL);
    expect(JSON.stringify(slackPost?.fields)).toContain(TITLE);
    expect(JSON.stringify(slackPost?.fields.blocks)).toContain(`${DESK}/desk/stories/gaza-2025/leads`);

    for (const path of [...Object.values(GOOD), BROKEN]) expect(feeds.count(path)).toBe(1);
    const leads = await inStore((s) => s.leads({ story: "gaza-2025", limit: 10 }));
    expect(leads.map((l) => [l.title, l.link, l.outlet, l.state])).toEqual([
      [TITLE, ARTICLE, "Reuters", "new"],
    ]);
    const broken = await inStore(async (s) =>
      (await s.feedStates("gaza-2025")).find((f) => f.feedId === "broken"),
    );
    expect(broken).toMatchObject({
      failures: 1,
      lastError: expect.stringMatching(/^the feed is not well-formed XML/),
    });

    // Later ticks of the window post nothing more; no readers' channel got anything of the lead.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(discordDigests(CHANNEL_ID)).toHaveLength(1);
    expect(slackDigests()).toHaveLength(1);
    expect(outsideCurators()).toEqual([]);
  }, 90_000);

  it("is asked for again an interval later, conditionally (304), and brings no second digest", async () => {
    bot.child.kill("SIGTERM");
    await bot.exited;
    bot = start("2025-03-02T09:46:00Z");
    await bot.logged("discord bot ready");
    await until("the good feeds asked again", () =>
      Object.values(GOOD).every((p) => feeds.count(p) === 2) ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 3_000));
    for (const path of Object.values(GOOD)) {
      expect(feeds.count(path)).toBe(2);
      expect(feeds.lastHeaders.get(path)?.["if-none-match"]).toBe(FEED_VALIDATORS.etag);
    }
    // Answered 304: the bot's own account of the round.
    expect(bot.entries("feeds polled")[0]).toMatchObject({ fetched: 0, notModified: 3, newLeads: 0 });
    // The malformed feed backs off (twice the interval): not asked again yet.
    expect(feeds.count(BROKEN)).toBe(1);
    expect(await inStore((s) => s.leads({ story: "gaza-2025", limit: 10 }))).toHaveLength(1);
    expect(discordDigests(CHANNEL_ID)).toHaveLength(1);
    expect(slackDigests()).toHaveLength(1);
    expect(outsideCurators()).toEqual([]);
  }, 60_000);

  it("is turned at the desk, on the bot's folder and store, into a figure value that readers then get", async () => {
    desk = await deskInBrowser({ at: "2025-03-02T09:50:00Z", shared: { dataPath, sqliteFile } });
    const { rig, page } = desk;
    await page.goto(`${rig.url}/desk/stories/gaza-2025`);
    await page.getByRole("link", { name: "Leads (1 new)" }).click();
    const row = page.locator("ol.leads > li").filter({ hasText: TITLE });
    await expect(row.getByRole("link", { name: TITLE }).getAttribute("href")).resolves.toBe(ARTICLE);
    await row.getByRole("button", { name: "Figure value" }).click();
    await page.waitForURL(/\/edit\/figure-value\?lead=\d+$/);
    await expect(page.getByLabel("Source address", { exact: true }).inputValue()).resolves.toBe(ARTICLE);
    await fillForm(page, { Value: "58", "According to": "Israel", [LABELS.evidence]: QUOTE });
    await page.getByRole("button", { name: "Check what changes" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/desk\/stories\/gaza-2025\?saved=1/);

    const file = JSON.parse(readFileSync(join(dataPath, "gaza-2025.json"), "utf8"));
    const captives = file.figures.find((f: { id: string }) => f.id === "captives-remaining");
    expect(
      captives.values.find((v: { sourceId: string }) => v.sourceId === "reuters-2025-03-02"),
    ).toMatchObject({ value: 58, sourceId: "reuters-2025-03-02", evidence: QUOTE });
    const [used] = await inStore((s) => s.leads({ story: "gaza-2025", state: "used", limit: 5 }));
    expect(used?.title).toBe(TITLE);

    await figuresShows();
    const why = embedText(
      await discord.command(
        "sources",
        [
          { name: "of", type: 3, value: "figures" },
          { name: "with", type: 3, value: "figure=captives-remaining" },
        ],
        { channelId: READERS },
      ),
    );
    expect(why).toContain(QUOTE);
    expect(why).toContain(ARTICLE);

    // Still one digest per curators' channel; outside them no digest and no link to the desk's leads.
    expect(discordDigests(CHANNEL_ID)).toHaveLength(1);
    expect(slackDigests().map((r) => r.fields.channel)).toEqual([SLACK_CHANNEL]);
    expect(discordDigests(READERS)).toEqual([]);
    expect(JSON.stringify(outsideCurators())).not.toContain("/desk/stories/gaza-2025/leads");
  }, 120_000);
});

/** Waits for the running bot to reload the file, then asks /figures as a reader on Discord. */
async function figuresShows(): Promise<void> {
  await bot.logged("data reloaded", 20_000);
  const text = await until(
    "the new value in /figures",
    async () => {
      const reply = embedText(
        await discord.command("figures", [{ name: "figure", type: 3, value: "captives-remaining" }], {
          channelId: READERS,
        }),
      );
      return reply.includes("58 captives") ? reply : undefined;
    },
    20_000,
  );
  expect(text).toContain("• **58 captives**, according to Israel, as of 2 Mar 2025");
  expect(text).toContain(`${TITLE} (Reuters, 2 Mar 2025)`);
}
