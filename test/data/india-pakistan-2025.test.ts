/**
 * What the India-Pakistan story says: the understanding of 10 May 2025 to stop all firing from 17:00
 * IST, the DGMO talks of 12 May (first set for noon, held at 17:00), the talks of 18 May that Pakistan
 * announced and India denied, and the disputes that followed, each only from the report that first
 * told it. The story is read from data/ beside the default (Gaza) story, and picked by its id.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../commands/index.js";
import { planAlerts } from "../../src/alerts/plan.js";
import { runCommand } from "../../src/command-engine/run.js";
import { defaultSettings } from "../../src/config.js";
import { storyAt } from "../../src/dataset/asof.js";
import { type Dataset, type Story, sortKeyOf } from "../../src/dataset/dataset.js";
import { loadDataset } from "../../src/dataset/load.js";
import type { PartyRole } from "../../src/dataset/schema.js";
import { ENGLISH } from "../../src/language/words.js";
import { parseWhen } from "../../src/time/calendar.js";
import { fixedClock } from "../../src/time/clock.js";
import {
  everyQuestion,
  expectShippedStoryBesideGaza,
  replyText,
  shippedDataDir,
  walkStory,
} from "../support/index.js";

const ID = "india-pakistan-2025";
/** The DGMO talks of 12 May: due on a day (no hour known before it), reminded at 09:00 IST. */
const PLANNED: [string, string][] = [
  ["1d", "2025-05-11T03:30:00.000Z"],
  ["0d", "2025-05-12T03:30:00.000Z"],
];
/** The last day of every month from the Pahalgam attack (April 2025) to the latest report (February 2026). */
const MONTH_ENDS = [
  "2025-04-30",
  "2025-05-31",
  "2025-06-30",
  "2025-07-31",
  "2025-08-31",
  "2025-09-30",
  "2025-10-31",
  "2025-11-30",
  "2025-12-31",
  "2026-01-31",
  "2026-02-28",
];
let dataset: Dataset;
let story: Story;

beforeAll(async () => {
  const loaded = await loadDataset(shippedDataDir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  dataset = loaded.dataset;
  const found = dataset.byId.get(ID);
  if (!found) throw new Error(`no story ${ID}`);
  story = found;
});

/** A deadline's status and due date in force at an instant. */
const deadlineAt = (id: string, at: string) => {
  const track = story.tracks.deadlinesById.get(id);
  return track ? storyAt(story, new Date(at)).deadlineNow(track) : undefined;
};

/** The phase of the understanding as known at an instant. */
const phaseAt = (at: string) =>
  storyAt(story, new Date(at))
    .phases()
    .find((p) => p.phase.id === "cessation-of-firing");

/** A figure's latest value known at an instant. */
const latest = (id: string, at: string) => {
  const track = story.tracks.figures.find((x) => x.figure.id === id);
  return track ? storyAt(story, new Date(at)).figureNow(track)?.latest : undefined;
};

/** The parties that have a role at an instant. */
const partiesWith = (role: PartyRole, at: string) =>
  storyAt(story, new Date(at))
    .parties()
    .filter((p) => p.roles.includes(role))
    .map((p) => p.party.name);

/** The console text of a command about this story at an instant. */
const ask = (name: string, options: Record<string, unknown>, at: string) =>
  replyText(
    runCommand(
      registry,
      name,
      { story: ID, ...options },
      {
        dataset,
        clock: fixedClock(at),
        settings: defaultSettings,
        commands: registry.list,
        words: ENGLISH,
      },
    ),
  );

describe("the story", () => {
  it("is a story beside Gaza (the default), citing only dated pages with a publisher and an address, none later than its as-of date", () => {
    expectShippedStoryBesideGaza(dataset, story, { timeZone: "Asia/Kolkata", asOf: "2026-02-07" });
  });
});

describe("the understanding of 10 May 2025", () => {
  it("takes effect at 17:00 IST on 10 May 2025", () => {
    expect(story.phases[0]?.start).toBe("2025-05-10T17:00:00+05:30");
    expect(story.events.find((e) => e.id === "ceasefire-begins")?.when).toBe("2025-05-10T17:00:00+05:30");
  });

  it("is not known on the morning of 10 May, before it was agreed", () => {
    expect(phaseAt("2025-05-10T12:00:00+05:30")).toBeUndefined();
    expect(ask("phase", {}, "2025-05-10T12:00:00+05:30")).not.toContain("17:00");
  });

  it("is disputed by India after the violations of its first night, and in force again after the DGMOs talk", () => {
    expect(phaseAt("2025-05-11T09:00:00+05:30")?.status).toBe("disputed");
    expect(phaseAt("2025-05-12T18:00:00+05:30")?.status).toBe("active");
  });

  it("has no expiry date, according to the Indian Army on 18 May", () => {
    expect(ask("phase", {}, "2025-05-17T12:00:00+05:30")).not.toContain("no expiry date");
    expect(ask("phase", {}, "2025-05-18T12:00:00+05:30")).toContain("no expiry date");
  });
});

describe("the DGMO talks of 12 May 2025", () => {
  it("are known from the end of 10 May, whose reports give no time, and due on 12 May, with no hour", () => {
    expect(deadlineAt("dgmo-talks-12-may", "2025-05-10T20:00:00+05:30")).toBeUndefined();
    const d = deadlineAt("dgmo-talks-12-may", "2025-05-11T09:00:00+05:30");
    expect([d?.status, d?.due]).toEqual(["scheduled", parseWhen("2025-05-12")]);
  });

  it("never name the noon hour before the report of 12 May gives it", () => {
    for (const at of ["2025-05-11T09:00:00+05:30", "2025-05-12T10:00:00+05:30"]) {
      const text = ask("deadlines", {}, at);
      expect(text).toContain("DGMO talks");
      expect(text).not.toMatch(/noon|12:00|evening/);
    }
  });

  it("are postponed from noon to the evening, as the Indian Army says from noon on 12 May", () => {
    expect(deadlineAt("dgmo-talks-12-may", "2025-05-12T11:00:00+05:30")?.status).toBe("scheduled");
    expect(deadlineAt("dgmo-talks-12-may", "2025-05-12T13:00:00+05:30")?.status).toBe("postponed");
    expect(ask("deadlines", {}, "2025-05-12T13:00:00+05:30")).toContain("deferred to the evening");
  });

  it("are met, held at 17:00 as the Indian Army reports, once their day is over (an outcome of a day)", () => {
    expect(deadlineAt("dgmo-talks-12-may", "2025-05-12T16:00:00+05:30")?.status).toBe("postponed");
    expect(deadlineAt("dgmo-talks-12-may", "2025-05-13T00:00:00+05:30")?.status).toBe("met");
  });

  it("plan their reminders for the day before and the day itself, at the story's reminder hour", () => {
    const alerts = planAlerts(
      dataset,
      { from: new Date("2025-05-10T00:00:00Z"), to: new Date("2025-05-13T00:00:00Z") },
      { reminderHour: defaultSettings.reminderHour },
      [story],
    ).filter((a) => a.deadlineId === "dgmo-talks-12-may");
    expect(alerts.map((a) => [a.lead, a.at.toISOString()])).toEqual(PLANNED);
  });
});

describe("the talks of 18 May that Pakistan announced", () => {
  it("are scheduled according to Ishaq Dar from 16 May, and disputed by the Indian Army on 18 May", () => {
    expect(deadlineAt("dgmo-talks-18-may", "2025-05-16T06:00:00+05:30")).toBeUndefined();
    expect(deadlineAt("dgmo-talks-18-may", "2025-05-17T12:00:00+05:30")?.status).toBe("scheduled");
    expect(deadlineAt("dgmo-talks-18-may", "2025-05-18T12:00:00+05:30")?.status).toBe("disputed");
  });
});

describe("the dispute over US mediation", () => {
  it("the United States is a mediator from Trump's announcement of 10 May, and India denies it", () => {
    expect(partiesWith("mediator", "2025-05-09T12:00:00+05:30")).toEqual([]);
    expect(partiesWith("mediator", "2025-05-11T12:00:00+05:30")).toEqual(["United States"]);
    const note = storyAt(story, new Date("2025-06-20T12:00:00+05:30"))
      .parties()
      .find((p) => p.party.id === "united-states")?.change.note;
    expect(note).toContain("never accepts mediation");
  });

  it("Trump's count of jets shot down grows from five to seven to eight", () => {
    expect(latest("jets-trump-says-downed", "2025-07-20T12:00:00+05:30")?.value).toBe(5);
    expect(latest("jets-trump-says-downed", "2025-11-01T12:00:00+05:30")?.value).toBe(7);
    expect(latest("jets-trump-says-downed", "2026-02-01T12:00:00+05:30")?.value).toBe(8);
  });

  it("India's denial of any trade talk is a claim of 13 May, not known before South First reported it", () => {
    const claims = (at: string) => ask("claims", {}, at);
    expect(claims("2025-05-14T09:00:00+05:30")).not.toContain("Randhir Jaiswal");
    expect(claims("2025-05-14T12:00:00+05:30")).toContain("Randhir Jaiswal");
  });
});

describe("the timeline", () => {
  it("has sourced events from the Pahalgam attack of April 2025 in every month to February 2026", () => {
    const months = new Set(
      story.events.map((e) => sortKeyOf(parseWhen(e.when), story.story.timeZone).day.slice(0, 7)),
    );
    const wanted = MONTH_ENDS.map((d) => d.slice(0, 7));
    expect(wanted.filter((m) => !months.has(m))).toEqual([]);
    expect(story.events.length).toBeGreaterThanOrEqual(30);
  });

  it("holds the Indus Waters Treaty in abeyance from 23 April 2025", () => {
    const e = story.events.find((x) => x.id === "india-holds-indus-treaty-in-abeyance");
    expect(e?.when).toBe("2025-04-23");
  });
});

describe("every command", () => {
  it("answers every command at the end of every month to February 2026, or says what it has no data for yet", () => {
    const errors: string[] = [];
    for (const d of MONTH_ENDS) {
      for (const q of everyQuestion(story)) {
        const reply = runCommand(registry, q.name, q.options, {
          dataset,
          clock: fixedClock(`${d}T23:00:00+05:30`),
          settings: defaultSettings,
          commands: registry.list,
          words: ENGLISH,
        });
        if (reply.kind === "error") errors.push(`/${q.name} on ${d}: ${reply.code}`);
      }
    }
    // A story without captives has no /captives, and a phase or figure is only there once reported.
    expect(errors.filter((e) => !e.endsWith(": no-data") && !e.endsWith(": unknown-value"))).toEqual([]);
    expect(errors.filter((e) => e.startsWith("/phase"))).toEqual([
      "/phase on 2025-04-30: no-data",
      "/phase on 2025-04-30: unknown-value",
    ]);
    expect(errors.filter((e) => e.startsWith("/timeline") || e.startsWith("/claims"))).toEqual([]);
  });

  it("says nothing early: every reply, reminder and update from April 2025 to the story's as-of date", () => {
    expect(walkStory(dataset, ID, "2025-04-20", story.story.asOf)).toEqual([]);
  }, 240_000);
});
