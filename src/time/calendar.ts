/**
 * Calendar arithmetic with two precisions. A date-only value ("2025-03-01") is a day on the story's
 * calendar and is never shifted by a time zone; an instant ("2025-03-01T10:00:00+02:00") is a point
 * in time shown in the reader's (or the story's) zone. All zone work goes through Intl.
 */

export type LocalDate = string; // YYYY-MM-DD

export type When =
  | { precision: "date"; date: LocalDate }
  | { precision: "instant"; instant: Date; iso: string };

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function parseWhen(value: string): When {
  if (isLocalDate(value)) return { precision: "date", date: value };
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new Error(`not a date or an instant: ${value}`);
  return { precision: "instant", instant, iso: value };
}

function dateParts(date: LocalDate): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

/** Days from a to b (b - a), both calendar dates. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [ay, am, ad] = dateParts(a);
  const [by, bm, bd] = dateParts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = dateParts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * One formatter per (locale, options) and zone, made on first use: building an Intl.DateTimeFormat
 * costs far more than formatting with one.
 */
function zonedFormatter(
  locale: string,
  options: Omit<Intl.DateTimeFormatOptions, "timeZone">,
): (timeZone: string) => Intl.DateTimeFormat {
  const byZone = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let f = byZone.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      byZone.set(timeZone, f);
    }
    return f;
  };
}

const partsFormatter = zonedFormatter("en-US", {
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** The calendar date an instant falls on in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const w = wallTime(instant, timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** The zone's offset from UTC at an instant, in minutes. */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `hour:minute`. Across a DST gap
 * (a wall time that does not exist) it moves forward by the gap, as clocks do; in an overlap it takes
 * the earlier instant.
 */
export function zonedInstant(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const key = `${date}T${hour}:${minute} ${timeZone}`;
  let ms = zonedInstants.get(key);
  if (ms === undefined) {
    ms = computeZonedInstant(date, hour, minute, timeZone);
    // Data dates and reminder hours are few; the cap only bounds a long-running process's memory.
    if (zonedInstants.size >= 50_000) zonedInstants.clear();
    zonedInstants.set(key, ms);
  }
  return new Date(ms);
}

/** zonedInstant's answers: a pure function of its arguments, asked again for every answer. */
const zonedInstants = new Map<string, number>();

function computeZonedInstant(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = dateParts(date);
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  const first = zoneOffsetMinutes(new Date(guess), timeZone);
  let candidate = guess - first * 60_000;
  const second = zoneOffsetMinutes(new Date(candidate), timeZone);
  if (second !== first) {
    const alt = guess - second * 60_000;
    // Prefer the candidate whose wall time matches; in a gap neither does, take the later one.
    const altWall = wallTime(new Date(alt), timeZone);
    if (altWall.hour === hour && altWall.minute === minute) candidate = alt;
    else candidate = Math.max(candidate, alt);
  }
  // In an overlap the earlier instant with the same wall time wins.
  const earlier = candidate - 3_600_000;
  const ew = wallTime(new Date(earlier), timeZone);
  if (ew.hour === hour && ew.minute === minute && localDateOf(new Date(earlier), timeZone) === date) {
    candidate = earlier;
  }
  return candidate;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const longDate = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const shortDate = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
});

/** "Saturday 1 March 2025": formatted on the UTC calendar, so never shifted. */
export function formatLongDate(date: LocalDate): string {
  const [y, m, d] = dateParts(date);
  return longDate.format(new Date(Date.UTC(y, m - 1, d))).replace(",", "");
}

/** "1 Mar 2025" */
export function formatShortDate(date: LocalDate): string {
  const [y, m, d] = dateParts(date);
  return shortDate.format(new Date(Date.UTC(y, m - 1, d)));
}

const instantFormatter = zonedFormatter("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});
/** "1 Mar 2025, 10:00 GMT+2" in the given zone. */
export function formatInstant(instant: Date, timeZone: string): string {
  return instantFormatter(timeZone).format(instant);
}

/** Relative day phrase: "today", "tomorrow", "yesterday", "in 3 days", "4 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** Relative duration phrase for instants: "in 3 hours", "20 minutes ago", "in 2 days". */
export function relativeDuration(ms: number): string {
  const abs = Math.abs(ms);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  let text: string;
  // Round first, then pick the unit, so 59.9 minutes reads "1 hour", not "60 minutes".
  const minutes = Math.round(abs / 60_000);
  const hours = Math.round(abs / 3_600_000);
  if (abs < 60_000) return "now";
  if (minutes < 60) text = unit(minutes, "minute");
  else if (hours < 24) text = unit(hours, "hour");
  else text = unit(Math.round(abs / 86_400_000), "day");
  return ms > 0 ? `in ${text}` : `${text} ago`;
}
