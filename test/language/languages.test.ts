import { describe, expect, it } from "vitest";
import { direction, firstLanguage, languageOfLocale } from "../../src/language/languages.js";

describe("a language from a platform's locale", () => {
  it.each([
    ["fr", "fr"],
    ["fr-FR", "fr"],
    ["fr_CA", "fr"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["he-IL", "he"],
    ["iw", "he"],
    ["ar-SA", "ar"],
  ])("reads %s as %s", (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });

  it("takes no language from a locale that is not one of ours", () => {
    expect(languageOfLocale("pt-BR")).toBeUndefined();
    expect(languageOfLocale("ja-JP")).toBeUndefined();
    expect(languageOfLocale(undefined)).toBeUndefined();
  });

  it("takes the first language set along the chain, else English", () => {
    expect(firstLanguage(undefined, "fr", "ar")).toBe("fr");
    expect(firstLanguage(undefined, undefined)).toBe("en");
  });

  it("runs Arabic and Hebrew right to left", () => {
    expect([direction("ar"), direction("he"), direction("fr"), direction("en")]).toEqual([
      "rtl",
      "rtl",
      "ltr",
      "ltr",
    ]);
  });
});
