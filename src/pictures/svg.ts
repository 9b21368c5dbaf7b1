/**
 * The pieces every picture is written with: text from the data made safe for SVG (controls and
 * bidirectional controls stripped, XML-escaped, shortened), numbers written with a fixed precision
 * (so the same data always gives the same text, hence the same PNG), a linear time scale, and the
 * document around a drawing. Colours and the font families are here too, so the charts agree.
 */

/** The families the pictures name; the rasterizer loads exactly these fonts (assets/fonts/). */
export const FONT_FAMILIES = "Noto Sans, Noto Sans Arabic, Noto Sans Hebrew";

export const COLOURS = {
  ink: "#1f2328",
  muted: "#656d76",
  grid: "#d0d7de",
  background: "#ffffff",
  today: "#cf222e",
  window: "#fff8c5",
  inForce: "#2da44e",
  ended: "#8c959f",
  notStarted: "#54aeff",
  troubled: "#fb8f44",
  neverBegan: "#d0d7de",
  scheduled: "#0969da",
  met: "#1a7f37",
  missed: "#cf222e",
  moved: "#bc4c00",
  disputed: "#8250df",
  cancelled: "#6e7781",
} as const;

/** Colours told apart in a chart's legend, one per attribution. */
export const SERIES = ["#0969da", "#bc4c00", "#8250df", "#1a7f37", "#cf222e", "#1b7c83"] as const;

/**
 * Characters a picture never carries: C0 and C1 controls (a line break becomes a space),
 * bidirectional embeddings, overrides, isolates and marks, lone surrogates, and the byte-order mark.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed.
const STRIPPED = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text from the data as a picture shows it: one line, no controls, at most `max` characters. */
export function cleanText(text: string, max = Number.POSITIVE_INFINITY): string {
  const flat = text
    .replace(/[\n\r\t\u2028\u2029]+/g, " ")
    .replace(STRIPPED, "")
    .replace(LONE_SURROGATE, "")
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  return `${chars
    .slice(0, Math.max(1, max - 1))
    .join("")
    .trimEnd()}…`;
}

/** Text escaped for an SVG element's content or a quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A coordinate with one decimal, the same text for the same number on every machine. */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
}

/** Roughly how wide a text is drawn at `size` px (Noto Sans averages about 0.55 em a character). */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.55;
}

export interface TextOptions {
  size?: number;
  fill?: string;
  anchor?: "start" | "middle" | "end";
  weight?: "normal" | "bold";
  /** A white outline under the letters, so text stays readable over lines. */
  halo?: boolean;
}

/**
 * Emoji and their joiners, selectors and skin tones: the shipped fonts have no glyphs for them, so a
 * picture leaves them out rather than draw empty boxes (the alt text keeps them).
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each of these code points is removed on its own.
const NO_GLYPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\ufe0f\u200d]/gu;

/** A `<text>` element of already-clean text (escaped here, emoji left out). */
export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const attrs = [
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    `font-size="${options.size ?? 13}"`,
    `fill="${options.fill ?? COLOURS.ink}"`,
    options.anchor && options.anchor !== "start" ? `text-anchor="${options.anchor}"` : "",
    options.weight === "bold" ? `font-weight="bold"` : "",
    options.halo ? `stroke="${COLOURS.background}" stroke-width="3" paint-order="stroke"` : "",
  ].filter(Boolean);
  return `<text ${attrs.join(" ")}>${escapeXml(content.replace(NO_GLYPH, ""))}</text>`;
}

/** A linear scale from a time span (epoch ms) to a span of x coordinates. */
export interface TimeScale {
  readonly from: number;
  readonly to: number;
  x(t: number): number;
  /** Whether t falls within the span. */
  has(t: number): boolean;
}

export function timeScale(from: number, to: number, left: number, right: number): TimeScale {
  const span = Math.max(1, to - from);
  return {
    from,
    to,
    x: (t) => left + ((Math.min(to, Math.max(from, t)) - from) / span) * (right - left),
    has: (t) => t >= from && t <= to,
  };
}

/** A whole SVG document of the given size on a white background, in the pictures' fonts. */
export function svgDocument(width: number, height: number, body: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILIES}">`,
    `<rect width="${width}" height="${height}" fill="${COLOURS.background}"/>`,
    ...body,
    "</svg>",
  ].join("\n");
}

/** "and 9,950 more" */
export function andMore(count: number, what = "more"): string {
  return `and ${count.toLocaleString("en-GB")} ${what}`;
}
