/**
 * Which events a subscribed server should have at an instant, and the step each needs, on the
 * invented truce: its handover deadline is set on 10 January for the 26th, extended on 25 January to
 * 18 February and then missed; its dawn withdrawal is due on 20 January at 04:00.
 */
import { describe, expect, it } from "vitest";
import { eventWindow, planSteps, wantedEvents } from "../../src/calendar-events/plan.js";
import { storyAt } from "../../src/dataset/asof.js";
import type { EventRow } from "../../src/store/event-store.js";
import {
  datasetOf,
  englishLeaks,
  eventsSubscription,
  RANDOM_STORY_AT,
  randomStory,
  storyTexts,
  truceDataset,
  truceStory,
  withEvidence,
} from "../support/index.js";

const limits = { name: 100, description: 1000, location: 100 };
const server = eventsSubscription();
const want = (at: string, dataset = truceDataset(), subs = [server]) =>
  wantedEvents(dataset, subs, "discord", limits, new Date(at));

/** The truce whose handover East cancels on 15 January. */
function cancelledTruce() {
  return datasetOf(
    truceStory((s) => {
      const handover = (s.deadlines as { status: unknown }[])[0];
      if (handover)
        handover.status = [
          { from: "2025-01-10", status: "scheduled" },
          { from: "2025-01-15", status: "cancelled", attribution: "East", sourceIds: ["s-0110"] },
        ];
      withEvidence(s);
    }),
  );
}

function row(deadline: string, over: Partial<EventRow> = {}): EventRow {
  return {
    platform: "discord",
    workspaceId: "g1",
    story: "truce",
    deadline,
    eventId: `event-${deadline}`,
    synced: "old",
    ended: false,
    owner: undefined,
    leaseUntil: new Date(0),
    updatedAt: new Date(0),
    ...over,
  };
}

describe("the events a server should have", () => {
  it("has none for deadlines not yet known", () => {
    expect(want("2025-01-09T10:00:00Z")).toEqual([]);
  });

  it("has one per upcoming deadline once known: a date-only deadline over its whole day in the story's zone", () => {
    const events = want("2025-01-15T10:00:00Z");
    expect(events.map((e) => e.ref.deadline)).toEqual(["handover", "dawn-withdrawal"]);
    const [handover, dawn] = events;
    expect(handover?.spec).toMatchObject({
      name: "Handover of prisoners",
      location: "The invented truce",
      start: new Date("2025-01-25T22:00:00Z"),
      end: new Date("2025-01-26T22:00:00Z"),
    });
    expect(dawn?.spec).toMatchObject({
      start: new Date("2025-01-20T02:00:00Z"),
      end: new Date("2025-01-20T03:00:00Z"),
    });
  });

  it("says the phrase, the date, the source known then and the marker", () => {
    const [handover] = want("2025-01-15T10:00:00Z");
    expect(handover?.spec.description.split("\n")).toEqual([
      "The handover of prisoners is due on Sunday 26 January 2025.",
      "Source: Wire, Report of 2025-01-10 https://example.org/s-0110",
      `ref ${handover?.marker}`,
    ]);
  });

  it("moves the event when the deadline moves, saying who moved it and citing the report of the move", () => {
    const before = want("2025-01-15T10:00:00Z")[0];
    const after = want("2025-01-25T12:00:00Z")[0];
    expect(after?.ref).toEqual(before?.ref);
    expect(after?.marker).toBe(before?.marker);
    expect(after?.fingerprint).not.toBe(before?.fingerprint);
    expect(after?.spec.start).toEqual(new Date("2025-02-17T22:00:00Z"));
    expect(after?.spec.description).toContain("Moved (extended), according to East.");
    expect(after?.spec.description).toContain("https://example.org/s-0125");
  });

  it("drops a deadline once it has begun", () => {
    expect(want("2025-01-20T02:30:00Z").map((e) => e.ref.deadline)).toEqual(["handover"]);
  });

  it("drops a cancelled deadline", () => {
    const cancelled = cancelledTruce();
    expect(want("2025-01-14T10:00:00Z", cancelled).map((e) => e.ref.deadline)).toContain("handover");
    expect(want("2025-01-16T10:00:00Z", cancelled).map((e) => e.ref.deadline)).not.toContain("handover");
  });

  it("is one per server, whichever channels or stories brought it", () => {
    const subs = [
      server,
      eventsSubscription({ channelId: "c2", story: "*" }),
      eventsSubscription({ workspaceId: "g2" }),
    ];
    const events = want("2025-01-15T10:00:00Z", truceDataset(), subs);
    expect(events.map((e) => `${e.ref.workspaceId}/${e.ref.deadline}`)).toEqual([
      "g1/handover",
      "g1/dawn-withdrawal",
      "g2/handover",
      "g2/dawn-withdrawal",
    ]);
  });

  it("ignores other kinds, other platforms and stopped subscriptions", () => {
    const subs = [
      eventsSubscription({ kind: "reminders" }),
      eventsSubscription({ platform: "slack" }),
      eventsSubscription({ active: false }),
    ];
    expect(want("2025-01-15T10:00:00Z", truceDataset(), subs)).toEqual([]);
  });

  it("keeps within the platform's limits, the marker always last", () => {
    const long = datasetOf(
      truceStory((s) => {
        const handover = (s.deadlines as { title: string; phrase: string }[])[0];
        if (handover) {
          handover.title = "T".repeat(300);
          handover.phrase = "P".repeat(3000);
        }
      }),
    );
    const [handover] = want("2025-01-15T10:00:00Z", long);
    expect(handover?.spec.name).toHaveLength(100);
    expect(handover?.spec.description.length).toBeLessThanOrEqual(1000);
    expect(handover?.spec.description.endsWith(`ref ${handover?.marker}`)).toBe(true);
  });

  it("keeps every event of random extreme stories within the limits (seeds 1 to 12)", () => {
    let seen = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const dataset = datasetOf(randomStory(seed));
      const subs = [eventsSubscription({ story: "*" })];
      for (const at of ["2025-01-02T10:00:00Z", "2025-01-10T10:00:00Z", RANDOM_STORY_AT]) {
        for (const { spec, marker } of wantedEvents(dataset, subs, "discord", limits, new Date(at))) {
          seen++;
          expect(spec.name.length).toBeGreaterThanOrEqual(1);
          expect(spec.name.length).toBeLessThanOrEqual(100);
          expect(spec.location.length).toBeGreaterThanOrEqual(1);
          expect(spec.location.length).toBeLessThanOrEqual(100);
          expect(spec.description.length).toBeLessThanOrEqual(1000);
          expect(spec.description.endsWith(`\nref ${marker}`)).toBe(true);
          expect(spec.end.getTime()).toBeGreaterThan(spec.start.getTime());
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("runs a date-only deadline over its local day across a change of the zone's offset", () => {
    const story = truceDataset().defaultStory;
    const [d] = storyAt(story, new Date("2025-01-15T10:00:00Z")).deadlines();
    if (!d) throw new Error("no deadline");
    const window = eventWindow(
      { ...d, due: { precision: "date", date: "2025-03-30" } },
      story.story.timeZone,
    );
    expect(window.end.getTime() - window.start.getTime()).toBe(23 * 3_600_000);
  });
});

describe("the events of a server subscribed in another language", () => {
  const inLanguage = (language: "ar" | "he" | "fr") => [eventsSubscription({ language })];
  const dataTexts = storyTexts(truceStory());

  it.each(["ar", "he", "fr"] as const)(
    "says the phrase, the date, the move and the source in %s",
    (language) => {
      const [handover] = want("2025-01-25T12:00:00Z", truceDataset(), inLanguage(language));
      const description = handover?.spec.description ?? "";
      expect(englishLeaks(description, language, { except: dataTexts }), description).toEqual([]);
      expect(description).not.toContain("Source:");
      expect(description.endsWith(`ref ${handover?.marker}`)).toBe(true);
    },
  );

  it("says them in Arabic and in Hebrew as a reader of each would", () => {
    const lines = (language: "ar" | "he") =>
      (want("2025-01-25T12:00:00Z", truceDataset(), inLanguage(language))[0]?.spec.description ?? "")
        .replace(/[\u2068\u2069\u200f]/g, "")
        .split("\n");
    expect(lines("ar")[0]).toBe("The handover of prisoners is due يوم الثلاثاء، 18 فبراير 2025.");
    expect(lines("ar")[1]).toBe("تغيّر الموعد (تمديد)، بحسب East.");
    expect(lines("he")[1]).toBe("המועד הוזז (הארכה), לפי East.");
  });

  it("is the same event in every language, updated when the server's language changes", () => {
    const [english] = want("2025-01-15T10:00:00Z");
    const [arabic] = want("2025-01-15T10:00:00Z", truceDataset(), inLanguage("ar"));
    expect(arabic?.ref).toEqual(english?.ref);
    expect(arabic?.marker).toBe(english?.marker);
    expect(arabic?.fingerprint).not.toBe(english?.fingerprint);
  });

  it.each(["ar", "he"] as const)(
    "keeps within the platform's limits in %s, the marker always last",
    (language) => {
      const long = datasetOf(
        truceStory((s) => {
          const handover = (s.deadlines as { title: string; phrase: string }[])[0];
          if (handover) {
            handover.title = "ת".repeat(300);
            handover.phrase = "ع".repeat(3000);
          }
        }),
      );
      for (const at of ["2025-01-15T10:00:00Z", "2025-01-25T12:00:00Z"]) {
        const [handover] = want(at, long, inLanguage(language));
        expect(handover?.spec.name).toHaveLength(100);
        expect(handover?.spec.description.length).toBeLessThanOrEqual(1000);
        expect(handover?.spec.description.endsWith(`ref ${handover?.marker}`)).toBe(true);
      }
      for (let seed = 1; seed <= 6; seed++) {
        const dataset = datasetOf(randomStory(seed));
        const subs = [eventsSubscription({ story: "*", language })];
        for (const { spec, marker } of wantedEvents(
          dataset,
          subs,
          "discord",
          limits,
          new Date(RANDOM_STORY_AT),
        )) {
          expect(spec.name.length).toBeLessThanOrEqual(100);
          expect(spec.description.length).toBeLessThanOrEqual(1000);
          expect(spec.description.endsWith(`\nref ${marker}`)).toBe(true);
        }
      }
    },
  );
});

describe("the steps", () => {
  const at = new Date("2025-01-25T12:00:00Z");
  const context = { dataset: truceDataset(), subs: [server], now: at };
  const steps = (rows: EventRow[], subs = [server], now = at) =>
    planSteps(
      { ...context, subs, now },
      wantedEvents(truceDataset(), subs, "discord", limits, now),
      rows,
    ).map((s) => [s.ref.deadline, s.action]);

  it("creates the events a server lacks", () => {
    expect(steps([])).toEqual([["handover", "create"]]);
  });

  it("updates an event that says something else, and leaves one that is up to date", () => {
    const [handover] = wantedEvents(truceDataset(), [server], "discord", limits, at);
    expect(steps([row("handover")])).toEqual([["handover", "update"]]);
    expect(steps([row("handover", { synced: handover?.fingerprint })])).toEqual([]);
  });

  it("creates again a deadline whose earlier event ended", () => {
    expect(steps([row("handover", { ended: true })])).toEqual([["handover", "create"]]);
  });

  it("forgets an event that has begun, whatever became of its deadline, and leaves ended rows alone", () => {
    expect(steps([row("dawn-withdrawal"), row("handover", { ended: true })])).toEqual([
      ["handover", "create"],
      ["dawn-withdrawal", "forget"],
    ]);
    expect(steps([row("handover")], [server], new Date("2025-02-19T12:00:00Z"))).toEqual([
      ["handover", "forget"],
    ]);
  });

  it("cancels the event of a deadline cancelled before it began, or gone from the data", () => {
    const now = new Date("2025-01-16T10:00:00Z");
    const dataset = cancelledTruce();
    const planned = planSteps(
      { dataset, subs: [server], now },
      wantedEvents(dataset, [server], "discord", limits, now),
      [row("handover"), row("vanished")],
    ).map((s) => [s.ref.deadline, s.action]);
    expect(planned).toEqual([
      ["dawn-withdrawal", "create"],
      ["handover", "cancel"],
      ["vanished", "cancel"],
    ]);
  });

  it("removes the events of a server that no longer follows the story", () => {
    expect(steps([row("handover")], [])).toEqual([["handover", "remove"]]);
  });
});
