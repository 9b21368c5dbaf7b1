/**
 * A story file indexed for lookups at an instant: its sources and deadlines by id, its timeline in the
 * order events happened, its tags sorted with each tag's events, and every track (phases, deadlines,
 * figures, parties, people, statements, sources, summary); and the sort key of a point in time on
 * the story's own wall clock.
 */
import { describe, expect, it } from "vitest";
import { firstOnOrAfter, indexStory, sortKeyOf } from "../../src/dataset/dataset.js";
import { parseStoryText } from "../../src/dataset/load.js";
import { parseWhen } from "../../src/time/calendar.js";
import { truceStory } from "../support/index.js";

function truce(change?: Parameters<typeof truceStory>[0]) {
  const parsed = parseStoryText("truce.json", JSON.stringify(truceStory(change)));
  if (!parsed.data) throw new Error(JSON.stringify(parsed.errors));
  return indexStory("truce.json", parsed.data);
}

describe("an indexed story", () => {
  const story = truce((s) => {
    s.events[0].tags = ["talks", "agreement"];
    s.events[2].tags = ["talks"];
  });

  it("keeps its file and its contents, with sources and deadlines by id", () => {
    expect(story.file).toBe("truce.json");
    expect(story.story.id).toBe("truce");
    expect([...story.sourcesById.keys()]).toEqual(["s-0110", "s-0125", "s-0205", "s-0220"]);
    expect([...story.deadlinesById.keys()]).toEqual(["handover", "dawn-withdrawal"]);
    expect(story.tracks.deadlinesById.get("handover")?.deadline.title).toBe("Handover of prisoners");
  });

  it("holds its timeline in the order events happened", () => {
    expect(story.timeline.items.map((e) => e.id)).toEqual([
      "agreed",
      "early-morning",
      "first-shots",
      "talks",
    ]);
  });

  it("lists its tags sorted, each with its events in timeline order", () => {
    expect(story.tags).toEqual(["agreement", "talks"]);
    expect(story.byTag.get("talks")?.items.map((e) => e.id)).toEqual(["agreed", "talks"]);
  });

  it("has a track for every phase, deadline, party and person, and its statements, sources and summary", () => {
    expect(story.tracks.phases).toHaveLength(story.phases.length);
    expect(story.tracks.deadlines).toHaveLength(2);
    expect(story.tracks.parties.map((p) => p.party.id)).toEqual(["north", "south", "east", "west"]);
    expect(story.tracks.people).toHaveLength(1);
    expect(story.tracks.claims.length).toBe(2);
    expect(story.tracks.sources.length).toBe(4);
    expect(story.tracks.summary.at(Date.parse("2025-02-21T00:00:00Z"))?.value).toBe(
      "The truce was extended until further notice.",
    );
  });
});

describe("the sort key of a point in time", () => {
  it("is a date as written, and an instant on the story's wall clock with its day", () => {
    expect(sortKeyOf(parseWhen("2025-01-25"), "Europe/Kyiv")).toEqual({
      key: "2025-01-25",
      day: "2025-01-25",
    });
    expect(sortKeyOf(parseWhen("2025-01-24T23:30:00Z"), "Europe/Kyiv")).toEqual({
      key: "2025-01-25T01:30:00",
      day: "2025-01-25",
    });
  });
});

describe("the first event on or after a day", () => {
  const days = ["2025-01-19", "2025-01-19", "2025-01-25", "2025-02-09", "2025-02-09", "2025-03-01"].map(
    (day) => ({ day }),
  );

  it("is the day's first event when the day has events", () => {
    expect(firstOnOrAfter(days, "2025-01-19")).toBe(0);
    expect(firstOnOrAfter(days, "2025-02-09")).toBe(3);
  });

  it("is the next day's first event when the day has none", () => {
    expect(firstOnOrAfter(days, "2025-01-20")).toBe(2);
    expect(firstOnOrAfter(days, "2025-02-10")).toBe(5);
  });

  it("is the start before the first day, and the end after the last or in an empty timeline", () => {
    expect(firstOnOrAfter(days, "2024-12-31")).toBe(0);
    expect(firstOnOrAfter(days, "2025-03-02")).toBe(days.length);
    expect(firstOnOrAfter([], "2025-01-19")).toBe(0);
  });
});
