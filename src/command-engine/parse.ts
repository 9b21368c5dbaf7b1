/**
 * Parses a typed command line, `/timeline from:2025-01-01 tag:"phase-one"`, into a command name and
 * raw string options (the console, `ask`, and Slack's command text use this form).
 */
import { describeUnsafe, findUnsafe, isolateBidi, type UnsafeChar } from "../dataset/text-safety.js";

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
export function unsafeTextMessage(option: string | undefined, found: UnsafeChar): string {
  const where = option ? `Option \`${option}\`` : "The command";
  return `${where} contains ${describeUnsafe(found)}, which the bot does not accept: type it again without it.`;
}

/** Text a person typed, as an error message may quote it: refused characters aside, isolated. */
export function typedText(text: string): { ok: true; shown: string } | { ok: false; found: UnsafeChar } {
  const found = findUnsafe(text, { controls: true });
  return found ? { ok: false, found } : { ok: true, shown: isolateBidi(text) };
}

/** Parses `name:value` options (the text after the command name). */
export function parseOptionText(
  text: string,
): { ok: true; options: Record<string, string> } | { ok: false; message: string } {
  const tokens = tokenize(text);
  if (!tokens) return { ok: false, message: "A quote is not closed." };
  const options: Record<string, string> = {};
  for (const token of tokens) {
    const colon = token.indexOf(":");
    const typed = typedText(token);
    if (!typed.ok) {
      const name = colon > 0 ? typedText(token.slice(0, colon).toLowerCase()) : undefined;
      return { ok: false, message: unsafeTextMessage(name?.ok ? name.shown : undefined, typed.found) };
    }
    if (colon <= 0) {
      return {
        ok: false,
        message: `Options are written name:value, like from:2025-01-01 (got "${typed.shown}").`,
      };
    }
    const name = token.slice(0, colon).toLowerCase();
    if (name in options) return { ok: false, message: `Option \`${isolateBidi(name)}\` is given twice.` };
    options[name] = token.slice(colon + 1);
  }
  return { ok: true, options };
}

export function parseCommandLine(text: string): LineResult {
  const trimmed = text.trim();
  const match = /^\/?([A-Za-z][\w-]*)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { ok: false, message: "Type a command, like /captives or /timeline from:2025-01-01." };
  const parsed = parseOptionText(match[2] ?? "");
  if (!parsed.ok) return parsed;
  return { ok: true, line: { name: (match[1] ?? "").toLowerCase(), options: parsed.options } };
}
