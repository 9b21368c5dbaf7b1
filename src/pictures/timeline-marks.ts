/**
 * The timeline picture's marks: each deadline status's colour and diamond, a label shortened to the
 * room it has, and the marks' legend (from the right in a right-to-left language).
 */
import type { DeadlineStatus } from "../dataset/schema.js";
import { bidiClosers } from "../dataset/text-safety.js";
import { COLOURS, num, textWidth, type Writer } from "./svg.js";

/** Each deadline status's colour. */
export const MARK_COLOUR: Record<DeadlineStatus, string> = {
  scheduled: COLOURS.scheduled,
  met: COLOURS.met,
  missed: COLOURS.missed,
  extended: COLOURS.moved,
  postponed: COLOURS.moved,
  disputed: COLOURS.disputed,
  cancelled: COLOURS.cancelled,
};

/** A diamond's path, centred on (x, y), `r` from its centre to each point. */
export function diamond(x: number, y: number, r: number): string {
  return `M${num(x)} ${num(y - r)}L${num(x + r)} ${num(y)}L${num(x)} ${num(y + r)}L${num(x - r)} ${num(y)}Z`;
}

/** `label` cut (with "…") to fit `room` pixels at `size`, as estimated by textWidth. */
export function shortenTo(label: string, room: number, size: number): string {
  if (textWidth(label, size) < room) return label;
  const chars = Array.from(label); // whole code points: a cut never splits a pair
  // An isolate the cut leaves open (a right-to-left label's parameters) is closed before the "…".
  const cut = (keep: number) => {
    const kept = chars.slice(0, keep).join("").trimEnd();
    return `${kept}${bidiClosers(kept)}…`;
  };
  let keep = chars.length;
  while (keep > 1 && textWidth(cut(keep), size) >= room) keep--;
  return cut(keep);
}

/** The marks' legend: from the left, or from the right in a right-to-left language. */
export function legend(w: Writer, left: number, right: number): string[] {
  const { words } = w;
  const y = 508;
  const items: [string, string, boolean][] = [
    [words.t("pictures.deadline-status.scheduled"), COLOURS.scheduled, true],
    [words.t("pictures.deadline-status.met"), COLOURS.met, false],
    [words.t("pictures.deadline-status.missed"), COLOURS.missed, false],
    [words.t("pictures.chart.legend-moved"), COLOURS.moved, false],
    [words.t("pictures.deadline-status.disputed"), COLOURS.disputed, false],
  ];
  const rtl = words.dir === "rtl";
  const out: string[] = [];
  let x = rtl ? right : left;
  for (const [label, colour, hollow] of items) {
    const mark = rtl ? x - 5 : x + 5;
    out.push(
      `<path d="${diamond(mark, y - 4, 5)}" fill="${hollow ? COLOURS.background : colour}" stroke="${colour}" stroke-width="1.5"/>`,
    );
    out.push(
      w.text(rtl ? x - 14 : x + 14, y, label, {
        size: 11,
        fill: COLOURS.muted,
        ...(rtl ? { anchor: "end" as const } : {}),
      }),
    );
    x += (rtl ? -1 : 1) * (24 + textWidth(label, 11));
  }
  return out;
}
