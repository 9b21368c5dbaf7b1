/**
 * How the dataset's values are said in replies: a figure with its qualifier, unit, attribution and
 * as-of date; the sources cited and the quotes behind a reply; the footer every answer carries (its
 * sources and the data's as-of date, and a warning once the clock is more than `staleAfterDays` (7)
 * past that date on the story's calendar); points in time relative to the clock; phase progress.
 */
import { describe, expect, it } from "vitest";
import { storyAt } from "../../src/dataset/asof.js";
import type { FigureValue } from "../../src/dataset/schema.js";
import { ENGLISH, wordsFor } from "../../src/language/words.js";
import {
  attributionText,
  cite,
  figureAmount,
  figureSpans,
  isPast,
  progressBar,
  relativeSpan,
  richT,
  sourceRefs,
  unitFor,
  whenSpan,
} from "../../src/reply/phrases.js";
import { plainText } from "../../src/reply/reply.js";
import { parseWhen } from "../../src/time/calendar.js";
import { AFTER, ARTICLE_KNOWN, DURING, registry, run, runText, shippedData } from "../support/index.js";

/** Several option sets per command, so footers are checked on more than the default answer. */
const OPTIONS: Record<string, Record<string, string>[]> = {
  phase: [{}, { phase: "phase-one" }, { phase: "phase-two" }],
  timeline: [{}, { page: "2" }, { tag: "talks" }, { from: "2026-01-01" }],
  deadlines: [{}, { show: "past" }, { status: "disputed" }],
  figures: [{}, { category: "captives" }, { figure: "captives-remaining" }],
  claims: [{}, { party: "israel" }],
};
/** The questions about the dataset (channel commands answer about the channel: their own specs). */
const answers = registry.list.filter((c) => c.kind !== "channel");
/** 28 Feb 2025: the article is the newest source. 5 Mar 2025: reports of 1 and 2 March are. */
const KNOWN = { during: { at: DURING, asOf: "2025-02-28" }, after: { at: AFTER, asOf: "2025-03-02" } };
const cases = answers.flatMap((c) =>
  (OPTIONS[c.name] ?? [{}]).flatMap((options) =>
    Object.entries(KNOWN).map(([clock, { at, asOf }]) => ({ name: c.name, options, clock, at, asOf })),
  ),
);
/** Each source's day of publication on the story's calendar (a source may give an instant with its offset). */
const published = new Map(
  [...shippedData().defaultStory.sourcesById.values()].map((s) => [s.id, s.published]),
);

describe("the footer of every answer", () => {
  it.each(cases)(
    "/$name $options ($clock) carries its sources, all published by then, and the as-of date",
    ({ name, options, at, asOf }) => {
      const reply = run(name, options, at);
      expect(reply.kind, JSON.stringify(reply.summary)).toBe("answer");
      expect(reply.footer?.asOf).toBe(asOf);
      const ids = reply.footer?.sources.map((s) => s.id) ?? [];
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(published.get(id) ?? "", id).not.toBe("");
      for (const id of ids)
        expect((published.get(id) ?? "") <= asOf, `${id} is not yet published`).toBe(true);
      expect(reply.footer?.staleWarning).toBeUndefined();
      const text = runText(name, options, at);
      expect(text).toMatch(/\nSources: .+\nData as of \d+ \w+ 2025\./);
      expect(text).not.toContain("⚠");
    },
  );

  it("cites the article on 28 February for what it reported", () => {
    // On 28 February it is cited for the swap of 27 February; from the end of that day for its own day's count too.
    expect(run("captives", {}, DURING).footer?.sources.map((s) => s.id)).toContain("aj-2025-02-28");
    expect(runText("captives", {}, ARTICLE_KNOWN)).toContain(
      "Sources: Israel says unclear if there is 'common ground to negotiate' (Al Jazeera, 28 Feb 2025)",
    );
  });

  it.each(answers.map((c) => c.name))("/%s warns when the newest source is more than 7 days old", (name) => {
    // On 1 April 2025 the newest source is of 18 March (the next is of 2 April).
    const reply = run(name, OPTIONS[name]?.[0] ?? {}, "2025-04-01T10:00:00Z");
    expect(reply.footer?.staleWarning).toBe("This data is 14 days old and may be out of date.");
    expect(runText(name, {}, "2025-04-01T10:00:00Z")).toContain(
      "Data as of 18 Mar 2025.\n⚠ This data is 14 days old and may be out of date.",
    );
  });

  it.each(answers.map((c) => c.name))("/%s does not warn at exactly 7 days", (name) => {
    expect(run(name, {}, "2025-03-25T10:00:00Z").footer?.staleWarning).toBeUndefined();
  });

  it("counts the data's age on the story's calendar (Jerusalem), not UTC", () => {
    // 21:59 UTC on 25 March is 23:59 in Jerusalem: 7 days. 22:30 UTC is already 26 March there.
    expect(run("captives", {}, "2025-03-25T21:59:00Z").footer?.staleWarning).toBeUndefined();
    expect(run("captives", {}, "2025-03-25T22:30:00Z").footer?.staleWarning).toBe(
      "This data is 8 days old and may be out of date.",
    );
  });

  it("follows the staleAfterDays setting", () => {
    expect(run("captives", {}, AFTER, { staleAfterDays: 2 }).footer?.staleWarning).toBe(
      "This data is 3 days old and may be out of date.",
    );
    expect(run("captives", {}, AFTER, { staleAfterDays: 3 }).footer?.staleWarning).toBeUndefined();
    expect(run("captives", {}, DURING, { staleAfterDays: 0 }).footer?.staleWarning).toBeUndefined();
  });

  it("error replies have no footer", () => {
    for (const reply of [run("timeline", { page: "9" }), run("phase", { story: "x" }), run("nope")]) {
      expect(reply.kind).toBe("error");
      expect(reply.footer).toBeUndefined();
    }
  });
});

const value = (over: Partial<FigureValue> = {}): FigureValue =>
  ({
    value: 59,
    qualifier: "exactly",
    asOf: "2025-02-28",
    attribution: "Israel",
    sourceId: "aj-2025-02-28",
    ...over,
  }) as FigureValue;

describe("a figure", () => {
  it("says one in the singular and other counts in the plural", () => {
    expect(unitFor(1, "captives")).toBe("captive");
    expect(unitFor(2, "captives")).toBe("captives");
    expect(unitFor(1, "people", "person")).toBe("person");
    expect(unitFor(1, "glass")).toBe("glass");
    expect(unitFor(1, undefined)).toBeUndefined();
  });

  it("says an Arabic count with the noun each number takes, from the unit's plural message: 0, 1, 2, 3, 11 and 100", () => {
    const prisoners =
      "{count, plural, zero {أسير} one {أسير} two {أسيران} few {أسرى} many {أسيرًا} other {أسير}}";
    const ar = wordsFor("ar");
    const said = [0, 1, 2, 3, 11, 100].map((n) =>
      figureAmount(ar, value({ value: n }), prisoners).replace(/[\u2066-\u2069\u200f]/g, ""),
    );
    expect(said).toEqual(["0 أسير", "1 أسير", "2 أسيران", "3 أسرى", "11 أسيرًا", "100 أسير"]);
  });

  it("says a Hebrew count of one in the singular from the unit's plural message", () => {
    const he = wordsFor("he");
    const captives = "{count, plural, one {חטוף} other {חטופים}}";
    expect(unitFor(1, captives, undefined, he)).toBe("חטוף");
    expect(unitFor(2, captives, undefined, he)).toBe("חטופים");
    expect(unitFor(24, captives, undefined, he)).toBe("חטופים");
  });

  it("says its qualifier, its number grouped by thousands, and its unit", () => {
    expect(figureAmount(ENGLISH, value({ value: 48_000, qualifier: "more-than" }), "people")).toBe(
      "more than 48,000 people",
    );
    expect(figureAmount(ENGLISH, value({ qualifier: "about", value: 1 }), "captives")).toBe(
      "about 1 captive",
    );
    expect(figureAmount(ENGLISH, value({ value: 12, unit: "percent", qualifier: "up-to" }), "people")).toBe(
      "up to 12%",
    );
    expect(figureAmount(ENGLISH, value({ value: 3 }), undefined)).toBe("3");
  });

  it("says whom it is according to and as of when, derived and corrected when it is", () => {
    expect(attributionText(ENGLISH, value())).toBe("according to Israel, as of 28 Feb 2025");
    expect(attributionText(ENGLISH, value({ derived: "counting both ends" } as Partial<FigureValue>))).toBe(
      "according to Israel, as of 28 Feb 2025 (derived: counting both ends)",
    );
    expect(
      attributionText(
        ENGLISH,
        value({ corrected: { on: "2025-03-02T10:00:00Z", was: 58 } } as Partial<FigureValue>),
      ),
    ).toBe("according to Israel, as of 28 Feb 2025 (corrected on 2 Mar 2025)");
  });

  it("puts its amount in bold before its attribution", () => {
    expect(figureSpans(ENGLISH, value(), "captives")).toEqual([
      { strong: "59 captives" },
      ", according to Israel, as of 28 Feb 2025",
    ]);
  });
});

describe("the sources a reply cites", () => {
  const story = shippedData().defaultStory;

  it("are each source once, in the order given, skipping ids the story lacks", () => {
    const refs = sourceRefs(story, ["aj-2025-02-28", "no-such-source", "aj-2025-02-28"]);
    expect(refs.map((r) => r.id)).toEqual(["aj-2025-02-28"]);
    expect(refs[0]).toMatchObject({ publisher: "Al Jazeera", published: "2025-02-28" });
  });

  it("come with the quotes behind the statements shown, each once, from sources published by then", () => {
    const at = storyAt(story, new Date(AFTER));
    const cited = cite(ENGLISH, at, { staleAfterDays: 7 }, [
      { what: "captives", sourceIds: ["aj-2025-02-28"], evidence: "59 captives remain." },
      { what: "captives again", sourceIds: ["aj-2025-02-28"], evidence: "59 captives remain." },
      { what: "unquoted", sourceIds: ["aj-2025-02-28"] },
    ]);
    expect(cited.footer.sources.map((s) => s.id)).toEqual(["aj-2025-02-28"]);
    expect(cited.evidence).toEqual([
      {
        what: "captives",
        quote: "59 captives remain.",
        source: expect.objectContaining({ id: "aj-2025-02-28" }),
      },
    ]);
  });

  it("quote nothing from a source not yet published", () => {
    const at = storyAt(story, new Date("2025-02-20T10:00:00Z"));
    expect(
      cite(ENGLISH, at, { staleAfterDays: 7 }, [{ what: "x", sourceIds: ["aj-2025-02-28"], evidence: "q" }])
        .evidence,
    ).toBeUndefined();
  });
});

describe("points in time", () => {
  it("are a date as it is written, and an instant as a platform timestamp with a fallback in the story's zone", () => {
    expect(whenSpan(ENGLISH, parseWhen("2025-03-01"), "Asia/Jerusalem")).toBe(
      plainText([whenSpan(ENGLISH, parseWhen("2025-03-01"), "UTC")]),
    );
    const span = whenSpan(ENGLISH, parseWhen("2025-03-01T12:00:00+02:00"), "Asia/Jerusalem", "date");
    expect(span).toMatchObject({ style: "date", instant: new Date("2025-03-01T10:00:00Z") });
  });
});

describe("relative phrases", () => {
  const context = (at: string): Date => new Date(at);
  const date = parseWhen("2025-03-01");

  it("a date is tomorrow until midnight in the story's zone, then today", () => {
    expect(plainText([relativeSpan(ENGLISH, date, context("2025-02-28T21:59:00Z"), "Asia/Jerusalem")])).toBe(
      "tomorrow",
    );
    expect(plainText([relativeSpan(ENGLISH, date, context("2025-02-28T22:00:00Z"), "Asia/Jerusalem")])).toBe(
      "today",
    );
    expect(plainText([relativeSpan(ENGLISH, date, context("2025-03-01T21:59:00Z"), "Asia/Jerusalem")])).toBe(
      "today",
    );
    expect(plainText([relativeSpan(ENGLISH, date, context("2025-03-01T22:00:00Z"), "Asia/Jerusalem")])).toBe(
      "yesterday",
    );
  });

  it("a date is past once its whole day is over in the story's zone", () => {
    expect(isPast(date, context("2025-03-01T21:59:00Z"), "Asia/Jerusalem")).toBe(false);
    expect(isPast(date, context("2025-03-01T22:00:00Z"), "Asia/Jerusalem")).toBe(true);
  });

  it("an instant is relative to the clock, to the minute", () => {
    const at = parseWhen("2025-03-01T12:00:00+02:00");
    const span = relativeSpan(ENGLISH, at, context("2025-03-01T07:00:00Z"), "Asia/Jerusalem");
    expect(plainText([span])).toBe("in 3 hours");
    expect(typeof span === "object" && "instant" in span && span.style).toBe("relative");
    expect(isPast(at, context("2025-03-01T09:59:59Z"), "Asia/Jerusalem")).toBe(false);
    expect(isPast(at, context("2025-03-01T10:00:00Z"), "Asia/Jerusalem")).toBe(true);
  });
});

describe("phase progress", () => {
  it("is a bar of ten, filled by the fraction, with its percentage, kept between 0 and 100 %", () => {
    expect(progressBar(0.5)).toBe("▓▓▓▓▓░░░░░ 50%");
    expect(progressBar(0)).toBe("░░░░░░░░░░ 0%");
    expect(progressBar(1.5)).toBe("▓▓▓▓▓▓▓▓▓▓ 100%");
    expect(progressBar(-1, 4)).toBe("░░░░ 0%");
  });
});

describe("phrases in the reader's language", () => {
  it("says a figure with its qualifier and attribution in French", () => {
    expect(
      plainText(figureSpans(wordsFor("fr"), value({ value: 48_000, qualifier: "more-than" }), "people")),
    ).toBe("plus de 48\u202f000 people, selon Israel, au 28 févr. 2025");
  });

  it("warns of stale data in Arabic's plural forms", () => {
    const ar = wordsFor("ar");
    const stale = (days: number) => ar.t("phrases.stale", { days });
    expect([1, 2, 3, 11, 100].map(stale)).toEqual([
      "عمر هذه البيانات يوم واحد وقد لا تكون محدّثة.",
      "عمر هذه البيانات يومان وقد لا تكون محدّثة.",
      "عمر هذه البيانات 3 أيام وقد لا تكون محدّثة.",
      "عمر هذه البيانات 11 يومًا وقد لا تكون محدّثة.",
      "عمر هذه البيانات 100 يوم وقد لا تكون محدّثة.",
    ]);
  });

  it("keeps a sentence whole around the instant a platform shows its own way, isolated in Hebrew", () => {
    const instant = { instant: new Date("2025-03-01T10:00:00Z"), style: "relative" as const, fallback: "x" };
    expect(richT(wordsFor("he"), "phase.ends", { when: instant })).toEqual([
      "מסתיים \u2068",
      instant,
      "\u2069",
    ]);
    expect(richT(ENGLISH, "phase.starts", { when: "tomorrow" })).toEqual(["starts tomorrow"]);
  });
});
