/**
 * A figure's picture (1200×480): its values known at the instant as a step chart (each value holds
 * from its as-of date until the next), each point coloured by who says it, with a legend naming
 * them ("according to …"), value labels where they have room, and today's red line. Its words are
 * the reader's (`pictures.chart.*`); in Arabic and Hebrew the headings and the legend start from the
 * right, the time and value axes stay where they are.
 */
import type { StoryAt } from "../dataset/asof.js";
import type { FigureTrack } from "../dataset/dataset.js";
import { ENGLISH, type Words } from "../language/words.js";
import type { ReplyPicture } from "../reply/reply.js";
import { figureAlt } from "./alt-text.js";
import { timeAxis } from "./axis.js";
import { type FigureModel, figureModel, MAX_SERIES } from "./figure-model.js";
import { type Drawing, replyPicture } from "./picture.js";
import {
  COLOURS,
  cleanText,
  num,
  SERIES,
  svgDocument,
  textWidth,
  timeScale,
  type Writer,
  writer,
} from "./svg.js";

export const FIGURE_WIDTH = 1200;
export const FIGURE_HEIGHT = 480;
const LEFT = 90;
const RIGHT = FIGURE_WIDTH - 40;
const TOP = 70;
const BOTTOM = 400;

/** Round steps for the value axis: 1, 2 or 5 times a power of ten, about five of them. */
function valueTicks(max: number): number[] {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((k) => k * power >= raw) ?? 10) * power;
  const out: number[] = [];
  for (let v = 0; v <= max * 1.1; v += step) out.push(v);
  return out;
}

/**
 * Who says each colour, on up to two rows (from the left, or from the right in a right-to-left
 * language); the last colour stands for the rest when there are more.
 */
function legend(m: FigureModel, w: Writer): string[] {
  const { words } = w;
  const rtl = words.dir === "rtl";
  const out: string[] = [];
  // How far along its row the next item starts, from the row's start (LEFT, or RIGHT right to left).
  let x = 0;
  let row = 0;
  m.attributions.forEach((who, i) => {
    const others = i === MAX_SERIES - 1 && m.others;
    const label = others
      ? words.t("pictures.chart.according-others")
      : words.t("pictures.chart.according", { who: cleanText(who, 44) });
    const width = 30 + textWidth(label, 12);
    if (LEFT + x + width > RIGHT && row === 0) {
      row = 1;
      x = 0;
    }
    if (LEFT + x + width > RIGHT) return;
    const y = 446 + row * 22;
    const at = (d: number) => (rtl ? RIGHT - x - d : LEFT + x + d);
    out.push(`<circle cx="${num(at(5))}" cy="${y - 4}" r="5" fill="${SERIES[i] ?? COLOURS.ink}"/>`);
    out.push(w.text(at(14), y, label, { size: 12, ...(rtl ? { anchor: "end" as const } : {}) }));
    x += width;
  });
  return out;
}

/** The SVG of a figure model, its words in `words`' language. */
export function figureSvg(m: FigureModel, words: Words = ENGLISH): string {
  const w = writer(words);
  const lead = w.lead(LEFT, RIGHT);
  const s = timeScale(m.from, m.to, LEFT, RIGHT);
  const ticks = valueTicks(m.max);
  const top = Math.max(m.max, ticks.at(-1) ?? m.max);
  const y = (v: number) => BOTTOM - (v / top) * (BOTTOM - TOP);
  const body: string[] = [
    w.text(lead.x, 30, cleanText(m.label, 80), { size: 18, weight: "bold", anchor: lead.anchor }),
    w.text(
      lead.anchor === "start" ? RIGHT : LEFT,
      30,
      words.t("pictures.chart.as-known", { instant: words.instant(new Date(m.now), m.timeZone) }),
      { size: 13, fill: COLOURS.muted, anchor: lead.anchor === "start" ? "end" : "start" },
    ),
  ];
  if (m.total > m.points.length) {
    body.push(
      w.text(lead.x, 52, words.t("pictures.chart.latest-of", { shown: m.points.length, total: m.total }), {
        size: 12,
        fill: COLOURS.muted,
        anchor: lead.anchor,
      }),
    );
  }
  for (const v of ticks) {
    body.push(
      `<line x1="${LEFT}" y1="${num(y(v))}" x2="${RIGHT}" y2="${num(y(v))}" stroke="${COLOURS.grid}"/>`,
      w.text(LEFT - 8, y(v) + 4, words.number(v), { size: 11, fill: COLOURS.muted, anchor: "end" }),
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
      body.push(w.text(x + 4, y(p.value) - 8, label, { size: 11, fill: SERIES[p.series] ?? COLOURS.ink }));
      lastLabel = x + 4 + textWidth(label, 11);
    }
  }
  body.push(...timeAxis(s, BOTTOM, m.timeZone, LEFT, RIGHT, words));
  const tx = s.x(m.now);
  body.push(
    `<line data-today="${m.today}" x1="${num(tx)}" y1="${TOP - 10}" x2="${num(tx)}" y2="${BOTTOM}" stroke="${COLOURS.today}" stroke-width="2"/>`,
    w.text(tx - 5, TOP - 14, words.t("pictures.chart.today", { date: words.shortDate(m.today) }), {
      size: 11,
      fill: COLOURS.today,
      anchor: "end",
    }),
  );
  body.push(...legend(m, w));
  return svgDocument(FIGURE_WIDTH, FIGURE_HEIGHT, body);
}

/**
 * A figure's picture at the story's instant, or undefined when none of its values was known yet;
 * its words in `words`' language.
 */
export function figureDrawing(
  story: StoryAt,
  track: FigureTrack,
  words: Words = ENGLISH,
): Drawing | undefined {
  const m = figureModel(story, track, words);
  if (m.points.length === 0) return undefined;
  return {
    kind: "figure",
    parts: [m.storyId, m.figureId, m.today],
    alt: figureAlt(m, words),
    width: FIGURE_WIDTH,
    height: FIGURE_HEIGHT,
    svg: figureSvg(m, words),
  };
}

/**
 * The reply's picture of a figure: named now, drawn when first read (none when no value was known),
 * in the reader's language (`words`: the command's `context.words`).
 */
export function figurePicture(
  story: StoryAt,
  track: FigureTrack,
  words: Words = ENGLISH,
): ReplyPicture | undefined {
  if (story.figureHistory(track).length === 0) return undefined;
  return replyPicture({
    kind: "figure",
    parts: [story.id, track.figure.id, story.today],
    width: FIGURE_WIDTH,
    height: FIGURE_HEIGHT,
    draw: () => {
      const m = figureModel(story, track, words);
      return { svg: figureSvg(m, words), alt: figureAlt(m, words) };
    },
  });
}
