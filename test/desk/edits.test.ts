/** The desk's edits change only the part of the file they edit, and are checked like `validate`. */
import { describe, expect, it } from "vitest";
import { parseStoryText } from "../../src/dataset/load.js";
import type { StoryFile } from "../../src/dataset/schema.js";
import { EditError, FORMS } from "../../src/desk/edits.js";
import { shippedStoryText, truceStory } from "../support/index.js";

const data = parseStoryText("gaza-2025.json", shippedStoryText).data as StoryFile;
const now = new Date("2025-03-03T09:00:00Z");

/** The lines of `after` that are not in `before` (a line diff's additions, in order). */
function added(before: string, after: string): string[] {
  const old = before.split("\n");
  const lines = after.split("\n");
  let i = 0;
  while (i < old.length && old[i] === lines[i]) i++;
  let j = 0;
  while (j < old.length - i && old[old.length - 1 - j] === lines[lines.length - 1 - j]) j++;
  return lines.slice(i, lines.length - j);
}

describe("desk edits", () => {
  it("insert a figure value in date order, as the only change to the text", () => {
    const form = FORMS["figure-value"].read(
      {
        figure: "captives-remaining",
        value: "58",
        asOf: "2025-03-02",
        attribution: "Israel",
        sourceId: "aj-2025-02-28",
      },
      now,
    );
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    const after = form.apply(shippedStoryText, data);
    expect(added(shippedStoryText, after).map((l) => l.trim())).toEqual([
      '"value": 58,',
      '"asOf": "2025-03-02",',
      '"attribution": "Israel",',
      '"sourceId": "aj-2025-02-28"',
      "},",
      "{",
    ]);
    expect(after.split("\n").length).toBe(shippedStoryText.split("\n").length + 6); // nothing removed
    const values = parseStoryText("x.json", after).data?.figures[0]?.values.map((v) => v.asOf);
    expect(values?.slice(0, 3)).toEqual(["2025-02-28", "2025-03-02", "2025-03-18"]);
  });

  it("turn a single status into its history when a deadline's status is set", () => {
    const text = `${JSON.stringify(truceStory(), null, 2)}\n`;
    const truce = parseStoryText("truce.json", text).data as StoryFile;
    const form = FORMS["deadline-status"].read({
      deadline: "dawn-withdrawal",
      status: "cancelled",
      from: "2025-01-15",
      sourceIds: "s-0110",
    });
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    const after = parseStoryText("x.json", form.apply(text, truce));
    expect(after.errors).toEqual([]);
    expect(after.data?.deadlines[1]?.status).toEqual([
      { status: "missed", from: "2025-01-10" },
      { status: "cancelled", from: "2025-01-15", sourceIds: ["s-0110"] },
    ]);
  });

  it("name the field a value is wrong in, with the schema's own message", () => {
    const form = FORMS["figure-value"].read(
      { figure: "captives-remaining", value: "-3", asOf: "March" },
      now,
    );
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(Object.keys(form.errors).sort()).toEqual(["asOf", "attribution", "sourceId", "value"]);
    expect(form.errors.value).toBe("Too small: expected number to be >=0");
  });

  it("correct the value the correction names, of the figure the form saves to", () => {
    const form = FORMS["figure-value"].read(
      {
        figure: "captives-believed-alive",
        value: "23",
        asOf: "2025-03-01",
        attribution: "CNN",
        sourceId: "cnn-2025-03-01",
        corrects: "captives-believed-alive:1",
      },
      now,
    );
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    const after = parseStoryText("x.json", form.apply(shippedStoryText, data)).data;
    expect(after?.figures[1]?.values[1]).toMatchObject({
      value: 23,
      corrected: { on: "2025-03-03T09:00:00Z", was: 24 },
    });
    expect(after?.figures[0]).toEqual(data.figures[0]);
  });

  it("refuse a correction of another figure's value (a list left from the figure first shown)", () => {
    const form = FORMS["figure-value"].read(
      {
        figure: "captives-believed-alive",
        value: "23",
        asOf: "2025-03-01",
        attribution: "CNN",
        sourceId: "cnn-2025-03-01",
        corrects: "captives-remaining:1",
      },
      now,
    );
    expect(form).toEqual({
      ok: false,
      errors: {
        corrects:
          'that is a value of "captives-remaining", not of "captives-believed-alive": choose one of this figure\'s values',
      },
    });
    const bare = FORMS["figure-value"].read(
      {
        figure: "captives-believed-alive",
        value: "1",
        asOf: "2025-03-01",
        attribution: "x",
        sourceId: "s",
        corrects: "1",
      },
      now,
    );
    expect(bare).toEqual({ ok: false, errors: { corrects: "no such value to correct" } });
  });

  it("refuse an edit of something the story does not have", () => {
    const form = FORMS["deadline-move"].read({
      deadline: "nope",
      at: "2025-03-02",
      due: "2025-03-10",
      kind: "extended",
      attribution: "x",
      sourceIds: "aj-2025-02-28",
    });
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    expect(() => form.apply(shippedStoryText, data)).toThrow(EditError);
  });
});
