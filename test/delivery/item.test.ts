/** How late an item went out, as its reply says: in minutes up to an hour and a half, then in hours. */
import { describe, expect, it } from "vitest";
import { defaultLateText } from "../../src/delivery/item.js";

const DUE = new Date("2025-02-28T07:00:00Z");
const later = (minutes: number) => new Date(DUE.getTime() + minutes * 60_000);

describe("how late an item was sent", () => {
  it("says minutes, at least one, up to an hour and a half", () => {
    expect(defaultLateText(DUE, later(0.2))).toBe("sent 1 minute late");
    expect(defaultLateText(DUE, later(6))).toBe("sent 6 minutes late");
    expect(defaultLateText(DUE, later(89))).toBe("sent 89 minutes late");
  });

  it("says hours, rounded, from an hour and a half", () => {
    expect(defaultLateText(DUE, later(90))).toBe("sent 2 hours late");
    expect(defaultLateText(DUE, later(60 * 5 + 10))).toBe("sent 5 hours late");
  });
});
