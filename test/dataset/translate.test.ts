/**
 * A story read in the reader's language: each text translated where the file has a translation, else
 * the English followed by "(in English)" in the reader's language, and listed as a fallback; a
 * translation known exactly when its English is; English read as it always was.
 */
import { describe, expect, it } from "vitest";
import { storyAt } from "../../src/dataset/asof.js";
import type { Story } from "../../src/dataset/dataset.js";
import { markedFallback, storyIn } from "../../src/dataset/translate.js";
import { ARTICLE_KNOWN, DURING, shippedData, shippedStory, truceDataset } from "../support/index.js";

const FSI = "\u2068";
const PDI = "\u2069";

/** The shipped story with phase one named in French, and phase two's Arabic and French names taken out. */
function story(): Story {
  const raw = shippedStory();
  raw.story.id = "translated";
  raw.story.default = false;
  raw.phases[0].translations.fr = { name: "Phase un" };
  delete raw.phases[1].translations.ar.name;
  delete raw.phases[1].translations.fr;
  return truceDataset(raw).byId.get("translated") as Story;
}

describe("a story read in a language", () => {
  const s = story();

  it("gives each text its translation", () => {
    const at = storyAt(s, new Date(DURING), "ar");
    expect(at.title).toBe("وقف إطلاق النار بين إسرائيل وحماس في غزة (2025)");
    expect(at.phases()[0]?.phase.name).toBe("المرحلة الأولى");
    expect(at.terms(at.phases()[0] as never)[0]?.text).toMatch(/^تبادل المحتجزين في غزة/);
    expect(storyAt(s, new Date(DURING), "fr").phases()[0]?.phase.name).toBe("Phase un");
  });

  it("gives the English, isolated and marked in the reader's language, where a translation is missing", () => {
    const at = storyAt(s, new Date(ARTICLE_KNOWN), "ar");
    const two = at.phases().find((p) => p.phase.id === "phase-two");
    expect(two?.phase.name).toBe(`${FSI}Phase two${PDI} (بالإنجليزية)`);
    expect(storyAt(s, new Date(ARTICLE_KNOWN), "fr").phases()[1]?.phase.name).toBe("Phase two (en anglais)");
    expect(storyAt(s, new Date(ARTICLE_KNOWN), "he").phases()[1]?.phase.name).toBe("השלב השני");
  });

  it("lists what fell back to English, with its path, its English and how it shows", () => {
    const at = storyAt(s, new Date(ARTICLE_KNOWN), "ar");
    expect(at.fallbacks).toContainEqual({
      path: "phases[1].name",
      english: "Phase two",
      shown: `${FSI}Phase two${PDI} (بالإنجليزية)`,
    });
    expect(at.fallbacks.map((f) => f.path)).not.toContain("phases[0].name");
  });

  it("marks the fallback after the text, in each language's own words", () => {
    expect(markedFallback("Phase two", "fr")).toBe("Phase two (en anglais)");
    expect(markedFallback("Phase two", "he")).toBe(`${FSI}Phase two${PDI} (באנגלית)`);
  });

  it("is English as it always was: the same story, nothing marked", () => {
    const at = storyAt(s, new Date(DURING));
    expect(at.story).toBe(s);
    expect(at.language).toBe("en");
    expect(at.fallbacks).toEqual([]);
    expect(at.phases()[0]?.phase.name).toBe("Phase one");
  });

  it("is read once per language and kept", () => {
    expect(storyIn(s, "he").story).toBe(storyIn(s, "he").story);
  });
});

describe("a translation is known exactly when its English is", () => {
  const s = shippedData().defaultStory;
  // Phase one's third status (from 28 February) is known from the Al Jazeera article of that day.
  const note = (at: string, language: "en" | "ar" | "he") =>
    storyAt(s, new Date(at), language)
      .phases()
      .find((p) => p.phase.id === "phase-one")?.statusChange?.note;

  it("is not shown before its source is published, in any language", () => {
    const before = "2025-02-27T10:00:00Z";
    expect(note(before, "en") ?? "").not.toMatch(/last planned swap/);
    expect(note(before, "ar") ?? "").not.toMatch(/آخر عملية تبادل/);
    expect(note(before, "he") ?? "").not.toMatch(/עסקת ההחלפה האחרונה/);
    expect(note(before, "ar") === undefined).toBe(note(before, "en") === undefined);
  });

  it("is shown from the instant the English is", () => {
    expect(note(ARTICLE_KNOWN, "en")).toMatch(/^The last planned swap of phase one/);
    expect(note(ARTICLE_KNOWN, "ar")).toMatch(/^جرت آخر عملية تبادل مقررة في المرحلة الأولى/);
    expect(note(ARTICLE_KNOWN, "he")).toMatch(/^עסקת ההחלפה האחרונה/);
  });

  it("follows the English at every instant: the same items, the same histories, in every language", () => {
    const shape = (at: string, language: "en" | "ar" | "he" | "fr") => {
      const view = storyAt(s, new Date(at), language);
      return {
        phases: view.phases().map((p) => [p.phase.id, p.status, p.statusChange?.from, view.terms(p).length]),
        deadlines: view.deadlines().map((d) => [d.deadline.id, d.status, d.version.version]),
        figures: view.figures().map((f) => [f.figure.id, f.latest.value, f.latest.asOf]),
        events: view.events()?.count(view.t),
        people: view.people().length,
      };
    };
    for (const at of [
      "2025-01-10T10:00:00Z",
      "2025-01-19T10:00:00Z",
      DURING,
      ARTICLE_KNOWN,
      "2025-10-14T10:00:00Z",
    ]) {
      for (const language of ["ar", "he", "fr"] as const)
        expect(shape(at, language)).toEqual(shape(at, "en"));
    }
  });
});

describe("a phase's derived dates in a language", () => {
  // Phase one's end is derived from its start and length: the explanation /phase shows.
  const withoutArabic = (): Story => {
    const raw = shippedStory();
    raw.story.id = "derived";
    raw.story.default = false;
    delete raw.phases[0].translations.ar.endDerived;
    return truceDataset(raw).byId.get("derived") as Story;
  };
  const s = withoutArabic();
  const endDerived = (language: "ar" | "he" | "fr") =>
    storyAt(s, new Date(DURING), language)
      .phases()
      .find((p) => p.phase.id === "phase-one")?.phase.endDerived;
  const english = shippedStory().phases[0].endDerived as string;

  it("shows the English marked as such where the file has no translation", () => {
    expect(english).toMatch(/^Six weeks \(42 days\)/);
    expect(endDerived("ar")).toBe(`${FSI}${english}${PDI} (بالإنجليزية)`);
    expect(storyAt(s, new Date(DURING), "ar").fallbacks).toContainEqual({
      path: "phases[0].endDerived",
      english,
      shown: `${FSI}${english}${PDI} (بالإنجليزية)`,
    });
  });

  it("shows the translation where the file has one, unmarked", () => {
    expect(endDerived("he")).toMatch(/^שישה שבועות \(42 ימים\)/);
    expect(endDerived("fr")).toMatch(/^Six semaines \(42 jours\)/);
    const fallbacks = storyAt(s, new Date(DURING), "he").fallbacks.map((f) => f.path);
    expect(fallbacks).not.toContain("phases[0].endDerived");
  });
});
