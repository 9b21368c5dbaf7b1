/**
 * Who gets what: the reminders due in a window with the channels due each (by their lead times, the
 * stories they follow and when they subscribed, each channel once), and the channels a news notice
 * goes to (updates channels; for a moved deadline or a correction, those the ledger says got the
 * reminder or the wrong value).
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { audienceOf, dueAlerts } from "../../src/alerts/recipients.js";
import type { UpdateItem } from "../../src/alerts/updates.js";
import { markerFor } from "../../src/delivery/marker.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { ALL_STORIES, type Store, type Subscription, type SubscriptionKind } from "../../src/store/store.js";
import { shippedData, tempDir } from "../support/index.js";

const dataset = shippedData();
/** 28 Feb 2025 09:00 in Jerusalem: the day-before reminders of phase one's end and Philadelphi. */
const AT_0900 = { from: new Date("2025-02-28T07:00:00Z"), to: new Date("2025-02-28T07:00:01Z") };

function sub(
  channelId: string,
  extra: { kind?: SubscriptionKind; story?: string; since?: string; leadTimes?: string[] } = {},
): Subscription {
  return {
    platform: "discord",
    channelId,
    story: extra.story ?? "gaza-2025",
    workspaceId: "g1",
    kind: extra.kind ?? "reminders",
    leadTimes: extra.leadTimes,
    since: new Date(extra.since ?? "2025-02-01T00:00:00Z"),
    active: true,
    createdBy: undefined,
    updatedAt: new Date("2025-02-01T00:00:00Z"),
    deactivatedAt: undefined,
    deactivationReason: undefined,
  };
}

const channelsOf = (due: ReturnType<typeof dueAlerts>, id: string) =>
  due.find((d) => d.alert.id === id)?.channels.map((c) => c.channelId) ?? [];

describe("the reminders due in a window", () => {
  it("go to the reminder channels following their story, in time order", () => {
    const due = dueAlerts(
      dataset,
      [sub("r"), sub("a", { kind: "all" }), sub("u", { kind: "updates" })],
      AT_0900,
      9,
    );
    expect(due.map((d) => d.alert.id).sort()).toEqual(
      ["gaza-2025:philadelphi-withdrawal-start:1d", "gaza-2025:phase-one-end:1d"].sort(),
    );
    expect(channelsOf(due, "gaza-2025:phase-one-end:1d")).toEqual(["r", "a"]);
  });

  it("skip a channel that subscribed after the reminder was planned", () => {
    const due = dueAlerts(dataset, [sub("late", { since: "2025-02-28T08:00:00Z" })], AT_0900, 9);
    expect(due).toEqual([]);
  });

  it("go to a channel following every story, and once to a channel that follows both ways", () => {
    const due = dueAlerts(
      dataset,
      [sub("both"), sub("both", { story: ALL_STORIES }), sub("other", { story: "other-2025" })],
      AT_0900,
      9,
    );
    expect(channelsOf(due, "gaza-2025:phase-one-end:1d")).toEqual(["both"]);
  });

  it("follow a channel's own lead times instead of the deadlines'", () => {
    const twoDays = { from: new Date("2025-02-27T07:00:00Z"), to: new Date("2025-02-27T07:00:01Z") };
    const due = dueAlerts(dataset, [sub("own", { leadTimes: ["2d"] }), sub("default")], twoDays, 9);
    expect(channelsOf(due, "gaza-2025:phase-one-end:2d")).toEqual(["own"]);
  });
  it("go to each of 150,000 channels subscribed alike, once (a bot in 100,000 servers and more)", () => {
    const subs = Array.from({ length: 150_000 }, (_, i) => sub(String(1_000_000 + i)));
    const due = dueAlerts(dataset, subs, AT_0900, 9);
    for (const id of ["gaza-2025:phase-one-end:1d", "gaza-2025:philadelphi-withdrawal-start:1d"]) {
      const channels = channelsOf(due, id);
      expect(channels).toHaveLength(150_000);
      expect(new Set(channels).size).toBe(150_000);
    }
  });
});

describe("a curators' channel (kind leads)", () => {
  it("is due no reminder, whichever story it follows", () => {
    const subs = [sub("leads", { kind: "leads" }), sub("leads-own", { kind: "leads", leadTimes: ["1d"] })];
    expect(dueAlerts(dataset, subs, AT_0900, 9)).toEqual([]);
  });
});

describe("the channels a notice goes to", () => {
  let store: Store;
  beforeEach(() => {
    store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  });
  afterEach(async () => {
    await store.close();
  });

  const notice = (extra: Partial<UpdateItem> = {}): UpdateItem => ({
    key: "update:gaza-2025:event:x",
    storyId: "gaza-2025",
    at: "2025-03-02T08:00:00.000Z",
    text: "Something happened.",
    sourceIds: [],
    ...extra,
  });
  const ids = (subs: Subscription[]) => subs.map((s) => s.channelId);
  const dueAt = new Date("2025-03-02T08:00:00Z");

  it("are the updates channels following its story that subscribed by then", async () => {
    const subs = [
      sub("u", { kind: "updates" }),
      sub("a", { kind: "all" }),
      sub("r"),
      sub("later", { kind: "updates", since: "2025-03-03T00:00:00Z" }),
      sub("other", { kind: "updates", story: "other-2025" }),
      sub("curators", { kind: "leads" }),
    ];
    expect(ids(await audienceOf(notice(), subs, store, dueAt))).toEqual(["u", "a"]);
  });

  async function sent(channelId: string, key: string) {
    const entry = {
      platform: "discord" as const,
      channelId,
      key,
      kind: "reminder" as const,
      dueAt,
      marker: markerFor(key),
      summary: "",
    };
    await store.claim(entry, dueAt);
    await store.finish(entry, { state: "sent", messageId: "m1" }, dueAt);
  }

  it("of a moved deadline are the reminder channels that were sent a reminder of it", async () => {
    await sent("reminded", "gaza-2025:phase-one-end:1d");
    await sent("updates-only", "gaza-2025:phase-one-end:1d");
    const subs = [sub("reminded"), sub("never"), sub("updates-only", { kind: "updates" })];
    const moved = notice({ audience: "moved", receivedPrefixes: ["gaza-2025:phase-one-end:"] });
    expect(ids(await audienceOf(moved, subs, store, dueAt))).toEqual(["reminded"]);
  });

  it("of a correction are the channels that were sent the wrong value, whatever they subscribed to", async () => {
    const wrong = "update:gaza-2025:figure:captives-remaining:2025-02-28:59";
    await sent("got-it", wrong);
    const subs = [sub("got-it", { kind: "updates" }), sub("not", { kind: "updates" })];
    const corrected = notice({ audience: "corrected", receivedKeys: [wrong] });
    expect(ids(await audienceOf(corrected, subs, store, dueAt))).toEqual(["got-it"]);
  });

  it("never go to a curators' channel, not even one that was sent the reminder or the wrong value before", async () => {
    const wrong = "update:gaza-2025:figure:captives-remaining:2025-02-28:59";
    await sent("now-curators", wrong);
    await sent("now-curators", "gaza-2025:phase-one-end:1d");
    const subs = [sub("now-curators", { kind: "leads" })];
    const corrected = notice({ audience: "corrected", receivedKeys: [wrong] });
    const moved = notice({ audience: "moved", receivedPrefixes: ["gaza-2025:phase-one-end:"] });
    expect(ids(await audienceOf(corrected, subs, store, dueAt))).toEqual([]);
    expect(ids(await audienceOf(moved, subs, store, dueAt))).toEqual([]);
    expect(ids(await audienceOf(notice(), subs, store, dueAt))).toEqual([]);
  });
});
