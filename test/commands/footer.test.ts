/**
 * Every answer carries a footer: its sources and the data's as-of date, and a warning once the clock
 * is more than `staleAfterDays` (7) past that date on the story's calendar.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AFTER,
  ARTICLE_KNOWN,
  DURING,
  registry,
  repoRoot,
  run,
  runText,
  shippedData,
} from "../support/index.js";

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

describe("every command", () => {
  it("has a spec file in test/commands", () => {
    for (const c of registry.list) {
      expect(existsSync(join(repoRoot, "test/commands", `${c.name}.test.ts`)), `/${c.name}`).toBe(true);
    }
  });

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
