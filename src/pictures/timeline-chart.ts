/**
 * The timeline picture (1200×520): the phases as bands, one row each; the deadlines as marks on up
 * to three lanes (scheduled, met, missed, moved with the date they had before, disputed, cancelled);
 * the events known per day as a strip of bars; a /timeline page's span highlighted; and the instant
 * asked as today's red line. Drawn from `timelineModel`, so nothing unknown at the instant appears.
 * Its words are the reader's (the catalog's `pictures.chart.*`); in Arabic and Hebrew the headings
 * and the legend start from the right, while the time axis and what stands on it run left to right.
 */
import type { StoryAt } from "../dataset/asof.js";
import { ENGLISH, type Words } from "../language/words.js";
import type { ReplyPicture } from "../reply/reply.js";
import { timelineAlt } from "./alt-text.js";
import { timeAxis } from "./axis.js";
import { type Drawing, replyPicture } from "./picture.js";
import {
  COLOURS,
  cleanText,
  num,
  svgDocument,
  type TimeScale,
  textWidth,
  timeScale,
  type Writer,
  writer,
} from "./svg.js";
import { diamond, legend, MARK_COLOUR, shortenTo } from "./timeline-marks.js";
import {
  type DeadlineMark,
  EVENT_BUCKETS,
  type PhaseBand,
  type TimelineModel,
  type TimelineOptions,
  timelineModel,
} from "./timeline-model.js";

export const TIMELINE_WIDTH = 1200;
export const TIMELINE_HEIGHT = 520;
const LEFT = 40;
const RIGHT = TIMELINE_WIDTH - 40;
const PLOT_TOP = 44;
const PHASE_TOP = 88;
const PHASE_ROW = 30;
const DEADLINE_TOP = 300;
const LANES = 3;
const LANE_GAP = 30;
const EVENTS_BASE = 452;
const EVENTS_HEIGHT = 36;
const AXIS_Y = 462;

const PHASE_FILL: Record<PhaseBand["state"], string> = {
  "not-started": COLOURS.notStarted,
  "in-force": COLOURS.inForce,
  suspended: COLOURS.troubled,
  disputed: COLOURS.troubled,
  ended: COLOURS.ended,
  "never-began": COLOURS.neverBegan,
};

function phaseRow(p: PhaseBand, row: number, s: TimeScale, m: TimelineModel, w: Writer): string[] {
  const { words } = w;
  const y = PHASE_TOP + row * PHASE_ROW;
  const name = cleanText(p.name, 60);
  const chosen = m.highlight === p.id;
  const weight = chosen ? "bold" : "normal";
  const state = words.t(`pictures.phase-state.${p.state}`);
  if (p.start === undefined) {
    const lead = w.lead(LEFT, RIGHT);
    return [
      w.text(lead.x, y + 15, words.t("pictures.chart.phase-undated", { name, state }), {
        size: 13,
        fill: COLOURS.muted,
        weight,
        anchor: lead.anchor,
      }),
    ];
  }
  const x1 = s.x(p.start);
  const x2 = Math.max(x1 + 3, p.open || p.end === undefined ? RIGHT : s.x(p.end));
  const out = [
    `<rect data-phase="${p.id}" data-state="${p.state}" x="${num(x1)}" y="${num(y)}" width="${num(x2 - x1)}" height="20" rx="3" fill="${PHASE_FILL[p.state]}" fill-opacity="${p.state === "not-started" ? 0.45 : 0.85}"${p.state === "never-began" ? ` stroke="${COLOURS.muted}" stroke-dasharray="4 3"` : ""}${chosen ? ` stroke="${COLOURS.ink}" stroke-width="2"` : ""}/>`,
  ];
  // An open end: a small arrowhead at the picture's edge (the shipped fonts have no arrow glyph).
  if (p.open)
    out.push(
      `<path d="M${RIGHT - 10} ${y + 4}L${RIGHT - 3} ${y + 10}L${RIGHT - 10} ${y + 16}Z" fill="${COLOURS.ink}"/>`,
    );
  if (p.plannedEnd && s.has(p.plannedEnd.t)) {
    const px = s.x(p.plannedEnd.t);
    out.push(
      `<line data-planned-end="${p.plannedEnd.day}" x1="${num(px)}" y1="${num(y - 3)}" x2="${num(px)}" y2="${num(y + 23)}" stroke="${COLOURS.ink}" stroke-dasharray="3 2"/>`,
    );
  }
  const start = p.startDay ? words.shortDate(p.startDay) : "";
  const dates = p.endDay
    ? words.t("pictures.chart.dates-span", { start, end: words.shortDate(p.endDay) })
    : p.open
      ? words.t("pictures.chart.dates-open", { start })
      : start;
  const label = p.plannedEnd
    ? words.t("pictures.chart.phase-planned", {
        name,
        dates,
        planned: words.shortDate(p.plannedEnd.day),
        state,
      })
    : words.t("pictures.chart.phase", { name, dates, state });
  // Inside the band (from its start: its left edge, or its right edge right to left), else after
  // it, else before it; where none has room, the widest, the label shortened to it: a label never
  // runs off the picture.
  const rtl = words.dir === "rtl";
  const rooms = [
    { room: x2 - x1 - 12, x: rtl ? x2 - 6 : x1 + 6, anchor: rtl ? ("end" as const) : ("start" as const) },
    { room: RIGHT - (x2 + 6), x: x2 + 6, anchor: "start" as const },
    { room: x1 - 6 - LEFT, x: x1 - 6, anchor: "end" as const },
  ];
  const width = textWidth(label, 12);
  const place =
    rooms.find((r) => width < r.room) ?? rooms.reduce((best, r) => (r.room > best.room ? r : best));
  out.push(
    w.text(place.x, y + 15, shortenTo(label, place.room, 12), { size: 12, weight, anchor: place.anchor }),
  );
  return out;
}

function deadlineMarks(marks: readonly DeadlineMark[], s: TimeScale, w: Writer): string[] {
  const { words } = w;
  const out: string[] = [];
  const laneEnds = new Array<number>(LANES).fill(Number.NEGATIVE_INFINITY);
  marks.forEach((d) => {
    const x = s.x(d.due);
    const label = words.t("pictures.chart.deadline", {
      title: cleanText(d.title, 30),
      due: words.shortDate(d.dueDay),
    });
    const width = textWidth(label, 11);
    // The first lane with room for the mark and its label (after it, else before it); else the
    // first with room for the mark alone; else a row of its own under the lanes, with no label.
    // A moved deadline takes its lane from its oldest date drawn on. Its label goes after the mark,
    // else before it (over its dashed line, on a white halo), where the lane has room.
    const start = Math.min(x, ...d.previous.filter((v) => s.has(v.t)).map((v) => s.x(v.t)));
    const right = x + 14 + width < RIGHT;
    const from = right ? start : Math.min(start, x - 12 - width);
    const withLabel = laneEnds.findIndex((end) => end < from - 8 && from > LEFT);
    const free = withLabel >= 0 ? withLabel : laneEnds.findIndex((end) => end < start - 8);
    const lane = free >= 0 ? free : LANES;
    const y = DEADLINE_TOP + lane * LANE_GAP;
    d.previous.forEach((old, i) => {
      // An old date before the span drawn is left out (the alt text still says it).
      if (!s.has(old.t)) return;
      const ox = s.x(old.t);
      const next = s.x(d.previous[i + 1]?.t ?? d.due);
      const was = words.t("pictures.chart.was", { date: words.shortDate(old.day) });
      out.push(
        `<line x1="${num(ox)}" y1="${num(y)}" x2="${num(x)}" y2="${num(y)}" stroke="${COLOURS.moved}" stroke-dasharray="4 3"/>`,
      );
      out.push(
        `<path data-old-due="${old.day}" d="${diamond(ox, y, 5)}" fill="${COLOURS.background}" stroke="${COLOURS.moved}"/>`,
      );
      // An old date's label only where it has room before the next date: labels never overlap.
      if (next - ox >= textWidth(was, 10) + 6) {
        out.push(w.text(ox, y - 9, was, { size: 10, fill: COLOURS.moved, anchor: "middle" }));
      }
    });
    const colour = MARK_COLOUR[d.status];
    const hollow = d.status === "scheduled" || d.status === "cancelled";
    out.push(
      `<path data-deadline="${d.id}" data-status="${d.status}" d="${diamond(x, y, 7)}" fill="${hollow ? COLOURS.background : colour}" stroke="${colour}" stroke-width="2"/>`,
    );
    if (d.status === "missed" || d.status === "cancelled") {
      out.push(
        `<path d="M${num(x - 4)} ${num(y - 4)}L${num(x + 4)} ${num(y + 4)}M${num(x + 4)} ${num(y - 4)}L${num(x - 4)} ${num(y + 4)}" stroke="${d.status === "missed" ? COLOURS.background : colour}" stroke-width="1.5"/>`,
      );
    }
    // A label is drawn only where its lane has room for it: labels are thinned, never overlap.
    if (withLabel >= 0 && right) {
      out.push(w.text(x + 12, y + 4, label, { size: 11, halo: true }));
      laneEnds[lane] = x + 12 + width;
    } else if (withLabel >= 0) {
      out.push(w.text(x - 12, y + 4, label, { size: 11, anchor: "end", halo: true }));
      laneEnds[lane] = x + 8;
    } else if (free >= 0) {
      laneEnds[lane] = x + 8;
    }
  });
  return out;
}

function eventStrip(m: TimelineModel, w: Writer): string[] {
  const { words } = w;
  const width = (RIGHT - LEFT) / EVENT_BUCKETS;
  const { buckets: counts, before } = m.eventStrip();
  const most = Math.max(1, ...counts);
  const lead = w.lead(LEFT, RIGHT);
  const out = [
    w.text(
      lead.x,
      EVENTS_BASE - EVENTS_HEIGHT - 6,
      words.t("pictures.chart.events", { count: m.eventsTotal }),
      { size: 12, fill: COLOURS.muted, anchor: lead.anchor },
    ),
  ];
  if (before) {
    // The earlier events' count at the left, where the span drawn begins (after the heading there).
    out.push(
      w.text(
        words.dir === "rtl" ? LEFT : LEFT + 150,
        EVENTS_BASE - EVENTS_HEIGHT - 6,
        words.t("pictures.chart.events-before", { count: before }),
        {
          size: 11,
          fill: COLOURS.muted,
        },
      ),
    );
  }
  counts.forEach((n, b) => {
    if (!n) return;
    const h = Math.max(2, (n / most) * EVENTS_HEIGHT);
    out.push(
      `<rect x="${num(LEFT + b * width)}" y="${num(EVENTS_BASE - h)}" width="${num(Math.max(1, width - 1))}" height="${num(h)}" fill="${COLOURS.muted}"/>`,
    );
  });
  return out;
}

/** The SVG of a timeline model, its words in `words`' language. */
export function timelineSvg(m: TimelineModel, words: Words = ENGLISH): string {
  const w = writer(words);
  const s = timeScale(m.from, m.to, LEFT, RIGHT);
  const lead = w.lead(LEFT, RIGHT);
  const body: string[] = [];
  if (m.window) {
    const x1 = s.x(m.window.from);
    const x2 = Math.max(x1 + 2, s.x(m.window.to));
    body.push(
      `<rect data-window="page" x="${num(x1)}" y="${PLOT_TOP}" width="${num(x2 - x1)}" height="${AXIS_Y - PLOT_TOP}" fill="${COLOURS.window}"/>`,
    );
    body.push(
      w.text(x1 + 2, PLOT_TOP + 12, words.t("pictures.chart.this-page"), { size: 10, fill: COLOURS.muted }),
    );
  }
  // Today's line under the marks and labels, which it would otherwise cross.
  const tx = s.x(m.now);
  body.push(
    `<line data-today="${m.today}" x1="${num(tx)}" y1="${PLOT_TOP}" x2="${num(tx)}" y2="${AXIS_Y}" stroke="${COLOURS.today}" stroke-width="2"/>`,
  );
  const todayLabel = words.t("pictures.chart.today", { date: words.shortDate(m.today) });
  const leftSide = tx + 6 + textWidth(todayLabel, 11) > RIGHT;
  body.push(
    w.text(leftSide ? tx - 5 : tx + 5, PLOT_TOP + 12, todayLabel, {
      size: 11,
      fill: COLOURS.today,
      anchor: leftSide ? "end" : "start",
    }),
  );
  // The title where a line starts, the instant at the other side.
  const known = words.t("pictures.chart.as-known", { instant: words.instant(new Date(m.now), m.timeZone) });
  body.push(
    w.text(lead.x, 30, words.t("pictures.chart.timeline-title", { title: cleanText(m.title, 70) }), {
      size: 18,
      weight: "bold",
      anchor: lead.anchor,
    }),
  );
  body.push(
    w.text(lead.anchor === "start" ? RIGHT : LEFT, 30, known, {
      size: 13,
      fill: COLOURS.muted,
      anchor: lead.anchor === "start" ? "end" : "start",
    }),
  );
  body.push(
    w.text(
      lead.x,
      PHASE_TOP - 8,
      words.t(m.phasesTotal ? "pictures.chart.phases" : "pictures.chart.phases-none"),
      { size: 12, fill: COLOURS.muted, anchor: lead.anchor },
    ),
  );
  m.phases.forEach((p, row) => {
    body.push(...phaseRow(p, row, s, m, w));
  });
  if (m.phasesTotal > m.phases.length) {
    body.push(
      w.text(
        lead.x,
        PHASE_TOP + m.phases.length * PHASE_ROW + 14,
        words.t("pictures.chart.more-phases", { count: m.phasesTotal - m.phases.length }),
        { size: 11, fill: COLOURS.muted, anchor: lead.anchor },
      ),
    );
  }
  const hidden = m.deadlinesTotal - m.deadlines.length;
  const deadlines = !m.deadlinesTotal
    ? words.t("pictures.chart.deadlines-none")
    : hidden
      ? words.t("pictures.chart.deadlines-some", { shown: m.deadlines.length, hidden })
      : words.t("pictures.chart.deadlines");
  body.push(
    w.text(lead.x, DEADLINE_TOP - 20, deadlines, { size: 12, fill: COLOURS.muted, anchor: lead.anchor }),
  );
  body.push(...deadlineMarks(m.deadlines, s, w));
  body.push(...eventStrip(m, w));
  body.push(...timeAxis(s, AXIS_Y, m.timeZone, LEFT, RIGHT, words));
  body.push(...legend(w, LEFT, RIGHT));
  return svgDocument(TIMELINE_WIDTH, TIMELINE_HEIGHT, body);
}

/** Whether anything of the story was known at its instant (a phase, a deadline, an event). */
export function timelineKnown(story: StoryAt): boolean {
  return (
    story.phases().length > 0 || story.deadlines().length > 0 || (story.events()?.count(story.t) ?? 0) > 0
  );
}

/**
 * The timeline drawing of a story at its instant, or undefined when nothing of it was known yet:
 * `kind` names it ("timeline", "phase"); its words are in `words`' language.
 */
export function timelineDrawing(
  story: StoryAt,
  kind: string,
  options: TimelineOptions = {},
  words: Words = ENGLISH,
): Drawing | undefined {
  if (!timelineKnown(story)) return undefined;
  const m = timelineModel(story, options);
  return {
    kind,
    parts: [m.storyId, ...(options.highlight ? [options.highlight] : []), m.today],
    alt: timelineAlt(m, words),
    width: TIMELINE_WIDTH,
    height: TIMELINE_HEIGHT,
    svg: timelineSvg(m, words),
  };
}

/**
 * The reply's picture of the timeline: named now, drawn when first read (none when nothing was
 * known), in the reader's language (`words`: the command's `context.words`).
 */
export function timelinePicture(
  story: StoryAt,
  kind: string,
  options: TimelineOptions = {},
  words: Words = ENGLISH,
): ReplyPicture | undefined {
  if (!timelineKnown(story)) return undefined;
  return replyPicture({
    kind,
    parts: [story.id, ...(options.highlight ? [options.highlight] : []), story.today],
    width: TIMELINE_WIDTH,
    height: TIMELINE_HEIGHT,
    draw: () => {
      const m = timelineModel(story, options);
      return { svg: timelineSvg(m, words), alt: timelineAlt(m, words) };
    },
  });
}
