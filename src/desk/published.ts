/**
 * A source's publication as the desk's source form takes it: a date, or a date and the time the page
 * gives, in the time zone the curator names (the story's by default). A time is written as an instant
 * with that zone's offset then, like "2025-03-01T23:28:00+00:00": the source is known from that
 * instant (docs/decisions/0017-known-from-per-statement.md).
 */

import { ENGLISH, type Words } from "../language/words.js";
import {
  isLocalDate,
  isValidTimeZone,
  localDateOf,
  wallTime,
  zonedInstant,
  zoneOffsetMinutes,
} from "../time/calendar.js";
import { type Form, text } from "./edit-text.js";

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

const two = (n: number) => String(n).padStart(2, "0");

/** "+02:00", "-04:00", "+00:00", "+05:30". */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const m = Math.abs(minutes);
  return `${sign}${two(Math.floor(m / 60))}:${two(m % 60)}`;
}

/**
 * The `published` to write (undefined when the field is empty: the schema says it is required), or
 * errors by field: `published`, `publishedTime`, `publishedZone`.
 */
export function publishedOf(
  form: Form,
  storyZone: string,
  w: Words = ENGLISH,
): { published: string | undefined } | { errors: Record<string, string> } {
  const date = text(form.published);
  const time = text(form.publishedTime);
  const zone = text(form.publishedZone);
  if (time === undefined) {
    if (zone !== undefined) {
      return { errors: { publishedZone: w.t("desk-forms.error.zone-without-time") } };
    }
    // A date, or an instant with its offset typed whole: the story schema checks which.
    return { published: date };
  }
  const errors: Record<string, string> = {};
  const match = TIME.exec(time);
  if (!match) errors.publishedTime = w.t("desk-forms.error.time");
  if (date === undefined || !isLocalDate(date)) {
    errors.published = w.t("desk-forms.error.date-with-time");
  }
  const tz = zone ?? storyZone;
  if (!isValidTimeZone(tz)) errors.publishedZone = w.t("desk-forms.error.zone");
  if (!match || date === undefined || Object.keys(errors).length > 0) return { errors };
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const instant = zonedInstant(date, hour, minute, tz);
  const wall = wallTime(instant, tz);
  if (wall.hour !== hour || wall.minute !== minute) {
    return {
      errors: {
        publishedTime: w.t("desk-forms.error.skipped-time", {
          time: `${two(hour)}:${two(minute)}`,
          date,
          zone: tz,
        }),
      },
    };
  }
  return { published: `${date}T${two(hour)}:${two(minute)}:00${offsetText(zoneOffsetMinutes(instant, tz))}` };
}

/**
 * An instant as a source's `published` writes it: the wall time in the zone with the zone's offset,
 * to the second ("2025-03-02T11:40:05+02:00").
 */
export function instantWithOffset(instant: Date, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  const time = `${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
  return `${localDateOf(instant, timeZone)}T${time}${offsetText(zoneOffsetMinutes(instant, timeZone))}`;
}
