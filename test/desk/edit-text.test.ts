/**
 * What the desk's forms share: reading a form's fields, changing only the part of a story file's text
 * that is edited (formatting and key order kept, so a diff shows only the change), where a dated item
 * goes in a list kept oldest first, and reading and writing the file atomically.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseStoryText } from "../../src/dataset/load.js";
import {
  appendToHistory,
  compact,
  EditError,
  edit,
  fieldErrors,
  firstReported,
  indexOfId,
  insertionIndex,
  isWithin,
  list,
  num,
  quote,
  readText,
  text,
  versionOf,
  withoutEvidence,
  writeAtomically,
} from "../../src/desk/edit-text.js";
import { wordsFor } from "../../src/language/words.js";
import { tempDir, truceStory } from "../support/index.js";

describe("a form's fields", () => {
  it("read a list split at commas, empty as nothing", () => {
    expect(list(" talks, ,swap ")).toEqual(["talks", "swap"]);
    expect(list(" , ")).toBeUndefined();
    expect(list(undefined)).toBeUndefined();
  });

  it("read text trimmed, a quote with its line breaks as typed, and numbers", () => {
    expect(text("  Talks resume ")).toBe("Talks resume");
    expect(text("   ")).toBeUndefined();
    expect(quote("first line\r\nsecond\rthird")).toBe("first line\nsecond\nthird");
    expect(num(" 58 ")).toBe(58);
    expect(num("")).toBeUndefined();
  });

  it("leave out what the curator did not give, and an entry's evidence for the form's own check", () => {
    expect(compact({ a: 1, b: undefined, c: "" })).toEqual({ a: 1, c: "" });
    expect(withoutEvidence({ value: 58, evidence: "58 remain." })).toEqual({ value: 58 });
  });

  it("report each field's first error, under the form's name for it", () => {
    const result = z.object({ value: z.number(), asOf: z.string() }).safeParse({ value: "x" });
    if (result.success) throw new Error("parsed");
    expect(fieldErrors(result.error, { asOf: "as-of" })).toEqual({
      value: "Invalid input: expected number, received string",
      "as-of": "Invalid input: expected string, received undefined",
    });
  });
});

describe("a file's version", () => {
  it("is the sha256 of its text", () => {
    expect(versionOf("{}\n")).toMatch(/^[0-9a-f]{64}$/);
    expect(versionOf("{}\n")).toBe(versionOf("{}\n"));
    expect(versionOf("{}\n")).not.toBe(versionOf("{ }\n"));
  });
});

describe("where things are in a story", () => {
  it("puts a dated item after the last one not later than it", () => {
    const dates = ["2025-01-10", "2025-01-25", "2025-01-25", "2025-02-05"];
    expect(insertionIndex(dates, "2025-01-25")).toBe(3);
    expect(insertionIndex(dates, "2025-01-01")).toBe(0);
    expect(insertionIndex(dates, "2025-03-01")).toBe(4);
  });

  it("tells an entry and its parts from its neighbours", () => {
    expect(isWithin("events[3]", "events[3]")).toBe(true);
    expect(isWithin("events[3].evidence", "events[3]")).toBe(true);
    expect(isWithin("events[3].sourceIds[0]", "events[3].sourceIds")).toBe(true);
    expect(isWithin("events[30]", "events[3]")).toBe(false);
  });

  it("finds an item by id, or says the story has no such item", () => {
    const items = [{ id: "agreed" }, { id: "talks" }];
    expect(indexOfId(items, "talks", "event")).toBe(1);
    expect(() => indexOfId(items, "nope", "event")).toThrow(EditError);
    expect(() => indexOfId(items, "nope", "event")).toThrow('no event "nope" in this story');
    expect(() => indexOfId(items, "nope", "event", wordsFor("fr"))).toThrow(
      "aucun événement « nope » dans ce dossier",
    );
  });

  it("dates a history's first entry at its earliest source's publication, else the story's as-of date", () => {
    const data = parseStoryText("truce.json", JSON.stringify(truceStory())).data;
    if (!data) throw new Error("the truce does not parse");
    expect(firstReported(data, ["s-0205", "s-0125"])).toBe("2025-01-25T00:00:00+02:00");
    expect(firstReported(data, [])).toBe("2025-03-01");
  });
});

describe("changing a story file's text", () => {
  const file = '{\n  "story": { "id": "truce" },\n  "events": [\n    { "id": "agreed" }\n  ]\n}\n';

  it("changes only the part edited, keeping the rest as written", () => {
    const changed = edit(file, ["story", "id"], "truce-2");
    expect(changed).toBe(file.replace('"id": "truce"', '"id": "truce-2"'));
  });

  it("inserts into a list", () => {
    const changed = edit(file, ["events", 0], { id: "first" }, true);
    expect(JSON.parse(changed).events).toEqual([{ id: "first" }, { id: "agreed" }]);
  });

  it("adds to a history, and turns a single value into a history first", () => {
    const single = '{ "status": "scheduled" }';
    const once = appendToHistory(
      single,
      ["status"],
      "scheduled",
      { from: "2025-02-01", status: "extended" },
      (v) => ({
        from: "2025-01-10",
        status: v,
      }),
    );
    expect(JSON.parse(once).status).toEqual([
      { from: "2025-01-10", status: "scheduled" },
      { from: "2025-02-01", status: "extended" },
    ]);
    const twice = appendToHistory(
      once,
      ["status"],
      JSON.parse(once).status,
      { from: "2025-02-18", status: "missed" },
      () => ({}),
    );
    expect(JSON.parse(twice).status.map((e: { status: string }) => e.status)).toEqual([
      "scheduled",
      "extended",
      "missed",
    ]);
  });
});

describe("the file on disk", () => {
  it("is written whole or not at all, through a temporary file beside it, and read back", async () => {
    const dir = tempDir();
    const path = join(dir, "truce.json");
    await writeAtomically(path, "{}\n");
    await writeAtomically(path, '{ "a": 1 }\n');
    expect(readFileSync(path, "utf8")).toBe('{ "a": 1 }\n');
    expect(await readText(path)).toBe('{ "a": 1 }\n');
    expect(readdirSync(dir)).toEqual(["truce.json"]);
  });
});
