import { describe, expect, it } from "vitest";
import { ticksOf, timeAxis } from "../../src/pictures/axis.js";
import { timeScale } from "../../src/pictures/svg.js";

const scale = (from: string, to: string) => timeScale(Date.parse(from), Date.parse(to), 40, 1160);
const labels = (from: string, to: string) => ticksOf(scale(from, to), "Asia/Jerusalem").map((t) => t.label);

describe("axis", () => {
  it("marks weeks across a few weeks", () => {
    expect(labels("2025-01-15T00:00:00Z", "2025-03-10T00:00:00Z")).toEqual([
      "16 Jan",
      "23 Jan",
      "30 Jan",
      "6 Feb",
      "13 Feb",
      "20 Feb",
      "27 Feb",
      "6 Mar",
    ]);
  });

  it("marks months across a year and a half, naming the year at January", () => {
    const got = labels("2025-01-10T00:00:00Z", "2026-06-01T00:00:00Z");
    expect(got.length).toBeLessThanOrEqual(12);
    expect(got).toContain("Jan 2026");
  });

  it("marks years across a decade, at most a dozen labels", () => {
    const got = labels("2015-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
    expect(got[0]).toBe("2016");
    expect(got.length).toBeLessThanOrEqual(12);
  });

  it("puts each tick at midnight of its day in the story's zone", () => {
    const [first] = ticksOf(scale("2025-01-15T00:00:00Z", "2025-03-10T00:00:00Z"), "Asia/Jerusalem");
    expect(new Date(first?.t ?? 0).toISOString()).toBe("2025-01-15T22:00:00.000Z"); // 16 Jan, 00:00 GMT+2
    expect(
      timeAxis(scale("2025-01-15T00:00:00Z", "2025-03-10T00:00:00Z"), 460, "Asia/Jerusalem", 40, 1160).join(
        "",
      ),
    ).toContain(">6 Mar</text>");
  });
});
