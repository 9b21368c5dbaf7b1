/**
 * A story's calendar feed as iCalendar text (RFC 5545), written by ical-generator: the entries of
 * ./entries.ts as VEVENTs, date-only ones as all-day events (`DTSTART;VALUE=DATE`), exact ones at
 * their wall time in the story's zone (`DTSTART;TZID=…`) with that zone's VTIMEZONE (from
 * timezones-ical-library's copy of the IANA database), or in UTC when the library has no block for
 * the zone. Nothing in it comes from the wall clock: DTSTAMP, LAST-MODIFIED and CREATED are the
 * data's own instants, so the same data at the same instant gives the same bytes (and ETag).
 * The calendar's name and description and each event's texts are in the instant's language
 * (`at.language`); ical-generator has no LANGUAGE parameter, so the feed does not name it.
 */
import icalGenerator, { ICalEventStatus } from "ical-generator";
import { DateTime, IANAZone } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { StoryAt } from "../dataset/asof.js";
import { wordsFor } from "../language/words.js";
import { addDays, type When } from "../time/calendar.js";
import { type CalendarEntry, calendarEntries } from "./entries.js";

/** The feed's PRODID: who wrote it, per RFC 5545 3.7.3. */
const PRODUCT = { company: "ceasefire-bot", product: "calendar feed", language: "EN" };

/** How often a client should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL), in seconds. */
export const REFRESH_SECONDS = 3_600;

const STATUS: Record<CalendarEntry["status"], ICalEventStatus> = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/**
 * The zone's VTIMEZONE block and the TZID it names (the library names a zone by its canonical name:
 * Asia/Calcutta's block is Asia/Kolkata's), or undefined when it has none that we can write times in.
 */
export function vtimezone(timeZone: string): { tzid: string; block: string } | undefined {
  const found = tzlib_get_ical_block(timeZone);
  const block = Array.isArray(found) ? found[0] : undefined;
  if (!block?.startsWith("BEGIN:VTIMEZONE")) return undefined;
  const tzid = /^TZID:(.+?)\r?$/m.exec(block)?.[1];
  return tzid && IANAZone.isValidZone(tzid) ? { tzid, block } : undefined;
}

/** An instant as a zoned date-time ical-generator writes at its wall time in `zone` (or in UTC). */
const zoned = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone });

/** The start (and, for a day, the exclusive end) of an entry. */
function span(when: When, zone: string | undefined) {
  if (when.precision === "date") {
    const day = (date: string) => DateTime.fromISO(date, { zone: "UTC" });
    return { start: day(when.date), end: day(addDays(when.date, 1)), allDay: true };
  }
  return { start: zoned(when.instant.getTime(), zone ?? "UTC"), allDay: false };
}

/** The story's feed at the instant `at` stands for, as iCalendar text (of `entries`, when given). */
export function calendarFeed(at: StoryAt, entries: readonly CalendarEntry[] = calendarEntries(at)): string {
  const zone = vtimezone(at.timeZone)?.tzid;
  const calendar = icalGenerator({
    prodId: PRODUCT,
    name: at.title,
    description: wordsFor(at.language).t("calendar-feed.description", { story: at.title }),
    ttl: REFRESH_SECONDS,
    // No calendar zone (DTSTAMP and LAST-MODIFIED stay in UTC); each timed event names the story's.
    timezone: { name: null, generator: (tz) => vtimezone(tz)?.block ?? null },
  });
  for (const entry of entries) {
    const { start, end, allDay } = span(entry.when, zone);
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      status: STATUS[entry.status],
      summary: entry.summary,
      description: entry.description,
      ...(entry.url ? { url: entry.url } : {}),
      start,
      ...(end ? { end } : {}),
      allDay,
      ...(zone && !allDay ? { timezone: zone } : {}),
      stamp: zoned(entry.modified, "UTC"),
      lastModified: zoned(entry.modified, "UTC"),
      created: zoned(entry.created, "UTC"),
    });
  }
  return calendar.toString();
}
