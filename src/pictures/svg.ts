/**
 * The pieces every picture is written with: text from the data made safe for SVG (controls and
 * bidirectional controls stripped, XML-escaped, shortened), numbers written with a fixed precision
 * (so the same data always gives the same text, hence the same PNG), a linear time scale, and the
 * document around a drawing. Colours and the font families are here too, so the charts agree.
 */
import { ENGLISH, type Words } from "../language/words.js";

/** The families the pictures name; the rasterizer loads exactly these fonts (assets/fonts/). */
export const FONT_FAMILIES = "Noto Sans, Noto Sans Arabic, Noto Sans Hebrew";

/**
 * The families an Arabic label is drawn with: Noto Sans Arabic first. resvg (2.6) shapes a whole
 * `<text>` with its first font, then takes a fallback font's glyphs for the missing ones only when
 * the fallback shapes the text into as many glyphs; Arabic's ligatures (lam-alef) never do, so an
 * Arabic label holding a character of the Latin font (a bracket, "·") came out as boxes with the
 * Latin font first, and comes out in Arabic with this order (at worst such a character is boxed).
 * The Arabic catalog's labels use only characters the Arabic font has (test/pictures/languages.test.ts).
 */
export const ARABIC_FONT_FAMILIES = "Noto Sans Arabic, Noto Sans, Noto Sans Hebrew";

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
  /**
   * The direction of the label's language: a right-to-left one (Arabic, Hebrew) is drawn as a
   * right-to-left paragraph (see `text`). Where it is placed is the anchor's business alone.
   */
  dir?: "ltr" | "rtl";
  /** Another list of font families than the picture's (FONT_FAMILIES): ARABIC_FONT_FAMILIES. */
  fonts?: string;
}

/** Right-to-left isolate … pop directional isolate: a right-to-left paragraph inside the text. */
const RLI = "\u2067";
const PDI = "\u2069";

/**
 * Emoji and their joiners, selectors and skin tones: the shipped fonts have no glyphs for them, so a
 * picture leaves them out rather than draw empty boxes (the alt text keeps them).
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each of these code points is removed on its own.
const NO_GLYPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\ufe0f\u200d]/gu;

/**
 * A `<text>` element of already-clean text (escaped here, emoji left out). A right-to-left label is
 * wrapped in RLI … PDI: resvg (2.6) takes a text's base direction from its content alone, ignoring
 * `direction="rtl"`, and a label of an Arabic or Hebrew message whose every part is an isolated
 * parameter (a Latin name, a date) would otherwise be laid out left to right. The isolate works the
 * same in a browser, where `direction` would also turn `text-anchor` around; the anchors here are
 * where the label's left (start), middle or right (end) edge goes, in every language, so the time
 * axis and everything placed on it stay left to right.
 */
export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const attrs = [
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    `font-size="${options.size ?? 13}"`,
    `fill="${options.fill ?? COLOURS.ink}"`,
    options.anchor && options.anchor !== "start" ? `text-anchor="${options.anchor}"` : "",
    options.weight === "bold" ? `font-weight="bold"` : "",
    options.halo ? `stroke="${COLOURS.background}" stroke-width="3" paint-order="stroke"` : "",
    options.fonts ? `font-family="${options.fonts}"` : "",
  ].filter(Boolean);
  const shown = content.replace(NO_GLYPH, "");
  const inline = options.dir === "rtl" && shown ? `${RLI}${shown}${PDI}` : shown;
  return `<text ${attrs.join(" ")}>${escapeXml(inline)}</text>`;
}

/**
 * How a chart writes in a language: its `<text>` in that direction, and where a line of its own
 * (a heading, the legend) starts: at the left in English and French, at the right in Arabic and Hebrew.
 */
export interface Writer {
  words: Words;
  text(x: number, y: number, content: string, options?: TextOptions): string;
  /** A heading's x and anchor: the chart's left edge, or its right edge right to left. */
  lead(left: number, right: number): { x: number; anchor: "start" | "end" };
}

export function writer(words: Words): Writer {
  const arabic = words.language === "ar";
  // An Arabic label's "…" (a shortened name) is three dots: the Arabic font has no "…" (see above).
  const shown = (content: string) => (arabic ? content.replace(/\u2026/g, "...") : content);
  const fonts = arabic ? { fonts: ARABIC_FONT_FAMILIES } : {};
  return {
    words,
    text: (x, y, content, options = {}) =>
      text(x, y, shown(content), { ...options, dir: words.dir, ...fonts }),
    lead: (left, right) => (words.dir === "rtl" ? { x: right, anchor: "end" } : { x: left, anchor: "start" }),
  };
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

/** "and 9,950 more", in `words`' language. */
export function andMore(count: number, words: Words = ENGLISH): string {
  return words.t("pictures.more", { count });
}
