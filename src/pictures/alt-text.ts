/**
 * What a picture shows, in words, for readers who cannot see it: the same model the drawing reads,
 * said as sentences within the platforms' limit for a description (1,000 characters), in the reader's
 * language (the catalog's `pictures.alt.*`). Lists that do not fit end with "and N more", so the
 * reader knows how much is left out.
 */
import { cutText } from "../dataset/text-safety.js";
import { ENGLISH, type Words } from "../language/words.js";
import type { LocalDate } from "../time/calendar.js";
import { localDateOf } from "../time/calendar.js";
import type { FigureModel } from "./figure-model.js";
import { andMore, cleanText } from "./svg.js";
import type { PhaseBand, TimelineModel } from "./timeline-model.js";

/** The longest alt text a picture carries. */
export const ALT_MAX = 1_000;

export interface AltList {
  /** "Phases", "Deadlines" … */
  label: string;
  items: readonly string[];
  /** How many there are in all (more than `items` when the model left some out already). */
  total: number;
  /** What the rest are called, given their count: "and 3 more", "and 3 earlier values". */
  more?: (count: number) => string;
}

/**
 * An intro, lists and an ending within `max` characters: each list takes as many of its items, in
 * order, as fit beside the room the other lists' "and N more" may need; the rest are counted. Each
 * list is said by `words` ("Phases: a; b; and 3 more."), its items joined by the language's separator.
 */
export function fitAlt(
  intro: string,
  lists: readonly AltList[],
  outro = "",
  max = ALT_MAX,
  words: Words = ENGLISH,
): string {
  const separator = words.t("pictures.alt.separator");
  const rest = (list: AltList, shown: number) =>
    list.more ? list.more(list.total - shown) : andMore(list.total - shown, words);
  const said = (list: AltList, shown: readonly string[]) =>
    words.t("pictures.alt.list", {
      label: list.label,
      items: [...shown, ...(shown.length < list.total ? [rest(list, shown.length)] : [])].join(separator),
    });
  // Each list's room for its label and its "and N more" (a character more than said, as ever).
  const reserve = lists.reduce((n, l) => n + said(l, []).length + 3, 0);
  let room = max - intro.length - outro.length - reserve - 2;
  const parts: string[] = [];
  for (const list of lists) {
    const shown: string[] = [];
    for (const item of list.items) {
      const cost = item.length + separator.length;
      if (cost > room) break;
      shown.push(item);
      room -= cost;
    }
    parts.push(said(list, shown));
  }
  const out = [intro, ...parts, outro].filter(Boolean).join(" ");
  return [...out].length <= max ? out : cutText(out, max);
}

function phaseWords(p: PhaseBand, words: Words): string {
  const name = cleanText(p.name, 80);
  const dates = !p.startDay
    ? words.t("pictures.alt.phase-no-dates")
    : p.endDay
      ? words.t("pictures.alt.phase-from-to", {
          start: words.shortDate(p.startDay),
          end: words.shortDate(p.endDay),
        })
      : words.t("pictures.alt.phase-from-open", { start: words.shortDate(p.startDay) });
  const state = words.t(`pictures.phase-state.${p.state}`);
  return p.plannedEnd
    ? words.t("pictures.alt.phase-moved", { name, dates, planned: words.shortDate(p.plannedEnd.day), state })
    : words.t("pictures.alt.phase", { name, dates, state });
}

/** Dates one after another: "1 Feb 2025, then 8 Feb 2025, then 15 Feb 2025". */
function thenList(days: readonly LocalDate[], words: Words): string {
  return days
    .map((day) => words.shortDate(day))
    .reduce((earlier, later) => words.t("pictures.alt.then", { earlier, later }));
}

/** The timeline picture in words, in `words`' language. */
export function timelineAlt(m: TimelineModel, words: Words = ENGLISH): string {
  const intro = words.t("pictures.alt.timeline", {
    title: cleanText(m.title, 120),
    date: words.shortDate(m.today),
  });
  const deadlines = m.deadlines.map((d) => {
    const title = cleanText(d.title, 80);
    const due = words.shortDate(d.dueDay);
    const status = words.t(`pictures.deadline-status.${d.status}`);
    if (!d.previous.length) return words.t("pictures.alt.deadline", { title, due, status });
    const dates = thenList(
      d.previous.map((v) => v.day),
      words,
    );
    return d.moves > d.previous.length
      ? words.t("pictures.alt.deadline-moved-often", { title, due, moves: d.moves, dates, status })
      : words.t("pictures.alt.deadline-moved", { title, due, dates, status });
  });
  const outro = m.window
    ? words.t("pictures.alt.events-page", {
        count: m.eventsTotal,
        from: words.shortDate(dateOf(m.window.from, m)),
        to: words.shortDate(dateOf(m.window.to - 1, m)),
      })
    : words.t("pictures.alt.events", { count: m.eventsTotal });
  return fitAlt(
    intro,
    [
      {
        label: words.t("pictures.alt.phases"),
        items: m.phases.map((p) => phaseWords(p, words)),
        total: m.phasesTotal,
      },
      { label: words.t("pictures.alt.deadlines"), items: deadlines, total: m.deadlinesTotal },
    ],
    outro,
    ALT_MAX,
    words,
  );
}

function dateOf(t: number, m: TimelineModel): string {
  return localDateOf(new Date(t), m.timeZone);
}

/** The figure picture in words, in `words`' language: every value (the latest first) with who says it. */
export function figureAlt(m: FigureModel, words: Words = ENGLISH): string {
  const label = cleanText(m.label, 120);
  const today = words.shortDate(m.today);
  const intro = m.points.length
    ? words.t("pictures.alt.figure", {
        label,
        today,
        count: m.total,
        from: words.shortDate(m.points[0]?.day ?? m.today),
        to: words.shortDate(m.points.at(-1)?.day ?? m.today),
      })
    : words.t("pictures.alt.figure-empty", { label, today, count: m.total });
  const items = [...m.points].reverse().map((p) =>
    words.t("pictures.alt.value", {
      date: words.shortDate(p.day),
      amount: p.amount,
      who: p.attribution,
    }),
  );
  return fitAlt(
    intro,
    [
      {
        label: words.t("pictures.alt.values"),
        items,
        total: m.total,
        more: (count) => words.t("pictures.alt.earlier-values", { count }),
      },
    ],
    "",
    ALT_MAX,
    words,
  );
}
