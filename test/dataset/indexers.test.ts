/**
 * How a story file is indexed for lookups at an instant, on the invented truce (Europe/Kyiv, UTC+2 in
 * winter): its dates start at midnight on the story's calendar, a source is visible from the start of
 * the day it was published, events are put in the order they happened (the curator's order kept for
 * untimed events of a day), and a deadline's due dates and statuses each become visible when known,
 * an outcome never before the due date it concerns has passed.
 */
import { describe, expect, it } from "vitest";
import {
  dueKey,
  indexContext,
  indexDeadline,
  indexSources,
  orderEvents,
} from "../../src/dataset/indexers.js";
import { parseStoryText } from "../../src/dataset/load.js";
import type { StoryFile } from "../../src/dataset/schema.js";
import { parseWhen } from "../../src/time/calendar.js";
import { truceStory } from "../support/index.js";

function truceFile(): StoryFile {
  const parsed = parseStoryText("truce.json", JSON.stringify(truceStory()));
  if (!parsed.data) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}
const data = truceFile();
const cx = indexContext(data);
const iso = (ms: number) => new Date(ms).toISOString();

describe("the index context", () => {
  it("reads the story's dates as starting at midnight in its zone", () => {
    expect(cx.tz).toBe("Europe/Kyiv");
    expect(iso(cx.at("2025-01-10"))).toBe("2025-01-09T22:00:00.000Z");
    expect(iso(cx.at("2025-01-25T12:00:00+02:00"))).toBe("2025-01-25T10:00:00.000Z");
  });
});

describe("sources", () => {
  it("are visible from the start of the day they were published, on the story's calendar", () => {
    const [, s0125] = indexSources(data.sources, cx.tz);
    expect(s0125?.published).toBe("2025-01-25");
    expect(iso(s0125?.visibleFrom ?? 0)).toBe("2025-01-24T22:00:00.000Z");
  });
});

describe("the order events happened in", () => {
  const event = (id: string, when: string) => {
    const at = parseWhen(when);
    return { id, at, day: when.slice(0, 10) };
  };

  it("puts days in order, and timed events of a day in time order", () => {
    const ordered = orderEvents(
      [
        event("late", "2025-01-25T10:00:00+02:00"),
        event("next-day", "2025-01-26"),
        event("early", "2025-01-25T06:00:00+02:00"),
      ],
      "Europe/Kyiv",
    );
    expect(ordered.map((e) => e.id)).toEqual(["early", "late", "next-day"]);
  });

  it("keeps an untimed event after the timed one written before it, and first when none was", () => {
    const ordered = orderEvents(
      [
        event("untimed-first", "2025-01-25"),
        event("shots", "2025-01-25T10:00:00+02:00"),
        event("talks", "2025-01-25"),
        event("patrol", "2025-01-25T06:00:00+02:00"),
      ],
      "Europe/Kyiv",
    );
    expect(ordered.map((e) => e.id)).toEqual(["untimed-first", "patrol", "shots", "talks"]);
  });
});

describe("a due date's key", () => {
  it("is the date, or a compact UTC instant to the minute", () => {
    expect(dueKey(parseWhen("2025-03-08"))).toBe("2025-03-08");
    expect(dueKey(parseWhen("2025-03-08T04:00:30+02:00"))).toBe("20250308T0200Z");
  });
});

describe("a deadline's track", () => {
  const track = indexDeadline(cx, data.deadlines[0] as StoryFile["deadlines"][number]);

  it("holds the original due date, then each move keyed by its new date, visible when made", () => {
    expect(track.dues.entries.map((v) => [v.key, iso(v.visibleFrom)])).toEqual([
      ["handover", "2025-01-09T22:00:00.000Z"],
      ["handover@2025-02-18", "2025-01-25T10:00:00.000Z"],
    ]);
    expect(track.dues.at(Date.parse("2025-01-25T09:59:00Z"))?.key).toBe("handover");
    expect(track.dues.at(Date.parse("2025-01-25T10:00:00Z"))?.key).toBe("handover@2025-02-18");
  });

  it("holds its statuses, an outcome visible only once the due date in force has passed and it is known", () => {
    expect(track.statuses.entries.map((c) => [c.value, iso(c.visibleFrom)])).toEqual([
      ["scheduled", "2025-01-09T22:00:00.000Z"],
      ["extended", "2025-01-25T10:00:00.000Z"],
      ["missed", "2025-02-19T22:00:00.000Z"],
    ]);
    expect(iso(track.existsFrom)).toBe("2025-01-09T22:00:00.000Z");
  });
});
