/**
 * A field that changes over time, written as one value or as its history (entries each from a date),
 * read as changes: a single value holds from the start, visible from when its item is; each entry from
 * its date, visible once its sources (its own, else its item's) report it.
 */
import { describe, expect, it } from "vitest";
import { changesOf, isHistory } from "../../src/dataset/history-fields.js";
import { indexContext } from "../../src/dataset/indexers.js";
import { parseStoryText } from "../../src/dataset/load.js";
import { truceStory } from "../support/index.js";

const parsed = parseStoryText("truce.json", JSON.stringify(truceStory()));
if (!parsed.data) throw new Error(JSON.stringify(parsed.errors));
const cx = indexContext(parsed.data);
const SINCE = Date.parse("2025-01-09T22:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("a history field", () => {
  it("is written as its history when it is a list of entries", () => {
    expect(isHistory([{ from: "2025-01-10", status: "scheduled" }])).toBe(true);
    expect(isHistory("scheduled")).toBe(false);
    expect(isHistory(["mediator", "guarantor"])).toBe(false);
    expect(isHistory([])).toBe(false);
  });

  it("written as one value holds from the start, visible from when its item is", () => {
    const changes = changesOf(
      cx,
      "scheduled",
      (status: string) => ({ value: status, sourceIds: ["s-0110"] }),
      (e: { status: string; from: string }) => e.status,
      ["s-0110"],
      SINCE,
      "A quote.",
    );
    expect(changes).toEqual([
      {
        value: "scheduled",
        sourceIds: ["s-0110"],
        from: Number.NEGATIVE_INFINITY,
        visibleFrom: SINCE,
        evidence: "A quote.",
      },
    ]);
  });

  it("written as entries holds each from its date, visible once its sources or its item's report it", () => {
    const changes = changesOf(
      cx,
      [
        { from: "2025-01-10", status: "scheduled" },
        { from: "2025-01-20", status: "extended", sourceIds: ["s-0125"], note: "by a week" },
      ],
      (status: string) => ({ value: status, sourceIds: [] }),
      (e: { status: string; from: string }) => e.status,
      ["s-0110"],
      SINCE,
    );
    expect(changes.map((c) => [c.value, iso(c.from), iso(c.visibleFrom), c.sourceIds, c.note])).toEqual([
      ["scheduled", "2025-01-09T22:00:00.000Z", "2025-01-09T22:00:00.000Z", ["s-0110"], undefined],
      ["extended", "2025-01-19T22:00:00.000Z", "2025-01-24T22:00:00.000Z", ["s-0125"], "by a week"],
    ]);
  });
});
