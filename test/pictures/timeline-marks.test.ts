/** The timeline picture's marks: a label shortened to its room, and the legend's direction. */
import { describe, expect, it } from "vitest";
import { wordsFor } from "../../src/language/words.js";
import { textWidth, writer } from "../../src/pictures/svg.js";
import { diamond, legend, shortenTo } from "../../src/pictures/timeline-marks.js";

describe("the timeline's marks", () => {
  it("shortens a label with an ellipsis to the room it has, and leaves one that fits", () => {
    expect(shortenTo("Phase one", 400, 12)).toBe("Phase one");
    const cut = shortenTo("The Philadelphi corridor withdrawal is due to start", 120, 12);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThan(120);
  });

  it("closes an isolate the cut leaves open before the ellipsis", () => {
    const cut = shortenTo("\u2068المرحلة الأولى من وقف إطلاق النار في غزة\u2069", 60, 12);
    expect(cut).toMatch(/\u2069…$/);
  });

  it("draws a diamond around its centre", () => {
    expect(diamond(10, 10, 5)).toBe("M10 5L15 10L10 15L5 10Z");
  });

  it("lays the legend out from the left in English and from the right in Arabic", () => {
    const xs = (language: "en" | "ar") =>
      legend(writer(wordsFor(language)), 40, 1160)
        .filter((part) => part.startsWith("<text"))
        .map((part) => Number(/ x="([\d.]+)"/.exec(part)?.[1]));
    const en = xs("en");
    const ar = xs("ar");
    expect(en[0]).toBeLessThan(en[1] ?? 0);
    expect(ar[0]).toBeGreaterThan(ar[1] ?? Number.POSITIVE_INFINITY);
  });
});
