import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/reply/reply.js";
import { plainText } from "../../src/reply/reply.js";
import { AFTER, BEFORE, CLOCKS, DURING, run, runText, shippedData } from "../fixtures/story.js";

const lineTexts = (reply: Reply) => (reply.lines ?? []).map((l) => plainText(l));
const titles = (reply: Reply) =>
  (reply.lines ?? []).map((l) => l.find((s) => typeof s === "object" && "strong" in s));

describe("timeline", () => {
  describe.each(Object.entries(CLOCKS))("%s phase one", (_label, at) => {
    it("shows the first 8 of 10 events, oldest first", () => {
      const reply = run("timeline", {}, at);
      expect(plainText(reply.summary ?? [])).toBe("10 events · page 1 of 2");
      const lines = lineTexts(reply);
      expect(lines).toHaveLength(8);
      expect(lines[0]).toMatch(/^Saturday 7 October 2023 — Hamas attacks southern Israel/);
      expect(lines[1]).toMatch(/^Sunday 19 January 2025 — The ceasefire begins/);
      expect(lines[7]).toMatch(/^Saturday 1 March 2025 — Phase one ends/);
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
    const days = shippedData().defaultStory.timeline.map((e) => e.day);
    expect(days).toEqual([...days].sort());
    const shown = [
      ...lineTexts(run("timeline", { page: "1" })),
      ...lineTexts(run("timeline", { page: "2" })),
    ];
    expect(shown).toHaveLength(10);
    expect(shown[9]).toMatch(/^Sunday 9 March 2025 — Philadelphi Corridor withdrawal due to be complete/);
  });

  it("shows the vague dates' notes, attributions and derivations", () => {
    const text = runText("timeline", { from: "2025-02-27", to: "2025-03-01" });
    expect(text).toContain(
      "Thursday 27 February 2025 (Overnight on Thursday) — Last planned swap of phase one",
    );
    expect(text).toContain("(according to Egypt's state information service)");
    expect(text).toContain(
      "[derived: The article (Friday 28 February 2025) says the first phase ends on Saturday.]",
    );
  });

  describe("pages", () => {
    it("offers Next on the first page and Previous disabled", () => {
      const reply = run("timeline", {}, DURING);
      expect(reply.buttons).toEqual([
        { label: "◀ Previous", command: "timeline", options: { page: "0" }, disabled: true },
        { label: "Next ▶", command: "timeline", options: { page: "2" }, disabled: false },
      ]);
      expect(runText("timeline", {}, DURING)).toContain("Next: /timeline page:2");
    });

    it("offers Previous on the last page and Next disabled", () => {
      const reply = run("timeline", { page: "2" }, DURING);
      expect(plainText(reply.summary ?? [])).toBe("10 events · page 2 of 2");
      expect(lineTexts(reply)).toHaveLength(2);
      expect(reply.buttons?.map((b) => [b.label, b.options.page, b.disabled])).toEqual([
        ["◀ Previous", "1", false],
        ["Next ▶", "3", true],
      ]);
      const text = runText("timeline", { page: "2" }, DURING);
      expect(text).toContain("Previous: /timeline page:1");
      expect(text).not.toContain("Next: /timeline");
    });

    it("keeps the filters in the buttons", () => {
      const reply = run("timeline", { from: "2025-01-01", tag: "phase-one" }, DURING, {
        timelinePageSize: 2,
      });
      expect(reply.buttons?.[1]?.options).toEqual({ from: "2025-01-01", tag: "phase-one", page: "2" });
      expect(
        runText("timeline", { from: "2025-01-01", tag: "phase-one" }, DURING, { timelinePageSize: 2 }),
      ).toContain("Next: /timeline from:2025-01-01 tag:phase-one page:2");
    });

    it("has no buttons when everything fits on one page", () => {
      expect(run("timeline", { tag: "philadelphi" }).buttons).toBeUndefined();
    });

    it("answers a page beyond the last with an ephemeral error naming `page`", () => {
      const reply = run("timeline", { page: "3" }, AFTER);
      expect(reply).toMatchObject({ kind: "error", ephemeral: true, title: "Invalid option for /timeline" });
      expect(reply.summary).toEqual(["Option `page` must be at most 2 for these filters (got 3)."]);
      expect(run("timeline", { tag: "philadelphi", page: "2" }).summary).toEqual([
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
      const reply = run("timeline", { from: "2025-02-27", to: "2025-02-28" }, BEFORE);
      expect(plainText(reply.summary ?? [])).toBe("5 events from 2025-02-27, to 2025-02-28 · page 1 of 1");
      expect(lineTexts(reply).every((l) => /^(Thursday 27|Friday 28) February 2025/.test(l))).toBe(true);
    });

    it("from alone starts at that day", () => {
      const reply = run("timeline", { from: "2025-03-01" });
      expect(lineTexts(reply).map((l) => l.slice(0, l.indexOf(" — ")))).toEqual([
        "Saturday 1 March 2025",
        "Saturday 1 March 2025",
        "Sunday 9 March 2025",
      ]);
    });

    it("to alone ends at that day", () => {
      const reply = run("timeline", { to: "2025-01-19" });
      expect(plainText(reply.summary ?? [])).toBe("2 events to 2025-01-19 · page 1 of 1");
    });

    it("tag keeps only events with that tag", () => {
      const reply = run("timeline", { tag: "philadelphi" });
      expect(plainText(reply.summary ?? [])).toBe("3 events tagged philadelphi · page 1 of 1");
      expect(titles(reply)).toEqual([
        { strong: "Israel says it will not withdraw from the Philadelphi Corridor as planned" },
        { strong: "Philadelphi Corridor withdrawal due to start" },
        { strong: "Philadelphi Corridor withdrawal due to be complete" },
      ]);
    });

    it("tag and dates combine", () => {
      const reply = run("timeline", { tag: "phase-one", from: "2025-02-01", to: "2025-02-28" });
      expect(plainText(reply.summary ?? [])).toBe(
        "1 event from 2025-02-01, to 2025-02-28, tagged phase-one · page 1 of 1",
      );
    });

    it("says so when nothing matches, and still cites the story's sources", () => {
      const reply = run("timeline", { from: "2026-01-01" });
      expect(reply.kind).toBe("answer");
      expect(plainText(reply.summary ?? [])).toBe("No events from 2026-01-01.");
      expect(reply.footer?.sources.map((s) => s.id)).toEqual(["aj-2025-02-28"]);
    });

    it("names the known tags for an unknown tag", () => {
      const reply = run("timeline", { tag: "truce" });
      expect(reply).toMatchObject({ kind: "error", ephemeral: true });
      expect(plainText(reply.summary ?? [])).toMatch(
        /^No event has the tag `truce`\. Tags: `captives`, `ceasefire`, /,
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
});
