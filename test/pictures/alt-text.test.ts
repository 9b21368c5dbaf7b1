import { describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate-story.js";
import { storyAt } from "../../src/dataset/asof.js";
import { ALT_MAX, fitAlt, timelineAlt } from "../../src/pictures/alt-text.js";
import { timelineModel } from "../../src/pictures/timeline-model.js";
import { AFTER, shippedData } from "../support/index.js";

describe("alt text", () => {
  it("lists everything when it fits", () => {
    expect(fitAlt("A chart.", [{ label: "Marks", items: ["one", "two"], total: 2 }], "The end.")).toBe(
      "A chart. Marks: one; two. The end.",
    );
  });

  it("counts what does not fit as 'and N more', within the limit", () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `Deadline number ${i}, due 1 Mar 2025, scheduled`);
    const alt = fitAlt("Timeline.", [
      { label: "Phases", items: ["Phase one"], total: 1 },
      { label: "Deadlines", items, total: 10_000 },
    ]);
    expect(alt.length).toBeLessThanOrEqual(ALT_MAX);
    expect(alt).toMatch(
      /^Timeline\. Phases: Phase one\. Deadlines: Deadline number 0, .*; and 9,9\d\d more\.$/,
    );
  });

  it("counts items the model left out already", () => {
    expect(fitAlt("", [{ label: "Phases", items: ["a"], total: 8 }])).toBe("Phases: a; and 7 more.");
  });

  it("says the phases with their dates and states, the deadlines with theirs, and today's date", () => {
    const alt = timelineAlt(timelineModel(storyAt(shippedData().defaultStory, new Date(AFTER))));
    expect(alt).toBe(
      "Timeline of Israel-Hamas ceasefire in Gaza (2025) as known on 5 Mar 2025, marked as today. Phases: Phase one, from 19 Jan 2025 to 1 Mar 2025, ended; Phase two, no dates set, not started. Deadlines: Ultimatum for Hamas to return hostages by Saturday noon (15 February 2025), due 15 Feb 2025, met; End of phase one, due 1 Mar 2025, met; Philadelphi Corridor withdrawal starts, due 1 Mar 2025, disputed; Philadelphi Corridor withdrawal complete, due 9 Mar 2025, disputed. 28 events known.",
    );
  });

  it("says how often a deadline moved when more old dates than are drawn", () => {
    const story = generateDataset().defaultStory;
    const alt = timelineAlt(timelineModel(storyAt(story, new Date("2024-12-31T12:00:00Z"))));
    expect(alt).toMatch(
      /Deadline 0, due 29 Nov 2024 \(moved \d+ times, lately from [^,]+, then [^,]+, then [^)]+\), disputed/,
    );
  });
});
