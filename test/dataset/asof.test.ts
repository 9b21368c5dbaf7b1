/**
 * Answers as of an instant, on an invented truce that changes: each change checked at instants before,
 * at and after it (see test/support/truce.ts for the story).
 */
import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/command-engine/run.js";
import { storyAt } from "../../src/dataset/asof.js";
import { renderText } from "../../src/platforms/console/text.js";
import { plainText, type Reply } from "../../src/reply/reply.js";
import { registry, truceContext, truceDataset, truceStory } from "../support/index.js";

const dataset = truceDataset();
const ask = (command: string, options: Record<string, string>, at: string, ds = dataset): Reply =>
  runCommand(registry, command, options, truceContext(at, ds));
const text = (command: string, options: Record<string, string>, at: string, ds = dataset) =>
  renderText(ask(command, options, at, ds));

describe("a phase that starts at 04:00 local time", () => {
  // Without the later extensions: 30 days from 04:00 on 11 January to 04:00 on 10 February (UTC+2).
  // Days are counted on the story's calendar: 11 January is day 1, 12 January from midnight day 2, and
  // 9 February day 30, which the count keeps until the end at 04:00 on 10 February.
  const fixed = truceDataset();
  const plain = truceDataset(
    truceStory((s) => {
      s.story.id = "plain";
      delete s.story.default;
      s.phases[0].moves = [];
      s.phases[0].status = "active";
    }),
  );
  const phase = (at: string) => text("phase", { story: "plain" }, at, plain);

  it("is not started at 03:59 on its first day, and is on day 1 at 04:00", () => {
    expect(phase("2025-01-11T01:59:00Z")).toContain("The truce starts");
    expect(phase("2025-01-11T02:00:00Z")).toContain("The truce is on day 1 of 30");
  });

  it("turns to its next day at midnight in the story's zone, not at its starting hour", () => {
    expect(phase("2025-01-11T21:59:00Z")).toContain("day 1 of 30"); // 23:59 on 11 January
    expect(phase("2025-01-11T22:00:00Z")).toContain("day 2 of 30"); // 00:00 on 12 January
    expect(phase("2025-01-11T23:00:00Z")).toContain("day 2 of 30"); // 01:00 on 12 January
    expect(phase("2025-01-12T02:00:00Z")).toContain("day 2 of 30"); // 04:00 on 12 January
    expect(phase("2025-01-12T22:00:00Z")).toContain("day 3 of 30"); // 00:00 on 13 January
  });

  it('never reads "day 31 of 30": its last calendar day lasts until it ends at 04:00 the day after', () => {
    expect(phase("2025-02-08T21:59:00Z")).toContain("The truce is on day 29 of 30"); // 23:59 on 8 February
    expect(phase("2025-02-08T22:00:00Z")).toContain("The truce is on day 30 of 30"); // 00:00 on 9 February
    expect(phase("2025-02-10T00:30:00Z")).toContain("The truce is on day 30 of 30"); // 02:30 on 10 February
    expect(phase("2025-02-10T01:59:00Z")).toContain("The truce is on day 30 of 30"); // 03:59 on 10 February
    expect(phase("2025-02-10T02:00:00Z")).toContain("No phase is in force: The truce has ended."); // 04:00
    expect(fixed.stories.length).toBe(1);
  });
});

describe("a phase extended, then in force until further notice", () => {
  it("counts to its planned end before the first extension was known", () => {
    expect(text("phase", {}, "2025-02-08T10:00:00Z")).toContain("The truce is on day 29 of 30");
  });

  it("counts to the new end once extended, and says what it was", () => {
    const out = text("phase", {}, "2025-02-12T10:00:00Z");
    expect(out).toContain("The truce is on day 33 of 41 and ends in 8 days.");
    expect(out).toContain("Extended on Sunday 9 February 2025, according to East; planned end was");
  });

  it("says how long it has lasted once it has no planned end", () => {
    const out = text("phase", {}, "2025-02-25T10:00:00Z");
    expect(out).toContain("The truce is on day 46 and in force until further notice.");
    expect(out).toContain("Extended since 20 Feb 2025, according to East — In force until further notice.");
    expect(out).not.toContain("Progress:");
  });
});

describe("a deadline whose due date was extended", () => {
  const deadlines = (at: string) => text("deadlines", {}, at);

  it("reads as due on 26 January before the move", () => {
    expect(deadlines("2025-01-25T09:00:00Z")).toContain(
      "Handover of prisoners — Sunday 26 January 2025 (tomorrow) · scheduled",
    );
  });

  it("reads as due on 18 February, with the date it had, from the move on", () => {
    expect(deadlines("2025-01-25T10:00:00Z")).toContain(
      "Handover of prisoners — Tuesday 18 February 2025 (in 24 days) · extended · was due Sunday 26 January 2025; extended on 25 Jan 2025, 12:00 EET, according to East",
    );
  });

  it("reads as missed only once its due date has passed and the report is out", () => {
    expect(deadlines("2025-02-18T10:00:00Z")).toContain("(today) · extended");
    expect(deadlines("2025-02-19T10:00:00Z")).toContain("(yesterday) · extended");
    expect(deadlines("2025-02-20T10:00:00Z")).toContain("(2 days ago) · missed according to East");
  });
});

describe("a deadline's history in chat", () => {
  it("lists its due dates and statuses as known at the instant (/deadlines deadline:)", () => {
    const out = text("deadlines", { deadline: "handover" }, "2025-02-21T10:00:00Z");
    expect(out).toContain("Due Tuesday 18 February 2025 (3 days ago) · missed.");
    expect(out).toContain(
      "Due dates:\n  Due Sunday 26 January 2025 (as first set)\n  Extended on 25 Jan 2025, 12:00 EET to Tuesday 18 February 2025, according to East",
    );
    expect(out).toContain(
      "Statuses:\n  From 10 Jan 2025: scheduled\n  From 25 Jan 2025: extended\n  From 19 Feb 2025: missed, according to East",
    );
    expect(text("deadlines", { deadline: "handover" }, "2025-01-20T10:00:00Z")).not.toContain("Extended on");
    expect(ask("deadlines", { deadline: "nope" }, "2025-01-20T10:00:00Z")).toMatchObject({
      kind: "error",
      title: "Unknown deadline",
    });
  });
});

describe("a deadline whose single status says missed (an old file)", () => {
  it("reads scheduled until its exact time, then missed", () => {
    expect(text("deadlines", {}, "2025-01-20T01:59:00Z")).toContain(
      "Withdrawal at dawn — 20 Jan 2025, 04:00 EET (in 1 minute) · scheduled",
    );
    expect(text("deadlines", {}, "2025-01-20T02:00:00Z")).toContain(
      "Withdrawal at dawn — 20 Jan 2025, 04:00 EET (now) · missed",
    );
  });
});

describe("events of one day", () => {
  it("are in the order they happened: timed ones by time, an untimed one after the timed one before it", () => {
    const titles = (
      ask("timeline", { from: "2025-01-25", to: "2025-01-25" }, "2025-01-26T10:00:00Z").lines ?? []
    ).map((l) => plainText(l).split(" — ")[1]);
    expect(titles).toEqual(["Early patrol", "Shots fired at dawn", "Talks resume"]);
  });
});

describe("parties and people", () => {
  const field = (reply: Reply, name: string) =>
    plainText(reply.fields?.find((f) => f.name === name)?.value ?? []).split("\n");

  it("groups parties by each of their roles in force", () => {
    const before = ask("parties", {}, "2025-01-15T10:00:00Z");
    expect(before.fields?.map((f) => f.name)).toEqual([
      "Parties to the conflict",
      "Mediators",
      "Guarantors",
      "Monitors",
      "People",
    ]);
    const after = ask("parties", {}, "2025-02-06T10:00:00Z");
    expect(field(after, "Signatories")).toEqual(["South"]);
    expect(field(after, "Parties to the conflict")).toEqual(["North", "South"]);
    expect(field(after, "Mediators")).toEqual(["East"]);
    expect(field(after, "Guarantors")).toEqual(["East"]);
    expect(field(after, "Monitors")).toEqual(["West"]);
  });

  it("gives a person's role in force, and their role when they spoke for what they said", () => {
    expect(field(ask("parties", {}, "2025-01-15T10:00:00Z"), "People")).toEqual(["Ana, North's negotiator"]);
    expect(field(ask("parties", {}, "2025-02-06T10:00:00Z"), "People")).toEqual([
      "Ana, North's foreign minister",
    ]);
    expect(text("claims", {}, "2025-02-06T10:00:00Z")).toContain("Ana, North's negotiator (10 Jan 2025)");
  });

  it("names every party of a joint statement, and finds it under each of them", () => {
    expect(text("claims", {}, "2025-02-06T10:00:00Z")).toContain(
      "East and West (joint statement) (5 Feb 2025): The truce holds.",
    );
    expect(plainText(ask("claims", { party: "west" }, "2025-02-06T10:00:00Z").summary ?? [])).toBe(
      "1 statement, oldest first.",
    );
    expect(plainText(ask("claims", { party: "east" }, "2025-02-04T10:00:00Z").summary ?? [])).toBe(
      "No statements in the data.",
    );
  });
});

describe("the story's summary", () => {
  it("is the one in force at the instant", () => {
    const story = dataset.byId.get("truce");
    if (!story) throw new Error("no truce");
    expect(storyAt(story, new Date("2025-01-09T10:00:00Z")).summary()).toBeUndefined();
    expect(storyAt(story, new Date("2025-01-15T10:00:00Z")).summary()).toBe("A truce was agreed.");
    expect(storyAt(story, new Date("2025-02-21T10:00:00Z")).summary()).toBe(
      "The truce was extended until further notice.",
    );
  });
});
