/** The delivery ledger as /subscriptions lists it: the reasons recorded with its rows, in the reader's words. */
import { describe, expect, it } from "vitest";
import { ENGLISH, wordsFor } from "../../src/language/words.js";
import { reasonText } from "../../src/subscriptions/ledger.js";

describe("a reason the store recorded, in the reader's words", () => {
  const recorded = [
    "unsubscribed by U1",
    "gone: Unknown Channel (10003)",
    "missed by 7.5 h, more than the 6 h grace period (the bot was not running)",
    "unconfirmed and missed by 8 h, more than the 6 h grace period",
  ];

  it("is said in English as it was recorded", () => {
    expect(recorded.map((r) => reasonText(r, ENGLISH))).toEqual(recorded);
  });

  it("is said in Arabic, Hebrew and French, the platform's own words and the ids kept", () => {
    for (const language of ["ar", "he", "fr"] as const) {
      const said = recorded.map((r) =>
        reasonText(r, wordsFor(language)).replace(/[\u2066-\u2069\u200f]/g, ""),
      );
      for (const [i, text] of said.entries())
        expect(text, `${language}: ${recorded[i]}`).not.toBe(recorded[i]);
      expect(said[0]).toContain("U1");
      expect(said[1]).toContain("Unknown Channel (10003)");
      expect(said[2]).toContain("7.5");
    }
    expect(
      reasonText(
        "missed by 7.5 h, more than the 6 h grace period (the bot was not running)",
        wordsFor("ar"),
      ).replace(/[\u2066-\u2069\u200f]/g, ""),
    ).toBe("فات موعده بـ7.5 ساعة، وهو أكثر من مهلة السماح البالغة 6 ساعة (لم يكن البوت يعمل)");
  });

  it("is shown as recorded when the bot does not know its form", () => {
    expect(reasonText("something else", wordsFor("ar"))).toBe("something else");
  });
});
