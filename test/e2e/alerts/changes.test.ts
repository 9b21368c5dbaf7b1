/**
 * Alerts for an agreement that changes, on the invented truce (test/support/truce.ts): its handover
 * was due Sunday 26 January 2025 and was extended at 12:00 on 25 January to Tuesday 18 February
 * (Europe/Kyiv, UTC+2; day reminders at 09:00 local = 07:00 UTC).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCommand } from "../../../src/command-engine/run.js";
import { LiveDataset } from "../../../src/dataset/live.js";
import { markerFor } from "../../../src/delivery/marker.js";
import { renderText } from "../../../src/platforms/console/text.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import type { Store } from "../../../src/store/store.js";
import { ManualClock } from "../../../src/time/clock.js";
import {
  contextAt,
  makeScheduler,
  RecordingSender,
  registry,
  shippedStory,
  silentLog,
  tempDir,
  truceDataset,
  truceStory,
  withEvidence,
} from "../../support/index.js";

const OLD_1D = "truce:handover:1d";
const OLD_0D = "truce:handover:0d";
const MOVED = "truce:handover@2025-02-18:moved";
const NEW_1D = "truce:handover@2025-02-18:1d";

let store: Store;
let clock: ManualClock;
let sender: RecordingSender;
const data = { dataset: truceDataset() };

const subscribe = (
  id: string,
  at: string,
  story = "truce",
  kind: "reminders" | "updates" | "all" = "reminders",
) => store.subscribe({ platform: "discord", channelId: id, story, workspaceId: "g1", kind }, new Date(at));
const markers = (id: string) => sender.in(id).map((p) => p.marker);

beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  clock = new ManualClock("2025-01-20T10:00:00Z");
  sender = new RecordingSender();
});
afterEach(async () => {
  await store.close();
});

describe("a deadline moved after a channel was reminded of it", () => {
  it("sends that channel one notice that it moved, then reminds everyone of the new date", async () => {
    await subscribe("reminded", "2025-01-20T10:00:00Z");
    const scheduler = makeScheduler({ store, data, clock, sender });
    clock.set("2025-01-25T07:00:00Z"); // 09:00: the day-before reminder of the old date
    await scheduler.tick();
    expect(markers("reminded")).toEqual([markerFor(OLD_1D)]);
    await subscribe("late-comer", "2025-01-25T08:00:00Z");

    clock.set("2025-01-25T09:59:00Z");
    await scheduler.tick();
    expect(markers("reminded")).toEqual([markerFor(OLD_1D)]);

    clock.set("2025-01-25T10:00:00Z"); // 12:00: the move
    await scheduler.tick();
    expect(sender.in("reminded").map((p) => p.text)).toEqual([
      "Reminder: The handover of prisoners is due tomorrow, Sunday 26 January 2025.",
      "Deadline moved: Handover of prisoners has moved: it was due Sunday 26 January 2025; now due Tuesday 18 February 2025, according to East.",
    ]);
    expect(markers("late-comer")).toEqual([]);

    // Later ticks, a restart, and the old date's own day send nothing more.
    clock.set("2025-01-26T07:00:00Z");
    await scheduler.tick();
    await makeScheduler({ store, data, clock, sender }).tick();
    expect(markers("reminded")).toEqual([markerFor(OLD_1D), markerFor(MOVED)]);
    expect(sender.all().map((p) => p.marker)).not.toContain(markerFor(OLD_0D));

    clock.set("2025-02-17T07:00:00Z");
    await scheduler.tick();
    expect(markers("reminded").at(-1)).toBe(markerFor(NEW_1D));
    expect(sender.in("late-comer").map((p) => p.text)).toEqual([
      "Reminder: The handover of prisoners is due tomorrow, Tuesday 18 February 2025 (moved from Sunday 26 January 2025, according to East).",
    ]);
  });

  it("sends the notice exactly once after a crash that left it claimed but unsent", async () => {
    await subscribe("reminded", "2025-01-20T10:00:00Z");
    clock.set("2025-01-25T07:00:00Z");
    await makeScheduler({ store, data, clock, sender }).tick();
    // A process claimed the notice at 12:00 and died before sending it.
    await store.claim(
      {
        key: MOVED,
        platform: "discord",
        channelId: "reminded",
        kind: "reminder",
        dueAt: new Date("2025-01-25T10:00:00Z"),
        marker: markerFor(MOVED),
        summary: "Handover of prisoners has moved",
      },
      new Date("2025-01-25T10:00:00Z"),
    );
    clock.set("2025-01-25T10:01:00Z");
    await makeScheduler({ store, data, clock, sender }).tick();
    await makeScheduler({ store, data, clock, sender }).tick();
    expect(markers("reminded")).toEqual([markerFor(OLD_1D), markerFor(MOVED)]);
  });
});

describe("reminders of an exact-time deadline", () => {
  it("arrive the day before a 04:00 deadline, once, and never at or after it", async () => {
    await subscribe("100", "2025-01-15T10:00:00Z");
    const scheduler = makeScheduler({ store, data, clock, sender });
    for (const at of ["2025-01-19T07:00:00Z", "2025-01-20T02:00:00Z", "2025-01-20T07:00:00Z"]) {
      clock.set(at);
      await scheduler.tick();
    }
    expect(sender.in("100").map((p) => p.text)).toEqual([
      "Reminder: The withdrawal is due tomorrow at 04:00, Monday 20 January 2025.",
    ]);
  });
});

describe("channels that follow one story, or all of them", () => {
  it("get only their story's reminders; * gets every story's; a channel in both gets each once", async () => {
    const two = { dataset: truceDataset(shippedWithoutDefault()) };
    await subscribe("gaza-only", "2025-02-20T00:00:00Z", "gaza-2025");
    await subscribe("truce-only", "2025-01-20T00:00:00Z", "truce");
    await subscribe("all", "2025-01-20T00:00:00Z", "*");
    await subscribe("both", "2025-01-20T00:00:00Z", "*");
    await subscribe("both", "2025-01-20T00:00:00Z", "gaza-2025");
    const scheduler = makeScheduler({ store, data: two, clock, sender });
    clock.set("2025-01-25T07:00:00Z");
    await scheduler.tick();
    clock.set("2025-02-28T07:00:00Z");
    await scheduler.tick();
    const gaza = markerFor("gaza-2025:phase-one-end:1d");
    const truce = markerFor(OLD_1D);
    expect(markers("gaza-only")).toContain(gaza);
    expect(markers("gaza-only")).not.toContain(truce);
    expect(markers("truce-only")).toEqual([truce]);
    expect(markers("all")).toEqual(expect.arrayContaining([gaza, truce]));
    expect(markers("both").filter((m) => m === gaza)).toHaveLength(1);
  });
});

describe("a story that appears in data/ while channels are subscribed", () => {
  let dir: string;
  let live: LiveDataset;
  afterEach(() => live.close());

  it("is never news for its past, only for what is added to it later", async () => {
    dir = tempDir();
    writeFileSync(join(dir, "gaza-2025.json"), JSON.stringify(shippedStory(), null, 2));
    live = await LiveDataset.open(dir, silentLog());
    clock.set("2025-03-05T10:00:00Z");
    await subscribe("news", "2025-03-01T00:00:00Z", "*", "updates");
    const scheduler = makeScheduler({ store, data: live, clock, sender });
    scheduler.listen(live);
    await scheduler.tick();

    // A curator adds a second story, with months of past events, figures and a moved deadline.
    clock.set("2025-03-05T10:05:00Z");
    writeFileSync(
      join(dir, "truce.json"),
      JSON.stringify(
        truceStory((s) => delete s.story.default),
        null,
        2,
      ),
    );
    expect(await live.reload()).toBe(true);
    await scheduler.idle();
    clock.set("2025-03-05T10:06:00Z");
    await scheduler.tick();
    expect(sender.in("news")).toEqual([]);

    // Renamed, it is still the same story: nothing again. A new event is news once.
    clock.set("2025-03-05T10:10:00Z");
    writeFileSync(join(dir, "truce.json"), "{}");
    writeFileSync(
      join(dir, "z-truce.json"),
      JSON.stringify(
        truceStory((s) => {
          delete s.story.default;
          s.events.push({
            id: "talks-end",
            when: "2025-03-05",
            title: "Talks end",
            sourceIds: ["s-0220"],
            evidence: "As the source reports.",
          });
        }),
        null,
        2,
      ),
    );
    const { rmSync } = await import("node:fs");
    rmSync(join(dir, "truce.json"));
    expect(await live.reload()).toBe(true);
    await scheduler.idle();
    expect(sender.in("news").map((p) => p.text)).toEqual([
      "Update: New in the timeline: Talks end (Wednesday 5 March 2025).",
    ]);
  });
});

/** The shipped story as a second, non-default story beside the truce. */
function shippedWithoutDefault() {
  const s = shippedStory();
  delete s.story.default;
  return s;
}

describe("a figure value corrected after it went out", () => {
  let live: LiveDataset;
  afterEach(() => live.close());

  it("sends the channels that got the wrong value one correction, and replies say it was corrected", async () => {
    const dir = tempDir();
    const file = join(dir, "gaza-2025.json");
    const write = (edit: (values: Record<string, unknown>[]) => void) => {
      const story = shippedStory();
      const values = story.figures.find((f: { id: string }) => f.id === "captives-remaining").values;
      edit(values);
      writeFileSync(file, JSON.stringify(withEvidence(story), null, 2));
    };
    const wrong = { value: 57, asOf: "2025-03-02", attribution: "Israel", sourceId: "aj-2025-02-28" };
    /** Values are oldest first: one of 2 March goes after the 28 February article's 59, before later ones. */
    const place = (values: Record<string, unknown>[], value: Record<string, unknown>) =>
      values.splice(
        values.findIndex((v) => String(v.asOf) > "2025-03-02"),
        0,
        value,
      );
    write(() => {});
    live = await LiveDataset.open(dir, silentLog());
    clock.set("2025-03-02T08:00:00Z");
    await subscribe("news", "2025-03-01T00:00:00Z", "gaza-2025", "updates");
    const scheduler = makeScheduler({ store, data: live, clock, sender });
    scheduler.listen(live);
    await scheduler.tick();

    clock.set("2025-03-02T09:00:00Z"); // a value that turns out to be wrong goes out
    write((values) => place(values, { ...wrong }));
    await live.reload();
    await scheduler.idle();
    await subscribe("later", "2025-03-02T09:30:00Z", "gaza-2025", "updates");
    expect(sender.in("news").map((p) => p.text)).toEqual([
      "Update: Captives remaining in Gaza: 57 captives, according to Israel, as of 2 Mar 2025.",
    ]);

    clock.set("2025-03-02T10:00:00Z"); // corrected
    write((values) =>
      place(values, { ...wrong, value: 58, corrected: { on: "2025-03-02T12:00:00+02:00", was: 57 } }),
    );
    await live.reload();
    await scheduler.idle();
    clock.set("2025-03-02T10:01:00Z");
    await scheduler.tick();
    await makeScheduler({ store, data: live, clock, sender }).tick();
    expect(sender.in("news").map((p) => p.text)).toEqual([
      "Update: Captives remaining in Gaza: 57 captives, according to Israel, as of 2 Mar 2025.",
      "Correction: Captives remaining in Gaza was 57 captives, is 58 captives, according to Israel, as of 2 Mar 2025 (corrected on 2 Mar 2025).",
    ]);
    expect(sender.in("later")).toEqual([]);

    // Before the correction the bot said 57, as it did then; after it, 58 and that it was corrected.
    const captives = (at: string) =>
      renderText(runCommand(registry, "captives", {}, contextAt(at, {}, live.dataset)));
    expect(captives("2025-03-02T09:30:00Z")).toContain(
      "57 captives, according to Israel, as of 2 Mar 2025 (before: 59 captives",
    );
    expect(captives("2025-03-02T10:30:00Z")).toContain(
      "58 captives, according to Israel, as of 2 Mar 2025 (corrected on 2 Mar 2025) (before: 59 captives",
    );
  });
});
