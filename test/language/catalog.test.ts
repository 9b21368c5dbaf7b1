import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOG_AREAS, CATALOGS } from "../../src/language/catalogs/index.js";
import { LANGUAGES } from "../../src/language/languages.js";

/** The arguments a message takes, with the kind of each (plain, number, plural, select, date…). */
function argumentsOf(
  elements: readonly MessageFormatElement[],
  into = new Map<string, string>(),
): Map<string, string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound || e.type === TYPE.tag) {
      if (e.type === TYPE.tag) argumentsOf(e.children, into);
      continue;
    }
    into.set(e.value, into.get(e.value) ?? TYPE[e.type]);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

describe("the message catalogs", () => {
  it("gives every English key in every language, and no other", () => {
    const keys = Object.keys(CATALOGS.en).sort();
    for (const language of LANGUAGES) expect(Object.keys(CATALOGS[language]).sort()).toEqual(keys);
  });

  it("prefixes each area's keys with its area, so no two areas share a key", () => {
    const seen = new Set<string>();
    for (const area of CATALOG_AREAS) {
      const keys = Object.keys(area.en);
      const prefixes = new Set(keys.map((k) => k.split(".")[0]));
      expect(prefixes.size).toBe(1);
      for (const k of keys) {
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    }
  });

  it("reads every message as ICU MessageFormat, taking the arguments the English one takes", () => {
    for (const [key, english] of Object.entries(CATALOGS.en)) {
      const wanted = [...argumentsOf(parse(english)).keys()].sort();
      for (const language of LANGUAGES) {
        const message = CATALOGS[language][key as keyof typeof CATALOGS.en];
        const got = [...argumentsOf(parse(message)).keys()].sort();
        expect({ key, language, args: got }).toEqual({ key, language, args: wanted });
      }
    }
  });

  it("never leaves a translation in English (but for names and codes, which are the same in every language)", () => {
    const same = Object.entries(CATALOGS.en).filter(
      ([key, english]) =>
        /[a-z]{4,}/i.test(english.replace(/\{[^}]*\}/g, "")) &&
        (["ar", "he"] as const).some((l) => CATALOGS[l][key as keyof typeof CATALOGS.en] === english),
    );
    expect(same.map(([key]) => key)).toEqual([]);
  });
});

describe("the English phrases a reply in another language must not show", () => {
  it("finds the catalog's English in a text, but not the data's English passed as a fallback", async () => {
    const { englishLeaks } = await import("../support/language.js");
    expect(englishLeaks("Hamas et Israel, and 3 more", "fr")).toEqual([]);
    expect(englishLeaks("le texte: Something went wrong", "fr", { except: [] })).toEqual(
      englishLeaks("Something went wrong", "fr"),
    );
  });
});
