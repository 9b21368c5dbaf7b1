/**
 * The lead types the intake, the store and the desk share (src/feeds/lead.ts): what the store keeps of
 * them is specified by the Store contract's section on leads (test/support/store-contract.ts).
 */
import { describe, expect, it } from "vitest";
import { LEAD_STATES, type LeadState } from "../../src/feeds/lead.js";

describe("a lead's states", () => {
  it("are new, used and dismissed, each once, new first", () => {
    const every: Record<LeadState, true> = { new: true, used: true, dismissed: true };
    expect([...LEAD_STATES].sort()).toEqual(Object.keys(every).sort());
    expect(new Set(LEAD_STATES).size).toBe(LEAD_STATES.length);
    expect(LEAD_STATES[0]).toBe("new");
  });
});
