/**
 * The only way logic learns the time: the machine's clock, a clock stopped at one instant, one that
 * starts at a chosen instant and then moves on in real time, and one a test moves by hand.
 */
import { describe, expect, it } from "vitest";
import { fixedClock, ManualClock, shiftedClock, systemClock } from "../../src/time/clock.js";

describe("the system clock", () => {
  it("tells the machine's time", () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe("a fixed clock", () => {
  it("always says the instant it was given, as a fresh Date", () => {
    const clock = fixedClock("2025-02-28T10:00:00Z");
    const first = clock.now();
    first.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe("2025-02-28T10:00:00.000Z");
    expect(fixedClock(new Date("2025-03-01T00:00:00Z")).now().toISOString()).toBe("2025-03-01T00:00:00.000Z");
  });

  it("refuses what is not an instant", () => {
    expect(() => fixedClock("tomorrow")).toThrow("not an instant: tomorrow");
  });
});

describe("a shifted clock", () => {
  it("starts at the instant given and moves on with its base clock", () => {
    const base = new ManualClock("2026-12-06T12:00:00Z");
    const clock = shiftedClock("2025-02-28T06:59:00Z", base);
    expect(clock.now().toISOString()).toBe("2025-02-28T06:59:00.000Z");
    base.advance(60_000);
    expect(clock.now().toISOString()).toBe("2025-02-28T07:00:00.000Z");
  });

  it("refuses what is not an instant", () => {
    expect(() => shiftedClock("soon")).toThrow("not an instant: soon");
  });
});

describe("a manual clock", () => {
  it("stays where it is until a test sets it or moves it on", () => {
    const clock = new ManualClock("2025-02-28T10:00:00Z");
    expect(clock.now().toISOString()).toBe("2025-02-28T10:00:00.000Z");
    clock.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe("2025-02-28T11:30:00.000Z");
    clock.set("2025-03-05T10:00:00Z");
    expect(clock.now().toISOString()).toBe("2025-03-05T10:00:00.000Z");
  });
});
