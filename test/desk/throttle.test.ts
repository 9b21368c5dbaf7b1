/**
 * Failed log-ins slow an attacker down per account and address, never lock the right password out
 * for long, and fall back to a slower limit per address; the time comes from a clock.
 */
import { describe, expect, it } from "vitest";
import { ACCOUNT_BACKOFF, ADDRESS_BACKOFF, backOffMs, LoginThrottle } from "../../src/desk/throttle.js";
import { ManualClock } from "../../src/time/clock.js";

const ATTACKER = "203.0.113.9";
const NEWSROOM = "198.51.100.7";

function rig() {
  const clock = new ManualClock("2025-03-02T08:00:00Z");
  return { clock, throttle: new LoginThrottle(clock) };
}

describe("the back-off", () => {
  it("lets 3 failures through, then waits 1 s, 2 s, 4 s, … at most 5 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12, 13, 50, 10_000].map((n) => backOffMs(n, ACCOUNT_BACKOFF))).toEqual([
      0, 0, 0, 1_000, 2_000, 4_000, 8_000, 256_000, 300_000, 300_000, 300_000,
    ]);
  });

  it("per address, starts after 30 failures and stops at a minute", () => {
    expect([30, 31, 32, 36, 37, 100].map((n) => backOffMs(n, ADDRESS_BACKOFF))).toEqual([
      0, 1_000, 2_000, 32_000, 60_000, 60_000,
    ]);
  });
});

describe("log-in throttling", () => {
  it("slows one account from one address, and lets the right password in once the wait is over", () => {
    const { clock, throttle } = rig();
    for (let i = 0; i < 4; i++) {
      expect(throttle.wait("ana", ATTACKER)).toBe(0);
      throttle.failed("ana", ATTACKER);
    }
    expect(throttle.wait("ana", ATTACKER)).toBe(1_000);
    clock.advance(400);
    expect(throttle.wait("ana", ATTACKER)).toBe(600); // asking does not make it longer
    clock.advance(600);
    expect(throttle.wait("ana", ATTACKER)).toBe(0);
    throttle.succeeded("ana", ATTACKER);
    throttle.failed("ana", ATTACKER);
    expect(throttle.wait("ana", ATTACKER)).toBe(0); // counting starts again
  });

  it("never delays the account from another address, nor another account from the same one", () => {
    const { throttle } = rig();
    for (let i = 0; i < 20; i++) throttle.failed("ana", ATTACKER);
    expect(throttle.wait("ana", ATTACKER)).toBe(300_000);
    expect(throttle.wait("ana", NEWSROOM)).toBe(0);
    expect(throttle.wait("ben", ATTACKER)).toBe(0);
  });

  it("caps the wait: a guesser who never stops delays the account from that address 5 minutes at most", () => {
    const { clock, throttle } = rig();
    for (let i = 0; i < 1_000; i++) {
      clock.advance(throttle.wait("ana", NEWSROOM));
      throttle.failed("ana", NEWSROOM);
    }
    expect(throttle.wait("ana", NEWSROOM)).toBe(300_000);
    clock.advance(300_000);
    expect(throttle.wait("ana", NEWSROOM)).toBe(0);
  });

  it("falls back to a slower limit per address when one address tries many accounts", () => {
    const { clock, throttle } = rig();
    for (let i = 0; i < 30; i++) throttle.failed(`user-${i}`, ATTACKER);
    expect(throttle.wait("someone-new", ATTACKER)).toBe(0);
    throttle.failed("user-30", ATTACKER);
    expect(throttle.wait("someone-new", ATTACKER)).toBe(1_000);
    for (let i = 31; i < 60; i++) throttle.failed(`user-${i}`, ATTACKER);
    expect(throttle.wait("someone-new", ATTACKER)).toBe(60_000);
    expect(throttle.wait("someone-new", NEWSROOM)).toBe(0);
    clock.advance(60_000);
    expect(throttle.wait("someone-new", ATTACKER)).toBe(0);
  });

  it("forgets failures after a quiet spell: an hour per address, a day per account and address", () => {
    const { clock, throttle } = rig();
    for (let i = 0; i < 40; i++) throttle.failed("ana", ATTACKER);
    clock.advance(3_600_000);
    expect(throttle.wait("ben", ATTACKER)).toBe(0);
    throttle.failed("ben", ATTACKER);
    expect(throttle.wait("ben", ATTACKER)).toBe(0); // the address's count started again
    clock.advance(86_400_000);
    throttle.failed("ana", ATTACKER);
    expect(throttle.wait("ana", ATTACKER)).toBe(0);
  });

  it("keeps a bounded number of counts, however many names and addresses are tried", () => {
    const clock = new ManualClock("2025-03-02T08:00:00Z");
    const throttle = new LoginThrottle(clock, { maxKeys: 100 });
    for (let i = 0; i < 5_000; i++) throttle.failed(`made-up-${i}`, `192.0.2.${i % 250}`);
    expect(throttle.sizes()).toEqual({ pairs: 100, addresses: 100 });
    // The newest counts are the ones kept.
    for (let i = 0; i < 3; i++) throttle.failed("ana", ATTACKER);
    throttle.failed("ana", ATTACKER);
    expect(throttle.wait("ana", ATTACKER)).toBe(1_000);
  });
});
