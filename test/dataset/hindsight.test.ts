import { describe, expect, it } from "vitest";
import { checkHindsight, dateMentions } from "../../src/dataset/hindsight.js";
import { parseStoryText } from "../../src/dataset/load.js";
import { type RawStory, truceStory } from "../support/index.js";

/** The truce with one change, parsed as the loader parses it: every error it reports. */
function errorsOf(change: (s: RawStory) => void) {
  const story = truceStory(change);
  return parseStoryText("truce.json", JSON.stringify(story)).errors;
}

describe("validate refuses hindsight", () => {
  it("accepts the truce as it is", () => {
    expect(errorsOf(() => {})).toEqual([]);
  });

  it("refuses a sourced statement without evidence, naming its source", () => {
    const errors = errorsOf((s) => {
      delete s.events[0].evidence;
    });
    expect(errors).toEqual([
      {
        file: "truce.json",
        path: "events[0].evidence",
        message: expect.stringContaining('a short quote (at most 300 characters) from source "s-0110"'),
      },
    ]);
  });

  it("refuses evidence longer than 300 characters", () => {
    const errors = errorsOf((s) => {
      s.events[0].evidence = "x".repeat(301);
    });
    expect(errors.map((e) => e.path)).toEqual(["events[0].evidence"]);
  });

  it("refuses text that mentions a date later than the statement is known, with both dates", () => {
    const errors = errorsOf((s) => {
      s.events[0].description = "The truce would fail on 18 February 2025.";
    });
    expect(errors).toEqual([
      {
        file: "truce.json",
        path: "events[0]",
        message: expect.stringMatching(/mentions "18 February 2025" \(2025-02-18\), later than 2025-01-10/),
      },
    ]);
  });

  it("accepts a later date that is a due date known by then, stated as such", () => {
    expect(
      errorsOf((s) => {
        s.events[0].description = "The handover of prisoners is due on 26 January.";
      }),
    ).toEqual([]);
  });

  it("refuses a statement citing a source published after it is shown, with both dates", () => {
    const errors = errorsOf((s) => {
      s.events[0].sourceIds.push("s-0205");
    });
    expect(errors).toEqual([
      {
        file: "truce.json",
        path: "events[0].sourceIds[1]",
        message: expect.stringMatching(
          /cites "s-0205", published 2025-02-05T00:00:00\+02:00 .*after the statement is shown \(from 2025-01-10 00:00/,
        ),
      },
    ]);
  });

  it("refuses an event `reported` before its source was published", () => {
    const errors = errorsOf((s) => {
      s.events[1].reported = "2025-01-25T10:00:00+02:00";
      s.events[1].sourceIds = ["s-0205"];
    });
    expect(errors.map((e) => e.path)).toEqual(["events[1].sourceIds[0]"]);
  });

  it("refuses a deadline known only at or after its due date: its reminders could never fire", () => {
    const errors = errorsOf((s) => {
      s.deadlines[1].sourceIds = ["s-0125"];
    });
    expect(errors).toEqual([
      {
        file: "truce.json",
        path: "deadlines[1]",
        message: expect.stringMatching(
          /becomes known on 2025-01-25 00:00 Europe\/Kyiv, at or after its due date 2025-01-20T04:00:00\+02:00/,
        ),
      },
    ]);
  });

  it("refuses a move of a deadline known only after its new due date", () => {
    const errors = errorsOf((s) => {
      s.deadlines[0].moves[0].due = "2025-01-25T11:00:00+02:00";
      s.deadlines[0].moves[0].kind = "brought-forward";
    });
    expect(errors.map((e) => e.path)).toContain("deadlines[0].moves[0]");
  });
});

describe("dates in a text", () => {
  it("reads day-month-year, month-day-year, ISO, a month alone, and a day-month near the given day", () => {
    expect(
      dateMentions(
        "On 1 March 2025, March 9, 2025, 2025-03-10, in January 2026 and on Monday 13 October.",
        "2025-10-01",
      ),
    ).toEqual([
      { text: "1 March 2025", first: "2025-03-01", last: "2025-03-01" },
      { text: "March 9, 2025", first: "2025-03-09", last: "2025-03-09" },
      { text: "2025-03-10", first: "2025-03-10", last: "2025-03-10" },
      { text: "January 2026", first: "2026-01-01", last: "2026-01-31" },
      { text: "13 October", first: "2025-10-13", last: "2025-10-13" },
    ]);
  });

  it("does not read 'may' as a month", () => {
    expect(dateMentions("Witkoff may join the talks.", "2025-02-28")).toEqual([]);
  });

  it("reads a day and month without a year as the nearest such day, a tie going to the past", () => {
    expect(dateMentions("since 10 October", "2026-04-06")[0]?.first).toBe("2025-10-10");
    expect(dateMentions("on 15 October", "2025-10-14")[0]?.first).toBe("2025-10-15");
    expect(dateMentions("on 28 December", "2026-01-03")[0]?.first).toBe("2025-12-28");
  });
});

describe("checkHindsight on a parsed file", () => {
  it("reports nothing for a story with no sources cited", () => {
    const parsed = parseStoryText("truce.json", JSON.stringify(truceStory()));
    expect(parsed.data && checkHindsight(parsed.data)).toEqual([]);
  });
});
