/**
 * The fields every part of the schema shares, as the loader reports what breaks them: ids, calendar
 * dates, dates or instants (an instant always with its offset), and lead times.
 */
import { describe, expect, it } from "vitest";
import { parseStoryText } from "../../src/dataset/load.js";
import { loadBroken, shippedStory } from "../support/index.js";

describe("the fields the schema shares", () => {
  it("an impossible calendar date (2025-02-30) in a date field", async () => {
    expect(
      await loadBroken((s) => {
        s.story.asOf = "2025-02-30";
      }),
    ).toEqual(["story.asOf: must be a calendar date YYYY-MM-DD"]);
  });

  it("an impossible calendar date in a figure's as-of date", async () => {
    expect(
      await loadBroken((s) => {
        s.figures[2].values[0].asOf = "2025-02-29";
      }),
    ).toEqual(["figures[2].values[0].asOf: must be a calendar date YYYY-MM-DD"]);
  });

  it("an impossible calendar date (2025-02-30) in a date-or-instant field says what is expected", async () => {
    expect(
      await loadBroken((s) => {
        s.events[1].when = "2025-02-30";
      }),
    ).toEqual([
      "events[1].when: must be a calendar date YYYY-MM-DD or an instant with an offset, like 2025-03-01T12:00:00+02:00",
    ]);
  });

  it("an instant without an offset is rejected (it would be read in the server's zone)", async () => {
    const reportedLines = await loadBroken((s) => {
      s.deadlines[0].due = "2025-03-01T10:00:00";
    });
    expect(reportedLines).toHaveLength(1);
    expect(reportedLines[0]).toMatch(/^deadlines\[0\]\.due: /);
  });

  it("an instant with an offset is accepted", async () => {
    const story = shippedStory();
    story.deadlines[0].due = "2025-03-01T12:00:00+02:00";
    const parsed = parseStoryText("story.json", JSON.stringify(story));
    expect(parsed.errors).toEqual([]);
  });

  it("an id that is not lower-case with dashes", async () => {
    expect(
      await loadBroken((s) => {
        s.figures[1].id = "Believed Alive";
      }),
    ).toEqual(["figures[1].id: must be lower-case letters, digits and dashes, like phase-one"]);
  });

  it('a lead time written "1 day"', async () => {
    expect(
      await loadBroken((s) => {
        s.reminders.leadTimes = ["1 day", "0d"];
      }),
    ).toEqual(['reminders.leadTimes[0]: must be a number and a unit d, h or m, like "1d", "2h" or "0d"']);
  });

  it("a bad lead time on one deadline", async () => {
    expect(
      await loadBroken((s) => {
        s.deadlines[2].reminders = ["1d", "2 hours"];
      }),
    ).toEqual(['deadlines[2].reminders[1]: must be a number and a unit d, h or m, like "1d", "2h" or "0d"']);
  });
});
