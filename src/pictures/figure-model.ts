/**
 * What a figure's picture shows: its values known at one instant (`StoryAt.figureHistory`: a value
 * corrected by then once, as corrected), each at its as-of date with who says it, read once for the
 * drawing (figure-chart.ts) and the alt text.
 */
import type { StoryAt } from "../dataset/asof.js";
import type { FigureTrack } from "../dataset/dataset.js";
import { ENGLISH, type Words } from "../language/words.js";
import { figureAmount } from "../reply/phrases.js";
import type { LocalDate } from "../time/calendar.js";
import { zoneOffsetMinutes } from "../time/calendar.js";
import { cleanText } from "./svg.js";

/** At most this many values are drawn: the latest ones (the alt text says how many are left out). */
export const MAX_POINTS = 400;
/** At most this many attributions get a colour of their own; the rest share the last. */
export const MAX_SERIES = 6;

export interface FigurePoint {
  /** Epoch ms of the midnight starting its as-of date in the story's zone. */
  t: number;
  day: LocalDate;
  value: number;
  /** "more than 48,000 people", in the model's language. */
  amount: string;
  /** Who says so, as "according to …" names them. */
  attribution: string;
  /** Index into the model's attributions (its colour). */
  series: number;
}

export interface FigureModel {
  storyId: string;
  figureId: string;
  label: string;
  timeZone: string;
  today: LocalDate;
  now: number;
  points: FigurePoint[];
  /** How many values were known in all (more than `points` past MAX_POINTS). */
  total: number;
  /** Who says the values, in order of first appearance (at most MAX_SERIES). */
  attributions: string[];
  /** Whether more said values than MAX_SERIES: the last colour then stands for them all. */
  others: boolean;
  from: number;
  to: number;
  max: number;
}

/** A figure's history as known at the story's instant, its amounts in `words`' language. */
export function figureModel(story: StoryAt, track: FigureTrack, words: Words = ENGLISH): FigureModel {
  const tz = story.timeZone;
  const now = Math.floor(story.t / 60_000) * 60_000;
  const values = story.figureHistory(track);
  const shown = values.slice(-MAX_POINTS);
  const offset = zoneOffsetMinutes(new Date(now), tz) * 60_000;
  const attributions: string[] = [];
  let others = false;
  const points = shown.map((v): FigurePoint => {
    const attribution = cleanText(v.attribution, 80);
    let series = attributions.indexOf(attribution);
    if (series < 0 && attributions.length < MAX_SERIES) series = attributions.push(attribution) - 1;
    if (series < 0) {
      others = true;
      series = MAX_SERIES - 1;
    }
    return {
      t: Date.parse(`${v.asOf}T00:00:00Z`) - offset,
      day: v.asOf,
      value: v.value,
      amount: cleanText(figureAmount(words, v, track.figure.unit, track.figure.unitOne), 60),
      attribution,
      series,
    };
  });
  // Values are kept in the file's order; the chart steps along their dates.
  points.sort((a, b) => a.t - b.t);
  const first = points[0]?.t ?? now;
  const last = Math.max(now, points.at(-1)?.t ?? now);
  const pad = Math.max(86_400_000, (last - first) * 0.03);
  return {
    storyId: story.id,
    figureId: track.figure.id,
    label: track.figure.label,
    timeZone: tz,
    today: story.today,
    now,
    points,
    total: values.length,
    attributions,
    others,
    from: first - pad,
    to: last + pad,
    max: Math.max(1, ...points.map((p) => p.value)),
  };
}
