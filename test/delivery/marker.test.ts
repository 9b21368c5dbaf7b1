/**
 * How a sent item is recognised after a crash: a short marker derived from its ledger key only (the
 * same in every process, every channel and across restarts), and Discord's nonce, one per (item,
 * channel) and at most 25 characters.
 */
import { describe, expect, it } from "vitest";
import { markerFor, nonceFor } from "../../src/delivery/marker.js";

describe("an item's marker", () => {
  it("is cf- and 12 hex digits, the same every time for the same key", () => {
    const marker = markerFor("gaza-2025:phase-one-end:1d");
    expect(marker).toMatch(/^cf-[0-9a-f]{12}$/);
    expect(markerFor("gaza-2025:phase-one-end:1d")).toBe(marker);
  });

  it("differs between items", () => {
    expect(markerFor("gaza-2025:phase-one-end:1d")).not.toBe(markerFor("gaza-2025:phase-one-end:0d"));
  });
});

describe("Discord's nonce", () => {
  it("is 25 characters, one per item and channel, the same on every resend", () => {
    const marker = markerFor("gaza-2025:phase-one-end:1d");
    const nonce = nonceFor(marker, "111");
    expect(nonce).toHaveLength(25);
    expect(nonceFor(marker, "111")).toBe(nonce);
    expect(nonceFor(marker, "222")).not.toBe(nonce);
    expect(nonceFor(markerFor("other"), "111")).not.toBe(nonce);
  });
});
