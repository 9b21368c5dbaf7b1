import { describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate-story.js";
import { storyAt } from "../../src/dataset/asof.js";
import { MAX_DEADLINES, MAX_PREVIOUS, timelineModel } from "../../src/pictures/timeline-model.js";
import { parseWhen } from "../../src/time/calendar.js";
import { AFTER, DURING, NOTHING_KNOWN, shippedData, truceDataset } from "../support/index.js";

const gaza = (at: string) => timelineModel(storyAt(shippedData().defaultStory, new Date(at)));
const truce = (at: string) => timelineModel(storyAt(truceDataset().defaultStory, new Date(at)));
const deadlines = (m: ReturnType<typeof gaza>) => m.deadlines.map((d) => [d.id, d.status]);

describe("timeline model", () => {
  it("holds nothing before the first report", () => {
    const m = gaza(NOTHING_KNOWN);
    expect([m.phasesTotal, m.deadlinesTotal, m.eventsTotal]).toEqual([0, 0, 0]);
  });

  it("holds only what was known on 14 February: phase one in force, the ultimatum still scheduled", () => {
    const m = gaza("2025-02-14T10:00:00Z");
    expect(m.phases.map((p) => [p.id, p.state, p.startDay, p.endDay])).toEqual([
      ["phase-one", "in-force", "2025-01-19", "2025-03-01"],
    ]);
    expect(deadlines(m)).toEqual([
      ["saturday-noon-hostage-ultimatum-2025-02-15", "scheduled"],
      ["phase-one-end", "scheduled"],
    ]);
  });

  it("adds phase two and the Philadelphi deadlines by 28 February, and their outcomes by 5 March", () => {
    expect(gaza(DURING).phases.map((p) => [p.id, p.state])).toEqual([
      ["phase-one", "in-force"],
      ["phase-two", "not-started"],
    ]);
    expect(deadlines(gaza(AFTER))).toEqual([
      ["saturday-noon-hostage-ultimatum-2025-02-15", "met"],
      ["phase-one-end", "met"],
      ["philadelphi-withdrawal-start", "disputed"],
      ["philadelphi-withdrawal-complete", "disputed"],
    ]);
  });

  it("spans the story from its first report to a while after the instant, the minute of the instant as today", () => {
    const m = gaza(DURING);
    expect(m.from).toBeLessThan(Date.parse("2025-01-15T00:00:00Z"));
    expect(m.to).toBeGreaterThan(Date.parse("2025-03-09T00:00:00Z"));
    expect(m.now).toBe(Date.parse(DURING));
    expect(m.today).toBe("2025-02-28");
    // The attack of 7 October 2023 is known, but before the span: it is counted, not drawn.
    expect(m.eventStrip().before).toBe(1);
  });

  it("gives a moved deadline its old due date only once the move is known", () => {
    expect(truce("2025-01-25T08:00:00Z").deadlines.find((d) => d.id === "handover")).toMatchObject({
      status: "scheduled",
      dueDay: "2025-01-26",
      previous: [],
    });
    expect(truce("2025-01-26T08:00:00Z").deadlines.find((d) => d.id === "handover")).toMatchObject({
      status: "extended",
      dueDay: "2025-02-18",
      previous: [{ day: "2025-01-26" }],
    });
  });

  it("gives a phase whose end moved its planned end, and runs it on once in force until further notice", () => {
    expect(truce("2025-02-05T08:00:00Z").phases[0]?.plannedEnd).toBeUndefined();
    expect(truce("2025-02-15T08:00:00Z").phases[0]).toMatchObject({
      endDay: "2025-02-20",
      plannedEnd: { day: "2025-02-10" },
    });
    expect(truce("2025-02-21T08:00:00Z").phases[0]).toMatchObject({
      open: true,
      plannedEnd: { day: "2025-02-10" },
    });
  });

  it("highlights a page's span from its first event's day to the end of its last", () => {
    const story = storyAt(shippedData().defaultStory, new Date(DURING));
    const m = timelineModel(story, {
      window: { from: parseWhen("2025-02-01"), to: parseWhen("2025-02-08") },
    });
    expect(m.window).toEqual({
      from: Date.parse("2025-01-31T22:00:00Z"),
      to: Date.parse("2025-02-08T22:00:00Z"),
    });
  });

  it("caps the deadlines and their old dates of a 10,000-event story, the nearest to the instant kept", () => {
    const story = generateDataset().defaultStory;
    const m = timelineModel(storyAt(story, new Date("2024-12-31T12:00:00Z")));
    expect(m.eventsTotal).toBeGreaterThan(9_000);
    expect(m.deadlines.length).toBeLessThanOrEqual(MAX_DEADLINES);
    for (const d of m.deadlines) expect(d.previous.length).toBeLessThanOrEqual(MAX_PREVIOUS);
    const strip = m.eventStrip();
    expect(strip.buckets.reduce((a, b) => a + b, 0) + strip.before).toBe(m.eventsTotal);
  });
});
