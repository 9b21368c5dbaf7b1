/**
 * Threads on Slack, end to end: /subscribe threads:… through the real Bolt App, then the real
 * scheduler posting through the real SlackSender (@slack/web-api) to the stand-in Slack, which keeps
 * threads. Each deadline's reminders go in the thread of its first reminder (thread_ts); also-channel
 * shows the replies in the channel too (reply_broadcast); a restart, and two processes on one
 * PostgreSQL store, start no second thread and post no reply twice.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { markerFor } from "../../../src/delivery/marker.js";
import { renderSlack } from "../../../src/platforms/slack/blocks.js";
import { createSlackSender } from "../../../src/platforms/slack/slack-sender.js";
import type { PostgresStore } from "../../../src/store/postgres.js";
import type { Store } from "../../../src/store/store.js";
import { ManualClock } from "../../../src/time/clock.js";
import { BOT_TOKEN, blockText, type SlackHarness, startSlackHarness } from "../../support/harness/slack.js";
import { makeScheduler, StandInSlack, shippedData, TestSchemas } from "../../support/index.js";
import { StandInSlackThreads } from "../../support/standins/slack-threads.js";

const CHANNEL = "C0CHANNEL";
/** Reminders of the shipped story after the harness's clock (28 February, 10:00 UTC), of three deadlines. */
const DUE = ["2025-03-01T07:00:00Z", "2025-03-08T07:00:00Z", "2025-03-09T07:00:00Z"];
const FIRSTS = [
  "gaza-2025:phase-one-end:0d",
  "gaza-2025:philadelphi-withdrawal-start:0d",
  "gaza-2025:philadelphi-withdrawal-complete:1d",
].map(markerFor);
const COMPLETE_1D = markerFor("gaza-2025:philadelphi-withdrawal-complete:1d");
const COMPLETE_0D = markerFor("gaza-2025:philadelphi-withdrawal-complete:0d");
const marker = StandInSlackThreads.marker;

/** A bot process: the real scheduler posting through the real Slack sender to `apiUrl`, on `store`. */
function processOn(store: Store, apiUrl: string, clock: ManualClock, owner: string) {
  const sender = createSlackSender({ token: BOT_TOKEN, apiUrl, render: renderSlack });
  return makeScheduler({ store, data: { dataset: shippedData() }, clock, sender, deliverer: { owner } });
}

describe("a Slack channel set to threads", () => {
  let bot: SlackHarness;
  let slack: StandInSlackThreads;
  beforeEach(async () => {
    bot = await startSlackHarness({ level: "info", adminUsers: ["U0ADMIN"] });
    slack = StandInSlackThreads.on(bot.standin);
  });
  afterEach(async () => {
    await bot.close();
  });

  /** Ticks a new process (as after a restart) at each instant. */
  async function tickAt(...instants: string[]) {
    for (const at of instants) await processOn(bot.store, bot.standin.apiUrl, new ManualClock(at), at).tick();
  }

  it("puts each deadline's later reminders in the thread of its first, across restarts", async () => {
    const res = await bot.command("/subscribe", "threads:on kind:reminders", "U0ADMIN");
    expect(blockText(res.json)).toContain("in a thread of their own");
    await tickAt(...DUE);
    expect(slack.inChannel(CHANNEL).map(marker).sort()).toEqual([...FIRSTS].sort());
    const first = slack.inChannel(CHANNEL).find((m) => marker(m) === COMPLETE_1D);
    expect(slack.inThread(first?.ts ?? "").map((m) => [marker(m), m.reply_broadcast])).toEqual([
      [COMPLETE_0D, false],
    ]);
    const listed = blockText((await bot.command("/subscriptions", "", "U0READER")).json);
    expect(listed).toContain("Threads: on");
  });

  it("also shows the replies in the channel with threads:also-channel", async () => {
    await bot.command("/subscribe", "threads:also-channel kind:reminders", "U0ADMIN");
    await tickAt(...DUE);
    const reply = slack.messages.find((m) => marker(m) === COMPLETE_0D);
    expect(reply).toMatchObject({ reply_broadcast: true });
    expect(reply?.thread_ts).toBe(slack.messages.find((m) => marker(m) === COMPLETE_1D)?.ts);
    expect(slack.inChannel(CHANNEL).map(marker)).toContain(COMPLETE_0D);
  });

  it("posts in the channel as before without threads, and again after threads:off", async () => {
    await bot.command("/subscribe", "threads:on kind:reminders", "U0ADMIN");
    await bot.command("/subscribe", "threads:off", "U0ADMIN");
    await tickAt(...DUE);
    expect(slack.messages.filter((m) => m.thread_ts)).toEqual([]);
    expect(slack.inChannel(CHANNEL)).toHaveLength(4);
  });

  it("starts a new thread when the first message of a deadline's thread was deleted", async () => {
    await bot.command("/subscribe", "threads:on kind:reminders", "U0ADMIN");
    await tickAt(DUE[0] as string, DUE[1] as string);
    const first = slack.messages.find((m) => marker(m) === COMPLETE_1D);
    slack.deleted.add(first?.ts ?? "");
    await tickAt(DUE[2] as string);
    const again = slack.messages.filter((m) => marker(m) === COMPLETE_0D);
    expect(again).toHaveLength(1);
    expect(again[0]?.thread_ts).toBeUndefined();
  });
});

describe("two processes on one PostgreSQL store", () => {
  const schemas = new TestSchemas("slack_threads_test");
  let stores: PostgresStore[] = [];
  let standin: StandInSlack;
  let slack: StandInSlackThreads;
  afterAll(() => schemas.dropAll());
  beforeEach(async () => {
    standin = await StandInSlack.start(BOT_TOKEN);
    slack = StandInSlackThreads.on(standin);
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    stores = [];
    await standin.stop();
  });

  it("start one thread per deadline and post each reminder once", async () => {
    const schema = schemas.next();
    const [a, b] = [await schemas.open(schema), await schemas.open(schema)] as [PostgresStore, PostgresStore];
    stores.push(a, b);
    const channel = { platform: "slack", channelId: CHANNEL };
    await a.subscribe(
      { ...channel, story: "gaza-2025", workspaceId: "T0TEAM", kind: "reminders" },
      new Date("2025-02-28T10:00:00Z"),
    );
    await a.setThreadMode(channel, "on", new Date("2025-02-28T10:00:00Z"));
    for (const at of DUE) {
      const clock = new ManualClock(at);
      await Promise.all([
        processOn(a, standin.apiUrl, clock, "a").tick(),
        processOn(b, standin.apiUrl, clock, "b").tick(),
      ]);
      // What one left waiting for its thread is taken by the next ticks once its lease has ended.
      clock.advance(5 * 60_000);
      await Promise.all([
        processOn(a, standin.apiUrl, clock, "a").tick(),
        processOn(b, standin.apiUrl, clock, "b").tick(),
      ]);
    }
    const markers = slack.messages.map(marker);
    expect(markers.sort()).toEqual([...FIRSTS, COMPLETE_0D].sort());
    expect(slack.inChannel(CHANNEL).map(marker).sort()).toEqual([...FIRSTS].sort());
    const first = slack.inChannel(CHANNEL).find((m) => marker(m) === COMPLETE_1D);
    expect(slack.inThread(first?.ts ?? "").map(marker)).toEqual([COMPLETE_0D]);
  });
});
