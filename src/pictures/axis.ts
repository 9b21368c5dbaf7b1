/**
 * A time axis under a chart: ticks on the story's calendar (weeks, months or years, whichever gives
 * at most about a dozen labels across the span), each a day's midnight in the story's zone, labelled
 * in the reader's language. The axis runs left to right in every language (time does on a chart).
 */
import { ENGLISH, type Words } from "../language/words.js";
import { zonedInstant } from "../time/calendar.js";
import { COLOURS, num, type TimeScale, writer } from "./svg.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** How a tick is labelled: "16 Jan", "Jan 2026", "Feb", "2027" (a day of the calendar, at UTC). */
interface TickLabels {
  day(date: Date): string;
  monthYear(date: Date): string;
  month(date: Date): string;
  year(date: Date): string;
}

/** English as the axis always wrote it (three-letter months: "Sep", where Intl's en-GB says "Sept"). */
const ENGLISH_LABELS: TickLabels = {
  day: (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`,
  monthYear: (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  month: (d) => MONTHS[d.getUTCMonth()] ?? "",
  year: (d) => String(d.getUTCFullYear()),
};

const LABELS = new Map<string, TickLabels>();

/** The tick labels of a language: Intl's short months in its locale ("16 يناير", "ינו׳ 2026", "févr."). */
function labelsOf(words: Words): TickLabels {
  if (words.language === "en") return ENGLISH_LABELS;
  let labels = LABELS.get(words.locale);
  if (!labels) {
    const f = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(words.locale, { timeZone: "UTC", ...options });
    const day = f({ day: "numeric", month: "short" });
    const monthYear = f({ month: "short", year: "numeric" });
    const month = f({ month: "short" });
    const year = f({ year: "numeric" });
    labels = {
      day: (d) => day.format(d),
      monthYear: (d) => monthYear.format(d),
      month: (d) => month.format(d),
      year: (d) => year.format(d),
    };
    LABELS.set(words.locale, labels);
  }
  return labels;
}
const DAY_MS = 86_400_000;
const MAX_LABELS = 12;

export interface Tick {
  t: number;
  label: string;
}

function utcDate(t: number): { y: number; m: number; d: number } {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate() };
}

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
}

/** The ticks of a span: weekly for a few weeks, every 1–6 months up to a few years, else yearly. */
export function ticksOf(scale: TimeScale, timeZone: string, words: Words = ENGLISH): Tick[] {
  const labels = labelsOf(words);
  const days = (scale.to - scale.from) / DAY_MS;
  const start = utcDate(scale.from);
  const out: Tick[] = [];
  const push = (y: number, m: number, d: number, label: string) => {
    const t = zonedInstant(iso(y, m, d), 0, 0, timeZone).getTime();
    if (t >= scale.from && t <= scale.to) out.push({ t, label });
  };
  if (days <= 70) {
    const step = Math.max(1, Math.ceil(days / 7 / MAX_LABELS)) * 7;
    for (let i = 1; i <= days + 1; i += step) {
      const day = new Date(Date.UTC(start.y, start.m, start.d + i));
      push(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), labels.day(day));
    }
    return out;
  }
  const months = days / 30.44;
  if (months <= MAX_LABELS * 6) {
    const step = [1, 2, 3, 6].find((s) => months / s <= MAX_LABELS) ?? 6;
    for (let i = 1; i <= months + 1; i++) {
      const m = start.m + i;
      const y = start.y + Math.floor(m / 12);
      const month = ((m % 12) + 12) % 12;
      if (month % step !== 0) continue;
      const first = new Date(Date.UTC(y, month, 1));
      push(y, month, 1, month === 0 || i <= step ? labels.monthYear(first) : labels.month(first));
    }
    return out;
  }
  const years = days / 365.25;
  const step = [1, 2, 5, 10, 20, 50].find((s) => years / s <= MAX_LABELS) ?? 100;
  for (let y = start.y + 1; y <= start.y + years + 1; y++)
    if (y % step === 0) push(y, 0, 1, labels.year(new Date(Date.UTC(y, 0, 1))));
  return out;
}

/** The axis line, its ticks and labels at height `y`, in `words`' language. */
export function timeAxis(
  scale: TimeScale,
  y: number,
  timeZone: string,
  left: number,
  right: number,
  words: Words = ENGLISH,
): string[] {
  const out = [
    `<line x1="${num(left)}" y1="${num(y)}" x2="${num(right)}" y2="${num(y)}" stroke="${COLOURS.muted}"/>`,
  ];
  const w = writer(words);
  for (const tick of ticksOf(scale, timeZone, words)) {
    const x = scale.x(tick.t);
    out.push(
      `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x)}" y2="${num(y + 5)}" stroke="${COLOURS.muted}"/>`,
    );
    out.push(w.text(x, y + 19, tick.label, { size: 12, fill: COLOURS.muted, anchor: "middle" }));
  }
  return out;
}
