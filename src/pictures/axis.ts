/**
 * A time axis under a chart: ticks on the story's calendar (weeks, months or years, whichever gives
 * at most about a dozen labels across the span), each a day's midnight in the story's zone.
 */
import { zonedInstant } from "../time/calendar.js";
import { COLOURS, num, type TimeScale, text } from "./svg.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
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
export function ticksOf(scale: TimeScale, timeZone: string): Tick[] {
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
      push(
        day.getUTCFullYear(),
        day.getUTCMonth(),
        day.getUTCDate(),
        `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}`,
      );
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
      push(y, month, 1, month === 0 || i <= step ? `${MONTHS[month]} ${y}` : (MONTHS[month] ?? ""));
    }
    return out;
  }
  const years = days / 365.25;
  const step = [1, 2, 5, 10, 20, 50].find((s) => years / s <= MAX_LABELS) ?? 100;
  for (let y = start.y + 1; y <= start.y + years + 1; y++) if (y % step === 0) push(y, 0, 1, String(y));
  return out;
}

/** The axis line, its ticks and labels at height `y`. */
export function timeAxis(
  scale: TimeScale,
  y: number,
  timeZone: string,
  left: number,
  right: number,
): string[] {
  const out = [
    `<line x1="${num(left)}" y1="${num(y)}" x2="${num(right)}" y2="${num(y)}" stroke="${COLOURS.muted}"/>`,
  ];
  for (const tick of ticksOf(scale, timeZone)) {
    const x = scale.x(tick.t);
    out.push(
      `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x)}" y2="${num(y + 5)}" stroke="${COLOURS.muted}"/>`,
    );
    out.push(text(x, y + 19, tick.label, { size: 12, fill: COLOURS.muted, anchor: "middle" }));
  }
  return out;
}
