/**
 * The desk's edits change only the part of the file they edit, carry the curator's evidence, and are
 * checked like `validate`: the evidence by the story's validation itself, with its path.
 */
import { describe, expect, it } from "vitest";
import { parseStoryText } from "../../src/dataset/load.js";
import type { StoryFile } from "../../src/dataset/schema.js";
import { EditError, FORMS } from "../../src/desk/edits.js";
import { shippedStoryText, truceStory } from "../support/index.js";

const data = parseStoryText("gaza-2025.json", shippedStoryText).data as StoryFile;
const context = { now: new Date("2025-03-03T09:00:00Z"), timeZone: "Asia/Jerusalem" };
/** Word for word from the 28 February article (aj-2025-02-28). */
const QUOTE =
  "According to Israel, there are 59 captives remaining in Gaza, 24 of whom are still believed to be alive.";

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

const newValue = (fields: Record<string, string> = {}) =>
  FORMS["figure-value"].read(
    {
      figure: "captives-remaining",
      value: "58",
      asOf: "2025-03-02",
      attribution: "Israel",
      sourceId: "aj-2025-02-28",
      evidence: QUOTE,
      ...fields,
    },
    context,
  );

describe("desk edits of figure values", () => {
  it("insert a figure value in date order, with its evidence, as the only change to the text", () => {
    const form = newValue();
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    const after = form.apply(shippedStoryText, data);
    expect(after.at).toBe("figures[0].values[6]");
    expect(added(shippedStoryText, after.text).map((l) => l.trim())).toEqual([
      '"value": 58,',
      '"asOf": "2025-03-02",',
      '"attribution": "Israel",',
      '"sourceId": "aj-2025-02-28",',
      `"evidence": ${JSON.stringify(QUOTE)}`,
      "},",
      "{",
    ]);
    expect(after.text.split("\n").length).toBe(shippedStoryText.split("\n").length + 7); // nothing removed
    const parsed = parseStoryText("x.json", after.text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.data?.figures[0]?.values.slice(5, 8).map((v) => v.asOf)).toEqual([
      "2025-02-28",
      "2025-03-02",
      "2025-03-18",
    ]);
  });

  it("leave a missing or too long evidence to the story's validation, which names the path", () => {
    for (const [evidence, message] of [
      [
        "",
        'is required: a short quote (at most 300 characters) from source "aj-2025-02-28" that supports this statement',
      ],
      ["x".repeat(301), "must be at most 300 characters: quote the words that support it"],
    ] as const) {
      const form = newValue({ evidence });
      if (!form.ok) throw new Error(`the form refused it itself: ${JSON.stringify(form.errors)}`);
      const { errors } = parseStoryText("x.json", form.apply(shippedStoryText, data).text);
      expect(errors).toEqual([{ file: "x.json", path: "figures[0].values[6].evidence", message }]);
    }
  });

  it("name the field a value is wrong in, with the schema's own message", () => {
    const form = FORMS["figure-value"].read(
      { figure: "captives-remaining", value: "-3", asOf: "March" },
      context,
    );
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(Object.keys(form.errors).sort()).toEqual(["asOf", "attribution", "sourceId", "value"]);
    expect(form.errors.value).toBe("Too small: expected number to be >=0");
  });

  it("correct the value the correction names, of the figure the form saves to, with the evidence given", () => {
    const form = FORMS["figure-value"].read(
      {
        figure: "captives-believed-alive",
        value: "23",
        asOf: "2025-03-01",
        attribution: "CNN",
        sourceId: "cnn-2025-03-01",
        evidence: "There are thought to be 24 Israeli hostages still alive in Gaza.",
        corrects: "captives-believed-alive:1",
      },
      context,
    );
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    const applied = form.apply(shippedStoryText, data);
    expect(applied.at).toBe("figures[1].values[1]");
    const after = parseStoryText("x.json", applied.text);
    expect(after.errors).toEqual([]);
    expect(after.data?.figures[1]?.values[1]).toMatchObject({
      value: 23,
      evidence: "There are thought to be 24 Israeli hostages still alive in Gaza.",
      corrected: { on: "2025-03-03T09:00:00Z", was: 24 },
    });
    expect(after.data?.figures[0]).toEqual(data.figures[0]);
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
      context,
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
      context,
    );
    expect(bare).toEqual({ ok: false, errors: { corrects: "no such value to correct" } });
  });
});

describe("desk edits of histories and lists", () => {
  it("turn a single status into its history when a deadline's status is set, the first entry keeping the deadline's evidence", () => {
    const text = `${JSON.stringify(truceStory(), null, 2)}\n`;
    const truce = parseStoryText("truce.json", text).data as StoryFile;
    const form = FORMS["deadline-status"].read({
      deadline: "dawn-withdrawal",
      status: "cancelled",
      from: "2025-01-15",
      sourceIds: "s-0110",
      evidence: "The withdrawal is cancelled.",
    });
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    const applied = form.apply(text, truce);
    expect(applied.at).toBe("deadlines[1].status");
    const after = parseStoryText("x.json", applied.text);
    expect(after.errors).toEqual([]);
    expect(after.data?.deadlines[1]?.status).toEqual([
      { status: "missed", from: "2025-01-10T00:00:00+02:00", evidence: "As the source reports." },
      {
        status: "cancelled",
        from: "2025-01-15",
        sourceIds: ["s-0110"],
        evidence: "The withdrawal is cancelled.",
      },
    ]);
  });

  it("turn a single role into its history when a person gets a new role, the first entry keeping the person's evidence", () => {
    const raw = truceStory((s) => {
      s.people[0].role = "North's negotiator";
    });
    const text = `${JSON.stringify(raw, null, 2)}\n`;
    const truce = parseStoryText("truce.json", text).data as StoryFile;
    const form = FORMS["person-role"].read({
      person: "ana",
      role: "North's foreign minister",
      from: "2025-02-05",
      sourceIds: "s-0205",
      evidence: "Ana, now North's foreign minister, said so.",
    });
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    const after = parseStoryText("x.json", form.apply(text, truce).text);
    expect(after.errors).toEqual([]);
    expect(after.data?.people[0]?.role).toEqual([
      { role: "North's negotiator", from: "2025-01-10T00:00:00+02:00", evidence: "As the source reports." },
      {
        role: "North's foreign minister",
        from: "2025-02-05",
        sourceIds: ["s-0205"],
        evidence: "Ana, now North's foreign minister, said so.",
      },
    ]);
  });

  it("refuse an edit of something the story does not have", () => {
    const form = FORMS["deadline-move"].read({
      deadline: "nope",
      at: "2025-03-02",
      due: "2025-03-10",
      kind: "extended",
      attribution: "x",
      sourceIds: "aj-2025-02-28",
      evidence: QUOTE,
    });
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    expect(() => form.apply(shippedStoryText, data)).toThrow(EditError);
  });
});
