/**
 * What a picture shows, in words, for readers who cannot see it: the same model the drawing reads,
 * said as sentences within the platforms' limit for a description (1,000 characters). Lists that do
 * not fit end with "and N more", so the reader knows how much is left out.
 */
import type { DeadlineStatus } from "../dataset/schema.js";
import { cutText } from "../dataset/text-safety.js";
import { formatShortDate, localDateOf } from "../time/calendar.js";
import type { FigureModel } from "./figure-model.js";
import { andMore, cleanText } from "./svg.js";
import { PHASE_WORDS, type PhaseBand, type TimelineModel } from "./timeline-model.js";

/** The longest alt text a picture carries. */
export const ALT_MAX = 1_000;

export interface AltList {
  /** "Phases", "Deadlines" … */
  label: string;
  items: readonly string[];
  /** How many there are in all (more than `items` when the model left some out already). */
  total: number;
  /** What the rest are called: "more", "earlier values". */
  more?: string;
}

/**
 * An intro, lists and an ending within `max` characters: each list takes as many of its items, in
 * order, as fit beside the room the other lists' "and N more" may need; the rest are counted.
 */
export function fitAlt(intro: string, lists: readonly AltList[], outro = "", max = ALT_MAX): string {
  const tail = (list: AltList, shown: number) =>
    shown < list.total ? `${shown ? "; " : ""}${andMore(list.total - shown, list.more)}` : "";
  const reserve = lists.reduce((n, l) => n + l.label.length + 4 + tail(l, 0).length + 2, 0);
  let room = max - intro.length - outro.length - reserve - 2;
  const parts: string[] = [];
  for (const list of lists) {
    const shown: string[] = [];
    for (const item of list.items) {
      const cost = item.length + 2;
      if (cost > room) break;
      shown.push(item);
      room -= cost;
    }
    parts.push(`${list.label}: ${shown.join("; ")}${tail(list, shown.length)}.`);
  }
  const out = [intro, ...parts, outro].filter(Boolean).join(" ");
  return [...out].length <= max ? out : cutText(out, max);
}

const DEADLINE_WORDS: Record<DeadlineStatus, string> = {
  scheduled: "scheduled",
  met: "met",
  missed: "missed",
  extended: "extended",
  postponed: "postponed",
  disputed: "disputed",
  cancelled: "cancelled",
};

function phaseWords(p: PhaseBand): string {
  const name = cleanText(p.name, 80);
  const dates = !p.startDay
    ? "no dates set"
    : `from ${formatShortDate(p.startDay)} ${p.endDay ? `to ${formatShortDate(p.endDay)}` : "with no end set"}`;
  const moved = p.plannedEnd ? `, planned end was ${formatShortDate(p.plannedEnd.day)}` : "";
  return `${name}, ${dates}${moved}, ${PHASE_WORDS[p.state]}`;
}

/** The timeline picture in words. */
export function timelineAlt(m: TimelineModel): string {
  const intro = `Timeline of ${cleanText(m.title, 120)} as known on ${formatShortDate(m.today)}, marked as today.`;
  const deadlines = m.deadlines.map((d) => {
    const dates = d.previous.map((v) => formatShortDate(v.day)).join(", then ");
    const was =
      d.moves > d.previous.length
        ? ` (moved ${d.moves} times, lately from ${dates})`
        : d.previous.length
          ? ` (moved from ${dates})`
          : "";
    return `${cleanText(d.title, 80)}, due ${formatShortDate(d.dueDay)}${was}, ${DEADLINE_WORDS[d.status]}`;
  });
  const events = `${m.eventsTotal.toLocaleString("en-GB")} event${m.eventsTotal === 1 ? "" : "s"} known`;
  const page = m.window
    ? `; this page covers ${formatShortDate(dateOf(m.window.from, m))} to ${formatShortDate(dateOf(m.window.to - 1, m))}`
    : "";
  return fitAlt(
    intro,
    [
      { label: "Phases", items: m.phases.map(phaseWords), total: m.phasesTotal },
      { label: "Deadlines", items: deadlines, total: m.deadlinesTotal },
    ],
    `${events}${page}.`,
  );
}

function dateOf(t: number, m: TimelineModel): string {
  return localDateOf(new Date(t), m.timeZone);
}

/** The figure picture in words: every value (the latest first) with who says it. */
export function figureAlt(m: FigureModel): string {
  const intro = `Step chart of ${cleanText(m.label, 120)} as known on ${formatShortDate(m.today)}: ${m.total.toLocaleString("en-GB")} value${m.total === 1 ? "" : "s"}${m.points.length ? ` from ${formatShortDate(m.points[0]?.day ?? m.today)} to ${formatShortDate(m.points.at(-1)?.day ?? m.today)}` : ""}.`;
  const items = [...m.points]
    .reverse()
    .map((p) => `${formatShortDate(p.day)}: ${p.amount}, according to ${p.attribution}`);
  return fitAlt(intro, [{ label: "Values, latest first", items, total: m.total, more: "earlier values" }]);
}
