/**
 * The shipped story says what its source says. Every number is checked against the article text
 * itself (shared/sources/article-2025-02-28.txt, kept beside the repository), not against a copy.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Story } from "../../src/dataset/dataset.js";
import { addDays, daysBetween, formatLongDate } from "../../src/time/calendar.js";
import { repoRoot, shippedData } from "../fixtures/story.js";

const articlePath = resolve(repoRoot, "../shared/sources/article-2025-02-28.txt");
if (!existsSync(articlePath)) {
  throw new Error(
    `The source article is missing: ${articlePath}. The curation tests read it; check out shared/ beside the repository.`,
  );
}
/** The article with typographic quotes made plain, so data quoting it can be compared. */
const article = readFileSync(articlePath, "utf8").replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const sentences = article.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== "");

const story: Story = shippedData().defaultStory;

const WORDS: Record<number, string> = {
  1: "one",
  2: "two",
  3: "three",
  4: "four",
  5: "five",
  6: "six",
  7: "seven",
  8: "eight",
  9: "nine",
  10: "ten",
  11: "eleven",
  12: "twelve",
};

/** How the article may write a number: 48000 as "48,000" or "48000", 4 as "4" or "four". */
function spellings(n: number): string[] {
  const out = [String(n), new Intl.NumberFormat("en-US").format(n)];
  const word = WORDS[n];
  if (word) out.push(word, word[0]?.toUpperCase() + word.slice(1));
  return [...new Set(out)];
}

function mentions(text: string, n: number): boolean {
  return spellings(n).some((s) => new RegExp(`(^|[^\\d,])${s.replace(",", "\\,")}(?![\\d,]\\d)`).test(text));
}

const QUALIFIER_WORDS: Record<string, string | undefined> = {
  exactly: undefined,
  "more-than": "more than",
  "fewer-than": "fewer than",
  about: "about",
  "at-least": "at least",
  "up-to": "up to",
};

function figure(id: string) {
  const f = story.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
}
function latest(id: string) {
  const f = figure(id);
  const v = f.values[f.values.length - 1];
  if (!v) throw new Error(`figure ${id} has no values`);
  return v;
}

/** The article's own date, from its first line ("date 2025-02-28 …"). */
const articleDate = /date (\d{4}-\d{2}-\d{2})/.exec(article)?.[1] ?? "";

/** The first date after `from` that falls on `weekday` (0 = Sunday). */
function nextWeekday(from: string, weekday: number): string {
  for (let i = 1; i <= 7; i++) {
    const d = addDays(from, i);
    if (new Date(`${d}T00:00:00Z`).getUTCDay() === weekday) return d;
  }
  throw new Error("unreachable");
}

describe("the source", () => {
  it("is the article, published on the article's date", () => {
    expect(articleDate).toBe("2025-02-28");
    expect(story.sources.map((s) => s.id)).toEqual(["aj-2025-02-28"]);
    expect(story.sources[0]?.published).toBe(articleDate);
    expect(article).toContain("told Al Jazeera");
    expect(story.story.asOf).toBe(articleDate);
  });
});

describe("the captives", () => {
  it("59 remain in Gaza, according to Israel", () => {
    const v = latest("captives-remaining");
    expect([v.value, v.qualifier, v.attribution]).toEqual([59, "exactly", "Israel"]);
    expect(article).toContain("According to Israel, there are 59 captives remaining in Gaza");
  });

  it("24 are believed alive, according to Israel", () => {
    const v = latest("captives-believed-alive");
    expect([v.value, v.qualifier, v.attribution]).toEqual([24, "exactly", "Israel"]);
    expect(article).toContain("24 of whom are still believed to be alive");
  });

  it("the remains of 4 captives were handed over in the last swap", () => {
    const v = latest("captives-remains-returned-last-swap");
    expect(v.value).toBe(4);
    expect(article).toContain("handed over the remains of four captives");
  });
});

describe("the prisoners", () => {
  it("more than 600 were exchanged in the last swap", () => {
    const v = latest("prisoners-released-last-swap");
    expect([v.value, v.qualifier]).toEqual([600, "more-than"]);
    expect(article).toContain("in exchange for more than 600 Palestinian prisoners");
  });

  it("the release of 46 was postponed", () => {
    const v = latest("prisoners-release-postponed");
    expect([v.value, v.qualifier]).toEqual([46, "exactly"]);
    expect(article).toContain("postponed the release of 46 of these prisoners");
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
    const sentence = sentences.find((s) => s.includes("48,000"));
    expect(sentence).toContain("more than 48,000 Palestinians");
    expect(sentence).toContain("according to Palestinian health officials");
  });
});

describe("the dates", () => {
  it("the ceasefire began on 2025-01-19", () => {
    expect(article).toContain("began on January 19");
    expect(story.phases[0]?.start).toBe("2025-01-19");
    expect(story.events.find((e) => e.id === "ceasefire-begins")?.when).toBe("2025-01-19");
  });

  it("phase one ends on 2025-03-01, the Saturday after the article, marked derived", () => {
    expect(article).toContain("the first phase of which ends on Saturday");
    const saturday = nextWeekday(articleDate, 6);
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
    expect(article).toContain("supposed to begin pulling out of the corridor on Saturday");
    expect(article).toContain("would not withdraw as planned from the Philadelphi Corridor");
    const d = story.deadlinesById.get("philadelphi-withdrawal-start");
    expect([d?.due, d?.status]).toEqual([nextWeekday(articleDate, 6), "disputed"]);
    expect(d?.derived).toBeTruthy();
  });

  it("the Philadelphi withdrawal completes by 2025-03-09, derived from 'within eight days'", () => {
    expect(article).toContain("finish doing so within eight days");
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
    expect(article).toContain("mediators from Qatar and the United States");
    expect(story.parties.filter((p) => p.role === "mediator").map((p) => p.name)).toEqual([
      "Qatar",
      "United States",
    ]);
  });

  it("the talks are in Cairo, hosted by Egypt", () => {
    expect(article).toContain("in Cairo");
    expect(story.parties.filter((p) => p.role === "host").map((p) => p.name)).toEqual(["Egypt"]);
  });

  it("every person is named in the article", () => {
    for (const p of story.people) expect(article, p.name).toContain(p.name);
  });
});

describe("every figure", () => {
  const values = story.figures.flatMap((f) => f.values.map((v, i) => ({ f, v, i })));

  it("has an attribution and a known source", () => {
    expect(values.length).toBeGreaterThan(0);
    for (const { f, v } of values) {
      expect(v.attribution.trim(), f.id).not.toBe("");
      expect(story.sourcesById.has(v.sourceId), `${f.id}: source ${v.sourceId}`).toBe(true);
    }
  });

  it("states a number the article states, as digits or words, with the same qualifier", () => {
    for (const { f, v } of values) {
      if (v.derived) continue; // derived values are checked against their derivation above
      const sentence = sentences.find((s) => mentions(s, v.value));
      expect(sentence, `${f.id}: ${v.value} is not in the article`).toBeDefined();
      const qualifier = QUALIFIER_WORDS[v.qualifier];
      if (qualifier) {
        const found = sentences.some((s) =>
          spellings(v.value).some((n) => s.toLowerCase().includes(`${qualifier} ${n.toLowerCase()}`)),
        );
        expect(found, `${f.id}: the article does not say "${qualifier} ${v.value}"`).toBe(true);
      }
    }
  });

  it("attributed to someone other than the publisher is attributed so in the article", () => {
    for (const { f, v } of values) {
      if (v.attribution === "Al Jazeera") continue;
      const sentence = sentences.find((s) => mentions(s, v.value) && s.includes(v.attribution));
      expect(sentence, `${f.id}: no sentence with ${v.value} and "${v.attribution}"`).toBeDefined();
    }
  });

  it("derived values say how they were derived", () => {
    const derived = values.filter(({ v }) => v.derived);
    expect(derived.map(({ f }) => f.id)).toEqual(["phase-one-days"]);
  });
});

describe("every quote", () => {
  it("appears word for word in the article", () => {
    for (const c of story.claims) {
      if (!c.quote) continue;
      // A quote of several sentences may be split by "…, he said" in the article: check each sentence.
      const parts = c.quote.split(/(?<=[.!?]) /).map((p) => p.replace(/[.,!?]$/, ""));
      for (const part of parts) expect(article, `${c.id}: "${part}"`).toContain(part);
    }
  });
});
