/**
 * Whether a reply in another language let English through: the English catalog's own wording (each
 * message's literal runs of two words or more) found in what was written for a reader of Arabic,
 * Hebrew or French. The data's English texts shown as a fallback are not the catalog's and are passed
 * as `except`: they are removed before looking. A reply's text: `replyText()` of ./walk.ts.
 */
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { expect } from "vitest";
import { CATALOGS } from "../../src/language/catalogs/index.js";
import type { Language } from "../../src/language/languages.js";
import type { Reply } from "../../src/reply/reply.js";
import { shippedStory } from "./story.js";
import { replyText } from "./walk.js";

/** The literal runs of a message, inside its plurals and selects too. */
function literals(elements: readonly MessageFormatElement[], into: string[] = []): string[] {
  for (const e of elements) {
    if (e.type === TYPE.literal) into.push(e.value);
    else if (e.type === TYPE.tag) literals(e.children, into);
    else if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const option of Object.values(e.options)) literals(option.value, into);
    }
  }
  return into;
}

const BY_LANGUAGE = new Map<Language, string[]>();

/**
 * The English catalog's phrases a reply in `language` must not contain: runs of two words or more
 * (eight letters at least), leaving out those the language's own catalog also writes (a name, a code).
 */
export function englishPhrases(language: Language): string[] {
  let phrases = BY_LANGUAGE.get(language);
  if (phrases) return phrases;
  const own = Object.values(CATALOGS[language]).join("\n");
  const found = new Set<string>();
  for (const message of Object.values(CATALOGS.en)) {
    for (const run of literals(parse(message))) {
      for (const part of run.split(/[\n:;()[\]*_`"“”]+/)) {
        const phrase = part.trim().replace(/^[,.!?\s-]+|[,.!?\s-]+$/g, "");
        const letters = phrase.replace(/[^A-Za-z]/g, "");
        if (letters.length >= 8 && /[A-Za-z]+\s+[A-Za-z]+/.test(phrase) && !own.includes(phrase))
          found.add(phrase);
      }
    }
  }
  phrases = [...found].sort((a, b) => b.length - a.length);
  BY_LANGUAGE.set(language, phrases);
  return phrases;
}

/** The English catalog phrases found in `text` (a reply's text, a payload's JSON, a page's HTML). */
export function englishLeaks(
  text: string,
  language: Language,
  options: { except?: readonly string[] } = {},
): string[] {
  let haystack = text;
  for (const allowed of options.except ?? []) if (allowed) haystack = haystack.split(allowed).join("\u0000");
  return englishPhrases(language).filter((phrase) => haystack.includes(phrase));
}

/**
 * Every text of a story's data (each string value, at any depth), longest first: the English a reply
 * may show as the data's own until the story carries a translation. Pass it as `except`.
 */
export function dataTexts(data: unknown): string[] {
  return storyTexts(data);
}

/**
 * The English catalog phrases in all a reply says (its text, its footer's warning, its evidence, its
 * picture's alt text: the pictures write their words from the catalog too), the story data's own
 * texts excepted.
 */
export function replyLeaks(reply: Reply, language: Language, data: unknown): string[] {
  const text = [
    replyText(reply.picture ? { ...reply, picture: undefined } : reply),
    reply.picture?.alt ?? "",
    reply.footer?.staleWarning ?? "",
    ...(reply.evidence ?? []).map((e) => e.what),
  ].join("\n");
  return englishLeaks(text, language, { except: dataTexts(data) });
}

/**
 * A reply written for a reader of `language`: marked with it, showing `expected` (words of that
 * language the reply must say), and no English catalog phrase outside the shipped story's own texts.
 */
export function expectWrittenIn(reply: Reply, language: Language, expected: readonly string[]): void {
  expect(reply.language).toBe(language);
  const text = [replyText(reply), ...(reply.buttons ?? []).map((b) => b.label)].join("\n");
  for (const words of expected) expect(text).toContain(words);
  expect(replyLeaks(reply, language, shippedStory())).toEqual([]);
}

/**
 * The data texts of a story file as written (`RawStory` or any JSON): every string in it, longest
 * first, each also as JSON writes it inside quotes (a payload's or a raw item's escapes), to pass to
 * `englishLeaks()` as `except` for a page or reply that shows the story's own English texts.
 */
export function storyTexts(raw: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      if (value === "") return;
      found.add(value);
      found.add(JSON.stringify(value).slice(1, -1));
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (typeof value === "object" && value !== null) {
      for (const item of Object.values(value)) walk(item);
    }
  };
  walk(raw);
  return [...found].sort((a, b) => b.length - a.length);
}
