/**
 * What a story's calendar feed holds at an instant: one entry per deadline and per phase end, each as
 * known then (docs/decisions/0021-calendar-feeds.md). An entry's UID never changes; its SEQUENCE is the
 * number of moves known at the instant; its status says whether it still stands. Every date and every
 * source comes from the story as it stood at the instant (`storyAt`), so a deadline not yet reported
 * is absent and a moved one shows the date known then. ./feed.ts writes the entries as iCalendar.
 * Every sentence comes from the `calendar-feed` catalog area in the instant's language (`at.language`,
 * the story's own texts read in it by `storyAt`); English writes the feed it wrote before languages.
 */
import type { DeadlineNow, PhaseNow, StoryAt } from "../dataset/asof.js";
import type { EndVersion } from "../dataset/dataset.js";
import type { DeadlineStatus, MoveKind, PhaseStatus } from "../dataset/schema.js";
import { type Words, wordsFor } from "../language/words.js";
import { localDateOf, parseWhen, type When } from "../time/calendar.js";

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

/** "Tuesday 18 February 2025" or "20 Jan 2025, 04:00 GMT+2", in the story's zone. */
function whenText(words: Words, when: When, timeZone: string): string {
  return when.precision === "date" ? words.longDate(when.date) : words.instant(when.instant, timeZone);
}

function dayText(words: Words, at: string, timeZone: string): string {
  const when = parseWhen(at);
  return words.longDate(when.precision === "date" ? when.date : localDateOf(when.instant, timeZone));
}

/** `text`, and who says so when the data names them: "…, according to Mediators". */
function according(words: Words, text: string, who: string | undefined): string {
  return who ? words.t("calendar-feed.according", { text, who }) : text;
}

/** "Extended on Saturday 25 January 2025, according to Mediators". */
function moveText(
  words: Words,
  move: { kind: MoveKind; at: string; attribution?: string | undefined },
  tz: string,
): string {
  const said = words.t(`calendar-feed.move.${move.kind}`, { date: dayText(words, move.at, tz) });
  return according(words, said, move.attribution);
}

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
function sourcesPart(
  words: Words,
  at: StoryAt,
  ids: readonly string[],
): { lines: string[]; url: string | undefined } {
  const lines: string[] = [];
  let url: string | undefined;
  for (const id of new Set(ids)) {
    const s = at.story.sourcesById.get(id);
    if (!s || !at.knowsSource(id)) continue;
    url ??= s.url;
    const line = s.publisher
      ? words.t("calendar-feed.source-by", { title: s.title, publisher: s.publisher, published: s.published })
      : words.t("calendar-feed.source", { title: s.title, published: s.published });
    // The address stays outside the message: isolated, a calendar app would not see where it ends.
    lines.push(s.url ? `${line}: ${s.url}` : line);
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

function deadlineEntry(words: Words, at: StoryAt, d: DeadlineNow): CalendarEntry {
  const tz = at.timeZone;
  const dues = d.track.dues.visibleAt(at.t);
  const statuses = d.track.statuses.visibleAt(at.t);
  const lines = [
    words.t("calendar-feed.deadline.due", { title: d.deadline.title, when: whenText(words, d.due, tz) }),
  ];
  if (d.deadline.derived && d.version.version === 0)
    lines.push(words.t("calendar-feed.derived", { text: d.deadline.derived }));
  for (const v of dues) {
    if (!v.move) continue;
    const was = dues.filter((o) => o.version < v.version).at(-1);
    lines.push(
      words.t(v.move.note ? "calendar-feed.deadline.moved-note" : "calendar-feed.deadline.moved", {
        move: moveText(words, v.move, tz),
        was: was ? whenText(words, was.due, tz) : words.t("calendar-feed.first-date"),
        due: whenText(words, v.due, tz),
        note: v.move.note,
      }),
    );
  }
  const change = d.statusChange;
  const status = words.t(`calendar-feed.deadline-status.${d.status}`);
  lines.push(
    words.t(change?.note ? "calendar-feed.deadline.status-note" : "calendar-feed.deadline.status", {
      status: according(words, status, change?.attribution),
      note: change?.note,
    }),
  );
  // The source of the date in force first: the move's, else the deadline's own.
  const ids = [
    ...(d.version.move?.sourceIds ?? []),
    ...d.deadline.sourceIds,
    ...dues.flatMap((v) => v.move?.sourceIds ?? []),
    ...statuses.flatMap((s) => s.sourceIds),
  ];
  const sources = sourcesPart(words, at, ids);
  if (sources.lines.length) lines.push(words.t("calendar-feed.sources"), ...sources.lines);
  const created = Number.isFinite(d.track.existsFrom) ? d.track.existsFrom : storyStart(at);
  return {
    uid: deadlineUid(at.id, d.deadline.id),
    sequence: dues.filter((v) => v.move).length,
    status: DEADLINE_STATUS[d.status],
    summary: SAID.has(d.status)
      ? words.t("calendar-feed.deadline.summary", { title: d.deadline.title, status })
      : d.deadline.title,
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

/**
 * The end of `p` its calendar entry shows: the end in force or, in force until further notice, the
 * last date it had (the entry is then cancelled). None: the phase has no entry.
 */
function shownEnd(at: StoryAt, p: PhaseNow): When | undefined {
  if (p.end) return p.end;
  const dated = p.track.ends.visibleAt(at.t).filter((e): e is EndVersion & { end: When } => e.end !== null);
  return dated.at(-1)?.end;
}

function phaseEndEntry(words: Words, at: StoryAt, p: PhaseNow): CalendarEntry | undefined {
  const tz = at.timeZone;
  const ends = p.track.ends.visibleAt(at.t);
  const end = shownEnd(at, p);
  if (!end) return undefined;
  const phase = { phase: p.phase.name, when: whenText(words, end, tz) };
  const lines = [
    p.end === null
      ? words.t("calendar-feed.phase.end-gone", phase)
      : words.t("calendar-feed.phase.end", phase),
  ];
  if (p.phase.endDerived && !p.endMove)
    lines.push(words.t("calendar-feed.derived", { text: p.phase.endDerived }));
  for (const v of ends) {
    if (!v.move) continue;
    const params = { move: moveText(words, v.move, tz), note: v.move.note };
    const noted = Boolean(v.move.note);
    lines.push(
      v.end
        ? words.t(noted ? "calendar-feed.phase.moved-note" : "calendar-feed.phase.moved", {
            ...params,
            due: whenText(words, v.end, tz),
          })
        : words.t(noted ? "calendar-feed.phase.opened-note" : "calendar-feed.phase.opened", params),
    );
  }
  const change = p.statusChange;
  lines.push(
    words.t(change?.note ? "calendar-feed.phase.status-note" : "calendar-feed.phase.status", {
      status: according(words, words.t(`calendar-feed.phase-status.${p.status}`), change?.attribution),
      note: change?.note,
    }),
  );
  const ids = [
    ...(p.endMove?.sourceIds ?? []),
    ...p.phase.sourceIds,
    ...ends.flatMap((v) => v.move?.sourceIds ?? []),
    ...p.track.statuses.visibleAt(at.t).flatMap((s) => s.sourceIds),
  ];
  const sources = sourcesPart(words, at, ids);
  if (sources.lines.length) lines.push(words.t("calendar-feed.sources"), ...sources.lines);
  const created = Number.isFinite(p.track.existsFrom) ? p.track.existsFrom : storyStart(at);
  const statuses = p.track.statuses.visibleAt(at.t);
  const open = p.end === null;
  return {
    uid: phaseEndUid(at.id, p.phase.id),
    sequence: ends.filter((v) => v.move).length,
    status: open ? "CANCELLED" : PHASE_STATUS[p.status],
    summary: words.t(open ? "calendar-feed.phase.summary-none" : "calendar-feed.phase.summary", {
      phase: p.phase.name,
    }),
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

/**
 * The feed's entries at the instant: the deadlines, then the phase ends, each in the data's order,
 * written in the instant's language (`storyAt(story, instant, language)`). The UIDs are the same in
 * every language.
 */
/** How many entries `calendarEntries(at)` has, without writing them (what /calendar says). */
export function calendarEntryCount(at: StoryAt): number {
  return at.deadlines().length + at.phases().filter((p) => shownEnd(at, p) !== undefined).length;
}

export function calendarEntries(at: StoryAt): CalendarEntry[] {
  const words = wordsFor(at.language);
  return [
    ...at.deadlines().map((d) => deadlineEntry(words, at, d)),
    ...at.phases().flatMap((p) => phaseEndEntry(words, at, p) ?? []),
  ];
}
