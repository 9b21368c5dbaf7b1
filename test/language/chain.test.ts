/**
 * Who gets which language: a reader's reply follows their choice, then their locale, then the
 * server's, then English; a channel's alerts follow the language chosen when subscribing, then the
 * channel's locale, then the server's, then English. A locale that is not one of ours is skipped.
 */
import { describe, expect, it } from "vitest";
import { channelLanguage, readerChoice, readerLanguage } from "../../src/language/chain.js";

describe("a reader's language", () => {
  it("is English when nothing is known", () => {
    expect(readerLanguage({})).toBe("en");
    expect(readerChoice({})).toEqual({ language: "en", reason: "default" });
  });

  it("is their own choice before anything the platform says", () => {
    expect(readerLanguage({ choice: "he", locale: "fr", guildLocale: "fr" })).toBe("he");
    expect(readerChoice({ choice: "ar", locale: "fr" })).toEqual({ language: "ar", reason: "choice" });
  });

  it("is their client's locale when it is one of ours, before the server's", () => {
    expect(readerLanguage({ locale: "fr", guildLocale: "en-US" })).toBe("fr");
    expect(readerLanguage({ locale: "fr-FR" })).toBe("fr");
    expect(readerChoice({ locale: "en-GB", guildLocale: "fr" })).toEqual({
      language: "en",
      reason: "locale",
    });
  });

  it("is the server's locale when theirs is not one of ours", () => {
    expect(readerLanguage({ locale: "pt-BR", guildLocale: "fr" })).toBe("fr");
    expect(readerChoice({ locale: "ja-JP", guildLocale: "fr" })).toEqual({
      language: "fr",
      reason: "server",
    });
  });

  it("is English when neither locale is one of ours", () => {
    expect(readerLanguage({ locale: "pt-BR", guildLocale: "de" })).toBe("en");
    expect(readerChoice({ locale: "pt-BR", guildLocale: "de" }).reason).toBe("default");
  });
});

describe("a channel's language", () => {
  it("is English when nothing is known", () => {
    expect(channelLanguage({})).toBe("en");
  });

  it("is the language chosen when subscribing, before any locale", () => {
    expect(channelLanguage({ choice: "ar", channelLocale: "fr-FR", guildLocale: "fr" })).toBe("ar");
  });

  it("is the channel's own locale when it is one of ours, before the server's", () => {
    expect(channelLanguage({ channelLocale: "fr-FR", guildLocale: "en-US" })).toBe("fr");
    expect(channelLanguage({ channelLocale: "ja-JP", guildLocale: "fr" })).toBe("fr");
  });

  it("is English when no locale is one of ours", () => {
    expect(channelLanguage({ channelLocale: "ja-JP", guildLocale: "pt-BR" })).toBe("en");
  });
});
