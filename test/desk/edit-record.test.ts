/** The record of changes: what each load of the data changed, field by field, and who changed it. */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indexStory } from "../../src/dataset/dataset.js";
import { assemble, parseStoryText } from "../../src/dataset/load.js";
import { ChangeRecorder, datasetChanges } from "../../src/desk/edit-record.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { ManualClock } from "../../src/time/clock.js";
import { type RawStory, shippedStory, silentLog, tempDir } from "../support/index.js";

function load(raw: RawStory) {
  const parsed = parseStoryText("gaza-2025.json", JSON.stringify(raw));
  const result = assemble([indexStory("gaza-2025.json", parsed.data ?? raw)], parsed.errors);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.dataset;
}

const before = load(shippedStory());
const edited = (edit: (s: RawStory) => void) => {
  const s = shippedStory();
  edit(s);
  return load(s);
};

describe("what a load of the data changed", () => {
  it("names an added event by its id, and a changed figure value by its place", () => {
    const after = edited((s) => {
      s.events.push({
        id: "talks-stall",
        when: "2026-02-01",
        title: "Talks stall",
        sourceIds: ["aj-2025-02-28"],
        evidence: "Talks stall.",
      });
      s.figures[0].values[0].value = 89;
    });
    expect(datasetChanges(before, after).map((c) => [c.path, c.kind, c.old, c.new])).toEqual([
      ["figures.captives-remaining.values[0].value", "development", "90", "89"],
      [
        "events.talks-stall",
        "development",
        undefined,
        '{"id":"talks-stall","when":"2026-02-01","title":"Talks stall","tags":[],"sourceIds":["aj-2025-02-28"],"evidence":"Talks stall.","updates":[]}',
      ],
    ]);
  });

  it("calls a change that marks a value corrected a correction", () => {
    const after = edited((s) => {
      s.figures[0].values[0] = {
        ...s.figures[0].values[0],
        value: 89,
        corrected: { on: "2025-03-03", was: 90 },
      };
    });
    expect(datasetChanges(before, after).map((c) => [c.path, c.kind])).toEqual([
      ["figures.captives-remaining.values[0].value", "correction"],
      ["figures.captives-remaining.values[0].corrected", "correction"],
    ]);
  });

  it("finds nothing when nothing changed", () => {
    expect(datasetChanges(before, load(shippedStory()))).toEqual([]);
  });
});

describe("the recorder", () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  });
  afterEach(async () => {
    await store.close();
  });

  it("records a hand edit without an author, and a desk edit with its author and kind", async () => {
    const clock = new ManualClock("2025-03-03T10:00:00Z");
    const recorder = new ChangeRecorder({ store, clock, log: silentLog() });
    const hand = edited((s) => {
      s.figures[0].values[0].note = "Per the army.";
    });
    expect(await recorder.record(hand, before)).toBe(1);
    clock.set("2025-03-03T11:00:00Z");
    recorder.expect("gaza-2025", { by: "ana", kind: "correction" });
    const desk = edited((s) => {
      s.figures[0].values[0].note = "Per the army.";
      s.figures[0].values[0].value = 58;
    });
    await recorder.record(desk, hand);
    const record = await store.changes("gaza-2025", 10);
    expect(record.map((c) => [c.path, c.kind, c.by, c.at.toISOString()])).toEqual([
      ["figures.captives-remaining.values[0].value", "correction", "ana", "2025-03-03T11:00:00.000Z"],
      ["figures.captives-remaining.values[0].note", "development", undefined, "2025-03-03T10:00:00.000Z"],
    ]);
  });
});
