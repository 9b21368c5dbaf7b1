/**
 * Rich text as Discord markdown, kept as a list of unbreakable pieces so that text cut to one of
 * Discord's length limits never ends inside an escape, a `<t:…>` timestamp, a link or a code span.
 */

import { balancedCut, cutText, mentionBreaker } from "../../dataset/text-safety.js";
import type { Rich, Span } from "../../reply/reply.js";

/** "…": what a cut text ends with. */
export const ELLIPSIS = "…";

/** Timestamp styles: F = full date and time, R = relative ("in 3 hours"), D = date. */
const TIMESTAMP_STYLE = { datetime: "F", relative: "R", date: "D" } as const;

/**
 * Characters with a markdown meaning anywhere in a line (`<` starts mentions, timestamps and
 * `<url>`s; parentheses only matter after `]`, which is escaped), and at the start of a line
 * (headings, quotes, lists).
 */
const SPECIAL = /[\\*_~|[\]<`]|(?<=(?:^|\n)[ \t]*)[#>+-]/g;
const LINE_START_ONLY = /^[#>+-]$/;

/** `@everyone` and `@here`: allowed_mentions already keeps them from pinging; this keeps them from looking like one. */
export const breakMentions = mentionBreaker(["everyone", "here"]);

/** `<t:1740736800:R>`: Discord shows it in each reader's own time zone and language. */
export function timestampToken(instant: Date, style: keyof typeof TIMESTAMP_STYLE): string {
  return `<t:${Math.floor(instant.getTime() / 1000)}:${TIMESTAMP_STYLE[style]}>`;
}

/**
 * Whether a piece may be cut: runs of plain text may, escapes, bold runs, links, code spans and
 * timestamps may not (plain runs never start with these characters: they are always escaped).
 */
function isCuttable(piece: string): boolean {
  return !/^[\\<*[`]/.test(piece);
}

/**
 * Splits plain text into pieces: runs of ordinary text, and each markdown character escaped with a
 * backslash as a piece of its own. `@everyone` and `@here` are broken by a zero-width space
 * (allowed_mentions already keeps them from pinging; this keeps them from looking like one).
 * Returns whether the text ends at the start of a line.
 */
function plainPieces(text: string, out: string[], atLineStart: boolean): boolean {
  if (text === "") return atLineStart;
  const safe = breakMentions(text);
  let last = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(safe); m; m = SPECIAL.exec(safe)) {
    const ch = m[0];
    // A list or quote marker at the very start only counts when the text starts a line.
    if (LINE_START_ONLY.test(ch) && !atLineStart && !safe.slice(0, m.index).includes("\n")) continue;
    if (m.index > last) out.push(safe.slice(last, m.index));
    out.push(`\\${ch}`);
    last = m.index + 1;
  }
  if (last < safe.length) out.push(safe.slice(last));
  const tail = safe.slice(safe.lastIndexOf("\n") + 1);
  return /^\s*$/.test(tail) && (atLineStart || safe.includes("\n"));
}

/**
 * Plain text and the `code` spans the commands write in their messages ("Option `page` must be…"):
 * a pair of backticks on one line stays code (Discord renders nothing inside it, so it needs no
 * escaping), everything else is escaped.
 */
function textPieces(text: string, out: string[], atLineStart: boolean): boolean {
  let lineStart = atLineStart;
  const code = /`([^`\n]+)`/g;
  let last = 0;
  for (let m = code.exec(text); m; m = code.exec(text)) {
    lineStart = plainPieces(text.slice(last, m.index), out, lineStart);
    // Nothing inside a code span is a mention, but its words read as one: break them all the same.
    out.push(breakMentions(m[0]));
    lineStart = false;
    last = m.index + m[0].length;
  }
  return plainPieces(text.slice(last), out, lineStart);
}

function linkPieces(span: { link: string; url: string }, out: string[]): void {
  const label: string[] = [];
  plainPieces(span.link, label, false);
  // A URL with spaces or parentheses would end the link early: percent-encode them.
  const url = span.url.replace(/[\s()<>]/g, (c) =>
    c === "(" ? "%28" : c === ")" ? "%29" : encodeURIComponent(c),
  );
  if (/^https?:\/\//i.test(url)) out.push(`[${label.join("")}](${url})`);
  else out.push(...label);
}

/** Rich text as pieces of Discord markdown; joined they are the whole text. */
export function richPieces(rich: Rich, out: string[] = []): string[] {
  let lineStart = true;
  for (const span of rich as readonly Span[]) {
    if (typeof span === "string") {
      lineStart = textPieces(span, out, lineStart);
    } else if ("strong" in span) {
      const inner: string[] = [];
      plainPieces(span.strong, inner, false);
      if (inner.length) out.push(`**${inner.join("")}**`);
      lineStart = false;
    } else if ("link" in span) {
      linkPieces(span, out);
      lineStart = false;
    } else {
      out.push(timestampToken(span.instant, span.style));
      lineStart = false;
    }
  }
  return out;
}

/** Plain text as escaped markdown pieces (titles, field names). */
export function textToPieces(text: string): string[] {
  const out: string[] = [];
  textPieces(text, out, true);
  return out;
}

/** Plain text escaped for markdown. */
export function escapeMarkdown(text: string): string {
  return textToPieces(text).join("");
}

/**
 * Joins pieces into at most `limit` characters. When they do not all fit, "…" ends the text and the
 * piece that did not fit is cut only where that is safe: plain text between characters, a
 * `**bold**` run inside its markers; an escape, a link, a code span or a timestamp is never cut; a
 * bidirectional control the cut keeps is closed before the "…" (balancedCut).
 */
export function fitPieces(pieces: readonly string[], limit: number): string {
  let total = 0;
  for (const p of pieces) total += p.length;
  if (total <= limit) return pieces.join("");
  const budget = limit - ELLIPSIS.length;
  if (budget <= 0) return limit > 0 ? ELLIPSIS.slice(0, limit) : "";
  return balancedCut(budget, (room) => cutPieces(pieces, room)) + ELLIPSIS;
}

/** The pieces that fit in `budget` characters, the one that did not cut where that is safe. */
function cutPieces(pieces: readonly string[], budget: number): string {
  let out = "";
  for (const p of pieces) {
    if (out.length + p.length <= budget) {
      out += p;
      continue;
    }
    const room = budget - out.length;
    const bold = /^\*\*(.*)\*\*$/s.exec(p);
    if (bold && room > 4) {
      // Closed inside the bold: a closer after `**` could keep it from closing.
      const inner = balancedCut(room - 4, (r) => cutEscaped(bold[1] ?? "", r).trimEnd());
      if (inner) out += `**${inner}**`;
    } else if (isCuttable(p)) {
      out += cutEscaped(p, room);
    }
    break;
  }
  return out.trimEnd();
}

/** Cuts escaped text to `limit` characters without splitting an escape or a surrogate pair. */
function cutEscaped(text: string, limit: number): string {
  let out = "";
  for (const unit of text.match(/\\[\s\S]|[\s\S]/gu) ?? []) {
    if (out.length + unit.length > limit) break;
    out += unit;
  }
  return out;
}

/** Rich text as markdown of at most `limit` characters. */
export function fitRich(rich: Rich, limit: number): string {
  return fitPieces(richPieces(rich), limit);
}

/** Plain text (not markdown: footers, button labels) cut to `limit` characters with "…". */
export function fitPlain(text: string, limit: number): string {
  return cutText(text, limit);
}
