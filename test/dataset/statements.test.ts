/**
 * Every statement a story file lets the bot show, with its path, its kind, the texts a reply may
 * show, its sources and the instant it becomes visible: items before their entries, each visible only
 * once it is true, known from its sources, and its item shown. Read on the invented truce (Europe/Kyiv).
 */
import { describe, expect, it } from "vitest";
import { parseStoryText } from "../../src/dataset/load.js";
import { type Statement, statementsOf } from "../../src/dataset/statements.js";
import { truceStory } from "../support/index.js";

const parsed = parseStoryText("truce.json", JSON.stringify(truceStory()));
if (!parsed.data) throw new Error(JSON.stringify(parsed.errors));
const statements = statementsOf(parsed.data);
const byPath = (path: string): Statement => {
  const found = statements.find((s) => s.path === path);
  if (!found) throw new Error(`no statement at ${path}`);
  return found;
};
const visible = (path: string) => new Date(byPath(path).visibleFrom).toISOString();

describe("the statements of a story file", () => {
  it("are every item and each entry of its histories, items before their entries, by path and kind", () => {
    expect(statements.map((s) => [s.path, s.kind]).slice(0, 6)).toEqual([
      ["story.summary[0]", "summary"],
      ["story.summary[1]", "summary"],
      ["parties[0]", "party"],
      ["parties[1]", "party"],
      ["parties[1].roles[0]", "party-roles"],
      ["parties[1].roles[1]", "party-roles"],
    ]);
    const kinds = new Set(statements.map((s) => s.kind));
    for (const kind of [
      "phase",
      "phase-status",
      "phase-move",
      "event",
      "deadline",
      "deadline-status",
      "deadline-move",
      "claim",
    ])
      expect(kinds, kind).toContain(kind);
  });

  it("show the file's own words and cite their sources, the first first", () => {
    expect(byPath("events[0]")).toMatchObject({
      kind: "event",
      texts: ["Truce agreed"],
      sourceIds: ["s-0110"],
    });
    expect(byPath("claims[0]").texts).toContain("The truce holds.");
  });

  it("are visible from the start of the day their source was published", () => {
    expect(visible("events[0]")).toBe("2025-01-09T22:00:00.000Z");
    expect(visible("claims[0]")).toBe("2025-02-04T22:00:00.000Z");
    expect(visible("parties[1].roles[1]")).toBe("2025-02-04T22:00:00.000Z");
  });

  it("are visible only once they are true: a timed event at its time, a move when it was made", () => {
    expect(visible("events[1]")).toBe("2025-01-25T08:00:00.000Z");
    expect(visible("deadlines[0].moves[0]")).toBe("2025-01-25T10:00:00.000Z");
  });

  it("say when an outcome is known, never before the source reporting it", () => {
    expect(byPath("deadlines[0].status[2]")).toMatchObject({
      kind: "deadline-status",
      sourceIds: ["s-0220"],
    });
    expect(visible("deadlines[0].status[2]")).toBe("2025-02-19T22:00:00.000Z");
  });

  it("name the dates a deadline schedules", () => {
    expect(byPath("deadlines[0]").scheduled.map((w) => (w.precision === "date" ? w.date : w.iso))).toEqual([
      "2025-01-26",
    ]);
  });
});
