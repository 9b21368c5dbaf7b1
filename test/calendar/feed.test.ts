/**
 * A story's feed as iCalendar (src/calendar/feed.ts), read back by an independent parser (Mozilla's
 * ical.js): the UIDs, SEQUENCE and STATUS of each event, all-day events for date-only deadlines, the
 * story's zone (with its VTIMEZONE) for exact ones, the same bytes for the same data and instant;
 * and the feed in a language: its words from the `calendar-feed` catalog area and the story read in
 * that language, no English catalog wording in Arabic and Hebrew (the data's fallbacks aside), the
 * same UIDs in every language, and the English feed as it was.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarFeed, vtimezone } from "../../src/calendar/feed.js";
import { storyAt } from "../../src/dataset/asof.js";
import type { Language } from "../../src/language/languages.js";
import {
  AFTER,
  DURING,
  datasetOf,
  shippedData,
  shippedStory,
  truceDataset,
  truceStory,
} from "../support/index.js";
import { dataTexts, englishLeaks } from "../support/language.js";

const truce = truceDataset().defaultStory;
const feedAt = (instant: string, story = truce) => calendarFeed(storyAt(story, new Date(instant)));

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent");
  const byUid = (uid: string) => {
    const found = events.find((e) => e.getFirstPropertyValue("uid") === uid);
    if (!found) throw new Error(`no event ${uid}`);
    return found;
  };
  return { calendar, events, byUid };
}

/** A DTSTART's value as ical.js reads it. */
function timeOf(property: ICAL.Property | null | undefined): ICAL.Time {
  const value = property?.getFirstValue();
  if (!(value instanceof ICAL.Time)) throw new Error("not a time");
  return value;
}

describe("a story's calendar feed", () => {
  it("is an iCalendar object with the story's name and one event per deadline and phase end", () => {
    const { calendar, events } = parse(feedAt("2025-02-21T00:00:00Z"));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//ceasefire-bot//calendar feed//EN");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("The invented truce");
    expect(events.map((e) => e.getFirstPropertyValue("uid"))).toEqual([
      "handover@truce.ceasefire-bot",
      "dawn-withdrawal@truce.ceasefire-bot",
      "truce.end@truce.ceasefire-bot",
    ]);
  });

  it("writes a date-only deadline as an all-day event", () => {
    const handover = parse(feedAt("2025-02-21T00:00:00Z")).byUid("handover@truce.ceasefire-bot");
    const start = handover.getFirstProperty("dtstart");
    expect(start?.type).toBe("date");
    expect(String(start?.getFirstValue())).toBe("2025-02-18");
    expect(String(handover.getFirstPropertyValue("dtend"))).toBe("2025-02-19");
  });

  it("writes an exact deadline at its time in the story's zone, with the zone's VTIMEZONE", () => {
    const { calendar, byUid } = parse(feedAt("2025-02-21T00:00:00Z"));
    const start = byUid("dawn-withdrawal@truce.ceasefire-bot").getFirstProperty("dtstart");
    expect(start?.type).toBe("date-time");
    expect(start?.getParameter("tzid")).toBe("Europe/Kyiv");
    expect(calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual([
      "Europe/Kyiv",
    ]);
    const time = timeOf(start);
    expect(time.toString()).toBe("2025-01-20T04:00:00");
    expect(time.toJSDate().toISOString()).toBe("2025-01-20T02:00:00.000Z");
  });

  it("raises SEQUENCE and moves the date when the deadline moves, and says when it is missed", () => {
    const event = (at: string) => parse(feedAt(at)).byUid("handover@truce.ceasefire-bot");
    const before = event("2025-01-25T09:00:00Z");
    expect(before.getFirstPropertyValue("sequence")).toBe(0);
    expect(String(before.getFirstPropertyValue("dtstart"))).toBe("2025-01-26");
    const after = event("2025-01-25T11:00:00Z");
    expect(after.getFirstPropertyValue("sequence")).toBe(1);
    expect(String(after.getFirstPropertyValue("dtstart"))).toBe("2025-02-18");
    expect(after.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(String(after.getFirstPropertyValue("last-modified"))).toBe("2025-01-25T10:00:00Z");
    expect(event("2025-02-21T00:00:00Z").getFirstPropertyValue("summary")).toBe(
      "Handover of prisoners (missed)",
    );
  });

  it("cancels the phase's end once it runs on until further notice", () => {
    const end = parse(feedAt("2025-02-21T00:00:00Z")).byUid("truce.end@truce.ceasefire-bot");
    expect(end.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(end.getFirstPropertyValue("sequence")).toBe(2);
  });

  it("gives the attribution and the sources in DESCRIPTION, and the source as URL", () => {
    const handover = parse(feedAt("2025-02-21T00:00:00Z")).byUid("handover@truce.ceasefire-bot");
    expect(handover.getFirstPropertyValue("url")).toBe("https://example.org/s-0125");
    const description = String(handover.getFirstPropertyValue("description"));
    expect(description).toContain("according to East");
    expect(description).toContain("Report of 2025-01-25 (Wire, 2025-01-25): https://example.org/s-0125");
  });

  it("takes DTSTAMP from the data, so the same data at the same instant gives the same bytes", () => {
    const text = feedAt("2025-02-21T00:00:00Z");
    expect(feedAt("2025-02-21T00:00:00Z")).toBe(text);
    // A day later nothing new is known: the same bytes again.
    expect(feedAt("2025-02-22T00:00:00Z")).toBe(text);
    const stamp = parse(text).byUid("dawn-withdrawal@truce.ceasefire-bot").getFirstPropertyValue("dtstamp");
    expect(String(stamp)).toBe("2025-01-20T02:00:00Z");
  });

  it("folds every line at 75 octets and ends each with CRLF", () => {
    const text = feedAt("2025-02-21T00:00:00Z");
    const lines = text.split("\r\n");
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("writes the shipped story's exact deadlines in Asia/Jerusalem", () => {
    const gaza = shippedData().defaultStory;
    const { byUid } = parse(feedAt("2025-10-12T00:00:00Z", gaza));
    const start = byUid("october-2025-hostage-release@gaza-2025.ceasefire-bot").getFirstProperty("dtstart");
    expect(start?.getParameter("tzid")).toBe("Asia/Jerusalem");
    expect(timeOf(start).toJSDate().toISOString()).toBe("2025-10-13T09:00:00.000Z");
  });

  it("names a zone by the name of its VTIMEZONE, and falls back to UTC when there is none", () => {
    expect(vtimezone("Asia/Calcutta")?.tzid).toBe("Asia/Kolkata");
    expect(vtimezone("Mars/Olympus_Mons")).toBeUndefined();
    const calcutta = datasetOf(
      truceStory((s) => {
        s.story.timeZone = "Asia/Calcutta";
      }),
    ).defaultStory;
    const start = parse(feedAt("2025-02-21T00:00:00Z", calcutta))
      .byUid("dawn-withdrawal@truce.ceasefire-bot")
      .getFirstProperty("dtstart");
    expect(start?.getParameter("tzid")).toBe("Asia/Kolkata");
    expect(timeOf(start).toJSDate().toISOString()).toBe("2025-01-20T02:00:00.000Z");
  });
});

const shipped = datasetOf(shippedStory()).defaultStory;

/** The feed's words as a calendar app shows them: the name, the description, each event's texts. */
function readTexts(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent");
  const texts = [
    String(calendar.getFirstPropertyValue("x-wr-calname")),
    String(calendar.getFirstPropertyValue("x-wr-caldesc")),
    ...events.flatMap((e) => [
      String(e.getFirstPropertyValue("summary")),
      String(e.getFirstPropertyValue("description")),
    ]),
  ];
  return { uids: events.map((e) => String(e.getFirstPropertyValue("uid"))), texts };
}

const feedIn = (story: typeof shipped, instant: string, language?: Language) =>
  calendarFeed(storyAt(story, new Date(instant), language));

describe("the calendar feed in a language", () => {
  it.each([
    ["shipped", shipped, shippedStory()],
    ["truce", truce, truceStory()],
  ] as const)("writes the %s story in Arabic and Hebrew with no English catalog wording", (_, story, raw) => {
    // The check finds the English feed's wording: it would find a leak.
    const english = readTexts(feedIn(story, DURING)).texts.join("\n");
    expect(englishLeaks(english, "ar", { except: dataTexts(raw) })).not.toEqual([]);
    for (const instant of [DURING, AFTER, "2025-01-25T09:00:00Z", "2025-03-01T00:00:00Z"]) {
      for (const language of ["ar", "he"] as const) {
        const { texts } = readTexts(feedIn(story, instant, language));
        expect(englishLeaks(texts.join("\n"), language, { except: dataTexts(raw) })).toEqual([]);
      }
    }
  });

  it("keeps every event's UID in every language, so a subscriber who switches keeps the same events", () => {
    for (const story of [shipped, truce]) {
      for (const instant of [DURING, AFTER]) {
        const english = readTexts(feedIn(story, instant)).uids;
        expect(english.length).toBeGreaterThan(0);
        for (const language of ["ar", "he", "fr"] as const) {
          expect(readTexts(feedIn(story, instant, language)).uids).toEqual(english);
        }
      }
    }
  });

  it("writes the English feed as before: `en` is the feed without a language", () => {
    const english = feedIn(truce, "2025-02-21T00:00:00Z", "en");
    expect(english).toBe(feedIn(truce, "2025-02-21T00:00:00Z"));
    const { texts } = readTexts(english);
    expect(texts[1]).toBe(
      "Deadlines and phase ends of The invented truce, as known at the time of each fetch.",
    );
    expect(texts.join("\n")).toMatch(/: due .*\./);
  });

  it("writes the description, the moves and the statuses in Arabic, Hebrew and French", () => {
    const ar = readTexts(feedIn(truce, "2025-03-01T00:00:00Z", "ar")).texts.join("\n");
    expect(ar).toContain("المواعيد النهائية ومواعيد انتهاء المراحل في");
    expect(ar).toMatch(/الحالة: /);
    // The move is the data's (extended), with who says so.
    expect(ar).toContain("مُدِّد في");
    expect(ar).toContain("وفقًا لـ");
    const he = readTexts(feedIn(truce, "2025-03-01T00:00:00Z", "he")).texts.join("\n");
    expect(he).toContain("המועדים ומועדי סיום השלבים של");
    expect(he).toMatch(/מצב: /);
    expect(he).toContain("הוארך ב־");
    expect(he).toContain("לדברי");
    const fr = readTexts(feedIn(truce, "2025-03-01T00:00:00Z", "fr")).texts.join("\n");
    expect(fr).toContain("Échéances et fins de phase de");
    expect(fr).toMatch(/Statut : /);
    expect(fr).toContain("Prolongation le");
    expect(fr).toContain("selon");
  });
});
