/**
 * Parses a typed command line, `/timeline from:2025-01-01 tag:"phase-one"`, into a command name and
 * raw string options (the console, `ask`, and Slack's command text use this form).
 */
import { findUnsafe, isolateBidi, type UnsafeChar } from "../dataset/text-safety.js";
import { ENGLISH, type Words } from "../language/words.js";

export interface ParsedLine {
  name: string;
  options: Record<string, string>;
}

export type LineResult = { ok: true; line: ParsedLine } | { ok: false; message: string };

/** Splits on whitespace, keeping "quoted text" (single or double quotes) together. */
export function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  let current = "";
  let quote: string | undefined;
  let inToken = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'" || ch === "“" || ch === "”") {
      quote = ch === "“" ? "”" : ch;
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = "";
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (quote) return undefined;
  if (inToken) tokens.push(current);
  return tokens;
}

/**
 * The refusal of typed text that cannot go into a reply (a control character, a lone surrogate),
 * naming the option it was typed in when that is known. The text itself is never echoed.
 */
export function unsafeTextMessage(
  option: string | undefined,
  found: UnsafeChar,
  words: Words = ENGLISH,
): string {
  const what = found.kind === "control character" ? "control" : "surrogate";
  const code = `U+${found.codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  return option
    ? words.t(`options.unsafe.${what}-in-option`, { option, code })
    : words.t(`options.unsafe.${what}-in-command`, { code });
}

/** Text a person typed, as an error message may quote it: refused characters aside, isolated. */
export function typedText(text: string): { ok: true; shown: string } | { ok: false; found: UnsafeChar } {
  const found = findUnsafe(text, { controls: true });
  return found ? { ok: false, found } : { ok: true, shown: isolateBidi(text) };
}

/** Parses `name:value` options (the text after the command name). */
export function parseOptionText(
  text: string,
  words: Words = ENGLISH,
): { ok: true; options: Record<string, string> } | { ok: false; message: string } {
  const tokens = tokenize(text);
  if (!tokens) return { ok: false, message: words.t("options.unclosed-quote") };
  const options: Record<string, string> = {};
  for (const token of tokens) {
    const colon = token.indexOf(":");
    const typed = typedText(token);
    if (!typed.ok) {
      const name = colon > 0 ? typedText(token.slice(0, colon).toLowerCase()) : undefined;
      return { ok: false, message: unsafeTextMessage(name?.ok ? name.shown : undefined, typed.found, words) };
    }
    if (colon <= 0) {
      return { ok: false, message: words.t("options.not-name-value", { token: typed.shown }) };
    }
    const name = token.slice(0, colon).toLowerCase();
    if (name in options) {
      return { ok: false, message: words.t("options.given-twice", { option: isolateBidi(name) }) };
    }
    options[name] = token.slice(colon + 1);
  }
  return { ok: true, options };
}

/** A typed command line; what is wrong with it said in `words` (English unless given). */
export function parseCommandLine(text: string, words: Words = ENGLISH): LineResult {
  const trimmed = text.trim();
  const match = /^\/?([A-Za-z][\w-]*)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { ok: false, message: words.t("options.no-command") };
  const parsed = parseOptionText(match[2] ?? "", words);
  if (!parsed.ok) return parsed;
  return { ok: true, line: { name: (match[1] ?? "").toLowerCase(), options: parsed.options } };
}
