/**
 * When a statement becomes known: the rules of docs/decisions/0017-known-from-per-statement.md, in one
 * place, for the index (dataset.ts) and for `validate`'s hindsight check (hindsight.ts).
 *
 * - A source with a publication instant is known from that instant.
 * - A source with a publication date P (no time) is known from the start of P for what happened
 *   before P (or is planned after it); for what happened on P itself, from the instant it happened when
 *   that instant is given, and otherwise only from the end of P: a report of that day may have come
 *   out after midnight or just before the next one, and the bot must never state a thing before it
 *   happened.
 * - A statement is known from the publication of the source that first reported it: its first cited
 *   source. Every other source it cites must be known by then (validate refuses it otherwise), so the
 *   index takes the latest of them, which for valid data is the first.
 */
import {
  addDays,
  type LocalDate,
  localDateOf,
  parseWhen,
  type When,
  zonedInstant,
} from "../time/calendar.js";

/** Epoch ms at which a point in time starts: a date at midnight in the zone. */
export function startMs(when: When, timeZone: string): number {
  return when.precision === "date"
    ? zonedInstant(when.date, 0, 0, timeZone).getTime()
    : when.instant.getTime();
}

/** Epoch ms at which a point in time is over: a date at the next midnight, an instant at itself. */
export function endMs(when: When, timeZone: string): number {
  return when.precision === "date"
    ? zonedInstant(addDays(when.date, 1), 0, 0, timeZone).getTime()
    : when.instant.getTime();
}

/** The story-local day of a point in time. */
export function dayOf(when: When, timeZone: string): LocalDate {
  return when.precision === "date" ? when.date : localDateOf(when.instant, timeZone);
}

/**
 * From when a source, published at `published`, makes known a statement about `about` (what happened,
 * or from when it holds; undefined for what is not tied to a day, like a party or a term).
 */
export function sourceKnownFrom(published: When, about: When | undefined, timeZone: string): number {
  if (published.precision === "instant") return published.instant.getTime();
  const opens = startMs(published, timeZone);
  if (!about || dayOf(about, timeZone) !== published.date) return opens;
  if (about.precision === "instant") return Math.max(opens, about.instant.getTime());
  return endMs(published, timeZone);
}

/** A source as the index keeps it: its publication as written, and as an instant and a local day. */
export interface Publication {
  when: When;
  /** The story-local day it was published. */
  day: LocalDate;
  /** Epoch ms from which it may be cited (a date: the start of that day). */
  ms: number;
}

export function publicationOf(published: string, timeZone: string): Publication {
  const when = parseWhen(published);
  return { when, day: dayOf(when, timeZone), ms: startMs(when, timeZone) };
}

/**
 * The known-from rule bound to one story's sources: `known(ids, about)` is when the statement those
 * sources report becomes known (-Infinity for a statement that cites none; +Infinity when it cites
 * only unknown ids, which validate reports).
 */
export function knownFromSources(
  sources: readonly { id: string; published: string }[],
  timeZone: string,
): (ids: readonly string[] | undefined, about: When | undefined) => number {
  const published = new Map(sources.map((s) => [s.id, parseWhen(s.published)]));
  return (ids, about) => {
    if (!ids || ids.length === 0) return Number.NEGATIVE_INFINITY;
    let known = Number.NEGATIVE_INFINITY;
    for (const id of ids) {
      const p = published.get(id);
      known = Math.max(known, p ? sourceKnownFrom(p, about, timeZone) : Number.POSITIVE_INFINITY);
    }
    return known;
  };
}
