/**
 * What the scheduler keeps in the store between ticks: the watermark only moves forward, news is
 * queued once and remembered, a story new to the store is never news for its past, and a notice is
 * struck off the pending list by key.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  advanceWatermark,
  pendingNews,
  queueNews,
  STATE,
  strikeOff,
} from "../../src/alerts/scheduler-state.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/store.js";
import { datasetOf, tempDir, truceDataset, truceStory, withEvidence } from "../support/index.js";

let store: Store;
beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
});
afterEach(async () => {
  await store.close();
});

const at = (iso: string) => new Date(iso);

describe("the watermark", () => {
  it("moves forward to the end of what was planned", async () => {
    await advanceWatermark(store, at("2025-01-20T10:00:00Z"), at("2025-01-20T10:00:00Z"));
    await advanceWatermark(store, at("2025-01-20T10:01:00Z"), at("2025-01-20T10:01:00Z"));
    expect(await store.getState(STATE.plannedUntil)).toBe("2025-01-20T10:01:00.000Z");
  });

  it("never moves back when another process has already moved it further", async () => {
    await advanceWatermark(store, at("2025-01-20T10:05:00Z"), at("2025-01-20T10:05:00Z"));
    await advanceWatermark(store, at("2025-01-20T10:01:00Z"), at("2025-01-20T10:06:00Z"));
    expect(await store.getState(STATE.plannedUntil)).toBe("2025-01-20T10:05:00.000Z");
  });
});

describe("news", () => {
  it("is nothing for a story the store sees for the first time, which it remembers whole", async () => {
    expect(await queueNews(store, truceDataset(), at("2025-02-20T10:00:00Z"))).toEqual([]);
    expect(await pendingNews(store)).toEqual([]);
    expect(JSON.parse((await store.getState(STATE.knownStories)) ?? "[]")).toEqual(["truce"]);
    expect(JSON.parse((await store.getState(STATE.knownUpdates)) ?? "[]").length).toBeGreaterThan(0);
  });

  it("is what became visible since, queued once however often it is looked for", async () => {
    const now = at("2025-01-20T10:00:00Z");
    await queueNews(store, truceDataset(), now);
    await advanceWatermark(store, now, now);
    const later = at("2025-02-20T10:00:00Z");
    const found = await queueNews(store, truceDataset(), later);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((u) => u.storyId === "truce" && u.at <= later.toISOString())).toBe(true);
    expect(await queueNews(store, truceDataset(), later)).toEqual([]);
    expect((await pendingNews(store)).map((u) => u.key)).toEqual(found.map((u) => u.key));
  });

  it("is struck off the pending list by key, leaving what others queued meanwhile", async () => {
    const now = at("2025-01-20T10:00:00Z");
    await queueNews(store, truceDataset(), now);
    await advanceWatermark(store, now, now);
    const found = await queueNews(store, truceDataset(), at("2025-02-20T10:00:00Z"));
    expect(found.length).toBeGreaterThan(1);
    const [first, ...rest] = found;
    await strikeOff(store, first ? [first] : [], at("2025-02-20T10:01:00Z"));
    expect((await pendingNews(store)).map((u) => u.key)).toEqual(rest.map((u) => u.key));
  });

  it("of an edit is due when found, for what became visible before the watermark", async () => {
    const now = at("2025-02-20T10:00:00Z");
    await queueNews(store, truceDataset(), now);
    await advanceWatermark(store, now, now);
    const edited = truceStory((s) => {
      s.events.push({ id: "added-late", when: "2025-01-22", title: "A late report", sourceIds: ["s-0110"] });
    });
    const found = await queueNews(store, datasetOf(withEvidence(edited)), at("2025-02-20T11:00:00Z"));
    expect(found.map((u) => [u.key, u.at])).toEqual([
      ["update:truce:event:added-late", "2025-02-20T11:00:00.000Z"],
    ]);
  });
});
