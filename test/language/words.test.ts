import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { ENGLISH, selectArguments, wordsFor } from "../../src/language/words.js";

const FSI = "\u2068";
const PDI = "\u2069";

describe("words in a language", () => {
  it("says English dates, times and relative days as the bot always has", () => {
    expect(ENGLISH.longDate("2025-03-01")).toBe("Saturday 1 March 2025");
    expect(ENGLISH.shortDate("2025-03-01")).toBe("1 Mar 2025");
    expect(ENGLISH.instant(new Date("2025-03-01T08:00:00Z"), "Asia/Jerusalem")).toBe(
      "1 Mar 2025, 10:00 GMT+2",
    );
    expect([ENGLISH.relativeDays(0), ENGLISH.relativeDays(1), ENGLISH.relativeDays(-1)]).toEqual([
      "today",
      "tomorrow",
      "yesterday",
    ]);
    expect([ENGLISH.relativeDays(3), ENGLISH.relativeDays(-4)]).toEqual(["in 3 days", "4 days ago"]);
    expect(ENGLISH.relativeDuration(3 * 3_600_000)).toBe("in 3 hours");
    expect(ENGLISH.relativeDuration(-20 * 60_000)).toBe("20 minutes ago");
    expect(ENGLISH.relativeDuration(59.9 * 60_000)).toBe("in 1 hour");
    expect(ENGLISH.relativeDuration(10_000)).toBe("now");
  });

  it("says dates and relative days in Arabic, Hebrew and French by Intl", () => {
    expect(wordsFor("ar").shortDate("2025-03-01")).toBe("1 مارس 2025");
    expect(wordsFor("he").relativeDays(1)).toBe("מחר");
    expect(wordsFor("fr").longDate("2025-03-01")).toBe("samedi 1 mars 2025");
  });

  it("says Arabic's plural forms for 0, 1, 2, 3, 11 and 100", () => {
    const ar = wordsFor("ar");
    expect([0, 1, 2, 3, 11, 100].map((count) => ar.t("common.and-more", { count }))).toEqual([
      "ولا شيء آخر",
      "وواحد آخر",
      "واثنان آخران",
      "و3 أخرى",
      "و11 أخرى",
      "و100 أخرى",
    ]);
  });

  it("isolates a Latin name inside an Arabic or Hebrew sentence, never inside an English one", () => {
    expect(wordsFor("he").list(["Hamas", "Israel"])).toBe(`${FSI}Hamas${PDI} ו-${FSI}Israel${PDI}`);
    expect(ENGLISH.list(["Hamas", "Israel"])).toBe("Hamas and Israel");
    expect(wordsFor("ar").isolate(`${FSI}x${PDI}`)).toBe(`${FSI}x${PDI}`);
  });

  it("opens a right-to-left sentence that starts with a Latin name with a right-to-left mark, so it still reads right to left", () => {
    const ar = wordsFor("ar");
    expect(ar.t("alerts.when.date-at", { date: "Monday", time: "12:00" })).toBe(
      `\u200f${FSI}Monday${PDI} في الساعة ${FSI}12:00${PDI}`,
    );
    // A sentence whose first letter is Arabic already reads right to left: no mark.
    expect(ar.t("alerts.when.date-at", { date: "الاثنين", time: "12:00" })).toBe(
      `${FSI}الاثنين${PDI} في الساعة ${FSI}12:00${PDI}`,
    );
    expect(ENGLISH.t("alerts.when.date-at", { date: "Monday", time: "12:00" })).not.toContain("\u200f");
  });

  it("isolates a text of several lines line by line, since an isolate ends with its paragraph", () => {
    expect(wordsFor("he").isolate("Hamas\nIsrael")).toBe(`${FSI}Hamas${PDI}\n${FSI}Israel${PDI}`);
    expect(wordsFor("ar").isolate("a\n\nb")).toBe(`${FSI}a${PDI}\n\n${FSI}b${PDI}`);
  });

  it("leaves a select's argument unisolated, so it still matches its case in Arabic and Hebrew", () => {
    const message = new IntlMessageFormat(
      "{move, select, earlier {brought forward} other {put back}} by {who}",
      "ar",
    );
    expect([...selectArguments(message.getAst())]).toEqual(["move"]);
    const nested = new IntlMessageFormat(
      "{n, plural, one {{kind, select, a {A} other {B}}} other {C}}",
      "ar",
    );
    expect([...selectArguments(nested.getAst())]).toEqual(["kind"]);
  });
});
