/**
 * What the timeline picture shows, read from a story as it stood at one instant (`StoryAt`), never
 * from the raw file: the phases known then (start, planned end in force, the end they had before a
 * move, their state), the deadlines known then (due date in force, the due dates they had before,
 * their status), how many events were known then, per day, and the span the picture covers.
 * The drawing (timeline-chart.ts) and the alt text read this one model, so they say the same.
 */
import type { PhaseState, StoryAt } from "../dataset/asof.js";
import { endMs, firstOnOrAfter, startMs } from "../dataset/dataset.js";
import type { DeadlineStatus } from "../dataset/schema.js";
import type { LocalDate, When } from "../time/calendar.js";
import { localDateOf, zoneOffsetMinutes } from "../time/calendar.js";

const DAY_MS = 86_400_000;
/** At most this many phases are drawn (rows); the alt text names the rest as "and N more". */
export const MAX_PHASES = 6;
/** At most this many deadlines are drawn, the nearest to the instant first. */
export const MAX_DEADLINES = 24;
/** At most this many earlier due dates of one deadline are drawn (the latest ones). */
export const MAX_PREVIOUS = 3;
/** The events strip's bars: the span cut into this many equal parts. */
export const EVENT_BUCKETS = 240;

export interface PhaseBand {
  id: string;
  name: string;
  state: PhaseState;
  /** Epoch ms of its start; undefined when no start is set (drawn as a label only). */
  start?: number;
  /** Epoch ms of its end as drawn: its planned end in force, or when it ended. */
  end?: number;
  /** In force until further notice, or no end set yet: the band runs on to the picture's edge. */
  open: boolean;
  startDay?: LocalDate;
  endDay?: LocalDate;
  /** The planned end it had before its end was moved (the original). */
  plannedEnd?: { t: number; day: LocalDate } | undefined;
}

export interface DeadlineMark {
  id: string;
  title: string;
  status: DeadlineStatus;
  due: number;
  dueDay: LocalDate;
  /** The due dates it had before, oldest first (at most MAX_PREVIOUS, the latest ones). */
  previous: { t: number; day: LocalDate }[];
  /** How many due dates it had before, in all. */
  moves: number;
}

export interface TimelineModel {
  storyId: string;
  title: string;
  timeZone: string;
  /** The instant asked, to the minute (what the picture's "today" mark stands at). */
  now: number;
  today: LocalDate;
  from: number;
  to: number;
  phases: PhaseBand[];
  phasesTotal: number;
  deadlines: DeadlineMark[];
  deadlinesTotal: number;
  eventsTotal: number;
  /**
   * The events strip, counted when first asked (the drawing needs it, the alt text does not): events
   * known at the instant in each of EVENT_BUCKETS equal parts of [from, to] by their day, and how many
   * are dated before `from` (drawn as a count at the left edge).
   */
  eventStrip(): { buckets: number[]; before: number };
  /** The span of a /timeline page, highlighted. */
  window?: { from: number; to: number } | undefined;
  /** The phase /phase is about, outlined. */
  highlight?: string | undefined;
}

export interface TimelineOptions {
  /** A /timeline page's span: the days of its first and last events. */
  window?: { from: When; to: When } | undefined;
  highlight?: string | undefined;
}

/** Midday of a date (a mark for a whole day sits in its middle), an instant itself. */
function markMs(when: When, tz: string): number {
  return when.precision === "date" ? (startMs(when, tz) + endMs(when, tz)) / 2 : startMs(when, tz);
}

function phasesOf(story: StoryAt, tz: string): PhaseBand[] {
  return story.phases().map((p): PhaseBand => {
    const state = story.phaseState(p);
    const m = story.phaseMoment(p);
    const band: PhaseBand = { id: p.phase.id, name: p.phase.name, state, open: false };
    if (!p.start) return band;
    band.start = startMs(p.start, tz);
    band.startDay = localDateOf(new Date(band.start), tz);
    if (m.state === "after") band.end = endMs(m.ended, tz);
    else if (p.end) band.end = endMs(p.end, tz);
    else band.open = true;
    if (band.end !== undefined) band.endDay = localDateOf(new Date(band.end - 1), tz);
    const original = p.track.ends.entries[0]?.end;
    if (p.endMove && original) {
      const t = endMs(original, tz);
      band.plannedEnd = { t, day: localDateOf(new Date(t - 1), tz) };
    }
    return band;
  });
}

function deadlinesOf(story: StoryAt, tz: string): DeadlineMark[] {
  return story.deadlines().map((d) => {
    const due = markMs(d.due, tz);
    const earlier = d.previous.filter((v) => v.due !== d.due);
    const previous = earlier.slice(-MAX_PREVIOUS).map((v) => {
      const t = markMs(v.due, tz);
      return { t, day: localDateOf(new Date(t), tz) };
    });
    return {
      id: d.deadline.id,
      title: d.deadline.title,
      status: d.status,
      due,
      dueDay: localDateOf(new Date(due), tz),
      previous,
      moves: earlier.length,
    };
  });
}

/** The span drawn: from the story's first phase, deadline or report to the instant and what is due soon. */
function spanOf(
  now: number,
  phases: readonly PhaseBand[],
  deadlines: readonly DeadlineMark[],
  firstReport: number | undefined,
): { from: number; to: number } {
  const times = [
    ...phases.flatMap((p) => [p.start, p.end, p.plannedEnd?.t]),
    ...deadlines.flatMap((d) => [d.due, ...d.previous.map((v) => v.t)]),
    firstReport,
  ].filter((t): t is number => t !== undefined && Number.isFinite(t));
  const first = Math.min(now, ...times);
  const last = Math.max(now, ...times);
  // What is due after the instant is drawn up to a while ahead: a quarter of the span, 30 days at least.
  const ahead = Math.max(30 * DAY_MS, (now - first) / 4);
  const to = Math.min(last, now + ahead);
  const pad = Math.max(DAY_MS, (to - first) * 0.02);
  return { from: first - pad, to: to + pad };
}

/**
 * The events known at the instant, counted per part of the span by their day: each part's first
 * event found by binary search on the timeline (sorted by day), its known events counted by the
 * timeline's index (VisibleList.count), so 10,000 events cost a few hundred searches, never a scan.
 * A part starts at a day's midnight at the zone's offset of the instant: an hour off across a change
 * of summer time is far less than a pixel.
 */
function countEvents(
  story: StoryAt,
  span: { from: number; to: number },
): { buckets: number[]; before: number } {
  const list = story.events();
  if (!list) return { buckets: new Array<number>(EVENT_BUCKETS).fill(0), before: 0 };
  const offset = zoneOffsetMinutes(new Date(story.t), story.timeZone) * 60_000;
  const dayAt = (t: number) => new Date(t + offset).toISOString().slice(0, 10);
  const size = (span.to - span.from) / EVENT_BUCKETS;
  const bounds = Array.from({ length: EVENT_BUCKETS + 1 }, (_, i) =>
    i === EVENT_BUCKETS ? list.length : firstOnOrAfter(list.items, dayAt(span.from + i * size)),
  );
  const buckets = bounds.slice(0, -1).map((lo, i) => list.count(story.t, lo, bounds[i + 1] ?? lo));
  return { buckets, before: list.count(story.t, 0, bounds[0] ?? 0) };
}

/** What a timeline of a story at an instant shows whatever the page or phase asked. */
interface TimelineBase {
  now: number;
  phases: PhaseBand[];
  deadlines: DeadlineMark[];
  span: { from: number; to: number };
  eventsTotal: number;
  eventStrip(): { buckets: number[]; before: number };
}

/**
 * The last base drawn of each story (held only while the story is: a reload makes a new one): the
 * pages of /timeline and /phase of each phase asked at one instant share it.
 */
const lastBase = new WeakMap<StoryAt["story"], { t: number; base: TimelineBase }>();

function baseOf(story: StoryAt): TimelineBase {
  const hit = lastBase.get(story.story);
  if (hit && hit.t === story.t) return hit.base;
  const tz = story.timeZone;
  const now = Math.floor(story.t / 60_000) * 60_000;
  const phases = phasesOf(story, tz);
  const deadlines = deadlinesOf(story, tz);
  const reported = story
    .sources()
    .reduce((min, s) => Math.min(min, s.publication.ms), Number.POSITIVE_INFINITY);
  const span = spanOf(now, phases, deadlines, Number.isFinite(reported) ? reported : undefined);
  let strip: { buckets: number[]; before: number } | undefined;
  const base: TimelineBase = {
    now,
    phases,
    deadlines,
    span,
    eventsTotal: story.events()?.count(story.t) ?? 0,
    eventStrip: () => {
      strip ??= countEvents(story, span);
      return strip;
    },
  };
  lastBase.set(story.story, { t: story.t, base });
  return base;
}

/** The timeline of a story as known at its instant. */
export function timelineModel(story: StoryAt, options: TimelineOptions = {}): TimelineModel {
  const tz = story.timeZone;
  const { now, phases: allPhases, deadlines: allDeadlines, span, eventsTotal, eventStrip } = baseOf(story);
  // The phases in the story's order, the highlighted one always among them.
  let phases = allPhases.slice(0, MAX_PHASES);
  const chosen = allPhases.find((p) => p.id === options.highlight);
  if (chosen && !phases.includes(chosen)) phases = [...allPhases.slice(0, MAX_PHASES - 1), chosen];
  const deadlines = allDeadlines
    .filter((d) => d.due >= span.from && d.due <= span.to)
    .sort((a, b) => Math.abs(a.due - now) - Math.abs(b.due - now) || a.id.localeCompare(b.id))
    .slice(0, MAX_DEADLINES)
    .sort((a, b) => a.due - b.due || a.id.localeCompare(b.id));
  const window = options.window && {
    from: startMs(options.window.from, tz),
    to: endMs(options.window.to, tz),
  };
  return {
    storyId: story.id,
    title: story.title,
    timeZone: tz,
    now,
    today: story.today,
    ...span,
    phases,
    phasesTotal: allPhases.length,
    deadlines,
    deadlinesTotal: allDeadlines.length,
    eventsTotal,
    eventStrip,
    window,
    highlight: options.highlight,
  };
}
