import { describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate-story.js";
import { storyAt } from "../../src/dataset/asof.js";
import type { Story } from "../../src/dataset/dataset.js";
import { ALT_MAX } from "../../src/pictures/alt-text.js";
import { FIGURE_HEIGHT, FIGURE_WIDTH, figureDrawing } from "../../src/pictures/figure-chart.js";
import { ARTICLE_KNOWN, DURING, NOTHING_KNOWN, shippedData } from "../support/index.js";

const drawingOf = (story: Story, id: string, at: string) => {
  const track = story.tracks.figures.find((f) => f.figure.id === id);
  if (!track) throw new Error(`no figure ${id}`);
  return figureDrawing(storyAt(story, new Date(at)), track);
};
const captives = (at: string) => drawingOf(shippedData().defaultStory, "captives-remaining", at);
const points = (svg: string) =>
  [...svg.matchAll(/data-value="([^"]+)" data-day="([^"]+)"/g)].map((m) => `${m[2]}:${m[1]}`);

describe("figure chart", () => {
  it("draws nothing before any value is known", () => {
    expect(captives(NOTHING_KNOWN)).toBeUndefined();
  });

  it("draws a step for each value known at the instant, and none not yet known", () => {
    const during = captives(DURING)?.svg ?? "";
    expect(points(during)).toEqual([
      "2025-01-24:90",
      "2025-02-01:79",
      "2025-02-13:76",
      "2025-02-15:70",
      "2025-02-22:63",
    ]);
    expect(points(captives(ARTICLE_KNOWN)?.svg ?? "")).toContain("2025-02-28:59");
    expect(during).toContain('data-today="2025-02-28"');
  });

  it("says who says each value, in the legend and in the alt text", () => {
    const drawing = captives(DURING);
    expect(drawing?.svg).toContain("according to Associated Press");
    expect(drawing?.svg).toContain("according to The Media Line");
    expect(drawing?.alt).toBe(
      "Step chart of Captives remaining in Gaza as known on 28 Feb 2025: 5 values from 24 Jan 2025 to 22 Feb 2025. Values, latest first: 22 Feb 2025: 63 captives, according to The Media Line; 15 Feb 2025: more than 70 captives, according to Hindustan Times (AP); 13 Feb 2025: 76 captives, according to JTA; 1 Feb 2025: 79 captives, according to Hostages and Missing Families Forum; 24 Jan 2025: more than 90 captives, according to Associated Press.",
    );
    expect([drawing?.width, drawing?.height]).toEqual([FIGURE_WIDTH, FIGURE_HEIGHT]);
    expect(drawing?.parts).toEqual(["gaza-2025", "captives-remaining", "2025-02-28"]);
  });

  it("draws a figure of 1,200 values with at most 400 points, saying how many are left out", () => {
    const story = generateDataset().defaultStory;
    const track = story.tracks.figures.reduce((a, b) =>
      b.values.entries.length > a.values.entries.length ? b : a,
    );
    const drawing = figureDrawing(storyAt(story, new Date("2025-06-01T00:00:00Z")), track);
    expect(points(drawing?.svg ?? "")).toHaveLength(400);
    expect(drawing?.svg).toMatch(/the latest 400 of 1,\d{3} values/);
    expect(drawing?.alt).toMatch(/and \d[\d,]* earlier values\.$/);
    expect([...(drawing?.alt ?? "")].length).toBeLessThanOrEqual(ALT_MAX);
  });
});
