/**
 * A figure's picture (1200×480): its values known at the instant as a step chart (each value holds
 * from its as-of date until the next), each point coloured by who says it, with a legend naming
 * them ("according to …"), value labels where they have room, and today's red line.
 */
import type { StoryAt } from "../dataset/asof.js";
import type { FigureTrack } from "../dataset/dataset.js";
import type { ReplyPicture } from "../reply/reply.js";
import { formatInstant, formatShortDate } from "../time/calendar.js";
import { figureAlt } from "./alt-text.js";
import { timeAxis } from "./axis.js";
import { type FigureModel, figureModel, MAX_SERIES } from "./figure-model.js";
import { type Drawing, replyPicture } from "./picture.js";
import { COLOURS, cleanText, num, SERIES, svgDocument, text, textWidth, timeScale } from "./svg.js";

export const FIGURE_WIDTH = 1200;
export const FIGURE_HEIGHT = 480;
const LEFT = 90;
const RIGHT = FIGURE_WIDTH - 40;
const TOP = 70;
const BOTTOM = 400;
const numbers = new Intl.NumberFormat("en-GB");

/** Round steps for the value axis: 1, 2 or 5 times a power of ten, about five of them. */
function valueTicks(max: number): number[] {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((k) => k * power >= raw) ?? 10) * power;
  const out: number[] = [];
  for (let v = 0; v <= max * 1.1; v += step) out.push(v);
  return out;
}

/** Who says each colour, on up to two rows; the last colour stands for the rest when there are more. */
function legend(m: FigureModel): string[] {
  const out: string[] = [];
  let x = LEFT;
  let row = 0;
  m.attributions.forEach((who, i) => {
    const others = i === MAX_SERIES - 1 && m.others;
    const label = others ? "according to others" : `according to ${cleanText(who, 44)}`;
    const width = 30 + textWidth(label, 12);
    if (x + width > RIGHT && row === 0) {
      row = 1;
      x = LEFT;
    }
    if (x + width > RIGHT) return;
    const y = 446 + row * 22;
    out.push(`<circle cx="${num(x + 5)}" cy="${y - 4}" r="5" fill="${SERIES[i] ?? COLOURS.ink}"/>`);
    out.push(text(x + 14, y, label, { size: 12 }));
    x += width;
  });
  return out;
}

/** The SVG of a figure model. */
export function figureSvg(m: FigureModel): string {
  const s = timeScale(m.from, m.to, LEFT, RIGHT);
  const ticks = valueTicks(m.max);
  const top = Math.max(m.max, ticks.at(-1) ?? m.max);
  const y = (v: number) => BOTTOM - (v / top) * (BOTTOM - TOP);
  const body: string[] = [
    text(LEFT, 30, cleanText(m.label, 80), { size: 18, weight: "bold" }),
    text(RIGHT, 30, `as known on ${formatInstant(new Date(m.now), m.timeZone)}`, {
      size: 13,
      fill: COLOURS.muted,
      anchor: "end",
    }),
  ];
  if (m.total > m.points.length) {
    body.push(
      text(LEFT, 52, `the latest ${m.points.length} of ${numbers.format(m.total)} values`, {
        size: 12,
        fill: COLOURS.muted,
      }),
    );
  }
  for (const v of ticks) {
    body.push(
      `<line x1="${LEFT}" y1="${num(y(v))}" x2="${RIGHT}" y2="${num(y(v))}" stroke="${COLOURS.grid}"/>`,
      text(LEFT - 8, y(v) + 4, numbers.format(v), { size: 11, fill: COLOURS.muted, anchor: "end" }),
    );
  }
  // The steps: each value holds until the next one's date; the last until today.
  const path = m.points
    .map((p, i) => {
      const next = m.points[i + 1];
      const x2 = s.x(next ? next.t : m.now);
      return `${i ? "L" : "M"}${num(s.x(p.t))} ${num(y(p.value))}H${num(x2)}`;
    })
    .join("");
  if (path) body.push(`<path d="${path}" fill="none" stroke="${COLOURS.ink}" stroke-width="2"/>`);
  let lastLabel = Number.NEGATIVE_INFINITY;
  for (const p of m.points) {
    const x = s.x(p.t);
    body.push(
      `<circle data-value="${p.value}" data-day="${p.day}" cx="${num(x)}" cy="${num(y(p.value))}" r="4" fill="${SERIES[p.series] ?? COLOURS.ink}"/>`,
    );
    const label = p.amount;
    // Labels are thinned: one only where the previous one has ended.
    if (x > lastLabel + 6 && x + textWidth(label, 11) < RIGHT) {
      body.push(text(x + 4, y(p.value) - 8, label, { size: 11, fill: SERIES[p.series] ?? COLOURS.ink }));
      lastLabel = x + 4 + textWidth(label, 11);
    }
  }
  body.push(...timeAxis(s, BOTTOM, m.timeZone, LEFT, RIGHT));
  const tx = s.x(m.now);
  body.push(
    `<line data-today="${m.today}" x1="${num(tx)}" y1="${TOP - 10}" x2="${num(tx)}" y2="${BOTTOM}" stroke="${COLOURS.today}" stroke-width="2"/>`,
    text(tx - 5, TOP - 14, `today, ${formatShortDate(m.today)}`, {
      size: 11,
      fill: COLOURS.today,
      anchor: "end",
    }),
  );
  body.push(...legend(m));
  return svgDocument(FIGURE_WIDTH, FIGURE_HEIGHT, body);
}

/** A figure's picture at the story's instant, or undefined when none of its values was known yet. */
export function figureDrawing(story: StoryAt, track: FigureTrack): Drawing | undefined {
  const m = figureModel(story, track);
  if (m.points.length === 0) return undefined;
  return {
    kind: "figure",
    parts: [m.storyId, m.figureId, m.today],
    alt: figureAlt(m),
    width: FIGURE_WIDTH,
    height: FIGURE_HEIGHT,
    svg: figureSvg(m),
  };
}

/** The reply's picture of a figure: named now, drawn when first read (none when no value was known). */
export function figurePicture(story: StoryAt, track: FigureTrack): ReplyPicture | undefined {
  if (story.figureHistory(track).length === 0) return undefined;
  return replyPicture({
    kind: "figure",
    parts: [story.id, track.figure.id, story.today],
    width: FIGURE_WIDTH,
    height: FIGURE_HEIGHT,
    draw: () => {
      const m = figureModel(story, track);
      return { svg: figureSvg(m), alt: figureAlt(m) };
    },
  });
}
