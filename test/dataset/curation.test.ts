/**
 * What the shipped story says, as curated from its source (Al Jazeera, 28 February 2025). That the
 * source's text says so too is checked by `ceasefire-bot validate --sources`, which CI runs against
 * the archived texts beside the repository (see test/dataset/source-check.test.ts for the check).
 */
import { describe, expect, it } from "vitest";
import type { Story } from "../../src/dataset/dataset.js";
import { addDays, daysBetween, formatLongDate } from "../../src/time/calendar.js";
import { shippedData } from "../fixtures/story.js";

const story: Story = shippedData().defaultStory;
const published = "2025-02-28";

function latest(id: string) {
  const f = story.figures.find((x) => x.id === id);
  const v = f?.values[f.values.length - 1];
  if (!v) throw new Error(`no figure ${id} with a value`);
  return v;
}

/** The first date after `from` that is a `weekday` ("Saturday"). */
function next(weekday: string, from: string): string {
  for (let i = 1; i <= 7; i++) {
    const d = addDays(from, i);
    if (formatLongDate(d).startsWith(weekday)) return d;
  }
  throw new Error(`not a weekday: ${weekday}`);
}

describe("the source", () => {
  it("is the article of 28 February 2025, whose text is archived as article-2025-02-28.txt", () => {
    expect(story.sources.map((s) => [s.id, s.published, s.archive])).toEqual([
      ["aj-2025-02-28", published, "article-2025-02-28.txt"],
    ]);
    expect(story.story.asOf).toBe(published);
  });
});

describe("the captives", () => {
  it("59 remain in Gaza, according to Israel", () => {
    const v = latest("captives-remaining");
    expect([v.value, v.qualifier, v.attribution]).toEqual([59, "exactly", "Israel"]);
  });

  it("24 are believed alive, according to Israel", () => {
    const v = latest("captives-believed-alive");
    expect([v.value, v.qualifier, v.attribution]).toEqual([24, "exactly", "Israel"]);
  });

  it("the remains of 4 captives were handed over in the last swap", () => {
    expect(latest("captives-remains-returned-last-swap").value).toBe(4);
  });
});

describe("the prisoners", () => {
  it("more than 600 were exchanged in the last swap", () => {
    const v = latest("prisoners-released-last-swap");
    expect([v.value, v.qualifier]).toEqual([600, "more-than"]);
  });

  it("the release of 46 was postponed", () => {
    const v = latest("prisoners-release-postponed");
    expect([v.value, v.qualifier]).toEqual([46, "exactly"]);
  });
});

describe("the casualties", () => {
  it("more than 48,000 Palestinians killed, according to Palestinian health officials", () => {
    const v = latest("palestinians-killed");
    expect([v.value, v.qualifier, v.attribution]).toEqual([
      48000,
      "more-than",
      "Palestinian health officials",
    ]);
  });
});

describe("the dates", () => {
  it("the ceasefire began on 2025-01-19", () => {
    expect(story.phases[0]?.start).toBe("2025-01-19");
    expect(story.events.find((e) => e.id === "ceasefire-begins")?.when).toBe("2025-01-19");
  });

  it("phase one ends on 2025-03-01, the Saturday after the article, marked derived", () => {
    const saturday = next("Saturday", published);
    expect(saturday).toBe("2025-03-01");
    const phaseOne = story.phases.find((p) => p.id === "phase-one");
    expect(phaseOne?.end).toBe(saturday);
    expect(phaseOne?.endDerived).toContain("Saturday");
    const deadline = story.deadlinesById.get("phase-one-end");
    expect(deadline?.due).toBe(saturday);
    expect(deadline?.derived).toBeTruthy();
    expect(story.events.find((e) => e.id === "phase-one-ends")?.derived).toBeTruthy();
  });

  it("phase one is 42 days long, counting both ends, and says it is derived", () => {
    const phaseOne = story.phases.find((p) => p.id === "phase-one");
    expect(daysBetween("2025-01-19", "2025-03-01") + 1).toBe(42);
    expect(phaseOne?.lengthDays).toBe(42);
    expect(phaseOne?.lengthDerived).toBeTruthy();
    expect(latest("phase-one-days").derived).toBeTruthy();
  });

  it("the Philadelphi withdrawal starts on 2025-03-01 and is disputed", () => {
    const d = story.deadlinesById.get("philadelphi-withdrawal-start");
    expect([d?.due, d?.status]).toEqual([next("Saturday", published), "disputed"]);
    expect(d?.derived).toBeTruthy();
  });

  it("the Philadelphi withdrawal completes by 2025-03-09, derived from 'within eight days'", () => {
    const start = story.deadlinesById.get("philadelphi-withdrawal-start")?.due ?? "";
    const d = story.deadlinesById.get("philadelphi-withdrawal-complete");
    expect(d?.due).toBe(addDays(start, 8));
    expect(d?.due).toBe("2025-03-09");
    expect(d?.status).toBe("disputed");
    expect(d?.derived).toMatch(/eight days/);
    expect(formatLongDate(d?.due ?? "")).toBe("Sunday 9 March 2025");
  });
});

describe("the parties", () => {
  it("the mediators are Qatar and the United States", () => {
    expect(story.parties.filter((p) => p.role === "mediator").map((p) => p.name)).toEqual([
      "Qatar",
      "United States",
    ]);
  });

  it("the talks are in Cairo, hosted by Egypt", () => {
    expect(story.parties.filter((p) => p.role === "host").map((p) => p.name)).toEqual(["Egypt"]);
  });
});

describe("every figure", () => {
  const values = story.figures.flatMap((f) => f.values.map((v) => ({ f, v })));

  it("has an attribution and a known source", () => {
    expect(values.length).toBeGreaterThan(0);
    for (const { f, v } of values) {
      expect(v.attribution.trim(), f.id).not.toBe("");
      expect(story.sourcesById.has(v.sourceId), `${f.id}: source ${v.sourceId}`).toBe(true);
    }
  });

  it("is stated by the source but phase one's length, which says how it was derived", () => {
    const derived = values.filter(({ v }) => v.derived);
    expect(derived.map(({ f }) => f.id)).toEqual(["phase-one-days"]);
  });
});
