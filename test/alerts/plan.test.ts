import { describe, expect, it } from "vitest";
import { alertFor, alertOfKey, parseLead, planAlerts } from "../../src/alerts/plan.js";
import { indexStory } from "../../src/dataset/dataset.js";
import { assemble } from "../../src/dataset/load.js";
import { storyFileSchema } from "../../src/dataset/schema.js";
import { wordsFor } from "../../src/language/words.js";
import { shippedStory } from "../support/index.js";

const shipped = shippedStory();

function datasetWith(deadlines: unknown[], extra: Record<string, unknown> = {}) {
  const file = storyFileSchema.parse({ ...shippedStory(), deadlines, ...extra });
  const result = assemble([indexStory("test.json", file)], []);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.dataset;
}

function shippedDataset() {
  return datasetWith(shipped.deadlines);
}

const deadline = (id: string, due: string, reminders?: string[]) => ({
  id,
  title: id,
  phrase: `The ${id} is due`,
  due,
  status: "scheduled",
  sourceIds: ["aj-2025-02-28"],
  ...(reminders ? { reminders } : {}),
});

const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

describe("reminder planner", () => {
  describe("on the shipped story", () => {
    const alerts = planAlerts(shippedDataset(), window("2025-02-01T00:00:00Z", "2025-04-01T00:00:00Z"), {
      reminderHour: 9,
    });

    it("reminds the day before phase one ends, at 09:00 in Jerusalem", () => {
      const a = alerts.find((x) => x.id === "gaza-2025:phase-one-end:1d");
      expect(a?.at.toISOString()).toBe("2025-02-28T07:00:00.000Z");
      expect(a?.text).toMatch(/^Phase one ends tomorrow, Saturday 1 March 2025\./);
    });

    it("says the Philadelphi corridor withdrawal is due to start today, with the dispute", () => {
      const a = alerts.find((x) => x.id === "gaza-2025:philadelphi-withdrawal-start:0d");
      expect(a?.at.toISOString()).toBe("2025-03-01T07:00:00.000Z");
      expect(a?.text).toContain("The Philadelphi corridor withdrawal is due to start today");
      expect(a?.text).toContain("Disputed: Israeli officials said they would not withdraw as planned");
    });

    it("lists every alert in time order, ties by id", () => {
      const keys = alerts.map((a) => `${a.at.toISOString()} ${a.id}`);
      expect(keys).toEqual([...keys].sort());
      // The Saturday-noon ultimatum (15 February), phase one's end, and the Philadelphi withdrawal's start and end.
      expect(alerts).toHaveLength(8);
    });
  });

  describe("window edges", () => {
    const ds = shippedDataset();
    const at = "2025-02-28T07:00:00.000Z";

    it("includes an alert due exactly at the start of the window", () => {
      const ids = planAlerts(ds, window(at, "2025-02-28T08:00:00Z"), { reminderHour: 9 }).map((a) => a.id);
      expect(ids).toContain("gaza-2025:phase-one-end:1d");
    });

    it("excludes an alert due exactly at the end of the window", () => {
      expect(planAlerts(ds, window("2025-02-28T06:00:00Z", at), { reminderHour: 9 })).toEqual([]);
    });

    it("gives nothing for an empty window", () => {
      expect(planAlerts(ds, window(at, at), { reminderHour: 9 })).toEqual([]);
    });
  });

  describe("lead times", () => {
    it("uses a channel's own lead times instead of the story's", () => {
      const alerts = planAlerts(shippedDataset(), window("2025-02-01T00:00:00Z", "2025-04-01T00:00:00Z"), {
        reminderHour: 9,
        leadTimes: ["2d", "2h"],
      });
      const ids = alerts
        .filter((a) => a.deadlineId === "phase-one-end")
        .map((a) => `${a.id} ${a.at.toISOString()}`);
      // 2 days before at 09:00 local; 2 hours before the start of the day (00:00 local, UTC+2).
      expect(ids).toEqual([
        "gaza-2025:phase-one-end:2d 2025-02-27T07:00:00.000Z",
        "gaza-2025:phase-one-end:2h 2025-02-28T20:00:00.000Z",
      ]);
      expect(alerts.find((a) => a.id === "gaza-2025:phase-one-end:2d")?.text).toContain(
        "Phase one ends in 2 days",
      );
      expect(alerts.find((a) => a.id === "gaza-2025:phase-one-end:2h")?.text).toContain(
        "Phase one ends in 2 hours",
      );
    });

    it("uses a deadline's own lead times over the story's defaults", () => {
      const ds = datasetWith([deadline("vote", "2025-05-10", ["3d"])]);
      const alerts = planAlerts(ds, window("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), {
        reminderHour: 9,
      });
      expect(alerts.map((a) => a.lead)).toEqual(["3d"]);
    });

    it("still reminds of a deadline whose single status says met or missed: an outcome waits for the due date", () => {
      const ds = datasetWith([
        { ...deadline("a", "2025-05-10"), status: "met" },
        { ...deadline("b", "2025-05-10"), status: "missed" },
      ]);
      expect(
        planAlerts(ds, window("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), { reminderHour: 9 }).map(
          (a) => a.id,
        ),
      ).toEqual(["gaza-2025:a:1d", "gaza-2025:b:1d", "gaza-2025:a:0d", "gaza-2025:b:0d"]);
    });

    it("gives a cancelled deadline no reminders from the instant it was cancelled", () => {
      const ds = datasetWith([
        {
          ...deadline("c", "2025-05-10"),
          status: [
            { status: "scheduled", from: "2025-01-01" },
            { status: "cancelled", from: "2025-05-09T12:00:00+03:00" },
          ],
        },
      ]);
      expect(
        planAlerts(ds, window("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), { reminderHour: 9 }).map(
          (a) => a.id,
        ),
      ).toEqual(["gaza-2025:c:1d"]);
    });

    it("rejects a malformed lead time", () => {
      expect(() => parseLead("1 day")).toThrow(/not a lead time/);
      expect(parseLead("30m")).toEqual({ amount: 30, unit: "m" });
    });

    it("reminds an exact deadline at the reminder hour the day before, and exactly 2 hours before", () => {
      const ds = datasetWith([deadline("talks", "2025-05-06T12:00:00+03:00", ["1d", "2h"])]);
      const alerts = planAlerts(ds, window("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), {
        reminderHour: 9,
      });
      expect(alerts.map((a) => [a.at.toISOString(), a.text])).toEqual([
        ["2025-05-05T06:00:00.000Z", "The talks is due tomorrow at 12:00, Tuesday 6 May 2025."],
        ["2025-05-06T07:00:00.000Z", "The talks is due in 2 hours, at 12:00, Tuesday 6 May 2025."],
      ]);
    });

    it("never reminds of a 04:00 deadline at or after it: the day-of reminder comes the day before", () => {
      const ds = datasetWith([deadline("dawn", "2025-05-06T04:00:00+03:00", ["1d", "0d", "2h"])]);
      const alerts = planAlerts(ds, window("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), {
        reminderHour: 9,
      });
      expect(alerts.map((a) => [a.id, a.at.toISOString(), a.text])).toEqual([
        [
          "gaza-2025:dawn:1d",
          "2025-05-05T06:00:00.000Z",
          "The dawn is due tomorrow at 04:00, Tuesday 6 May 2025.",
        ],
        [
          "gaza-2025:dawn:2h",
          "2025-05-05T23:00:00.000Z",
          "The dawn is due in 2 hours, at 04:00, Tuesday 6 May 2025.",
        ],
      ]);
      for (const a of alerts) expect(a.at.getTime()).toBeLessThan(Date.parse("2025-05-06T04:00:00+03:00"));
    });

    it("takes the story's own reminder hour over REMINDER_HOUR", () => {
      const ds = datasetWith([deadline("d", "2025-05-10", ["0d"])], {
        reminders: { leadTimes: ["1d"], hour: 7 },
      });
      const [alert] = planAlerts(ds, window("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), {
        reminderHour: 9,
      });
      expect(alert?.at.toISOString()).toBe("2025-05-10T04:00:00.000Z"); // 07:00 UTC+3
    });
  });

  describe("daylight saving (Asia/Jerusalem moves to UTC+3 on Friday 28 March 2025 at 02:00)", () => {
    it("keeps day reminders at 09:00 local on both sides of the change", () => {
      const ds = datasetWith([deadline("dst", "2025-03-28", ["1d", "0d"])]);
      const alerts = planAlerts(ds, window("2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z"), {
        reminderHour: 9,
      });
      expect(alerts.map((a) => a.at.toISOString())).toEqual([
        "2025-03-27T07:00:00.000Z", // 09:00 UTC+2
        "2025-03-28T06:00:00.000Z", // 09:00 UTC+3
      ]);
    });

    it("moves a reminder hour that does not exist that night forward, as clocks do", () => {
      const ds = datasetWith([deadline("gap", "2025-03-28", ["0d"])]);
      const [alert] = planAlerts(ds, window("2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z"), {
        reminderHour: 2,
      });
      expect(alert?.at.toISOString()).toBe("2025-03-28T00:00:00.000Z"); // 03:00 UTC+3
    });

    it("keeps an exact deadline's day-before reminder at the reminder hour across the change", () => {
      const ds = datasetWith([deadline("exact", "2025-03-28T12:00:00+03:00", ["1d"])]);
      const [alert] = planAlerts(ds, window("2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z"), {
        reminderHour: 9,
      });
      expect(alert?.at.toISOString()).toBe("2025-03-27T07:00:00.000Z"); // 09:00 UTC+2
    });

    it("takes the earlier instant for a wall time that happens twice when clocks go back (26 October 2025)", () => {
      const ds = datasetWith([deadline("overlap", "2025-10-26", ["0d"])]);
      const [alert] = planAlerts(ds, window("2025-10-01T00:00:00Z", "2025-11-01T00:00:00Z"), {
        reminderHour: 1,
      });
      expect(alert?.at.toISOString()).toBe("2025-10-25T22:00:00.000Z"); // 01:00 UTC+3, the first 01:00
    });
  });
});

describe("a reminder in another language", () => {
  const FSI = "\u2068";
  const PDI = "\u2069";
  /** The words without their isolates and right-to-left marks (src/language/words.ts adds both). */
  const plain = (text: string) => text.replaceAll(FSI, "").replaceAll(PDI, "").replaceAll("\u200f", "");

  it("says 'in N hours' in Arabic with the plural form of each count: 0, 1, 2, 3, 11 and 100", () => {
    const leads = ["0h", "1h", "2h", "3h", "11h", "100h"];
    const ds = datasetWith([deadline("talks", "2025-05-06T12:00:00+03:00", leads)]);
    const story = ds.byId.get("gaza-2025");
    const track = story?.tracks.deadlinesById.get("talks");
    const version = track?.dues.entries[0];
    if (!story || !track || !version) throw new Error("no talks deadline");
    const said = leads.map((lead) =>
      plain(alertFor(story, track, version, lead, { reminderHour: 9 }, wordsFor("ar")).text),
    );
    expect(said.map((text) => /خلال [^،]+/.exec(text)?.[0])).toEqual([
      "خلال 0 ساعة",
      "خلال ساعة واحدة",
      "خلال ساعتين",
      "خلال 3 ساعات",
      "خلال 11 ساعة",
      "خلال 100 ساعة",
    ]);
    expect(said[3]).toBe("The talks is due خلال 3 ساعات، في الساعة 12:00، الثلاثاء، 6 مايو 2025.");
  });

  it("says 'in N minutes' in Hebrew and French with their own plural forms", () => {
    const ds = datasetWith([deadline("talks", "2025-05-06T12:00:00+03:00", ["1m", "2m", "30m"])]);
    const alertsIn = (language: "he" | "fr") => {
      const story = ds.byId.get("gaza-2025");
      const track = story?.tracks.deadlinesById.get("talks");
      const version = track?.dues.entries[0];
      if (!story || !track || !version) throw new Error("no talks deadline");
      return ["1m", "2m", "30m"].map((lead) =>
        plain(alertFor(story, track, version, lead, { reminderHour: 9 }, wordsFor(language)).text),
      );
    };
    expect(alertsIn("he")).toEqual([
      "The talks is due בעוד דקה, בשעה 12:00, יום שלישי, 6 במאי 2025.",
      "The talks is due בעוד שתי דקות, בשעה 12:00, יום שלישי, 6 במאי 2025.",
      "The talks is due בעוד 30 דקות, בשעה 12:00, יום שלישי, 6 במאי 2025.",
    ]);
    expect(alertsIn("fr")).toEqual([
      "The talks is due dans 1 minute, à 12:00, mardi 6 mai 2025.",
      "The talks is due dans 2 minutes, à 12:00, mardi 6 mai 2025.",
      "The talks is due dans 30 minutes, à 12:00, mardi 6 mai 2025.",
    ]);
  });

  it("rewords a planned alert from its key in the channel's words, and English as planned", () => {
    const ds = shippedDataset();
    const window = { from: new Date("2025-02-28T07:00:00Z"), to: new Date("2025-02-28T07:00:01Z") };
    const alert = planAlerts(ds, window, { reminderHour: 9 }).find(
      (a) => a.id === "gaza-2025:phase-one-end:1d",
    );
    if (!alert) throw new Error("no phase-one-end:1d reminder");
    expect(alertOfKey(ds, alert.id, { reminderHour: 9 })).toEqual(alert);
    const phrase = ds.byId.get("gaza-2025")?.tracks.deadlinesById.get("phase-one-end")?.deadline.phrase;
    expect(alert.text).toBe(`${phrase} tomorrow, Saturday 1 March 2025.`);
    expect(alertOfKey(ds, alert.id, { reminderHour: 9 }, wordsFor("fr"))?.text).toBe(
      `${phrase} demain, samedi 1 mars 2025.`,
    );
    expect(alertOfKey(ds, "gaza-2025:no-such-deadline:1d", { reminderHour: 9 })).toBeUndefined();
  });
});
