/**
 * Slack mrkdwn from the Reply's rich spans. Plain text is escaped (`&`, `<`, `>`), strong text becomes
 * `*…*` that cannot be broken by the text it wraps, links become `<url|text>` and instants become
 * `<!date^…>` tokens that every reader sees in their own time zone. Text is kept as segments until
 * the last moment so that truncation to a Block Kit limit never cuts inside a `<…>` token, an
 * `&amp;` entity or an unclosed `*`.
 */

import { balancedCut, cutText, mentionBreaker } from "../../dataset/text-safety.js";
import type { Rich, Span } from "../../reply/reply.js";

/** A piece of mrkdwn: plain or strong text (escaped when written), or an atomic `<…>` token. */
export type Segment =
  | { kind: "text"; raw: string }
  | { kind: "strong"; raw: string }
  | { kind: "token"; mrkdwn: string };

const ELLIPSIS = "…";

/**
 * `@here`, `@channel` and `@everyone` written as words. The bot never asks Slack to link names, and
 * the `<!here>` tokens that do notify are escaped like any `<`; breaking the words as well keeps a
 * client or a notification preview from ever reading them as a broadcast.
 */
export const breakMentions = mentionBreaker(["here", "channel", "everyone"]);

/** Plain text from the data or a person, as a segment (mentions broken). */
export function textSegment(raw: string): Segment {
  return { kind: "text", raw: breakMentions(raw) };
}

/** Strong text as a segment (mentions broken). */
export function strongSegment(raw: string): Segment {
  return { kind: "strong", raw: breakMentions(raw) };
}

/**
 * Slack's date tokens for each instant style. `{date_short_pretty}` says "today"/"tomorrow" when it
 * applies. The relative style uses the same absolute token rather than `{ago}`: Slack documents
 * `{ago}` only for past periods ("3 minutes ago"), while our relative spans point both ways ("ends
 * in 3 hours", "ended 2 days ago"); a reader-local "tomorrow 9:00" is right in both directions and
 * never goes stale as the message ages.
 */
export const DATE_FORMATS = {
  datetime: "{date_short_pretty} {time}",
  date: "{date_short_pretty}",
  relative: "{date_short_pretty} {time}",
} as const;

/** Escapes the three characters Slack's mrkdwn parser treats as control characters. */
export function escapeMrkdwn(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeChar(ch: string): string {
  return ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch;
}

/** A URL that cannot end or split its `<url|text>` token. */
function escapeUrl(url: string): string {
  return url
    .replace(/&/g, "&amp;")
    .replace(/\|/g, "%7C")
    .replace(/</g, "%3C")
    .replace(/>/g, "%3E")
    .replace(/\s/g, (c) => encodeURIComponent(c));
}

/** `<!date^UNIX^format|fallback>`: Slack shows the instant in each reader's own zone. */
export function dateToken(instant: Date, style: keyof typeof DATE_FORMATS, fallback: string): string {
  const unix = Math.floor(instant.getTime() / 1000);
  return `<!date^${unix}^${DATE_FORMATS[style]}|${escapeMrkdwn(fallback)}>`;
}

export function linkToken(url: string, text: string): string {
  return `<${escapeUrl(url)}|${escapeMrkdwn(breakMentions(text))}>`;
}

function spanSegment(span: Span): Segment {
  if (typeof span === "string") return textSegment(span);
  if ("strong" in span) return strongSegment(span.strong);
  if ("link" in span) {
    return span.url ? { kind: "token", mrkdwn: linkToken(span.url, span.link) } : textSegment(span.link);
  }
  return { kind: "token", mrkdwn: dateToken(span.instant, span.style, span.fallback) };
}

export function segments(rich: Rich): Segment[] {
  return rich.map(spanSegment);
}

/**
 * Bold that always renders: Slack ignores `*` next to whitespace inside and does not bold across
 * lines, so each line is bolded on its own with its outer whitespace moved outside, and a `*` in the
 * text becomes `∗` (it would otherwise close the bold early).
 */
function strong(raw: string): string {
  return raw
    .split("\n")
    .map((line) => {
      const body = line.trim();
      if (!body) return line;
      const lead = line.slice(0, line.length - line.trimStart().length);
      const trail = line.slice(line.trimEnd().length);
      return `${lead}*${escapeMrkdwn(body.replace(/\*/g, "∗"))}*${trail}`;
    })
    .join("\n");
}

function write(segment: Segment): string {
  if (segment.kind === "text") return escapeMrkdwn(segment.raw);
  if (segment.kind === "strong") return strong(segment.raw);
  return segment.mrkdwn;
}

/** The longest prefix of `raw` (whole characters) whose escaped form fits in `room` characters. */
function escapedPrefix(raw: string, room: number, extraPerLine = 0): string {
  let used = extraPerLine;
  let out = "";
  for (const ch of raw) {
    const cost = escapeChar(ch).length + (ch === "\n" ? extraPerLine : 0);
    if (used + cost > room) break;
    used += cost;
    out += ch;
  }
  return out;
}

/** The whole mrkdwn of some segments. */
export function toMrkdwn(parts: readonly Segment[]): string {
  return parts.map(write).join("");
}

/**
 * The mrkdwn of some segments in at most `limit` characters: when it is longer, it is cut at a
 * character of plain or strong text (bold kept closed) or before a token, and ends with "…"; a
 * bidirectional control the cut keeps is closed before the "…" (balancedCut).
 */
export function fitMrkdwn(parts: readonly Segment[], limit: number): string {
  const whole = toMrkdwn(parts);
  if (whole.length <= limit) return whole;
  let boldEnd = false;
  const cut = balancedCut(limit - ELLIPSIS.length, (room) => {
    const found = cutSegments(parts, room);
    boldEnd = found.boldEnd;
    return found.text;
  });
  return boldEnd ? cut : cut + ELLIPSIS;
}

/** The segments that fit in `room` characters, the one that did not cut where that is safe. */
function cutSegments(parts: readonly Segment[], room: number): { text: string; boldEnd: boolean } {
  let out = "";
  for (const part of parts) {
    const written = write(part);
    if (out.length + written.length <= room) {
      out += written;
      continue;
    }
    const left = room - out.length;
    if (part.kind === "text") {
      out += escapeMrkdwn(escapedPrefix(part.raw, left));
    } else if (part.kind === "strong") {
      // Two asterisks per line and the ellipsis go inside the bold, and the closers of what it keeps open.
      const prefix = balancedCut(left - ELLIPSIS.length, (r) => escapedPrefix(part.raw, r, 2).trimEnd());
      if (prefix.trim()) return { text: out + strong(`${prefix}${ELLIPSIS}`), boldEnd: true };
    }
    break;
  }
  return { text: out, boldEnd: false };
}

/** Plain text cut to `limit` characters with "…" (for plain_text objects: header, button labels). */
export function fitPlain(text: string, limit: number): string {
  return cutText(text, limit);
}
