import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/reply/reply.js";
import { plainText } from "../../src/reply/reply.js";
import { AFTER, BEFORE, DURING, NOTHING_KNOWN, run, runText } from "../support/index.js";

const field = (reply: Reply, name: string) => {
  const f = reply.fields?.find((x) => x.name === name);
  return f ? plainText(f.value).split("\n") : undefined;
};
const titleOf = (line: string) => line.slice(0, line.indexOf(" — "));

describe("deadlines", () => {
  describe("before phase one (17 Jan 2025)", () => {
    it("lists only the end of phase one: the Philadelphi dates were reported on 28 February", () => {
      const reply = run("deadlines", {}, BEFORE);
      expect(plainText(reply.summary ?? [])).toBe("Next: End of phase one in 43 days.");
      expect(field(reply, "Upcoming")?.map(titleOf)).toEqual(["End of phase one"]);
      expect(field(reply, "Past")).toEqual(["None."]);
    });

    it("knows no deadline before the agreement was announced", () => {
      expect(plainText(run("deadlines", {}, NOTHING_KNOWN).summary ?? [])).toBe(
        "No upcoming deadlines in the data.",
      );
    });
  });

  describe("during phase one (28 Feb 2025)", () => {
    it("says phase one ends tomorrow", () => {
      const text = runText("deadlines", {}, DURING);
      expect(text).toContain("Next: End of phase one tomorrow.");
      expect(text).toContain("End of phase one — Saturday 1 March 2025 (tomorrow) · scheduled");
      expect(text).toContain(
        "Philadelphi Corridor withdrawal complete — Sunday 9 March 2025 (in 9 days) · disputed",
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
      expect(past.map(titleOf).sort()).toEqual([
        "End of phase one",
        "Philadelphi Corridor withdrawal starts",
      ]);
      expect(past.every((l) => l.includes("Saturday 1 March 2025 (4 days ago)"))).toBe(true);
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

  it("notes the disputed Philadelphi withdrawal and why", () => {
    const text = runText("deadlines", {}, DURING);
    expect(text).toContain(
      "Philadelphi Corridor withdrawal starts — Saturday 1 March 2025 (tomorrow) · disputed: Israeli officials said they would not withdraw as planned from the Philadelphi Corridor.",
    );
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
    const reply = run("deadlines", { status: "disputed" }, DURING);
    expect(field(reply, "Upcoming")?.map(titleOf)).toEqual([
      "Philadelphi Corridor withdrawal starts",
      "Philadelphi Corridor withdrawal complete",
    ]);
    expect(field(run("deadlines", { status: "met" }, DURING), "Upcoming")).toEqual(["None."]);
  });

  it("rejects an unknown show value, naming the choices", () => {
    expect(run("deadlines", { show: "soon" }).summary).toEqual([
      'Option `show` must be one of upcoming, past, all (got "soon").',
    ]);
  });
});
