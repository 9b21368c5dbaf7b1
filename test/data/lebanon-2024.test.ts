/**
 * What the shipped Lebanon story says: the Israel-Hezbollah ceasefire that took effect at 4:00 on
 * 27 November 2024, its 60-day withdrawal deadline moved to 18 February 2025 (known from the White
 * House's announcement of 26 January 2025), Israel's five positions after 18 February, and what later
 * reports tell, up to the Washington talks of June 2026. The story ships beside the Gaza one, which
 * stays the default.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { storyAlerts } from "../../src/alerts/plan.js";
import { runCommand } from "../../src/command-engine/run.js";
import { storyAt } from "../../src/dataset/asof.js";
import type { Dataset, Story } from "../../src/dataset/dataset.js";
import { sortKeyOf } from "../../src/dataset/dataset.js";
import type { PartyRole } from "../../src/dataset/schema.js";
import { renderText } from "../../src/platforms/console/text.js";
import { parseWhen } from "../../src/time/calendar.js";
import {
  contextAt,
  datasetOf,
  everyQuestion,
  expectShippedStoryBesideGaza,
  registry,
  shippedDataDir,
  shippedStory,
  walkStory,
} from "../support/index.js";

const raw = JSON.parse(readFileSync(join(shippedDataDir, "lebanon-2024.json"), "utf8"));
const dataset: Dataset = datasetOf(shippedStory(), raw);
const story = dataset.byId.get("lebanon-2024") as Story;

/** A deadline's due date and status in force at an instant. */
function deadlineAt(id: string, at: string) {
  const track = story.tracks.deadlinesById.get(id);
  if (!track) throw new Error(`no deadline ${id}`);
  const now = storyAt(story, new Date(at)).deadlineNow(track);
  const due = now?.due;
  return { due: due?.precision === "date" ? due.date : due?.instant.toISOString(), status: now?.status };
}

/** A phase's status at an instant. */
const phaseStatus = (id: string, at: string) =>
  storyAt(story, new Date(at))
    .phases()
    .find((p) => p.phase.id === id)?.status;

/** The latest value of a figure known at an instant. */
function latest(id: string, at: string) {
  const track = story.tracks.figures.find((x) => x.figure.id === id);
  return track ? storyAt(story, new Date(at)).figureNow(track)?.latest : undefined;
}

const partiesWith = (role: PartyRole, at: string) =>
  storyAt(story, new Date(at))
    .parties()
    .filter((p) => p.roles.includes(role))
    .map((p) => p.party.name);

/** The console text of a command about this story at an instant. */
const ask = (name: string, at: string, options: Record<string, unknown> = {}) =>
  renderText(runCommand(registry, name, { story: "lebanon-2024", ...options }, contextAt(at, {}, dataset)));

describe("the story file", () => {
  it("is a story beside Gaza (the default), citing only dated pages with a publisher and an address, none later than its as-of date", () => {
    expectShippedStoryBesideGaza(dataset, story, { timeZone: "Asia/Beirut", asOf: "2026-06-23" });
  });
});

describe("the 60-day withdrawal deadline", () => {
  it("is due on 26 January 2025, 60 days after the ceasefire took effect, and says it is derived", () => {
    const d = story.deadlinesById.get("israeli-withdrawal-60-days");
    expect(d?.due).toBe("2025-01-26");
    expect(d?.derived).toContain("60 days from 27 November 2024");
    expect(story.phases.find((p) => p.id === "sixty-day-period")?.lengthDays).toBe(60);
  });

  it("moves the withdrawal deadline to 18 February 2025 from 26 January 2025", () => {
    expect(deadlineAt("israeli-withdrawal-60-days", "2025-01-27T10:00:00Z")).toEqual({
      due: "2025-02-18",
      status: "extended",
    });
  });

  it("does not know of the extension before it was announced", () => {
    const before = deadlineAt("israeli-withdrawal-60-days", "2025-01-25T10:00:00Z");
    expect(before).toEqual({ due: "2025-01-26", status: "disputed" });
    expect(ask("deadlines", "2025-01-25T10:00:00Z")).not.toContain("18 February");
  });

  it("is missed on 18 February 2025, when Israel keeps five positions in southern Lebanon", () => {
    expect(deadlineAt("israeli-withdrawal-60-days", "2025-02-17T23:00:00Z").status).toBe("disputed");
    expect(deadlineAt("israeli-withdrawal-60-days", "2025-02-19T10:00:00Z").status).toBe("missed");
    const held = latest("positions-held-by-israel", "2025-02-19T10:00:00Z");
    expect([held?.value, held?.attribution]).toEqual([5, "Israeli military"]);
    expect(phaseStatus("sixty-day-period", "2025-02-19T10:00:00Z")).toBe("ended");
  });
});

describe("the mediators and monitors", () => {
  it("are the United States and France, with UNIFIL on the monitoring mechanism", () => {
    const at = "2024-12-12T10:00:00Z";
    expect(partiesWith("mediator", at)).toEqual(["United States", "France"]);
    expect(partiesWith("monitor", at)).toEqual([
      "United States",
      "France",
      "UNIFIL (UN Interim Force in Lebanon)",
    ]);
  });
});

describe("what happened next, as later reports tell it", () => {
  it("counts Israeli violations as Lebanon and UNIFIL report them, rising over time", () => {
    expect(latest("israeli-violations-lebanese-count", "2024-12-24T10:00:00Z")?.value).toBe(287);
    const unifil = latest("israeli-violations-unifil", "2025-11-21T10:00:00Z");
    expect([unifil?.value, unifil?.qualifier, unifil?.attribution]).toEqual([10000, "more-than", "UNIFIL"]);
  });

  it("the ceasefire held in form until Hezbollah fired on Israel on 2 March 2026, and collapsed", () => {
    expect(phaseStatus("cessation-of-hostilities", "2024-11-26T10:00:00Z")).toBeUndefined();
    expect(phaseStatus("cessation-of-hostilities", "2024-11-27T10:00:00Z")).toBe("active");
    expect(phaseStatus("cessation-of-hostilities", "2025-06-01T10:00:00Z")).toBe("active");
    expect(phaseStatus("cessation-of-hostilities", "2026-03-08T10:00:00Z")).toBe("collapsed");
  });

  it("the April 2026 truce is extended twice, to 17 May and then to 1 July 2026", () => {
    expect(deadlineAt("april-2026-truce-expiry", "2026-04-20T10:00:00Z").due).toBe("2026-04-26");
    expect(deadlineAt("april-2026-truce-expiry", "2026-04-25T10:00:00Z").due).toBe("2026-05-17");
    expect(deadlineAt("april-2026-truce-expiry", "2026-05-20T10:00:00Z").due).toBe("2026-07-01");
  });

  it("has at least one sourced event in every month from November 2024 to June 2026 but October 2025", () => {
    const months = new Set(
      story.events.map((e) => sortKeyOf(parseWhen(e.when), story.story.timeZone).day.slice(0, 7)),
    );
    const wanted = ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-06", "2025-07"];
    wanted.push("2025-08", "2025-09", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04");
    wanted.push("2026-05", "2026-06");
    expect(wanted.filter((m) => !months.has(m))).toEqual([]);
  });
});

describe("reminders", () => {
  it("plans a reminder for each upcoming deadline, at its due date in force", () => {
    const alerts = storyAlerts(story, { reminderHour: 9 });
    for (const id of ["israeli-withdrawal-60-days", "unifil-mandate-ends", "april-2026-truce-expiry"]) {
      expect(alerts.some((a) => a.deadlineId === id)).toBe(true);
    }
    const moved = alerts.filter((a) => a.deadlineId === "israeli-withdrawal-60-days" && a.lead === "1d");
    expect(moved.map((a) => a.at.toISOString().slice(0, 10))).toContain("2025-02-17");
  });
});

describe("every command", () => {
  const monthEnds = ["2024-11-30", "2025-01-31", "2025-02-28", "2025-05-31", "2025-08-31", "2025-12-31"];
  monthEnds.push("2026-03-31", "2026-04-30", "2026-06-23");

  it("answers every command without error at every month's end (but /captives: it has none)", () => {
    for (const day of monthEnds) {
      const at = `${day}T20:00:00Z`;
      for (const q of everyQuestion(story)) {
        const reply = runCommand(registry, q.name, q.options, contextAt(at, {}, dataset));
        // A phase or figure asked for by id before it was first reported is refused as unknown.
        if (q.name === "captives") expect(ask("captives", at)).toContain("no captive or prisoner figures");
        else if (!("phase" in q.options || "figure" in q.options))
          expect(reply.kind, `${q.name} at ${at}`).toBe("answer");
      }
    }
  });

  it("answers for every phase and figure by id once it has been reported", () => {
    const at = "2026-06-24T10:00:00Z"; // the day after the last report, whose own-day facts are then known
    for (const q of everyQuestion(story)) {
      const reply = runCommand(registry, q.name, q.options, contextAt(at, {}, dataset));
      if (q.name !== "captives") expect(reply.kind, `${q.name} ${JSON.stringify(q.options)}`).toBe("answer");
    }
  });

  it("says at any instant only what was known then (a walk from the announcement to the last report)", () => {
    expect(walkStory(dataset, "lebanon-2024", "2024-11-26", story.story.asOf)).toEqual([]);
  }, 300_000);
});
