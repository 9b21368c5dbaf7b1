import { describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate-story.js";
import { storyAt } from "../../src/dataset/asof.js";
import type { Story } from "../../src/dataset/dataset.js";
import { figureModel, MAX_POINTS } from "../../src/pictures/figure-model.js";
import { ARTICLE_KNOWN, DURING, shippedData } from "../support/index.js";

const modelOf = (story: Story, id: string, at: string) => {
  const track = story.tracks.figures.find((f) => f.figure.id === id);
  if (!track) throw new Error(`no figure ${id}`);
  return figureModel(storyAt(story, new Date(at)), track);
};
const captives = (at: string) => modelOf(shippedData().defaultStory, "captives-remaining", at);

describe("figure model", () => {
  it("holds the values known at the instant, each with who says it", () => {
    expect(captives(DURING).points.map((p) => [p.day, p.amount, p.attribution])).toEqual([
      ["2025-01-24", "more than 90 captives", "Associated Press"],
      ["2025-02-01", "79 captives", "Hostages and Missing Families Forum"],
      ["2025-02-13", "76 captives", "JTA"],
      ["2025-02-15", "more than 70 captives", "Hindustan Times (AP)"],
      ["2025-02-22", "63 captives", "The Media Line"],
    ]);
  });

  it("adds Israel's count of 28 February only once the article is known", () => {
    expect(captives(ARTICLE_KNOWN).points.at(-1)).toMatchObject({
      day: "2025-02-28",
      value: 59,
      attribution: "Israel",
    });
  });

  it("gives each attribution a colour of its own, in order of first appearance", () => {
    const m = captives(DURING);
    expect(m.attributions).toEqual([
      "Associated Press",
      "Hostages and Missing Families Forum",
      "JTA",
      "Hindustan Times (AP)",
      "The Media Line",
    ]);
    expect(m.points.map((p) => p.series)).toEqual([0, 1, 2, 3, 4]);
    expect([m.others, m.max, m.total]).toEqual([false, 90, 5]);
  });

  it("keeps the latest values of a figure with more than can be drawn, counting them all", () => {
    const story = generateDataset().defaultStory;
    const track = story.tracks.figures.reduce((a, b) =>
      b.figure && b.values.entries.length > a.values.entries.length ? b : a,
    );
    const m = figureModel(storyAt(story, new Date("2025-06-01T00:00:00Z")), track);
    expect(m.total).toBeGreaterThan(MAX_POINTS);
    expect(m.points).toHaveLength(MAX_POINTS);
  });
});
