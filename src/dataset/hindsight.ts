/**
 * What `validate` refuses so that the bot never states a thing before it was known
 * (docs/decisions/0017-known-from-per-statement.md), statement by statement (statements.ts):
 *
 * - a sourced statement without evidence (a short quote from its first source);
 * - a statement citing a source published after the statement becomes visible;
 * - a statement whose text mentions a date later than the instant it becomes known, unless that date
 *   is scheduled (a due date, a planned start or end, known by then);
 * - a deadline (or a move of one) that becomes known only at or after its own due date, so that its
 *   reminders could never fire.
 */
import { localDateOf, parseWhen, type When, wallTime } from "../time/calendar.js";
import { dayOf, sourceKnownFrom, startMs } from "./known.js";
import type { StoryFile } from "./schema.js";
import { type Statement, statementsOf } from "./statements.js";

export interface HindsightProblem {
  path: string;
  message: string;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH =
  "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?";
/** 2025-03-01; 1 March 2025; 1 March; March 1, 2025; March 1; March 2025. */
const DATE_MENTION = new RegExp(
  [
    "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b",
    `\\b(\\d{1,2}) ${MONTH}(?:,? (\\d{4}))?\\b`,
    `\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`,
    `\\b${MONTH} (\\d{4})\\b`,
  ].join("|"),
  "g",
);

export interface DateMention {
  text: string;
  /** The first day it can mean: the day, or the first of a month named without a day. */
  first: string;
  /** The last day it can mean (the same day, or the month's last). */
  last: string;
}

const two = (n: number) => String(n).padStart(2, "0");

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, "");
  return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3)));
}

function day(year: number, month: number, d: number): string | undefined {
  const t = new Date(Date.UTC(year, month, d));
  if (t.getUTCMonth() !== month || t.getUTCDate() !== d) return undefined;
  return `${year}-${two(month + 1)}-${two(d)}`;
}

/**
 * A day and month without a year, read as the occurrence nearest to `reference` (a tie goes to the
 * past): news texts name recent days and days soon to come without their year.
 */
function nearest(month: number, d: number, reference: string): string | undefined {
  const year = Number(reference.slice(0, 4));
  const candidates = [year - 1, year, year + 1].flatMap((y) => day(y, month, d) ?? []);
  const distance = (c: string) => Math.abs(Date.parse(c) - Date.parse(reference));
  return candidates.sort((a, b) => distance(a) - distance(b) || (a < b ? -1 : 1))[0];
}

/** The dates a text mentions; a day and month without a year are read near the day `reference`. */
export function dateMentions(text: string, reference: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(DATE_MENTION)) {
    const g = m.slice(1);
    let first: string | undefined;
    let last: string | undefined;
    if (g[0]) {
      first = last = day(Number(g[0]), Number(g[1]) - 1, Number(g[2]));
    } else if (g[3] && g[4]) {
      first = last = g[5]
        ? day(Number(g[5]), monthIndex(g[4]), Number(g[3]))
        : nearest(monthIndex(g[4]), Number(g[3]), reference);
    } else if (g[6] && g[7]) {
      first = last = g[8]
        ? day(Number(g[8]), monthIndex(g[6]), Number(g[7]))
        : nearest(monthIndex(g[6]), Number(g[7]), reference);
    } else if (g[9] && g[10]) {
      const y = Number(g[10]);
      const mi = monthIndex(g[9]);
      first = day(y, mi, 1);
      last = day(y, mi, new Date(Date.UTC(y, mi + 1, 0)).getUTCDate());
    }
    if (first && last) out.push({ text: m[0], first, last });
  }
  return out;
}

function describeInstant(ms: number, timeZone: string): string {
  const t = new Date(ms);
  const w = wallTime(t, timeZone);
  return `${localDateOf(t, timeZone)} ${two(w.hour)}:${two(w.minute)} ${timeZone}`;
}

function describeWhen(when: When): string {
  return when.precision === "date" ? when.date : when.iso;
}

export function checkHindsight(data: StoryFile): HindsightProblem[] {
  const tz = data.story.timeZone;
  const statements = statementsOf(data);
  const problems: HindsightProblem[] = [];
  const published = new Map(data.sources.map((s) => [s.id, parseWhen(s.published)]));
  const at = (ms: number) => describeInstant(ms, tz);

  /** Scheduled days, each with the instant it is known from. */
  const scheduled = statements.flatMap((s) =>
    s.scheduled.map((when) => ({ day: dayOf(when, tz), visibleFrom: s.visibleFrom })),
  );
  const isScheduled = (mention: DateMention, by: number) =>
    scheduled.some((x) => x.visibleFrom <= by && x.day >= mention.first && x.day <= mention.last);

  for (const s of statements) {
    if (s.sourceIds.length > 0 && !s.evidence) {
      problems.push({
        path: `${s.path}.evidence`,
        message: `is required: a short quote (at most 300 characters) from source "${s.sourceIds[0]}" that supports this statement`,
      });
    }
    if (!Number.isFinite(s.visibleFrom)) continue;
    s.sourceIds.forEach((id, i) => {
      const p = published.get(id);
      if (!p) return; // an unknown id is a reference error
      const known = sourceKnownFrom(p, s.about, tz);
      if (known > s.visibleFrom) {
        problems.push({
          path: `${s.path}.sourceIds[${i}]`,
          message: `cites "${id}", published ${describeWhen(p)} (known from ${at(known)}), after the statement is shown (from ${at(s.visibleFrom)}): cite it in a later entry of its own`,
        });
      }
    });
    checkDates(s, problems, tz, isScheduled);
    if (s.kind === "deadline" || s.kind === "deadline-move") {
      for (const due of s.scheduled) {
        if (s.visibleFrom >= startMs(due, tz)) {
          problems.push({
            path: s.path,
            message: `becomes known on ${at(s.visibleFrom)}, at or after its due date ${describeWhen(due)}: its reminders could never fire; cite the source that announced it`,
          });
        }
      }
    }
  }
  return problems;
}

function checkDates(
  s: Statement,
  problems: HindsightProblem[],
  timeZone: string,
  isScheduled: (m: DateMention, by: number) => boolean,
) {
  const knownDay = localDateOf(new Date(s.visibleFrom), timeZone);
  for (const text of [...s.texts, ...s.names]) {
    if (s.scheduleTexts.includes(text)) continue;
    for (const mention of dateMentions(text, knownDay)) {
      if (mention.first <= knownDay || isScheduled(mention, s.visibleFrom)) continue;
      problems.push({
        path: s.path,
        message: `mentions "${mention.text}" (${mention.first}), later than ${knownDay}, when it becomes known: a statement may not tell the future (unless the date is a due date or planned end known by then)`,
      });
    }
  }
}
