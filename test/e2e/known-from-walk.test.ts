import { describe, expect, it } from "vitest";
import { datasetOf, generatedStory, shippedData, walkStory } from "../support/index.js";

describe("at every instant of a story, the bot says only what was known then", () => {
  it("walks a generated story day by day: replies, reminders and updates show nothing early", () => {
    for (const seed of [1, 2, 3]) {
      const dataset = datasetOf(generatedStory(seed));
      expect(walkStory(dataset, "generated", "2025-03-30", "2025-05-25")).toEqual([]);
    }
  });

  it("walks the shipped story from before its announcement to after its last report", () => {
    const dataset = shippedData();
    const story = dataset.defaultStory;
    const days = story.sources.map((s) => s.published.slice(0, 10)).sort();
    const first = days[0] ?? story.story.asOf;
    expect(walkStory(dataset, story.story.id, first, story.story.asOf)).toEqual([]);
  }, 240_000);
});
