/**
 * The shipped Gaza story in Arabic and Hebrew: every text a reminder, `/phase`, `/captives` and
 * `/deadlines` show has its translation, so a reader of either language never meets an English
 * fallback there: the derived explanations (how a date or a value was worked out) and the events'
 * too. Any text added to those without its Arabic and Hebrew fails this spec.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { storyAt } from "../../src/dataset/asof.js";
import { missingTranslations } from "../../src/dataset/schema-translations.js";
import { shippedData, shippedDataDir } from "../support/index.js";

const story = shippedData().defaultStory;

/** The figures `/captives` shows: captives and prisoners. */
const captiveFigures = new Set(
  story.figures.flatMap((f, i) => (f.category === "captives" || f.category === "prisoners" ? [i] : [])),
);

/** The texts those replies and the reminders show, by path. */
const SHOWN: readonly RegExp[] = [
  /^story\.title$/,
  /^phases\[\d+\]\.(name|statusNote|startDerived|endDerived|lengthDerived)$/,
  /^phases\[\d+\]\.(status|moves)\[\d+\]\.(note|attribution)$/,
  /^phases\[\d+\]\.terms\[\d+\]\.text$/,
  /^deadlines\[\d+\]\.(title|phrase|statusNote|derived)$/,
  /^deadlines\[\d+\]\.(status|moves)\[\d+\]\.(note|attribution)$/,
  /^parties\[\d+\]\.name$/,
  /^people\[\d+\]\.(name|role)$/,
  /^people\[\d+\]\.role\[\d+\]\.role$/,
  /^events\[\d+\]\.derived$/,
];

/** Whether a path is a text of a captive or prisoner figure that `/captives` shows. */
function isCaptiveText(path: string): boolean {
  const m =
    /^figures\[(\d+)\]\.(label|unit|unitOne|values\[\d+\]\.(note|attribution|unit|derived|corrected\.note))$/.exec(
      path,
    );
  return m !== null && captiveFigures.has(Number(m[1]));
}

const shown = (path: string) => SHOWN.some((r) => r.test(path)) || isCaptiveText(path);

describe.each(["ar", "he"] as const)("the Gaza story in %s", (language) => {
  it("has every text a reminder, /phase, /captives and /deadlines show", () => {
    expect(missingTranslations(story, language).filter(shown)).toEqual([]);
  });

  it("checks a text of each kind: the list above is not empty", () => {
    const kinds = ["story.title", "phases[0].name", "phases[0].terms[0].text", "deadlines[0].phrase"];
    const derived = ["phases[0].endDerived", "phases[0].lengthDerived", "deadlines[0].derived"];
    for (const path of [...kinds, ...derived, "events[0].derived"]) expect(shown(path), path).toBe(true);
    const captive = [...captiveFigures][0];
    expect(shown(`figures[${captive}].values[0].derived`)).toBe(true);
    expect(captiveFigures.size).toBeGreaterThan(5);
  });

  it("fails when a derived text loses its translation", () => {
    const file = JSON.parse(readFileSync(join(shippedDataDir, "gaza-2025.json"), "utf8"));
    const captive = file.figures.findIndex(
      (f: any, i: number) => captiveFigures.has(i) && f.values.some((v: any) => v.derived),
    );
    const value = file.figures[captive].values.findIndex((v: any) => v.derived);
    const event = file.events.findIndex((e: any) => e.derived);
    delete file.phases[0].translations[language].endDerived;
    delete file.deadlines[0].translations[language].derived;
    delete file.events[event].translations[language].derived;
    delete file.figures[captive].values[value].translations[language].derived;
    expect(missingTranslations(file, language).filter(shown)).toEqual([
      "phases[0].endDerived",
      `figures[${captive}].values[${value}].derived`,
      `events[${event}].derived`,
      "deadlines[0].derived",
    ]);
  });

  it("shows no English fallback in those texts at any instant of the story", () => {
    for (const at of ["2025-02-28T10:00:00Z", "2025-10-14T10:00:00Z", "2026-07-01T10:00:00Z"]) {
      const fallbacks = storyAt(story, new Date(at), language).fallbacks.filter((f) => shown(f.path));
      expect(fallbacks).toEqual([]);
    }
  });
});

describe("the Gaza story's established names", () => {
  const ar = storyAt(story, new Date("2025-02-28T10:00:00Z"), "ar");
  const he = storyAt(story, new Date("2025-02-28T10:00:00Z"), "he");
  const deadline = (view: typeof ar, id: string) => view.deadlines().find((d) => d.deadline.id === id);

  it("are written as Arabic and Hebrew news write them", () => {
    expect(ar.parties().find((p) => p.party.id === "hamas")?.party.name).toBe("حماس");
    expect(he.parties().find((p) => p.party.id === "hamas")?.party.name).toBe("חמאס");
    const corridor =
      story.tracks.deadlines.find((t) => /philadelphi/i.test(t.deadline.title))?.deadline.id ?? "";
    expect(deadline(ar, corridor)?.deadline.title).toContain("محور فيلادلفيا");
    expect(deadline(he, corridor)?.deadline.title).toContain("ציר פילדלפי");
  });
});
