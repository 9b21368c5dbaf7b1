import { describe, expect, it } from "vitest";
import {
  AFTER,
  ARTICLE_KNOWN,
  BEFORE,
  DURING,
  expectWrittenIn,
  NOTHING_KNOWN,
  run,
  runIn,
  runText,
} from "../support/index.js";

describe("captives", () => {
  // The article gives no time: what it reports of 28 February is known from the end of that day.
  describe("at the end of 28 February 2025, from the article of that day", () => {
    const text = runText("captives", {}, ARTICLE_KNOWN);

    it("says 59 captives remain, according to Israel", () => {
      expect(text).toContain(
        "Captives remaining in Gaza:\n  59 captives, according to Israel, as of 28 Feb 2025",
      );
    });

    it("says 24 believed alive, according to Israel", () => {
      expect(text).toContain(
        "Captives believed to be alive:\n  24 captives, according to Israel, as of 28 Feb 2025",
      );
    });

    it("says the remains of 4 captives were handed over in the last swap", () => {
      expect(text).toContain("4 captives' remains, according to Al Jazeera, as of 27 Feb 2025");
    });

    it("says more than 600 prisoners were released, 46 of them postponed", () => {
      expect(text).toContain("more than 600 prisoners, according to Al Jazeera, as of 27 Feb 2025");
      expect(text).toContain("46 prisoners, according to Al Jazeera, as of 28 Feb 2025");
    });

    it("leaves out casualty and other figures", () => {
      expect(text).not.toContain("48,000");
      expect(text).not.toContain("Length of phase one");
    });
  });

  it("says, before any source, that it knows no figure yet", () => {
    const reply = run("captives", {}, NOTHING_KNOWN);
    expect(reply).toMatchObject({ kind: "error", title: "No captive or prisoner figures" });
    expect(reply.summary?.join("")).toContain("as of 10 Jan 2025");
  });

  it("says on 17 January only what the announcement said: 33 hostages to be released", () => {
    const text = runText("captives", {}, BEFORE);
    expect(text).toContain(
      "33 hostages, according to Qatar's Prime Minister (via The South Asian Times), as of 15 Jan 2025",
    );
    expect(text).not.toContain("59 captives");
  });

  it("gives the newest value in force, and the one before it", () => {
    expect(runText("captives", {}, AFTER)).toContain(
      "24 captives, according to CNN, as of 1 Mar 2025 (before: 24 captives according to Israel, as of 28 Feb 2025)",
    );
    expect(runText("captives", {}, "2025-05-13T10:00:00Z")).toContain(
      "Captives remaining in Gaza:\n  58 captives, according to Israel (via TASS), as of 12 May 2025",
    );
  });

  it("is a public answer, private on request", () => {
    expect(run("captives").ephemeral).toBe(false);
    expect(run("captives", { private: "true" }).ephemeral).toBe(true);
    expect(runText("captives", { private: "true" })).toContain("(only you can see this)");
  });
});

describe("/captives in Arabic, Hebrew and French", () => {
  it.each([
    ["ar", ["المحتجزون والأسرى", "بحسب", "حتى \u206822 فبراير 2025\u2069", "سابقًا"]],
    ["he", ["החטופים והאסירים", "לפי", "נכון ל־", "קודם לכן"]],
    ["fr", ["Otages et prisonniers", "selon", "au 22 févr. 2025", "auparavant", "plus de"]],
  ] as const)("says who counts the captives and prisoners, as of when, in %s", (language, expected) => {
    expectWrittenIn(runIn(language, "captives", {}, DURING), language, expected);
  });

  it("says in Arabic that the story had no captive figures yet", () => {
    const reply = runIn("ar", "captives", {}, NOTHING_KNOWN);
    expect(reply.title).toBe("لا توجد أرقام عن المحتجزين أو الأسرى");
    expectWrittenIn(reply, "ar", ["لا تتضمن القصة"]);
  });
});
