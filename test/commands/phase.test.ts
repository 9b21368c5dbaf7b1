import { describe, expect, it } from "vitest";
import {
  AFTER,
  BEFORE,
  DURING,
  expectWrittenIn,
  NOTHING_KNOWN,
  pngSize,
  run,
  runIn,
  runText,
} from "../support/index.js";

/** 12:00 on 18 January 2025 in Jerusalem: DW has reported the ratified deal and its first phase. */
const RATIFIED = "2025-01-18T10:00:00Z";

describe("phase", () => {
  describe("before the agreement was announced (10 Jan 2025)", () => {
    it("knows no phase yet", () => {
      expect(runText("phase", {}, NOTHING_KNOWN)).toContain("has no phases yet");
    });
  });

  describe("once announced, before DW reported the phases (17 Jan 2025)", () => {
    it("knows no phase yet: phase one is first reported by DW on 18 January", () => {
      expect(runText("phase", {}, BEFORE)).toContain("has no phases yet");
    });
  });

  describe("before phase one, once the cabinet ratified the deal (18 Jan 2025)", () => {
    it("says phase one starts tomorrow", () => {
      const text = runText("phase", {}, RATIFIED);
      expect(text).toContain("Phase one starts tomorrow.");
      expect(text).toContain("From Sunday 19 January 2025 to Saturday 1 March 2025 · starts tomorrow");
      expect(text).not.toContain("Progress:");
    });

    it("says nothing the 28 February article reported: no terms, no phase two", () => {
      const text = runText("phase", {}, RATIFIED);
      expect(text).not.toContain("Terms:");
      expect(text).not.toContain("Phase two");
      expect(text).toContain("Status:\n  Planned (as of 18 Jan 2025)");
    });
  });

  describe("during phase one (28 Feb 2025)", () => {
    it('says "day 41 of 42" and "ends tomorrow"', () => {
      const text = runText("phase", {}, DURING);
      expect(text).toContain("Phase one is on day 41 of 42 and ends tomorrow.");
      expect(text).toContain("· day 41 of 42 · ends tomorrow");
    });

    it("shows its progress", () => {
      expect(runText("phase", {}, DURING)).toContain("Day 41 of 42 ▓▓▓▓▓▓▓▓▓░ 98%");
    });

    it("says which dates are derived and how", () => {
      const text = runText("phase", {}, DURING);
      expect(text).toContain("Derived dates:");
      expect(text).toContain("Six weeks (42 days) from Sunday 19 January 2025, counting both ends");
      expect(text).toContain("counted from 19 January to 1 March 2025, both days included.");
    });

    it("lists its terms and the other phases", () => {
      const text = runText("phase", {}, DURING);
      expect(text).toContain("• Israel's military is to begin pulling out of the Philadelphi Corridor");
      expect(text).toContain("Phase two (`phase-two`): under negotiation");
    });

    it("counts days on the story's calendar: at 00:30 in Jerusalem on 1 March it is day 42, ending today", () => {
      expect(runText("phase", {}, "2025-02-28T21:59:00Z")).toContain("day 41 of 42 and ends tomorrow");
      expect(runText("phase", {}, "2025-02-28T22:30:00Z")).toContain("day 42 of 42 and ends today");
    });
  });

  describe("after phase one (5 Mar 2025)", () => {
    it('says phase one "ended 4 days ago" when asked for it', () => {
      const text = runText("phase", { phase: "phase-one" }, AFTER);
      expect(text).toContain("Phase one ended 4 days ago.");
      expect(text).toContain("· ended 4 days ago");
      expect(text).not.toContain("Progress:");
    });

    it("answers about phase two, still under negotiation with no dates", () => {
      const text = runText("phase", {}, AFTER);
      expect(text).toContain("Phase two: Israel-Hamas ceasefire in Gaza (2025)");
      expect(text).toContain("Phase two: under negotiation, no dates set.");
    });

    // The phase list once labelled phases by their curated status only, and said four days after phase
    // one ended that it was "in force".
    it('says phase one "ended 4 days ago", not that it is in force', () => {
      const text = runText("phase", {}, AFTER);
      expect(text).toContain("ended 4 days ago");
      expect(text).not.toContain("in force");
    });
  });

  describe("after the truce collapsed (20 Mar 2025)", () => {
    it("says no phase is in force: phase two never began, and who says so", () => {
      expect(runText("phase", {}, "2025-03-20T10:00:00Z")).toContain(
        "No phase is in force: Phase two never began, according to Reuters (Business Recorder); ABC News.",
      );
    });
  });

  it("answers about any phase by id", () => {
    expect(runText("phase", { phase: "phase-two" }, DURING)).toContain(
      "Phase two: under negotiation, no dates set.",
    );
    expect(runText("phase", { phase: "phase-one" }, RATIFIED)).toContain("Phase one starts tomorrow.");
  });

  it("names the phases when asked for an unknown one", () => {
    const reply = run("phase", { phase: "phase-three" }, DURING);
    expect(reply).toMatchObject({ kind: "error", ephemeral: true, title: "Unknown phase" });
    expect(reply.summary).toEqual(["There is no phase `phase-three`. Phases: `phase-one`, `phase-two`."]);
  });

  it("names the stories when asked for an unknown one", () => {
    const reply = run("phase", { story: "gaza-2024" }, DURING);
    expect(reply).toMatchObject({ kind: "error", ephemeral: true, title: "Unknown story" });
    expect(reply.summary).toEqual(["There is no story `gaza-2024`. Stories: `gaza-2025`."]);
  });

  describe("its picture", () => {
    it("draws the story's timeline as of the instant, the phase asked outlined", () => {
      const picture = run("phase", { phase: "phase-one" }, DURING).picture;
      expect(picture?.name).toBe("phase-gaza-2025-phase-one-2025-02-28.png");
      expect(picture?.svg).toMatch(/data-phase="phase-one" data-state="in-force"[^>]*stroke-width="2"/);
      expect(picture?.alt).toContain("Phase one, from 19 Jan 2025 to 1 Mar 2025, in force");
      expect(pngSize(picture?.png() ?? new Uint8Array())).toEqual({ width: 1200, height: 520 });
    });

    it("shows phase one ended only once it had", () => {
      expect(run("phase", {}, DURING).picture?.svg).not.toContain('data-state="ended"');
      expect(run("phase", {}, AFTER).picture?.svg).toContain('data-phase="phase-one" data-state="ended"');
    });
  });
});

describe("/phase in Arabic, Hebrew and French", () => {
  it.each([
    ["ar", ["في يومها 41 من 42 وتنتهي", "الحالة", "الجدول الزمني", "التقدّم", "المراحل الأخرى", "لماذا؟"]],
    ["he", ["נמצא ביומו ה־41 מתוך 42 ומסתיים", "מצב", "לוח זמנים", "התקדמות", "שלבים אחרים", "למה?"]],
    [
      "fr",
      [
        "en est à son jour 41 sur 42 et prend fin",
        "Statut",
        "Calendrier",
        "Avancement",
        "Autres phases",
        "Pourquoi ?",
      ],
    ],
  ] as const)("says the phase in force, its day and schedule in %s (28 Feb 2025)", (language, expected) => {
    expectWrittenIn(runIn(language, "phase", {}, DURING), language, expected);
  });

  it.each([
    ["ar", ["قيد التفاوض", "انتهت"]],
    ["he", ["במשא ומתן", "הסתיים"]],
    ["fr", ["en négociation", "a pris fin"]],
  ] as const)(
    "says in %s that phase one has ended and phase two is negotiated (5 Mar 2025)",
    (language, expected) => {
      expectWrittenIn(runIn(language, "phase", {}, AFTER), language, expected);
    },
  );
});
