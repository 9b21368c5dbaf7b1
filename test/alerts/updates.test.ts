/**
 * News updates: a data edit that adds a timeline event or a figure value is posted once to the
 * channels subscribed to updates before the edit — never to reminder-only channels, never twice.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STATE } from "../../src/alerts/scheduler-state.js";
import { LiveDataset } from "../../src/dataset/live.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/store.js";
import { ManualClock } from "../../src/time/clock.js";
import {
  makeScheduler,
  RecordingSender,
  shippedStory,
  silentLog,
  tempDir,
  withEvidence,
} from "../support/index.js";

let dir: string;
let file: string;
let live: LiveDataset;
let store: Store;
let clock: ManualClock;
let sender: RecordingSender;

function editStory(): void {
  const story = shippedStory();
  story.events.push({
    id: "phase-two-talks-stall",
    when: "2025-03-02",
    title: "Talks on phase two stall in Cairo",
    tags: ["talks"],
    sourceIds: ["aj-2025-02-28"],
  });
  // Values are oldest first: the new one goes before those of later dates.
  const values = story.figures[0].values;
  const at = values.findIndex((v: { asOf: string }) => v.asOf > "2025-03-02");
  values.splice(at < 0 ? values.length : at, 0, {
    value: 58,
    qualifier: "exactly",
    asOf: "2025-03-02",
    attribution: "Israel",
    sourceId: "aj-2025-02-28",
  });
  writeFileSync(file, JSON.stringify(withEvidence(story), null, 2));
}

const sub = (id: string, kind: "reminders" | "updates" | "all", at: string) =>
  store.subscribe(
    { platform: "discord", channelId: id, story: "gaza-2025", workspaceId: "g1", kind },
    new Date(at),
  );

beforeEach(async () => {
  dir = tempDir();
  file = join(dir, "gaza-2025.json");
  writeFileSync(file, JSON.stringify(shippedStory(), null, 2));
  live = await LiveDataset.open(file, silentLog());
  store = SqliteStore.open(join(dir, "bot.sqlite"));
  clock = new ManualClock("2025-03-02T08:00:00Z");
  sender = new RecordingSender();
});
afterEach(async () => {
  live.close();
  await store.close();
});

describe("updates on a data edit", () => {
  it("posts each new event and figure value once to channels subscribed to updates before the edit", async () => {
    await sub("news", "updates", "2025-03-01T00:00:00Z");
    await sub("everything", "all", "2025-03-01T00:00:00Z");
    await sub("reminders-only", "reminders", "2025-03-01T00:00:00Z");
    const scheduler = makeScheduler({ store, data: live, clock, sender });
    scheduler.listen(live);
    await scheduler.tick(); // the first run takes what the data holds as known, not as news
    expect(sender.all()).toEqual([]);

    clock.set("2025-03-02T09:00:00Z");
    editStory();
    expect(await live.reload()).toBe(true);
    await scheduler.idle();
    await sub("after-the-edit", "updates", "2025-03-02T09:30:00Z");

    const texts = (id: string) => sender.in(id).map((p) => p.text);
    const expected = [
      "Update: New in the timeline: Talks on phase two stall in Cairo (Sunday 2 March 2025).",
      "Update: Captives remaining in Gaza: 58 captives, according to Israel, as of 2 Mar 2025.",
    ];
    expect(texts("news")).toEqual(expected);
    expect(texts("everything")).toEqual(expected);
    expect(texts("reminders-only")).toEqual([]);

    // Reloading the same data, later ticks and a restart announce nothing again.
    expect(await live.reload()).toBe(true);
    await scheduler.idle();
    clock.set("2025-03-02T09:40:00Z");
    await scheduler.tick();
    await makeScheduler({ store, data: live, clock, sender }).tick();
    expect(texts("news")).toEqual(expected);
    expect(texts("after-the-edit")).toEqual([]);
    expect(JSON.parse((await store.getState(STATE.pendingUpdates)) ?? "[]")).toEqual([]);
  });

  it("announces an edit made while the bot was stopped at the next start", async () => {
    await sub("news", "updates", "2025-03-01T00:00:00Z");
    await makeScheduler({ store, data: live, clock, sender }).tick();
    editStory();
    await live.reload(); // nobody listening: the bot is "down"
    clock.set("2025-03-02T10:00:00Z");
    await makeScheduler({ store, data: live, clock, sender }).tick();
    expect(sender.in("news")).toHaveLength(2);
  });
});
