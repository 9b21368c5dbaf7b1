import { describe, expect, it } from "vitest";
import { checkHindsight, dateMentions } from "../../src/dataset/hindsight.js";
import { parseStoryText } from "../../src/dataset/load.js";
import { type RawStory, shippedStory, truceStory } from "../support/index.js";

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

describe("validate on a copy of the shipped data with hindsight planted in it", () => {
  /** The shipped story with one change, as the loader reports it. */
  const plant = (change: (s: RawStory) => void) => {
    const story = shippedStory();
    change(story);
    return parseStoryText("data/gaza-2025.json", JSON.stringify(story)).errors;
  };

  it("accepts the shipped data as it is", () => {
    expect(plant(() => {})).toEqual([]);
  });

  it("refuses an announcement that tells how the story ended, naming file, path and both dates", () => {
    const errors = plant((s) => {
      s.events[1].description += " The last hostage's remains were returned on 26 January 2026.";
    });
    expect(errors).toEqual([
      {
        file: "data/gaza-2025.json",
        path: "events[1]",
        message: expect.stringMatching(/mentions "26 January 2026" \(2026-01-26\), later than 2025-01-16/),
      },
    ]);
  });

  it("refuses the announcement citing a 2026 report, naming both dates", () => {
    const errors = plant((s) => {
      s.events[1].sourceIds.push("npr-2026-01-26");
    });
    expect(errors).toEqual([
      {
        file: "data/gaza-2025.json",
        path: "events[1].sourceIds[2]",
        message: expect.stringMatching(
          /cites "npr-2026-01-26", published 2026-01-26T08:17:00-06:00 .*after the statement is shown \(from 2025-01-1\d/,
        ),
      },
    ]);
  });

  it("refuses a deadline whose only source came out after it was due, naming both dates", () => {
    const errors = plant((s) => {
      s.deadlines[1].sourceIds = ["npr-2026-01-26"];
      s.deadlines[1].evidence = "Israel said it had recovered the remains.";
    });
    expect(errors).toContainEqual({
      file: "data/gaza-2025.json",
      path: "deadlines[1]",
      message: expect.stringMatching(
        /becomes known on 2026-01-26 16:17 Asia\/Jerusalem, at or after its due date 2025-03-01/,
      ),
    });
  });

  it("refuses a sourced statement without its quote", () => {
    expect(
      plant((s) => {
        delete s.events[2].evidence;
      }).map((e) => e.path),
    ).toEqual(["events[2].evidence"]);
  });
});
