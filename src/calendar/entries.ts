/**
 * What a story's calendar feed holds at an instant: one entry per deadline and per phase end, each as
 * known then (docs/decisions/0021-calendar-feeds.md). An entry's UID never changes; its SEQUENCE is the
 * number of moves known at the instant; its status says whether it still stands. Every date and every
 * source comes from the story as it stood at the instant (`storyAt`), so a deadline not yet reported
 * is absent and a moved one shows the date known then. ./feed.ts writes the entries as iCalendar.
 */
import type { DeadlineNow, PhaseNow, StoryAt } from "../dataset/asof.js";
import type { EndVersion } from "../dataset/dataset.js";
import type { DeadlineStatus, MoveKind, PhaseStatus } from "../dataset/schema.js";
import { formatInstant, formatLongDate, localDateOf, parseWhen, type When } from "../time/calendar.js";

export type EntryStatus = "CONFIRMED" | "TENTATIVE" | "CANCELLED";

export interface CalendarEntry {
  /** Stable for the entry's whole life: `<deadline-id>@<story>.ceasefire-bot`, `<phase-id>.end@…`. */
  uid: string;
  /** The number of moves of its date known at the instant. */
  sequence: number;
  status: EntryStatus;
  summary: string;
  description: string;
  /** The address of the source behind the date in force, when it has one. */
  url: string | undefined;
  /** The date (an all-day entry) or the instant. */
  when: When;
  /** Epoch ms of the latest change known at the instant (DTSTAMP and LAST-MODIFIED). */
  modified: number;
  /** Epoch ms from which the entry is known (CREATED). */
  created: number;
}

const DOMAIN = "ceasefire-bot";

export function deadlineUid(storyId: string, deadlineId: string): string {
  return `${deadlineId}@${storyId}.${DOMAIN}`;
}

/** A dot never occurs in an id, so a phase end's UID never equals a deadline's. */
export function phaseEndUid(storyId: string, phaseId: string): string {
  return `${phaseId}.end@${storyId}.${DOMAIN}`;
}

const MOVED: Record<MoveKind, string> = {
  extended: "Extended",
  postponed: "Postponed",
  "brought-forward": "Brought forward",
};

/** "Tuesday 18 February 2025" or "20 Jan 2025, 04:00 GMT+2", in the story's zone. */
function whenText(when: When, timeZone: string): string {
  return when.precision === "date" ? formatLongDate(when.date) : formatInstant(when.instant, timeZone);
}

function dayText(at: string, timeZone: string): string {
  const when = parseWhen(at);
  return formatLongDate(when.precision === "date" ? when.date : localDateOf(when.instant, timeZone));
}

const according = (who: string | undefined) => (who ? `, according to ${who}` : "");

/** The latest finite instant of `times`, else `fallback`. */
function latest(times: readonly number[], fallback: number): number {
  const finite = times.filter(Number.isFinite);
  return finite.length ? Math.max(...finite) : fallback;
}

/** When the story's data begins, for facts known "from the start": its first source, else its as-of day. */
function storyStart(at: StoryAt): number {
  const published = [...at.story.sourcesById.values()].map((s) => s.publication.ms).filter(Number.isFinite);
  return published.length ? Math.min(...published) : Date.parse(at.story.story.asOf);
}

/** The sources known at the instant among `ids` (the first first), as description lines, and the first address. */
function sourcesPart(at: StoryAt, ids: readonly string[]): { lines: string[]; url: string | undefined } {
  const lines: string[] = [];
  let url: string | undefined;
  for (const id of new Set(ids)) {
    const s = at.story.sourcesById.get(id);
    if (!s || !at.knowsSource(id)) continue;
    url ??= s.url;
    const by = s.publisher ? ` (${s.publisher}, ${s.published})` : ` (${s.published})`;
    lines.push(`- ${s.title}${by}${s.url ? `: ${s.url}` : ""}`);
  }
  return { lines, url };
}

const DEADLINE_STATUS: Record<DeadlineStatus, EntryStatus> = {
  scheduled: "CONFIRMED",
  met: "CONFIRMED",
  missed: "CONFIRMED",
  extended: "CONFIRMED",
  postponed: "CONFIRMED",
  disputed: "TENTATIVE",
  cancelled: "CANCELLED",
};

/** Statuses the summary names: the outcome, or why the date may not hold. */
const SAID: ReadonlySet<DeadlineStatus> = new Set(["met", "missed", "disputed", "cancelled"]);

function deadlineEntry(at: StoryAt, d: DeadlineNow): CalendarEntry {
  const tz = at.timeZone;
  const dues = d.track.dues.visibleAt(at.t);
  const statuses = d.track.statuses.visibleAt(at.t);
  const lines = [`${d.deadline.title}: due ${whenText(d.due, tz)}.`];
  if (d.deadline.derived && d.version.version === 0) lines.push(`Derived: ${d.deadline.derived}`);
  for (const v of dues) {
    if (!v.move) continue;
    const was = dues.filter((o) => o.version < v.version).at(-1);
    lines.push(
      `${MOVED[v.move.kind]} on ${dayText(v.move.at, tz)}${according(v.move.attribution)}: ` +
        `from ${was ? whenText(was.due, tz) : "its first date"} to ${whenText(v.due, tz)}` +
        `${v.move.note ? ` (${v.move.note})` : ""}.`,
    );
  }
  const change = d.statusChange;
  lines.push(
    `Status: ${d.status}${according(change?.attribution)}${change?.note ? `: ${change.note}` : "."}`,
  );
  // The source of the date in force first: the move's, else the deadline's own.
  const ids = [
    ...(d.version.move?.sourceIds ?? []),
    ...d.deadline.sourceIds,
    ...dues.flatMap((v) => v.move?.sourceIds ?? []),
    ...statuses.flatMap((s) => s.sourceIds),
  ];
  const sources = sourcesPart(at, ids);
  if (sources.lines.length) lines.push("Sources:", ...sources.lines);
  const created = Number.isFinite(d.track.existsFrom) ? d.track.existsFrom : storyStart(at);
  return {
    uid: deadlineUid(at.id, d.deadline.id),
    sequence: dues.filter((v) => v.move).length,
    status: DEADLINE_STATUS[d.status],
    summary: SAID.has(d.status) ? `${d.deadline.title} (${d.status})` : d.deadline.title,
    description: lines.join("\n"),
    url: sources.url,
    when: d.due,
    modified: latest(
      [created, ...dues.map((v) => v.visibleFrom), ...statuses.map((s) => s.visibleFrom)],
      created,
    ),
    created,
  };
}

const PHASE_STATUS: Record<PhaseStatus, EntryStatus> = {
  planned: "TENTATIVE",
  negotiating: "TENTATIVE",
  active: "CONFIRMED",
  extended: "CONFIRMED",
  suspended: "TENTATIVE",
  disputed: "TENTATIVE",
  ended: "CONFIRMED",
  collapsed: "CANCELLED",
  "never-began": "CANCELLED",
};

function phaseEndEntry(at: StoryAt, p: PhaseNow): CalendarEntry | undefined {
  const tz = at.timeZone;
  const ends = p.track.ends.visibleAt(at.t);
  const dated = ends.filter((e): e is EndVersion & { end: When } => e.end !== null);
  // The end in force, or (in force until further notice) the last date it had: cancelled.
  const end = p.end ?? dated.at(-1)?.end;
  if (!end) return undefined;
  const lines = [
    p.end === null
      ? `The last planned end of ${p.phase.name} was ${whenText(end, tz)}; it now has none.`
      : `The planned end of ${p.phase.name}: ${whenText(end, tz)}.`,
  ];
  if (p.phase.endDerived && !p.endMove) lines.push(`Derived: ${p.phase.endDerived}`);
  for (const v of ends) {
    if (!v.move) continue;
    const to = v.end ? `to ${whenText(v.end, tz)}` : "no planned end: in force until further notice";
    lines.push(
      `${MOVED[v.move.kind]} on ${dayText(v.move.at, tz)}${according(v.move.attribution)}: ${to}` +
        `${v.move.note ? ` (${v.move.note})` : ""}.`,
    );
  }
  const change = p.statusChange;
  lines.push(
    `Phase status: ${p.status}${according(change?.attribution)}${change?.note ? `: ${change.note}` : "."}`,
  );
  const ids = [
    ...(p.endMove?.sourceIds ?? []),
    ...p.phase.sourceIds,
    ...ends.flatMap((v) => v.move?.sourceIds ?? []),
    ...p.track.statuses.visibleAt(at.t).flatMap((s) => s.sourceIds),
  ];
  const sources = sourcesPart(at, ids);
  if (sources.lines.length) lines.push("Sources:", ...sources.lines);
  const created = Number.isFinite(p.track.existsFrom) ? p.track.existsFrom : storyStart(at);
  const statuses = p.track.statuses.visibleAt(at.t);
  const open = p.end === null;
  return {
    uid: phaseEndUid(at.id, p.phase.id),
    sequence: ends.filter((v) => v.move).length,
    status: open ? "CANCELLED" : PHASE_STATUS[p.status],
    summary: `End of ${p.phase.name}${open ? " (none: in force until further notice)" : ""}`,
    description: lines.join("\n"),
    url: sources.url,
    when: end,
    modified: latest(
      [created, ...ends.map((v) => v.visibleFrom), ...statuses.map((s) => s.visibleFrom)],
      created,
    ),
    created,
  };
}

/** The feed's entries at the instant: the deadlines, then the phase ends, each in the data's order. */
export function calendarEntries(at: StoryAt): CalendarEntry[] {
  return [
    ...at.deadlines().map((d) => deadlineEntry(at, d)),
    ...at.phases().flatMap((p) => phaseEndEntry(at, p) ?? []),
  ];
}
