import { describe, expect, it } from "vitest";
import { wordsFor } from "../../src/language/words.js";
import type { Reply } from "../../src/reply/reply.js";
import { isCommandButton, plainText } from "../../src/reply/reply.js";
import {
  AFTER,
  BEFORE,
  DURING,
  expectWrittenIn,
  NOTHING_KNOWN,
  pngSize,
  run,
  runIn,
  runText,
  shippedData,
} from "../support/index.js";

const lineTexts = (reply: Reply) => (reply.lines ?? []).map((l) => plainText(l));
const titles = (reply: Reply) =>
  (reply.lines ?? []).map((l) => l.find((s) => typeof s === "object" && "strong" in s));

describe("timeline", () => {
  describe("as of an instant, only what had happened and was reported", () => {
    it("shows nothing before the first source, and the two January reports on 17 January", () => {
      expect(plainText(run("timeline", {}, NOTHING_KNOWN).summary ?? [])).toBe("No events.");
      expect(titles(run("timeline", {}, BEFORE))).toEqual([
        { strong: "Mediators announce the ceasefire agreement" },
        { strong: "Israel delays its cabinet vote, citing a 'last-minute crisis'" },
      ]);
    });

    it("shows the first 8 of 22 events on 28 February, oldest first, none dated later", () => {
      const reply = run("timeline", {}, DURING);
      expect(plainText(reply.summary ?? [])).toBe("22 events · page 1 of 3");
      const lines = lineTexts(reply);
      expect(lines).toHaveLength(8);
      expect(lines[0]).toMatch(/^Saturday 7 October 2023 — Hamas attacks southern Israel/);
      expect(lines[3]).toMatch(/^19 Jan 2025, 11:15 GMT\+2 — The ceasefire takes effect after a delay/);
      expect(lines.join("\n")).not.toContain("March 2025");
    });

    it("adds the events of 28 February, 1 and 2 March by 5 March", () => {
      // The two events the 28 February article reports of its own day are known from the end of that day.
      expect(
        lineTexts(run("timeline", { page: "3" }, AFTER))
          .slice(-2)
          .map((l) => l.slice(0, l.indexOf(" — "))),
      ).toEqual([
        "Friday 28 February 2025 (Reported on 28 February 2025)",
        "Friday 28 February 2025 (Reported on 28 February 2025)",
      ]);
      const reply = run("timeline", { page: "4" }, AFTER);
      expect(plainText(reply.summary ?? [])).toBe("28 events · page 4 of 4");
      expect(lineTexts(reply).map((l) => l.slice(0, l.indexOf(" — ")))).toEqual([
        "Saturday 1 March 2025",
        "Saturday 1 March 2025",
        "Sunday 2 March 2025",
        "Sunday 2 March 2025",
      ]);
    });

    it("leaves out an event that happened but was reported only later", () => {
      // The US "bridge" proposal of 12 March was reported on 14 March.
      const on = (at: string) => titles(run("timeline", { from: "2025-03-12", to: "2025-03-12" }, at));
      expect(on("2025-03-13T10:00:00Z")).toEqual([]);
      expect(on("2025-03-14T10:00:00Z")).toHaveLength(1);
    });
  });

  it("keeps the data's order for events of the same day", () => {
    expect(titles(run("timeline", { from: "2025-02-27", to: "2025-02-27" }))).toEqual([
      { strong: "Last planned swap of phase one" },
      { strong: "Phase-two talks start in Cairo" },
      { strong: "Israel's foreign minister doubts the prospects of a deal" },
    ]);
  });

  it("lists every event in chronological order across pages", () => {
    const days = shippedData().defaultStory.timeline.items.map((e) => e.day);
    expect(days).toEqual([...days].sort());
    const shown = ["1", "2", "3", "4"].flatMap((page) => lineTexts(run("timeline", { page }, AFTER)));
    expect(shown).toHaveLength(28);
    expect(shown[27]).toMatch(/^Sunday 2 March 2025 — Israel stops the entry of all goods/);
  });

  it("shows the vague dates' notes, attributions and derivations", () => {
    const text = runText("timeline", { from: "2025-02-27", to: "2025-03-01" }, AFTER);
    expect(text).toContain(
      "Thursday 27 February 2025 (Overnight on Thursday) — Last planned swap of phase one",
    );
    expect(text).toContain("(according to Egypt's state information service)");
    expect(text).toContain(
      "[derived: The article (Friday 28 February 2025) says the first phase ends on Saturday.]",
    );
    expect(runText("timeline", { to: "2025-01-19" }, DURING)).toContain(
      "19 Jan 2025, 11:15 GMT+2 — The ceasefire takes effect after a delay of almost three hours",
    );
  });

  describe("pages", () => {
    it("offers Next on the first page and Previous disabled", () => {
      const reply = run("timeline", {}, DURING);
      expect(reply.buttons).toEqual([
        { label: "◀ Previous", command: "timeline", options: { page: "0" }, disabled: true },
        { label: "Next ▶", command: "timeline", options: { page: "2" }, disabled: false },
        { label: "Why?", command: "sources", options: { of: "timeline" } },
      ]);
      expect(runText("timeline", {}, DURING)).toContain("Next: /timeline page:2");
    });

    it("offers Previous on the last page and Next disabled", () => {
      const reply = run("timeline", { page: "3" }, DURING);
      expect(plainText(reply.summary ?? [])).toBe("22 events · page 3 of 3");
      expect(lineTexts(reply)).toHaveLength(6);
      expect(
        reply.buttons?.filter(isCommandButton).map((b) => [b.label, b.options.page, b.disabled]),
      ).toEqual([
        ["◀ Previous", "2", false],
        ["Next ▶", "4", true],
        ["Why?", undefined, undefined],
      ]);
      const text = runText("timeline", { page: "3" }, DURING);
      expect(text).toContain("Previous: /timeline page:2");
      expect(text).not.toContain("Next: /timeline");
    });

    it("keeps the filters in the buttons", () => {
      const reply = run("timeline", { from: "2025-01-01", tag: "phase-one" }, DURING, {
        timelinePageSize: 2,
      });
      expect(reply.buttons?.filter(isCommandButton)[1]?.options).toEqual({
        from: "2025-01-01",
        tag: "phase-one",
        page: "2",
      });
      expect(
        runText("timeline", { from: "2025-01-01", tag: "phase-one" }, DURING, { timelinePageSize: 2 }),
      ).toContain("Next: /timeline from:2025-01-01 tag:phase-one page:2");
    });

    it("has no page buttons when everything fits on one page, only Why?", () => {
      // By 15 March the four Philadelphi events are known (on 28 February, none was yet).
      expect(run("timeline", { tag: "philadelphi" }, "2025-03-15T10:00:00Z").buttons).toEqual([
        { label: "Why?", command: "sources", options: { of: "timeline", with: "tag=philadelphi" } },
      ]);
      expect(run("timeline", { tag: "philadelphi" }).buttons).toBeUndefined();
    });

    it("answers a page beyond the last with an ephemeral error naming `page`", () => {
      const reply = run("timeline", { page: "5" }, AFTER);
      expect(reply).toMatchObject({ kind: "error", ephemeral: true, title: "Invalid option for /timeline" });
      expect(reply.summary).toEqual(["Option `page` must be at most 4 for these filters (got 5)."]);
      expect(run("timeline", { tag: "philadelphi", page: "2" }, AFTER).summary).toEqual([
        "Option `page` must be at most 1 for these filters (got 2).",
      ]);
    });

    it("rejects page 0 as an option error", () => {
      const reply = run("timeline", { page: "0" });
      expect(reply.kind).toBe("error");
      expect(reply.summary).toEqual(['Option `page` must be a whole number from 1 to 10000 (got "0").']);
    });
  });

  describe("filters", () => {
    it("from and to include both days", () => {
      const reply = run("timeline", { from: "2025-02-27", to: "2025-02-28" }, AFTER);
      expect(plainText(reply.summary ?? [])).toBe("5 events from 2025-02-27, to 2025-02-28 · page 1 of 1");
      expect(lineTexts(reply).every((l) => /^(Thursday 27|Friday 28) February 2025/.test(l))).toBe(true);
    });

    it("from alone starts at that day", () => {
      const reply = run("timeline", { from: "2025-03-01" }, AFTER);
      expect(lineTexts(reply).map((l) => l.slice(0, l.indexOf(" — ")))).toEqual([
        "Saturday 1 March 2025",
        "Saturday 1 March 2025",
        "Sunday 2 March 2025",
        "Sunday 2 March 2025",
      ]);
    });

    it("to alone ends at that day", () => {
      const reply = run("timeline", { to: "2025-01-19" });
      expect(plainText(reply.summary ?? [])).toBe("5 events to 2025-01-19 · page 1 of 1");
    });

    it("tag keeps only events with that tag", () => {
      const reply = run("timeline", { tag: "philadelphi" }, "2025-03-15T10:00:00Z");
      expect(plainText(reply.summary ?? [])).toBe("4 events tagged philadelphi · page 1 of 1");
      expect(titles(reply)).toEqual([
        { strong: "Israel says it will not withdraw from the Philadelphi Corridor as planned" },
        { strong: "Philadelphi Corridor withdrawal due to start" },
        { strong: "Philadelphi Corridor withdrawal due to be complete" },
        { strong: "Hamas says Israel failed to withdraw from the Philadelphi Corridor" },
      ]);
    });

    it("tag and dates combine", () => {
      const reply = run("timeline", { tag: "phase-one", from: "2025-02-01", to: "2025-02-28" });
      expect(plainText(reply.summary ?? [])).toBe(
        "10 events from 2025-02-01, to 2025-02-28, tagged phase-one · page 1 of 2",
      );
    });

    it("says so when nothing matches, and still cites the story's sources", () => {
      const reply = run("timeline", { from: "2026-01-01" });
      expect(reply.kind).toBe("answer");
      expect(plainText(reply.summary ?? [])).toBe("No events from 2026-01-01.");
      // On 28 February the summary in force rests on the DW report of 18 January.
      expect(reply.footer?.sources.map((s) => s.id)).toContain("dw-2025-01-18");
      expect(reply.footer?.sources.map((s) => s.id)).not.toContain("cnn-2025-03-01");
    });

    it("names the known tags for an unknown tag", () => {
      // Asked once the whole story is known (its last source is of 1 July 2026), so every tag is one
      // of an event known by then.
      const reply = run("timeline", { tag: "truce" }, "2026-08-01T00:00:00Z");
      expect(reply).toMatchObject({ kind: "error", ephemeral: true });
      expect(plainText(reply.summary ?? [])).toMatch(
        /^There is no tag `truce`\. Tags: `agreement`, `aid`, `board-of-peace`, `captives`, /,
      );
    });

    it("rejects from after to", () => {
      expect(run("timeline", { from: "2025-03-01", to: "2025-01-01" }).summary).toEqual([
        "`from` (2025-03-01) is after `to` (2025-01-01).",
      ]);
    });

    it("rejects an impossible date, naming the option", () => {
      expect(run("timeline", { from: "2025-02-30" }).summary).toEqual([
        'Option `from` must be a date like 2025-01-19 (got "2025-02-30").',
      ]);
    });
  });

  describe("its picture", () => {
    it("draws the whole story to the instant with this page's span highlighted", () => {
      const first = run("timeline", {}, DURING).picture;
      const third = run("timeline", { page: "3" }, DURING).picture;
      expect(first?.name).toBe("timeline-gaza-2025-2025-02-28.png");
      expect(first?.svg).toContain('data-window="page"');
      expect(first?.alt).toContain("this page covers 7 Oct 2023 to 27 Jan 2025");
      expect(third?.alt).toMatch(/this page covers \d+ Feb 2025 to 2\d Feb 2025/);
      // Apart from the page's span, the pictures of the pages are the same picture.
      const withoutPage = (svg = "") => svg.split("\n").filter((l) => !/data-window|>this page</.test(l));
      expect(withoutPage(third?.svg)).toEqual(withoutPage(first?.svg));
    });

    it("draws nothing before anything was known, and no page span when the filters find no event", () => {
      expect(run("timeline", {}, NOTHING_KNOWN).picture).toBeUndefined();
      expect(run("timeline", { from: "2030-01-01" }, DURING).picture?.svg).not.toContain("data-window");
    });

    it("gives the same PNG for the same instant and data", () => {
      const png = run("timeline", {}, DURING).picture?.png();
      expect(png && pngSize(png)).toEqual({ width: 1200, height: 520 });
      expect(run("timeline", {}, DURING).picture?.png()).toEqual(png);
    });
  });
});

describe("/timeline in Arabic, Hebrew and French", () => {
  it.each([
    ["ar", ["التسلسل الزمني", "حدثًا", "الصفحة", "التالي", "السابق"]],
    ["he", ["ציר זמן", "אירועים", "עמוד", "הבא", "הקודם"]],
    ["fr", ["Chronologie", "événements", "page", "Suivant", "Précédent"]],
  ] as const)("lists the events a page at a time, in %s", (language, expected) => {
    expectWrittenIn(runIn(language, "timeline", {}, DURING), language, expected);
  });

  it("counts events in Arabic's six plural forms: 0, 1, 2, 3, 11 and 100", () => {
    const ar = wordsFor("ar");
    const count = (total: number) => ar.t("timeline.count", { total, page: "1", pages: "1" }).split(" · ")[0];
    expect([0, 1, 2, 3, 11, 100].map(count)).toEqual([
      "لا أحداث",
      "حدث واحد",
      "حدثان",
      "3 أحداث",
      "11 حدثًا",
      "100 حدث",
    ]);
  });

  it("refuses a page past the last in Hebrew, naming the option", () => {
    const reply = runIn("he", "timeline", { page: "50" }, DURING);
    expect(reply.kind).toBe("error");
    expectWrittenIn(reply, "he", ["אפשרות לא תקינה בפקודה", "`page`"]);
  });
});
