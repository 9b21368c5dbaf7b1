/**
 * How a fan-out runs over its channels: each process and item starting at a place of its own, at
 * most so many at once, each channel's outcome counted (and in the alerts metric as it ends), the
 * items not yet started left alone once stopped, and nothing more started once the store failed.
 */
import { describe, expect, it } from "vitest";
import {
  type ChannelOutcome,
  deliverEach,
  eachLimit,
  emptyOutcomes,
  rotated,
  StoreFailure,
  stored,
} from "../../src/delivery/fan-out.js";
import { type AlertOutcome, type Metrics, noMetrics } from "../../src/monitoring/metrics.js";

const CHANNELS = Array.from({ length: 20 }, (_, i) => `C${i}`);

/** Metrics that keep what the fan-out reports. */
function recording() {
  const ended: [AlertOutcome, number][] = [];
  let queued = 0;
  let mostQueued = 0;
  const metrics: Metrics = {
    ...noMetrics,
    alertsEnded: (outcome, count) => ended.push([outcome, count]),
    fanOutQueued: (delta) => {
      queued += delta;
      mostQueued = Math.max(mostQueued, queued);
    },
  };
  return { metrics, ended, queued: () => queued, mostQueued: () => mostQueued };
}

describe("the order of the channels", () => {
  it("is every channel once, starting at a place of the seed's, the same for the same seed", () => {
    const a = rotated(CHANNELS, "host-1:item");
    expect([...a].sort()).toEqual([...CHANNELS].sort());
    expect(rotated(CHANNELS, "host-1:item")).toEqual(a);
    const start = CHANNELS.indexOf(a[0] as string);
    expect(a).toEqual([...CHANNELS.slice(start), ...CHANNELS.slice(0, start)]);
  });

  it("mostly starts elsewhere for another process", () => {
    const starts = new Set(["a", "b", "c", "d", "e", "f"].map((seed) => rotated(CHANNELS, seed)[0]));
    expect(starts.size).toBeGreaterThan(1);
  });

  it("leaves fewer than two channels as they are", () => {
    expect(rotated([], "x")).toEqual([]);
    expect(rotated(["C1"], "x")).toEqual(["C1"]);
  });
});

describe("running at most so many at once", () => {
  it("runs every item, never more than the limit together", async () => {
    let running = 0;
    let most = 0;
    const done: string[] = [];
    await eachLimit(CHANNELS, 3, async (c) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      done.push(c);
      running--;
    });
    expect(done.sort()).toEqual([...CHANNELS].sort());
    expect(most).toBe(3);
  });
});

describe("a fan-out", () => {
  const outcomeOf = (c: string): ChannelOutcome => (c === "C0" ? "gone" : c === "C1" ? "found" : "sent");

  it("counts each channel's outcome, and in the alerts metric how each alert ended", async () => {
    const rec = recording();
    const outcomes = emptyOutcomes();
    await deliverEach(
      { concurrency: 4, metrics: rec.metrics, stopped: () => false },
      CHANNELS,
      outcomes,
      async (c) => outcomeOf(c),
    );
    expect(outcomes).toMatchObject({ sent: 18, gone: 1, found: 1, failed: 0 });
    expect(rec.ended).toContainEqual(["failed", 1]);
    expect(rec.ended).toContainEqual(["deduplicated", 1]);
    expect(rec.ended.filter(([o]) => o === "sent")).toHaveLength(18);
    expect(rec.mostQueued()).toBe(CHANNELS.length);
    expect(rec.queued()).toBe(0);
  });

  it("leaves deferred rows out of the alerts metric: they end later", async () => {
    const rec = recording();
    const outcomes = emptyOutcomes();
    await deliverEach(
      { concurrency: 2, metrics: rec.metrics, stopped: () => false },
      ["C1"],
      outcomes,
      async () => "deferred",
    );
    expect(outcomes.deferred).toBe(1);
    expect(rec.ended).toEqual([]);
  });

  it("starts nothing more once stopped", async () => {
    let stop = false;
    const started: string[] = [];
    await deliverEach(
      { concurrency: 1, metrics: noMetrics, stopped: () => stop },
      CHANNELS,
      emptyOutcomes(),
      async (c) => {
        started.push(c);
        if (started.length === 5) stop = true;
        return "sent";
      },
    );
    expect(started).toHaveLength(5);
  });

  it("fails with the store's own error once those under way have ended, starting nothing more", async () => {
    const rec = recording();
    const started: string[] = [];
    const broken = new Error("connection terminated");
    const run = deliverEach(
      { concurrency: 2, metrics: rec.metrics, stopped: () => false },
      CHANNELS,
      emptyOutcomes(),
      async (c) => {
        started.push(c);
        if (c === "C3") await stored(() => Promise.reject(broken));
        return "sent";
      },
    );
    await expect(run).rejects.toBe(broken);
    expect(started.length).toBeLessThanOrEqual(5);
    expect(rec.queued()).toBe(0);
  });
});

describe("a store call", () => {
  it("fails as a StoreFailure carrying the store's error, never as the platform's", async () => {
    const broken = new Error("database is locked");
    const failure = await stored(() => Promise.reject(broken)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreFailure);
    expect((failure as StoreFailure).error).toBe(broken);
    expect((failure as StoreFailure).message).toBe("database is locked");
    expect(await stored(async () => 42)).toBe(42);
  });
});
