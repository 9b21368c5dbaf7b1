import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/reply/reply.js";
import { plainText } from "../../src/reply/reply.js";
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

const field = (reply: Reply, name: string) => {
  const f = reply.fields?.find((x) => x.name === name);
  return f ? plainText(f.value).split("\n") : undefined;
};
const titleOf = (line: string) => line.slice(0, line.indexOf(" — "));

/** 12:00 on 18 January 2025 in Jerusalem: DW has reported the ratified deal and phase one's six weeks. */
const RATIFIED = "2025-01-18T10:00:00Z";

describe("deadlines", () => {
  describe("before phase one (18 Jan 2025)", () => {
    it("lists only the end of phase one: the Philadelphi dates were reported on 28 February", () => {
      const reply = run("deadlines", {}, RATIFIED);
      expect(plainText(reply.summary ?? [])).toBe("Next: End of phase one in 42 days.");
      expect(field(reply, "Upcoming")?.map(titleOf)).toEqual(["End of phase one"]);
      expect(field(reply, "Past")).toEqual(["None."]);
    });

    it("knows no deadline before the agreement was announced", () => {
      expect(plainText(run("deadlines", {}, NOTHING_KNOWN).summary ?? [])).toBe(
        "No upcoming deadlines in the data.",
      );
    });

    it("knows no deadline on 17 January: phase one's six weeks were first reported on 18 January", () => {
      const reply = run("deadlines", {}, BEFORE);
      expect(plainText(reply.summary ?? [])).toBe("No upcoming deadlines in the data.");
      expect(field(reply, "Past")).toEqual(["None."]);
    });
  });

  describe("during phase one (28 Feb 2025)", () => {
    it("says phase one ends tomorrow", () => {
      const text = runText("deadlines", {}, DURING);
      expect(text).toContain("Next: End of phase one tomorrow.");
      expect(text).toContain("End of phase one — Saturday 1 March 2025 (tomorrow) · scheduled");
      expect(text).toContain(
        "Philadelphi Corridor withdrawal complete — Sunday 9 March 2025 (in 9 days) · scheduled",
      );
    });

    it("says phase one ends today from midnight in Jerusalem, with the article's own-day disputes", () => {
      const text = runText("deadlines", {}, ARTICLE_KNOWN);
      expect(text).toContain("Next: End of phase one today.");
      expect(text).toContain("End of phase one — Saturday 1 March 2025 (today) · scheduled");
      expect(text).toContain(
        "Philadelphi Corridor withdrawal complete — Sunday 9 March 2025 (in 8 days) · disputed",
      );
    });
  });

  describe("after phase one (5 Mar 2025)", () => {
    it("moves the 1 March deadlines to past, most recent first, and keeps 9 March upcoming", () => {
      const reply = run("deadlines", {}, AFTER);
      expect(plainText(reply.summary ?? [])).toBe(
        "Next: Philadelphi Corridor withdrawal complete in 4 days.",
      );
      expect(field(reply, "Upcoming")?.map(titleOf)).toEqual(["Philadelphi Corridor withdrawal complete"]);
      const past = field(reply, "Past") ?? [];
      expect(past.map(titleOf).slice(0, 2).sort()).toEqual([
        "End of phase one",
        "Philadelphi Corridor withdrawal starts",
      ]);
      expect(past.slice(0, 2).every((l) => l.includes("Saturday 1 March 2025 (4 days ago)"))).toBe(true);
      expect(past.map(titleOf).slice(2)).toEqual([
        "Ultimatum for Hamas to return hostages by Saturday noon (15 February 2025)",
      ]);
      expect(past[2]).toContain("15 Feb 2025, 12:00 GMT+2 (18 days ago) · met");
    });

    it("says there are no upcoming deadlines once all are past", () => {
      const reply = run("deadlines", {}, "2025-03-10T10:00:00Z");
      expect(plainText(reply.summary ?? [])).toBe("No upcoming deadlines in the data.");
      expect(field(reply, "Upcoming")).toEqual(["None."]);
      expect(field(reply, "Past")?.[0]).toMatch(
        /^Philadelphi Corridor withdrawal complete — .*\(yesterday\)/,
      );
    });
  });

  it("a date deadline is upcoming until its day is over in Jerusalem", () => {
    expect(field(run("deadlines", {}, "2025-03-01T21:59:00Z"), "Upcoming")?.[0]).toContain("(today)");
    expect(field(run("deadlines", {}, "2025-03-01T22:00:00Z"), "Past")?.[0]).toContain("(yesterday)");
  });

  it("notes the disputed Philadelphi withdrawal and why, once the 28 February article's own-day facts are known", () => {
    const text = runText("deadlines", {}, ARTICLE_KNOWN);
    expect(text).toContain(
      "Philadelphi Corridor withdrawal starts — Saturday 1 March 2025 (today) · disputed according to Israeli officials: Israeli officials said they would not withdraw as planned from the Philadelphi Corridor.",
    );
    expect(runText("deadlines", {}, DURING)).not.toContain("would not withdraw");
  });

  it("says how derived dates were derived", () => {
    expect(runText("deadlines", {}, DURING)).toContain(
      "[derived: Within eight days of the start on 1 March 2025: by 9 March 2025.]",
    );
  });

  it("show:upcoming and show:past show one list", () => {
    const upcoming = run("deadlines", { show: "upcoming" }, AFTER);
    expect(upcoming.fields?.map((f) => f.name)).toEqual(["Upcoming"]);
    const past = run("deadlines", { show: "past" }, AFTER);
    expect(past.fields?.map((f) => f.name)).toEqual(["Past"]);
    expect(run("deadlines", { show: "all" }, AFTER).fields?.map((f) => f.name)).toEqual(["Upcoming", "Past"]);
  });

  it("status:disputed keeps only disputed deadlines", () => {
    const reply = run("deadlines", { status: "disputed" }, ARTICLE_KNOWN);
    expect(field(reply, "Upcoming")?.map(titleOf)).toEqual([
      "Philadelphi Corridor withdrawal starts",
      "Philadelphi Corridor withdrawal complete",
    ]);
    expect(field(run("deadlines", { status: "met" }, ARTICLE_KNOWN), "Upcoming")).toEqual(["None."]);
  });

  it("rejects an unknown show value, naming the choices", () => {
    expect(run("deadlines", { show: "soon" }).summary).toEqual([
      'Option `show` must be one of upcoming, past, all (got "soon").',
    ]);
  });
});

describe("/deadlines in Arabic, Hebrew and French", () => {
  it.each([
    ["ar", ["المواعيد النهائية", "الموعد التالي", "المواعيد المقبلة", "المواعيد السابقة", "غدًا", "مقرّر"]],
    ["he", ["מועדים", "המועד הבא", "מועדים קרובים", "מועדים שחלפו", "מחר", "מתוכנן"]],
    ["fr", ["Échéances", "Prochaine", "À venir", "Passées", "demain", "prévue"]],
  ] as const)("lists what is due and when, in %s", (language, expected) => {
    expectWrittenIn(runIn(language, "deadlines", {}, DURING), language, expected);
  });

  it.each([
    ["ar", ["مواعيد الاستحقاق", "الحالات"]],
    ["he", ["מועדים", "מצבים"]],
    ["fr", ["Dates d'échéance", "Statuts"]],
  ] as const)("tells one deadline's history in %s", (language, expected) => {
    expectWrittenIn(runIn(language, "deadlines", { deadline: "phase-one-end" }, AFTER), language, expected);
  });
});
