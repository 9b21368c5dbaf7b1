/**
 * What the shipped story says: at the end of 28 February 2025 (when the facts of its own day become
 * known) what the article of that day (Al Jazeera) says, before it what earlier reports say, and after
 * it what later reports say. That the article's text says so too is checked by
 * `ceasefire-bot validate --sources`, which CI runs against the archived text beside the repository
 * (see test/dataset/source-check.test.ts for the check).
 */
import { describe, expect, it } from "vitest";
import { storyAt } from "../../src/dataset/asof.js";
import { type Story, sortKeyOf } from "../../src/dataset/dataset.js";
import type { PartyRole } from "../../src/dataset/schema.js";
import { addDays, daysBetween, formatLongDate, parseWhen } from "../../src/time/calendar.js";
import { ARTICLE_KNOWN, DURING, shippedData } from "../support/index.js";

const story: Story = shippedData().defaultStory;
const published = "2025-02-28";

/**
 * A figure's value in force at an instant (default: 00:30 on 1 March 2025 in Jerusalem, the first
 * instant the article's figures of its own day, 28 February, are known).
 */
function latest(id: string, at = ARTICLE_KNOWN) {
  const track = story.tracks.figures.find((x) => x.figure.id === id);
  const v = track ? storyAt(story, new Date(at)).figureNow(track)?.latest : undefined;
  if (!v) throw new Error(`no figure ${id} with a value at ${at}`);
  return v;
}

/** The parties that have a role at an instant. */
const partiesWith = (role: PartyRole, at: string) =>
  storyAt(story, new Date(at))
    .parties()
    .filter((p) => p.roles.includes(role));

/** A deadline's status in force at an instant. */
const statusAt = (id: string, at: string) => {
  const track = story.tracks.deadlinesById.get(id);
  return track ? storyAt(story, new Date(at)).deadlineNow(track)?.status : undefined;
};

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
    expect(
      story.sources[0] && [story.sources[0].id, story.sources[0].published, story.sources[0].archive],
    ).toEqual(["aj-2025-02-28", published, "article-2025-02-28.txt"]);
  });

  it("is followed by later reports, each with its publisher, address and date, up to the story's as-of date", () => {
    expect(story.sources.length).toBeGreaterThan(200);
    for (const s of story.sources.slice(1)) {
      expect(s.publisher, s.id).toBeTruthy();
      expect(s.url, s.id).toMatch(/^https?:\/\//);
      expect(s.published <= story.story.asOf, s.id).toBe(true);
    }
    expect(story.story.asOf).toBe("2026-07-01");
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

  it("before the article's own-day figures are known, 63 remain, according to The Media Line on 22 February", () => {
    const v = latest("captives-remaining", DURING);
    expect([v.value, v.qualifier, v.attribution, v.asOf]).toEqual([
      63,
      "exactly",
      "The Media Line",
      "2025-02-22",
    ]);
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
    expect(story.events.find((e) => e.id === "ceasefire-begins")?.when).toBe("2025-01-19T11:15:00+02:00");
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
    expect([d?.due, statusAt("philadelphi-withdrawal-start", ARTICLE_KNOWN)]).toEqual([
      next("Saturday", published),
      "disputed",
    ]);
    expect(d?.derived).toBeTruthy();
  });

  it("the Philadelphi withdrawal completes by 2025-03-09, derived from 'within eight days'", () => {
    const start = story.deadlinesById.get("philadelphi-withdrawal-start")?.due ?? "";
    const d = story.deadlinesById.get("philadelphi-withdrawal-complete");
    expect(d?.due).toBe(addDays(start, 8));
    expect(d?.due).toBe("2025-03-09");
    expect(statusAt("philadelphi-withdrawal-complete", ARTICLE_KNOWN)).toBe("disputed");
    expect(d?.derived).toMatch(/eight days/);
    expect(formatLongDate(d?.due ?? "")).toBe("Sunday 9 March 2025");
  });
});

describe("the parties", () => {
  it("the mediators are Qatar, the United States and Egypt, from the announcement of 15 January", () => {
    const names = (at: string) => partiesWith("mediator", at).map((p) => p.party.name);
    expect(names("2025-01-17T10:00:00Z")).toEqual(["Qatar", "United States", "Egypt"]);
    expect(names(ARTICLE_KNOWN)).toEqual(["Qatar", "United States", "Egypt"]);
  });

  it("the talks are in Cairo, hosted by Egypt", () => {
    const hosts = partiesWith("host", ARTICLE_KNOWN);
    expect(hosts.map((p) => p.party.name)).toEqual(["Egypt"]);
    expect(hosts[0]?.change.note).toContain("Cairo");
  });

  it("the guarantors of the October 2025 ceasefire are the United States, Egypt, Qatar and Turkey, from 13 October 2025", () => {
    expect(partiesWith("guarantor", "2025-10-12T10:00:00Z")).toEqual([]);
    expect(
      partiesWith("guarantor", "2025-10-14T10:00:00Z")
        .map((p) => p.party.name)
        .sort(),
    ).toEqual(["Egypt", "Qatar", "Turkey", "United States"]);
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

  it("is stated by its source, or says how it was derived", () => {
    const derived = values.filter(({ v }) => v.derived && v.sourceId === "aj-2025-02-28");
    expect(derived.map(({ f }) => f.id)).toEqual([]);
    const days = latest("phase-one-days");
    expect([days.sourceId, days.derived]).toEqual(["dw-2025-01-18", expect.stringContaining("Six weeks")]);
    for (const { v } of values.filter(({ v }) => v.derived)) expect(v.derived?.length).toBeGreaterThan(20);
  });
});

describe("what happened next, as later reports tell it", () => {
  it("phase one ended on 1 March without agreement on phase two, and the truce collapsed on 18 March", () => {
    const phase = (at: string) =>
      storyAt(story, new Date(at))
        .phases()
        .find((p) => p.phase.id === "phase-one");
    expect(phase("2025-03-01T10:00:00Z")?.status).toBe("active");
    expect(phase("2025-03-05T10:00:00Z")?.status).toBe("ended");
    expect(phase("2025-03-19T10:00:00Z")?.status).toBe("collapsed");
  });

  it("the Philadelphi withdrawal was missed, as Hamas said on 10 March", () => {
    expect(statusAt("philadelphi-withdrawal-start", "2025-03-09T10:00:00Z")).toBe("disputed");
    expect(statusAt("philadelphi-withdrawal-start", "2025-03-10T10:00:00Z")).toBe("missed");
    // The missed completion is a fact of the report's own day (10 March, no time): known from its end.
    expect(statusAt("philadelphi-withdrawal-complete", "2025-03-10T10:00:00Z")).toBe("disputed");
    expect(statusAt("philadelphi-withdrawal-complete", "2025-03-10T22:00:00Z")).toBe("missed");
  });

  it("the captives held in Gaza fell from 59 to none by 26 January 2026", () => {
    expect(latest("captives-remaining", "2025-05-13T10:00:00Z").value).toBe(58);
    expect(latest("captives-remaining", "2025-10-14T10:00:00Z").value).toBe(24);
    const last = latest("captives-remaining", "2026-02-01T10:00:00Z");
    expect([last.value, last.sourceId]).toEqual([0, "npr-2026-01-26"]);
  });
});

describe("the timeline", () => {
  it("has at least three sourced events in every month from January 2025 to June 2026", () => {
    const perMonth = new Map<string, number>();
    for (const e of story.events) {
      if (!e.sourceIds?.length) continue;
      const month = sortKeyOf(parseWhen(e.when), story.story.timeZone).day.slice(0, 7);
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    // January 2025 to June 2026: 18 months.
    const months = Array.from(
      { length: 18 },
      (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
    );
    expect([months[0], months.at(-1)]).toEqual(["2025-01", "2026-06"]);
    const thin = months.filter((m) => (perMonth.get(m) ?? 0) < 3).map((m) => `${m}: ${perMonth.get(m) ?? 0}`);
    expect(thin).toEqual([]);
  });
});
