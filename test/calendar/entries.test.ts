/**
 * What a story's calendar holds at an instant (src/calendar/entries.ts), on the invented truce: its
 * handover is due 26 January, moved on 25 January at noon to 18 February and missed; its dawn
 * withdrawal is due at 04:00 on 20 January; its phase was to end on 10 February, was extended to
 * 20 February and then until further notice.
 */
import { describe, expect, it } from "vitest";
import {
  type CalendarEntry,
  calendarEntries,
  calendarEntryCount,
  deadlineUid,
  phaseEndUid,
} from "../../src/calendar/entries.js";
import { storyAt } from "../../src/dataset/asof.js";
import { datasetOf, shippedData, truceDataset, truceStory } from "../support/index.js";

const truce = truceDataset().defaultStory;
const at = (instant: string) => calendarEntries(storyAt(truce, new Date(instant)));
const entry = (instant: string, uid: string): CalendarEntry | undefined =>
  at(instant).find((e) => e.uid === uid);

const HANDOVER = deadlineUid("truce", "handover");
const DAWN = deadlineUid("truce", "dawn-withdrawal");
const PHASE_END = phaseEndUid("truce", "truce");

describe("the entries of a story's calendar", () => {
  it("has one stable UID per deadline and per phase end, which never equal each other", () => {
    expect(at("2025-01-12T00:00:00Z").map((e) => e.uid)).toEqual([
      "handover@truce.ceasefire-bot",
      "dawn-withdrawal@truce.ceasefire-bot",
      "truce.end@truce.ceasefire-bot",
    ]);
    expect(at("2025-03-01T00:00:00Z").map((e) => e.uid)).toEqual([HANDOVER, DAWN, PHASE_END]);
  });

  it("counts its entries without writing them, as many as it writes, at every instant", () => {
    const shipped = shippedData().defaultStory;
    for (const story of [truce, shipped])
      for (
        let t = Date.parse("2025-01-01T00:00:00Z");
        t < Date.parse("2026-12-01T00:00:00Z");
        t += 9 * 86_400_000
      ) {
        const now = storyAt(story, new Date(t));
        expect(calendarEntryCount(now)).toBe(calendarEntries(now).length);
      }
    expect(calendarEntryCount(storyAt(truce, new Date("2025-02-21T00:00:00Z")))).toBe(3);
  });

  it("holds nothing before the report that first told of it", () => {
    expect(at("2025-01-05T00:00:00Z")).toEqual([]);
  });

  it("moves the entry when the deadline moves, and raises its sequence", () => {
    const before = entry("2025-01-25T09:00:00Z", HANDOVER);
    expect(before).toMatchObject({ sequence: 0, when: { precision: "date", date: "2025-01-26" } });
    const after = entry("2025-01-25T11:00:00Z", HANDOVER);
    expect(after).toMatchObject({ sequence: 1, when: { precision: "date", date: "2025-02-18" } });
    expect(after?.description).toContain(
      "Extended on Saturday 25 January 2025, according to East: from Sunday 26 January 2025 to Tuesday 18 February 2025.",
    );
    expect(after?.modified).toBe(Date.parse("2025-01-25T10:00:00Z"));
  });

  it("says a missed deadline is missed, and who says so, from when it is known", () => {
    expect(entry("2025-02-17T12:00:00Z", HANDOVER)?.summary).toBe("Handover of prisoners");
    const missed = entry("2025-02-21T00:00:00Z", HANDOVER);
    expect(missed).toMatchObject({ summary: "Handover of prisoners (missed)", status: "CONFIRMED" });
    expect(missed?.description).toContain("Status: missed, according to East.");
  });

  it("cites the sources known at the instant, the date's own source first, as its address", () => {
    const moved = entry("2025-01-26T00:00:00Z", HANDOVER);
    expect(moved?.url).toBe("https://example.org/s-0125");
    expect(moved?.description).toContain(
      "Sources:\n- Report of 2025-01-25 (Wire, 2025-01-25): https://example.org/s-0125",
    );
    expect(moved?.description).not.toContain("s-0220");
  });

  it("keeps an exact deadline's instant", () => {
    expect(entry("2025-01-12T00:00:00Z", DAWN)?.when).toMatchObject({
      precision: "instant",
      instant: new Date("2025-01-20T02:00:00Z"),
    });
  });

  it("cancels a phase's end once the phase runs on until further notice, keeping its last date", () => {
    expect(entry("2025-02-06T00:00:00Z", PHASE_END)).toMatchObject({
      sequence: 0,
      status: "CONFIRMED",
      summary: "End of The truce",
    });
    expect(entry("2025-02-10T00:00:00Z", PHASE_END)).toMatchObject({
      sequence: 1,
      when: { precision: "date", date: "2025-02-20" },
    });
    const open = entry("2025-02-21T00:00:00Z", PHASE_END);
    expect(open).toMatchObject({ sequence: 2, status: "CANCELLED", when: { date: "2025-02-20" } });
    expect(open?.summary).toBe("End of The truce (none: in force until further notice)");
    expect(open?.description).toMatch(
      /^The last planned end of The truce was Thursday 20 February 2025; it now has none\./,
    );
  });

  it("marks a cancelled deadline cancelled and a disputed one tentative", () => {
    const story = datasetOf(
      truceStory((s) => {
        const evidence = "As the source reports.";
        s.deadlines[0].status.push({
          from: "2025-02-19",
          status: "cancelled",
          sourceIds: ["s-0220"],
          evidence,
        });
        s.deadlines[1].status = [
          { from: "2025-01-10", status: "scheduled", evidence },
          { from: "2025-01-15", status: "disputed", attribution: "North", sourceIds: ["s-0110"], evidence },
        ];
      }),
    ).defaultStory;
    const entries = calendarEntries(storyAt(story, new Date("2025-02-21T00:00:00Z")));
    expect(entries.find((e) => e.uid === HANDOVER)).toMatchObject({
      status: "CANCELLED",
      summary: "Handover of prisoners (cancelled)",
    });
    expect(entries.find((e) => e.uid === DAWN)).toMatchObject({
      status: "TENTATIVE",
      summary: "Withdrawal at dawn (disputed)",
    });
  });
});
