/** The proxy's even pace: at most `perSecond` in any second, at most `burst` at once, in order. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Pacer } from "../../../src/platforms/discord/pacer.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Asks `count` times at once; resolves with when each was let go (ms from the start), in order. */
async function letGo(pacer: Pacer, count: number, forMs: number): Promise<number[]> {
  const start = Date.now();
  const times: number[] = [];
  for (let i = 0; i < count; i++) void pacer.take().then(() => times.push(Date.now() - start));
  await vi.advanceTimersByTimeAsync(forMs);
  return times;
}

/** The most requests let go in any one second (half-open), from their times. */
function mostInOneSecond(times: number[]): number {
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    const from = times[i] ?? 0;
    most = Math.max(most, times.filter((t) => t >= from && t < from + 1_000).length);
  }
  return most;
}

describe("the proxy's pace", () => {
  it("lets a burst go at once, then one at a time at the rate", async () => {
    const pacer = new Pacer({ perSecond: 10, burst: 3, now: () => Date.now() });
    const times = await letGo(pacer, 6, 1_000);
    expect(times).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it("never lets more than its limit go in any one second, however many wait", async () => {
    const pacer = new Pacer({ perSecond: 50, burst: 50, now: () => Date.now() });
    const times = await letGo(pacer, 400, 10_000);
    expect(times).toHaveLength(400);
    expect(mostInOneSecond(times)).toBe(50);
    // The even pace: 400 in about 7 s (a full bucket, then 50 a second), not in windows with pauses.
    expect(times.at(-1)).toBeLessThanOrEqual(7_000);
  });

  it("keeps to the limit over the last second even when the bucket is larger than the limit", async () => {
    const pacer = new Pacer({ perSecond: 5, burst: 100, now: () => Date.now() });
    const times = await letGo(pacer, 20, 5_000);
    expect(mostInOneSecond(times)).toBe(5);
  });

  it("lets them go in the order they came", async () => {
    const pacer = new Pacer({ perSecond: 10, burst: 1, now: () => Date.now() });
    const order: number[] = [];
    for (let i = 0; i < 5; i++) void pacer.take().then(() => order.push(i));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it("takes one whose signal aborts out of the line, and its place goes to the next", async () => {
    const pacer = new Pacer({ perSecond: 10, burst: 1, now: () => Date.now() });
    const start = Date.now();
    const abort = new AbortController();
    const first = pacer.take();
    const given = pacer.take(abort.signal);
    const third = pacer.take().then(() => Date.now() - start);
    await first;
    abort.abort(new Error("the bot gave up"));
    await expect(given).rejects.toThrow("the bot gave up");
    expect(pacer.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await third).toBe(100);
    await expect(pacer.take(abort.signal)).rejects.toThrow("the bot gave up");
  });

  it("refuses a limit under one request a second", () => {
    expect(() => new Pacer({ perSecond: 0, burst: 1 })).toThrow("perSecond must be at least 1");
  });
});
