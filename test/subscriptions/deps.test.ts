/** What the channel commands share: the reader's words, a story's zone, an instant in the reader's words. */
import { describe, expect, it } from "vitest";
import { wordsFor } from "../../src/language/words.js";
import { instantSpan, planOptions, wordsOf, zoneOf } from "../../src/subscriptions/deps.js";
import { shippedData } from "../support/index.js";

const dataset = shippedData();
const deps = { dataset };

describe("what the channel commands share", () => {
  it("writes in English when no words are given", () => {
    expect(wordsOf({}).language).toBe("en");
    expect(wordsOf({ words: wordsFor("he") }).language).toBe("he");
  });

  it("shows a story's times in its own zone, and an unknown story's in the default story's", () => {
    expect(zoneOf(deps, "gaza-2025")).toBe("Asia/Jerusalem");
    expect(zoneOf(deps, "*")).toBe(dataset.defaultStory.story.timeZone);
  });

  it("gives an instant a fallback in the reader's words", () => {
    const at = new Date("2025-03-01T07:00:00Z");
    expect(instantSpan(at, "Asia/Jerusalem", wordsFor("en"))).toEqual({
      instant: at,
      style: "datetime",
      fallback: "1 Mar 2025, 09:00 GMT+2",
    });
    expect(JSON.stringify(instantSpan(at, "Asia/Jerusalem", wordsFor("fr")))).toContain("mars 2025");
  });

  it("plans with the bot's reminder hour and the channel's own lead times", () => {
    expect(planOptions({})).toEqual({ reminderHour: 9 });
    expect(planOptions({}, { leadTimes: ["1d"] })).toEqual({ reminderHour: 9, leadTimes: ["1d"] });
  });
});
